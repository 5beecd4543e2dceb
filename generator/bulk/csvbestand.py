"""CSV as Dutch Excel opens it: ';' between fields (Dutch Excel reads ',' as the decimal sign and puts a comma
file in one column), UTF-8 with a byte order mark (without it Excel shows 'CafÃ©' for 'Café') and CRLF line ends.
Every CSV the product writes goes through here: the rows of selecteer-afloop, and the manifest and fouten.csv of a
bulk run. Reading accepts ';' or ',' and a BOM or none, so a file from Excel or from another tool works too."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.vullen.bestanden import atomisch

CODERING = "utf-8-sig"              # writes the BOM by which Excel knows UTF-8; reads a file with or without one
OPMAAK = {"delimiter": ";", "lineterminator": "\r\n"}


def schrijver(bestand):
    """A csv writer in this format, on a text file opened with encoding=CODERING and newline=''."""
    return csv.writer(bestand, **OPMAAK)


@contextmanager
def schrijf(pad: Path, kolommen: list[str]) -> Iterator:
    """A writer for the rows of a CSV at `pad`, the column names already written. Streamed to disk, and the file
    appears only whole, when the `with` ends without error."""
    with atomisch(Path(pad), encoding=CODERING, newline="") as bestand:
        uit = schrijver(bestand)
        uit.writerow(kolommen)
        yield uit


def als_tekst(kolommen: list[str], rijen: Iterable[list]) -> str:
    """The same CSV as text for the screen: without the BOM, with plain line ends."""
    buffer = io.StringIO()
    uit = csv.writer(buffer, delimiter=OPMAAK["delimiter"], lineterminator="\n")
    uit.writerow(kolommen)
    uit.writerows(rijen)
    return buffer.getvalue()


def scheidingsteken(kopregel: str) -> str:
    """';' or ',': whichever the line of column names holds more of (Dutch Excel writes ';', most tools ',')."""
    return ";" if kopregel.count(";") > kopregel.count(",") else ","
