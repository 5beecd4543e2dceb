"""Precision and recall of the Awb element detection on the annotated corpus (tests/corpus/awb/).

Run: .venv/bin/python bench/awb_kwaliteit.py [--markdown]
For each document and each element that applies to its besluittype (the checker reports the others as
null): truth = annotated in the corpus; found = the checker finds it in the document rendered as DOCX, PDF or
text (as the file says). Also the mutations: each annotated element removed in turn.
"""

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "corpus"))

import meting  # noqa: E402
from awb_corpus import als_document, corpus, elementen_in, zonder  # noqa: E402

from checks.awb.controle import vind_elementen  # noqa: E402
from checks.awb.regels import eis, elementen  # noqa: E402


def tel(telling: Counter, naam: str, alineas: list[dict], formaat: str, besluittype: str) -> None:
    waar = elementen_in(alineas)
    vondsten = vind_elementen(als_document(naam, alineas, formaat), besluittype)
    for element in elementen():
        if not eis(besluittype, element):
            continue
        gevonden = bool(vondsten.plaatsen.get(element))
        sleutel = {(True, True): "tp", (False, True): "fp", (True, False): "fn", (False, False): "tn"}[(element in waar, gevonden)]
        telling[(element, sleutel)] += 1


def main() -> None:
    documenten = corpus()
    meting.eis(len(documenten) >= 10, f"het corpus heeft maar {len(documenten)} documenten")
    telling: Counter = Counter()
    for naam, doc in documenten:
        tel(telling, naam, doc["alineas"], doc["formaat"], doc["besluittype"])
        for element in sorted(elementen_in(doc["alineas"])):
            tel(telling, f"{naam}-zonder-{element}", zonder(doc["alineas"], element), doc["formaat"], doc["besluittype"])
    markdown = "--markdown" in sys.argv
    kop = "| element | precisie | recall | tp | fp | fn |" if markdown else f"{'element':<24} precisie  recall   tp   fp   fn"
    teksten = len(documenten) + sum(len(elementen_in(doc["alineas"])) for _, doc in documenten)
    print(f"{len(documenten)} documenten; met de mutaties {teksten} teksten")
    print(kop)
    if markdown:
        print("|---|---|---|---|---|---|")
    for element in elementen():
        tp, fp, fn = (telling[(element, s)] for s in ("tp", "fp", "fn"))
        # no finding or no annotated element: nothing was measured, so no figure (a '1.00' would claim one)
        precisie = f"{tp / (tp + fp):.2f}" if tp + fp else "-"
        recall = f"{tp / (tp + fn):.2f}" if tp + fn else "-"
        if markdown:
            print(f"| {element} | {precisie} | {recall} | {tp} | {fp} | {fn} |")
        else:
            print(f"{element:<24} {precisie:>8} {recall:>7} {tp:4} {fp:4} {fn:4}")
    meting.eis(sum(telling[(e, "tp")] + telling[(e, "fn")] for e in elementen()) > 0, "geen enkel element geannoteerd")
    meting.einde()


if __name__ == "__main__":
    main()
