"""Hostile files, made on the spot: each is small on disk and would cost minutes or gigabytes to read without the
reading limits (checks/document/grenzen.py). `BESTANDEN` names each with the limit that must refuse it."""

from __future__ import annotations

import functools
import io
import zipfile
import zlib

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MB = 1024 * 1024
# Lowered limits for the files that need them (the others are refused at the defaults): a 2 MB text, 5,000 XML
# elements and 2 seconds stand for 50 MB, two million and ten, so a test needs neither the disk nor the wait.
OMGEVING = {"SJABLOON_DOCUMENT_BESTAND_MB": "1", "SJABLOON_DOCUMENT_XML_ELEMENTEN": "5000",
            "SJABLOON_DOCUMENT_SECONDEN": "2"}


def _docx(document_xml: bytes, extra: dict[str, bytes] | None = None, methode=zipfile.ZIP_DEFLATED) -> bytes:
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", methode) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
        z.writestr("word/document.xml", document_xml)
        for naam, inhoud in (extra or {}).items():
            z.writestr(naam, inhoud)
    return uit.getvalue()


def _alinea(tekst: str) -> bytes:
    return f'<w:document {W}><w:body><w:p><w:r><w:t>{tekst}</w:t></w:r></w:p></w:body></w:document>'.encode()


def zip_bom() -> bytes:
    """300 MB of zeros as word/document.xml: about 300 kB packed (the case of issue 23: 6 GB, 150 s)."""
    return _docx(b"\0" * (300 * MB))


def xml_bom() -> bytes:
    """300 MB of empty paragraphs (valid XML): parsed whole, 50 million elements, many gigabytes of tree."""
    return _docx(f'<w:document {W}><w:body>'.encode() + b"<w:p/>" * (50 * MB) + b"</w:body></w:document>")


def sterk_ingepakt() -> bytes:
    """50 MB of zeros: under the total, over the packing ratio."""
    return _docx(b"\0" * (50 * MB))


def veel_onderdelen() -> bytes:
    return _docx(_alinea("Een gewone brief."), {f"word/media/leeg{n}.xml": b"" for n in range(5000)},
                 zipfile.ZIP_STORED)


def diep_genest() -> bytes:
    """1,000 nested content controls (2,000 levels): the reader's walk would recurse."""
    return _docx(f'<w:document {W}><w:body>'.encode() + b"<w:sdt><w:sdtContent>" * 1000
                 + b"</w:sdtContent></w:sdt>" * 1000 + b"</w:body></w:document>")


def lachen() -> bytes:
    """Billion laughs: ten entities of ten of the one before, 10^9 times 'lol' when expanded."""
    entiteiten = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    return _docx(f'<?xml version="1.0"?><!DOCTYPE w:document [{entiteiten}]><w:document {W}><w:body><w:p><w:r>'
                 f'<w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'.encode())


def veel_elementen() -> bytes:
    """50,000 runs in one paragraph: over the (lowered) element count."""
    runs = b"".join(b'<w:r><w:t>%d </w:t></w:r>' % n for n in range(50_000))
    return _docx(f'<w:document {W}><w:body><w:p>'.encode() + runs + b"</w:p></w:body></w:document>")


def _pdf(objecten: list[bytes]) -> bytes:
    """A PDF of these objects (object 1 the catalogue), with a correct cross-reference table."""
    uit = bytearray(b"%PDF-1.4\n")
    posities = []
    for nummer, inhoud in enumerate(objecten, start=1):
        posities.append(len(uit))
        uit += b"%d 0 obj\n" % nummer + inhoud + b"\nendobj\n"
    xref = len(uit)
    uit += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objecten) + 1)
    uit += b"".join(b"%010d 00000 n \n" % p for p in posities)
    uit += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objecten) + 1, xref)
    return bytes(uit)


def _stroom(data: bytes, extra: bytes = b"") -> bytes:
    gepakt = zlib.compress(data)
    return b"<< /Length %d /Filter /FlateDecode %s >>\nstream\n" % (len(gepakt), extra) + gepakt + b"\nendstream"


LETTER = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def veel_paginas(aantal: int = 1500) -> bytes:
    """1,500 pages that share one content stream: 235 kB."""
    kinderen = b" ".join(b"%d 0 R" % (5 + i) for i in range(aantal))
    pagina = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
              b"/Contents 4 0 R >>")
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kinderen, aantal),
                 LETTER, _stroom(b"BT /F1 12 Tf 72 720 Td (Dit is een pagina.) Tj ET")] + [pagina] * aantal)


def traag() -> bytes:
    """One page that draws a form of 20,000 operators 200 times: 1 kB, and pypdf alone takes over a minute."""
    vorm = _stroom(b"BT /F1 12 Tf (a) Tj ET\n" + b"0 0 m\n" * 20_000,
                   b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /Font << /F1 3 0 R >> >>")
    inhoud = _stroom(b"BT /F1 12 Tf 72 720 Td (Traag) Tj ET\n" + b"/X1 Do\n" * 200)
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [6 0 R] /Count 1 >>", LETTER, inhoud,
                 vorm, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> "
                       b"/XObject << /X1 5 0 R >> >> /Contents 4 0 R >>"])


def groot() -> bytes:
    """A 2 MB letter: over the lowered file size."""
    return ("Wij hebben uw brief ontvangen. " * 70_000).encode()


# name: (maker, the limit that refuses it, is it about size: the web answers 413)
BESTANDEN = {
    "bom.docx": (zip_bom, "uitgepakt_mb", True),
    "xmlbom.docx": (xml_bom, "uitgepakt_mb", True),
    "ingepakt.docx": (sterk_ingepakt, "verhouding", False),
    "onderdelen.docx": (veel_onderdelen, "bestanden", False),
    "diep.docx": (diep_genest, "xml_diepte", False),
    "lachen.docx": (lachen, "entiteiten", False),
    "elementen.docx": (veel_elementen, "xml_elementen", False),
    "paginas.pdf": (veel_paginas, "pdf_paginas", False),
    "traag.pdf": (traag, "seconden", False),
    "groot.txt": (groot, "bestand_mb", True),
}


@functools.cache
def inhoud(naam: str) -> bytes:
    return BESTANDEN[naam][0]()


def schrijf(map_, namen=BESTANDEN) -> list:
    map_.mkdir(parents=True, exist_ok=True)
    paden = []
    for naam in namen:
        (pad := map_ / naam).write_bytes(inhoud(naam))
        paden.append(pad)
    return paden
