"""A document as HTML for the preview: paragraph by paragraph as the checks read it, so each finding's position
('alinea 12', 'tabel 1, rij 2') links to the passage it concerns."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from checks.document import Document


@dataclass
class Passage:
    anker: str
    positie: str
    tekst: str
    kop: bool
    zinnen: list = field(default_factory=list)     # (text, problems, number) for the B1 view
    bevindingen: int = 0


def anker(positie: str) -> str:
    """'alinea 12' -> 'plek-alinea-12'; the id a finding links to."""
    return "plek-" + (re.sub(r"[^a-z0-9]+", "-", positie.lower()).strip("-") or "document")


def passages(document: Document, posities_met_bevinding: set[str] = frozenset()) -> list[Passage]:
    """The running text first, then what stands in the page header and footer."""
    gezien: dict[str, int] = {}
    lijst = []
    for alinea in sorted(document.alineas, key=lambda a: a.positie in ("koptekst", "voettekst")):
        id_ = anker(alinea.positie)
        gezien[id_] = gezien.get(id_, 0) + 1
        if gezien[id_] > 1:
            id_ = f"{id_}-{gezien[id_]}"
        lijst.append(Passage(id_, alinea.positie, alinea.tekst, alinea.kop,
                             bevindingen=int(alinea.positie in posities_met_bevinding)))
    return lijst


def met_zinnen(lijst: list[Passage], zinnen) -> list[Passage]:
    """Split each passage into its checked sentences (B1), numbered in reading order, so flagged ones can be
    highlighted; text the check skipped (letterhead, labels) stays as it is."""
    per_positie: dict[str, list] = {}
    for nummer, zin in enumerate(zinnen, start=1):
        per_positie.setdefault(zin.positie, []).append((zin, nummer))
    for passage in lijst:
        for zin, nummer in per_positie.pop(passage.positie, []):
            passage.zinnen.append((zin.tekst, zin.problemen, nummer))
    return lijst
