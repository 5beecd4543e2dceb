"""Split Dutch text into sentences without breaking at abbreviations (art., o.a., t.a.v.), initials, numbers
(1.250,00; artikel 5.1) or enumerations. Rule-based on purpose: the parser's sentence boundaries are less reliable."""

from __future__ import annotations

import re

from checks.content import content_cache, load_yaml

EINDE = re.compile(r"[.!?…]+[\"'”’)]*(?=\s+|$)")
REGELS = re.compile(r"\n+")
INITIALEN = re.compile(r"([a-z]\.)+")               # o.a. / J.H.
LETTER = re.compile(r"[a-zà-ÿ]\.")
GETAL = re.compile(r"\d+[.:]\d*\.?")
NUMMER = re.compile(r"(\d+|[a-z]|[ivx]+)\.")        # 1. / a. / iv.
DAG = re.compile(r"\d{1,2}\.")


@content_cache
def afkortingen() -> frozenset[str]:
    return frozenset(a["afkorting"].lower() for a in load_yaml("b1/afkortingen.yaml")["afkortingen"])


def splits(tekst: str) -> list[str]:
    """The sentences of a text; line breaks inside a paragraph (addresses, lists) also end a sentence."""
    zinnen: list[str] = []
    for regel in REGELS.split(tekst):
        zinnen.extend(_splits_regel(regel.strip()))
    return [z for z in zinnen if z]


def _splits_regel(regel: str) -> list[str]:
    zinnen, begin = [], 0
    for einde in EINDE.finditer(regel):
        if einde.group(0).startswith(".") and _geen_zinseinde(regel, einde.start(), einde.end()):
            continue
        zinnen.append(regel[begin:einde.end()].strip())
        begin = einde.end()
    zinnen.append(regel[begin:].strip())
    return zinnen


def _geen_zinseinde(regel: str, punt: int, na: int) -> bool:
    """A period that is part of an abbreviation, an initial or a number, or followed by lower case."""
    woord = regel[:punt + 1].split()[-1].lower().lstrip("(\"'“‘")
    if woord in afkortingen() or INITIALEN.fullmatch(woord):          # art. / o.a. / J.H.
        return True
    if LETTER.fullmatch(woord) or GETAL.fullmatch(woord) and not regel[na:].strip():
        return True
    if NUMMER.fullmatch(woord) and not regel[:punt + 1 - len(woord)].strip():   # "1. Eerste punt"
        return True
    volgende = regel[na:].lstrip()
    return bool(volgende) and (volgende[0].islower() or volgende[0].isdigit() and DAG.fullmatch(woord))
