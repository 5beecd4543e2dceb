"""The annotated corpus (tests/corpus/awb/): each decision as a jurist annotated it, in DOCX, PDF or text.

The per-element precision and recall over the corpus and all its mutations are printed by bench/awb_kwaliteit.py;
this test holds them to the aims of the issue (recall >= 0.95, precision >= 0.90 for every element)."""

import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "corpus"))

from awb_corpus import als_document, corpus, elementen_in, zonder  # noqa: E402

from checks.awb.controle import controleer, vind_elementen  # noqa: E402
from checks.awb.regels import eis, elementen  # noqa: E402
from checks.termijnen import bereken  # noqa: E402

DOCUMENTEN = corpus()


def test_corpus_is_varied_enough():
    assert len(DOCUMENTEN) >= 30
    assert {d["formaat"] for _, d in DOCUMENTEN} == {"docx", "pdf", "txt"}
    assert len({d["besluittype"] for _, d in DOCUMENTEN}) == 13
    for naam, doc in DOCUMENTEN:
        assert elementen_in(doc["alineas"]) <= set(elementen()), naam
        if doc.get("bezwaar_uiterlijk") and not doc.get("fout_termijn"):
            assert bereken("bezwaar", doc["dagtekening"]).einddatum == doc["bezwaar_uiterlijk"], naam


@pytest.mark.parametrize("naam, doc", DOCUMENTEN, ids=[n for n, _ in DOCUMENTEN])
def test_document_report_matches_the_annotation(naam, doc):
    rapport = controleer(als_document(naam, doc["alineas"], doc["formaat"]), doc["besluittype"])
    ontbrekend = {e for e, aanwezig in rapport.elementen.items() if aanwezig is False}
    assert ontbrekend == set(doc.get("ontbreekt") or [])
    fouten = {b.regel for b in rapport.bevindingen if b.ernst == "fout"}
    waarschuwingen = {b.regel for b in rapport.bevindingen if b.ernst == "waarschuwing"}
    assert set(doc.get("verwachte_fouten") or []) <= fouten
    assert set(doc.get("verwachte_waarschuwingen") or []) <= waarschuwingen
    assert ("bezwaartermijn" in fouten) == bool(doc.get("fout_termijn"))


def test_type_recognition_on_the_corpus():
    goed = sum(controleer(als_document(n, d["alineas"], d["formaat"])).besluittype == d["besluittype"] for n, d in DOCUMENTEN)
    assert goed / len(DOCUMENTEN) >= 0.85


def test_precision_and_recall_per_element_meet_the_aims():
    telling: Counter = Counter()
    for naam, doc in DOCUMENTEN:
        varianten = [doc["alineas"]] + [zonder(doc["alineas"], e) for e in elementen_in(doc["alineas"])]
        for alineas in varianten:
            waar = elementen_in(alineas)
            vondsten = vind_elementen(als_document(naam, alineas, doc["formaat"]), doc["besluittype"])
            for element in elementen():
                if eis(doc["besluittype"], element):
                    telling[(element, element in waar, bool(vondsten.plaatsen.get(element)))] += 1
    for element in elementen():
        tp, fp, fn = telling[(element, True, True)], telling[(element, False, True)], telling[(element, True, False)]
        assert tp / (tp + fn) >= 0.95, f"recall {element}"
        assert tp / (tp + fp) >= 0.90, f"precisie {element}"
