"""The score of a whole letter, as a writer judges it: the mean sentence score, pulled toward the hardest paragraphs,
minus a penalty when more sentences than allowed are above B1. The result stays on the sentence scale, so the
levels of drempels.yaml (B1 from 50) mean the same for a letter as for a sentence. The weights are data
(content/b1/brief.yaml: oordeel), fitted by bench/b1_brieven.py."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

from checks.b1.maten import drempels
from checks.content import load_yaml


@dataclass
class BriefScore:
    score: float
    gemiddelde: float             # mean sentence score
    moeilijkste_alineas: float    # mean score of the hardest paragraphs
    aandeel_moeilijk: float       # share of sentences below the B1 boundary


def parameters() -> dict:
    return load_yaml("b1/brief.yaml")["oordeel"]


def brief_score(zinnen: list[tuple[float, Hashable]], weging: dict | None = None) -> BriefScore:
    """`zinnen`: (sentence score, the paragraph it is in), in order. `weging` overrides the stored parameters
    (the bench script tries others)."""
    weging = weging or parameters()
    if not zinnen:
        return BriefScore(100.0, 100.0, 100.0, 0.0)
    scores = [s for s, _ in zinnen]
    gemiddelde = sum(scores) / len(scores)
    per_alinea: dict[Hashable, list[float]] = {}
    for score, alinea in zinnen:
        per_alinea.setdefault(alinea, []).append(score)
    alineas = sorted(sum(s) / len(s) for s in per_alinea.values())
    moeilijkste = alineas[: max(1, int(weging["moeilijkste_alineas"]))]
    hardste = sum(moeilijkste) / len(moeilijkste)
    grens = drempels()["niveaus"]["B1"]
    aandeel = sum(s < grens for s in scores) / len(scores)
    gewicht = weging["gewicht_moeilijkste"]
    straf = weging["straf"] * 100 * max(0.0, aandeel - weging["toegestaan"])
    score = (1 - gewicht) * gemiddelde + gewicht * hardste - straf
    return BriefScore(max(0.0, min(100.0, score)), gemiddelde, hardste, aandeel)
