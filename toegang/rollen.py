"""The roles and the rights each gives, read from content/rollen.yaml (data the gemeente maintains)."""

from __future__ import annotations

from dataclasses import dataclass

from checks.content import content_cache, load_yaml
from generator.vullen.fouten import InvoerFout


class RolFout(InvoerFout):
    """A role that content/rollen.yaml does not know."""


@dataclass(frozen=True)
class Rol:
    naam: str
    omschrijving: str
    rechten: frozenset[str]


@content_cache
def rollen() -> dict[str, Rol]:
    gegevens = load_yaml("rollen.yaml").get("rollen") or {}
    return {naam: Rol(naam, str(r.get("omschrijving", "")), frozenset(r.get("rechten") or ()))
            for naam, r in gegevens.items()}


def rechten_van(namen) -> frozenset[str]:
    """Every right the given roles give together; an unknown role gives none."""
    bekend = rollen()
    return frozenset().union(*(bekend[n].rechten for n in namen if n in bekend))


def rollen_met(recht: str) -> list[str]:
    """The roles that give this right, in the order of rollen.yaml (for a 403 page: 'vraag de rol jurist')."""
    return [r.naam for r in rollen().values() if recht in r.rechten]


def controleer_rollen(namen) -> list[str]:
    """The role names as given, or RolFout naming the unknown one and the roles there are."""
    namen = [n.strip() for n in namen if n and n.strip()]
    onbekend = [n for n in namen if n not in rollen()]
    if onbekend:
        raise RolFout(f"rol '{onbekend[0]}' bestaat niet; kies uit: {', '.join(rollen())} (content/rollen.yaml)")
    return namen
