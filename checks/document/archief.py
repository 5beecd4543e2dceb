"""Open a ZIP (a folder of letters, or a DOCX) only when it cannot blow up: the number of entries, the total unpacked
size and each entry's packing ratio are read from the archive's directory before anything is unpacked. The web app
and the CLI share this check, each with limits of its own."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

MB = 1024 * 1024


class ArchiefFout(Exception):
    """An archive that is refused before it is read; the message is Dutch and names the file."""


@dataclass(frozen=True)
class Grenzen:
    bestanden: int                  # entries in one archive
    uitgepakt: int                  # bytes the whole archive may unpack to
    verhouding: int = 100           # unpacked over packed size of one entry over 1 MB; text XML stays far below


def open_zip(bron: bytes | Path, naam: str, grenzen: Grenzen) -> zipfile.ZipFile:
    """The archive, opened from bytes or from disk (a path is read lazily, entry by entry), once it is within
    `grenzen`. Reading an entry never gives more than its size in the directory: zipfile stops there."""
    try:
        archief = zipfile.ZipFile(io.BytesIO(bron) if isinstance(bron, bytes) else bron)
    except (zipfile.BadZipFile, OSError) as fout:
        reden = getattr(fout, "strerror", None)
        raise ArchiefFout(f"{naam}: " + (f"kan het bestand niet lezen ({reden})" if reden
                                         else "geen geldig DOCX- of ZIP-bestand")) from None
    try:
        controleer_grenzen(archief, naam, grenzen)
    except ArchiefFout:
        archief.close()
        raise
    return archief


def controleer_grenzen(archief: zipfile.ZipFile, naam: str, grenzen: Grenzen) -> None:
    items = archief.infolist()
    if len(items) > grenzen.bestanden:
        raise ArchiefFout(f"{naam}: te veel bestanden in het archief ({len(items)}; de grens is {grenzen.bestanden})")
    if sum(i.file_size for i in items) > grenzen.uitgepakt:
        raise ArchiefFout(f"{naam}: uitgepakt te groot (meer dan {grenzen.uitgepakt // MB} MB)")
    for item in items:
        if item.file_size > MB and item.file_size > grenzen.verhouding * max(item.compress_size, 1):
            raise ArchiefFout(f"{naam}: {item.filename} is verdacht sterk ingepakt (een zip-bom?)")
