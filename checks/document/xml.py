"""One XML part of a DOCX, parsed within the limits: no DTD (so no entity can expand; Word never writes one), no
network, no file, nesting and element count counted while libxml2 builds the tree, block by block, with the deadline
checked between blocks. A part that goes over a limit stops there, before the rest of it costs memory."""

from __future__ import annotations

from lxml import etree

from checks.document.grenzen import GrensFout, Lezing

BLOK = 1 << 16
DTD = tuple("<!DOCTYPE".encode(codering) for codering in ("utf-8", "utf-16-le", "utf-16-be"))


def lees_xml(data: bytes, deel: str, lezing: Lezing) -> etree._Element:
    """The root element of `data`; GrensFout over a limit, etree.XMLSyntaxError when it is no XML."""
    if any(teken in data for teken in DTD):
        raise GrensFout(f"{lezing.naam}: {deel}", "entiteiten", "bevat een DTD (entiteiten, een 'billion laughs'?); "
                        "een DOCX heeft die nooit en dit bestand wordt niet gelezen", None)
    parser = etree.XMLPullParser(events=("start", "end"), resolve_entities=False, no_network=True, huge_tree=False,
                                 load_dtd=False)
    diepte, maximum, grens = 0, lezing.grenzen.xml_diepte, lezing.grenzen.xml_elementen

    def tel() -> None:
        nonlocal diepte
        for gebeurtenis, _ in parser.read_events():
            if gebeurtenis == "start":
                diepte += 1
                lezing.elementen += 1
                if diepte > maximum:
                    raise GrensFout(f"{lezing.naam}: {deel}", "xml_diepte", "te diep geneste XML", maximum)
            else:
                diepte -= 1
        if lezing.elementen > grens:
            raise GrensFout(lezing.naam, "xml_elementen", "te veel XML-elementen", grens)
        lezing.op_tijd()

    for begin in range(0, len(data), BLOK):
        try:
            parser.feed(data[begin:begin + BLOK])
        except etree.XMLSyntaxError:
            tel()                   # a nesting over our limit may be why libxml2 stopped (it stops at 256)
            raise
        tel()
    wortel = parser.close()
    tel()
    return wortel
