"""Is this paragraph a heading? Heading styles are a hint, not a requirement: letters are written in any style."""

from __future__ import annotations

import re

_NUMMERKOP = re.compile(r"^\d+(\.\d+)*\.?\s+[^\W\d_]")   # '3.1 Toetsing'; '1. eerst ...' is a list item, not a heading
_KOP_MET_TEKST = re.compile(r"^[^:]{1,40}:\s*\S")     # "BESLUIT: het college besluit ...": a label with its text


def lijkt_kop(tekst: str) -> bool:
    """A short line without closing punctuation, like '3. Belangenafweging', 'BESLUIT:' or 'Wat wij hebben besloten'.
    A label followed by its text on the same line is not: 'BESLUIT: het college ...', 'Betreft: uw aanvraag om een
    vergunning' (a short phrase after the colon may still be a heading: 'Bijlage 1: situatietekening')."""
    tekst = tekst.strip()
    woorden = tekst.split()
    if not woorden or len(woorden) > 8 or len(tekst) > 70:
        return False
    if tekst.endswith((".", ",", ";")) or re.search(r"\d{4}$|€|\d,\d\d", tekst):
        return False
    if tekst.endswith(":") and len(woorden) > 2:
        return False
    if _KOP_MET_TEKST.match(tekst):
        label, rest = (deel.strip() for deel in tekst.split(":", 1))
        if label.isupper() and len(label) > 1 or rest[:1].islower() and len(rest.split()) >= 4:
            return False
    nummer = _NUMMERKOP.match(tekst)
    if nummer:
        return tekst[nummer.end() - 1].isupper()
    return tekst[0].isupper() or tekst.endswith("?")


def korte_vetregel(tekst: str) -> bool:
    """A paragraph set in bold throughout is a heading when it is short and not a sentence: a bold sentence that ends
    in a full stop is emphasis ('Let op: u moet binnen zes weken reageren.')."""
    tekst = tekst.strip()
    return bool(tekst) and len(tekst.split()) <= 12 and len(tekst) <= 100 and not tekst.endswith((".", ",", ";"))
