"""Read any decision or letter (DOCX, PDF text layer, plain text) into one list of paragraphs with positions.

Heading styles are a hint, not a requirement: short lines that look like headings count as headings too.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

KOP_STIJLEN = ("heading", "kop", "title", "titel", "subtitle", "ondertitel")


class DocumentFout(Exception):
    """A document that cannot be read (Dutch message with the file name)."""


@dataclass
class Alinea:
    tekst: str
    positie: str           # where a person finds it: "alinea 12", "tabel 1, rij 2", "pagina 2"
    kop: bool = False


@dataclass
class Document:
    bestand: str
    alineas: list[Alinea] = field(default_factory=list)

    @property
    def tekst(self) -> str:
        return "\n".join(a.tekst for a in self.alineas)


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
            return _lees_docx(pad.name, data)
        if soort == ".pdf":
            return _lees_pdf(pad.name, data)
        return lees_tekst(data.decode("utf-8"), pad.name)
    except UnicodeDecodeError:
        raise DocumentFout(f"{pad}: geen tekst in UTF-8, en geen DOCX of PDF") from None
    except (zipfile.BadZipFile, KeyError, ValueError) as fout:
        raise DocumentFout(f"{pad}: geen geldig {soort.lstrip('.').upper()}-bestand ({fout})") from None


def lees_tekst(tekst: str, bestand: str = "tekst") -> Document:
    """Plain text: paragraphs are separated by blank lines; a single short line may be a heading."""
    document = Document(bestand)
    blokken = [b.strip() for b in re.split(r"\n\s*\n", tekst.replace("\r\n", "\n")) if b.strip()]
    for blok in blokken:
        for stuk in _regels_naar_alineas(blok.split("\n")):
            nummer = len(document.alineas) + 1
            document.alineas.append(Alinea(stuk, f"alinea {nummer}", lijkt_kop(stuk)))
    return document


def _regels_naar_alineas(regels: list[str]) -> list[str]:
    """Join wrapped lines into paragraphs. A line that does not fill the width ends its paragraph;
    list items, heading-like lines and a capital after closing punctuation at a line end start a new one."""
    regels = [r.strip() for r in regels if r.strip()]
    breedte = max((len(r) for r in regels), default=0)
    alineas: list[str] = []
    vorige = ""
    for regel in regels:
        nieuw = (not alineas or len(vorige) < 0.7 * breedte or lijkt_kop(regel) or lijkt_kop(vorige)
                 or re.match(r"^([-•*–]|\d+[.)]|[a-z][.)])\s", regel)
                 or vorige.endswith((".", "?", "!", ":")) and regel[:1].isupper())
        if nieuw:
            alineas.append(regel)
        else:
            alineas[-1] += " " + regel
        vorige = regel
    return alineas


def lijkt_kop(tekst: str) -> bool:
    """A short line without closing punctuation, like '3. Belangenafweging' or 'Wat wij hebben besloten'."""
    tekst = tekst.strip()
    woorden = tekst.split()
    if not woorden or len(woorden) > 8 or len(tekst) > 70:
        return False
    if tekst.endswith((".", ",", ";")) or re.search(r"\d{4}$|€|\d,\d\d", tekst):
        return False
    if tekst.endswith(":") and len(woorden) > 2:
        return False
    return tekst[0].isupper() or bool(re.match(r"^\d+(\.\d+)*\.?\s+\S", tekst)) or tekst.endswith("?")


def _lees_docx(bestand: str, data: bytes) -> Document:
    from docx import Document as Word
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    word = Word(io.BytesIO(data))
    document = Document(bestand)
    tabellen = alineas = 0
    for blok in word.element.body.iterchildren():
        if blok.tag.endswith("}p"):
            alinea = Paragraph(blok, word)
            tekst = alinea.text.strip()
            if tekst:
                alineas += 1
                stijl = (alinea.style.name if alinea.style is not None else "").lower()
                kop = stijl.startswith(KOP_STIJLEN) or lijkt_kop(tekst)
                document.alineas.append(Alinea(tekst, f"alinea {alineas}", kop))
        elif blok.tag.endswith("}tbl"):
            tabellen += 1
            for rij_nummer, rij in enumerate(Table(blok, word).rows, start=1):
                cellen = []
                for cel in rij.cells:
                    if cel.text.strip() and cel.text.strip() not in cellen:
                        cellen.append(cel.text.strip())
                if cellen:
                    document.alineas.append(Alinea(" | ".join(cellen), f"tabel {tabellen}, rij {rij_nummer}"))
    for sectie in word.sections:
        for naam, deel in (("koptekst", sectie.header), ("voettekst", sectie.footer)):
            for alinea in deel.paragraphs:
                if alinea.text.strip():
                    document.alineas.append(Alinea(alinea.text.strip(), naam))
    return document


def _lees_pdf(bestand: str, data: bytes) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        lezer = PdfReader(io.BytesIO(data))
        paginas = [pagina.extract_text() or "" for pagina in lezer.pages]
    except PdfReadError as fout:
        raise ValueError(str(fout)) from None
    if not any(p.strip() for p in paginas):
        raise DocumentFout(f"{bestand}: de PDF heeft geen tekstlaag (gescand?); maak eerst tekst met OCR")
    document = Document(bestand)
    for nummer, pagina in enumerate(paginas, start=1):
        for stuk in _regels_naar_alineas(pagina.split("\n")):
            document.alineas.append(Alinea(stuk, f"pagina {nummer}", lijkt_kop(stuk)))
    return document
