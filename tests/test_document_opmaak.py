"""The generated DOCX itself: numbered lists that start at 1, and the document's properties (title, zaaknummer,
gemeente, dates, Dutch) the same from `sjabloon genereer` and from a bulk run."""

import datetime as dt
import io
import zipfile

from conftest import REPO
from docx import Document
from docx.oxml.ns import qn
from lxml import etree

from generator.bulk.renderer import VoorbereidSjabloon
from generator.vullen.genereer import genereer
from generator.vullen.render import vul_docx

CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"


def _sjabloon(pad, *alineas, titel=None):
    """A template from python-docx's own (which has Word's list styles): (style, text) per paragraph."""
    doc = Document()
    for stijl, tekst in alineas:
        doc.add_paragraph(tekst, style=stijl)
    if titel is not None:
        doc.core_properties.title = titel
    doc.save(pad)
    return pad


def _lijsten(docx: bytes) -> list[tuple[str, str | None, str | None]]:
    """Per numbered paragraph: (text, its own numId or None when the style numbers it, that num's startOverride)."""
    word = Document(io.BytesIO(docx))
    nummering = word.part.numbering_part.element
    uit = []
    for alinea in word.paragraphs:
        if not alinea.style.name.startswith("List"):
            continue
        num_id = alinea._p.xpath("./w:pPr/w:numPr/w:numId/@w:val")
        start = nummering.xpath(f'./w:num[@w:numId="{num_id[0]}"]/w:lvlOverride[@w:ilvl="0"]/w:startOverride/@w:val'
                                ) if num_id else []
        uit.append((alinea.text, num_id[0] if num_id else None, start[0] if start else None))
    return uit


def test_a_second_numbered_list_gets_a_numbering_that_starts_at_1(tmp_path):
    pad = _sjabloon(tmp_path / "t.docx", ("List Number", "een"), ("List Number", "twee"), ("Normal", "Tussendoor."),
                    ("List Number", "{{ a }}"), ("List Number", "vier"), ("Normal", "En nog."), ("List Number", "vijf"))
    docx = vul_docx(pad, {"a": "drie"}, "proef")
    lijsten = _lijsten(docx)
    assert lijsten[:2] == [("een", None, None), ("twee", None, None)]          # the first list: the style's numbering
    tweede, derde = {n for t, n, _ in lijsten[2:4]}, {n for t, n, _ in lijsten[4:]}
    assert len(tweede) == len(derde) == 1 and tweede != derde and None not in tweede | derde
    assert [s for _, _, s in lijsten[2:]] == ["1", "1", "1"]
    nummering = Document(io.BytesIO(docx)).part.numbering_part.element
    stijl_num = Document(io.BytesIO(docx)).styles["List Number"].element.xpath("./w:pPr/w:numPr/w:numId/@w:val")[0]
    abstract = {n.get(qn("w:numId")): n.xpath("./w:abstractNumId/@w:val")[0] for n in nummering.xpath("./w:num")}
    assert abstract[lijsten[2][1]] == abstract[lijsten[4][1]] == abstract[stijl_num]    # same look, own counter
    bulk = VoorbereidSjabloon(pad, "proef", {}).vul({"a": "drie"})
    assert _lijsten(bulk) == lijsten and _deel(bulk, "word/numbering.xml") == _deel(docx, "word/numbering.xml")


def test_a_list_continue_paragraph_and_bullets_do_not_restart_anything(tmp_path):
    pad = _sjabloon(tmp_path / "t.docx", ("List Number", "een"), ("List Continue", "uitleg bij een"),
                    ("List Number", "twee"), ("Normal", "Tussendoor."), ("List Bullet", "punt"), ("Normal", "En."),
                    ("List Bullet", "punt"))
    docx = vul_docx(pad, {}, "proef")
    assert all(num is None for _, num, _ in _lijsten(docx))
    assert _deel(docx, "word/numbering.xml") == _deel(pad.read_bytes(), "word/numbering.xml")


def test_a_numbered_list_in_a_bouwsteen_starts_at_1_after_one_in_the_template(tmp_path, content_kopie):
    (content_kopie / "bouwstenen" / "stappen.md").write_text("Doe dit:\n\n1. bellen\n2. schrijven\n", encoding="utf-8")
    pad = _sjabloon(tmp_path / "t.docx", ("List Number", "een"), ("List Number", "twee"),
                    ("Normal", "{{p bouwsteen('stappen') }}"))
    lijsten = _lijsten(vul_docx(pad, {}, "proef"))
    assert [t for t, _, _ in lijsten] == ["een", "twee", "bellen", "schrijven"]
    assert lijsten[2][1] == lijsten[3][1] is not None and lijsten[2][2] == "1"


def _deel(docx: bytes, naam: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(docx)) as pakket:
        return pakket.read(naam)


def _kern(docx: bytes):
    return etree.fromstring(_deel(docx, "docProps/core.xml"))


def test_generated_document_carries_title_zaaknummer_gemeente_dates_and_dutch(tmp_path):
    voor = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    pad = genereer("last-onder-dwangsom", REPO / "templates/last-onder-dwangsom/voorbeeld.yaml", tmp_path,
                   dt.date(2026, 11, 23), concept=True).pad
    kern = _kern(pad.read_bytes())
    waarde = {etree.QName(k).localname: k.text for k in kern}
    assert waarde["title"] == Document(str(REPO / "templates/last-onder-dwangsom/sjabloon.docx")).core_properties.title
    assert (waarde["subject"], waarde["creator"], waarde["language"]) == ("Z-2026-002218", "Gemeente Voorbeeld", "nl-NL")
    assert waarde["description"] in (None, "")                       # not python-docx's "generated by python-docx"
    assert kern.findall(f"{{{CP}}}lastModifiedBy")[0].text == "Sjabloonstraat"
    assert len(kern) == len({k.tag for k in kern})                   # each property once, Word refuses doubles
    assert all(etree.QName(k).namespace in (CP, DC, DCTERMS) for k in kern)
    for naam in ("created", "modified"):
        moment = dt.datetime.strptime(waarde[naam], "%Y-%m-%dT%H:%M:%SZ")
        assert voor <= moment <= dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    stijlen = Document(str(pad)).styles.element
    assert stijlen.xpath("./w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val") == ["nl-NL"]


def test_title_from_the_template_with_its_tags_else_the_template_name(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")            # 2027-01-01 00:00 UTC
    met = _sjabloon(tmp_path / "met.docx", ("Normal", "Brief"), titel="Besluit {{ zaaknummer }}")
    zonder = _sjabloon(tmp_path / "zonder.docx", ("Normal", "Brief"))
    context = {"zaaknummer": "Z-1", "gemeente": {"naam": "Gemeente Rivierstad"}}
    for pad, titel in ((met, "Besluit Z-1"), (zonder, "proef")):
        enkel = vul_docx(pad, context, "proef")
        waarde = {etree.QName(k).localname: k.text for k in _kern(enkel)}
        assert (waarde["title"], waarde["creator"], waarde["created"]) == (titel, "Gemeente Rivierstad", "2027-01-01T00:00:00Z")
        assert _deel(VoorbereidSjabloon(pad, "proef", {}).vul(context), "docProps/core.xml") == _deel(enkel, "docProps/core.xml")


def test_each_bulk_letter_has_its_own_zaaknummer_as_subject(tmp_path):
    pad = _sjabloon(tmp_path / "t.docx", ("Normal", "Zaak {{ zaaknummer }}"))
    renderer = VoorbereidSjabloon(pad, "proef", {})
    onderwerpen = [_kern(renderer.vul({"zaaknummer": z})).findtext(f"{{{DC}}}subject") for z in ("Z-1", "Z-2", "Z-1")]
    assert onderwerpen == ["Z-1", "Z-2", "Z-1"]
