"""Reading documents completely and in reading order (issue 18, item 1): one test per construct of DOCX, PDF and
plain text or Markdown, each on a document made for it, asserting the paragraphs that come out."""

import io
import zipfile

import pytest
from docx import Document as Word
from conftest import sjabloon_cli
from docx.oxml import parse_xml

from checks.document import DocumentFout, lees_document, lees_tekst

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')


def lees(word, tmp_path, naam="besluit.docx", extra=None):
    """Save the python-docx document, optionally add parts to the zip, and read it as the checker does."""
    pad = tmp_path / naam
    word.save(str(pad))
    if extra:
        voeg_delen_toe(pad, **extra)
    return lees_document(pad)


def uitkomst(document):
    return [(a.positie, a.tekst, a.kop) for a in document.alineas]


def teksten(document):
    return [a.tekst for a in document.alineas]


def xml(fragment: str):
    """A WordprocessingML element from a fragment with the namespaces declared on its root."""
    eerste = fragment.index(">")
    if fragment[eerste - 1] == "/":
        eerste -= 1
    return parse_xml(fragment[:eerste] + " " + NS + fragment[eerste:])


def in_body(word, *fragmenten):
    """Append raw block elements to the body (before its closing section properties)."""
    body = word.element.body
    for fragment in fragmenten:
        body.insert(len(body) - 1, xml(fragment))


def run(tekst, vet=False):
    eigenschappen = "<w:rPr><w:b/></w:rPr>" if vet else ""
    return f'<w:r>{eigenschappen}<w:t xml:space="preserve">{tekst}</w:t></w:r>'


def alinea(*runs):
    return "<w:p>" + "".join(runs) + "</w:p>"


def voeg_delen_toe(pad, delen: dict[str, str], relaties: list[tuple[str, str, str]], typen: dict[str, str]):
    """Write parts python-docx has no API for (footnotes, endnotes) into the zip by hand."""
    with zipfile.ZipFile(pad) as archief:
        inhoud = {naam: archief.read(naam) for naam in archief.namelist()}
    rels = inhoud["word/_rels/document.xml.rels"].decode()
    for ident, soort, doel in relaties:
        rels = rels.replace("</Relationships>", f'<Relationship Id="{ident}" Type="http://schemas.openxmlformats.org/'
                                                f'officeDocument/2006/relationships/{soort}" Target="{doel}"/></Relationships>')
    inhoud["word/_rels/document.xml.rels"] = rels.encode()
    ct = inhoud["[Content_Types].xml"].decode()
    for deel, type_ in typen.items():
        ct = ct.replace("</Types>", f'<Override PartName="/{deel}" ContentType="{type_}"/></Types>')
    inhoud["[Content_Types].xml"] = ct.encode()
    inhoud.update({naam: tekst.encode() for naam, tekst in delen.items()})
    with zipfile.ZipFile(pad, "w", zipfile.ZIP_DEFLATED) as archief:
        for naam, data in inhoud.items():
            archief.writestr(naam, data)


# ---- DOCX: content controls

def test_content_controls_around_paragraphs_and_a_table_are_read_in_order(tmp_path):
    word = Word()
    word.add_paragraph("Geachte mevrouw Visser,")
    in_body(word,
            "<w:sdt><w:sdtPr><w:alias w:val='aanvrager'/></w:sdtPr><w:sdtContent>"
            + alinea(run("Uw aanvraag voor een standplaats op het Marktplein is compleet."))
            + alinea(run("Wij hebben haar op 4 april ontvangen."))
            + "</w:sdtContent></w:sdt>",
            "<w:sdt><w:sdtPr/><w:sdtContent><w:tbl><w:tr><w:tc>" + alinea(run("Standplaats"))
            + "</w:tc><w:tc>" + alinea(run("nummer 7")) + "</w:tc></w:tr></w:tbl></w:sdtContent></w:sdt>")
    word.add_paragraph("Met vriendelijke groet,")
    assert uitkomst(lees(word, tmp_path)) == [
        ("alinea 1", "Geachte mevrouw Visser,", False),
        ("alinea 2", "Uw aanvraag voor een standplaats op het Marktplein is compleet.", False),
        ("alinea 3", "Wij hebben haar op 4 april ontvangen.", False),
        ("tabel 1, rij 1", "Standplaats | nummer 7", False),
        ("alinea 4", "Met vriendelijke groet,", False),
    ]


def test_a_content_control_inside_a_paragraph_is_part_of_its_sentence(tmp_path):
    word = Word()
    in_body(word, alinea(run("Wij verlenen "), "<w:sdt><w:sdtPr/><w:sdtContent>" + run("Bakkerij Korenaar B.V.")
                         + "</w:sdtContent></w:sdt>", run(" een ontheffing van de sluitingstijd.")))
    assert teksten(lees(word, tmp_path)) == ["Wij verlenen Bakkerij Korenaar B.V. een ontheffing van de sluitingstijd."]


def test_a_content_control_that_shows_its_placeholder_is_empty(tmp_path):
    word = Word()
    in_body(word,
            alinea(run("Naam: "), "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
                   + run("Klik of tik om tekst in te voeren.") + "</w:sdtContent></w:sdt>"),
            "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
            + alinea(run("Kies een bouwsteen.")) + "</w:sdtContent></w:sdt>")
    assert teksten(lees(word, tmp_path)) == ["Naam:"]


# ---- DOCX: text boxes

def _tekstvak_keuze_en_terugval(*regels):
    inhoud = "<w:txbxContent>" + "".join(alinea(run(r)) for r in regels) + "</w:txbxContent>"
    return ("<w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><wp:anchor><a:graphic>"
            "<a:graphicData uri='http://schemas.microsoft.com/office/word/2010/wordprocessingShape'><wps:wsp><wps:txbx>"
            + inhoud + "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
            "<mc:Fallback><w:pict><v:shape><v:textbox>" + inhoud + "</v:textbox></v:shape></w:pict></mc:Fallback>"
            "</mc:AlternateContent></w:r>")


def test_a_text_box_is_read_once_right_after_the_paragraph_that_anchors_it(tmp_path):
    word = Word()
    word.add_paragraph("Gemeente Lindewoud")
    in_body(word, alinea(run("Aan de bewoners van de Kerkstraat"),
                         _tekstvak_keuze_en_terugval("Verzonden: 2 mei 2025", "Ons kenmerk: LW-2025-0311")))
    word.add_paragraph("Wij gaan de bomen in uw straat snoeien.")
    assert uitkomst(lees(word, tmp_path)) == [
        ("alinea 1", "Gemeente Lindewoud", True),
        ("alinea 2", "Aan de bewoners van de Kerkstraat", True),
        ("tekstvak 1", "Verzonden: 2 mei 2025", False),
        ("tekstvak 1", "Ons kenmerk: LW-2025-0311", False),
        ("alinea 3", "Wij gaan de bomen in uw straat snoeien.", False),
    ]


def test_a_vml_text_box_alone_is_read_and_its_anchor_paragraph_is_not_counted(tmp_path):
    word = Word()
    in_body(word, alinea("<w:r><w:pict><v:shape><v:textbox><w:txbxContent>"
                         + alinea(run("Besluit op bezwaar"), ) + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"))
    word.add_paragraph("Uw bezwaar is ontvankelijk.")
    assert uitkomst(lees(word, tmp_path)) == [
        ("tekstvak 1", "Besluit op bezwaar", True),
        ("alinea 1", "Uw bezwaar is ontvankelijk.", False),
    ]


# ---- DOCX: fields and hyperlinks

def test_of_a_field_the_result_is_read_never_the_instruction(tmp_path):
    word = Word()
    complex_veld = ("<w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText xml:space='preserve'> MERGEFIELD "
                    "naam_aanvrager </w:instrText></w:r><w:r><w:fldChar w:fldCharType='separate'/></w:r>"
                    + run("J. Meijer") + "<w:r><w:fldChar w:fldCharType='end'/></w:r>")
    genest = ("<w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText> IF </w:instrText></w:r>"
              "<w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText> MERGEFIELD soort </w:instrText></w:r>"
              "<w:r><w:fldChar w:fldCharType='separate'/></w:r>" + run("ja") + "<w:r><w:fldChar w:fldCharType='end'/></w:r>"
              "<w:r><w:instrText> = \"ja\" \"verleend\" \"geweigerd\" </w:instrText></w:r>"
              "<w:r><w:fldChar w:fldCharType='separate'/></w:r>" + run("verleend")
              + "<w:r><w:fldChar w:fldCharType='end'/></w:r>")
    eenvoudig = "<w:fldSimple w:instr=' MERGEFIELD datum '>" + run("12 juni 2025") + "</w:fldSimple>"
    in_body(word, alinea(run("De vergunning voor "), complex_veld, run(" is "), genest, run(" op "), eenvoudig, run(".")))
    assert teksten(lees(word, tmp_path)) == ["De vergunning voor J. Meijer is verleend op 12 juni 2025."]


def test_hyperlink_runs_are_part_of_the_text(tmp_path):
    word = Word()
    in_body(word, alinea(run("Bezwaar maken kan ook via "), "<w:hyperlink r:id='rId99'>" + run("lindewoud.nl/bezwaar")
                         + "</w:hyperlink>", run(".")))
    assert teksten(lees(word, tmp_path)) == ["Bezwaar maken kan ook via lindewoud.nl/bezwaar."]


# ---- DOCX: tracked changes

def test_deleted_text_is_not_read_and_inserted_text_is(tmp_path):
    word = Word()
    wijziging = "w:id='{}' w:author='Redactie' w:date='2025-05-01T10:00:00Z'"
    in_body(word, alinea(
        run("De dwangsom is "),
        f"<w:del {wijziging.format(1)}><w:r><w:delText>€ 250</w:delText></w:r></w:del>",
        f"<w:ins {wijziging.format(2)}>" + run("€ 500") + "</w:ins>",
        run(" per week"),
        f"<w:moveFrom {wijziging.format(3)}>" + run(" en per dag") + "</w:moveFrom>",
        run("."),
    ))
    assert teksten(lees(word, tmp_path)) == ["De dwangsom is € 500 per week."]


# ---- DOCX: tables

def test_a_signature_block_laid_out_as_a_table_reads_row_by_row(tmp_path):
    word = Word()
    word.add_paragraph("Burgemeester en wethouders van Lindewoud,")
    tabel = word.add_table(rows=2, cols=2)
    for rij, (links, rechts) in zip(tabel.rows, [("de secretaris,", "de burgemeester,"),
                                                 ("mr. H. Terpstra", "A. El Idrissi")]):
        rij.cells[0].text, rij.cells[1].text = links, rechts
    assert uitkomst(lees(word, tmp_path)) == [
        ("alinea 1", "Burgemeester en wethouders van Lindewoud,", False),
        ("tabel 1, rij 1", "de secretaris, | de burgemeester,", False),
        ("tabel 1, rij 2", "mr. H. Terpstra | A. El Idrissi", False),
    ]


def test_a_table_inside_a_cell_is_read_once_as_lines_of_that_cell(tmp_path):
    word = Word()
    tabel = word.add_table(rows=2, cols=1)
    cel = tabel.rows[0].cells[0]
    cel.text = "Bijlagen"
    binnen = cel.add_table(rows=2, cols=2)
    for rij, (links, rechts) in zip(binnen.rows, [("Situatietekening", "1 blad"), ("Foto's", "3 bladen")]):
        rij.cells[0].text, rij.cells[1].text = links, rechts
    tabel.rows[1].cells[0].text = "Verzonden op 9 mei 2025"
    assert uitkomst(lees(word, tmp_path)) == [
        ("tabel 1, rij 1", "Bijlagen\nSituatietekening | 1 blad\nFoto's | 3 bladen", False),
        ("tabel 1, rij 2", "Verzonden op 9 mei 2025", False),
    ]


# ---- DOCX: headers and footers

def _pagina_veld(soort, resultaat):
    return (f"<w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText> {soort} </w:instrText></w:r>"
            f"<w:r><w:fldChar w:fldCharType='separate'/></w:r>{run(resultaat)}<w:r><w:fldChar w:fldCharType='end'/></w:r>")


def test_headers_come_before_the_body_and_footers_after_it_each_line_once(tmp_path):
    word = Word()
    eerste = word.sections[0]
    eerste.different_first_page_header_footer = True
    eerste.first_page_header.paragraphs[0].text = "Datum: 14 mei 2025"
    eerste.first_page_header.add_paragraph("Kenmerk: LW-2025-0420")
    eerste.header.paragraphs[0].text = "Gemeente Lindewoud"
    eerste.footer.paragraphs[0].text = "Postbus 12, 9999 ZZ Lindewoud"
    eerste.footer._element.append(xml(alinea(run("Pagina "), _pagina_veld("PAGE", "2"), run(" van "),
                                             _pagina_veld("NUMPAGES", "3"))))
    word.add_paragraph("Wij hebben uw melding over de lantaarnpaal ontvangen.")
    tweede = word.add_section()
    tweede.header.is_linked_to_previous = False
    tweede.header.paragraphs[0].text = "Gemeente Lindewoud"        # the same header again in section 2
    word.add_paragraph("Bijlage: overzicht van de meldingen.")
    assert uitkomst(lees(word, tmp_path)) == [
        ("koptekst", "Datum: 14 mei 2025", False),
        ("koptekst", "Kenmerk: LW-2025-0420", False),
        ("koptekst", "Gemeente Lindewoud", False),
        ("alinea 1", "Wij hebben uw melding over de lantaarnpaal ontvangen.", False),
        ("alinea 2", "Bijlage: overzicht van de meldingen.", False),
        ("voettekst", "Postbus 12, 9999 ZZ Lindewoud", False),
    ]


# ---- DOCX: footnotes and endnotes

def _noten(element, *noten):
    scheiding = (f"<w:{element} w:type='separator' w:id='-1'><w:p><w:r><w:separator/></w:r></w:p></w:{element}>"
                 f"<w:{element} w:type='continuationSeparator' w:id='0'><w:p><w:r><w:continuationSeparator/></w:r>"
                 f"</w:p></w:{element}>")
    inhoud = "".join(f"<w:{element} w:id='{ident}'><w:p><w:r><w:{element}Ref/></w:r>{run(' ' + tekst)}</w:p>"
                     f"</w:{element}>" for ident, tekst in noten)
    return (f"<?xml version='1.0' encoding='UTF-8' standalone='yes'?><w:{element}s "
            f"xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'>{scheiding}{inhoud}</w:{element}s>")


def test_footnotes_and_endnotes_follow_the_body_numbered_as_word_shows_them(tmp_path):
    word = Word()
    word.sections[0].footer.paragraphs[0].text = "Gemeente Lindewoud"
    in_body(word,
            alinea(run("Wij volgen het advies van de commissie."), "<w:r><w:footnoteReference w:id='5'/></w:r>"),
            alinea(run("De termijn is verlengd."), "<w:r><w:footnoteReference w:id='2'/></w:r>",
                   run(" Zie ook de bijlage."), "<w:r><w:endnoteReference w:id='1'/></w:r>"))
    extra = dict(
        delen={"word/footnotes.xml": _noten("footnote", ("2", "Artikel 4:14 Awb."), ("5", "Advies van 3 maart 2025.")),
               "word/endnotes.xml": _noten("endnote", ("1", "De bijlage ligt ter inzage in het stadhuis."))},
        relaties=[("rIdVoet", "footnotes", "footnotes.xml"), ("rIdEind", "endnotes", "endnotes.xml")],
        typen={"word/footnotes.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
               "word/endnotes.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"})
    assert uitkomst(lees(word, tmp_path, extra=extra)) == [
        ("alinea 1", "Wij volgen het advies van de commissie.", False),
        ("alinea 2", "De termijn is verlengd. Zie ook de bijlage.", False),
        ("voetnoot 1", "Advies van 3 maart 2025.", False),
        ("voetnoot 2", "Artikel 4:14 Awb.", False),
        ("eindnoot 1", "De bijlage ligt ter inzage in het stadhuis.", False),
        ("voettekst", "Gemeente Lindewoud", False),
    ]


# ---- DOCX: headings

def test_a_short_paragraph_bold_throughout_is_a_heading_and_bold_emphasis_is_not(tmp_path):
    lang = "Waarom wij uw aanvraag om een vergunning voor de steiger weigeren"      # 11 words: too long for lijkt_kop
    word = Word()
    in_body(word,
            alinea(run(lang, vet=True)),
            alinea(run(lang)),
            alinea(run("waarom wij ", vet=True), run("niet anders kunnen", vet=True)),
            alinea(run("Waarom wij ", vet=True), run("uw aanvraag om een vergunning voor de steiger weigeren")),
            alinea(run("Let op: u moet de steiger binnen twee dagen weghalen.", vet=True)),
            "<w:p><w:r><w:rPr><w:rStyle w:val='Strong'/></w:rPr>"
            "<w:t>hoe u bezwaar maakt tegen dit besluit</w:t></w:r></w:p>")
    word.add_heading("wat wij hebben besloten", level=2)
    assert uitkomst(lees(word, tmp_path)) == [
        ("alinea 1", lang, True),
        ("alinea 2", lang, False),
        ("alinea 3", "waarom wij niet anders kunnen", True),
        ("alinea 4", lang, False),
        ("alinea 5", "Let op: u moet de steiger binnen twee dagen weghalen.", False),
        ("alinea 6", "hoe u bezwaar maakt tegen dit besluit", True),
        ("alinea 7", "wat wij hebben besloten", True),
    ]


def test_a_docx_without_a_body_is_refused_in_dutch(tmp_path):
    pad = tmp_path / "kapot.docx"
    with zipfile.ZipFile(pad, "w") as archief:
        archief.writestr("word/document.xml", "<w:document xmlns:w='http://schemas.openxmlformats.org/"
                                              "wordprocessingml/2006/main'/>")
    with pytest.raises(DocumentFout, match="geen geldig DOCX-bestand"):
        lees_document(pad)


# ---- PDF text layer

def _pdf(paginas: list[list[str]], kop: str, voet: str) -> bytes:
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    from reportlab.lib.pagesizes import A4

    uit = io.BytesIO()
    blad = canvas.Canvas(uit, pagesize=A4)
    for nummer, regels in enumerate(paginas, start=1):
        blad.setFont("Helvetica", 9)
        blad.drawString(72, 800, kop)
        blad.setFont("Helvetica", 11)
        for i, regel in enumerate(regels):
            blad.drawString(72, 760 - 16 * i, regel)
        blad.setFont("Helvetica", 9)
        blad.drawString(72, 50, voet.format(nummer=nummer, totaal=len(paginas)))
        blad.showPage()
    blad.save()
    return uit.getvalue()


def test_pdf_repairs_hyphenation_and_drops_running_headers_footers_and_page_numbers(tmp_path):
    paginas = [
        ["Besluit",
         "Wij hebben uw aanvraag voor een tijdelijke terrasvergunning aan de Vaart ontvangen. Uw aan-",
         "vraag is compleet en wij hebben haar getoetst aan de regels van de provincie Noord-",
         "Holland en aan de Algemene Plaatselijke Verordening van de gemeente Lindewoud, zoals",
         "die nu geldt.",
         "Het terras mag er staan van 1 april tot en met 30 september van elk jaar, op werkdagen",
         "vanaf acht uur in de ochtend. U zorgt ervoor dat voetgangers er altijd langs kunnen en dat"],
        ["de nooduitgang van het pand vrij blijft, ook als het terras vol staat met gasten en",
         "de stoelen buiten staan.",
         "Bezwaar",
         "Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken bezwaar maken."],
        ["2/3",
         "Met vriendelijke groet,",
         "het college van burgemeester en wethouders van Lindewoud"],
    ]
    pad = tmp_path / "besluit.pdf"
    pad.write_bytes(_pdf(paginas, "Gemeente Lindewoud | kenmerk LW-2025-0500", "Pagina {nummer} van {totaal}"))
    assert uitkomst(lees_document(pad)) == [
        ("koptekst", "Gemeente Lindewoud | kenmerk LW-2025-0500", False),
        ("pagina 1", "Besluit", True),
        ("pagina 1", "Wij hebben uw aanvraag voor een tijdelijke terrasvergunning aan de Vaart ontvangen. Uw aanvraag "
                     "is compleet en wij hebben haar getoetst aan de regels van de provincie Noord-Holland en aan de "
                     "Algemene Plaatselijke Verordening van de gemeente Lindewoud, zoals die nu geldt.", False),
        ("pagina 1", "Het terras mag er staan van 1 april tot en met 30 september van elk jaar, op werkdagen vanaf "
                     "acht uur in de ochtend. U zorgt ervoor dat voetgangers er altijd langs kunnen en dat de "
                     "nooduitgang van het pand vrij blijft, ook als het terras vol staat met gasten en de stoelen "
                     "buiten staan.", False),
        ("pagina 2", "Bezwaar", True),
        ("pagina 2", "Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken bezwaar maken.", False),
        ("pagina 3", "Met vriendelijke groet,", False),
        ("pagina 3", "het college van burgemeester en wethouders van Lindewoud", False),
    ]



def _pdf_met_tekens(regels: list[str], tekens: dict[str, str]) -> bytes:
    """A one-page PDF in Helvetica whose ToUnicode map gives each control character in `tekens` as another character:
    how Word and LibreOffice write a bullet drawn in the Symbol or Wingdings font (U+F0B7 and its kind), which no
    standard PDF font (reportlab's) can write."""
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Tekens def "
            "1 begincodespacerange <00> <FF> endcodespacerange "
            f"{len(tekens)} beginbfchar " + " ".join(f"<{ord(c):02X}> <{ord(t):04X}>" for c, t in tekens.items())
            + " endbfchar endcmap CMapName currentdict /CMap defineresource pop end end").encode()
    inhoud = ("BT /F1 11 Tf " + " ".join(
        f"1 0 0 1 72 {760 - 16 * i} Tm (" + "".join(f"\\{ord(t):03o}" if t in tekens else t for t in regel) + ") Tj"
        for i, regel in enumerate(regels)) + " ET").encode("latin-1")
    objecten = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
                b"/Contents 5 0 R >>",
                b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /ToUnicode 6 0 R >>",
                b"<< /Length %d >>\nstream\n%s\nendstream" % (len(inhoud), inhoud),
                b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap)]
    uit, posities = bytearray(b"%PDF-1.4\n"), []
    for nummer, object_ in enumerate(objecten, start=1):
        posities.append(len(uit))
        uit += b"%d 0 obj\n%s\nendobj\n" % (nummer, object_)
    xref = len(uit)
    uit += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objecten) + 1)
    uit += b"".join(b"%010d 00000 n \n" % positie for positie in posities)
    uit += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objecten) + 1, xref)
    return bytes(uit)


def test_pdf_bullets_of_the_symbol_and_wingdings_fonts_are_list_items_like_a_unicode_bullet(tmp_path):
    pad = tmp_path / "last.pdf"
    pad.write_bytes(_pdf_met_tekens([
        "Onze toezichthouder heeft op 4 maart 2025 het volgende gezien bij uw woning aan de Dorpsstraat 12:",
        "\x01\tU hebt een aanbouw gebouwd zonder omgevingsvergunning.",
        "\x02 U hebt de schutting langs het fietspad verhoogd tot drie meter.",
        "\x03U hebt twee bomen gekapt.",
        "\x04 U hebt de sloot gedempt.",
        "Daarom leggen wij u een last onder dwangsom op.",
    ], {"\x01": "\uf0b7", "\x02": "\uf0a7", "\x03": "\uf0d8", "\x04": "•"}))
    assert uitkomst(lees_document(pad)) == [
        ("pagina 1", "Onze toezichthouder heeft op 4 maart 2025 het volgende gezien bij uw woning aan de "
                     "Dorpsstraat 12:", False),
        ("pagina 1", "• U hebt een aanbouw gebouwd zonder omgevingsvergunning.", False),
        ("pagina 1", "• U hebt de schutting langs het fietspad verhoogd tot drie meter.", False),
        ("pagina 1", "• U hebt twee bomen gekapt.", False),
        ("pagina 1", "• U hebt de sloot gedempt.", False),
        ("pagina 1", "Daarom leggen wij u een last onder dwangsom op.", False),
    ]


def test_a_pasted_symbol_bullet_in_plain_text_is_a_bullet_also_alone_on_its_line():
    tekst = ("Wat u moet doen:\n"
             "\uf0b7 de aanbouw weghalen;\n"
             "\uf0b7\n"
             "de schutting verlagen tot twee meter.\n")
    assert teksten(lees_tekst(tekst)) == ["Wat u moet doen:", "• de aanbouw weghalen;",
                                          "• de schutting verlagen tot twee meter."]


def test_pdf_a_sentence_broken_by_a_page_break_is_one_paragraph_but_not_after_a_heading_or_closing_stop(tmp_path):
    paginas = [
        ["Last onder dwangsom",
         "Wij leggen u een last onder dwangsom op omdat de aanbouw aan de achterkant van uw woning zonder",
         "omgevingsvergunning is gebouwd. U moet de aanbouw binnen acht weken weghalen.",
         "De last zegt welke maatregel u moet nemen en binnen welke"],
        ["termijn (artikel 5:32a).",
         "Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken na de dag van verzending",
         "bezwaar maken bij het college van burgemeester en wethouders.",
         "Wat u moet doen"],
        ["u haalt de aanbouw weg en meldt ons dat het gebeurd is.",
         "Met vriendelijke groet,"],
    ]
    pad = tmp_path / "last.pdf"
    pad.write_bytes(_pdf(paginas, "Gemeente Lindewoud", "Pagina {nummer} van {totaal}"))
    assert uitkomst(lees_document(pad)) == [
        ("koptekst", "Gemeente Lindewoud", False),
        ("pagina 1", "Last onder dwangsom", True),
        ("pagina 1", "Wij leggen u een last onder dwangsom op omdat de aanbouw aan de achterkant van uw woning zonder "
                     "omgevingsvergunning is gebouwd. U moet de aanbouw binnen acht weken weghalen.", False),
        ("pagina 1", "De last zegt welke maatregel u moet nemen en binnen welke termijn (artikel 5:32a).", False),
        ("pagina 2", "Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken na de dag van verzending "
                     "bezwaar maken bij het college van burgemeester en wethouders.", False),
        ("pagina 2", "Wat u moet doen", True),
        ("pagina 3", "u haalt de aanbouw weg en meldt ons dat het gebeurd is.", False),
        ("pagina 3", "Met vriendelijke groet,", False),
    ]


# ---- files that cannot be read

def test_files_that_cannot_be_read_are_refused_with_a_dutch_reason_and_nothing_else_on_stderr(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    pdf = tmp_path / "besluit.pdf"
    pdf.write_bytes(_pdf([["Wij verlenen de vergunning voor de steiger aan de Havenkade."]], "Lindewoud", "{nummer}"))
    schrijver = pypdf.PdfWriter(clone_from=str(pdf))
    schrijver.encrypt("geheim")
    schrijver.write(tmp_path / "beveiligd.pdf")
    (tmp_path / "afgebroken.pdf").write_bytes(pdf.read_bytes()[:len(pdf.read_bytes()) // 2])
    (tmp_path / "kapot.docx").write_bytes(b"dit is geen Word-document")
    (tmp_path / "pdf.docx").write_bytes(pdf.read_bytes())
    (tmp_path / "oud.docx").write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))   # a CFB container
    with zipfile.ZipFile(tmp_path / "leeg.docx", "w") as archief:
        archief.writestr("[Content_Types].xml", "<Types/>")
    word = Word()
    word.add_paragraph("Wij verlenen de vergunning voor de steiger aan de Havenkade. " * 20)
    word.save(str(tmp_path / "goed.docx"))
    data = bytearray((tmp_path / "goed.docx").read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archief:
        deel = archief.getinfo("word/document.xml")
    begin = deel.header_offset + 30 + len(deel.filename) + len(deel.extra)
    data[begin + 10:begin + 40] = bytes(b ^ 0x55 for b in data[begin + 10:begin + 40])     # damage its deflate stream
    (tmp_path / "beschadigd.docx").write_bytes(bytes(data))
    (tmp_path / "map.docx").mkdir()
    namen = ["beveiligd.pdf", "afgebroken.pdf", "kapot.docx", "pdf.docx", "oud.docx", "leeg.docx", "beschadigd.docx",
             "map.docx", "bestaat-niet.docx"]
    uit = sjabloon_cli("controleer", *(tmp_path / naam for naam in namen))
    assert uit.returncode == 2
    ongeldig = "geen geldig DOCX-bestand"
    verwacht = [f"fout: {tmp_path / naam}: {reden}" for naam, reden in zip(namen, [
        "de PDF is beveiligd met een wachtwoord; sla hem op zonder wachtwoord en probeer het opnieuw",
        "geen geldig PDF-bestand (de PDF is onvolledig of beschadigd, bijvoorbeeld niet helemaal gedownload of "
        "opgeslagen)",
        f"{ongeldig} (het bestand is beschadigd of geen Word-document; het is geen ZIP-archief, zoals een DOCX)",
        f"{ongeldig} (het is een PDF; geef het bestand de extensie .pdf)",
        f"{ongeldig} (het is een oud Word-bestand (.doc) of een Office-bestand met een wachtwoord; sla het in Word "
        "op als .docx, zonder wachtwoord)",
        f"{ongeldig} (het onderdeel word/document.xml met de tekst ontbreekt; het is geen Word-document of het is "
        "beschadigd)",
        f"{ongeldig} (een onderdeel is beschadigd; technisch: ",            # zlib's words follow, for whoever helps
        "kan het bestand niet lezen (dit is een map, geen bestand)",
        "kan het bestand niet lezen (het bestand bestaat niet)",
    ])]
    regels = uit.stderr.splitlines()        # one line per file: no pypdf warning ('EOF marker not found') among them
    assert len(regels) == len(verwacht), uit.stderr
    for regel, melding in zip(regels, verwacht):
        assert regel == melding or melding.endswith("technisch: ") and regel.startswith(melding)


# ---- plain text and Markdown

def test_markdown_headings_bold_lines_and_list_items():
    tekst = ("# Besluit op uw aanvraag\n\n"
             "**Wat wij besluiten**\n\n"
             "Wij verlenen de vergunning voor een tijdelijke steiger aan de\n"
             "Havenkade in Lindewoud.\n\n"
             "- de steiger staat er hoogstens acht weken;\n"
             "- u houdt de stoep vrij voor voetgangers;\n"
             "* u meldt het einde van de werkzaamheden.\n"
             "1. eerst de steiger, dan de container\n\n"
             "## Hoe u bezwaar maakt ##\n"
             "Binnen zes weken na de dag van verzending.\n\n"
             "Waarom wij dit besluiten\n"
             "========================\n\n"
             "**Let op: de steiger moet op tijd weg, anders volgt een last onder dwangsom.**\n")
    assert uitkomst(lees_tekst(tekst)) == [
        ("alinea 1", "Besluit op uw aanvraag", True),
        ("alinea 2", "Wat wij besluiten", True),
        ("alinea 3", "Wij verlenen de vergunning voor een tijdelijke steiger aan de Havenkade in Lindewoud.", False),
        ("alinea 4", "- de steiger staat er hoogstens acht weken;", False),
        ("alinea 5", "- u houdt de stoep vrij voor voetgangers;", False),
        ("alinea 6", "* u meldt het einde van de werkzaamheden.", False),
        ("alinea 7", "1. eerst de steiger, dan de container", False),
        ("alinea 8", "Hoe u bezwaar maakt", True),
        ("alinea 9", "Binnen zes weken na de dag van verzending.", False),
        ("alinea 10", "Waarom wij dit besluiten", True),
        ("alinea 11", "Let op: de steiger moet op tijd weg, anders volgt een last onder dwangsom.", False),
    ]


def test_headings_in_capitals_and_numbered_headings_but_not_a_label_with_its_text():
    tekst = ("OVERWEGINGEN\n"
             "3. Overwegingen\n"
             "3.1 Toetsing\n"
             "II. Besluit\n"
             "BESLUIT:\n"
             "BESLUIT: het college weigert de ontheffing\n"
             "Betreft: uw verzoek om een ontheffing voor de markt\n"
             "Bijlage 1: situatietekening\n")
    assert uitkomst(lees_tekst(tekst)) == [
        ("alinea 1", "OVERWEGINGEN", True),
        ("alinea 2", "3. Overwegingen", True),
        ("alinea 3", "3.1 Toetsing", True),
        ("alinea 4", "II. Besluit", True),
        ("alinea 5", "BESLUIT:", True),
        ("alinea 6", "BESLUIT: het college weigert de ontheffing", False),
        ("alinea 7", "Betreft: uw verzoek om een ontheffing voor de markt", False),
        ("alinea 8", "Bijlage 1: situatietekening", True),
    ]


def test_a_text_without_headings_reads_into_its_paragraphs():
    tekst = ("Op 3 februari hebben wij uw melding ontvangen over de losliggende tegels voor uw\n"
             "woning aan de Beukenlaan. Een medewerker heeft de stoep de week daarna bekeken.\n"
             "De tegels worden in maart opnieuw gelegd.\r\n\r\n"
             "Hebt u nog vragen? Bel dan met het klantcontactcentrum van de gemeente.\n")
    assert uitkomst(lees_tekst(tekst)) == [
        ("alinea 1", "Op 3 februari hebben wij uw melding ontvangen over de losliggende tegels voor uw woning aan de "
                     "Beukenlaan. Een medewerker heeft de stoep de week daarna bekeken.", False),
        ("alinea 2", "De tegels worden in maart opnieuw gelegd.", False),
        ("alinea 3", "Hebt u nog vragen? Bel dan met het klantcontactcentrum van de gemeente.", False),
    ]


def test_one_long_lowercased_line_is_cut_into_sentences_not_after_abbreviations_or_numbering():
    zinnen = [
        "1. op 2 maart 2025 heeft de gemeente een aanvraag ontvangen voor het kappen van drie eiken aan de dorpsweg.",
        "2. de aanvraag is getoetst aan art. 4.11 van de bomenverordening en aan het bomenbeleidsplan.",
        "de bomen staan op de lijst van waardevolle bomen en zijn gezond, zoals o.a. blijkt uit het rapport van de "
        "boomdeskundige.",
        "3. het belang van de aanvrager bij een lichtere tuin weegt niet op tegen het belang van het behoud van de "
        "bomen.",
    ]
    tekst = " ".join(zinnen * 6)
    assert len(tekst) > 1500
    uit = teksten(lees_tekst(tekst))
    assert uit == zinnen * 6


def test_a_short_paragraph_is_not_cut():
    tekst = "het college besluit de vergunning te verlenen. de vergunning geldt tot 1 januari 2027."
    assert teksten(lees_tekst(tekst)) == [tekst]
