"""The commands a Markdown page shows: its fenced `sh` blocks, line by line (tests/test_documentatie.py runs them all;
a test of one feature may run its own page's)."""

from __future__ import annotations

import re

BLOK = re.compile(r"(?:<!--\s*niet uitvoeren:(?P<reden>[^>]*)-->\s*\n)?```(?P<soort>[\w-]*)\n(?P<inhoud>.*?)```", re.S)


def zonder_commentaar(regel: str) -> tuple[str, int]:
    """The command without its trailing comment, and the status the comment announces (`# status 1`), else 0."""
    citaat = None
    for i, teken in enumerate(regel):
        if teken in "'\"" and citaat in (None, teken):
            citaat = None if citaat else teken
        elif teken == "#" and citaat is None and (i == 0 or regel[i - 1].isspace()):
            status = re.search(r"#\s*status (\d+)", regel[i:])
            return regel[:i].strip(), int(status.group(1)) if status else 0
    return regel.strip(), 0


def opdrachten(markdown: str) -> tuple[list[tuple[str, int]], list[str]]:
    """The commands of the runnable blocks, in order (without `make test`: that is what runs the tests), and the
    reasons given for blocks that are not run."""
    lijst, redenen = [], []
    for blok in BLOK.finditer(markdown):
        if blok.group("soort") != "sh":
            continue
        if blok.group("reden") is not None:
            redenen.append(blok.group("reden").strip())
            continue
        for regel in blok.group("inhoud").replace("\\\n", " ").splitlines():
            opdracht, status = zonder_commentaar(regel)
            if opdracht and opdracht != "make test":
                lijst.append((opdracht, status))
    return lijst, redenen
