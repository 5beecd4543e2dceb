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
    controleer(gelezen, besluittype)                      # warm up: compile the rule patterns once
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


if __name__ == "__main__":
    main()
