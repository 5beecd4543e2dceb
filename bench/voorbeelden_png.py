"""The first page of every template's example document as a small PNG, for the gallery in docs/sjablonen.md.

Run: .venv/bin/python bench/voorbeelden_png.py [--uit docs/voorbeelden] [--dpi 60]    (or: make voorbeelden-png)
`sjabloon voorbeelden` makes the documents (in a temporary folder, with its own register), LibreOffice turns them
into PDF as `sjabloon bulk --pdf` does, pdftoppm (poppler-utils) renders page 1, and the image is stored with a
palette of 64 colours: one file <template id>.png of well under 150 kB each. Not part of `make test`; the checks
on these pages are in tests/test_document_beeld.py.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PIL import Image

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from meting import eis, einde  # noqa: E402
from voorbeeldpdf import ontbreekt, pagina_beelden, voorbeeld_pdfs  # noqa: E402

from generator.vullen.sjabloon import catalogus  # noqa: E402

KLEUREN = 64


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--uit", type=Path, default=REPO / "docs" / "voorbeelden", help="map voor de PNG's")
    parser.add_argument("--dpi", type=int, default=60, help="resolutie van de afbeeldingen")
    opties = parser.parse_args()
    if reden := ontbreekt():
        sys.exit(f"kan de voorbeelden niet afbeelden: {reden}")
    opties.uit.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tijdelijk:
        pdfs = voorbeeld_pdfs(Path(tijdelijk))
        ontbrekend = sorted({s.id for s in catalogus()} - set(pdfs))
        eis(not ontbrekend, f"geen voorbeeld-PDF voor {', '.join(ontbrekend)}")
        for sjabloon_id, pdf in pdfs.items():
            [pagina] = pagina_beelden(pdf, Path(tijdelijk) / "png", opties.dpi, paginas=1)
            doel = opties.uit / f"{sjabloon_id}.png"
            Image.open(pagina).convert("RGB").quantize(KLEUREN).save(doel, optimize=True)
            print(f"{doel.relative_to(REPO) if doel.is_relative_to(REPO) else doel}  {doel.stat().st_size // 1024} kB")
            eis(doel.stat().st_size < 150 * 1024, f"{doel.name} is niet kleiner dan 150 kB")
    einde()


if __name__ == "__main__":
    main()
