"""The processes a test started, found through /proc by parent or by a marker in their environment, never by name
(pgrep would also find those of another test run on this machine)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def kinderen(ouder: int) -> set[int]:
    gevonden = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            velden = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(velden[1]) == ouder:
            gevonden.add(int(stat.parent.name))
    return gevonden


def nakomelingen(ouder: int) -> set[int]:
    """Children, their children, and so on."""
    gevonden, rand = set(), {ouder}
    while rand:
        rand = set().union(*(kinderen(pid) for pid in rand)) - gevonden
        gevonden |= rand
    return gevonden


def leeft(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def met_merk(merk: str) -> set[int]:
    """The living processes whose environment holds `merk`: those one test started and their children, never
    those of another test run on this machine (which a search by name, like pgrep, would also find)."""
    gevonden = set()
    for omgeving in Path("/proc").glob("[0-9]*/environ"):
        try:
            if merk.encode() in omgeving.read_bytes().split(b"\0"):
                gevonden.add(int(omgeving.parent.name))
        except OSError:                                      # ended meanwhile, or another user's
            continue
    return {pid for pid in gevonden if leeft(pid)}


def opdrachtregel(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def libreoffice_van(ouder: int) -> set[int]:
    """The LibreOffice processes (soffice.bin) that `ouder` started, directly or through its workers."""
    return {pid for pid in nakomelingen(ouder) if b"soffice.bin" in opdrachtregel(pid) and leeft(pid)}


def pdf_verplicht() -> None:
    """Skip a test that needs LibreOffice when it is missing, unless SJABLOON_PDF_VERPLICHT=1 (`make test`)."""
    from generator.bulk.pdf import _ontbreekt

    if reden := _ontbreekt():
        if os.environ.get("SJABLOON_PDF_VERPLICHT") == "1":
            pytest.fail(f"LibreOffice verplicht (SJABLOON_PDF_VERPLICHT=1), maar {reden}")
        pytest.skip(f"PDF-test overgeslagen: {reden}")
