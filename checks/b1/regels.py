"""B1 findings for one sentence: what makes it hard, and what to write instead. The patterns and messages are
data (content/b1/regels.yaml and the word lists); this module applies them."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from checks.b1.maten import ZinMaten, drempels
from checks.b1.woorden import afkortingen, ambtelijk_in
from checks.content import content_cache, load_yaml

ARTIKEL = re.compile(r"\b(artikel(en)?|art\.)\s*\d")


@dataclass
class Probleem:
    regel: str
    ernst: str            # waarschuwing | info
    bericht: str
    suggestie: str
    fragment: str         # the words it is about
    zin: str              # the whole sentence

    def as_json(self) -> dict:
        return asdict(self)


@content_cache
def regels() -> dict:
    return load_yaml("b1/regels.yaml")


@content_cache
def _patroon(tekst: str) -> re.Pattern:
    return re.compile(tekst)


def zin_problemen(zin: str, maten: ZinMaten) -> list[Probleem]:
    """The problems of one sentence that depend on the sentence alone (so they can be cached per distinct text)."""
    klein = zin.lower()
    r, grens = regels(), drempels()
    problemen: list[Probleem] = []

    def meld(regel: str, fragment: str, ernst: str = "waarschuwing", **invulling) -> None:
        problemen.append(Probleem(regel, ernst, r[regel]["bericht"], r[regel]["suggestie"].format(**invulling), fragment, zin))

    if maten.woorden > grens["zin_woorden"]:
        meld("zin_te_lang", f"{maten.woorden} woorden (B1: hooguit {grens['zin_woorden']})")
    for vervanging, begin, eind in ambtelijk_in(klein):
        if vervanging.let_op and ARTIKEL.search(klein, eind):
            continue                          # 'op grond van artikel 5:32': the legal basis needs the phrase
        meld("ambtelijk_woord", zin[begin:eind], "info" if vervanging.let_op else "waarschuwing",
             alternatief=vervanging.alternatief)
    for stuk in maten.passief:
        meld("passief", stuk)
    for patroon in r["naamwoordstijl"]["patronen"]:
        gevonden = _patroon(patroon).search(zin.lower())
        if gevonden and not _patroon(r["naamwoordstijl"]["tenzij"]).search(zin.lower()[gevonden.start():]):
            meld("naamwoordstijl", zin[gevonden.start():gevonden.end()])
            break
    for stuk in maten.tangen:
        meld("tangconstructie", stuk)
    if _dubbele_ontkenning(zin.lower()):
        meld("dubbele_ontkenning", zin)
    for patroon in r["vage_termijn"]["patronen"]:
        if (gevonden := _patroon(patroon).search(zin.lower())) and not _patroon(r["vage_termijn"]["tenzij"]).search(zin.lower()):
            meld("vage_termijn", zin[gevonden.start():gevonden.end()])
    for afkorting in _afkortingen_in(zin):
        meld("afkorting", afkorting["afkorting"], uitgeschreven=afkorting["uitgeschreven"])
    for woord in maten.zeldzaam:
        meld("moeilijk_woord", woord, "info")
    return problemen


def _dubbele_ontkenning(klein: str) -> bool:
    """Two negations close together, not coordinated: 'niet onmogelijk', 'niet zonder', 'geen ... niet'."""
    r = regels()["dubbele_ontkenning"]
    woorden = re.findall(r"[a-zà-ÿ]+", klein)
    plekken = [i for i, w in enumerate(woorden) if w in r["ontkenningen"] or w in r["ontkennende_woorden"]]
    for a, b in zip(plekken, plekken[1:]):
        if b - a <= r["afstand"] and not {"of", "en", "maar", "noch"} & set(woorden[a + 1:b]):
            return True
    return False


def _afkortingen_in(zin: str) -> list[dict]:
    gevonden = []
    for woord in re.findall(r"(?<![\w.])(?:[A-Za-z]{1,5}\.)+(?:[A-Za-z]{1,5}\b)?|t/m", zin):
        if re.fullmatch(r"([A-Z]\.)+", woord):
            continue                                  # initials: P. van Dijk, J.H. de Vries
        item = afkortingen().get(woord.lower())
        if item and item.get("adresregel") == "ja" and zin.lower().startswith(woord.lower()):
            continue                                  # "t.a.v. de heer Jansen" in an address block
        if item and item.get("melden", "ja") != "nee":
            gevonden.append(item)
    return gevonden
