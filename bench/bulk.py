"""Speed and memory of bulk generation, against plain docxtpl.

Run: .venv/bin/python bench/bulk.py [--n 1000] [--geheugen-n 100000]
1. The same rows of herinnering-afloop-vergunning (every row a different holder, address, permit and dates),
   rendered and saved once with plain docxtpl (a new DocxTemplate per document, as `sjabloon genereer` does) and
   once with the bulk renderer (the DOCX read and compiled once), in one process, in alternating blocks of 50
   documents so both see the same machine: documents per second.
2. The whole `sjabloon bulk` run (read, validate, render, Awb and B1 check, write, journal, register) with one and
   with two workers: letters per second and the speed-up.
3. Peak memory (largest resident set of a process) of `sjabloon bulk` over --geheugen-n rows, one worker; then of
   the same command run again in that folder, as after a stop: every row is skipped as made, but the run first
   reads back the journal, the stamps and its register entries, and writes the manifest again.
The last line is `verhouding: X`: bulk renderer over plain docxtpl, documents per second, single worker (not
printed with --n 0, which measures only the memory).
Exit 1 when a side did not make every document (docxtpl, the renderer, each bulk run): then the rates compare
unequal work.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from bulkdata import rijen, schrijf_csv  # noqa: E402
from meting import eis, einde, met_piek  # noqa: E402

from generator.bulk.renderer import VoorbereidSjabloon  # noqa: E402
from generator.vullen.context import activeer_gemeente, maak_context  # noqa: E402
from generator.vullen.render import vul_docx  # noqa: E402
from generator.vullen.sjabloon import laad  # noqa: E402
from generator.vullen.velden import uit_paden, valideer  # noqa: E402

SJABLOON = "herinnering-afloop-vergunning"
SJABLOON_CLI = str(Path(sys.executable).parent / "sjabloon")


def contexten(aantal: int) -> list[dict]:
    sjabloon, gemeente = laad(SJABLOON), activeer_gemeente(None)
    lijst = []
    for rij in rijen(aantal):
        zaak, problemen = valideer(sjabloon.velden, uit_paden(rij))
        assert not problemen, problemen
        lijst.append(maak_context(sjabloon, zaak, dt.date(2026, 11, 23), gemeente)[0])
    return lijst


def afwisselend(los, bulk, lijst: list, map_: Path, blok: int = 50) -> tuple[float, float]:
    """Documents per second of both renderers over the same rows, in alternating blocks of `blok` documents:
    both see the same machine (a busy moment, a slower core), so the ratio does not depend on which ran first."""
    tijden = {"los": 0.0, "bulk": 0.0}
    for begin in range(0, len(lijst), blok):
        for naam, maak in (("los", los), ("bulk", bulk)):
            start = time.perf_counter()
            for nummer in range(begin, min(begin + blok, len(lijst))):
                (map_ / naam / f"{nummer}.docx").write_bytes(maak(lijst[nummer]))
            tijden[naam] += time.perf_counter() - start
    for naam in tijden:                       # both made every document, each a whole DOCX
        gemaakt = [p for p in (map_ / naam).glob("*.docx") if zipfile.is_zipfile(p)]
        eis(len(gemaakt) == len(lijst), f"{naam}: {len(gemaakt)} geldige documenten, verwacht {len(lijst)}")
    return len(lijst) / tijden["los"], len(lijst) / tijden["bulk"]


def bulk_run(data: Path, werkers: int, map_: Path, verwacht: int, nogmaals: bool = False) -> tuple[float, int]:
    """Letters per second of the whole command, and its peak memory in MB (largest process). Every one of the
    `verwacht` rows must have become a letter, else the figure is not that of this run; `nogmaals`: the command
    was run in `map_` before, and now skips every row as made."""
    omgeving = dict(os.environ, SJABLOON_DATABASE_URL=f"sqlite:///{map_ / 'register.sqlite'}")
    start = time.perf_counter()
    proces, piek = met_piek([SJABLOON_CLI, "bulk", SJABLOON, "--data", str(data), "--uit", str(map_ / "uit"),
                             "--concept", "--werkers", str(werkers), "--datum", "2026-11-23"],
                            capture_output=True, text=True, env=omgeving, cwd=REPO)
    duur = time.perf_counter() - start
    if proces.returncode != 0:
        sys.exit(f"sjabloon bulk faalde:\n{proces.stderr[-2000:]}")
    eis(piek > 0, "geen piekgeheugen gemeten")
    aantal = int(proces.stdout.split()[0])
    if nogmaals:
        eis(f"0 brieven gemaakt, {verwacht} al klaar" in proces.stdout,
            f"sjabloon bulk, nogmaals: niet alle {verwacht} rijen overgeslagen: {proces.stdout.splitlines()[0]}")
        aantal = verwacht
    else:
        eis(aantal == verwacht and f"{verwacht} brieven gemaakt, 0 al klaar" in proces.stdout,
            f"sjabloon bulk met {werkers} werker(s) maakte {aantal} brieven van {verwacht} rijen")
    eis(len(list((map_ / "uit").glob("*.docx"))) == verwacht, f"{werkers} werker(s): niet {verwacht} brieven in de map")
    return aantal / duur, piek


def snelheid(aantal: int, map_: Path) -> float:
    """Parts 1 and 2; gives the renderer over plain docxtpl."""
    sjabloon, gemeente = laad(SJABLOON), activeer_gemeente(None)
    lijst = contexten(aantal)
    (map_ / "los").mkdir()
    (map_ / "bulk").mkdir()
    vul_docx(sjabloon.docx, lijst[0], SJABLOON)                       # imports and word lists outside the timing
    start = time.perf_counter()                                       # preparing is part of the timing
    renderer = VoorbereidSjabloon(sjabloon.docx, SJABLOON, gemeente)
    voorbereid = time.perf_counter() - start
    los, bulk = afwisselend(lambda c: vul_docx(sjabloon.docx, c, SJABLOON), renderer.vul, lijst, map_)
    bulk = aantal / (aantal / bulk + voorbereid)
    print(f"{aantal} brieven, sjabloon {SJABLOON}, één proces")
    print(f"docxtpl (nieuw DocxTemplate per document): {los:8.1f} documenten per seconde")
    print(f"bulkrenderer (één keer voorbereid):        {bulk:8.1f} documenten per seconde")

    data = schrijf_csv(map_ / "rijen.csv", aantal)
    (map_ / "een").mkdir()
    (map_ / "twee").mkdir()
    een, _ = bulk_run(data, 1, map_ / "een", aantal)
    twee, _ = bulk_run(data, 2, map_ / "twee", aantal)
    print(f"sjabloon bulk, alles (controle, journaal, register): 1 werker {een:.1f}/s, 2 werkers {twee:.1f}/s, "
          f"versnelling {twee / een:.2f}x ({os.cpu_count()} kernen)")
    return bulk / los


def geheugen(aantal: int, map_: Path) -> None:
    """Part 3."""
    (map_ / "geheugen").mkdir()
    groot = schrijf_csv(map_ / "geheugen" / "rijen.csv", aantal)
    tempo, piek = bulk_run(groot, 1, map_ / "geheugen", aantal)
    print(f"geheugen: {aantal} rijen, 1 werker: piek {piek} MB (doel: onder 300 MB), {tempo:.1f} brieven per seconde")
    _, piek = bulk_run(groot, 1, map_ / "geheugen", aantal, nogmaals=True)
    print(f"geheugen: dezelfde opdracht nogmaals in die map (alle {aantal} rijen al klaar): piek {piek} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="rijen voor de snelheidsmeting (0: overslaan)")
    parser.add_argument("--geheugen-n", type=int, default=100_000,
                        help="rijen voor de geheugenmeting (0: overslaan; 100.000 rijen duren ruim een half uur)")
    opties = parser.parse_args()
    verhouding = None
    with tempfile.TemporaryDirectory() as tijdelijk:
        if opties.n:
            verhouding = snelheid(opties.n, Path(tijdelijk))
        if opties.geheugen_n:
            geheugen(opties.geheugen_n, Path(tijdelijk))
    if verhouding is not None:
        print(f"verhouding: {verhouding:.1f}")
    einde()


if __name__ == "__main__":
    main()
