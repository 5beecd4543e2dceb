"""Analyse sentences once: parse, measure, find problems, score. Results are kept per distinct sentence text,
so a folder of bulk letters from one template parses each shared sentence only once."""

from __future__ import annotations

import contextlib
from collections import OrderedDict
from dataclasses import dataclass

from checks.b1.maten import ZinMaten, meet
from checks.b1.regels import Probleem, zin_problemen
from checks.b1.score import kenmerken, zin_score
from checks.b1.taalmodel import ontleed
from checks.content import bij_wissel

MAX_GEHEUGEN = 10_000       # distinct sentences kept, about 1 kB each (tracemalloc): bounded whatever the run


@dataclass
class ZinAnalyse:
    tekst: str
    maten: ZinMaten
    problemen: list[Probleem]
    kenmerken: dict[str, float]
    score: float


_geheugen: OrderedDict[str, ZinAnalyse] = OrderedDict()      # least recently used first
bij_wissel(_geheugen.clear)     # another gemeente's word lists or thresholds give other findings


def analyseer_zinnen(zinnen: list[str]) -> list[ZinAnalyse]:
    """The analysis of each sentence, in order. Sentences seen recently are not parsed again: the memory keeps the
    MAX_GEHEUGEN most recently used ones, so a template's shared sentences stay while one-off lines (names,
    amounts) drop out. All new sentences of the call go through the model in one batch."""
    gevonden: dict[str, ZinAnalyse] = {}
    nieuw = []
    for zin in zinnen:
        if zin in gevonden:
            continue
        if (bekend := _geheugen.get(zin)) is not None:
            try:
                _geheugen.move_to_end(zin)
            except KeyError:                        # another thread of the web app may just have dropped it
                pass
            gevonden[zin] = bekend
        else:
            gevonden[zin] = None
            nieuw.append(zin)
    if not nieuw:                                   # a letter of known sentences: no model, lock or memory zone
        return [gevonden[z] for z in zinnen]
    with ontleed(nieuw) as docs:
        for zin, doc in zip(nieuw, docs):
            maten = meet(doc)                      # plain data: nothing of the Doc is kept
            problemen = zin_problemen(zin, maten)
            waarden = kenmerken(maten, sum(p.regel == "naamwoordstijl" for p in problemen),
                                sum(p.regel == "ambtelijk_woord" for p in problemen))
            gevonden[zin] = _geheugen[zin] = ZinAnalyse(zin, maten, problemen, waarden, zin_score(waarden))
    while len(_geheugen) > MAX_GEHEUGEN:
        with contextlib.suppress(KeyError):
            _geheugen.popitem(last=False)
    return [gevonden[z] for z in zinnen]
