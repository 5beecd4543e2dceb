"""One XML part of a DOCX, parsed within the limits: no DTD (so no entity can expand; Word never writes one), no
network, no file; the elements counted from the bytes before libxml2 builds anything (what bounds the memory), the
deadline checked between blocks of 64 kB, and the nesting checked on the tree.

Counting the markup in the bytes (C speed) instead of lxml's parse events keeps reading as fast as before: events
made parsing three times slower. A '<' in text is always escaped, so the count is exact for a part without comments
and an upper bound with them."""

from __future__ import annotations

import re

from lxml import etree

from checks.document.grenzen import GrensFout, Lezing
from checks.document.redenen import OngeldigBestand, technisch

BLOK = 1 << 16
DTD = tuple("<!DOCTYPE".encode(codering) for codering in ("utf-8", "utf-16-le", "utf-16-be"))
LIBXML2_DIEPTE = "Excessive depth"        # libxml2 refuses nesting over 256 itself (without huge_tree)
UTF8 = re.compile(rb"<\?xml[^>]*\sencoding=[\"']utf-8[\"']", re.IGNORECASE)    # the XML declaration says UTF-8


def lees_xml(data: bytes, deel: str, lezing: Lezing) -> etree._Element:
    """The root element of `data`; GrensFout over a limit, OngeldigBestand when it is no XML."""
    waar, grenzen = f"{lezing.naam}: {deel}", lezing.grenzen
    if any(teken in data for teken in DTD):
        raise GrensFout(waar, "entiteiten", "bevat een DTD (entiteiten, een 'billion laughs'?); een DOCX heeft die "
                        "nooit en dit bestand wordt niet gelezen", None)
    elementen = data.count(b"<") - data.count(b"</") - data.count(b"<?") - data.count(b"<!")
    tel_elementen(lezing, elementen)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        for begin in range(0, len(data), BLOK):
            parser.feed(data[begin:begin + BLOK])
            lezing.op_tijd()
        wortel = parser.close()
    except etree.XMLSyntaxError as fout:
        if LIBXML2_DIEPTE in str(fout):
            raise GrensFout(waar, "xml_diepte", "te diep geneste XML", grenzen.xml_diepte) from None
        raise OngeldigBestand(f"het onderdeel {deel} is geen geldige XML; technisch: {technisch(fout)}") from None
    if not _ondiep(elementen, data, grenzen.xml_diepte) and _te_diep(wortel, grenzen.xml_diepte):
        raise GrensFout(waar, "xml_diepte", "te diep geneste XML", grenzen.xml_diepte)
    return wortel


def tel_elementen(lezing: Lezing, elementen: int) -> None:
    """Add a part's elements to the document's count, refused over the limit; also for a part whose reading was
    remembered (checks.document.docx), so the limit counts it as if it were parsed again."""
    lezing.elementen += elementen
    if lezing.elementen > lezing.grenzen.xml_elementen:
        raise GrensFout(lezing.naam, "xml_elementen", "te veel XML-elementen", lezing.grenzen.xml_elementen)


def _ondiep(elementen: int, data: bytes, maximum: int) -> bool:
    """Too few elements to nest deeper than `maximum`, so the tree need not be walked (a letter's parts mostly are).
    Only for a part that declares UTF-8 up front, as Word writes it: there every element has a '<' byte of its own
    in the count. In UTF-16 an element's '<' may be counted out ('<' and a name starting with U+2F00 give '</')."""
    return elementen <= maximum and UTF8.match(data) is not None


def _te_diep(wortel, maximum: int) -> bool:
    """Is there an element below `maximum` levels? One XPath step per level, evaluated by libxml2 (a string, not a
    compiled XPath: that may not be shared between the web app's threads)."""
    return maximum < 256 and wortel.xpath("boolean(/*" + "/*" * maximum + ")")
