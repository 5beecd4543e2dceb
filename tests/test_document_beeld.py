"""Each template's example as a reader sees it: the PDF that LibreOffice makes of it, page by page as an image.
No page without text, nothing printed in the side margins, no last page with a stray line or two, "pagina X van Y"
with the real page count, the document's properties in the PDF, and lists that start at 1.
Skips without LibreOffice or pdftoppm, unless SJABLOON_PDF_VERPLICHT=1 (then it fails)."""

import os
import re

import pytest
import yaml
from docx import Document
from PIL import Image
from pypdf import PdfReader
from voorbeeldpdf import ontbreekt, pagina_beelden, voorbeeld_pdfs

from generator.vullen.sjabloon import catalogus

SJABLONEN = {s.id: s for s in catalogus()}
DPI = 100
INKT = 200                 # a pixel darker than this (0-255) is ink
SPELING_MM = 3             # a table's cell margin may stand this far into the side margin, as in Word
MIN_REGELS_LAATSTE = 3     # fewer lines of its own on the last page: the text ran over by a line or two


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    if reden := ontbreekt():
        if os.environ.get("SJABLOON_PDF_VERPLICHT") == "1":
            pytest.fail(f"LibreOffice en pdftoppm verplicht (SJABLOON_PDF_VERPLICHT=1), maar {reden}")
        pytest.skip(f"PDF-test overgeslagen: {reden}")
    return voorbeeld_pdfs(tmp_path_factory.mktemp("voorbeelden"))


def _px(emu, dpi=DPI) -> int:
    return round(emu / 914400 * dpi)


def _inkt(beeld: Image.Image) -> Image.Image:
    return beeld.convert("L").point(lambda v: 255 if v < INKT else 0)


def _pt(emu) -> float:
    return emu / 12700


def _tekstregels(pagina) -> set[tuple[int, str]]:
    """A PDF page's lines as (height above the bottom edge in points, text), digits as '#' (the page number)."""
    stukken: dict[int, list[str]] = {}

    def bezoek(tekst, cm, tm, lettertype, grootte):
        if tekst.strip():
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            stukken.setdefault(round(y), []).append(tekst.strip())

    pagina.extract_text(visitor_text=bezoek)
    return {(y, re.sub(r"\d", "#", " ".join(delen))) for y, delen in stukken.items()}


@pytest.mark.parametrize("sjabloon_id", SJABLONEN)
def test_every_page_has_text_and_nothing_stands_in_the_side_margins(pdfs, tmp_path, sjabloon_id):
    sectie = Document(str(SJABLONEN[sjabloon_id].docx)).sections[0]
    speling = round(SPELING_MM / 25.4 * DPI)
    beelden = pagina_beelden(pdfs[sjabloon_id], tmp_path, DPI)
    assert len(beelden) == len(PdfReader(pdfs[sjabloon_id]).pages)
    for nummer, pad in enumerate(beelden, start=1):
        inkt = _inkt(Image.open(pad))
        breedte, hoogte = inkt.size
        links, rechts = _px(sectie.left_margin), breedte - _px(sectie.right_margin)
        assert inkt.crop((0, _px(sectie.top_margin), breedte, hoogte - _px(sectie.bottom_margin))).getbbox(), \
            f"{sjabloon_id}: pagina {nummer} is leeg (alleen kop- en voettekst)"
        assert inkt.crop((0, 0, links - speling, hoogte)).getbbox() is None, \
            f"{sjabloon_id}: pagina {nummer} heeft tekst in de linkermarge"
        assert inkt.crop((rechts + speling, 0, breedte, hoogte)).getbbox() is None, \
            f"{sjabloon_id}: pagina {nummer} heeft tekst in de rechtermarge (loopt de tekst van de pagina?)"


@pytest.mark.parametrize("sjabloon_id", SJABLONEN)
def test_letterhead_and_footer_fit_their_margins_and_the_last_page_is_not_a_stray_line(pdfs, sjabloon_id):
    """The letterhead and the footer are the lines every page has; the rest is the letter's own text."""
    sectie = Document(str(SJABLONEN[sjabloon_id].docx)).sections[0]
    paginas = [_tekstregels(p) for p in PdfReader(pdfs[sjabloon_id]).pages]
    if len(paginas) == 1:
        pytest.skip("één pagina: kop- en voettekst zijn niet te onderscheiden van de brief")
    hoogte = float(PdfReader(pdfs[sjabloon_id]).pages[0].mediabox.height)
    overal = set.intersection(*paginas)
    kop = {(y, t) for y, t in overal if y > hoogte / 2}
    voet = overal - kop
    assert kop and voet, f"{sjabloon_id}: geen briefhoofd of voettekst op elke pagina"
    assert min(y for y, _ in kop) > hoogte - _pt(sectie.top_margin), \
        f"{sjabloon_id}: het briefhoofd past niet boven de bovenmarge: de brief schuift omlaag"
    assert max(y for y, _ in voet) < _pt(sectie.bottom_margin), f"{sjabloon_id}: de voettekst past niet in de ondermarge"
    eigen = paginas[-1] - overal
    assert len(eigen) >= MIN_REGELS_LAATSTE, \
        f"{sjabloon_id}: de laatste pagina heeft maar {len(eigen)} regel(s) tekst: de brief loopt net over"


@pytest.mark.parametrize("sjabloon_id", SJABLONEN)
def test_footer_says_pagina_x_van_y_with_the_real_page_count(pdfs, sjabloon_id):
    paginas = PdfReader(pdfs[sjabloon_id]).pages
    for nummer, pagina in enumerate(paginas, start=1):
        assert re.findall(r"pagina (\d+) van (\d+)", pagina.extract_text()) == [(str(nummer), str(len(paginas)))]


@pytest.mark.parametrize("sjabloon_id", SJABLONEN)
def test_pdf_carries_title_subject_author_and_dutch_language(pdfs, sjabloon_id):
    sjabloon = SJABLONEN[sjabloon_id]
    zaak = yaml.safe_load(sjabloon.voorbeeld.read_text(encoding="utf-8"))
    lezer = PdfReader(pdfs[sjabloon_id])
    assert lezer.metadata.title == Document(str(sjabloon.docx)).core_properties.title
    assert lezer.metadata.subject == zaak["zaaknummer"]
    assert lezer.metadata.author == "Gemeente Voorbeeld"
    assert lezer.trailer["/Root"]["/Lang"] == "nl-NL"


def test_the_second_numbered_list_starts_at_1(pdfs):
    """omgevingsvergunning-verleend has two numbered lists: the voorschriften, then the stukken in the bijlage."""
    zaak = yaml.safe_load(SJABLONEN["omgevingsvergunning-verleend"].voorbeeld.read_text(encoding="utf-8"))
    assert zaak["voorschriften"] and len(zaak["stukken"]) >= 2
    tekst = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(pdfs["omgevingsvergunning-verleend"]).pages))
    assert f"1. {zaak['voorschriften'][0][:40]}" in tekst
    assert f"1. {zaak['stukken'][0][:40]}" in tekst and f"2. {zaak['stukken'][1][:40]}" in tekst
