"""B1 findings for one sentence: what makes it hard, and what to write instead. The patterns and messages are
data (content/b1/regels.yaml and the word lists); this module applies them."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace

from checks.b1.maten import ZinMaten, woordlijsten, drempels
from checks.b1.woorden import (Vervanging, afkortingen, ambtelijk_in, ambtelijk_per_woord, ambtelijke_vormen,
                               zipf)
from checks.content import content_cache, load_yaml

WOORD = re.compile(r"[a-zà-ÿ]+")
ARTIKEL = re.compile(r"\b(artikel(en)?|art\.)\s*\d")


@dataclass
class Probleem:
    regel: str
    ernst: str            # waarschuwing | info
    bericht: str
    suggestie: str
    fragment: str         # the exact words it is about: zin[begin:eind]
    zin: str              # the whole sentence
    begin: int | None = None      # character offsets of the fragment in zin; None for letter-wide findings
    eind: int | None = None

    def as_json(self) -> dict:
        return asdict(self)


@content_cache
def regels() -> dict:
    return load_yaml("b1/regels.yaml")


@content_cache
def ernst_van() -> dict[str, str]:
    """Per rule the ernst a finding gets; a rule that writers often disagree with is 'info' (regels.yaml)."""
    return {regel: waarden.get("ernst", "waarschuwing") for regel, waarden in regels().items() if isinstance(waarden, dict)}


@content_cache
def _patroon(tekst: str) -> re.Pattern:
    return re.compile(tekst)


def zin_problemen(zin: str, maten: ZinMaten) -> list[Probleem]:
    """The problems of one sentence that depend on the sentence alone (so they can be cached per distinct text)."""
    klein = zin.lower()
    r, grens = regels(), drempels()
    problemen: list[Probleem] = []

    def meld(regel: str, begin: int, eind: int, ernst: str | None = None, suggestie: str = "suggestie",
             **invulling) -> None:
        if ernst is None or ernst_van().get(regel) == "info":
            ernst = ernst_van().get(regel, "waarschuwing")
        problemen.append(Probleem(regel, ernst, r[regel]["bericht"], r[regel][suggestie].format(**invulling),
                                  zin[begin:eind], zin, begin, eind))

    if maten.woorden > grens["zin_woorden"]:
        meld("zin_te_lang", 0, len(zin), None if maten.woorden > r["zin_te_lang"]["waarschuwing_boven"] else "info",
             woorden=maten.woorden, grens=grens["zin_woorden"])
    for vervanging, begin, eind in _ambtelijk(klein, maten):
        alternatief = vervanging.alternatief
        if alternatief.startswith("(") and alternatief.endswith(")"):     # an instruction, not words to write
            aanwijzing = alternatief[1:-1].rstrip(".")
            meld("ambtelijk_woord", begin, eind, "info" if vervanging.let_op else None, "suggestie_aanwijzing",
                 aanwijzing=aanwijzing[:1].upper() + aanwijzing[1:])
        else:
            meld("ambtelijk_woord", begin, eind, "info" if vervanging.let_op else None, alternatief=alternatief)
    worden, gewoon = woordlijsten()[0], _gewone_handelingen()
    for stuk in (s for s in maten.passief if s.zeker):
        met_worden = bool(worden & set(stuk.tekst.lower().split()))
        meld("passief", stuk.begin, stuk.eind, None if met_worden and stuk.werkwoord not in gewoon else "info")
    for patroon in r["naamwoordstijl"]["patronen"]:
        patroon, ernst = (patroon["patroon"], patroon.get("ernst")) if isinstance(patroon, dict) else (patroon, None)
        gevonden = _patroon(patroon).search(klein)
        if gevonden and not _patroon(r["naamwoordstijl"]["tenzij"]).search(klein[gevonden.start():]):
            meld("naamwoordstijl", gevonden.start(), gevonden.end(), ernst)
            break
    for stuk in maten.tangen:
        meld("tangconstructie", stuk.begin, stuk.eind)
    if ontkenning := _dubbele_ontkenning(klein):
        meld("dubbele_ontkenning", *ontkenning)
    for patroon in r["vage_termijn"]["patronen"]:
        if (gevonden := _patroon(patroon).search(klein)) and not _patroon(r["vage_termijn"]["tenzij"]).search(klein):
            meld("vage_termijn", gevonden.start(), gevonden.end())
    for afkorting, begin, eind in _afkortingen_in(zin):
        meld("afkorting", begin, eind, uitgeschreven=afkorting["uitgeschreven"])
    for begin, eind in _plekken(zin, maten.zeldzaam):
        meld("moeilijk_woord", begin, eind, "info")
    return problemen


def _ambtelijk(klein: str, maten: ZinMaten) -> list[tuple[Vervanging, int, int]]:
    """Ambtelijke words and phrases, after the separable verbs and fixed expressions they may be part of:
    'wij delen u mede' is mededelen (not 'mede' = 'ook'), 'u dient uw bezwaar in' is indienen (not 'dient' = 'moet').
    A listed phrase that holds the whole split verb ('hierbij delen wij u mede') keeps its own advice."""
    verbindingen = []                         # (entry or None, start, end, the parts' spans)
    for verbinding in maten.scheidbaar:
        if zipf(verbinding.werkwoord) < regels()["ambtelijk_woord"]["scheidbaar_zipf"]:
            continue                          # 'dit geldt mede voor u': no verb 'medegelden', so 'mede' is 'ook'
        delen = sorted((verbinding.stam, verbinding.deeltje), key=lambda p: p.begin)
        vervanging = ambtelijk_per_woord().get(verbinding.werkwoord)
        if vervanging:
            vervanging = replace(vervanging, alternatief=vervanging.gescheiden or vervanging.alternatief)
        verbindingen.append((vervanging, delen[0].begin, delen[1].eind, [(p.begin, p.eind) for p in delen]))
    woorden = [(v, t.start(), t.end()) for v, patroon in ambtelijke_vormen() for t in patroon.finditer(klein)]
    woorden += ambtelijk_in(klein)
    gevonden, bezet = [], []
    for vervanging, begin, eind in sorted(woorden, key=lambda w: (w[1], -w[2])):
        geraakt = [v for v in verbindingen if _overlapt(begin, eind, v[3])]
        if _overlapt(begin, eind, bezet) or any(not (begin <= v[1] and eind >= v[2]) for v in geraakt):
            continue                          # a part of a split verb, or inside a phrase already found
        if vervanging.let_op and ARTIKEL.search(klein, eind):
            continue                          # 'op grond van artikel 5:32': the legal basis needs the phrase
        verbindingen = [v for v in verbindingen if v not in geraakt]
        gevonden.append((vervanging, begin, eind))
        bezet.append((begin, eind))
    gevonden += [(v, begin, eind) for v, begin, eind, _ in verbindingen if v and not _overlapt(begin, eind, bezet)]
    return sorted(gevonden, key=lambda g: g[1])


def _overlapt(begin: int, eind: int, plekken: list[tuple[int, int]]) -> bool:
    return any(begin < b_eind and b_begin < eind for b_begin, b_eind in plekken)


def _plekken(zin: str, woorden: list[str]) -> list[tuple[int, int]]:
    """Where each word of the list stands in the sentence, in order (a repeated word: its next occurrence)."""
    plekken, vanaf = [], 0
    for woord in woorden:
        patroon = re.compile(rf"(?<!\w){re.escape(woord)}(?!\w)")
        treffer = patroon.search(zin, vanaf) or patroon.search(zin)
        if treffer:
            plekken.append((treffer.start(), treffer.end()))
            vanaf = treffer.end()
    return plekken


def _dubbele_ontkenning(klein: str) -> tuple[int, int] | None:
    """Two negations close together, not coordinated: 'niet onmogelijk', 'niet zonder', 'geen ... niet'.
    Returns where they stand, from the first to the second."""
    r = regels()["dubbele_ontkenning"]
    woorden = WOORD.findall(klein)
    ontkennend = _ontkennend()
    plekken = [i for i, w in enumerate(woorden) if w in ontkennend]
    if len(plekken) < 2:
        return None                           # the usual sentence: no pair to look at
    for a, b in zip(plekken, plekken[1:]):
        if b - a <= r["afstand"] and not {"of", "en", "maar", "noch"} & set(woorden[a + 1:b]):
            treffers = list(WOORD.finditer(klein))     # the same words as findall, now with where they stand
            return treffers[a].start(), treffers[b].end()
    return None


@content_cache
def _gewone_handelingen() -> frozenset[str]:
    return frozenset(regels()["passief"]["gewone_handelingen"])


@content_cache
def _ontkennend() -> frozenset[str]:
    """The negations and negating words of regels.yaml, as one set."""
    r = regels()["dubbele_ontkenning"]
    return frozenset(r["ontkenningen"]) | frozenset(r["ontkennende_woorden"])


def _afkortingen_in(zin: str) -> list[tuple[dict, int, int]]:
    gevonden = []
    for treffer in re.finditer(r"(?<![\w.])(?:[A-Za-z]{1,5}\.)+(?:[A-Za-z]{1,5}\b)?|t/m", zin):
        woord = treffer.group()
        if re.fullmatch(r"([A-Z]\.)+", woord):
            continue                                  # initials: P. van Dijk, J.H. de Vries
        item = afkortingen().get(woord.lower())
        if item and item.get("adresregel") == "ja" and zin.lower().startswith(woord.lower()):
            continue                                  # "t.a.v. de heer Jansen" in an address block
        if item and item.get("melden", "ja") != "nee":
            gevonden.append((item, treffer.start(), treffer.end()))
    return gevonden
