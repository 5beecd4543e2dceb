"""How fast and in how much memory `sjabloon controleer` refuses each hostile file of tests/vijandig.py.

Run: .venv/bin/python bench/vijandig.py [--zonder]
Per file: seconds, peak memory of the child (its own getrusage, from wait4) and the limit that refused it. Aim
(issue 23): each refused within 5 seconds beyond its time limit, in less than 500 MB. Exits 1 when a file was not
refused by the limit it is made for: then this measured something else. `--zonder` also reads the slow PDF and the
XML bomb with their limits raised (at most 60 seconds and 3 GB of address space), to show they are hostile: without
the limits they take long or run out of memory; it exits 1 when they did not.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import vijandig  # noqa: E402

SJABLOON = str(Path(sys.executable).parent / "sjabloon")
DOEL_SECONDEN, DOEL_MB = 5.0, 500
GEHEUGEN = 3 * 1024 ** 3        # --zonder: the XML bomb unlimited wants about 7 GB; the child stops at 3
ZONDER = {"SJABLOON_DOCUMENT_UITGEPAKT_MB": "100000", "SJABLOON_DOCUMENT_VERHOUDING": "100000000",
          "SJABLOON_DOCUMENT_XML_ELEMENTEN": "1000000000", "SJABLOON_DOCUMENT_SECONDEN": "60"}


# The child runs under a small Python parent that has no other child, so its RUSAGE_CHILDREN is the child's own peak.
MEETOUDER = ("import resource, subprocess, sys\n"
             "def beperk():\n    if int(sys.argv[2]):\n"
             "        resource.setrlimit(resource.RLIMIT_AS, (int(sys.argv[2]),) * 2)\n"
             "try:\n    uit = subprocess.run(sys.argv[3:], capture_output=True, timeout=float(sys.argv[1]), "
             "preexec_fn=beperk)\n"
             "    status, fouten = uit.returncode, uit.stderr\n"
             "except subprocess.TimeoutExpired as verlopen:\n    status, fouten = -1, verlopen.stderr or b''\n"
             "sys.stderr.buffer.write(fouten)\n"
             "print(status, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")


def meet(pad: Path, omgeving: dict, maximum: float = 120, geheugen: int = 0) -> tuple[float, float, int, str]:
    """(seconds, peak MB, exit status (-1: stopped at `maximum`), stderr) of one `sjabloon controleer` child, its
    address space capped at `geheugen` bytes (0: not)."""
    begin = time.perf_counter()
    uit = subprocess.run([sys.executable, "-c", MEETOUDER, str(maximum), str(geheugen), SJABLOON, "controleer",
                          str(pad)],
                         capture_output=True, env={**os.environ, **omgeving})
    seconden = time.perf_counter() - begin
    status, kb = uit.stdout.split()
    return seconden, int(kb) / 1024, int(status), uit.stderr.decode("utf-8", "replace")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--zonder", action="store_true")
    zonder = parser.parse_args().zonder
    ongeldig = []
    with tempfile.TemporaryDirectory() as map_:
        paden = vijandig.schrijf(Path(map_))
        print(f"{'bestand':18} {'kB':>6} {'seconden':>9} {'MB':>6}  grens")
        slechtste = 0.0
        for pad in paden:
            _, grens, _ = vijandig.BESTANDEN[pad.name]
            seconden, mb, status, fouten = meet(pad, vijandig.OMGEVING)
            teken = "DTD" if grens == "entiteiten" else f"(instelling {grens})"
            geweigerd = status == 2 and teken in fouten
            if not geweigerd:
                ongeldig.append(f"{pad.name}: niet geweigerd door {grens} (status {status}): {fouten.strip()[-200:]}")
            marge = seconden - (float(vijandig.OMGEVING["SJABLOON_DOCUMENT_SECONDEN"]) if grens == "seconden" else 0)
            slechtste = max(slechtste, marge / DOEL_SECONDEN, mb / DOEL_MB)
            print(f"{pad.name:18} {pad.stat().st_size // 1024:>6} {seconden:>9.2f} {mb:>6.0f}  "
                  f"{grens if geweigerd else 'NIET GEWEIGERD'}")
        print(f"verhouding: {slechtste:.2f} (tegen het doel van {DOEL_SECONDEN:g} s boven de leestijd en "
              f"{DOEL_MB} MB; onder 1 is gehaald)")
        if zonder:
            for naam in ("traag.pdf", "xmlbom.docx"):
                seconden, mb, status, fouten = meet(Path(map_) / naam, ZONDER, maximum=60, geheugen=GEHEUGEN)
                op = "MemoryError" in fouten or "Memory allocation failed" in fouten or mb > 0.9 * GEHEUGEN / 1024 ** 2
                print(f"zonder grenzen: {naam}: {seconden:.1f} s, {mb:.0f} MB, status {status}"
                      + (f" (geheugen op bij {GEHEUGEN // 1024 ** 3} GB)" if op else ""))
                if seconden < 10 and mb < DOEL_MB and not op:
                    ongeldig.append(f"{naam}: ook zonder grenzen snel en klein; het bestand is niet vijandig")
    for melding in ongeldig:
        print(f"ongeldige meting: {melding}", file=sys.stderr)
    return 1 if ongeldig else 0


if __name__ == "__main__":
    sys.exit(main())
