"""Where the time of `sjabloon bulk` goes: its start, piece by piece, and each step of a letter, in ms per letter.

Run: .venv/bin/python bench/stappen.py [--n 1000] [--sjabloon herinnering-afloop-vergunning] [--herhaal 3]

(a) The start, in fresh processes as a user's command has it (the median of --herhaal): Python itself, the command
    line, the bulk modules, spaCy, the language model, and the rest of what the first check loads (word
    frequencies, the compiled Awb patterns and their pre-filter, the B1 rules). Each piece is timed in the process
    after the pieces before it, in this order, as `sjabloon bulk` meets them.
(b) The steps of a row, in one run with 1 worker in this process (generator.bulk.run.voer_uit, what `sjabloon
    bulk` calls), --n rows of tests/bulkdata.py, after the language model and the patterns are loaded (their cost
    is (a)). A clock is put around the function that does each step; "rest" is the run's time that no step holds
    (reading the file, the pool of batches, the manifest). The B1 step "ontleden" is the parse and measures of the
    sentences that are new in the batch (checks.b1.controle.bereid_voor); "B1-oordeel" scores the letter from them.
The run must have made --n letters and the steps must fit in the run's time: otherwise the figures are not what
they claim and the script exits 1. The figures move with the machine; compare only figures of one run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from bulkdata import schrijf_csv, schrijf_factuur_csv  # noqa: E402
from meting import eis, einde  # noqa: E402

SJABLONEN = {"herinnering-afloop-vergunning": schrijf_csv, "factuur-leges": schrijf_factuur_csv}

START = """
import sys, time
t = [time.perf_counter()]
import cli.sjabloon
t.append(time.perf_counter())
import generator.bulk.run, generator.bulk.werker
t.append(time.perf_counter())
import spacy
t.append(time.perf_counter())
from checks.b1.taalmodel import nlp
nlp()
t.append(time.perf_counter())
generator.bulk.werker.laad_vooraf()
t.append(time.perf_counter())
print(" ".join(f"{b - a:.4f}" for a, b in zip(t, t[1:])))
"""
STUKKEN = ["de opdrachtregel (cli.sjabloon)", "de bulkmodules", "spaCy", "het taalmodel",
           "woordfrequenties, Awb-patronen, B1-regels"]

# step name -> (module, attribute) of the function the clock goes around; classes by their dotted attribute
STAPPEN = {
    "rij lezen en valideren": ("generator.bulk.run", "_Run._taak"),
    "procedure en context": ("generator.bulk.werker", "procedure_van"),
    "context": ("generator.bulk.werker", "maak_context"),
    "vullen (renderer)": ("generator.bulk.werker", "VoorbereidSjabloon.vul"),
    "teruglezen (DOCX lezen)": ("generator.bulk.werker", "lees_document"),
    "B1: ontleden en meten": ("generator.bulk.werker", "bereid_voor"),
    "Awb-controle": ("checks.werkers.taken", "controleer"),
    "B1-oordeel": ("checks.werkers.taken", "controleer_b1"),
    "brief schrijven": ("generator.bulk.werker", "schrijf_atomisch"),
    "journaal en register (met stempel)": ("generator.bulk.run", "_Run.leg_vast"),
}
SAMEN = {"context": "procedure en context"}      # two functions, one step in the table


def python_zelf(herhaal: int) -> float:
    duren = []
    for _ in range(herhaal):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        duren.append(time.perf_counter() - start)
    return statistics.median(duren)


def start(herhaal: int) -> list[float]:
    """The median seconds of each piece of STUKKEN, each run in a fresh process."""
    metingen = []
    for _ in range(herhaal):
        uit = subprocess.run([sys.executable, "-c", START], capture_output=True, text=True, cwd=REPO)
        if not eis(uit.returncode == 0, f"de opstartmeting faalde: {uit.stderr[-800:]}"):
            return [0.0] * len(STUKKEN)
        metingen.append([float(x) for x in uit.stdout.split()])
    return [statistics.median(m[i] for m in metingen) for i in range(len(STUKKEN))]


def klok_om(tijden: Counter, stap: str, module: str, attribuut: str) -> None:
    """Replace the function by one that adds its time to tijden[stap] (a step inside another step counts once)."""
    import importlib
    houder = importlib.import_module(module)
    *pad, naam = attribuut.split(".")
    for deel in pad:
        houder = getattr(houder, deel)
    functie = getattr(houder, naam)

    def geklokt(*args, **kwargs):
        begin = time.perf_counter()
        try:
            return functie(*args, **kwargs)
        finally:
            tijden[SAMEN.get(stap, stap)] += time.perf_counter() - begin
    setattr(houder, naam, geklokt)


def stappen(naam: str, aantal: int, map_: Path) -> tuple[Counter, float, int]:
    """Seconds per step and of the whole run of `aantal` rows, and the letters it made."""
    import datetime as dt

    from generator.bulk.run import Opdracht, voer_uit
    from generator.bulk.werker import laad_vooraf

    laad_vooraf()                               # the model and patterns: part (a), not a step of a row
    data = SJABLONEN[naam](map_ / f"{naam}.csv", aantal)
    tijden: Counter = Counter()
    for stap, (module, attribuut) in STAPPEN.items():
        klok_om(tijden, stap, module, attribuut)
    begin = time.perf_counter()
    with open(os.devnull, "w") as stil:         # no progress lines between the figures
        uitslag = voer_uit(Opdracht(naam, data, map_ / naam, concept=True, dagtekening=dt.date(2026, 11, 23)), stil)
    return tijden, time.perf_counter() - begin, uitslag.gemaakt


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="rijen (standaard 1000)")
    parser.add_argument("--sjabloon", choices=sorted(SJABLONEN), default="herinnering-afloop-vergunning")
    parser.add_argument("--herhaal", type=int, default=3, help="metingen van de start (standaard 3)")
    opties = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sjabloon-stappen-") as tijdelijk:
        map_ = Path(tijdelijk)
        os.environ["SJABLOON_DATABASE_URL"] = f"sqlite:///{map_ / 'register.sqlite'}"
        os.environ["SJABLOON_CONTROLEDIENST"] = "uit"
        print(f"{opties.sjabloon}, {opties.n} rijen, 1 werker, {os.cpu_count()} kernen")
        zelf = python_zelf(opties.herhaal)
        stukken = start(opties.herhaal)
        print(f"(a) de start: {zelf + sum(stukken):.2f} s (mediaan van {opties.herhaal} nieuwe processen)")
        print(f"    {'Python zelf':42s} {zelf:6.2f} s")
        for stuk, duur in zip(STUKKEN, stukken):
            print(f"    {stuk:42s} {duur:6.2f} s")
        tijden, totaal, gemaakt = stappen(opties.sjabloon, opties.n, map_)
    eis(gemaakt == opties.n, f"de run maakte {gemaakt} brieven van {opties.n} rijen")
    binnen = sum(tijden.values())
    eis(binnen <= totaal, f"de stappen ({binnen:.2f} s) duren langer dan de run ({totaal:.2f} s)")
    tijden["rest"] = max(totaal - binnen, 0.0)
    per_brief = 1000 / max(gemaakt, 1)
    print(f"(b) de stappen van een rij: {totaal * per_brief:.2f} ms per brief, {gemaakt / totaal:.0f} brieven per "
          f"seconde (zonder de start)")
    for stap in [*[s for s in STAPPEN if s not in SAMEN], "rest"]:
        print(f"    {stap:42s} {tijden[stap] * per_brief:6.2f} ms  {tijden[stap] / totaal:5.1%}")
    einde()


if __name__ == "__main__":
    main()
