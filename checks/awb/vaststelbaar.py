"""When an element that was not found is not therefore missing.

A text cut off before its end, a text that leaves its motivering to an annex it does not include, a notice of a
decision that lies elsewhere, or a text of unknown type says too little to tell: the element is then `niet
vastgesteld`, with the reason, and never a fout. The signs are data (content/awb/elementen.yaml: vaststelbaar).
"""

from __future__ import annotations

import re

from checks.awb.regels import patroon, tekst_cache
from checks.content import load_yaml
from checks.document import Document

BUITEN_DE_TEKST = ("koptekst", "voettekst", "voetnoot", "eindnoot", "tekstvak", "tabel")


def regels() -> dict:
    return load_yaml("awb/elementen.yaml")["vaststelbaar"]


def afgebroken(document: Document, ondertekening: list[int]) -> str | None:
    """The reason, when the running text bears a sign of a cut, or stops in the middle of a sentence: its last line
    has six words or more and no closing punctuation, while the line before it does close or is a heading (else it
    is a list), and no signature came before it (else it is an annex after the signature)."""
    data = regels()["afgebroken"]
    lopend = [i for i, a in enumerate(document.alineas) if not a.positie.startswith(BUITEN_DE_TEKST)]
    if not lopend:
        return None
    slot = document.alineas[lopend[-1]]
    if patroon(data["knip"]).search(slot.klein):
        return data["reden"].format(slot=slot.tekst.strip()[-60:])
    if any(i <= lopend[-1] for i in ondertekening):
        return None
    regel = slot.tekst.strip().split("\n")[-1]
    vorige = document.alineas[lopend[-2]] if len(lopend) > 1 else None
    gestopt = (not slot.kop and len(regel.split()) >= 6 and not re.search(data["zinseinde"], regel)
               and (vorige is None or vorige.kop or re.search(data["zinseinde"], vorige.tekst.strip())))
    return data["reden"].format(slot=regel[-60:]) if gestopt else None


def niet_vast_te_stellen(document: Document, type_onbekend: bool, ondertekening: list[int]
                         ) -> tuple[str | None, dict[str, str]]:
    """(a reason that holds for every element not found, or None; per element the reason it cannot be told)."""
    data = regels()
    if type_onbekend:
        return data["type_onbekend"]["reden"], {}
    if reden := afgebroken(document, ondertekening):
        return reden, {}
    per_element: dict[str, str] = {}
    per_alinea = [_verwijzingen(a.klein) for a in document.alineas]
    for nummer, verwijzing in enumerate(data["verwijzingen"].values()):
        treffer = next((gevonden[nummer][0] for gevonden in per_alinea if gevonden[nummer][0] is not None), None)
        if treffer is not None and not any(gevonden[nummer][1] for gevonden in per_alinea):
            for element in verwijzing["elementen"]:
                per_element.setdefault(element, verwijzing["reden"].format(treffer=treffer[:80]))
    return None, per_element


@tekst_cache
def _verwijzingen(klein: str) -> tuple[tuple[str | None, bool], ...]:
    """Per verwijzing, for one paragraph: the text its pattern matches (or None), and whether its tenzij matches."""
    return tuple((m.group(0) if (m := patroon(v["patroon"]).search(klein)) else None,
                  bool(v.get("tenzij") and patroon(v["tenzij"]).search(klein)))
                 for v in regels()["verwijzingen"].values())
