"""Bouwstenen: one change shows in every template that uses it, in the template's own Word styles."""

import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st
import yaml
from conftest import REPO, docx_tekst
from docx import Document

from generator.vullen.fouten import RenderFout
from generator.vullen.genereer import genereer
from generator.vullen.render import vul_docx
from generator.vullen.sjabloon import catalogus

SJABLONEN_MET_CONTACT = [s.id for s in catalogus() if "bouwsteen('contact')" in docx_tekst(s.docx)]


def test_changing_a_bouwsteen_changes_every_template(tmp_path, content_kopie):
    assert len(SJABLONEN_MET_CONTACT) >= 3
    (content_kopie / "bouwstenen" / "contact.md").write_text(
        "## Vragen?\n\nBel het KCC op {{ gemeente.telefoon }} en noem zaak {{ zaaknummer }}.\n", encoding="utf-8")
    for sjabloon_id in SJABLONEN_MET_CONTACT:
        pad = genereer(sjabloon_id, REPO / "templates" / sjabloon_id / "voorbeeld.yaml", tmp_path, dt.date(2026, 11, 23), concept=True).pad
        tekst = docx_tekst(pad)
        assert "Bel het KCC op 14 0123 en noem zaak" in tekst
        assert "Begrijpt u deze brief niet" not in tekst


def test_bouwsteen_paragraphs_take_the_template_styles(tmp_path):
    pad = genereer("last-onder-dwangsom", REPO / "templates/last-onder-dwangsom/voorbeeld.yaml", tmp_path, dt.date(2026, 11, 23), concept=True).pad
    stijlen = {p.text: p.style.name for p in Document(str(pad)).paragraphs}
    assert stijlen["Bent u het niet eens met dit besluit?"] == "Heading 2"
    assert stijlen["uw naam en adres;"] == "List Bullet"
    assert stijlen["Is het dringend?"] == "Heading 2"
    assert "Het gaat om het perceel Voorbeeld, sectie C, nummer 877." in docx_tekst(pad)   # the bouwsteen sees the case


def test_case_data_in_a_bouwsteen_is_escaped(tmp_path):
    zaak = yaml.safe_load((REPO / "templates/buiten-behandeling/voorbeeld.yaml").read_text())
    zaak["behandelaar"] = "Jan & Piet <team>"
    pad = tmp_path / "zaak.yaml"
    pad.write_text(yaml.safe_dump(zaak, allow_unicode=True))
    uit = genereer("buiten-behandeling", pad, tmp_path, dt.date(2026, 11, 23), concept=True).pad
    assert "Bel dan Jan & Piet <team> via" in docx_tekst(uit)


@pytest.mark.parametrize("naam, melding", [("bestaat-niet", "bouwsteen 'bestaat-niet' bestaat niet"),
                                           ("../gemeente", "geen geldige naam voor een bouwsteen")])
def test_unknown_or_unsafe_bouwsteen_is_a_named_error(tmp_path, naam, melding):
    doc = Document()
    doc.add_paragraph(f"{{{{p bouwsteen('{naam}') }}}}")
    doc.save(tmp_path / "t.docx")
    with pytest.raises(RenderFout, match=melding):
        vul_docx(tmp_path / "t.docx", {}, "proef")


def test_a_template_can_pass_values_to_a_bouwsteen(tmp_path):
    """A burgemeester's besluit: the bezwaarschrift goes to the burgemeester (art. 6:4 Awb), not the college."""
    pad = genereer("evenementenvergunning", REPO / "templates/evenementenvergunning/voorbeeld.yaml", tmp_path, dt.date(2026, 11, 23), concept=True).pad
    assert "Stuur uw bezwaarschrift naar de burgemeester van Voorbeeld, t.a.v." in docx_tekst(pad)
    college = genereer("buiten-behandeling", REPO / "templates/buiten-behandeling/voorbeeld.yaml", tmp_path, dt.date(2026, 11, 23), concept=True).pad
    assert "Stuur uw bezwaarschrift naar het college van burgemeester en wethouders van Voorbeeld" in docx_tekst(college)


def _met_python_docx(markdown: str, sjabloon, stijl_id) -> str:
    """The oracle: the same paragraphs and runs built as python-docx objects in a docxtpl subdocument (as the
    renderer did before it wrote the XML itself)."""
    from generator.vullen.bouwstenen import alineas, runs
    subdoc = sjabloon.new_subdoc()
    for kind in list(subdoc.element.body):
        subdoc.element.body.remove(kind)
    for stijl, kinderen in alineas(markdown):
        alinea = subdoc.add_paragraph()
        alinea._p.style = stijl_id(stijl)
        for tekst, opmaak in runs(kinderen):
            run = alinea.add_run(tekst)
            if opmaak is not None:
                run.bold, run.italic = opmaak[0] or None, opmaak[1] or None
    return str(subdoc)


@pytest.fixture(scope="module")
def sjabloon_en_stijlen():
    from docx.enum.style import WD_STYLE_TYPE
    from docxtpl import DocxTemplate
    sjabloon = DocxTemplate(str(REPO / "templates/last-onder-dwangsom/sjabloon.docx"))
    sjabloon.init_docx()

    def stijl_id(naam):
        return sjabloon.docx.part.get_style_id(naam, WD_STYLE_TYPE.PARAGRAPH) if naam else None
    return sjabloon, stijl_id


def test_every_bouwsteen_is_written_as_python_docx_writes_it(sjabloon_en_stijlen):
    from generator.vullen.bouwstenen import naar_xml
    sjabloon, stijl_id = sjabloon_en_stijlen
    bouwstenen = sorted((REPO / "content" / "bouwstenen").glob("*.md"))
    assert len(bouwstenen) >= 8
    for pad in bouwstenen:
        markdown = pad.read_text(encoding="utf-8")
        xml = naar_xml(markdown, stijl_id)
        assert xml == _met_python_docx(markdown, sjabloon, stijl_id), pad.name
        assert "<w:p>" in xml


MARKDOWN_TEKENS = st.lists(st.sampled_from(list("ab Zé€&<>\"'*_#-1.\t\n\r\\`[]()!\u00a0")
                                           + ["  \n", "\n\n", "- ", "1. ", "## ", "**", "bouwsteen"]),
                            max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(MARKDOWN_TEKENS)
def test_any_markdown_is_written_as_python_docx_writes_it(sjabloon_en_stijlen, markdown):
    from generator.vullen.bouwstenen import naar_xml
    sjabloon, stijl_id = sjabloon_en_stijlen
    assert naar_xml(markdown, stijl_id) == _met_python_docx(markdown, sjabloon, stijl_id)


@pytest.mark.parametrize("teken", ["\x01", "\x0b", "\x1f", "\ufffe"])
def test_a_character_xml_cannot_hold_is_refused_as_python_docx_refuses_it(sjabloon_en_stijlen, teken):
    from generator.vullen.bouwstenen import naar_xml
    sjabloon, stijl_id = sjabloon_en_stijlen
    with pytest.raises(ValueError):
        _met_python_docx(f"tekst {teken} tekst", sjabloon, stijl_id)
    with pytest.raises(ValueError):
        naar_xml(f"tekst {teken} tekst", stijl_id)
