"""What every bench shares: it checks that it measured what it says it measures, and exits non-zero when not.

    from meting import eis, einde
    eis(aantal == verwacht, f"docxtpl maakte {aantal} documenten, verwacht {verwacht}")
    ...
    einde()          # exit 1 after any failed eis

A figure printed next to a failed eis means nothing; the message says which measurement did not happen."""

from __future__ import annotations

import sys

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
