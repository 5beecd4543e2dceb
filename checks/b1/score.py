"""The B1 score: 0 to 100, higher is easier. A weighted sum of sentence measures through a logistic curve;
the weights are fitted on real before/after rewrites (bench/b1_ijking.py) and stored in content/b1/score.yaml."""

from __future__ import annotations

import math

from checks.b1.maten import ZinMaten, drempels
from checks.content import load_yaml

KENMERKEN = ("woorden", "lettergrepen_per_woord", "zeldzaam_aandeel", "afhankelijkheid",
             "inhoudswoorden_per_bijzin", "passief", "naamwoordstijl", "ambtelijk")


def kenmerken(maten: ZinMaten, naamwoordstijl: int, ambtelijk: int) -> dict[str, float]:
    """The features of one sentence that the score weighs."""
    return {
        "woorden": maten.woorden,
        "lettergrepen_per_woord": maten.lettergrepen_per_woord,
        "zeldzaam_aandeel": len(maten.zeldzaam) / maten.woorden if maten.woorden else 0.0,
        "afhankelijkheid": maten.afhankelijkheid,
        "inhoudswoorden_per_bijzin": maten.inhoudswoorden_per_bijzin,
        "passief": len(maten.passief),
        "naamwoordstijl": naamwoordstijl,
        "ambtelijk": ambtelijk,
    }


def zin_score(waarden: dict[str, float], weging: dict | None = None) -> float:
    weging = weging or load_yaml("b1/score.yaml")
    som = weging["basis"]
    for naam, k in weging["kenmerken"].items():
        som += k["gewicht"] * (waarden[naam] - k["gemiddelde"]) / k["spreiding"]
    return 100 / (1 + math.exp(-som))


def niveau(score: float) -> str:
    for naam, vanaf in sorted(drempels()["niveaus"].items(), key=lambda nv: -nv[1]):
        if score >= vanaf:
            return naam
    return "C1"
