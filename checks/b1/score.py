"""The B1 score: 0 to 100, higher is easier. A weighted sum of sentence measures through a logistic curve;
the weights are fitted on real before/after rewrites (bench/b1_ijking.py) and stored in content/b1/score.yaml.

Every feature is a difficulty (more is harder) and its weight is at most 0: a feature cannot make a sentence easier.
Length counts only above the B1 sentence length (drempels' zin_woorden), so a short added explanation ("Dat betekent:
...") costs nothing; the rest is measured per clause or per word, not per sentence."""

from __future__ import annotations

import math

from checks.b1.maten import ZinMaten, drempels
from checks.content import load_yaml

KENMERKEN = ("woorden_boven_grens", "woorden_per_bijzin", "lettergrepen_per_woord", "ongewone_woorden",
             "zeldzaamste_woord", "afhankelijkheid", "afhankelijkheid_max", "inhoudswoorden_per_bijzin",
             "woorden_voor_persoonsvorm", "zelfstandige_naamwoorden", "passief", "naamwoordstijl", "ambtelijk")
MEEST_GEWONE_ZIPF = 7.0     # the Zipf value of the most common words ('de', 'het')
GRENS_EXP = 700.0           # technical: math.exp overflows above 709.78; e^700 is still a float


def kenmerken(maten: ZinMaten, naamwoordstijl: int, ambtelijk: int) -> dict[str, float]:
    """The features of one sentence that the score weighs, each a difficulty."""
    return {
        "woorden_boven_grens": max(0, maten.woorden - drempels()["zin_woorden"]),
        "woorden_per_bijzin": maten.woorden / maten.bijzinnen,
        "lettergrepen_per_woord": maten.lettergrepen_per_woord,
        "ongewone_woorden": maten.ongewone_woorden,
        "zeldzaamste_woord": max(0.0, MEEST_GEWONE_ZIPF - maten.zeldzaamste_zipf),
        "afhankelijkheid": maten.afhankelijkheid,
        "afhankelijkheid_max": maten.max_afhankelijkheid,
        "inhoudswoorden_per_bijzin": maten.inhoudswoorden_per_bijzin,
        "woorden_voor_persoonsvorm": maten.woorden_voor_persoonsvorm,
        "zelfstandige_naamwoorden": maten.zelfstandige_naamwoorden / maten.woorden if maten.woorden else 0.0,
        "passief": len(maten.passief),
        "naamwoordstijl": naamwoordstijl,
        "ambtelijk": ambtelijk,
    }


def zin_score(waarden: dict[str, float], weging: dict | None = None) -> float:
    weging = weging or load_yaml("b1/score.yaml")
    som = weging["basis"]
    for naam, k in weging["kenmerken"].items():
        som += k["gewicht"] * (waarden[naam] - k["gemiddelde"]) / k["spreiding"]
    if som < -GRENS_EXP:
        # A sentence of thousands of words: e^-som would overflow a float (OverflowError). Here 1 + e^-som equals
        # e^-som to the last bit, so the logistic curve is e^som (down to 0); every normal sentence keeps the
        # expression below, and so its score, exactly.
        return 100 * math.exp(som)
    return 100 / (1 + math.exp(-som))


def niveau(score: float) -> str:
    for naam, vanaf in sorted(drempels()["niveaus"].items(), key=lambda nv: -nv[1]):
        if score >= vanaf:
            return naam
    return "C1"
