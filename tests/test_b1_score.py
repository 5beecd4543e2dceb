"""The B1 score ranks texts the way Amsterdam's plain-language writers did, clearly better than the baselines."""

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from b1_ijking import paren, segment  # noqa: E402

from checks.b1.controle import controleer_b1  # noqa: E402
from checks.b1.score import KENMERKEN, zin_score  # noqa: E402
from checks.document import lees_tekst  # noqa: E402


def test_rewrites_score_easier_than_originals_with_the_stored_weights():
    data = paren()
    goed = lengte = 0
    for _, origineel, herschreven in data:
        a, b = segment(origineel), segment(herschreven)
        goed += zin_score(dict(zip(KENMERKEN, b))) > zin_score(dict(zip(KENMERKEN, a)))
        lengte += a[0] > b[0]
    assert goed / len(data) >= 0.72
    assert goed / len(data) >= lengte / len(data) + 0.10


def test_score_niveau_and_verdict():
    makkelijk = controleer_b1(lees_tekst("Wij hebben uw brief ontvangen. U hoort snel van ons. Bel ons als u vragen hebt."))
    moeilijk = controleer_b1(lees_tekst(
        "Teneinde de legalisatie van het door u zonder de daartoe vereiste vergunning opgerichte bouwwerk te "
        "effectueren, dient u middels het daartoe bestemde formulier een aanvraag in te dienen, waarna de "
        "beoordeling conform de geldende regelgeving zal plaatsvinden."))
    assert makkelijk.score > 60 > 40 > moeilijk.score
    assert makkelijk.b1 and makkelijk.niveau in ("A1", "A2", "B1")
    assert not moeilijk.b1 and moeilijk.niveau in ("B2", "C1") and moeilijk.redenen
    assert np.isclose(moeilijk.maten["flesch_douma"], 206.835 - 0.93 * moeilijk.maten["woorden"] - 77 * moeilijk.maten["lettergrepen_per_woord"], atol=1)
