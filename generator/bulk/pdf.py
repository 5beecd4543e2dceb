"""PDF/A from the letters, through LibreOffice headless: one LibreOffice process per worker for the whole run
(starting one costs seconds; converting a letter in a running one a fraction of that).

LibreOffice can crash or hang. Every wait for it is bounded (`timeout` seconds, for the start and per letter); a
LibreOffice that died or did not answer is killed with its whole process group and a fresh one converts the letter
again. A letter that fails POGINGEN times raises RenderFout; a LibreOffice that does not start PdfOnbeschikbaar.

LibreOffice gets a lighter copy of each letter (pdf_slank) and may get several letters per request (zet_om_reeks);
docs/bulk.md ("PDF/A in bulk") has the figures.

LibreOffice reads and writes only in folders of its own, never in the letters' folder: a LibreOffice killed while
storing a PDF leaves its lock file (`.~lock.<name>#`) and a temporary file next to that PDF, and a fresh LibreOffice
refuses to store over a locked file ("Io Abort"). Its PDFs go to a folder inside its profile, which goes with it."""

from __future__ import annotations

import contextlib
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

from generator.bulk.pdf_slank import slank
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
        """Starts LibreOffice now, without waiting for it: it gets ready while the worker prepares its template and
        renders its first letters. A failure to start is raised with the first letter (a worker process's
        initializer cannot report it to the run). `timeout` None: ingestelde_timeout()."""
        eis_libreoffice()
        self.timeout = ingestelde_timeout(timeout)
        self.proces: subprocess.Popen | None = None
        self.starts = 0
        self.kopieen = Path(tempfile.mkdtemp(prefix="sjabloon-pdf-"))     # the lighter copies, for any LibreOffice
        self._start()

    def _start(self) -> None:
        self.profiel = tempfile.mkdtemp(prefix="sjabloon-libreoffice-")
        self.pdfmap = Path(self.profiel, "pdf")          # this LibreOffice's PDFs: removed with its profile
        self.pdfmap.mkdir()
        self._buffer = b""
        # its own process group: LibreOffice and its helpers are killed together, whatever state they are in
        self.proces = subprocess.Popen([uno_python(), str(DIENST), self.profiel, str(self.timeout)],
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0, start_new_session=True)
        self.starts += 1
        self.overgenomen = False      # True in a worker whose run started this LibreOffice: not the worker's child
        self._klaar_voor = time.monotonic() + self.timeout       # the start is bounded by the timeout too
        self._klaar = False

    def neem_over(self, anderen: list[PdfOmzetter]) -> None:
        """In a worker forked by the run: this LibreOffice, which the run started before the fork (so that it got
        ready while the run loaded the language model), is this worker's from now on. The pipes of the `anderen`,
        started for the other workers, are closed here: a LibreOffice ends when every copy of its input is closed."""
        for ander in anderen:
            if ander is not self and ander.proces is not None:
                ander.proces.stdin.close()
                ander.proces.stdout.close()
        self.overgenomen = True

    def laat_los(self) -> None:
        """In the run, once its workers are forked: the worker that took this LibreOffice over holds its pipes."""
        self.proces.stdin.close()
        self.proces.stdout.close()

    def ruim_op(self) -> None:
        """In the run, after its workers ended: the LibreOffice it started is stopped (by its worker, normally) and
        its process collected; a worker that died first left it running, so it is stopped here."""
        try:
            self.proces.wait(timeout=1)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proces.pid, signal.SIGKILL)
            self.proces.wait()
        shutil.rmtree(self.profiel, ignore_errors=True)
        shutil.rmtree(self.kopieen, ignore_errors=True)

    def _wacht_op_start(self) -> None:
        if self.proces is None:
            self._start()
        if self._klaar:
            return
        try:
            antwoord = self._antwoord(self._klaar_voor)
        except _Weg as weg:
            antwoord = str(weg)
        if antwoord != "klaar":
            self._stop_hard()
            raise PdfOnbeschikbaar(f"LibreOffice start niet ({antwoord})")
        self._klaar = True

    def zet_om(self, docx: Path) -> bytes:
        """The PDF/A of the DOCX at `docx` (a file, since LibreOffice reads files)."""
        uitkomst = self.zet_om_reeks([docx])[0]
        if isinstance(uitkomst, RenderFout):
            raise uitkomst
        return uitkomst

    def zet_om_reeks(self, paden: list[Path]) -> list[bytes | RenderFout]:
        """The PDF/A of each DOCX, in order: its bytes, or the RenderFout saying why it has none. The letters go to
        LibreOffice as one request; each answer is awaited at most `timeout` seconds. When LibreOffice dies or hangs
        under a letter, a fresh one converts that letter and the ones after it; a letter that was answered is not
        sent again, and each is tried at most POGINGEN times. Raises PdfOnbeschikbaar when LibreOffice does not
        start: no letter of the batch gets its PDF then."""
        paden = [Path(p) for p in paden]
        slanke = [self.kopieen / f"{i}.{p.stem}.docx" for i, p in enumerate(paden)]
        pdfs: dict[int, Path] = {}
        uitkomst: list[bytes | RenderFout | None] = [None] * len(paden)
        pogingen = [0] * len(paden)
        try:
            for pad, kopie in zip(paden, slanke):
                kopie.write_bytes(slank(pad.read_bytes()))
            open_ = list(range(len(paden)))
            while open_:
                self._wacht_op_start()
                pdfs = {i: self.pdfmap / f"{i}.pdf" for i in open_}      # in this LibreOffice's own folder
                opdracht = json.dumps([{"in": str(slanke[i]), "uit": str(pdfs[i])} for i in open_]).encode() + b"\n"
                try:
                    for nummer, i in enumerate(list(open_)):
                        pogingen[i] += 1
                        antwoord = self._vraag(opdracht) if nummer == 0 else self._volgend_antwoord()
                        open_.remove(i)
                        pdf = pdfs.pop(i)
                        uitkomst[i] = (pdf.read_bytes() if antwoord == "ok" else      # else: LibreOffice runs
                                       RenderFout(f"{paden[i].name}: PDF maken lukte niet ({antwoord})"))
                        pdf.unlink(missing_ok=True)       # a run converts thousands: none waits for the end
                except _Weg as weg:              # under letter i: it goes again, with the rest, to a fresh one
                    self._stop_hard()
                    if pogingen[i] >= POGINGEN:
                        open_.remove(i)
                        uitkomst[i] = RenderFout(f"{paden[i].name}: PDF maken lukte niet: {weg}, ook na {POGINGEN} "
                                                 "pogingen, elk met een nieuw gestarte LibreOffice")
        finally:
            for tijdelijk in slanke + list(pdfs.values()):
                tijdelijk.unlink(missing_ok=True)
        return uitkomst

    def _vraag(self, opdracht: bytes) -> str:
        """Send a request; the answer for its first letter."""
        try:
            self.proces.stdin.write(opdracht)
        except OSError:                               # BrokenPipeError: the service is gone
            raise _Weg("LibreOffice is gestopt") from None
        return self._volgend_antwoord()

    def _volgend_antwoord(self) -> str:
        antwoord = self._antwoord()
        if antwoord.startswith("gestopt"):             # the service saw LibreOffice die under this letter
            raise _Weg(antwoord)
        return antwoord

    def _antwoord(self, einde: float | None = None) -> str:
        """The service's next line, waiting at most `timeout` seconds (or until `einde`)."""
        einde = einde or time.monotonic() + self.timeout
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
        """Stop LibreOffice and remove this converter's folders; it is not used after this."""
        shutil.rmtree(self.kopieen, ignore_errors=True)
        if self.proces is None:
            return
        if self.overgenomen:                          # not our child: it has ended when its output closes
            self._wacht_op_einde()
        elif self.proces.poll() is None:
            try:
                self.proces.stdin.close()
            except OSError:
                pass
            try:
                self.proces.wait(timeout=30)
            except subprocess.TimeoutExpired:
                pass
        self._stop_hard()                             # whatever is left of its group; and the profile

    def _wacht_op_einde(self) -> None:
        """Close LibreOffice's input and wait (at most 30 s) until it has closed its output: it then stopped."""
        with contextlib.suppress(OSError):
            self.proces.stdin.close()
        uit, einde = self.proces.stdout.fileno(), time.monotonic() + 30
        while (rest := einde - time.monotonic()) > 0 and select.select([uit], [], [], rest)[0]:
            if not os.read(uit, 4096):
                return
