"""Open a ZIP (a folder of letters, or a DOCX) only when it cannot blow up: the number of entries, the total unpacked
size and each entry's packing ratio are read from the archive's directory before anything is unpacked. A DOCX gets
the limits of one document, a ZIP of letters those of a batch (checks.document.grenzen)."""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from checks.document.grenzen import MB, GrensFout, Leesgrenzen, actieve_grenzen
from checks.document.model import DocumentFout
from checks.document.redenen import leesreden, technisch


class ArchiefFout(DocumentFout):
    """An archive that cannot be opened or is refused before it is read; the message is Dutch and names the file."""


@dataclass(frozen=True)
class Grenzen:
    bestanden: int                  # entries in one archive
    uitgepakt: int                  # bytes the whole archive may unpack to
    verhouding: int = 100           # unpacked over packed size of one entry over 1 MB; text XML stays far below
    sleutels: tuple[str, str] = ("bestanden", "uitgepakt_mb")     # the settings they come from, for messages


def document_grenzen(grenzen: Leesgrenzen | None = None) -> Grenzen:
    """What one DOCX may hold."""
    g = grenzen or actieve_grenzen()
    return Grenzen(g.bestanden, g.uitgepakt_mb * MB, g.verhouding)


def map_grenzen(web: bool = False, grenzen: Leesgrenzen | None = None) -> Grenzen:
    """What a ZIP of letters may hold: on the command line a KCC batch of 100,000 letters, in the web app what one
    request can read."""
    g = grenzen or actieve_grenzen()
    if web:
        return Grenzen(g.web_zip_brieven, g.web_zip_uitgepakt_mb * MB, g.verhouding,
                       ("web_zip_brieven", "web_zip_uitgepakt_mb"))
    return Grenzen(g.zip_brieven, g.zip_uitgepakt_mb * MB, g.verhouding, ("zip_brieven", "zip_uitgepakt_mb"))


def tabel_grenzen(grenzen: Leesgrenzen | None = None) -> Grenzen:
    """What an Excel file of bulk rows may hold: the entries of a document, the size of a batch (openpyxl streams
    the rows)."""
    g = grenzen or actieve_grenzen()
    return Grenzen(g.bestanden, g.zip_uitgepakt_mb * MB, g.verhouding, ("bestanden", "zip_uitgepakt_mb"))


def open_zip(bron: bytes | Path, naam: str, grenzen: Grenzen) -> zipfile.ZipFile:
    """The archive, opened from bytes or from disk (a path is read lazily, entry by entry), once it is within
    `grenzen`. Reading an entry never gives more than its size in the directory: zipfile stops there."""
    try:
        archief = zipfile.ZipFile(io.BytesIO(bron) if isinstance(bron, bytes) else bron)
    except (zipfile.BadZipFile, OSError, ValueError) as fout:
        raise ArchiefFout(f"{naam}: " + (f"kan het bestand niet lezen ({leesreden(fout)})" if isinstance(fout, OSError)
                                         else "geen geldig DOCX- of ZIP-bestand")) from None
    try:
        controleer_grenzen(archief, naam, grenzen)
    except DocumentFout:
        archief.close()
        raise
    return archief


def controleer_grenzen(archief: zipfile.ZipFile, naam: str, grenzen: Grenzen) -> None:
    items = archief.infolist()
    aantal, uitgepakt = grenzen.sleutels
    if len(items) > grenzen.bestanden:
        raise GrensFout(naam, aantal, f"te veel bestanden in het archief ({len(items)})", grenzen.bestanden)
    if (totaal := sum(i.file_size for i in items)) > grenzen.uitgepakt:
        raise GrensFout(naam, uitgepakt, f"uitgepakt te groot ({totaal / MB:.0f} MB)", grenzen.uitgepakt // MB)
    for item in items:
        if item.file_size > MB and item.file_size > grenzen.verhouding * max(item.compress_size, 1):
            raise GrensFout(naam, "verhouding", f"{item.filename} is verdacht sterk ingepakt (een zip-bom?)",
                            grenzen.verhouding)


def lees_lid(archief: zipfile.ZipFile, item: zipfile.ZipInfo, naam: str, grenzen: Leesgrenzen | None = None) -> bytes:
    """One letter out of a ZIP of letters (`naam` is 'map.zip/brieven/a.docx'), refused before it is unpacked when
    it is larger than one document may be."""
    g = grenzen or actieve_grenzen()
    if item.file_size > g.bestand_mb * MB:
        raise GrensFout(naam, "bestand_mb", f"te groot ({item.file_size / MB:.1f} MB)", g.bestand_mb)
    try:
        return archief.read(item)
    except OSError as fout:
        raise DocumentFout(f"{naam}: kan het bestand niet uitpakken ({leesreden(fout)})") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as fout:
        raise DocumentFout(f"{naam}: kan het bestand niet uitpakken (het is beschadigd in het archief; "
                           f"technisch: {technisch(fout)})") from None
