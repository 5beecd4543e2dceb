"""Measures of one sentence, from its parse: length, syllables, rare words, content words per clause,
dependency length (as in LiNT), passives, long gaps (tangconstructies), uncommon words, nouns and the words
before the finite verb. Pure: the same sentence gives the same measures, so repeated sentences in bulk letters are
measured once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from checks.b1.lettergrepen import lettergrepen
from checks.b1.woorden import samenstelling_bekend, zipf
from checks.content import content_cache, load_yaml

INHOUDSWOORDEN = {"NOUN", "VERB", "ADJ", "ADV", "PROPN"}
HULPWERKWOORD = ("aux", "aux:pass", "cop")      # relations of auxiliaries and copulas: no content word


class Plek(NamedTuple):
    """Words of a sentence and where they are: zin[begin:eind] == tekst."""
    tekst: str
    begin: int
    eind: int
    zeker: bool = True      # a passive the parser marks but that is no passive ('is gebleken'): measured, not reported
    werkwoord: str = ""     # of a passive: its participle ('opgehaald' in 'wordt op maandag opgehaald')


class Scheidbaar(NamedTuple):
    """A separable verb split in the sentence ('delen u mede'): its infinitive and where its two parts are."""
    werkwoord: str          # mededelen
    stam: Plek              # delen
    deeltje: Plek           # mede


@dataclass
class ZinMaten:
    woorden: int
    lettergrepen: int                       # syllables of the words that have them (not numbers)
    woorden_met_lettergrepen: int
    zeldzaam: list[str] = field(default_factory=list)
    inhoudswoorden: int = 0
    bijzinnen: int = 1                      # finite verbs, at least 1
    afhankelijkheid: float = 0.0            # mean distance between a word and the word it depends on
    max_afhankelijkheid: int = 0
    scheidbaar: list[Scheidbaar] = field(default_factory=list)   # "delen u mede": mededelen
    passief: list[Plek] = field(default_factory=list)    # "wordt ... beoordeeld"
    tangen: list[Plek] = field(default_factory=list)     # "hebben ... ontvangen"
    ongewone_woorden: int = 0               # content words less common than drempels' ongewoon_zipf (names excluded)
    zeldzaamste_zipf: float = 7.0           # how common the sentence's least common content word is
    woorden_voor_persoonsvorm: int = 0      # words before the first finite verb: a long run-up is hard to follow
    zelfstandige_naamwoorden: int = 0       # nouns: many of them is a nominal, dense style

    @property
    def lettergrepen_per_woord(self) -> float:
        return self.lettergrepen / self.woorden_met_lettergrepen if self.woorden_met_lettergrepen else 0.0

    @property
    def inhoudswoorden_per_bijzin(self) -> float:
        return self.inhoudswoorden / self.bijzinnen


def drempels() -> dict:
    return load_yaml("b1/drempels.yaml")


def meet(doc) -> ZinMaten:
    """The measures of a parsed sentence. Each attribute of a word is read from spaCy once: a Token computes it
    anew on every access (its morphology as a new list each time)."""
    grens = drempels()
    alle = list(doc)                # one Token object per word, shared by the walks below
    woorden = [t for t in alle if not t.is_punct and not t.is_space]
    teksten = [t.text for t in woorden]
    soorten = [t.pos_ for t in woorden]
    relaties = [t.dep_ for t in woorden]
    afstanden = [t.i - t.head.i for t in woorden]                   # to the word it depends on; 0 for the root
    finiet = ["Fin" in _vorm(t) for t in woorden]
    met_grepen = [lettergrepen(tekst) for tekst in teksten]
    maten = ZinMaten(len(woorden), sum(met_grepen), sum(1 for g in met_grepen if g))
    maten.zeldzaam = [tekst for t, tekst, soort in zip(woorden, teksten, soorten)
                      if _zeldzaam(t, tekst, soort, grens["zeldzaam_zipf"])]
    maten.inhoudswoorden = sum(1 for soort, relatie in zip(soorten, relaties)
                               if soort in INHOUDSWOORDEN and relatie not in HULPWERKWOORD)
    maten.bijzinnen = max(1, sum(finiet))
    _meet_woordgebruik(maten, woorden, teksten, soorten, relaties, finiet, grens["ongewoon_zipf"])
    if lengtes := [abs(a) for a in afstanden if a]:
        maten.afhankelijkheid = sum(lengtes) / len(lengtes)
        maten.max_afhankelijkheid = max(lengtes)
    hulpwerkwoorden, deeltjes, geen_passief, deelwoord_vorm = woordlijsten()
    maten.scheidbaar = _scheidbare_werkwoorden(doc, deeltjes, alle)
    for t, tekst, relatie, afstand in zip(woorden, teksten, relaties, afstanden):
        if relatie == "aux:pass" and afstand and (lemma := t.lemma_) in ("worden", "zijn"):
            zeker = lemma == "worden" or (_deelwoord(t.head, deelwoord_vorm)
                                          and t.head.text.lower() not in geen_passief)
            maten.passief.append(_stuk(doc, t, t.head)._replace(zeker=zeker, werkwoord=t.head.text.lower()))
        elif tekst.lower() in hulpwerkwoorden and (deelwoord := _deelwoord_na(doc, t)) is not None:
            maten.passief.append(_stuk(doc, t, deelwoord)._replace(werkwoord=deelwoord.text.lower()))  # parse missed it
        if relatie in ("compound:prt", "aux", "aux:pass") and abs(afstand) > grens["tang_woorden"]:
            maten.tangen.append(_stuk(doc, t, t.head))
        elif relatie == "det" and abs(afstand) > grens["tang_lidwoord"]:
            maten.tangen.append(_stuk(doc, t, t.head))
    return maten


@content_cache
def woordlijsten() -> tuple[frozenset[str], frozenset[str], frozenset[str], str]:
    """From regels.yaml, once per content: the passive auxiliaries, the separable particles, the participles that
    are no passive, and the participle's form."""
    r = load_yaml("b1/regels.yaml")
    return (frozenset(r["passief"]["hulpwerkwoorden"]), frozenset(r["ambtelijk_woord"]["deeltjes"]),
            frozenset(r["passief"]["geen_lijdende_vorm"]), r["passief"]["deelwoord_vorm"])


_VORMEN: dict[int, tuple[str, ...]] = {}     # a morphology's key (the hash of its text) -> its VerbForm values


def _vorm(token) -> tuple[str, ...]:
    """The token's VerbForm values ('Fin', 'Part', ...). Token.morph.get parses the morphology's text on every call;
    the model gives few distinct morphologies (a few hundred), so each is parsed once per process."""
    morph = token.morph
    vorm = _VORMEN.get(morph.key)
    if vorm is None:
        vorm = _VORMEN[morph.key] = tuple(morph.get("VerbForm"))
    return vorm


def _scheidbare_werkwoorden(doc, deeltjes: frozenset[str], alle: list) -> list[Scheidbaar]:
    """Particles split from their verb: 'u dient het bezwaar in' (indienen), 'wij delen u mede' (mededelen).
    The parser marks most as compound:prt; an adverb-like particle from the list ('mede') it may call advmod.
    `alle` are the doc's tokens."""
    gevonden = []
    for t in alle:
        afhankelijk = t.dep_
        if (afhankelijk != "compound:prt" and afhankelijk != "advmod") or t.lower_ not in deeltjes:
            continue
        werkwoord = t.head
        if t.i == werkwoord.i or werkwoord.pos_ not in ("VERB", "AUX"):
            continue
        if afhankelijk == "compound:prt" or t.i > werkwoord.i:
            gevonden.append(Scheidbaar(t.text.lower() + werkwoord.lemma_.lower(), _plek(doc, werkwoord, werkwoord),
                                       _plek(doc, t, t)))
    return gevonden


def _deelwoord(token, vorm: str) -> bool:
    """A past participle as Dutch forms it ('gesloten', 'opgehaald'), not an adjective the parser calls one
    ('arbeidsgeschikt'). By form: the model's lemmas of participles are unreliable ('opgehalen')."""
    return "Part" in _vorm(token) and re.match(vorm, token.text.lower()) is not None


def _meet_woordgebruik(maten: ZinMaten, woorden: list, teksten: list[str], soorten: list[str], relaties: list[str],
                       finiet: list[bool], drempel: float) -> None:
    """Word use and word order for the score: uncommon content words (one word lookup each, cached), the least
    common one, nouns, and the words before the first finite verb. The lists hold each word's text, part of
    speech, relation and whether it is a finite verb."""
    frequenties = [zipf(tekst.lower()) for t, tekst, soort, relatie in zip(woorden, teksten, soorten, relaties)
                   if _inhoudswoord(t, tekst, soort, relatie)]
    maten.ongewone_woorden = sum(1 for f in frequenties if f < drempel)
    maten.zeldzaamste_zipf = min(frequenties, default=7.0)
    maten.zelfstandige_naamwoorden = soorten.count("NOUN")
    maten.woorden_voor_persoonsvorm = next((n for n, fin in enumerate(finiet) if fin), len(woorden))


def _inhoudswoord(token, tekst: str, soort: str, relatie: str) -> bool:
    """A content word that can be common or not: no name, number, auxiliary or capitalised word inside the sentence."""
    return (soort in INHOUDSWOORDEN and soort != "PROPN" and tekst.isalpha()
            and relatie not in HULPWERKWOORD and not (tekst[0].isupper() and token.i > 0))


def _deelwoord_na(doc, hulpwerkwoord):
    """The past participle after a form of 'worden' in the same clause (the closed-list passive rule)."""
    for t in doc[hulpwerkwoord.i + 1:]:
        if t.is_punct or t.pos_ == "SCONJ" or ("Fin" in _vorm(t) and t.pos_ in ("VERB", "AUX")):
            return None
        if "Part" in _vorm(t) and t.pos_ in ("VERB", "AUX"):
            return t
    return None


def _zeldzaam(token, tekst: str, soort: str, drempel: float) -> bool:
    """A rare word: not a name, number or abbreviation, uncommon, and not a compound of two common words."""
    if not tekst.isalpha() or len(tekst) < 4 or soort == "PROPN" or (tekst[0].isupper() and token.i > 0):
        return False
    if zipf(tekst.lower()) >= drempel or zipf(token.lemma_.lower()) >= drempel:
        return False
    return not samenstelling_bekend(tekst, drempel + 0.5)


def _stuk(doc, a, b) -> Plek:
    """The words from a to b: 'wordt door ons beoordeeld'."""
    return _plek(doc, *sorted((a, b), key=lambda t: t.i))


def _plek(doc, eerste, laatste) -> Plek:
    begin, eind = eerste.idx, laatste.idx + len(laatste.text)
    return Plek(doc.text[begin:eind], begin, eind)
