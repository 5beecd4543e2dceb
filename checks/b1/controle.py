"""The B1 check of a whole document: every sentence scored and checked, the document's measures, score, level
and verdict, with findings that depend on the whole text (terms explained once, abbreviations, 'u')."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from checks.awb.regels import patroon as awb_patroon
from checks.b1.analyse import ZinAnalyse, analyseer_zinnen
from checks.b1.briefdelen import NietGescoord, briefdelen, niet_gescoord
from checks.b1.briefscore import brief_score
from checks.b1.maten import drempels
from checks.b1.regels import WOORD, Probleem, ernst_van, regels
from checks.b1.score import niveau
from checks.b1.woorden import afkortingen, juridische_termen, zipf
from checks.b1.zinnen import splits
from checks.content import content_cache
from checks.document import Alinea, Document

NIVEAUS_B1 = ("A1", "A2", "B1")
GEEN_LOPENDE_TEKST = "geen lopende tekst gevonden"
MAX_ZINNEN = 2_000      # sentences whose own facts are kept: a template's shared sentences stay, one-off ones go
MAX_BRIEVEN = 64        # documents whose letter parts are kept: four bulk batches (generator.bulk.run.REEKS)
UITLEG = re.compile(r"\b(dat|dit|die) (betekent|betekenen|is|zijn|heet|heten|houdt in|wil zeggen)\b|\b(heet|noemen (wij|we)|noemt men)\b|:|\(")


@dataclass
class ZinResultaat:
    tekst: str
    positie: str
    score: float
    problemen: list[Probleem]

    def as_json(self) -> dict:
        return {"tekst": self.tekst, "positie": self.positie, "score": round(self.score, 1),
                "problemen": [p.as_json() for p in self.problemen]}


@dataclass
class B1Rapport:
    bestand: str
    b1: bool
    niveau: str
    score: float
    maten: dict
    zinnen: list[ZinResultaat]
    bevindingen: list[Probleem] = field(default_factory=list)
    redenen: list[str] = field(default_factory=list)
    niet_gescoord: list[NietGescoord] = field(default_factory=list)   # letter furniture and legal text, left out
    niet_te_beoordelen: str | None = None     # why there is no verdict (no running text); b1 is then False

    def as_json(self) -> dict:
        uit = {"bestand": self.bestand, "b1": self.b1, "niveau": self.niveau, "score": round(self.score, 1),
               "maten": self.maten, "redenen": self.redenen,
               "zinnen": [z.as_json() for z in self.zinnen], "bevindingen": [b.as_json() for b in self.bevindingen],
               "niet_gescoord": [n.as_json() for n in self.niet_gescoord]}
        if self.niet_te_beoordelen:           # only then: a judged letter's JSON stays as it was
            uit["niet_te_beoordelen"] = self.niet_te_beoordelen
        return uit


def controleer_b1(document: Document) -> B1Rapport:
    """Check the running text of a document: not its letterhead, address, dates, greeting, signature, page header
    and footer, bezwaarclausule or quoted law (content/b1/brief.yaml), which get no score and no findings."""
    delen, zinnen = _lopend(document)
    analyses = analyseer_zinnen([z for z, _, _ in zinnen])
    hele_tekst = " ".join(z for z, _, _ in zinnen).lower()
    resultaten = []
    for (zin, alinea, kop_erboven), analyse in zip(zinnen, analyses):
        problemen = _in_context(analyse, kop_erboven, hele_tekst)
        resultaten.append(ZinResultaat(zin, document.alineas[alinea].positie, analyse.score, problemen))
    rapport = _oordeel(document.bestand, resultaten, analyses, [alinea for _, alinea, _ in zinnen])
    rapport.bevindingen += _document_bevindingen(hele_tekst, len(resultaten))
    rapport.niet_gescoord = niet_gescoord(document, delen)
    return rapport


def bereid_voor(documenten: list[Document]) -> None:
    """Parse the sentences of these documents in one model batch; checking them one by one afterwards parses
    nothing (checks.b1.analyse keeps every sentence's analysis by its exact text, whatever batch it came in). A bulk
    worker's batch of letters so costs about half the model time per new sentence of one letter at a time."""
    analyseer_zinnen([zin for document in documenten for zin, _, _ in _lopend(document)[1]])


def _lopend(document: Document) -> tuple[dict[int, str], list[tuple[str, int, str]]]:
    """The letter parts (briefdelen) and the running sentences of a document, found once for bereid_voor and
    controleer_b1 (half a millisecond a letter): kept for the last MAX_BRIEVEN documents by what they hold (text,
    position and heading flag of each paragraph), not by the object, whose id() is reused after garbage collection
    and whose paragraphs may change. The parts are shared: read them, do not change them."""
    return _lopend_van(tuple((a.tekst, a.positie, a.kop) for a in document.alineas))


@content_cache(maximum=MAX_BRIEVEN)     # another gemeente's letter patterns give other parts
def _lopend_van(alineas: tuple[tuple[str, str, bool], ...]) -> tuple[dict[int, str], list[tuple[str, int, str]]]:
    document = Document("", [Alinea(*alinea) for alinea in alineas])
    delen = briefdelen(document)
    return delen, _lopende_zinnen(document, delen)


def _lopende_zinnen(document: Document, delen) -> list[tuple[str, int, str]]:
    """The sentences the check scores, each with the index of its paragraph and the heading above it."""
    zinnen: list[tuple[str, int, str]] = []
    kop = ""
    for index, alinea in enumerate(document.alineas):
        if index in delen:
            continue
        if alinea.kop:
            kop = alinea.tekst            # a longer heading ("Wat moet u nu doen?") is read as a sentence too
        for stuk in alinea.tekst.split(" | "):          # table cells: labels are skipped, running text is read
            if len(stuk.split()) >= (5 if alinea.kop else 4):
                zinnen += [(zin, index, kop) for zin in splits(stuk)]
    return zinnen


def _in_context(analyse: ZinAnalyse, kop: str, hele_tekst: str) -> list[Probleem]:
    """Sentence problems, minus what the document explains, plus article references outside a 'waarom' block."""
    problemen = []
    for probleem in analyse.problemen:
        if probleem.regel == "moeilijk_woord" and _uitgelegd(probleem.fragment.lower(), hele_tekst):
            continue
        if probleem.regel == "afkorting" and _afkorting_uitgelegd(probleem.fragment.lower(), hele_tekst):
            continue
        problemen.append(probleem)
    r = regels()["verwijzing_wetsartikel"]
    artikel, met_term = _zin_feiten(analyse.tekst)
    if artikel and not re.search(r["koppen_waar_het_mag"], kop.lower()):
        begin, eind = artikel
        problemen.append(Probleem("verwijzing_wetsartikel", ernst_van()["verwijzing_wetsartikel"], r["bericht"], r["suggestie"],
                                  analyse.tekst[begin:eind], analyse.tekst, begin, eind))
    if not met_term:                                      # most sentences hold no legal term
        return problemen
    r_m = regels()["moeilijk_woord"]
    gemeld = set()
    termen = juridische_termen()
    klein = analyse.tekst.lower()
    for treffer in WOORD.finditer(klein):
        woord = treffer.group()
        term = termen.get(woord)
        if woord in gemeld or not term or zipf(woord) >= 3.5 or _uitgelegd(woord, hele_tekst):
            continue
        gemeld.add(woord)
        problemen = [p for p in problemen if not (p.regel == "moeilijk_woord" and p.fragment.lower() == woord)]
        ernst = "info" if term.get("bekend") == "ja" else r_m["ernst_juridische_term"]
        problemen.append(Probleem("moeilijk_woord", ernst, r_m["bericht"],
                                  r_m["suggestie_juridische_term"].format(woord=woord, uitleg=term["uitleg"]),
                                  analyse.tekst[treffer.start():treffer.end()], analyse.tekst, treffer.start(), treffer.end()))
    return problemen


@content_cache(maximum=MAX_ZINNEN)         # another gemeente's patterns or terms: emptied
def _zin_feiten(tekst: str) -> tuple[tuple[int, int] | None, bool]:
    """What of _in_context depends on the sentence alone, kept per sentence text (a bulk letter's sentences
    repeat): where it refers to a law article outside brackets, and whether it holds a legal term."""
    klein = tekst.lower()
    gevonden = awb_patroon(regels()["verwijzing_wetsartikel"]["patroon"]).search(klein)
    tussen_haakjes = gevonden and tekst.rfind("(", 0, gevonden.start()) > tekst.rfind(")", 0, gevonden.start())
    artikel = (gevonden.start(), gevonden.end()) if gevonden and not tussen_haakjes else None
    return artikel, not juridische_termen().keys().isdisjoint(WOORD.findall(klein))


@lru_cache(maxsize=8)
def _zinnen_van(hele_tekst: str) -> list[str]:
    """The sentences of the whole text as _uitgelegd reads them; a letter asks for them once per term. Read only."""
    return re.split(r"(?<=[.!?])\s+", hele_tekst)


def _uitgelegd(woord: str, hele_tekst: str) -> bool:
    """A term is explained when its sentence, or the next one, says 'dat betekent', 'dat zijn', 'dit heet', or
    gives a colon or brackets: 'u betaalt leges. Dat zijn kosten voor ...'."""
    zinnen = _zinnen_van(hele_tekst)
    for nummer, zin in enumerate(zinnen):
        if woord in zin and any(UITLEG.search(z) for z in zinnen[nummer:nummer + 2]):
            return True
    return False


def _afkorting_uitgelegd(afkorting: str, hele_tekst: str) -> bool:
    """Explained when followed by its meaning in brackets, 't.a.v. (ter attentie van)', or written out with the
    abbreviation in brackets after it. ('over' somewhere in the text does not explain 'm.b.t.'.)"""
    voluit = re.escape(afkortingen()[afkorting]["uitgeschreven"].lower())
    return re.search(rf"{re.escape(afkorting)}\s*\(|{voluit}\s*\(\s*{re.escape(afkorting)}", hele_tekst) is not None


def _document_bevindingen(hele_tekst: str, aantal_zinnen: int) -> list[Probleem]:
    r = regels()["onpersoonlijk"]
    if aantal_zinnen >= drempels()["onpersoonlijk_min_zinnen"] and not _aanspreekvorm().search(hele_tekst):
        return [Probleem("onpersoonlijk", "waarschuwing", r["bericht"], r["suggestie"], "(de hele brief)", "")]
    return []


@content_cache
def _aanspreekvorm() -> re.Pattern:
    """Any of regels.yaml's aanspreekvormen as a whole WOORD (a run of letters): the first 'u' ends the search,
    where the set of all the letter's words took a pass over all of it."""
    vormen = [re.escape(v) for v in regels()["onpersoonlijk"]["aanspreekvormen"] if WOORD.fullmatch(v)]
    return re.compile(rf"(?<![a-zà-ÿ])(?:{'|'.join(vormen)})(?![a-zà-ÿ])" if vormen else r"(?!)")


def _oordeel(bestand: str, resultaten: list[ZinResultaat], analyses: list[ZinAnalyse], alineas: list[int]) -> B1Rapport:
    """The letter's verdict; `alineas` says which paragraph each sentence is in (a PDF's positions are pages)."""
    grens = drempels()
    if not analyses:
        # Nothing to judge (an empty file, only an address block, a single word): not B1 'ja', which a pipeline
        # would take as a pass, but no verdict. b1 stays a yes/no (documented), so it is False, with score 0
        # (the lowest level) and the reason in `niet_te_beoordelen`; `sjabloon b1` treats it as unreadable (status 2).
        return B1Rapport(bestand, False, niveau(0.0), 0.0, {"zinnen": 0, "woorden": 0}, [], [], [GEEN_LOPENDE_TEKST],
                         niet_te_beoordelen=GEEN_LOPENDE_TEKST)
    brief = brief_score([(z.score, alinea) for z, alinea in zip(resultaten, alineas)])
    score = brief.score
    woorden = sum(a.maten.woorden for a in analyses)
    grepen = sum(a.maten.lettergrepen for a in analyses)
    met_grepen = sum(a.maten.woorden_met_lettergrepen for a in analyses) or 1
    lang = sum(a.maten.woorden > grens["zin_woorden"] for a in analyses)
    maten = {
        "zinnen": len(analyses),
        "woorden": woorden,
        "woorden_per_zin": round(woorden / len(analyses), 1),
        "lettergrepen_per_woord": round(grepen / met_grepen, 2),
        "zeldzame_woorden": round(sum(len(a.maten.zeldzaam) for a in analyses) / max(woorden, 1), 3),
        "inhoudswoorden_per_bijzin": round(sum(a.maten.inhoudswoorden_per_bijzin for a in analyses) / len(analyses), 2),
        "afhankelijkheidslengte": round(sum(a.maten.afhankelijkheid for a in analyses) / len(analyses), 2),
        "lijdende_vorm": round(sum(bool(a.maten.passief) for a in analyses) / len(analyses), 3),
        "lange_zinnen": lang,
        "flesch_douma": round(206.835 - 0.93 * woorden / len(analyses) - 77 * grepen / met_grepen, 1),
        "gemiddelde_zinscore": round(brief.gemiddelde, 1),
        "moeilijkste_alineas": round(brief.moeilijkste_alineas, 1),
        "zinnen_boven_b1": round(brief.aandeel_moeilijk, 3),
    }
    gevonden_niveau = niveau(score)
    redenen = []
    if gevonden_niveau not in NIVEAUS_B1:
        moeilijk = round(brief.aandeel_moeilijk * len(analyses))
        redenen.append(f"de score is {score:.0f} (niveau {gevonden_niveau}); B1 begint bij {grens['niveaus']['B1']}: "
                       f"de moeilijkste alinea's scoren {brief.moeilijkste_alineas:.0f}, {moeilijk} van de "
                       f"{len(analyses)} zinnen zijn moeilijker dan B1")
    if lang / len(analyses) > grens["b1_max_lange_zinnen"]:
        redenen.append(f"{lang} van de {len(analyses)} zinnen zijn langer dan {grens['zin_woorden']} woorden")
    rapport = B1Rapport(bestand, not redenen, gevonden_niveau, score, maten, resultaten, redenen=redenen)
    rapport.bevindingen = [p for z in resultaten for p in z.problemen]
    return rapport
