"""A DOCX template read, cleaned up and compiled once, then filled for many cases.

docxtpl opens the DOCX, cleans the Word XML of every part, compiles it with Jinja, fills it and compresses the
whole package again for each document. Here that is done once: per letter only the Jinja templates are filled
and only the parts that differ are compressed. Every step that shapes the XML is docxtpl's own (patch_xml,
resolve_listing, fix_tables, fix_docpr_ids), in docxtpl's order, so a letter's XML is the same as the one
`render.vul_docx` makes (tests/test_bulk_renderer.py checks this on every template in the catalogue)."""

from __future__ import annotations

import copy
import io
import re
from pathlib import Path

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.oxml import parse_xml, serialize_part_xml
from docx.opc.pkgwriter import _ContentTypesItem
from docx.parts.image import ImagePart
from docxtpl import DocxTemplate

from generator.bulk.zip import Item, archief, item
from generator.vullen.eigenschappen import DOCXTPL, eigenschappen, schrijf_eigenschappen, zet_taal
from generator.vullen.lijsten import Lijsten, met_nums, nummering_deel
from generator.vullen.render import met_functies, omgeving, vertaalde_fouten

VOETNOTEN = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
MAX_BOUWSTEEN_TEKSTEN = 1000
MAX_AFBEELDINGEN = 100
PNG = b"\x89PNG\r\n\x1a\n"
LISTING_TEKEN = re.compile(r"<w:t(?: [^>]*)?>[^<]*[\t\n\a\f]")    # what resolve_listing turns into Word XML


class VoorbereidSjabloon:
    def __init__(self, docx: Path | bytes, naam: str, gemeente: dict):
        self.naam = naam
        self.docx_pad = docx if isinstance(docx, Path) else None
        self.tpl = DocxTemplate(io.BytesIO(docx if isinstance(docx, bytes) else Path(docx).read_bytes()))
        self.tpl.render_init()
        self.bouwsteen_xml: dict = {}
        self.env = met_functies(omgeving(), self.tpl, gemeente, naam, self.bouwsteen_xml)
        word = self.tpl.docx
        self.hoofddeel = word.part
        self.lege_body = word.element.body
        with vertaalde_fouten(naam, self.docx_pad):
            self.body = self._compileer(self.tpl.get_xml())
            self.koppen = [(deel, self._compileer(xml), self.tpl.get_headers_footers_encoding(xml))
                           for uri in (self.tpl.HEADER_URI, self.tpl.FOOTER_URI)
                           for _, deel in self.tpl.get_headers_footers(uri)
                           for xml in [self.tpl.get_part_xml(deel)]]
            self.voetnoten = [(deel, self._compileer(deel.blob.decode("utf-8")))
                              for deel in word.part.package.parts if deel.content_type == VOETNOTEN]
            self.eigenschappen = [(e, self.env.from_string(getattr(word.core_properties, e) or "")) for e in DOCXTPL]
        zonder_tags = all("{" not in (getattr(word.core_properties, e) or "") for e in DOCXTPL)
        self.vaste_eigenschappen = {e: sjabloon.render({}) for e, sjabloon in self.eigenschappen} if zonder_tags else None
        zet_taal(word.styles.element)              # a part the same in every letter: made Dutch once
        self.nummering = nummering_deel(word)      # a letter with a second numbered list gets its own numbering
        self.lijsten = Lijsten(word.styles.element, self.nummering.element) if self.nummering is not None else None
        self.kern = word.part.package._core_properties_part                   # the zaaknummer, the time
        self.geschreven: dict = {}
        self.wisselend = {self.hoofddeel, self.kern}
        self.wisselend |= {deel for deel, _, _ in self.koppen} | {deel for deel, _ in self.voetnoten}
        if self.nummering is not None:
            self.nummering_xml = self.nummering.blob
            self.wisselend.add(self.nummering)
        self.vaste_delen = set(word.part.package.iter_parts()) - self.wisselend   # the same in every letter
        self.namen: dict = {}
        self.vast: dict[str, Item] = {}            # part name -> compressed once
        self.inhoudstypen: dict[tuple, Item] = {}
        self.vorige: dict = {}                     # per part: the previous letter's input and result
        self.afbeeldingen: dict = {}               # an image as placed before: (image part, XML)
        self.eigen_afbeeldingen = len(word.part.package.image_parts)     # the template's own images
        for deel in [self.hoofddeel] + [deel for deel, _, _ in self.koppen]:
            deel.new_pic_inline = self._onthoud_afbeeldingen(deel)

    def _onthoud_afbeeldingen(self, deel):
        """python-docx reads, measures and hashes an image and builds its XML again for every letter. A logo is the
        same in every letter: keep its image part and XML, and only relate the part to the letter again. A PNG made
        per letter (the payment QR code) has the same place, size and name in every letter: keep its XML and name
        and put only the new pixels in a new part. The result is the same as long as the part's relations and the
        package's images are as they were (the key), so tests/test_bulk_renderer.py compares every part."""
        maak = deel.new_pic_inline

        def new_pic_inline(beschrijving, width=None, height=None):
            blob = None
            if not isinstance(beschrijving, str):
                blob = beschrijving.getvalue() if hasattr(beschrijving, "getvalue") else None
                if blob is None or not blob.startswith(PNG) or (kop := blob.find(b"IDAT")) < 0:
                    return maak(beschrijving, width, height)
                beschrijving = ("png", blob[:kop - 4])             # size and resolution: the same XML
            pakket_afbeeldingen = deel.package.image_parts._image_parts
            sleutel = (deel.partname, beschrijving, width, height, self._afbeeldingen_sleutel(pakket_afbeeldingen),
                       tuple((rid, id(r._target)) for rid, r in deel.rels.items()))
            if sleutel not in self.afbeeldingen:
                aantal = len(pakket_afbeeldingen)
                inline = maak(beschrijving if blob is None else io.BytesIO(blob), width, height)
                nieuw = pakket_afbeeldingen[-1] if len(pakket_afbeeldingen) > aantal else None
                if blob is not None and nieuw is None:            # the same pixels as an image already there
                    return inline
                if len(self.afbeeldingen) >= MAX_AFBEELDINGEN:
                    self.afbeeldingen.clear()
                afbeelding = deel.related_parts[inline.xpath(".//a:blip/@r:embed")[0]]
                self.afbeeldingen[sleutel] = (nieuw, afbeelding, inline)
                return inline
            nieuw, afbeelding, inline = self.afbeeldingen[sleutel]
            if blob is not None:                                  # this letter's pixels under the same name
                nieuw = afbeelding = ImagePart(nieuw.partname, nieuw.content_type, blob)
            if nieuw is not None:
                pakket_afbeeldingen.append(nieuw)
            deel.relate_to(afbeelding, RT.IMAGE)
            return copy.deepcopy(inline)

        return new_pic_inline

    def _afbeeldingen_sleutel(self, delen: list) -> tuple:
        """The package's images: the template's by identity, those added for this letter by name."""
        return (tuple(map(id, delen[:self.eigen_afbeeldingen]))
                + tuple(str(d.partname) for d in delen[self.eigen_afbeeldingen:]))

    def _compileer(self, xml: str):
        return self.env.from_string(re.sub(r"<w:p([ >])", r"\n<w:p\1", self.tpl.patch_xml(xml)))

    def _nabewerk(self, xml: str) -> str:
        """What docxtpl's render_xml_part does after Jinja."""
        xml = xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
        xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        return self.tpl.resolve_listing(xml) if LISTING_TEKEN.search(xml) else xml   # else it changes nothing

    def _vul_eigenschappen(self, context: dict) -> None:
        """The document properties as docxtpl fills them, then as every generated document has them."""
        sjabloon = self.vaste_eigenschappen or {e: tekst.render(context) for e, tekst in self.eigenschappen}
        waarden = eigenschappen(context, self.naam, sjabloon)
        schrijf_eigenschappen(self.kern.element, {t: w for t, w in waarden.items() if self.geschreven.get(t) != w})
        self.geschreven = waarden                  # the next letter writes only what differs: its zaaknummer

    def vul(self, context: dict) -> bytes:
        """The DOCX for one case. Raises RenderFout as render.vul_docx does."""
        delen = [self.hoofddeel] + [deel for deel, _, _ in self.koppen]
        relaties = {deel: set(deel.rels) for deel in delen}
        afbeeldingen = self.eigen_afbeeldingen = len(self.hoofddeel.package.image_parts)
        try:
            with vertaalde_fouten(self.naam, self.docx_pad):
                return self._vul(context)
        finally:                 # back to the template as read: images and relations added for this letter go
            for deel in delen:
                for rid in set(deel.rels) - relaties[deel]:
                    del deel.rels[rid]
                    deel.rels._target_parts_by_rId.pop(rid, None)
            del self.hoofddeel.package.image_parts._image_parts[afbeeldingen:]
            if len(self.bouwsteen_xml) > MAX_BOUWSTEEN_TEKSTEN:
                self.bouwsteen_xml.clear()

    def _vul(self, context: dict) -> bytes:
        tpl, wortel = self.tpl, self.tpl.docx.element
        tpl.docx_ids_index = 1000
        wortel.replace(wortel.body, self.lege_body)          # new images number their ids from the template's
        tpl.current_rendering_part = self.hoofddeel
        boom = tpl.fix_tables(self._nabewerk(self.body.render(context)))
        tpl.fix_docpr_ids(boom)
        nieuw = {}
        if self.lijsten is not None:
            nums = self.lijsten.herstart(boom)
            nieuw[self.nummering] = self._als_vorige(self.nummering, tuple(map(serialize_part_xml, nums)), lambda: (
                serialize_part_xml(met_nums(self.nummering.element, nums)) if nums else self.nummering_xml))
        wortel.replace(wortel.body, boom)
        nieuw[self.hoofddeel] = serialize_part_xml(wortel)
        for deel, sjabloon, codering in self.koppen:
            tpl.current_rendering_part = deel
            xml = self._nabewerk(sjabloon.render(context)).encode(codering)
            nieuw[deel] = self._als_vorige(deel, xml, lambda: serialize_part_xml(parse_xml(xml)))
        for deel, sjabloon in self.voetnoten:
            nieuw[deel] = self._nabewerk(sjabloon.render(context)).encode("utf-8")
        self._vul_eigenschappen(context)
        return self._pak(nieuw)

    def _pak(self, nieuw: dict) -> bytes:
        """The package as python-docx writes it (same parts, same order), from cached and new entries."""
        pakket = self.hoofddeel.package
        delen = list(pakket.iter_parts())
        items = [self._inhoudstypen(delen), self._vast("_rels/.rels", lambda: pakket.rels.xml)]
        for deel in delen:
            naam, rels = self._namen(deel)
            vast = deel in self.vaste_delen
            if vast:
                items.append(self._vast(naam, lambda: deel.blob))
            elif deel is self.kern:        # the document properties: small, different in every letter
                items.append(item(naam, deel.blob, 0))
            else:
                items.append(self._ingepakt(naam, nieuw.get(deel) or deel.blob))
            if len(deel.rels):
                items.append(self._vast(rels, lambda: deel.rels.xml) if vast else self._relaties(rels, deel.rels))
        return archief(items)

    def _namen(self, deel) -> tuple[str, str]:
        """A part's name in the ZIP and its relations' name; kept for the template's own parts."""
        if (namen := self.namen.get(deel)) is None:
            namen = (deel.partname.membername, deel.partname.rels_uri.membername)
            if deel in self.vaste_delen or deel in self.wisselend:       # not an image added for one letter
                self.namen[deel] = namen
        return namen

    def _als_vorige(self, sleutel, invoer, maak):
        """maak(), or the previous letter's result when this part's input is the same (a letterhead, a logo)."""
        vorige = self.vorige.get(sleutel)
        if vorige is None or vorige[0] != invoer:
            vorige = self.vorige[sleutel] = (invoer, maak())
        return vorige[1]

    def _relaties(self, naam: str, relaties) -> Item:
        """A part's relations, made into XML only when they differ from the previous letter's."""
        sleutel = tuple((r.rId, r.reltype, r.target_ref if r.is_external else str(r.target_part.partname))
                        for r in relaties.values())
        return self._als_vorige((naam, "relaties"), sleutel, lambda: item(naam, relaties.xml, 1))

    def _ingepakt(self, naam: str, data: bytes) -> Item:
        return self._als_vorige(naam, data, lambda: item(naam, data, 1))

    def _vast(self, naam: str, inhoud) -> Item:
        if naam not in self.vast:
            self.vast[naam] = item(naam, inhoud())
        return self.vast[naam]

    def _inhoudstypen(self, delen: list) -> Item:
        sleutel = tuple((str(d.partname), d.content_type) for d in delen)
        if sleutel not in self.inhoudstypen:
            self.inhoudstypen[sleutel] = item("[Content_Types].xml", _ContentTypesItem.from_parts(delen).blob)
        return self.inhoudstypen[sleutel]
