"""Where a fresh bulk run's memory grows: one `sjabloon bulk` run in this process, measured at row counts on the way.

Run: .venv/bin/python bench/bulk_groei.py [--n 40000] [--punten 5000,15000,25000,40000] [--herkomst 12000,30000]
The rows are those of bench/bulk.py (tests/bulkdata.py), the letter is herinnering-afloop-vergunning, one worker
(the run works in this process, so its memory is this process's). At each point (a journal write that passes it):
the resident memory (RSS, /proc/self/statm), the number of Python objects the garbage collector tracks, and how full
the checks' bounded caches are (sentences, word frequencies). The ratio printed last is RSS at the last point over
RSS at the first point (the baseline: the same run after its caches filled).
`--herkomst A,B`: tracemalloc runs from row A to row B and the script prints where the memory allocated in that
window and still alive at B was allocated (by line, the largest first). It slows the run about five times, and
the RSS of the points after A then includes tracemalloc's own bookkeeping: take RSS from a run without it.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from bulkdata import schrijf_csv  # noqa: E402
from click.testing import CliRunner  # noqa: E402
from meting import eis, einde  # noqa: E402

SJABLOON = "herinnering-afloop-vergunning"


def toon(tekst: str) -> None:
    """To the real stdout: during the run, Click's test runner holds sys.stdout."""
    print(tekst, file=sys.__stdout__, flush=True)


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=40_000, help="rijen")
    parser.add_argument("--punten", default="5000,15000,25000,40000", help="rijen waarop gemeten wordt")
    parser.add_argument("--herkomst", help="A,B: waar het geheugen dat tussen rij A en B bleef, werd aangemaakt")
    opties = parser.parse_args()
    punten = sorted(int(p) for p in opties.punten.split(","))
    venster = [int(p) for p in opties.herkomst.split(",")] if opties.herkomst else None

    with tempfile.TemporaryDirectory() as tijdelijk:
        map_ = Path(tijdelijk)
        os.environ["SJABLOON_DATABASE_URL"] = f"sqlite:///{map_ / 'register.sqlite'}"
        data = schrijf_csv(map_ / "rijen.csv", opties.n)

        from checks.b1 import analyse
        from checks.b1.woorden import zipf
        from cli.sjabloon import main as sjabloon
        from generator.bulk.journaal import Journaal

        gemeten: list[tuple[int, float]] = []
        rijen = [0]
        schrijf = Journaal.schrijf

        def meet(journaal, regels):
            schrijf(journaal, regels)
            voor, rijen[0] = rijen[0], rijen[0] + len(regels)
            if venster and voor < venster[0] <= rijen[0]:
                tracemalloc.start(1)
            if venster and voor < venster[1] <= rijen[0]:
                herkomst(tracemalloc.take_snapshot(), rijen[0])
                tracemalloc.stop()
            for punt in punten:
                if voor < punt <= rijen[0]:
                    gc.collect()
                    gemeten.append((rijen[0], rss_mb()))
                    toon(f"rij {rijen[0]:>7}: RSS {gemeten[-1][1]:6.1f} MB, {len(gc.get_objects()):>7} "
                         f"Python-objecten, zinnen {len(analyse._geheugen)}/{analyse.MAX_GEHEUGEN}, woordfrequenties "
                         f"{zipf.cache_info().currsize}/{zipf.cache_info().maxsize}")

        Journaal.schrijf = meet
        uitslag = CliRunner().invoke(sjabloon, ["bulk", SJABLOON, "--data", str(data), "--uit", str(map_ / "uit"),
                                                "--concept", "--datum", "2026-11-23"])
        Journaal.schrijf = schrijf
        eis(uitslag.exit_code == 0 and f"{opties.n} brieven gemaakt" in uitslag.output,
            f"sjabloon bulk maakte niet {opties.n} brieven: {uitslag.output[-500:]}")
        eis(len(gemeten) == len(punten), f"{len(gemeten)} van de {len(punten)} punten gemeten")
    if len(gemeten) >= 2:
        (eerste, basis), (laatste, nu) = gemeten[0], gemeten[-1]
        print(f"groei: {(nu - basis) * 2**20 / (laatste - eerste):.0f} bytes per rij tussen rij {eerste} en {laatste}")
        print(f"verhouding RSS rij {laatste} / rij {eerste} (basis): {nu / basis:.3f}")
    einde()


def herkomst(opname: tracemalloc.Snapshot, rij: int) -> None:
    regels = opname.statistics("lineno")
    toon(f"rij {rij}: {sum(s.size for s in regels) / 2**20:.1f} MB aangemaakt sinds het begin van het venster en "
         "nog in gebruik; de grootste plaatsen:")
    for regel in regels[:8]:
        plek = regel.traceback[0]
        pad = Path(plek.filename)
        naam = pad.relative_to(REPO) if pad.is_relative_to(REPO) else Path(*pad.parts[-2:])
        toon(f"  {regel.size / 2**20:6.2f} MB  {regel.count:>7} blokken  {naam}:{plek.lineno}")


if __name__ == "__main__":
    main()
