"""Every template's example document as a caseworker gets it (`sjabloon voorbeelden`), as PDF from LibreOffice (the
product's own PdfOmzetter, with a LibreOffice profile of its own) and as page images from pdftoppm (poppler-utils).
For tests/test_document_beeld.py and bench/voorbeelden_png.py."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator.bulk.pdf import PdfOmzetter, _ontbreekt
from generator.vullen.sjabloon import catalogus

SJABLOON = str(Path(sys.executable).parent / "sjabloon")


def ontbreekt() -> str | None:
    """Why the PDFs and images cannot be made here, or None."""
    return _ontbreekt() or (None if shutil.which("pdftoppm") else "pdftoppm (poppler-utils) is niet gevonden")


def voorbeeld_pdfs(map_: Path) -> dict[str, Path]:
    """{template id: PDF} of every template's example, made in `map_` (its own register, nothing in the repo)."""
    omgeving = dict(os.environ, SJABLOON_DATABASE_URL=f"sqlite:///{map_ / 'register.sqlite'}")
    subprocess.run([SJABLOON, "voorbeelden", "--uit", str(map_ / "docx")], check=True, capture_output=True,
                   cwd=map_, env=omgeving)
    documenten = {s.id: next((map_ / "docx").glob(f"*_{s.id}.docx")) for s in catalogus()}
    (map_ / "pdf").mkdir(exist_ok=True)
    omzetter = PdfOmzetter()
    try:
        pdfs = {}
        for sjabloon_id, docx in documenten.items():
            pdfs[sjabloon_id] = map_ / "pdf" / f"{sjabloon_id}.pdf"
            pdfs[sjabloon_id].write_bytes(omzetter.zet_om(docx))
    finally:
        omzetter.sluit()
    return pdfs


def pagina_beelden(pdf: Path, map_: Path, dpi: int, paginas: int | None = None) -> list[Path]:
    """The PDF's pages (the first `paginas`, else all) as PNG files in `map_`, in page order."""
    map_.mkdir(parents=True, exist_ok=True)
    grens = ["-l", str(paginas)] if paginas else []
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", *grens, str(pdf), str(map_ / pdf.stem)], check=True)
    return sorted(map_.glob(f"{pdf.stem}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
