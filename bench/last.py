"""The web app under load, on this computer's loopback only: --n concurrent POST /api/genereer and --n concurrent
POST /api/b1 at the same moment (default 200 each), against `sjabloon web --werkers W` and against the baseline
`--werkers 0` (every check in the server's own threads, one parse at a time).

Run: .venv/bin/python bench/last.py [--n 200] [--werkers 2] [--zonder-basis] [--database URL]
Each run starts its own server on a free port with a new register (SQLite in a temp folder, or --database), a
service key per role, and no check service; a few requests first warm it up (the workers load
their models), as a server that has run for a while. Printed per run: answers and errors by status, p50/p95 latency per
operation, wall time, requests per second, and the peak resident memory of the server with its worker processes
(sampled from /proc every 0.1 s). Goals (issue 23): 0 errors, peak memory under 1 GB with 2 workers. Exit 1 when a
request failed, when fewer answers came back than were sent, or when no memory sample was taken."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import httpx
import yaml
from meting import eis, einde

REPO = Path(__file__).resolve().parent.parent
SJABLOON = [sys.executable, "-c", "import sys; from cli.sjabloon import main; sys.exit(main())"]
ZAAK = REPO / "templates" / "ontvangstbevestiging-aanvraag" / "voorbeeld.yaml"
GRENS_SECONDEN = 900        # the whole run stops after this, whatever happens


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def geheugen_van_boom(pid: int) -> dict[int, int]:
    """Resident bytes of `pid` and of each of its descendants, from /proc."""
    kinderen: dict[int, list[int]] = {}
    for item in os.listdir("/proc"):
        if item.isdigit():
            try:
                with open(f"/proc/{item}/stat") as f:
                    ouder = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            kinderen.setdefault(ouder, []).append(int(item))
    per_proces, rij = {}, [pid]
    while rij:
        p = rij.pop()
        rij += kinderen.get(p, [])
        try:
            with open(f"/proc/{p}/statm") as f:
                per_proces[p] = int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            pass
    return per_proces


class Piek(threading.Thread):
    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.piek, self.metingen, self.klaar = pid, 0, 0, threading.Event()
        self.verdeling: list[int] = []          # per process at the peak: the server first, then its workers

    def run(self):
        while not self.klaar.wait(0.1):
            per_proces = geheugen_van_boom(self.pid)
            if sum(per_proces.values()) > self.piek:
                self.piek = sum(per_proces.values())
                self.verdeling = [per_proces.pop(self.pid, 0), *sorted(per_proces.values(), reverse=True)]
            self.metingen += 1


def sjabloon(omgeving: dict, *argumenten: str) -> str:
    uitkomst = subprocess.run([*SJABLOON, *argumenten], env=omgeving, capture_output=True, text=True, cwd=REPO)
    if uitkomst.returncode != 0:
        raise SystemExit(f"sjabloon {' '.join(argumenten)}: {uitkomst.stderr}")
    return uitkomst.stdout


async def belast(basis: str, sleutels: dict[str, str], n: int) -> dict[str, list[tuple[int, float]]]:
    zaak = json.loads(json.dumps(yaml.safe_load(ZAAK.read_text(encoding="utf-8")), default=str))   # dates as ISO text
    limieten = httpx.Limits(max_connections=2 * n, max_keepalive_connections=2 * n)
    async with httpx.AsyncClient(base_url=basis, timeout=GRENS_SECONDEN, limits=limieten) as client:
        async def een(soort: str, i: int) -> tuple[str, int, float]:
            begin = time.perf_counter()
            if soort == "genereer":
                verzoek = {"sjabloon": "ontvangstbevestiging-aanvraag", "zaak": zaak, "concept": True}
            else:
                verzoek = {"tekst": f"Wij hebben uw brief van {i % 28 + 1} november gekregen, met kenmerk Z-{i}. "
                                    "Indien u nog vragen heeft, kunt u ons bellen. U hoort binnen twee weken van ons."}
            try:
                antwoord = await client.post(f"/api/{soort}", json=verzoek,
                                             headers={"Authorization": f"Bearer {sleutels[soort]}"})
                status = antwoord.status_code
            except httpx.HTTPError:
                status = 0
            return soort, status, time.perf_counter() - begin
        taken = [een(soort, i) for i in range(n) for soort in ("genereer", "b1")]
        uitkomsten: dict[str, list[tuple[int, float]]] = {"genereer": [], "b1": []}
        for soort, status, duur in await asyncio.gather(*taken):
            uitkomsten[soort].append((status, duur))
        return uitkomsten


def een_run(werkers: int, n: int, database: str | None) -> dict:
    with tempfile.TemporaryDirectory(prefix="last-") as tijdelijk:
        map_ = Path(tijdelijk)
        omgeving = dict(os.environ, SJABLOON_DATABASE_URL=database or f"sqlite:///{map_ / 'register.sqlite'}",
                        XDG_CONFIG_HOME=str(map_ / "config"), XDG_DATA_HOME=str(map_ / "data"),
                        XDG_CACHE_HOME=str(map_ / "cache"), SJABLOON_UITVOER=str(map_ / "uit"),
                        SJABLOON_CONTROLEDIENST="uit", SJABLOON_WERKERS=str(werkers))
        sleutels = {"genereer": sjabloon(omgeving, "sleutel", "maak", "last-zaaksysteem", "--rol", "zaakbehandelaar"),
                    "b1": sjabloon(omgeving, "sleutel", "maak", "last-kcc", "--rol", "kcc")}
        sleutels = {soort: uit.strip().split()[-1] for soort, uit in sleutels.items()}
        poort = vrije_poort()
        server = subprocess.Popen([*SJABLOON, "web", "--poort", str(poort), "--werkers", str(werkers)], env=omgeving,
                                  cwd=map_, stdout=subprocess.DEVNULL, stderr=open(map_ / "server.log", "w"))
        basis = f"http://127.0.0.1:{poort}"
        try:
            einde = time.monotonic() + 60
            while True:
                try:
                    if httpx.get(f"{basis}/gezondheid", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > einde or server.poll() is not None:
                    raise SystemExit(f"de webapp startte niet:\n{(map_ / 'server.log').read_text()}")
                time.sleep(0.2)
            for i in range(2 * max(werkers, 1)):      # warm: the workers have loaded their models, as on a server
                httpx.post(f"{basis}/api/b1", json={"tekst": f"Wij hebben uw brief van {i + 1} mei gekregen. Dank u wel."},
                           headers={"Authorization": f"Bearer {sleutels['b1']}"}, timeout=120).raise_for_status()
            piek = Piek(server.pid)
            piek.start()
            begin = time.perf_counter()
            uitkomsten = asyncio.run(asyncio.wait_for(belast(basis, sleutels, n), GRENS_SECONDEN))
            wand = time.perf_counter() - begin
            piek.klaar.set()
            piek.join()
        finally:
            server.terminate()
            server.wait(timeout=60)
        log = (map_ / "server.log").read_text().splitlines()
        fouten = [regel for regel in log if "Traceback" in regel or "Error" in regel]
        if fouten:                                  # the first traceback whole: what went wrong, not only that it did
            begin = next(i for i, regel in enumerate(log) if "Traceback" in regel or "Error" in regel)
            fouten[0] = "\n".join(log[begin:begin + 40])
    return {"uitkomsten": uitkomsten, "wand": wand, "piek": piek.piek, "verdeling": piek.verdeling,
            "metingen": piek.metingen, "logfouten": fouten}


def toon(naam: str, run: dict, n: int) -> tuple[int, int]:
    fouten = beantwoord = 0
    print(f"\n{naam}: {run['wand']:.1f} s, {2 * n / run['wand']:.1f} verzoeken/s, piekgeheugen "
          f"{run['piek'] / 2**20:.0f} MB ({run['metingen']} metingen; webapp "
          f"{' + '.join(f'{b / 2**20:.0f}' for b in run['verdeling'])} MB)")
    for soort, lijst in run["uitkomsten"].items():
        statussen = Counter(status for status, _ in lijst)
        tijden = sorted(duur for _, duur in lijst)
        p95 = tijden[max(0, int(round(0.95 * len(tijden))) - 1)]
        fout = sum(aantal for status, aantal in statussen.items() if status != 200)
        fouten += fout
        beantwoord += len(lijst)
        print(f"  {soort:<9} {len(lijst)} verzoeken, {fout} fouten {dict(statussen)}, "
              f"p50 {statistics.median(tijden):.2f} s, p95 {p95:.2f} s")
    return fouten, beantwoord


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=200, help="verzoeken per soort, tegelijk (standaard 200)")
    parser.add_argument("--werkers", type=int, default=2, help="werkprocessen van de webapp (standaard 2)")
    parser.add_argument("--zonder-basis", action="store_true", help="sla de basismeting met --werkers 0 over")
    parser.add_argument("--database", help="register-URL (standaard: SQLite in een tijdelijke map)")
    args = parser.parse_args()
    runs = {} if args.zonder_basis else {"basis (--werkers 0)": een_run(0, args.n, args.database)}
    runs[f"nu (--werkers {args.werkers})"] = een_run(args.werkers, args.n, args.database)
    for naam, run in runs.items():
        fouten, beantwoord = toon(naam, run, args.n)
        eis(beantwoord == 2 * args.n, f"{naam}: {beantwoord} antwoorden op {2 * args.n} verzoeken")
        eis(run["metingen"] > 0, f"{naam}: geen enkele geheugenmeting")
        eis(fouten == 0, f"{naam}: {fouten} verzoeken mislukten")
        if run["logfouten"]:
            print(f"  in het serverlog: {len(run['logfouten'])} foutregels; de eerste:\n{run['logfouten'][0]}")
    nu = runs[f"nu (--werkers {args.werkers})"]
    if not args.zonder_basis:
        basis = runs["basis (--werkers 0)"]
        print(f"\nverhouding (basis / nu), wandtijd: {basis['wand'] / nu['wand']:.2f}x")
    fouten_nu = sum(status != 200 for lijst in nu["uitkomsten"].values() for status, _ in lijst)
    print(f"doel: 0 fouten, piekgeheugen onder 1024 MB met 2 werkers: "
          f"{'gehaald' if not fouten_nu and nu['piek'] < 2**30 else 'NIET gehaald'}")
    print(f"gemeten {time.strftime('%Y-%m-%d')} op {os.cpu_count()} kernen; alleen 127.0.0.1")
    einde()


if __name__ == "__main__":
    main()
