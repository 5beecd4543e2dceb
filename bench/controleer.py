"""Speed of the Awb check: a two-page DOCX decision (the last-onder-dwangsom example), checked repeatedly.

Run: .venv/bin/python bench/controleer.py [--n 200]
Prints documents per second for reading + checking, and for checking alone, on one core.
Aim (issue 3): at least 50 documents per second.
"""

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from meting import eis, einde  # noqa: E402
from test_awb_sjablonen import voorbeeld_docx  # noqa: E402

from checks.awb.controle import controleer  # noqa: E402
from checks.document import lees_document  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=200)
    n = parser.parse_args().n
    document, besluittype = voorbeeld_docx("last-onder-dwangsom")
    gelezen = lees_document("besluit.docx", document)
    woorden = len(gelezen.tekst.split())
    rapport = controleer(gelezen, besluittype)            # warm up: compile the rule patterns once
    # what is timed must be the whole check of a real decision, not an early way out
    eis(woorden > 300 and len(gelezen.alineas) > 10, f"het voorbeeld is geen besluit van twee pagina's ({woorden} woorden)")
    eis(rapport.vrijgave, "de controle keurt het voorbeeldbesluit af: dan meet dit niet de gewone controle")
    eis(controleer(lees_document("besluit.docx", document), besluittype).as_json() == rapport.as_json(),
        "lezen + controleren geeft een ander rapport dan alleen controleren")
    start = time.perf_counter()
    for _ in range(n):
        controleer(lees_document("besluit.docx", document), besluittype)
    met_lezen = n / (time.perf_counter() - start)
    start = time.perf_counter()
    for _ in range(n):
        controleer(gelezen, besluittype)
    alleen = n / (time.perf_counter() - start)
    print(f"document: {woorden} woorden, {len(gelezen.alineas)} alinea's ({dt.date.today()})")
    print(f"lezen + controleren: {met_lezen:.0f} documenten per seconde")
    print(f"alleen controleren:  {alleen:.0f} documenten per seconde")
    print(f"verhouding: {met_lezen / 50:.1f} (tegen het doel van 50 per seconde)")
    einde()


if __name__ == "__main__":
    main()
