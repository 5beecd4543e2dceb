"""PDF/A from the letters, through LibreOffice headless: one LibreOffice process per worker for the whole run
(starting one costs seconds; converting a letter in a running one a fraction of that).

LibreOffice can crash or hang. Every wait for it is bounded (`timeout` seconds, for the start and per letter); a
LibreOffice that died or did not answer is killed with its whole process group and a fresh one converts the letter
again. A letter that fails POGINGEN times raises RenderFout; a LibreOffice that does not start PdfOnbeschikbaar."""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import tempfile
import time
from functools import lru_cache
from pathlib import Path

from generator.vullen.fouten import InvoerFout, RenderFout

DIENST = Path(__file__).with_name("pdf_dienst.py")
INSTALLEER = "installeer LibreOffice met de UNO-koppeling: apt-get install libreoffice-writer-nogui python3-uno"
TIMEOUT = 60.0      # seconds: the longest wait for LibreOffice to start, and for one letter
POGINGEN = 2        # per letter: the first try, and once more in a fresh LibreOffice


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


def ingestelde_timeout(gekozen: float | None = None) -> float:
    """The timeout: --pdf-timeout, else the environment variable SJABLOON_PDF_TIMEOUT, else TIMEOUT."""
    if gekozen is not None:
        return gekozen
    waarde = os.environ.get("SJABLOON_PDF_TIMEOUT", "").strip()
    if not waarde:
        return TIMEOUT
    try:
        getal = float(waarde)
    except ValueError:
        getal = 0
    if not getal >= 1:
        raise InvoerFout(f"omgevingsvariabele SJABLOON_PDF_TIMEOUT: {waarde!r} is geen geldige waarde; verwacht een "
                         "getal (seconden) van minstens 1")
    return getal


class PdfOnbeschikbaar(InvoerFout):
    """LibreOffice does not start (in time): no letter can be converted now."""


class _Weg(Exception):
    """LibreOffice died or did not answer in time; the message says which."""


class PdfOmzetter:
    def __init__(self, timeout: float | None = None):
        """Starts LibreOffice now, so each worker's starts at once. A failure to start is raised with the first
        letter: a worker process's initializer cannot report it to the run. `timeout` None: ingestelde_timeout()."""
        eis_libreoffice()
        self.timeout = ingestelde_timeout(timeout)
        self.proces: subprocess.Popen | None = None
        self.starts = 0
        try:
            self._start()
        except PdfOnbeschikbaar as fout:
            self._startfout: PdfOnbeschikbaar | None = fout
        else:
            self._startfout = None

    def _start(self) -> None:
        self.profiel = tempfile.mkdtemp(prefix="sjabloon-libreoffice-")
        self._buffer = b""
        # its own process group: LibreOffice and its helpers are killed together, whatever state they are in
        self.proces = subprocess.Popen([uno_python(), str(DIENST), self.profiel, str(self.timeout)],
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0, start_new_session=True)
        self.starts += 1
        try:
            antwoord = self._antwoord()
        except _Weg as weg:
            antwoord = str(weg)
        if antwoord != "klaar":
            self._stop_hard()
            raise PdfOnbeschikbaar(f"LibreOffice start niet ({antwoord})")

    def zet_om(self, docx: Path) -> bytes:
        """The PDF/A of the DOCX at `docx` (a file, since LibreOffice reads files)."""
        if self._startfout:
            fout, self._startfout = self._startfout, None
            raise fout
        tijdelijk = docx.with_name(f".{docx.stem}.pdf.tmp")
        opdracht = json.dumps({"in": str(docx.resolve()), "uit": str(tijdelijk.resolve())}).encode() + b"\n"
        try:
            for poging in range(1, POGINGEN + 1):
                if self.proces is None:
                    self._start()
                try:
                    antwoord = self._vraag(opdracht)
                except _Weg as weg:
                    self._stop_hard()
                    reden = str(weg)
                    continue
                if antwoord != "ok":                  # LibreOffice runs but cannot convert this letter
                    raise RenderFout(f"{docx.name}: PDF maken lukte niet ({antwoord})")
                return tijdelijk.read_bytes()
            raise RenderFout(f"{docx.name}: PDF maken lukte niet: {reden}, ook na {POGINGEN} pogingen, elk met een "
                             "nieuw gestarte LibreOffice")
        finally:
            tijdelijk.unlink(missing_ok=True)

    def _vraag(self, opdracht: bytes) -> str:
        try:
            self.proces.stdin.write(opdracht)
        except OSError:                               # BrokenPipeError: the service is gone
            raise _Weg("LibreOffice is gestopt") from None
        antwoord = self._antwoord()
        if antwoord.startswith("gestopt"):             # the service saw LibreOffice die under this letter
            raise _Weg(antwoord)
        return antwoord

    def _antwoord(self) -> str:
        """The service's next line, waiting at most `timeout` seconds."""
        einde = time.monotonic() + self.timeout
        uit = self.proces.stdout.fileno()
        while b"\n" not in self._buffer:
            rest = einde - time.monotonic()
            if rest <= 0 or not select.select([uit], [], [], rest)[0]:
                raise _Weg(f"LibreOffice gaf binnen {self.timeout:g} seconden geen antwoord")
            stuk = os.read(uit, 4096)
            if not stuk:
                raise _Weg("LibreOffice is gestopt")
            self._buffer += stuk
        regel, _, self._buffer = self._buffer.partition(b"\n")
        return regel.decode("utf-8", "replace").strip()

    def _stop_hard(self) -> None:
        """Kill the service and every LibreOffice process it started (also a hanging or stopped one)."""
        try:
            os.killpg(self.proces.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proces.wait()
        for pijp in (self.proces.stdin, self.proces.stdout):
            pijp.close()
        shutil.rmtree(self.profiel, ignore_errors=True)
        self.proces = None

    def sluit(self) -> None:
        if self.proces is None:
            return
        if self.proces.poll() is None:
            try:
                self.proces.stdin.close()
            except OSError:
                pass
            try:
                self.proces.wait(timeout=30)
            except subprocess.TimeoutExpired:
                pass
        self._stop_hard()                             # whatever is left of its group; and the profile
