"""The 'done when' of bulk generation, end to end: a CSV of --n rows (default 10.000) becomes that many checked
DOCX letters with a manifest, and survives an interruption halfway (Ctrl-C, or SIGKILL with --kill).

Run: .venv/bin/python bench/bulk_onderbroken.py [--n 10000] [--werkers 2] [--kill]
It starts `sjabloon bulk`, stops it when half the rows are journaled, runs the same command again, and then checks
that every row is in the journal, the manifest, the folder and the register exactly once, with the SHA-256 of
each file as the manifest says. Prints the timings; exit 1 if any check fails, and also when the interruption did
not come before the end (the first run had finished, or had journaled every row): then nothing was interrupted."""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from bulkdata import schrijf_csv  # noqa: E402
from meting import eis, einde  # noqa: E402

from generator.bulk.journaal import NAAM as JOURNAAL  # noqa: E402
from generator.vrijgave.register import Register  # noqa: E402

SJABLOON = "herinnering-afloop-vergunning"


def journaalregels(uit: Path) -> int:
    pad = uit / JOURNAAL
    return max(pad.read_bytes().count(b"\n") - 1, 0) if pad.exists() else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--werkers", type=int, default=2)
    parser.add_argument("--kill", action="store_true", help="SIGKILL in plaats van Ctrl-C (SIGINT)")
    opties = parser.parse_args()
    with tempfile.TemporaryDirectory() as tijdelijk:
        map_ = Path(tijdelijk)
        data, uit, url = schrijf_csv(map_ / "rijen.csv", opties.n), map_ / "uit", f"sqlite:///{map_ / 'register.sqlite'}"
        opdracht = [str(Path(sys.executable).parent / "sjabloon"), "bulk", SJABLOON, "--data", str(data), "--uit",
                    str(uit), "--werkers", str(opties.werkers), "--concept", "--datum", "2026-11-23"]
        omgeving = dict(os.environ, SJABLOON_DATABASE_URL=url)
        start = time.perf_counter()
        eerste = subprocess.Popen(opdracht, env=omgeving, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        while journaalregels(uit) < opties.n // 2 and eerste.poll() is None:
            time.sleep(0.2)
        liep_nog = eerste.poll() is None
        signaal = signal.SIGKILL if opties.kill else signal.SIGINT
        eerste.send_signal(signaal)
        eerste.communicate()
        onderbroken = time.perf_counter() - start
        gedaan = journaalregels(uit)
        print(f"eerste run gestopt na {onderbroken:.0f} s ({'SIGKILL' if opties.kill else 'Ctrl-C'}, status "
              f"{eerste.returncode}): {gedaan} van {opties.n} rijen in het journaal")
        # the interruption must have come before the end: else this measured an ordinary run and a no-op rerun
        eis(liep_nog, "de eerste run was al klaar voordat het signaal kwam")
        eis(eerste.returncode == (-signal.SIGKILL if opties.kill else 130),
            f"de eerste run eindigde met status {eerste.returncode}, niet met die van de onderbreking")
        eis(0 < gedaan < opties.n, f"{gedaan} van {opties.n} rijen klaar bij de onderbreking: niet halverwege")
        start = time.perf_counter()
        tweede = subprocess.run(opdracht, env=omgeving, capture_output=True, text=True)
        print(f"tweede run: status {tweede.returncode} in {time.perf_counter() - start:.0f} s: {tweede.stdout.strip()}")
        eis(f"{opties.n - gedaan} brieven gemaakt, {gedaan} al klaar" in tweede.stdout,
            f"de tweede run maakte niet precies de {opties.n - gedaan} rijen die nog open stonden")
        fouten = controleer(uit, url, opties.n)
        for fout in fouten:
            print(f"FOUT: {fout}")
        print("elke rij precies één keer: " + ("ja" if not fouten and tweede.returncode == 0 else "nee"))
        eis(not fouten and tweede.returncode == 0, "niet elke rij staat precies één keer overal")
        einde()


def controleer(uit: Path, url: str, aantal: int) -> list[str]:
    verwacht = Counter(f"V-2023-{n:06d}" for n in range(1, aantal + 1))
    journaal = [json.loads(r) for r in (uit / JOURNAAL).read_text(encoding="utf-8").splitlines()[1:]]
    with (uit / "manifest.csv").open(encoding="utf-8-sig", newline="") as bestand:
        manifest = list(csv.DictReader(bestand, delimiter=";"))
    with Register(url) as register:
        geregistreerd = Counter(r.gegevens["bulk"]["sleutel"] for r in register.regels(soort="document"))
        keten = register.controleer()
        zonder_eigen_stempel = [p.name for p in sorted(uit.glob("*.docx"))
                                if register.controleer_document(p.read_bytes(), p.name)]
    fouten = []
    if Counter(r["sleutel"] for r in journaal) != verwacht:
        fouten.append("het journaal heeft niet elke rij precies één keer")
    if Counter(r["sleutel"] for r in manifest) != verwacht:
        fouten.append("het manifest heeft niet elke rij precies één keer")
    if geregistreerd != verwacht:
        fouten.append("het register heeft niet elke brief precies één keer")
    if keten:
        fouten.append(f"de hashketen van het register klopt niet: {keten[:3]}")
    if zonder_eigen_stempel:
        fouten.append(f"{len(zonder_eigen_stempel)} brieven dragen niet de stempel van hun eigen registerregel, "
                      f"bijvoorbeeld {zonder_eigen_stempel[0]}")
    bestanden = {p.name for p in uit.glob("*.docx")}
    if len(bestanden) != aantal or list(uit.glob(".*.tmp")):
        fouten.append(f"{len(bestanden)} brieven in de map (verwacht {aantal}), of tijdelijke bestanden over")
    anders = [r["bestand"] for r in manifest if hashlib.sha256((uit / r["bestand"]).read_bytes()).hexdigest() != r["sha256"]]
    if anders:
        fouten.append(f"{len(anders)} brieven wijken af van hun SHA-256 in het manifest, bijvoorbeeld {anders[0]}")
    if any(r["status"] != "gemaakt" or r["awb"] != "ja" for r in manifest):
        fouten.append("niet elke brief is gemaakt en door de Awb-controle gekomen")
    return fouten


if __name__ == "__main__":
    main()
