"""Calibrate and test the B1 score on real rewrites by the City of Amsterdam (data/ams-vereenvoudiging/).

Run: .venv/bin/python bench/b1_ijking.py [--apart] [--schrijf]
Fits the feature weights of the score by pairwise logistic regression (the rewrite should score easier than the
original), with every weight constrained to 'harder' or zero, so no feature can point the wrong way.

The documents in APART (chosen before any fitting: every fourth document from 3, plus document 13, together a
quarter of the pairs) are never fitted on. Feature and setting choices were made by 5-fold cross-validation per
document on the other documents only; the held-out documents are scored once, with the weights fitted on all other
documents. Each figure is given overall, where the rewrite has more words than the original, and where it has fewer,
next to baselines: the previous score (raw length, weights of either sign), mean sentence length alone and
textstat's Flesch-Douma alone.

Without --apart only the cross-validated figures within the fit part are printed, so trying a change cannot peek at
the held-out documents. --apart adds the held-out figures and, for comparison, 5-fold cross-validation over all pairs
(which includes the held-out documents); the last line is then `verhouding: X`: our held-out accuracy over the better
baseline's. Without --apart the last line is our cross-validated accuracy over the previous score's, on the fit part. --schrijf (only with --apart: score.yaml records the held-out figures) writes those weights (fitted on the
fit part only) and the figures to content/b1/score.yaml.
"""

import argparse
import csv
import sys
from pathlib import Path

import numpy as np
import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from meting import eis, einde  # noqa: E402

from checks.b1.analyse import analyseer_zinnen  # noqa: E402
from checks.b1.score import KENMERKEN  # noqa: E402
from checks.b1.zinnen import splits  # noqa: E402

DATA = REPO / "data" / "ams-vereenvoudiging" / "zinnen-dev.csv"
APART = frozenset({3, 7, 11, 13, 15, 19, 23, 27})     # held-out documents: 177 of the 703 pairs
VOUWEN = 5
L2 = 0.01


def paren() -> list[tuple[int, str, str]]:
    with open(DATA, encoding="utf-8") as bestand:
        return [(int(r["Document ID"]), r["Complex"].strip(), r["Simple"].strip())
                for r in csv.DictReader(bestand) if r["Complex"].strip() != r["Simple"].strip()]


def segment(tekst: str) -> np.ndarray:
    """Features of a text segment: the mean over its sentences (as a letter's score is a mean over its sentences),
    so a rewrite that adds a short explaining sentence is not punished for its extra words."""
    analyses = analyseer_zinnen(splits(tekst) or [tekst])
    return np.mean([[a.kenmerken[k] for k in KENMERKEN] for a in analyses], axis=0)


def vorige_kenmerken(tekst: str) -> np.ndarray:
    """The features of the previous score (raw sentence length and mean dependency length, free signs), as a baseline."""
    analyses = analyseer_zinnen(splits(tekst) or [tekst])
    return np.mean([[a.maten.woorden, a.kenmerken["lettergrepen_per_woord"], len(a.maten.zeldzaam) / a.maten.woorden,
                     a.kenmerken["afhankelijkheid"], a.kenmerken["inhoudswoorden_per_bijzin"], a.kenmerken["passief"],
                     a.kenmerken["naamwoordstijl"], a.kenmerken["ambtelijk"]] for a in analyses], axis=0)


def aantal_woorden(tekst: str) -> int:
    return sum(a.maten.woorden for a in analyseer_zinnen(splits(tekst) or [tekst]))


def fit(verschil: np.ndarray, stappen: int = 3000, leer: float = 0.1, l2: float = L2, vrij: bool = False) -> np.ndarray:
    """Pairwise logistic regression without intercept: P(simple easier) = sigmoid(w . (complex - simple)),
    by projected gradient descent with w >= 0 (each feature a difficulty: more of it is harder or does nothing);
    `vrij` lifts that constraint (the previous score's fit)."""
    x = np.vstack([verschil, -verschil])
    y = np.concatenate([np.ones(len(verschil)), np.zeros(len(verschil))])
    w = np.zeros(x.shape[1])
    for _ in range(stappen):
        p = 1 / (1 + np.exp(-x @ w))
        w = w - leer * (x.T @ (p - y) / len(y) + l2 * w)
        w = w if vrij else np.maximum(0.0, w)
    return w


def gekruist(verschil: np.ndarray, documenten: np.ndarray, vrij: bool = False) -> np.ndarray:
    """Per pair: ranked right out of sample, 5-fold split by document (a tie counts as wrong)."""
    goed = np.zeros(len(verschil), dtype=bool)
    for vouw in range(VOUWEN):
        test = documenten % VOUWEN == vouw
        goed[test] = verschil[test] @ fit(verschil[~test], vrij=vrij) > 0
    return goed


def regel(naam: str, goed: np.ndarray, deel: np.ndarray, langer: np.ndarray, korter: np.ndarray) -> dict:
    cijfers = {"alle": goed[deel].mean(), "langer": goed[deel & langer].mean(), "korter": goed[deel & korter].mean()}
    print(f"  {naam:<32} {cijfers['alle']:.3f}    {cijfers['langer']:.3f}    {cijfers['korter']:.3f}")
    return {k: round(float(v), 3) for k, v in cijfers.items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--apart", action="store_true", help="ook de apart gehouden documenten meten (alleen bij de eindmeting)")
    parser.add_argument("--schrijf", action="store_true", help="gewichten en cijfers naar content/b1/score.yaml (vraagt --apart)")
    opties = parser.parse_args()
    if opties.schrijf and not opties.apart:
        parser.error("--schrijf vraagt --apart: score.yaml legt ook de cijfers op de apart gehouden documenten vast")
    schrijf = opties.schrijf
    data = paren()
    complex_ = np.array([segment(c) for _, c, _ in data])
    simpel = np.array([segment(s) for _, _, s in data])
    documenten = np.array([d for d, _, _ in data])
    apart = np.isin(documenten, list(APART))
    passen = ~apart
    woorden_c = np.array([aantal_woorden(c) for _, c, _ in data])
    woorden_s = np.array([aantal_woorden(s) for _, _, s in data])
    langer, korter = woorden_s > woorden_c, woorden_s < woorden_c
    eis(passen.sum() >= 100, f"maar {passen.sum()} paren om op te passen")
    eis(apart.sum() > 0, "geen enkel paar apart gehouden: de toets zou op geziene documenten meten")
    eis(not set(documenten[passen].tolist()) & set(APART), "een apart gehouden document zit in de pasdata")

    alles = np.vstack([complex_[passen], simpel[passen]])
    gemiddelde, spreiding = alles.mean(axis=0), alles.std(axis=0) + 1e-9
    verschil = (complex_ - simpel) / spreiding
    w = fit(verschil[passen])

    import textstat
    textstat.set_lang("nl")
    zinslengte = np.array([np.mean([len(z.split()) for z in splits(c) or [c]]) > np.mean([len(z.split()) for z in splits(s) or [s]])
                           for _, c, s in data])
    vorig_c = np.array([vorige_kenmerken(c) for _, c, _ in data])
    vorig_s = np.array([vorige_kenmerken(s) for _, _, s in data])
    vorig = (vorig_c - vorig_s) / (np.vstack([vorig_c[passen], vorig_s[passen]]).std(axis=0) + 1e-9)
    vorige_score = vorig @ fit(vorig[passen], vrij=True) > 0
    douma = np.array([textstat.flesch_reading_ease(s) > textstat.flesch_reading_ease(c) for _, c, s in data])

    print(f"{len(data)} paren (identieke overgeslagen); passen op {passen.sum()} paren uit documenten "
          f"{sorted(set(documenten[passen].tolist()))}; apart gehouden: {apart.sum()} paren uit documenten {sorted(APART)}")
    print(f"in de passende documenten is de herschrijving langer (meer woorden) in {(langer & passen).sum()} paren, "
          f"korter in {(korter & passen).sum()}, even lang in {(~langer & ~korter & passen).sum()}")
    kop = f"  {'':<32} alle     langer   korter"
    print("5-voudig gekruist per document, binnen de passende documenten:")
    print(kop)
    cv = regel("Sjabloonstraat B1-score", gekruist(verschil[passen], documenten[passen]), np.ones(passen.sum(), bool),
               langer[passen], korter[passen])
    cv_vorig = regel("vorige score (ruwe lengte)", gekruist(vorig[passen], documenten[passen], vrij=True),
                     np.ones(passen.sum(), bool), langer[passen], korter[passen])
    if not opties.apart:
        print("apart gehouden documenten: niet gemeten (alleen met --apart, bij de eindmeting)")
    else:
        print("apart gehouden documenten (gewichten gepast op alle andere documenten, één keer gemeten):")
        print(kop)
        goed_apart = verschil @ w > 0
        houd = regel("Sjabloonstraat B1-score", goed_apart, apart, langer, korter)
        regel("vorige score (ruwe lengte)", vorige_score, apart, langer, korter)
        regel("alleen gemiddelde zinslengte", zinslengte, apart, langer, korter)
        regel("alleen Flesch-Douma (textstat)", douma, apart, langer, korter)
        print("ter vergelijking, 5-voudig gekruist per document over alle paren:")
        print(kop)
        regel("Sjabloonstraat B1-score", gekruist(verschil, documenten), np.ones(len(data), bool), langer, korter)
        regel("vorige score (ruwe lengte)", gekruist(vorig, documenten, vrij=True), np.ones(len(data), bool), langer, korter)
        regel("alleen gemiddelde zinslengte", zinslengte, np.ones(len(data), bool), langer, korter)
        regel("alleen Flesch-Douma (textstat)", douma, np.ones(len(data), bool), langer, korter)
    print("gewichten (per standaardafwijking; negatief = moeilijker, 0 = geen invloed):")
    for naam, gewicht in zip(KENMERKEN, w):
        print(f"  gewicht {naam:<28} {-gewicht:+.3f}  {'moeilijker' if gewicht > 0 else 'geen invloed'}")
    assert (w >= 0).all(), "een kenmerk maakt een zin makkelijker: de tekencontrole faalt"
    print("tekencontrole: geen enkel kenmerk maakt een zin makkelijker")
    if schrijf:
        # Anchor: the score 50 (B1 threshold) lies halfway between the typical original and the typical rewrite.
        z_complex = ((complex_[passen] - gemiddelde) / spreiding) @ -w
        z_simpel = ((simpel[passen] - gemiddelde) / spreiding) @ -w
        basis = -float(np.median(z_complex) + np.median(z_simpel)) / 2
        weging = {
            "bron": "bench/b1_ijking.py op data/ams-vereenvoudiging (EUPL-1.2, Gemeente Amsterdam)",
            "paren": len(data),
            "gepast_op_paren": int(passen.sum()),
            "apart_gehouden_documenten": sorted(APART),
            "nauwkeurigheid_per_paar": houd["alle"],
            "apart_gehouden": houd,
            "gekruist": cv,
            "basis": round(basis, 4),
            "kenmerken": {naam: {"gewicht": round(float(-g), 4), "gemiddelde": round(float(m), 4), "spreiding": round(float(s), 4)}
                          for naam, g, m, s in zip(KENMERKEN, w, gemiddelde, spreiding)},
        }
        kop_yaml = "# B1-score: weging van de kenmerken, geijkt met bench/b1_ijking.py --schrijf. Niet met de hand aanpassen.\n"
        (REPO / "content" / "b1" / "score.yaml").write_text(kop_yaml + yaml.safe_dump(weging, allow_unicode=True, sort_keys=False), encoding="utf-8")
        print("geschreven: content/b1/score.yaml")
    if opties.apart:
        print(f"verhouding: {houd['alle'] / max(zinslengte[apart].mean(), douma[apart].mean()):.2f}")
    else:
        print(f"verhouding: {cv['alle'] / cv_vorig['alle']:.2f} (gekruist binnen de passende documenten, tegen de vorige score)")
    einde()


if __name__ == "__main__":
    main()
