"""Read any decision or letter (DOCX, PDF text layer, plain text or Markdown) into one flat list of paragraphs with
positions, completely and in reading order.

`model` holds what a reader returns, `kop` tells a heading, `regels` turns lines into paragraphs (for text and PDF),
and `docx`, `pdf` and `tekst` read one format each. The order of a document's paragraphs: page header ('koptekst'),
the body, footnotes and endnotes, page footer ('voettekst')."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from checks.document.docx import lees_docx
from checks.document.kop import lijkt_kop
from checks.document.model import Alinea, Document, DocumentFout
from checks.document.pdf import lees_pdf
from checks.document.tekst import lees_tekst

__all__ = ["Alinea", "Document", "DocumentFout", "lees_document", "lees_tekst", "lijkt_kop"]


def lees_document(pad: Path | str, inhoud: bytes | None = None) -> Document:
    """Read a file by its extension; `inhoud` gives the bytes when they are not on disk."""
    pad = Path(pad)
    try:
        data = inhoud if inhoud is not None else pad.read_bytes()
    except OSError as fout:
        raise DocumentFout(f"{pad}: kan het bestand niet lezen ({fout.strerror})") from None
    soort = pad.suffix.lower()
    try:
        if soort == ".docx":
            return lees_docx(pad.name, data)
        if soort == ".pdf":
            return lees_pdf(pad.name, data)
        return lees_tekst(data.decode("utf-8"), pad.name)
    except UnicodeDecodeError:
        raise DocumentFout(f"{pad}: geen tekst in UTF-8, en geen DOCX of PDF") from None
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as fout:
        raise DocumentFout(f"{pad}: geen geldig {soort.lstrip('.').upper()}-bestand ({fout})") from None
