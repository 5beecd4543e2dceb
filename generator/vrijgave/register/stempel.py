"""The register's mark in a generated DOCX: its entry number and the chain hash it chains on, as two custom document
properties (docProps/custom.xml; in Word: Bestand > Eigenschappen > Geavanceerde eigenschappen > Aangepast).

Each letter that went out is so an anchor outside the database: it proves that the register reached that entry and
had that hash before it. The letter carries the hash of the entry before its own, because its own entry's hash
covers the letter's SHA-256."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from generator.bulk.zip import als_opgeslagen, archief, item

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
    part stays byte for byte as it was, and is copied without compressing it again (a bulk run stamps each letter
    inside the register's transaction: a few tenths of a millisecond, not the ten it takes to compress it all)."""
    bron = zipfile.ZipFile(io.BytesIO(docx))
    infos = bron.infolist()
    namen = [info.filename for info in infos]
    nieuw = {DEEL: _eigenschappen(bron.read(DEEL) if DEEL in namen else None, {NUMMER: str(nummer), KETEN: keten}),
             "[Content_Types].xml": _met_type(bron.read("[Content_Types].xml")),
             "_rels/.rels": _met_relatie(bron.read("_rels/.rels"))}
    delen = []
    for info in infos:
        opgeslagen = als_opgeslagen(bron, docx, info)
        delen.append(item(info.filename, nieuw[info.filename], datum=opgeslagen.datum)
                     if info.filename in nieuw else opgeslagen)
    if DEEL not in namen:               # a new part dated like the document's own parts: the same case, the same bytes
        delen.append(item(DEEL, nieuw[DEEL], datum=delen[0].datum))
    return archief(delen)


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
