"""PDF/A from the letters, through LibreOffice headless: one LibreOffice process per worker for the whole run
(starting one costs seconds; converting a letter in a running one a fraction of that)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

from generator.vullen.fouten import InvoerFout, RenderFout

DIENST = Path(__file__).with_name("pdf_dienst.py")
INSTALLEER = "installeer LibreOffice met de UNO-koppeling: apt-get install libreoffice-writer-nogui python3-uno"


def uno_python() -> str:
    """The Python that has the UNO bridge: Debian's, unless SJABLOON_UNO_PYTHON says otherwise."""
    return os.environ.get("SJABLOON_UNO_PYTHON", "/usr/bin/python3")


@lru_cache(maxsize=1)
def _ontbreekt() -> str | None:
    if not shutil.which(os.environ.get("SJABLOON_SOFFICE", "soffice")):
        return "LibreOffice (soffice) is niet gevonden"
    try:
        subprocess.run([uno_python(), "-c", "import uno"], check=True, capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return f"{uno_python()} kan de UNO-koppeling van LibreOffice niet laden"
    return None


def beschikbaar() -> bool:
    return _ontbreekt() is None


def eis_libreoffice() -> None:
    if reden := _ontbreekt():
        raise InvoerFout(f"--pdf: {reden}; {INSTALLEER}")


class PdfOmzetter:
    def __init__(self):
        eis_libreoffice()
        self.proces = subprocess.Popen([uno_python(), str(DIENST)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                       text=True, encoding="utf-8")
        if (antwoord := self.proces.stdout.readline().strip()) != "klaar":
            raise InvoerFout(f"--pdf: LibreOffice start niet ({antwoord or 'geen antwoord'}); {INSTALLEER}")

    def zet_om(self, docx: Path) -> bytes:
        """The PDF/A of the DOCX at `docx` (a file, since LibreOffice reads files)."""
        tijdelijk = docx.with_name(f".{docx.stem}.pdf.tmp")
        try:
            self.proces.stdin.write(json.dumps({"in": str(docx.resolve()), "uit": str(tijdelijk.resolve())}) + "\n")
            self.proces.stdin.flush()
            antwoord = self.proces.stdout.readline().strip()
        except BrokenPipeError:
            antwoord = ""
        try:
            if antwoord != "ok":
                raise RenderFout(f"{docx.name}: PDF maken lukte niet ({antwoord or 'LibreOffice is gestopt'})")
            return tijdelijk.read_bytes()
        finally:
            tijdelijk.unlink(missing_ok=True)

    def sluit(self) -> None:
        if self.proces.poll() is None:
            self.proces.stdin.close()
            try:
                self.proces.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proces.kill()
