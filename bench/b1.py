"""Speed of the B1 check with the model, against textstat on the same text.

Run: .venv/bin/python bench/b1.py
1. A realistic corpus: the 34 decisions and letters of tests/corpus/awb plus the example of every template,
   each checked in full (cold cache), in words per second on one core; textstat's Flesch-Douma on the same texts.
2. A bulk run: 1,000 letters from one template that differ only in name and address; shared sentences are
   scored once, so this takes seconds.
The last line is `verhouding: X`: our words per second over the aim of 10,000.
"""

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "corpus"))
sys.path.insert(0, str(REPO / "tests"))

import textstat  # noqa: E402
from awb_corpus import als_document, corpus  # noqa: E402

from meting import eis, einde  # noqa: E402

from checks.b1 import analyse  # noqa: E402
from checks.b1.controle import controleer_b1  # noqa: E402
from checks.b1.taalmodel import nlp  # noqa: E402
from checks.document import lees_document, lees_tekst  # noqa: E402


def teksten() -> list:
    from test_awb_sjablonen import ANNOTATIE, voorbeeld_docx
    documenten = [als_document(n, d["alineas"], "txt") for n, d in corpus()]
    documenten += [lees_document(f"{s}.docx", voorbeeld_docx(s)[0]) for s in ANNOTATIE]
    return documenten


def main() -> None:
    nlp()                                           # load the model and the word lists outside the timing
    controleer_b1(lees_tekst("Indien u vragen hebt, belt u ons. Dat is een begunstigingstermijn."))
    documenten = teksten()
    woorden = sum(len(d.tekst.split()) for d in documenten)
    analyse._geheugen.clear()
    start = time.perf_counter()
    rapporten = [controleer_b1(document) for document in documenten]
    onze = woorden / (time.perf_counter() - start)
    eis(len(documenten) >= 30 and woorden > 5000, f"het corpus is te klein: {len(documenten)} documenten, {woorden} woorden")
    eis(all(r.zinnen for r in rapporten), "niet elk document kreeg een oordeel per zin")
    textstat.set_lang("nl")
    start = time.perf_counter()
    for document in documenten:
        textstat.flesch_reading_ease(document.tekst)
    hun = woorden / (time.perf_counter() - start)
    print(f"corpus: {len(documenten)} documenten, {woorden} woorden")
    print(f"B1-controle met model:      {onze:,.0f} woorden per seconde")
    print(f"textstat Flesch-Douma:      {hun:,.0f} woorden per seconde (alleen een formule, geen ontleding)")

    basis = documenten[-1].tekst
    # the 1,000 letters must differ (a name), or this times the cache, not the check
    eis("Voorbeeld" in basis, "de bulkbrieven zouden allemaal gelijk zijn: 'Voorbeeld' staat niet in de tekst")
    analyse._geheugen.clear()
    start = time.perf_counter()
    for nummer in range(1000):
        controleer_b1(lees_tekst(basis.replace("Voorbeeld", f"Voorbeeld-{nummer}", 1), f"brief-{nummer}"))
    duur = time.perf_counter() - start
    print(f"1.000 bulkbrieven uit één sjabloon: {duur:.1f} seconden ({1000 * len(basis.split()) / duur:,.0f} woorden per seconde)")
    print(f"verhouding: {onze / 10_000:.2f}")
    einde()


if __name__ == "__main__":
    main()
