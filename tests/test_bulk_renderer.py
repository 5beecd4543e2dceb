"""The bulk renderer (prepared once, filled per row) makes the same document XML as the single-document path
(docxtpl's DocxTemplate, opened, rendered and saved per document), for every template in the catalogue."""

import datetime as dt
import io
import zipfile
from decimal import Decimal

import pytest

from generator.bulk.renderer import VoorbereidSjabloon
from generator.bulk.zip import archief, item
from generator.vullen.concept import CONCEPT, markeer_concept
from generator.vullen.context import activeer_gemeente, maak_context
from generator.vullen.fouten import RenderFout
from generator.vullen.render import vul_docx
from generator.vullen.sjabloon import catalogus
from generator.vullen.zaak import laad_zaak

DAG = dt.date(2026, 11, 23)


def _delen(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as pakket:
        return {naam: pakket.read(naam) for naam in pakket.namelist()}


def _anders(zaak: dict) -> dict:
    """A second case that differs in what bulk letters differ in: names, numbers, an address."""
    ander = dict(zaak, zaaknummer="Z-2099-424242", behandelaar="Jan de Tweede\nAfdeling\tVergunningen")  # line break, tab
    for naam in ("aanvrager", "houder", "overtreder", "verzoeker", "bezwaarmaker", "melder", "organisator"):
        if isinstance(zaak.get(naam), dict):
            ander[naam] = dict(zaak[naam], naam="Anna van Anders", straat="Andere Laan", huisnummer="99")
    return ander


@pytest.mark.parametrize("sjabloon", catalogus(), ids=lambda s: s.id)
def test_same_xml_as_docxtpl_for_every_template(sjabloon, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")      # the same moment in docProps/core.xml of both
    gemeente = activeer_gemeente(None)
    voorbeeld = laad_zaak(sjabloon.voorbeeld, sjabloon)
    renderer = VoorbereidSjabloon(sjabloon.docx, sjabloon.id, gemeente)
    for zaak in (voorbeeld, _anders(voorbeeld), voorbeeld):        # state of one letter must not leak into the next
        context, _ = maak_context(sjabloon, zaak, DAG, gemeente)
        enkel, bulk = _delen(vul_docx(sjabloon.docx, context, sjabloon.id)), _delen(renderer.vul(context))
        assert bulk.keys() == enkel.keys()
        for naam in enkel:
            if naam.startswith("word/") or naam in ("[Content_Types].xml", "docProps/core.xml"):  # XML, relations, images
                assert bulk[naam] == enkel[naam], f"{sjabloon.id}: {naam} verschilt"
    assert "word/document.xml" in bulk


def test_a_letter_is_the_same_bytes_every_time(monkeypatch):
    """Fixed time stamps in the ZIP, and SOURCE_DATE_EPOCH for the document's own dates: the same bytes again."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")
    sjabloon = next(s for s in catalogus() if s.id == "factuur-leges")     # with a QR image added per letter
    gemeente = activeer_gemeente(None)
    context, _ = maak_context(sjabloon, laad_zaak(sjabloon.voorbeeld, sjabloon), DAG, gemeente)
    eerste = VoorbereidSjabloon(sjabloon.docx, sjabloon.id, gemeente).vul(context)
    assert VoorbereidSjabloon(sjabloon.docx, sjabloon.id, gemeente).vul(context) == eerste
    assert len([n for n in _delen(eerste) if n.startswith("word/media/")]) == len(
        [n for n in _delen(vul_docx(sjabloon.docx, context, sjabloon.id)) if n.startswith("word/media/")])


def test_concept_marked_once_in_the_template_equals_marking_each_letter():
    sjabloon = next(s for s in catalogus() if s.id == "herinnering-afloop-vergunning")
    gemeente = activeer_gemeente(None)
    context, _ = maak_context(sjabloon, laad_zaak(sjabloon.voorbeeld, sjabloon), DAG, gemeente)
    bulk = _delen(VoorbereidSjabloon(markeer_concept(sjabloon.docx.read_bytes()), sjabloon.id, gemeente).vul(context))
    enkel = _delen(markeer_concept(vul_docx(sjabloon.docx, context, sjabloon.id)))
    koppen = [n for n in enkel if n.startswith("word/header")]
    assert koppen and all(bulk[n] == enkel[n] and CONCEPT.encode() in bulk[n] for n in koppen)
    assert bulk["word/document.xml"] == enkel["word/document.xml"]


def test_a_missing_value_is_a_dutch_render_error():
    sjabloon = next(s for s in catalogus() if s.id == "herinnering-afloop-vergunning")
    gemeente = activeer_gemeente(None)
    context, _ = maak_context(sjabloon, laad_zaak(sjabloon.voorbeeld, sjabloon), DAG, gemeente)
    del context["vergunningnummer"]
    with pytest.raises(RenderFout, match="variabele 'vergunningnummer' heeft geen waarde"):
        VoorbereidSjabloon(sjabloon.docx, sjabloon.id, gemeente).vul(context)


def test_zip_writer_output_reads_back_with_zipfile():
    data = archief([item("a.xml", b"<a/>" * 1000), item("map/b.txt", "één".encode())])
    with zipfile.ZipFile(io.BytesIO(data)) as pakket:
        assert pakket.testzip() is None
        assert pakket.read("a.xml") == b"<a/>" * 1000 and pakket.read("map/b.txt").decode() == "één"


def test_the_logo_file_is_read_once_per_run(monkeypatch):
    """The logo is the same in every letter: its image part is kept, not read, measured and hashed per letter."""
    from docx.image.image import Image
    gelezen = []
    van_bestand = Image.from_file.__func__
    monkeypatch.setattr(Image, "from_file", classmethod(lambda cls, b: gelezen.append(b) or van_bestand(cls, b)))
    sjabloon = next(s for s in catalogus() if s.id == "herinnering-afloop-vergunning")
    gemeente = activeer_gemeente(None)
    assert gemeente.get("logo")
    voorbeeld = laad_zaak(sjabloon.voorbeeld, sjabloon)
    renderer = VoorbereidSjabloon(sjabloon.docx, sjabloon.id, gemeente)
    brieven = [_delen(renderer.vul(maak_context(sjabloon, zaak, DAG, gemeente)[0]))
               for zaak in (voorbeeld, _anders(voorbeeld), voorbeeld)]
    assert len(gelezen) == 1
    assert all([n for n in brief if n.startswith("word/media/")] for brief in brieven)


def test_payment_qr_of_each_letter_is_its_own_and_the_same_as_docxtpls(monkeypatch):
    """The QR code's XML and name are kept between letters, its pixels are not: every letter has the code of its
    own invoice, the logo is read once, and every part equals the single-document path's."""
    import zxingcpp
    from docx.image.image import Image
    from PIL import Image as Beeld
    gelezen = []
    van_bestand = Image.from_file.__func__
    monkeypatch.setattr(Image, "from_file", classmethod(lambda cls, b: gelezen.append(b) or van_bestand(cls, b)))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")
    sjabloon = next(s for s in catalogus() if s.id == "factuur-leges")
    gemeente = activeer_gemeente(None)
    voorbeeld = laad_zaak(sjabloon.voorbeeld, sjabloon)
    renderer = VoorbereidSjabloon(sjabloon.docx, sjabloon.id, gemeente)
    gelezen_bulk = 0
    for nummer, bedrag in ((1, "412.50"), (2, "99.95"), (3, "1250.00"), (2, "99.95")):
        zaak = dict(voorbeeld, factuurnummer=f"F-2026-{nummer:06d}",
                    posten=[{"omschrijving": "Bouwen", "bedrag": Decimal(bedrag)}])
        context, _ = maak_context(sjabloon, zaak, DAG, gemeente)
        gelezen.clear()
        bulk = _delen(renderer.vul(context))
        gelezen_bulk += len(gelezen)
        enkel = _delen(vul_docx(sjabloon.docx, context, sjabloon.id))
        assert bulk.keys() == enkel.keys()
        assert all(bulk[n] == enkel[n] for n in enkel if n.startswith("word/") or n == "[Content_Types].xml")
        codes = [c.bytes.decode("utf-8") for n in bulk if n.startswith("word/media/")
                 for c in zxingcpp.read_barcodes(Beeld.open(io.BytesIO(bulk[n])))]
        assert len(codes) == 1 and codes[0].endswith(f"\nFactuur F-2026-{nummer:06d}")
        assert f"\nEUR{bedrag.rstrip('0').rstrip('.')}\n" in codes[0]
    assert gelezen_bulk == 2                 # the logo and the first QR code; then only the new pixels per letter
