"""Are two names the same person? Titles do not count, initials match full first names, case does not count:
'A. Jansen' and 'mr. A. (Anna) Jansen' are one person. The titles and tussenvoegsels are data (content/awb/namen.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from checks.content import content_cache, load_yaml


@dataclass(frozen=True)
class Naam:
    voorletters: str          # 'am' for 'A.M.', 'Anna Maria' or 'A. (Anna Maria)'
    achternaam: str           # 'de vries'


@content_cache
def _woorden() -> tuple[frozenset, frozenset]:
    data = load_yaml("awb/namen.yaml")
    return frozenset(str(t).lower() for t in data["titels"]), frozenset(str(t).lower() for t in data["tussenvoegsels"])


def ontleed(naam: str) -> Naam:
    titels, tussenvoegsels = _woorden()
    tekst = naam.lower().split(",")[0]                                 # 'A. Jansen, MSc' -> 'a. jansen'
    voornamen = " ".join(re.findall(r"\(([^)]*)\)", tekst))           # 'A. (Anna) Jansen' -> 'anna'
    tekst = re.sub(r"\([^)]*\)", " ", tekst)
    for titel in sorted(titels, key=len, reverse=True):              # 'de heer' before 'heer'
        tekst = re.sub(rf"(?<![\w']){re.escape(titel)}\.?(?![\w'])", " ", tekst) if " " in titel else tekst
    delen = [d for d in tekst.split() if d.rstrip(".") not in titels]
    letters = "".join(d.replace(".", "") for d in delen if "." in d)   # 'j.h.' -> 'jh'
    rest = [d for d in delen if "." not in d]
    begin = next((i for i, d in enumerate(rest) if d in tussenvoegsels), max(len(rest) - 1, 0))
    if not letters:
        letters = "".join(d[0] for d in rest[:begin])                 # 'anna maria de vries' -> 'am'
    if voornamen:
        letters = letters or "".join(d[0] for d in voornamen.split())
    return Naam(letters, " ".join(rest[begin:]))


def zelfde_persoon(een: str, ander: str) -> bool:
    """True when nothing in the two names tells the persons apart: the same achternaam, and initials that agree as
    far as both give them ('Jansen' and 'A. Jansen' may be one person; 'A. Jansen' and 'B. Jansen' are not)."""
    a, b = ontleed(een), ontleed(ander)
    if not a.achternaam or a.achternaam != b.achternaam:
        return False
    kort, lang = sorted((a.voorletters, b.voorletters), key=len)
    return lang.startswith(kort)
