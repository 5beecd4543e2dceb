"""Read any decision or letter (DOCX, PDF text layer, plain text or Markdown) into one flat list of paragraphs with
positions, completely and in reading order.

`model` holds what a reader returns, `kop` tells a heading, `regels` turns lines into paragraphs (for text and PDF),
and `docx`, `pdf` and `tekst` read one format each, within the limits of `grenzen` (`archief` for the ZIP of a DOCX,
`xml` for its parts). The order of a document's paragraphs: page header ('koptekst'),
the body, footnotes and endnotes, page footer ('voettekst')."""

from __future__ import annotations

from pathlib import Path

from checks.document.grenzen import MB, GrensFout, Leesgrenzen, Lezing
from checks.document.model import Alinea, Document, DocumentFout

__all__ = ["Alinea", "Document", "DocumentFout", "GrensFout", "lees_document", "lees_tekst", "lijkt_kop"]


def __getattr__(naam: str):
    """The readers load on first use: an interface that only sets the limits (cli/opties) stays light."""
    if naam == "lees_tekst":
        from checks.document.tekst import lees_tekst
        return lees_tekst
    if naam == "lijkt_kop":
        from checks.document.kop import lijkt_kop
        return lijkt_kop
    raise AttributeError(f"module {__name__!r} has no attribute {naam!r}")


def lees_document(pad: Path | str, inhoud: bytes | None = None, grenzen: Leesgrenzen | None = None) -> Document:
    """Read a file by its extension; `inhoud` gives the bytes when they are not on disk. Every interface reads a
    user's document here, within the limits (`grenzen`, else the active ones: checks.document.grenzen); over one
    is a GrensFout, a DocumentFout that names the file and the limit."""
    import zipfile
    import zlib

    from lxml import etree

    from checks.document.docx import lees_docx
    from checks.document.pdf import lees_pdf
    from checks.document.redenen import OngeldigBestand, echte_soort, leesreden, technisch
    from checks.document.tekst import lees_tekst

    pad = Path(pad)
    lezing = Lezing(str(pad), grenzen)
    try:
        if inhoud is None:
            with pad.open("rb") as bestand:         # at most one byte over the limit: also a pipe or /dev/zero
                data = bestand.read(lezing.grenzen.bestand_mb * MB + 1)
        else:
            data = inhoud
        lezing.grootte(len(data))
    except OSError as fout:
        raise DocumentFout(f"{pad}: kan het bestand niet lezen ({leesreden(fout)})") from None
    soort = pad.suffix.lower()
    ongeldig = f"{pad}: geen geldig {soort.lstrip('.').upper()}-bestand"
    try:
        if soort == ".docx":
            return lees_docx(pad.name, data, lezing)
        if soort == ".pdf":
            return lees_pdf(pad.name, data, lezing)
        return lees_tekst(data.decode("utf-8"), pad.name, lezing)
    except UnicodeDecodeError:
        uitleg = echte_soort(data, soort)
        raise DocumentFout(f"{pad}: geen tekst in UTF-8, en geen DOCX of PDF" + (f"; {uitleg}" if uitleg else "")
                           ) from None
    except OngeldigBestand as fout:
        raise DocumentFout(f"{ongeldig} ({fout})") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as fout:   # an entry of the DOCX
        raise DocumentFout(f"{ongeldig} (een onderdeel is beschadigd; technisch: {technisch(fout)})") from None
    except (KeyError, ValueError, etree.XMLSyntaxError) as fout:
        raise DocumentFout(f"{ongeldig} (het bestand is beschadigd of van een andere soort; "
                           f"technisch: {technisch(fout)})") from None
