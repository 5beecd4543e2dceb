"""Why a user's file cannot be read, in Dutch: from the error's type or errno and from the file's first bytes, never
from a library's English text. What is not known here keeps that text, after 'technisch:', for whoever helps."""

from __future__ import annotations

import errno

CFB = bytes.fromhex("D0CF11E0A1B11AE1")     # the container of an old Word file (.doc) and of an encrypted Office file
ZIP = b"PK\x03\x04"
PDF = b"%PDF-"
PDF_KOP = 1024              # readers accept the '%PDF-' header anywhere in the first 1024 bytes (PDF 32000-1, annex H)

_OS = {
    errno.ENOENT: "het bestand bestaat niet",
    errno.EISDIR: "dit is een map, geen bestand",
    errno.EACCES: "geen toestemming om het bestand te lezen",
    errno.EPERM: "geen toestemming om het bestand te lezen",
}


class OngeldigBestand(ValueError):
    """A file that is damaged or not what its extension says; the message is the Dutch reason without the file name
    (checks.document.lees_document puts 'naam: geen geldig DOCX-bestand' in front)."""


def leesreden(fout: OSError) -> str:
    """Why a file could not be opened or read: 'het bestand bestaat niet', 'dit is een map, geen bestand', ..."""
    return _OS.get(fout.errno) or f"het systeem gaf een fout; technisch: {fout.strerror or fout}"


def technisch(fout: BaseException) -> str:
    """A library's own text, for after 'technisch:'."""
    tekst = fout.args[0] if len(fout.args) == 1 and isinstance(fout.args[0], str) else str(fout)
    return tekst or type(fout).__name__


def echte_soort(data: bytes, soort: str) -> str | None:
    """What the file is by its first bytes, when that is not what its extension (`soort`, '.docx') says or tells the
    user what to do; None when the bytes say nothing more."""
    if not data.strip():
        return "het bestand is leeg"
    if data.startswith(CFB):
        return ("het is een oud Word-bestand (.doc) of een Office-bestand met een wachtwoord; sla het in Word op "
                "als .docx, zonder wachtwoord")
    if soort != ".pdf" and PDF in data[:PDF_KOP]:
        return "het is een PDF; geef het bestand de extensie .pdf"
    if soort != ".docx" and data.startswith(ZIP):
        return "het is een ZIP-archief, zoals een Word-document; geef een Word-document de extensie .docx"
    return None
