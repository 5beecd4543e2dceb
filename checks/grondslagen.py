"""The legal bases in content/grondslagen.yaml: citations for templates, and a check that cited articles exist."""

from __future__ import annotations

import re

from checks.content import content_cache, load_yaml

LID = r"(?:,?\s*(?:eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|\d+e?)\s+lid)?"
ONDER = r"(?:,?\s*(?:aanhef\s+en\s+)?onder\s+[a-z0-9]+)?"


def grondslagen() -> dict:
    return load_yaml("grondslagen.yaml")["grondslagen"]


@content_cache
def _citaat_patroon() -> tuple[re.Pattern, dict[str, str]]:
    """A citation 'artikel 5:32, eerste lid, van de Algemene wet bestuursrecht' of a law named in the content."""
    namen = {}
    for wet, gegevens in load_yaml("grondslagen.yaml")["wetten"].items():
        for naam in gegevens["noemt"]:
            namen[naam.lower()] = wet
    wetten = "|".join(re.escape(n) for n in sorted(namen, key=len, reverse=True))
    artikel = r"(?:artikel|art\.)\s*(\d+[a-z]?(?:[.:]\d+[a-z]?)?)"
    return re.compile(rf"{artikel}{LID}{ONDER},?\s*(?:van\s+(?:de|het)\s+)?({wetten})\b", re.IGNORECASE), namen


@content_cache
def _bekend() -> set[tuple[str, str]]:
    return {(g["wet"], str(g["artikel"]).lower()) for g in grondslagen().values()}


def onbekende_artikelen(tekst: str) -> list[str]:
    """Citations in the text of an article that is not in the legal-bases content."""
    return list(_onbekend(tekst))


@content_cache(maximum=2_000)   # per paragraph: letters from one template share most (checks.awb.regels.MAX_TEKSTEN)
def _onbekend(tekst: str) -> tuple[str, ...]:
    patroon, namen = _citaat_patroon()
    onbekend = []
    for gevonden in patroon.finditer(tekst):
        wet = namen[gevonden.group(2).lower()]
        if (wet, gevonden.group(1).lower()) not in _bekend():
            onbekend.append(gevonden.group(0))
    return tuple(onbekend)

