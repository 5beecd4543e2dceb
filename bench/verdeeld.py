"""Bulk over more machines: letters/s and PDF/s of `sjabloon bulk` through Celery workers, against the local pool.

Run: .venv/bin/python bench/verdeeld.py [--n 200] [--pdf-n 48] [--werkers 1,2,4] [--herhaal 2]
A Redis of its own (a free port, a temporary folder, nothing saved) and per configuration N `sjabloon bulk-werker`
processes on this machine (one process each, each with its own home folder: N machines of one core), then the
whole `sjabloon bulk` command over the same rows of herinnering-afloop-vergunning: --n rows without PDF, --pdf-n
rows with --pdf (PDF/A through LibreOffice). The local pool (`--werkers 1` and 2) runs the same rows for comparison.
Each figure is the whole command, from start to exit (the fastest of --herhaal runs), after a warm-up run (the
workers' models and word lists are loaded); a new run starts each worker's LibreOffice again, which the figure
includes.
At the end: the table, and how many machines like this one make 450,000 PDF/A letters in a night of 8 hours, from
the best PDF/s measured here. Exit 1 when a run did not make every letter (or PDF): then the figure is not that of
the work it claims. The register of the runs is a temporary one; the user's own is never touched.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from bulkdata import schrijf_csv  # noqa: E402
from meting import eis, einde  # noqa: E402
from verdeeldhulp import SJABLOON, Werkers, start_redis, stop_redis  # noqa: E402

HERINNERING = "herinnering-afloop-vergunning"
BRIEVEN = 450_000
NACHT = 8 * 3600            # seconds
OPWARMEN = 16               # rows of the warm-up run before each measurement: one batch


def run(data: Path, uit: Path, omgeving: dict, *extra: str) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    uitslag = subprocess.run(SJABLOON + ["bulk", HERINNERING, "--data", str(data), "--uit", str(uit), "--concept",
                                         "--datum", "2026-11-23", *extra], env=omgeving, capture_output=True,
                             text=True)
    return time.perf_counter() - start, uitslag


def meet(naam: str, data: dict, map_: Path, omgeving: dict, herhaal: int, *extra: str) -> tuple[float, float]:
    """Letters/s without PDF and PDF/s with --pdf, each the fastest of `herhaal` runs after a warm-up run; every row
    must have its letter (and PDF)."""
    cijfers = []
    for soort, pdf in (("brieven", ()), ("pdf", ("--pdf",))):
        aantal, rijen = data[soort]
        run(data["opwarmen"][1], map_ / f"{naam}-{soort}-opwarmen", omgeving, *extra, *pdf)
        beste = float("nan")
        for keer in range(herhaal):
            uit = map_ / f"{naam}-{soort}-{keer}"
            duur, uitslag = run(rijen, uit, omgeving, *extra, *pdf)
            pdfs = len(list(uit.glob("*.pdf")))
            if eis(uitslag.returncode == 0 and f"{aantal} brieven gemaakt" in uitslag.stdout
                   and (not pdf or pdfs == aantal),
                   f"{naam} {soort}: status {uitslag.returncode}, {pdfs} PDF's; {uitslag.stdout[-300:]} "
                   f"{uitslag.stderr[-600:]}"):
                if not aantal / duur <= beste:
                    beste = aantal / duur
        cijfers.append(beste)
    return cijfers[0], cijfers[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="rijen zonder PDF per meting")
    parser.add_argument("--pdf-n", type=int, default=48, help="rijen met --pdf per meting")
    parser.add_argument("--werkers", default="1,2,4", help="aantallen bulkwerkers, met komma's")
    parser.add_argument("--herhaal", type=int, default=2, help="runs per meting; de snelste telt")
    opties = parser.parse_args()
    aantallen = [int(a) for a in opties.werkers.split(",")]
    with tempfile.TemporaryDirectory(prefix="sjabloon-bench-verdeeld-") as tijdelijk:
        map_ = Path(tijdelijk)
        data = {soort: (aantal, schrijf_csv(map_ / f"{soort}.csv", aantal))
                for soort, aantal in (("brieven", opties.n), ("pdf", opties.pdf_n), ("opwarmen", OPWARMEN))}
        omgeving = {k: v for k, v in os.environ.items() if not k.startswith(("SJABLOON_", "XDG_"))}
        omgeving |= {"XDG_CONFIG_HOME": str(map_ / "config"), "XDG_DATA_HOME": str(map_ / "data"),
                     "SJABLOON_CONTROLEDIENST": "uit"}
        regels = []
        for werkers in (1, 2):
            print(f"lokaal, --werkers {werkers} ...", file=sys.stderr, flush=True)
            regels.append(("lokaal", werkers, *meet(f"lokaal-{werkers}", data, map_, omgeving, opties.herhaal,
                                                   "--werkers", str(werkers))))
        redis, url = start_redis(map_ / "redis")
        try:
            verdeeld = omgeving | {"SJABLOON_BULK_MOTOR": "celery", "SJABLOON_BULK_BROKER": url}
            for werkers in aantallen:
                print(f"celery, {werkers} bulkwerker(s) ...", file=sys.stderr, flush=True)
                groep = Werkers(url, map_ / f"machines-{werkers}")
                try:
                    for nummer in range(werkers):
                        groep.start(f"machine-{nummer + 1}")
                    regels.append(("celery", werkers, *meet(f"celery-{werkers}", data, map_, verdeeld,
                                                            opties.herhaal)))
                finally:
                    groep.stop_alle()
        finally:
            stop_redis(redis)
    print(f"\n{time.strftime('%Y-%m-%d')}, {platform.node()}: {os.cpu_count()} kernen, "
          f"{platform.processor() or platform.machine()}; {opties.n} brieven, {opties.pdf_n} met PDF/A; elke meting de "
          f"hele opdracht, de snelste van {opties.herhaal}")
    print(f"{'motor':<8} {'werkers':>7} {'brieven/s':>10} {'PDF/s':>7}")
    for motor, werkers, brieven, pdf in regels:
        print(f"{motor:<8} {werkers:>7} {brieven:>10.1f} {pdf:>7.2f}")
    beste = max((r for r in regels if r[0] == "celery" and r[3] == r[3]), key=lambda r: r[3], default=None)
    if eis(beste is not None, "geen PDF-meting met celery gelukt"):
        nodig = BRIEVEN / NACHT
        een = next((r[3] for r in regels if r[0] == "celery" and r[1] == 1), float("nan"))
        print(f"per bulkwerker (1 werker): {een:.2f} PDF/s; deze machine haalt het meest met {beste[1]} bulkwerkers: "
              f"{beste[3]:.2f} PDF/s")
        print(f"450.000 brieven in {NACHT // 3600} uur: {nodig:.1f} PDF/s nodig; dat zijn "
              f"{math.ceil(nodig / beste[3])} machines zoals deze, plus de machine van de run")
    einde()


if __name__ == "__main__":
    main()
