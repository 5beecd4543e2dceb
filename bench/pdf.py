"""PDF/A speed of `sjabloon bulk --pdf`, against the floor: one LibreOffice call over all files.

Run: .venv/bin/python bench/pdf.py [--n 60]
The same letters (herinnering-afloop-vergunning and factuur-leges, --n rows each, made once by `sjabloon bulk`
without --pdf) are turned into PDFs
(a) by one `soffice --headless --convert-to pdf` call over all files: plain PDF, not PDF/A, not tagged (the floor;
    its profile is made beforehand, so the figure has LibreOffice's start but not the profile's creation). One call
    converts at most 246 files and silently skips the rest (LibreOffice 7.4, seen with 300), so above PER_AANROEP
    files the floor is several calls, one after the other, each with LibreOffice's start (about 1 s);
(b) by `sjabloon bulk --pdf` with 1 and 2 workers, from the rows: per worker count two figures,
    "alles": letters with their PDF per second of the whole command (read, check, render, journal, register,
    LibreOffice's start, PDF/A), and "PDF-deel": letters per second of the time --pdf adds to the same run without
    --pdf (run just before it);
(c) by PdfOmzetter alone, the product's converter, in this process, from the DOCX letters: one letter per request,
    and 16 per request (zet_om_reeks), each with one LibreOffice; and two converters side by side.
It prints PDF/s and PDF per CPU-second (all processes of the measurement: a figure a busy machine moves less), and
their ratios against (a), measured again just before and just after each other measurement (the mean of the two):
on a shared machine a ratio means something only between figures of the same moment. Every PDF of (b) and (c) must
pass the PDF/A-2b check (generator/bulk/pdf_controle.py), and every run must have made every PDF: otherwise the
figures compare unequal work and the script exits 1. The load average is printed before and after.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from bulkdata import schrijf_csv, schrijf_factuur_csv  # noqa: E402
from meting import eis, einde  # noqa: E402

from generator.bulk.pdf import PdfOmzetter, eis_libreoffice  # noqa: E402
from generator.bulk.pdf_controle import controleer  # noqa: E402

SJABLONEN = {"herinnering-afloop-vergunning": schrijf_csv, "factuur-leges": schrijf_factuur_csv}
SJABLOON_CLI = str(Path(sys.executable).parent / "sjabloon")
REEKS = 16
PER_AANROEP = 200          # files per `soffice --convert-to` call (one call skips every file after the 246th)


def bulk(naam: str, data: Path, uit: Path, werkers: int, pdf: bool, database: Path) -> float:
    """Seconds of one `sjabloon bulk` run; it must have made a letter (and a PDF) for every row."""
    omgeving = dict(os.environ, SJABLOON_DATABASE_URL=f"sqlite:///{database}")
    start = time.perf_counter()
    proces = subprocess.run([SJABLOON_CLI, "bulk", naam, "--data", str(data), "--uit", str(uit), "--concept",
                             "--werkers", str(werkers), "--datum", "2026-11-23", *(["--pdf"] if pdf else [])],
                            capture_output=True, text=True, env=omgeving, cwd=REPO)
    duur = time.perf_counter() - start
    eis(proces.returncode == 0, f"sjabloon bulk {naam} faalde: {proces.stderr[-1500:]}")
    rijen = sum(1 for _ in open(data, encoding="utf-8-sig")) - 1
    eis(len(list(uit.glob("*.docx"))) == rijen, f"sjabloon bulk {naam}: niet {rijen} brieven")
    if pdf:
        pdfs = len(list(uit.glob("*.pdf")))
        eis(pdfs == rijen, f"sjabloon bulk --pdf {naam}: {pdfs} PDF's, verwacht {rijen}")
    return duur


def vloer(docx: list[Path], map_: Path) -> float:
    """Seconds of one `soffice --convert-to pdf` over all files (PER_AANROEP at a time), with a profile made beforehand."""
    profiel = f"-env:UserInstallation=file://{map_ / 'profiel'}"
    soffice = os.environ.get("SJABLOON_SOFFICE", "soffice")
    opdracht = [soffice, profiel, "--headless", "--norestore", "--convert-to", "pdf", "--outdir"]
    subprocess.run(opdracht + [str(map_ / "opwarmen"), str(docx[0])], capture_output=True, check=True)
    start = time.perf_counter()
    for begin in range(0, len(docx), PER_AANROEP):
        subprocess.run(opdracht + [str(map_ / "pdf")] + [str(p) for p in docx[begin:begin + PER_AANROEP]],
                       capture_output=True, check=True)
    duur = time.perf_counter() - start
    gemaakt = len(list((map_ / "pdf").glob("*.pdf")))
    eis(gemaakt == len(docx), f"soffice --convert-to maakte {gemaakt} PDF's van {len(docx)}")
    return duur


def omzetter(docx: list[Path], per_verzoek: int, uit: list[bytes]) -> float:
    """Seconds for one PdfOmzetter (its start included) to convert `docx`, `per_verzoek` letters per request."""
    start = time.perf_counter()
    pdf = PdfOmzetter()
    try:
        for begin in range(0, len(docx), per_verzoek):
            uit += pdf.zet_om_reeks(docx[begin:begin + per_verzoek])
    finally:
        pdf.sluit()
    return time.perf_counter() - start


def controleer_alle(pdfs: list, verwacht: int, wat: str) -> None:
    eis(len(pdfs) == verwacht and all(isinstance(p, bytes) for p in pdfs), f"{wat}: niet {verwacht} PDF's")
    for nummer, pdf in enumerate(pdfs):
        if isinstance(pdf, bytes) and (problemen := controleer(pdf)):
            eis(False, f"{wat}, brief {nummer + 1} is geen PDF/A-2b: {problemen}")


def cpu_kinderen() -> float:
    """CPU seconds of the finished child processes (LibreOffice included: each waits for its own)."""
    gebruik = resource.getrusage(resource.RUSAGE_CHILDREN)
    return gebruik.ru_utime + gebruik.ru_stime


def gemeten(maak) -> tuple[float, float]:
    """Seconds and CPU seconds (children, and this process for (c)) of `maak()`."""
    eigen = resource.getrusage(resource.RUSAGE_SELF)
    start, cpu = time.perf_counter(), cpu_kinderen() + eigen.ru_utime + eigen.ru_stime
    maak()
    eigen = resource.getrusage(resource.RUSAGE_SELF)
    return time.perf_counter() - start, cpu_kinderen() + eigen.ru_utime + eigen.ru_stime - cpu


class Vloer:
    """The floor, measured again next to each other measurement: the machine may be shared, and a ratio means
    something only between two figures of the same moment."""

    def __init__(self, docx: list[Path], map_: Path):
        self.docx, self.map_, self.keer = docx, map_, 0
        self.vorige = self.meet()

    def meet(self) -> tuple[float, float]:
        self.keer += 1
        map_ = self.map_ / str(self.keer)
        duur, cpu = gemeten(lambda: vloer(self.docx, map_))
        return len(self.docx) / duur, len(self.docx) / cpu

    def naast(self, wat: str, duur: float, cpu: float) -> None:
        """Print `wat` with its PDF/s and PDF per CPU-second, against the mean of the floor before and after."""
        volgende = self.meet()
        tempo, per_cpu = (self.vorige[0] + volgende[0]) / 2, (self.vorige[1] + volgende[1]) / 2
        self.vorige = volgende
        totaal = len(self.docx)
        print(f"{wat}: {totaal / duur:.2f} PDF/s = {totaal / duur / tempo:.2f}x de vloer ({tempo:.2f} PDF/s); "
              f"per CPU-seconde {totaal / cpu:.2f} = {totaal / cpu / per_cpu:.2f}x de vloer ({per_cpu:.2f})",
              flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=60, help="rijen per sjabloon (standaard 60)")
    opties = parser.parse_args()
    eis_libreoffice()
    print(f"{opties.n} brieven per sjabloon ({', '.join(SJABLONEN)}), {os.cpu_count()} kernen, "
          f"belasting vooraf {os.getloadavg()[0]:.1f}", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tijdelijk:
        map_ = Path(tijdelijk)
        brieven = map_ / "brieven"
        brieven.mkdir()
        data = {}
        for naam, schrijf in SJABLONEN.items():        # the letters, made once, without --pdf
            data[naam] = schrijf(map_ / f"{naam}.csv", opties.n)
            bulk(naam, data[naam], map_ / "docx" / naam, 1, False, map_ / "register.sqlite")
            for pad in (map_ / "docx" / naam).glob("*.docx"):
                shutil.copy(pad, brieven)
        docx = sorted(brieven.glob("*.docx"))
        totaal = len(docx)
        vloer_ = Vloer(docx, map_ / "vloer")
        aanroepen = -(-totaal // PER_AANROEP)
        print(f"(a) vloer: soffice --convert-to pdf over alle {totaal} bestanden in {aanroepen} aanroep(en) "
              f"(geen PDF/A): {vloer_.vorige[0]:.2f} PDF/s, {vloer_.vorige[1]:.2f} per CPU-seconde; hieronder steeds opnieuw "
              "gemeten, vlak voor en na", flush=True)

        for werkers in (1, 2):
            plek = map_ / f"bulk{werkers}"
            plek.mkdir()
            zonder = [gemeten(lambda n=naam: bulk(n, data[n], plek / f"{n}-docx", werkers, False,
                                                  plek / "register.sqlite")) for naam in SJABLONEN]
            met = [gemeten(lambda n=naam: bulk(n, data[n], plek / f"{n}-pdf", werkers, True, plek / "register.sqlite"))
                   for naam in SJABLONEN]
            controleer_alle([p.read_bytes() for p in sorted(plek.glob("*-pdf/*.pdf"))], totaal,
                            f"sjabloon bulk --pdf, {werkers} werker(s)")       # after the timing
            duur, cpu = sum(d for d, _ in met), sum(c for _, c in met)
            extra_duur, extra_cpu = duur - sum(d for d, _ in zonder), cpu - sum(c for _, c in zonder)
            print(f"    zonder --pdf: {totaal / sum(d for d, _ in zonder):.2f} brieven/s", flush=True)
            vloer_.naast(f"(b) sjabloon bulk --pdf, {werkers} werker(s), alles", duur, cpu)
            vloer_.naast(f"(b) sjabloon bulk --pdf, {werkers} werker(s), PDF-deel", max(extra_duur, 1e-9),
                         max(extra_cpu, 1e-9))

        for per_verzoek in (1, REEKS):
            pdfs: list = []
            duur, cpu = gemeten(lambda: omzetter(docx, per_verzoek, pdfs))
            controleer_alle(pdfs, totaal, f"PdfOmzetter, {per_verzoek} per verzoek")
            vloer_.naast(f"(c) PdfOmzetter, één LibreOffice, {per_verzoek} per verzoek", duur, cpu)
        uitkomsten: list[list] = [[], []]

        def naast_elkaar() -> None:
            draden = [threading.Thread(target=omzetter, args=(helft, REEKS, uit))
                      for helft, uit in zip([docx[0::2], docx[1::2]], uitkomsten)]
            for draad in draden:
                draad.start()
            for draad in draden:
                draad.join()

        duur, cpu = gemeten(naast_elkaar)
        controleer_alle(uitkomsten[0] + uitkomsten[1], totaal, "twee PdfOmzetters")
        vloer_.naast(f"(c) twee PdfOmzetters naast elkaar, {REEKS} per verzoek", duur, cpu)
    print(f"belasting achteraf {os.getloadavg()[0]:.1f}")
    einde()


if __name__ == "__main__":
    main()
