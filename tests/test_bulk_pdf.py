"""The PDF/A converter's batches, its lighter copy of a letter, and the PDF/A-2b check (generator/bulk/pdf*.py),
with a real LibreOffice; a LibreOffice that dies in the middle of a batch is killed for real."""

import getpass
import io
import json
import os
import re
import signal
import socket
import zipfile

import pytest
from conftest import REPO
from docx import Document
from processen import leeft, libreoffice_van, pdf_verplicht
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from generator.bulk.pdf_controle import controleer, structuur
from generator.bulk.pdf_slank import slank
from generator.vullen.fouten import RenderFout

HERINNERING = REPO / "templates" / "herinnering-afloop-vergunning" / "sjabloon.docx"


def _brieven(map_, aantal):
    """`aantal` letters, each with a line of its own (merkteken-N) to tell their PDFs apart."""
    paden = []
    for nummer in range(1, aantal + 1):
        document = Document(str(HERINNERING))
        document.add_paragraph(f"Dit is brief merkteken-{nummer}.")
        paden.append(map_ / f"brief{nummer}.docx")
        document.save(str(paden[-1]))
    return paden


def _niets_achtergelaten(omzetter, map_, brieven):
    """The letters' folder holds no other file than the letters, and the converter's own folders hold nothing of
    the batch."""
    assert sorted(p for p in map_.iterdir() if p.is_file()) == sorted(brieven)
    assert not list(omzetter.kopieen.iterdir()) and not list(omzetter.pdfmap.iterdir())


def _merkteken(pdf: bytes) -> list[str]:
    tekst = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    return re.findall(r"merkteken-\d+", tekst)


@pytest.fixture
def omzetter():
    from generator.bulk.pdf import PdfOmzetter

    pdf_verplicht()
    omzetter = PdfOmzetter(timeout=60)
    yield omzetter
    omzetter.sluit()


def test_a_batch_gives_every_letter_its_own_pdf_a_and_a_bad_one_only_its_own_error(tmp_path, omzetter):
    brieven = _brieven(tmp_path, 3)
    kapot = tmp_path / "kapot.docx"
    kapot.write_bytes(b"dit is geen DOCX")
    uitkomst = omzetter.zet_om_reeks([brieven[0], kapot, brieven[1], brieven[2]])
    assert isinstance(uitkomst[1], RenderFout) and "kapot.docx: PDF maken lukte niet" in str(uitkomst[1])
    pdfs = [uitkomst[0], uitkomst[2], uitkomst[3]]
    assert [_merkteken(p) for p in pdfs] == [["merkteken-1"], ["merkteken-2"], ["merkteken-3"]]
    assert all(controleer(p) == [] for p in pdfs)
    assert omzetter.starts == 1                                 # a bad letter does not cost a LibreOffice
    _niets_achtergelaten(omzetter, tmp_path, [*brieven, kapot])  # no lighter copy or half PDF left behind


def test_a_lock_a_killed_libreoffice_left_beside_a_letter_does_not_cost_it_its_pdf(tmp_path, omzetter):
    """A LibreOffice killed while storing a PDF leaves its lock file (user, computer, time, profile). When the PDF
    was stored next to the letter, the fresh LibreOffice refused to store over the lock ("Io Abort") and the letter
    landed in fouten.csv (seen with 2 workers). LibreOffice now stores in a folder of its own."""
    brieven = _brieven(tmp_path, 1)
    slot = tmp_path / ".~lock..brief1.pdf.tmp#"           # where the old converter stored brief1's PDF
    slot.write_text(f",{getpass.getuser()},{socket.gethostname()},07.12.2026 11:36,file:///tmp/weg;")
    assert _merkteken(omzetter.zet_om(brieven[0])) == ["merkteken-1"]
    _niets_achtergelaten(omzetter, tmp_path, [*brieven, slot])


def test_a_batch_whose_libreoffice_dies_goes_on_in_a_fresh_one_with_every_letter_once(tmp_path, omzetter,
                                                                                        monkeypatch):
    """LibreOffice is killed while the third of six letters is on its way: the first two keep their PDFs, the
    other four go, in one new request, to a fresh LibreOffice; none is converted twice."""
    from generator.bulk.pdf import PdfOmzetter

    brieven = _brieven(tmp_path, 6)
    verzoeken, gedood, antwoorden = [], set(), []
    echt_vraag, echt_volgend = PdfOmzetter._vraag, PdfOmzetter._volgend_antwoord

    def vraag(self, opdracht):                                # every request, by the letters in it
        verzoeken.append([os.path.basename(o["in"]) for o in json.loads(opdracht)])
        return echt_vraag(self, opdracht)

    def volgend(self):                                        # every answer awaited (the first one's too)
        if len(antwoorden) == 2 and not gedood:               # letters 1 and 2 answered: kill the LibreOffice
            gedood.update(libreoffice_van(self.proces.pid))
            assert gedood
            for pid in gedood:
                os.kill(pid, signal.SIGKILL)
        antwoorden.append(echt_volgend(self))
        return antwoorden[-1]

    monkeypatch.setattr(PdfOmzetter, "_vraag", vraag)
    monkeypatch.setattr(PdfOmzetter, "_volgend_antwoord", volgend)
    uitkomst = omzetter.zet_om_reeks(brieven)
    assert [_merkteken(p) for p in uitkomst] == [[f"merkteken-{n}"] for n in range(1, 7)]
    assert all(controleer(p) == [] for p in uitkomst)
    kopie = [f"{n - 1}.brief{n}.docx" for n in range(1, 7)]   # the lighter copies, in the converter's folder
    assert verzoeken == [kopie, kopie[2:]]
    assert omzetter.starts == 2 and not any(leeft(pid) for pid in gedood)
    _niets_achtergelaten(omzetter, tmp_path, brieven)


def test_the_lighter_copy_keeps_the_text_and_every_style_used_and_drops_the_rest(tmp_path):
    origineel = HERINNERING.read_bytes()
    kopie = slank(origineel)
    assert len(kopie) < len(origineel) / 2
    (tmp_path / "kopie.docx").write_bytes(kopie)
    voor, na = Document(str(HERINNERING)), Document(str(tmp_path / "kopie.docx"))
    assert [(p.text, p.style.name) for p in voor.paragraphs] == [(p.text, p.style.name) for p in na.paragraphs]
    assert [t.style.name if t.style else None for t in voor.tables] == [t.style.name if t.style else None
                                                                        for t in na.tables]
    stijlen = {s.name for s in na.styles}
    assert "Light Shading" in {s.name for s in voor.styles} and "Light Shading" not in stijlen
    assert {"Normal", "Heading 2"} <= stijlen
    with zipfile.ZipFile(io.BytesIO(kopie)) as z:
        namen = set(z.namelist())
        assert not {"word/stylesWithEffects.xml", "docProps/thumbnail.jpeg"} & namen
        for rels in (n for n in namen if n.endswith(".rels")):          # no relationship to a dropped part
            map_ = rels.replace("_rels/", "").removesuffix(".rels").rsplit("/", 1)[0] if "/" in rels[6:] else ""
            for doel in re.findall(r'Target="([^"]+)"', z.read(rels).decode()):
                if "://" not in doel:
                    pad = doel.lstrip("/") if doel.startswith("/") else f"{map_}/{doel}".lstrip("/")
                    assert os.path.normpath(pad) in namen, (rels, doel)
    assert slank(b"geen zip") == b"geen zip"


def test_the_pdf_a_check_finds_what_breaks_pdf_a(tmp_path, omzetter):
    goed = omzetter.zet_om(_brieven(tmp_path, 1)[0])
    assert controleer(goed) == []
    soorten = structuur(goed)
    assert soorten.count("/P") >= 10 and "/H2" in soorten and "/Table" in soorten

    def aangepast(wijzig) -> bytes:
        schrijver = PdfWriter(clone_from=PdfReader(io.BytesIO(goed)))
        wijzig(schrijver)
        uit = io.BytesIO()
        schrijver.write(uit)
        return uit.getvalue()

    def zonder_lettertype(schrijver):
        for font in schrijver.pages[0]["/Resources"]["/Font"].values():
            font.get_object()["/FontDescriptor"].get_object().pop("/FontFile2")

    def met_javascript(schrijver):
        schrijver._root_object[NameObject("/OpenAction")] = DictionaryObject(
            {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert(1)")})

    def zonder_tags(schrijver):
        schrijver._root_object.pop("/MarkInfo")
        schrijver._root_object.pop("/StructTreeRoot")

    def andere_titel(schrijver):
        schrijver._info.get_object()[NameObject("/Title")] = TextStringObject("Een andere titel")

    problemen = controleer(aangepast(zonder_lettertype))
    assert problemen and all("is niet ingebed" in p for p in problemen)
    assert controleer(aangepast(met_javascript)) == ["verboden actie /JavaScript"]
    assert controleer(aangepast(zonder_tags)) == ["niet getagd: /MarkInfo /Marked ontbreekt of is false",
                                                  "niet getagd: de structuurboom (/StructTreeRoot) ontbreekt"]
    assert any("Info /Title" in p for p in controleer(aangepast(andere_titel)))
    kop, regel = goed.index(b"\n") + 2, goed.index(b"\n", 10)   # "%PDF-1.6\n%" and its binary bytes made ASCII
    assert controleer(goed[:kop] + b"a" * (regel - kop) + goed[regel:]) == [
        "de kop is geen '%PDF-1.n' met een regel van vier binaire tekens erna"]


@pytest.mark.parametrize("sjabloon", ["herinnering-afloop-vergunning", "factuur-leges"])
def test_the_lighter_copy_gives_the_same_pages_pixel_for_pixel(tmp_path, omzetter, monkeypatch, sjabloon):
    from PIL import Image, ImageChops
    from voorbeeldpdf import ontbreekt, pagina_beelden

    import generator.bulk.pdf as pdf_module

    if reden := ontbreekt():
        pytest.skip(reden)
    brief = tmp_path / "brief.docx"
    brief.write_bytes((REPO / "templates" / sjabloon / "sjabloon.docx").read_bytes())
    (tmp_path / "slank.pdf").write_bytes(omzetter.zet_om(brief))
    monkeypatch.setattr(pdf_module, "slank", lambda docx: docx)          # the letter itself, as before
    (tmp_path / "heel.pdf").write_bytes(omzetter.zet_om(brief))
    slanke = pagina_beelden(tmp_path / "slank.pdf", tmp_path / "beelden", 60)
    hele = pagina_beelden(tmp_path / "heel.pdf", tmp_path / "beelden", 60)
    assert len(slanke) == len(hele) >= 1
    for a, b in zip(slanke, hele):
        assert ImageChops.difference(Image.open(a).convert("RGB"), Image.open(b).convert("RGB")).getbbox() is None
