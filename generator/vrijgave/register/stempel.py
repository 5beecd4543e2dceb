"""The register's mark in a generated DOCX: its entry number and the chain hash it chains on, as two custom document
properties (docProps/custom.xml; in Word: Bestand > Eigenschappen > Geavanceerde eigenschappen > Aangepast).

Each letter that went out is so an anchor outside the database: it proves that the register reached that entry and
had that hash before it. The letter carries the hash of the entry before its own, because its own entry's hash
covers the letter's SHA-256."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

DEEL = "docProps/custom.xml"
CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
RELATIE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
INHOUD = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"       # the one format id Office uses for user-defined properties
NUMMER, KETEN = "Registerregel", "Registerketen"
GROOTSTE = 1_000_000            # bytes of custom.xml read when checking a document: a few properties, never a bomb


def stempel(docx: bytes, nummer: int, keten: str) -> bytes:
    """The document with its register entry number and the hash it chains on in its custom properties; every other
    part stays byte for byte as it was."""
    bron = zipfile.ZipFile(io.BytesIO(docx))
    namen = bron.namelist()
    delen = {naam: bron.read(naam) for naam in namen}
    delen[DEEL] = _eigenschappen(delen.get(DEEL), {NUMMER: str(nummer), KETEN: keten})
    delen["[Content_Types].xml"] = _met_type(delen["[Content_Types].xml"])
    delen["_rels/.rels"] = _met_relatie(delen["_rels/.rels"])
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as doel:
        for naam in namen + ([] if DEEL in namen else [DEEL]):
            info = bron.getinfo(naam) if naam in namen else _info(bron.infolist()[0], DEEL)
            doel.writestr(info, delen[naam], compress_type=zipfile.ZIP_DEFLATED)
    return uit.getvalue()


def lees_stempel(docx: bytes) -> tuple[int | None, str | None]:
    """(entry number, chain hash) from a document's custom properties; (None, None) without them."""
    try:
        with zipfile.ZipFile(io.BytesIO(docx)) as bron:
            if bron.getinfo(DEEL).file_size > GROOTSTE:
                return None, None
            wortel = etree.fromstring(bron.read(DEEL), etree.XMLParser(resolve_entities=False, no_network=True))
    except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return None, None
    waarden = {p.get("name"): "".join(p.itertext()).strip() for p in wortel.iter(f"{{{CUSTOM}}}property")}
    try:
        return int(waarden[NUMMER]), waarden[KETEN]
    except (KeyError, ValueError):
        return None, None


def _eigenschappen(bestaand: bytes | None, waarden: dict[str, str]) -> bytes:
    """custom.xml with `waarden` set: a property of the same name is replaced, the template's others stay."""
    if bestaand:
        wortel = etree.fromstring(bestaand)
    else:
        wortel = etree.Element(f"{{{CUSTOM}}}Properties", nsmap={None: CUSTOM, "vt": VT})
    for eigenschap in [p for p in wortel if p.get("name") in waarden]:
        wortel.remove(eigenschap)
    pid = max((int(p.get("pid", 1)) for p in wortel), default=1)
    for naam, waarde in waarden.items():
        pid += 1                                            # pid 0 and 1 are reserved: the first is 2
        eigenschap = etree.SubElement(wortel, f"{{{CUSTOM}}}property", fmtid=FMTID, pid=str(pid), name=naam)
        etree.SubElement(eigenschap, f"{{{VT}}}lpwstr").text = waarde
    return etree.tostring(wortel, xml_declaration=True, encoding="UTF-8", standalone=True)


def _met_type(types: bytes) -> bytes:
    wortel = etree.fromstring(types)
    if not any(o.get("PartName") == f"/{DEEL}" for o in wortel.iter(f"{{{TYPES}}}Override")):
        etree.SubElement(wortel, f"{{{TYPES}}}Override", PartName=f"/{DEEL}", ContentType=INHOUD)
    return etree.tostring(wortel, xml_declaration=True, encoding="UTF-8", standalone=True)


def _met_relatie(rels: bytes) -> bytes:
    wortel = etree.fromstring(rels)
    relaties = list(wortel.iter(f"{{{RELS}}}Relationship"))
    if not any(r.get("Type") == RELATIE for r in relaties):
        ids = {r.get("Id") for r in relaties}
        nummer = next(n for n in range(len(ids) + 1, len(ids) + 100) if f"rId{n}" not in ids)
        etree.SubElement(wortel, f"{{{RELS}}}Relationship", Id=f"rId{nummer}", Type=RELATIE, Target=DEEL)
    return etree.tostring(wortel, xml_declaration=True, encoding="UTF-8", standalone=True)


def _info(voorbeeld: zipfile.ZipInfo, naam: str) -> zipfile.ZipInfo:
    """A new part dated like the document's own parts: the same case still gives the same bytes."""
    return zipfile.ZipInfo(naam, date_time=voorbeeld.date_time)
