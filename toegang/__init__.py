"""Who is at the keyboard: identities (local accounts, the municipality's OpenID provider, service keys), their
roles and what each role may do. Interfaces (web, CLI) ask this package; the engines below never do."""

from toegang.identiteit import Identiteit
from toegang.rollen import RolFout, controleer_rollen, rechten_van, rollen, rollen_met

__all__ = ["Identiteit", "RolFout", "controleer_rollen", "rechten_van", "rollen", "rollen_met"]
