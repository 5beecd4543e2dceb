"""What every bench shares: it checks that it measured what it says it measures, and exits non-zero when not.

    from meting import eis, einde
    eis(aantal == verwacht, f"docxtpl maakte {aantal} documenten, verwacht {verwacht}")
    ...
    einde()          # exit 1 after any failed eis

A figure printed next to a failed eis means nothing; the message says which measurement did not happen."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

_mislukt: list[str] = []


def eis(voorwaarde: bool, melding: str) -> bool:
    """Record a condition the measurement depends on; print the message when it does not hold."""
    if not voorwaarde:
        _mislukt.append(melding)
        print(f"NIET GEMETEN: {melding}", file=sys.stderr, flush=True)
    return bool(voorwaarde)


def einde() -> None:
    """Exit 1 when any eis failed (the figures above are then not what the bench claims), else return."""
    if _mislukt:
        print(f"de meting is ongeldig: {len(_mislukt)} eis(en) niet gehaald", file=sys.stderr)
        sys.exit(1)


# Runs its command and writes the largest resident set among that command's processes (in KB) to the file argv[1].
_KLEINE_OUDER = ("import resource, subprocess, sys\n"
                 "status = subprocess.run(sys.argv[2:]).returncode\n"
                 "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n"
                 "sys.exit(status)\n")


def met_piek(opdracht: list[str], **opties) -> tuple[subprocess.CompletedProcess, int]:
    """Run `opdracht` (with subprocess.run's `opties`) and give its peak memory in MB: the largest resident set of
    its process and the processes it started. It runs under a small Python parent: a child started straight from a
    bench inherits the bench's own peak, because on Linux ru_maxrss survives vfork + exec."""
    with tempfile.TemporaryDirectory() as map_:
        piek = Path(map_) / "piek"
        proces = subprocess.run([sys.executable, "-c", _KLEINE_OUDER, str(piek), *opdracht], **opties)
        return proces, int(piek.read_text() or 0) // 1024 if piek.exists() else 0
