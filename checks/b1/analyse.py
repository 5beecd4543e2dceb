"""Analyse sentences once: parse, measure, find problems, score. Results are kept per distinct sentence text,
so a folder of bulk letters from one template parses each shared sentence only once."""

from __future__ import annotations

from dataclasses import dataclass

from checks.b1.maten import ZinMaten, meet
from checks.b1.regels import Probleem, zin_problemen
from checks.b1.score import kenmerken, zin_score
from checks.b1.taalmodel import ontleed
from checks.content import bij_wissel

MAX_GEHEUGEN = 10_000       # about 2 kB per sentence: a bulk run of 100,000 letters stays far under 300 MB


@dataclass
class ZinAnalyse:
    tekst: str
    maten: ZinMaten
    problemen: list[Probleem]
    kenmerken: dict[str, float]
    score: float


_geheugen: dict[str, ZinAnalyse] = {}
bij_wissel(_geheugen.clear)     # another gemeente's word lists or thresholds give other findings


def analyseer_zinnen(zinnen: list[str]) -> list[ZinAnalyse]:
    """The analysis of each sentence, in order; sentences seen before are not parsed again."""
    nieuw = list(dict.fromkeys(z for z in zinnen if z not in _geheugen))
    if len(_geheugen) + len(nieuw) > MAX_GEHEUGEN:
        _geheugen.clear()                          # then this document's known sentences are new again too
        nieuw = list(dict.fromkeys(zinnen))
    with ontleed(nieuw) as docs:
        for zin, doc in zip(nieuw, docs):
            maten = meet(doc)                      # plain data: nothing of the Doc is kept
            problemen = zin_problemen(zin, maten)
            waarden = kenmerken(maten, sum(p.regel == "naamwoordstijl" for p in problemen),
                                sum(p.regel == "ambtelijk_woord" for p in problemen))
            _geheugen[zin] = ZinAnalyse(zin, maten, problemen, waarden, zin_score(waarden))
    return [_geheugen[z] for z in zinnen]
