"""A lighter copy of a letter for LibreOffice: the same document without what it never shows.

Measured (bench/pdf.py): LibreOffice spends most of a letter's load time reading the template's style sheet (160
styles and 276 latent-style entries from Word's default template, of which a letter uses about 16), and reads
stylesWithEffects.xml and the thumbnail besides. The copy keeps every style the letter's parts name (paragraph,
character, table and numbering styles, with the styles they are based on, link to or are followed by) and the
default ones; it drops the rest, the latent-style list, stylesWithEffects.xml and the thumbnail, with their
relationships and content types. Text, layout, fonts, images, header and footer stay as they were.

A run's letters share one style sheet: the lighter one is made once per sheet (keyed on its CRC and size)."""

from __future__ import annotations

import io
import re
import zipfile
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STIJLEN = "word/styles.xml"
WEG = {"word/stylesWithEffects.xml", "docProps/thumbnail.jpeg"}
_gemaakt: dict[tuple, bytes] = {}      # (CRC, size, styles named) of a style sheet: its lighter copy
_VERWIJZING = re.compile(rb'<w:(?:pStyle|rStyle|tblStyle|numStyleLink|styleLink) w:val="([^"]*)"')


def _w(naam: str) -> str:
    return f"{{{W}}}{naam}"


def slank(docx: bytes) -> bytes:
    """The lighter copy of the DOCX `docx`; the bytes unchanged when it has no style sheet or cannot be read (then
    LibreOffice says what is wrong with it)."""
    try:
        return _slank(docx)
    except (zipfile.BadZipFile, etree.XMLSyntaxError, KeyError, ValueError):
        return docx


def _slank(docx: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(docx)) as bron:
        namen = [n for n in bron.namelist() if n not in WEG]
        if STIJLEN not in namen:
            return docx
        genoemd = set()
        for naam in namen:
            if naam.startswith("word/") and naam.endswith(".xml") and naam != STIJLEN:
                genoemd |= set(_VERWIJZING.findall(bron.read(naam)))
        info = bron.getinfo(STIJLEN)
        sleutel = (info.CRC, info.file_size, frozenset(genoemd))
        if (stijlen := _gemaakt.get(sleutel)) is None:
            if len(_gemaakt) >= 16:
                _gemaakt.clear()
            stijlen = _gemaakt[sleutel] = _slanke_stijlen(bron.read(STIJLEN), sleutel[2])
        uit = io.BytesIO()
        with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as doel:
            for naam in namen:
                inhoud = bron.read(naam)
                if naam == STIJLEN:
                    inhoud = stijlen
                elif naam.endswith(".rels") or naam == "[Content_Types].xml":
                    inhoud = _zonder_verwijzing_naar_weg(inhoud)
                doel.writestr(naam, inhoud)
    return uit.getvalue()


def _zonder_verwijzing_naar_weg(xml: bytes) -> bytes:
    """Relationships (Target="...") and content-type overrides (PartName="/...") of the dropped parts removed."""
    for deel in WEG:
        kort = deel.removeprefix("word/").encode()
        xml = re.sub(rb'<(?:Relationship|Override)\b[^>]*"/?(?:' + re.escape(deel.encode()) + rb"|"
                     + re.escape(kort) + rb')"[^>]*/>', b"", xml)
    return xml


def _slanke_stijlen(xml: bytes, genoemd: frozenset[bytes]) -> bytes:
    boom = etree.fromstring(xml)
    alle = {s.get(_w("styleId")): s for s in boom.iter(_w("style"))}
    nodig = {n.decode() for n in genoemd} | {i for i, s in alle.items() if s.get(_w("default")) == "1"}
    open_ = list(nodig)
    while open_:                                       # the styles those are based on, link to, are followed by
        stijl = alle.get(open_.pop())
        if stijl is None:
            continue
        for soort in ("basedOn", "link", "next"):
            verwijzing = stijl.find(_w(soort))
            if verwijzing is not None and (doel := verwijzing.get(_w("val"))) not in nodig:
                nodig.add(doel)
                open_.append(doel)
    for stijl_id, stijl in alle.items():
        if stijl_id not in nodig:
            stijl.getparent().remove(stijl)
    for latent in boom.findall(_w("latentStyles")):
        boom.remove(latent)
    return etree.tostring(boom, xml_declaration=True, encoding="UTF-8", standalone=True)
