"""An identity: who did something, as the register stores it. Never a name someone typed: it comes from a local
account after its password, from the municipality's OpenID provider, or from a service key."""

from __future__ import annotations

from dataclasses import dataclass

from toegang.rollen import rechten_van

LOKAAL = "lokaal"        # bron of a local account (sjabloon gebruiker ...)
SLEUTEL = "sleutel"      # bron of a service key (sjabloon sleutel ...)


@dataclass(frozen=True)
class Identiteit:
    subject: str             # stable and unique: 'lokaal:anna', 'sleutel:zaaksysteem', or the provider's 'sub'
    naam: str                # the name people read (the account's full name, the provider's 'name' claim)
    rollen: frozenset[str]
    bron: str                # LOKAAL, SLEUTEL, or the OpenID provider's issuer URL

    def mag(self, recht: str) -> bool:
        return recht in rechten_van(self.rollen)

    def is_zelfde(self, ander: Identiteit) -> bool:
        return (self.bron, self.subject) == (ander.bron, ander.subject)

    def als_register(self) -> dict:
        """What the register keeps of this identity (in `gegevens` of an entry; `door` holds the name)."""
        return {"subject": self.subject, "naam": self.naam, "bron": self.bron, "rollen": sorted(self.rollen)}
