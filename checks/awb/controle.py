"""The Awb check: which elements a beschikking carries, which it lacks, and whether its parts agree.

What counts as an element, and which elements a besluittype needs, is data in content/awb/.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from checks.awb.regels import besluittypen, eis, element_info, elementen, kop_patroon, patroon, tekst_cache
from checks.awb.herkenning import ONBEKEND, herken
from checks.awb.samenhang import samenhang
from checks.awb.vaststelbaar import niet_vast_te_stellen
from checks.bevinding import Bevinding
from checks.content import content_cache, load_yaml
from checks.document import Alinea, Document
from checks.voorfilter import Voorfilter

MIN_WOORDEN_ONDER_KOP = 4


@dataclass
class Vondsten:
    """Per element the indexes of the paragraphs that carry it."""
    document: Document
    plaatsen: dict[str, list[int]] = field(default_factory=dict)

    def tekst(self, element: str) -> str:
        """The lower-cased text of the paragraphs that carry this element, for the rule patterns."""
        return "\n".join(self.document.alineas[i].klein for i in self.plaatsen.get(element, []))


@dataclass
class Onderdeel:
    """One element as the check judged it: aanwezig (with the text that proves it), ontbreekt, or niet_vastgesteld
    (with the reason the text cannot tell)."""
    status: str
    fragment: str = ""
    positie: str = ""
    reden: str = ""

    def as_json(self) -> dict:
        return {k: v for k, v in vars(self).items() if v}


@dataclass
class Rapport:
    bestand: str
    besluittype: str
    besluittype_herkend: bool
    zekerheid: float
    herkend_op: list[str]
    elementen: dict[str, bool | None]       # true / false / null (not applicable, or not vastgesteld)
    bevindingen: list[Bevinding]
    onderdelen: dict[str, Onderdeel] = field(default_factory=dict)   # the applicable elements only

    @property
    def status(self) -> dict[str, str]:
        return {naam: o.status for naam, o in self.onderdelen.items()}

    @property
    def vrijgave(self) -> bool:
        return not any(b.ernst == "fout" for b in self.bevindingen)

    def as_json(self) -> dict:
        return {
            "bestand": self.bestand,
            "besluittype": self.besluittype,
            "besluittype_herkend": self.besluittype_herkend,
            "zekerheid": round(self.zekerheid, 2),
            "herkend_op": self.herkend_op,
            "elementen": self.elementen,
            "onderdelen": {naam: o.as_json() for naam, o in self.onderdelen.items()},
            "bevindingen": [b.as_json() for b in self.bevindingen],
            "vrijgave": self.vrijgave,
        }


def herken_besluittype(document: Document) -> tuple[str, float, list[str]]:
    """The most likely besluittype, how sure (0..1), and the deciding words; `onbekend` rather than a guess."""
    plaatsen = _plaatsen(document)
    uitkomst = herken(document, set(plaatsen["rechtsmiddelenclausule"]), set(plaatsen["dictum"]))
    return uitkomst.besluittype, uitkomst.zekerheid, uitkomst.woorden


def vind_elementen(document: Document, besluittype: str) -> Vondsten:
    """Find each element by its headings (with text under them) and by its phrases."""
    vondsten = Vondsten(document, _plaatsen(document))
    _grondslag(vondsten, besluittype)
    _handtekening_na_groet(vondsten)
    _alleen_in_slot(vondsten, "ondertekening", na=vondsten.plaatsen.get("dictum", []))
    return vondsten


def _plaatsen(document: Document) -> dict[str, list[int]]:
    """Per element: the paragraphs under a heading of it (when there is text under it), and the paragraphs with its
    phrases. One pass over the paragraphs for all elements, not one per element."""
    per_alinea = [treffers(a) for a in document.alineas]
    plaatsen: dict[str, set[int]] = {naam: set() for naam in elementen()}
    for kop_index, inhoud in _secties(document):
        if kop_index is not None and per_alinea[kop_index].koppen:
            if sum(len(document.alineas[i].tekst.split()) for i in inhoud) >= MIN_WOORDEN_ONDER_KOP:
                for naam in per_alinea[kop_index].koppen:
                    plaatsen[naam].update(inhoud)
    for index, gevonden in enumerate(per_alinea):
        for naam in gevonden.zinnen:
            plaatsen[naam].add(index)
    return {naam: sorted(i for i in gevonden if naam not in per_alinea[i].uitgezonderd)
            for naam, gevonden in plaatsen.items()}


@dataclass(frozen=True)
class Treffers:
    """Which elements' patterns one paragraph matches."""
    koppen: frozenset[str]          # as a heading of the element
    zinnen: frozenset[str]          # by one of the element's phrases
    uitgezonderd: frozenset[str]    # by a niet_als pattern: does not count for the element


def treffers(alinea: Alinea) -> Treffers:
    """Computed once per distinct paragraph: letters from one template share most of their paragraphs."""
    return _treffers(alinea.klein, alinea.kop)


@tekst_cache
def _treffers(klein: str, kop: bool) -> Treffers:
    gevonden: dict[str, set[str]] = {"koppen": set(), "zinnen": set(), "niet_als": set()}
    per_nummer = _rollen_per_nummer(kop)
    for nummer in _voorfilter().nummers(klein):     # the other patterns cannot match: no search needed
        p, rollen = per_nummer[nummer]
        if rollen and p.search(klein):
            for soort, naam in rollen:
                gevonden[soort].add(naam)
    return Treffers(frozenset(gevonden["koppen"]), frozenset(gevonden["zinnen"]), frozenset(gevonden["niet_als"]))


def _telt(soort: str, naam: str, kop: bool) -> bool:
    """A heading pattern counts on a heading, a phrase outside one (unless the element has ook_kopregels)."""
    if soort == "koppen":
        return kop
    return soort != "zinnen" or not kop or bool(elementen()[naam].get("ook_kopregels"))


@content_cache
def _element_patronen() -> dict[str, dict[str, list]]:
    """Per element its compiled patterns: koppen (headings), zinnen (phrases), niet_als (does not count)."""
    return {naam: {"koppen": [kop_patroon(k) for k in definitie.get("koppen", [])],
                   "zinnen": [patroon(z) for z in definitie.get("zinnen", [])],
                   "niet_als": [patroon(z) for z in definitie.get("niet_als", [])]}
            for naam, definitie in elementen().items()}


@content_cache
def _rollen() -> dict:
    """Per compiled pattern: (koppen/zinnen/niet_als, element) for each place it stands in elementen.yaml."""
    rollen: dict = {}
    for naam, soorten in _element_patronen().items():
        for soort, patronen in soorten.items():
            for p in patronen:
                rollen.setdefault(p, []).append((soort, naam))
    return rollen


@content_cache
def _voorfilter() -> Voorfilter:
    return Voorfilter(_rollen())


@content_cache
def _rollen_per_nummer(kop: bool) -> list[tuple[re.Pattern, tuple[tuple[str, str], ...]]]:
    """Per pattern of the pre-filter, by its number: the pattern and the roles it counts for in a heading or not."""
    return [(p, tuple((soort, naam) for soort, naam in _rollen()[p] if _telt(soort, naam, kop)))
            for p in _voorfilter().patronen]


def _secties(document: Document) -> list[tuple[int | None, list[int]]]:
    """(heading index, indexes of the paragraphs under it); text before the first heading has heading None."""
    secties: list[tuple[int | None, list[int]]] = [(None, [])]
    for index, alinea in enumerate(document.alineas):
        if alinea.kop:
            secties.append((index, []))
        else:
            secties[-1][1].append(index)
    return secties


def _grondslag(vondsten: Vondsten, besluittype: str) -> None:
    """A grondslag is a citation of an article that can carry this type of decision, outside the
    rechtsmiddelenclausule; under a 'wettelijk kader' heading, any article citation counts (a beslissing op bezwaar
    says 'bezwaarschrift' there too, which does not make it the clausule)."""
    clausule = set(vondsten.plaatsen.get("rechtsmiddelenclausule", []))
    onder_kop = set(vondsten.plaatsen.get("grondslag", []))
    plaatsen = set()
    for index, alinea in enumerate(vondsten.document.alineas):
        artikel, dragend = _artikel_citaat(alinea.klein, besluittype)
        if artikel and ((dragend and index not in clausule) or index in onder_kop):
            plaatsen.add(index)
    vondsten.plaatsen["grondslag"] = sorted(plaatsen)


@tekst_cache
def _artikel_citaat(klein: str, besluittype: str) -> tuple[bool, bool]:
    """(cites an article, cites one that can carry this type of decision) for one paragraph."""
    if not patroon("{ARTIKEL}").search(klein):
        return False, False
    dragend = besluittypen().get(besluittype, {}).get("grondslag_artikelen", [])
    return True, any(patroon(p).search(klein) for p in dragend)


def _handtekening_na_groet(vondsten: Vondsten) -> None:
    """A signature without 'namens' is still a signature: the greeting, then a name with a function within four paragraphs."""
    alineas = vondsten.document.alineas
    plaatsen = set(vondsten.plaatsen.get("ondertekening", []))
    for index, alinea in enumerate(alineas):
        if _groet(alinea.klein):
            plaatsen.update(i for i in range(index + 1, min(index + 5, len(alineas)))
                            if _ondertekenaar(alineas[i].klein))
    vondsten.plaatsen["ondertekening"] = sorted(plaatsen)


@tekst_cache
def _groet(klein: str) -> bool:
    return bool(patroon(elementen()["ondertekening"]["groet"]).search(klein))


@tekst_cache
def _ondertekenaar(klein: str) -> bool:
    return bool(patroon(elementen()["ondertekening"]["ondertekenaar"]).search(klein))


def _alleen_in_slot(vondsten: Vondsten, element: str, na: list[int]) -> None:
    """A signature counts only after the first 40% of the text, or after the dictum when that comes sooner:
    conditions, a law text or the clause may follow the signature and make the body look short."""
    lengtes = [len(a.tekst) for a in vondsten.document.alineas]
    grens, tot = 0.4 * sum(lengtes), 0
    begin_slot = min(na[0] + 1 if na else len(lengtes), len(lengtes))
    for index, lengte in enumerate(lengtes):
        if tot >= grens:
            begin_slot = min(begin_slot, index)
            break
        tot += lengte
    vondsten.plaatsen[element] = [i for i in vondsten.plaatsen.get(element, []) if i >= begin_slot]


def controleer(document: Document, besluittype: str | None = None) -> Rapport:
    """Check a document against the rules of its besluittype (recognised from the text when not given).

    An element is `ontbreekt` only when the text is complete enough to tell; otherwise `niet_vastgesteld`, with the
    reason, and no fout."""
    herkend = besluittype is None
    if herkend:
        besluittype, zekerheid, woorden = herken_besluittype(document)
    else:
        if besluittype not in besluittypen():
            raise ValueError(f"onbekend besluittype '{besluittype}'; kies uit: {', '.join(besluittypen())}")
        zekerheid, woorden = 1.0, []
    onbekend = besluittype == ONBEKEND
    vondsten = vind_elementen(document, besluittype)
    reden_alle, reden_per_element = niet_vast_te_stellen(document, onbekend,
                                                          vondsten.plaatsen.get("ondertekening", []))
    elementen_status: dict[str, bool | None] = {}
    onderdelen: dict[str, Onderdeel] = {}
    bevindingen: list[Bevinding] = []
    for naam in elementen():
        vereist = "aanbevolen" if onbekend else eis(besluittype, naam)
        plaatsen = vondsten.plaatsen.get(naam)
        if not vereist:
            elementen_status[naam] = None
        elif plaatsen:
            eerste = document.alineas[plaatsen[0]]
            onderdelen[naam] = Onderdeel("aanwezig", eerste.tekst[:240], eerste.positie)
            elementen_status[naam] = True
        elif reden := reden_alle or reden_per_element.get(naam):
            onderdelen[naam] = Onderdeel("niet_vastgesteld", reden=reden)
            elementen_status[naam] = None
        else:
            onderdelen[naam] = Onderdeel("ontbreekt")
            elementen_status[naam] = False
            info = element_info(besluittype, naam)
            bevindingen.append(Bevinding(
                regel=naam, ernst="fout" if vereist == "verplicht" else "waarschuwing", artikel=info["artikel"],
                bericht=f"{info['titel']} ontbreekt. {info['uitleg']}", suggestie=info["suggestie"],
                fragment="(niet gevonden in het document)"))
    if onbekend:
        melding = load_yaml("awb/elementen.yaml")["vaststelbaar"]["type_onbekend"]
        bevindingen.append(Bevinding("besluittype_onbekend", "waarschuwing", melding["artikel"], melding["bericht"],
                                     melding["suggestie"], ", ".join(woorden)[:240]))
    else:
        bevindingen += samenhang(vondsten, besluittype)
    return Rapport(document.bestand, besluittype, herkend, zekerheid, woorden, elementen_status, bevindingen, onderdelen)
