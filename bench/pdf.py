"""PDF/A speed of `sjabloon bulk --pdf`, against the floor: one LibreOffice call over all files.

Run: .venv/bin/python bench/pdf.py [--n 60]
The same letters (herinnering-afloop-vergunning and factuur-leges, --n rows each, made once by `sjabloon bulk`
without --pdf) are turned into PDFs
(a) by one `soffice --headless --convert-to pdf` call over all files: plain PDF, not PDF/A, not tagged (the floor;
    its profile is made beforehand, so the figure has LibreOffice's start but not the profile's creation);
(b) by `sjabloon bulk --pdf` with 1 and 2 workers, from the rows: per worker count two figures,
    "alles": letters with their PDF per second of the whole command (read, check, render, journal, register,
    LibreOffice's start, PDF/A), and "PDF-deel": letters per second of the time --pdf adds to the same run without
    --pdf (run just before it);
(c) by PdfOmzetter alone, the product's converter, in this process, from the DOCX letters: one letter per request,
    and 16 per request (zet_om_reeks), each with one LibreOffice; and two converters side by side.
It prints PDF/s and the ratios against (a). Every PDF of (b) and (c) must pass the PDF/A-2b check
(generator/bulk/pdf_controle.py), and every run must have made every PDF: otherwise the figures compare unequal work
and the script exits 1. The machine may be shared: the load average is printed before and after.
"""

from __future__ import annotations

import argparse
import os
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
        pdfs = sorted(uit.glob("*.pdf"))
        eis(len(pdfs) == rijen, f"sjabloon bulk --pdf {naam}: {len(pdfs)} PDF's, verwacht {rijen}")
        for pad in pdfs:
            problemen = controleer(pad.read_bytes())
            eis(not problemen, f"{pad.name} is geen PDF/A-2b: {problemen}")
    return duur


def vloer(docx: list[Path], map_: Path) -> float:
    """Seconds of one `soffice --convert-to pdf` over all files, with a profile made beforehand."""
    profiel = f"-env:UserInstallation=file://{map_ / 'profiel'}"
    soffice = os.environ.get("SJABLOON_SOFFICE", "soffice")
    opdracht = [soffice, profiel, "--headless", "--norestore", "--convert-to", "pdf", "--outdir"]
    subprocess.run(opdracht + [str(map_ / "opwarmen"), str(docx[0])], capture_output=True, check=True)
    start = time.perf_counter()
    subprocess.run(opdracht + [str(map_ / "pdf")] + [str(p) for p in docx], capture_output=True, check=True)
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=60, help="rijen per sjabloon (standaard 60)")
    opties = parser.parse_args()
    eis_libreoffice()
    print(f"{opties.n} brieven per sjabloon ({', '.join(SJABLONEN)}), {os.cpu_count()} kernen, "
          f"belasting vooraf {os.getloadavg()[0]:.1f}")
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

        vloer_s = vloer(docx, map_ / "vloer")
        vloer_tempo = totaal / vloer_s
        print(f"(a) één soffice --convert-to pdf over alle {totaal} bestanden (geen PDF/A): "
              f"{vloer_tempo:.2f} PDF/s")

        for werkers in (1, 2):
            zonder = met = 0.0
            for naam in SJABLONEN:
                plek = map_ / f"bulk{werkers}"
                zonder += bulk(naam, data[naam], plek / f"{naam}-docx", werkers, False, plek / "register.sqlite")
                met += bulk(naam, data[naam], plek / f"{naam}-pdf", werkers, True, plek / "register.sqlite")
            alles, deel = totaal / met, totaal / max(met - zonder, 1e-9)
            print(f"(b) sjabloon bulk --pdf, {werkers} werker(s): alles {alles:.2f} PDF/s "
                  f"({alles / vloer_tempo:.2f}x de vloer), PDF-deel {deel:.2f} PDF/s ({deel / vloer_tempo:.2f}x); "
                  f"zonder --pdf {totaal / zonder:.2f} brieven/s")

        for per_verzoek in (1, REEKS):
            pdfs: list = []
            tempo = totaal / omzetter(docx, per_verzoek, pdfs)
            controleer_alle(pdfs, totaal, f"PdfOmzetter, {per_verzoek} per verzoek")
            print(f"(c) PdfOmzetter, één LibreOffice, {per_verzoek} brie{'f' if per_verzoek == 1 else 'ven'} per "
                  f"verzoek: {tempo:.2f} PDF/s ({tempo / vloer_tempo:.2f}x de vloer)")
        helften = [docx[0::2], docx[1::2]]
        uitkomsten: list[list] = [[], []]
        start = time.perf_counter()
        draden = [threading.Thread(target=omzetter, args=(helft, REEKS, uit)) for helft, uit in zip(helften, uitkomsten)]
        for draad in draden:
            draad.start()
        for draad in draden:
            draad.join()
        tempo = totaal / (time.perf_counter() - start)
        controleer_alle(uitkomsten[0] + uitkomsten[1], totaal, "twee PdfOmzetters")
        print(f"(c) twee PdfOmzetters naast elkaar, {REEKS} per verzoek: {tempo:.2f} PDF/s "
              f"({tempo / vloer_tempo:.2f}x de vloer)")
    print(f"belasting achteraf {os.getloadavg()[0]:.1f}")
    einde()


if __name__ == "__main__":
    main()
