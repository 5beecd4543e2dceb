"""Start-up time of the command line: `sjabloon --help` and one `sjabloon genereer`, now against a baseline commit.

Run: .venv/bin/python bench/opstart.py [--basis 60daa2c] [--n 5]
Both versions run with this venv's Python, each from its own tree (the baseline is checked out with `git worktree`
into a temp folder), each in its own folder with its own register (made by a warm-up run, as a caseworker's exists),
in alternating order so both see the same machine. Every measurement is a new process, as a user's command is. Printed per command: median wall time and CPU
time (user + system) of the process, and the ratio baseline / now. Goals (issue 19): `--help` under 0.3 s,
one `genereer` under 1 s. Baseline 60daa2c is main before issue 19.
Two ways `genereer` runs now: without the check service (SJABLOON_CONTROLEDIENST=uit: the first command of the day,
which loads the language model itself) and with it running (every later command: the service, started by the first
one, keeps the model loaded). The baseline has no service: each of its rows is what every command cost before.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from meting import eis, einde

from checks.werkers.dienst import Dienst

REPO = Path(__file__).resolve().parent.parent
START = "import sys; from cli.sjabloon import main; sys.exit(main())"
OPDRACHTEN = {
    "sjabloon --help": (["--help"], 0.3),
    "sjabloon genereer (besluit)": (["genereer", "last-onder-dwangsom", "--zaak", "{boom}/templates/last-onder-dwangsom/voorbeeld.yaml",
                                     "--uit", "{map}/uit", "--concept", "--datum", "2026-10-26"], 1.0),
    "sjabloon genereer (brief)": (["genereer", "ontvangstbevestiging-aanvraag", "--zaak",
                                   "{boom}/templates/ontvangstbevestiging-aanvraag/voorbeeld.yaml", "--uit", "{map}/uit",
                                   "--concept"], 1.0),
}


def omgeving(boom: Path, map_: Path, dienst: Path | None = None) -> dict:
    """Its own register and user folders; the check service in `dienst` when given, else none. Python may write its
    bytecode caches, as on a user's computer (a machine whose environment says PYTHONDONTWRITEBYTECODE would compile
    every module again in every process, which no user sees)."""
    omgeving = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return dict(omgeving, PYTHONPATH=str(boom), SJABLOON_DATABASE_URL=f"sqlite:///{map_ / 'register.sqlite'}",
                XDG_CONFIG_HOME=str(map_ / "config"), XDG_DATA_HOME=str(map_ / "data"),
                XDG_CACHE_HOME=str(map_ / "cache"), SJABLOON_UITVOER=str(map_ / "uit"),
                SJABLOON_CONTROLEDIENST="auto" if dienst else "uit", SJABLOON_CONTROLEDIENST_MAP=str(dienst or map_))


def draait_uit(boom: Path, map_: Path) -> bool:
    """A process started as meet() starts it imports the code of `boom`, not that of this venv's install: else the
    baseline would be this tree measured twice."""
    uitkomst = subprocess.run([sys.executable, "-c", "import cli; print(cli.__file__)"], cwd=map_,
                              env=omgeving(boom, map_), capture_output=True, text=True)
    return Path(uitkomst.stdout.strip()).resolve().is_relative_to(boom.resolve())


def meet(boom: Path, argumenten: list[str], map_: Path, dienst: Path | None = None) -> tuple[float, float]:
    """Wall and CPU seconds of one `sjabloon` process run from `boom`; a genereer must have made its document."""
    argumenten = [a.format(boom=boom, map=map_) for a in argumenten]
    shutil.rmtree(map_ / "uit", ignore_errors=True)         # only this run's document counts
    voor = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    uitkomst = subprocess.run([sys.executable, "-c", START, *argumenten], cwd=map_, env=omgeving(boom, map_, dienst),
                              capture_output=True, text=True)
    wand = time.perf_counter() - start
    na = resource.getrusage(resource.RUSAGE_CHILDREN)
    if uitkomst.returncode != 0:
        raise SystemExit(f"{boom}: sjabloon {' '.join(argumenten)} gaf status {uitkomst.returncode}:\n{uitkomst.stderr}")
    if argumenten[0] == "genereer":
        eis(any((map_ / "uit").glob("*.docx")), f"{boom}: sjabloon {argumenten[1]} maakte geen document")
    else:
        eis("genereer" in uitkomst.stdout, f"{boom}: sjabloon --help toonde de opdrachten niet")
    return wand, (na.ru_utime - voor.ru_utime) + (na.ru_stime - voor.ru_stime)


def start_dienst(map_: Path) -> Path:
    """The check service of this tree, running and ready (the model loaded), in its own folder."""
    uitkomst = subprocess.run([sys.executable, "-c", START, "controledienst", "start"], cwd=REPO, capture_output=True,
                              text=True, env=dict(omgeving(REPO, map_), SJABLOON_CONTROLEDIENST_MAP=str(map_)))
    eis(uitkomst.returncode == 0, f"de controledienst startte niet: {uitkomst.stderr}")
    return map_


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--basis", default="60daa2c", help="commit to compare with (default: main before issue 19)")
    parser.add_argument("--n", type=int, default=5, help="measurements per command and version")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="opstart-") as tijdelijk:
        basis = Path(tijdelijk) / "basis"
        subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", "--quiet", str(basis), args.basis], check=True)
        try:
            bomen = {"basis": basis, "nu": REPO}
            for versie, boom in bomen.items():
                eis(draait_uit(boom, Path(tempfile.mkdtemp(dir=tijdelijk))), f"{versie}: de meting draait niet de code "
                    f"van {boom}")
            # Each version works in one folder, as a caseworker does: the warm-up makes its register, register key
            # and Python's bytecode caches; the first command on a new computer, which makes them, is not measured.
            werkplek = {versie: Path(tempfile.mkdtemp(dir=tijdelijk)) for versie in bomen}
            for versie, boom in bomen.items():
                for argumenten, _ in OPDRACHTEN.values():
                    meet(boom, argumenten, werkplek[versie])
            dienst = start_dienst(Path(tijdelijk) / "dienst")
            voor = Dienst(dienst, starten=False).status()["verzoeken"]
            rijen = [(naam, argumenten, doel, None) for naam, (argumenten, doel) in OPDRACHTEN.items()]
            rijen += [(f"{naam}, dienst draait", argumenten, doel, dienst) for naam, (argumenten, doel) in OPDRACHTEN.items()
                      if "genereer" in naam]
            print(f"{'opdracht':<44} {'basis (s)':>16} {'nu (s)':>16} {'verhouding':>11}  doel")
            print(f"{'':<44} {'wand':>7} {'cpu':>8} {'wand':>7} {'cpu':>8}")
            for naam, argumenten, doel, met_dienst in rijen:
                tijden = {versie: [] for versie in bomen}
                for _ in range(args.n):
                    for versie, boom in bomen.items():
                        tijden[versie].append(meet(boom, argumenten, werkplek[versie],
                                                   met_dienst if versie == "nu" else None))
                mediaan = {v: (statistics.median(w for w, _ in t), statistics.median(c for _, c in t)) for v, t in tijden.items()}
                (bw, bc), (nw, nc) = mediaan["basis"], mediaan["nu"]
                gehaald = "gehaald" if nw < doel else "NIET gehaald"
                print(f"{naam:<44} {bw:7.2f} {bc:8.2f} {nw:7.2f} {nc:8.2f} {bw / nw:10.1f}x  < {doel} s: {gehaald}")
            gevraagd = Dienst(dienst, starten=False).status()["verzoeken"] - voor
            eis(gevraagd == args.n * sum(1 for *_, d in rijen if d),
                f"de rijen 'dienst draait' vroegen de dienst {gevraagd} keer, niet bij elke meting")
        finally:
            subprocess.run([sys.executable, "-c", START, "controledienst", "stop"], cwd=REPO, capture_output=True,
                           env=dict(os.environ, SJABLOON_CONTROLEDIENST_MAP=str(Path(tijdelijk) / "dienst")))
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(basis)], check=False)
    print(f"basis: {args.basis}; nu: de werkboom in {REPO}; mediaan van {args.n} metingen, elk een nieuw proces")
    einde()


if __name__ == "__main__":
    main()
