"""Calibrate and test the B1 score on real rewrites by the City of Amsterdam (data/ams-vereenvoudiging/).

Run: .venv/bin/python bench/b1_ijking.py [--schrijf]
Fits the feature weights of the score by pairwise logistic regression (the rewrite should score easier than the
original), reports the pairwise accuracy out of sample (5-fold, split by document) next to two baselines: mean
sentence length alone and textstat's Flesch-Douma alone. With --schrijf it fits on all pairs and writes
content/b1/score.yaml. The last line is `verhouding: X`: our accuracy over the better baseline's.
"""

import argparse
import csv
import sys
from pathlib import Path

import numpy as np
import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from checks.b1.analyse import analyseer_zinnen  # noqa: E402
from checks.b1.score import KENMERKEN  # noqa: E402
from checks.b1.zinnen import splits  # noqa: E402

DATA = REPO / "data" / "ams-vereenvoudiging" / "zinnen-dev.csv"
NIVEAU_B1 = 50


def paren() -> list[tuple[int, str, str]]:
    with open(DATA, encoding="utf-8") as bestand:
        return [(int(r["Document ID"]), r["Complex"].strip(), r["Simple"].strip())
                for r in csv.DictReader(bestand) if r["Complex"].strip() != r["Simple"].strip()]


def segment(tekst: str) -> np.ndarray:
    """Features of a text segment: the mean over its sentences."""
    analyses = analyseer_zinnen(splits(tekst) or [tekst])
    return np.mean([[a.kenmerken[k] for k in KENMERKEN] for a in analyses], axis=0)


def fit(verschil: np.ndarray, stappen: int = 3000, leer: float = 0.1, l2: float = 0.01) -> np.ndarray:
    """Pairwise logistic regression without intercept: P(simple easier) = sigmoid(w . (complex - simple))."""
    x = np.vstack([verschil, -verschil])
    y = np.concatenate([np.ones(len(verschil)), np.zeros(len(verschil))])
    w = np.zeros(x.shape[1])
    for _ in range(stappen):
        p = 1 / (1 + np.exp(-x @ w))
        w -= leer * (x.T @ (p - y) / len(y) + l2 * w)
    return w


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--schrijf", action="store_true")
    schrijf = parser.parse_args().schrijf
    data = paren()
    complex_ = np.array([segment(c) for _, c, _ in data])
    simpel = np.array([segment(s) for _, _, s in data])
    alles = np.vstack([complex_, simpel])
    gemiddelde, spreiding = alles.mean(axis=0), alles.std(axis=0) + 1e-9
    verschil = (complex_ - simpel) / spreiding
    documenten = np.array([d for d, _, _ in data])

    goed = 0
    for vouw in range(5):
        test = documenten % 5 == vouw
        w = fit(verschil[~test])
        goed += int(np.sum(verschil[test] @ w > 0))
    nauwkeurig = goed / len(data)

    import textstat
    textstat.set_lang("nl")
    lengte = np.mean(complex_[:, 0] > simpel[:, 0])
    douma = np.mean([textstat.flesch_reading_ease(s) > textstat.flesch_reading_ease(c) for _, c, s in data])
    print(f"{len(data)} paren (identieke overgeslagen), 5-voudig gekruist per document")
    print(f"Sjabloonstraat B1-score:       {nauwkeurig:.3f}")
    print(f"alleen gemiddelde zinslengte:  {lengte:.3f}")
    print(f"alleen Flesch-Douma (textstat): {douma:.3f}")

    w = fit(verschil)
    for naam, gewicht in zip(KENMERKEN, w):
        print(f"  gewicht {naam:<28} {-gewicht:+.3f}")
    if schrijf:
        # Anchor: the score 50 (B1 threshold) lies halfway between the typical original and the typical rewrite.
        z_complex = ((complex_ - gemiddelde) / spreiding) @ -w
        z_simpel = ((simpel - gemiddelde) / spreiding) @ -w
        basis = -float(np.median(z_complex) + np.median(z_simpel)) / 2
        weging = {
            "bron": "bench/b1_ijking.py op data/ams-vereenvoudiging (EUPL-1.2, Gemeente Amsterdam)",
            "paren": len(data),
            "nauwkeurigheid_per_paar": round(nauwkeurig, 3),
            "basis": round(basis, 4),
            "kenmerken": {naam: {"gewicht": round(float(-g), 4), "gemiddelde": round(float(m), 4), "spreiding": round(float(s), 4)}
                          for naam, g, m, s in zip(KENMERKEN, w, gemiddelde, spreiding)},
        }
        kop = "# B1-score: weging van de kenmerken, geijkt met bench/b1_ijking.py --schrijf. Niet met de hand aanpassen.\n"
        (REPO / "content" / "b1" / "score.yaml").write_text(kop + yaml.safe_dump(weging, allow_unicode=True, sort_keys=False), encoding="utf-8")
        print("geschreven: content/b1/score.yaml")
    print(f"verhouding: {nauwkeurig / max(lengte, douma):.2f}")


if __name__ == "__main__":
    main()
