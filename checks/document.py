"""Read any decision or letter (DOCX, PDF text layer, plain text) into one list of paragraphs with positions.

Heading styles are a hint, not a requirement: short lines that look like headings count as headings too.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

KOP_STIJLEN = ("heading", "kop", "title", "titel", "subtitle", "ondertitel")


class DocumentFout(Exception):
    """A document that cannot be read (Dutch message with the file name)."""


@dataclass
class Alinea:
    tekst: str
    positie: str           # where a person finds it: "alinea 12", "tabel 1, rij 2", "pagina 2"
    kop: bool = False
    klein: str = field(init=False, repr=False)   # the text in lower case, for the rule patterns

    def __post_init__(self):
        self.klein = self.tekst.lower()


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
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as fout:
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


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
VEILIG = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _lees_docx(bestand: str, data: bytes) -> Document:
    """Read the WordprocessingML directly (lxml, no external entities): several times faster than python-docx."""
    with zipfile.ZipFile(io.BytesIO(data)) as archief:
        body = etree.fromstring(archief.read("word/document.xml"), VEILIG).find(f"{W}body")
        stijlen = _stijlnamen(archief)
        delen = _kop_en_voettekst(archief)
    document = Document(bestand)
    alineas = tabellen = 0
    for blok in body:
        if blok.tag == f"{W}p":
            tekst = _tekst(blok).strip()
            if tekst:
                alineas += 1
                stijl = stijlen.get(_stijl_id(blok), "").lower()
                document.alineas.append(Alinea(tekst, f"alinea {alineas}", stijl.startswith(KOP_STIJLEN) or lijkt_kop(tekst)))
        elif blok.tag == f"{W}tbl":
            tabellen += 1
            for rij_nummer, rij in enumerate(blok.iter(f"{W}tr"), start=1):
                cellen = []
                for cel in rij.iter(f"{W}tc"):
                    tekst = "\n".join(_tekst(p) for p in cel.iter(f"{W}p")).strip()
                    if tekst and tekst not in cellen:
                        cellen.append(tekst)
                if cellen:
                    document.alineas.append(Alinea(" | ".join(cellen), f"tabel {tabellen}, rij {rij_nummer}"))
    for naam, deel in delen:
        for alinea in deel.iter(f"{W}p"):
            if tekst := _tekst(alinea).strip():
                document.alineas.append(Alinea(tekst, naam))
    return document


def _tekst(alinea) -> str:
    delen = []
    for element in alinea.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"):
        delen.append(element.text or "" if element.tag == f"{W}t" else "\t" if element.tag == f"{W}tab" else "\n")
    return "".join(delen)


def _stijl_id(alinea) -> str:
    stijl = alinea.find(f"{W}pPr/{W}pStyle")
    return stijl.get(f"{W}val", "") if stijl is not None else ""


def _stijlnamen(archief: zipfile.ZipFile) -> dict[str, str]:
    """Style id -> style name ('Kop2' -> 'heading 2'): Dutch Word gives ids in Dutch, names stay English.
    Letters from one template share their styles part, so it is read once per distinct part (by its CRC)."""
    if "word/styles.xml" not in archief.namelist():
        return {}
    info = archief.getinfo("word/styles.xml")
    sleutel = (info.CRC, info.file_size)
    if sleutel not in _STIJLEN:
        if len(_STIJLEN) > 32:
            _STIJLEN.clear()
        _STIJLEN[sleutel] = _lees_stijlnamen(archief.read("word/styles.xml"))
    return _STIJLEN[sleutel]


_STIJLEN: dict[tuple[int, int], dict[str, str]] = {}


def _lees_stijlnamen(xml: bytes) -> dict[str, str]:
    stijlen = etree.fromstring(xml, VEILIG)
    return {s.get(f"{W}styleId"): (s.find(f"{W}name").get(f"{W}val") if s.find(f"{W}name") is not None else s.get(f"{W}styleId"))
            for s in stijlen.iter(f"{W}style")}


def _kop_en_voettekst(archief: zipfile.ZipFile) -> list[tuple[str, etree._Element]]:
    pad = "word/_rels/document.xml.rels"
    if pad not in archief.namelist():
        return []
    delen = []
    for relatie in etree.fromstring(archief.read(pad), VEILIG).iter(f"{REL}Relationship"):
        soort = relatie.get("Type", "").rsplit("/", 1)[-1]
        if soort in ("header", "footer"):
            doel = "word/" + relatie.get("Target").lstrip("/").removeprefix("word/")
            if doel in archief.namelist():
                delen.append(("koptekst" if soort == "header" else "voettekst", etree.fromstring(archief.read(doel), VEILIG)))
    return delen


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
