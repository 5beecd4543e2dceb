"""A check of the PDF/A-2b requirements that can be checked mechanically, with pypdf (veraPDF, the reference
validator, is not on the package registries this product installs from; docs/bulk.md says what this covers).

controleer(pdf) lists what breaks them, in Dutch, empty when nothing does:
- header: "%PDF-1.n" followed by a comment line with at least four bytes above 127 (ISO 19005-2 6.1.2); a file
  ID (6.1.3); no encryption (6.1.3);
- XMP metadata in the catalogue, unfiltered, with pdfaid:part 2 and pdfaid:conformance B, and the Info entries
  equal to their XMP counterparts (6.6.2, 6.6.3);
- an output intent GTS_PDFA1 with an ICC profile (6.2.3);
- every font reached from a page (its resources, form XObjects and annotation appearances) embedded (6.2.11.4);
- no LZW streams (6.1.7), no JavaScript, launch or other forbidden actions, no additional actions on the document
  or a page (6.5, 6.6.1), no embedded files (6.8), only standard blend modes (6.2.10), printable annotations
  (6.3.2);
- tagged: /MarkInfo /Marked true and a structure tree (ISO 14289 asks that too; PDF/A-2b itself does not), with
  its paragraph and heading elements, returned by structuur() so a caller can compare them with the letter.
It does not check the content streams' operators, colour spaces per object, the fonts' glyph widths or
the ICC profile's contents; veraPDF does."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from datetime import datetime, timezone

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

ACTIES_VERBODEN = {"/Launch", "/Sound", "/Movie", "/ResetForm", "/ImportData", "/JavaScript", "/Hide",
                   "/SetOCGState", "/Rendition", "/Trans", "/GoTo3DView"}
MENGMODI = {"/Normal", "/Compatible", "/Multiply", "/Screen", "/Overlay", "/Darken", "/Lighten", "/ColorDodge",
            "/ColorBurn", "/HardLight", "/SoftLight", "/Difference", "/Exclusion", "/Hue", "/Saturation", "/Color",
            "/Luminosity"}
# Info entry: (XMP element, kind)
INFO_XMP = {"/Title": ("dc:title", "tekst"), "/Author": ("dc:creator", "tekst"),
            "/Subject": ("dc:description", "tekst"), "/Keywords": ("pdf:Keywords", "tekst"),
            "/Creator": ("xmp:CreatorTool", "tekst"), "/Producer": ("pdf:Producer", "tekst"),
            "/CreationDate": ("xmp:CreateDate", "datum"), "/ModDate": ("xmp:ModifyDate", "datum")}
PRINT, HIDDEN, NOVIEW, INVISIBLE = 4, 2, 32, 1


def controleer(pdf: bytes) -> list[str]:
    """What in `pdf` breaks a mechanically checkable PDF/A-2b requirement or leaves it untagged."""
    problemen: list[str] = []
    kop = re.match(rb"%PDF-1\.[0-7]\r?\n%([^\r\n]*)", pdf[:1024])
    if not kop or sum(teken > 127 for teken in kop.group(1)) < 4:
        problemen.append("de kop is geen '%PDF-1.n' met een regel van vier binaire tekens erna")
    lezer = PdfReader(io.BytesIO(pdf))
    if lezer.is_encrypted:
        return problemen + ["het bestand is versleuteld"]
    trailer, catalogus = lezer.trailer, lezer.trailer["/Root"]
    id_ = trailer.get("/ID")
    if not isinstance(id_, ArrayObject) or len(id_) != 2:
        problemen.append("de trailer heeft geen bestands-ID (/ID)")
    problemen += _metadata(catalogus, trailer.get("/Info"))
    problemen += _output_intent(catalogus)
    problemen += _acties(catalogus)
    problemen += _objecten(lezer)
    if not (catalogus.get("/MarkInfo") or {}).get("/Marked"):
        problemen.append("niet getagd: /MarkInfo /Marked ontbreekt of is false")
    if "/StructTreeRoot" not in catalogus:
        problemen.append("niet getagd: de structuurboom (/StructTreeRoot) ontbreekt")
    return problemen


def structuur(pdf: bytes) -> list[str]:
    """The structure elements of the tagged PDF, in document order, by standard type (/P, /H1, /Table, ...):
    a type of the producer's own (LibreOffice's /Standard, a paragraph style) through the role map."""
    catalogus = PdfReader(io.BytesIO(pdf)).trailer["/Root"]
    boom = catalogus.get("/StructTreeRoot")
    rollen = (boom.get_object().get("/RoleMap") or {}) if boom is not None else {}
    soorten: list[str] = []

    def standaard(soort: str) -> str:
        for _ in range(10):                       # a role map may chain; it must not loop
            if soort not in rollen:
                break
            soort = str(rollen[soort])
        return soort

    if boom is not None:
        for knoop in _doorloop(boom.get_object().get("/K"), lambda d: [d["/K"]] if "/K" in d else []):
            if "/K" in knoop and "/S" in knoop:
                soorten.append(standaard(str(knoop["/S"])))
    return soorten


def _xmp_waarden(xml: str) -> dict[str, str]:
    """XMP properties as element or attribute, the first value of a list (rdf:Alt, rdf:Seq)."""
    waarden = {}
    for naam in ["pdfaid:part", "pdfaid:conformance"] + [x for x, _ in INFO_XMP.values()]:
        element = re.search(rf"<{naam}>(.*?)</{naam}>", xml, re.S)
        attribuut = re.search(rf'{naam}="([^"]*)"', xml)
        if element:
            binnen = element.group(1)
            lid = re.search(r"<rdf:li[^>]*>(.*?)</rdf:li>", binnen, re.S)
            waarden[naam] = (lid.group(1) if lid else binnen).strip()
        elif attribuut:
            waarden[naam] = attribuut.group(1)
    return {k: _ontsnap(v) for k, v in waarden.items()}


def _ontsnap(tekst: str) -> str:
    return (tekst.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'")
            .replace("&amp;", "&"))


def _metadata(catalogus, info) -> list[str]:
    metadata = catalogus.get("/Metadata")
    if metadata is None:
        return ["de XMP-metadata ontbreekt in de catalogus"]
    metadata = metadata.get_object()
    problemen = []
    if "/Filter" in metadata:
        problemen.append("de XMP-metadata is gecomprimeerd (/Filter)")
    xmp = _xmp_waarden(metadata.get_data().decode("utf-8", "replace"))
    if xmp.get("pdfaid:part") != "2":
        problemen.append(f"XMP pdfaid:part is {xmp.get('pdfaid:part')!r}, verwacht '2'")
    if xmp.get("pdfaid:conformance") != "B":
        problemen.append(f"XMP pdfaid:conformance is {xmp.get('pdfaid:conformance')!r}, verwacht 'B'")
    info = info.get_object() if info is not None else {}
    for sleutel, (naam, soort) in INFO_XMP.items():
        if sleutel not in info:
            continue
        waarde = str(info[sleutel])
        if naam not in xmp:
            problemen.append(f"Info {sleutel} staat niet in de XMP-metadata ({naam})")
        elif (_pdf_datum(waarde) != _xmp_datum(xmp[naam])) if soort == "datum" else (waarde != xmp[naam]):
            problemen.append(f"Info {sleutel} ({waarde!r}) verschilt van XMP {naam} ({xmp[naam]!r})")
    return problemen


def _pdf_datum(tekst: str) -> float | None:
    deel = re.match(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Z+-])?(\d{2})?'?(\d{2})?", tekst)
    if not deel:
        return None
    j, m, d, u, mi, s, teken, zu, zm = deel.groups()
    tijd = datetime(int(j), int(m or 1), int(d or 1), int(u or 0), int(mi or 0), int(s or 0), tzinfo=timezone.utc)
    verschuiving = (int(zu or 0) * 60 + int(zm or 0)) * (-1 if teken == "-" else 1)
    return tijd.timestamp() - verschuiving * 60


def _xmp_datum(tekst: str) -> float | None:
    try:
        tijd = datetime.fromisoformat(tekst.replace("Z", "+00:00"))
    except ValueError:
        return None
    return (tijd if tijd.tzinfo else tijd.replace(tzinfo=timezone.utc)).timestamp()


def _output_intent(catalogus) -> list[str]:
    for intent in catalogus.get("/OutputIntents") or []:
        intent = intent.get_object()
        if intent.get("/S") != "/GTS_PDFA1":
            continue
        profiel = intent.get("/DestOutputProfile")
        if profiel is None:
            return ["de output intent GTS_PDFA1 heeft geen ICC-profiel (/DestOutputProfile)"]
        if profiel.get_object().get_data()[36:40] != b"acsp":
            return ["het ICC-profiel van de output intent is geen ICC-profiel"]
        return []
    return ["er is geen output intent GTS_PDFA1"]


def _acties(catalogus) -> list[str]:
    problemen = []
    if "/AA" in catalogus:
        problemen.append("de catalogus heeft extra acties (/AA)")
    namen = (catalogus.get("/Names") or {})
    if "/JavaScript" in namen:
        problemen.append("het document bevat JavaScript (/Names /JavaScript)")
    if "/EmbeddedFiles" in namen:
        problemen.append("het document bevat ingesloten bestanden")
    return problemen


def _objecten(lezer: PdfReader) -> list[str]:
    """Walk every object reached from the catalogue once: actions, fonts, streams, blend modes, annotations."""
    problemen: set[str] = set()
    for object_ in _doorloop(lezer.trailer["/Root"], _behalve_ouders):
        soort = object_.get("/Type")
        if object_.get("/S") in ACTIES_VERBODEN and (soort in (None, "/Action")):
            problemen.add(f"verboden actie {object_['/S']}")
        if soort == "/Page" and "/AA" in object_:
            problemen.add("een pagina heeft extra acties (/AA)")
        if soort == "/Font" and object_.get("/Subtype") != "/Type3":
            problemen |= _lettertype(object_)
        if isinstance(object_, StreamObject):
            filters = object_.get("/Filter")
            filters = filters if isinstance(filters, ArrayObject) else [filters]
            if "/LZWDecode" in filters:
                problemen.add("een stroom gebruikt LZW-compressie")
        if (modus := object_.get("/BM")) is not None:
            for m in modus if isinstance(modus, ArrayObject) else [modus]:
                if m not in MENGMODI:
                    problemen.add(f"onbekende mengmodus {m}")
        if soort == "/Annot" and object_.get("/Subtype") != "/Popup":
            vlag = int(object_.get("/F", 0))
            if not vlag & PRINT or vlag & (HIDDEN | NOVIEW | INVISIBLE):
                problemen.add(f"annotatie {object_.get('/Subtype')} wordt niet (zichtbaar) afgedrukt (/F {vlag})")
    return sorted(problemen)


def _behalve_ouders(object_: DictionaryObject) -> list:
    """A dictionary's values but its links back up (page tree, structure parent and page): what they point to
    is reached another way."""
    return [v for k, v in object_.items() if k not in ("/Parent", "/P", "/Pg")]


def _doorloop(begin, volgende: Callable[[DictionaryObject], list]) -> Iterator[DictionaryObject]:
    """The dictionaries (streams too) reached from `begin`, depth first in document order, each indirect object
    resolved and given once (a PDF's references may loop). Arrays are walked through; from a dictionary the walk
    follows what `volgende` gives."""
    gezien: set[int] = set()
    stapel = [begin]
    while stapel:
        object_ = stapel.pop()
        if isinstance(object_, IndirectObject):
            if object_.idnum in gezien:
                continue
            gezien.add(object_.idnum)
            object_ = object_.get_object()
        if isinstance(object_, ArrayObject):
            stapel.extend(reversed(object_))
        elif isinstance(object_, DictionaryObject):
            yield object_
            stapel.extend(reversed(volgende(object_)))


def _lettertype(font) -> set[str]:
    naam = str(font.get("/BaseFont", "?"))
    if font.get("/Subtype") == "/Type0":
        afstammelingen = font.get("/DescendantFonts") or []
        return set().union(*(_lettertype(a.get_object()) for a in afstammelingen)) if afstammelingen else {
            f"lettertype {naam} heeft geen /DescendantFonts"}
    beschrijving = font.get("/FontDescriptor")
    if beschrijving is None:
        return {f"lettertype {naam} is niet ingebed (geen /FontDescriptor)"}
    beschrijving = beschrijving.get_object()
    if not any(k in beschrijving for k in ("/FontFile", "/FontFile2", "/FontFile3")):
        return {f"lettertype {naam} is niet ingebed"}
    return set()
