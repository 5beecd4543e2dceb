"""Hostile files (tests/vijandig.py: a zip bomb, many entries, deep XML, billion laughs, many XML elements, many PDF
pages, a PDF that is slow to read, a large text) are refused by every interface that reads a user's document: the
command line (`controleer`, `b1` with files and with a ZIP), the web (the API and the KCC page, also a ZIP of
letters) and bulk (an Excel file). Each refusal names the file and the limit: exit 2, or 413 (size) / 422 (other).
The command line runs as a child with its address space capped (RLIMIT_AS), so a reader that unpacked a bomb would
die instead of passing; the timeouts are generous and only stop a hang."""

from __future__ import annotations

import base64
import io
import os
import resource
import subprocess
import zipfile

import pytest
import vijandig
from aanmelden import meld_aan
from conftest import SJABLOON
from fastapi.testclient import TestClient

from checks.document import DocumentFout, lees_document
from checks.document.grenzen import STANDAARD, GrensFout, Leesgrenzen, actieve_grenzen, gebruik_grenzen

GEHEUGEN = 2 * 1024 ** 3            # the child's whole address space, the B1 model included; the bomb needs 6 GB
TIJD = 300                          # seconds: only a hang reaches this
LAAG = Leesgrenzen(bestand_mb=1, xml_elementen=5000, seconden=2)       # as vijandig.OMGEVING sets them


@pytest.fixture(autouse=True)
def standaardgrenzen(monkeypatch):
    """Limits are per process: a test that sets them (maak_app, the CLI in-process) leaves the defaults behind."""
    for variabele in [v for v in os.environ if v.startswith("SJABLOON_DOCUMENT_")]:
        monkeypatch.delenv(variabele)
    yield
    gebruik_grenzen(STANDAARD)


def _cli(*argumenten, env=None):
    def beperk():
        resource.setrlimit(resource.RLIMIT_AS, (GEHEUGEN, GEHEUGEN))
    return subprocess.run(SJABLOON + [str(a) for a in argumenten], capture_output=True, text=True, timeout=TIJD,
                          preexec_fn=beperk, env={**os.environ, **vijandig.OMGEVING, **(env or {})})


def _genoemd(uitvoer: str, naam: str) -> bool:
    """A line that names the file and its limit (the setting, or for the rule without one: the DTD)."""
    _, grens, _ = vijandig.BESTANDEN[naam.rsplit("/", 1)[-1]]
    teken = "DTD" if grens == "entiteiten" else f"(instelling {grens})"
    return any(naam in regel and teken in regel for regel in uitvoer.splitlines())


@pytest.mark.parametrize("naam", vijandig.BESTANDEN)
def test_the_reader_refuses_each_hostile_file_with_its_limit(naam):
    _, grens, te_groot = vijandig.BESTANDEN[naam]
    with pytest.raises(GrensFout) as fout:
        lees_document(naam, vijandig.inhoud(naam), LAAG)
    assert fout.value.grens == grens and fout.value.te_groot == te_groot and str(fout.value).startswith(f"{naam}: ")


@pytest.mark.parametrize("niveaus, te_diep", [(150, False), (203, True), (255, True)])
def test_nesting_is_refused_over_its_limit_also_below_libxml2_s_own(niveaus, te_diep):
    """libxml2 stops at 256 by itself; between the setting (200) and that the reader's own check must see it."""
    paren = (niveaus - 5) // 2                     # document, body, p, r, t around the content controls
    xml = (f'<w:document {vijandig.W}><w:body>'.encode() + b"<w:sdt><w:sdtContent>" * paren
           + b"<w:p><w:r><w:t>diep</w:t></w:r></w:p>" + b"</w:sdtContent></w:sdt>" * paren + b"</w:body></w:document>")
    if te_diep:
        with pytest.raises(GrensFout, match=r"te diep geneste XML; .* 200 niveaus \(instelling xml_diepte\)"):
            lees_document("diep.docx", vijandig._docx(xml))
    else:
        assert lees_document("diep.docx", vijandig._docx(xml)).tekst == "diep"


@pytest.mark.parametrize("niveaus, te_diep", [(10, False), (11, True)])
def test_a_small_part_is_checked_for_nesting_too_when_it_is_not_utf8(niveaus, te_diep):
    """A part of few elements cannot nest deeper than that many levels, so the reader need not walk it; but only
    when it counted the elements in UTF-8. In UTF-16 (big-endian) '<' before a name that starts with U+2F00 is
    the bytes of '</': these parts seem to hold fewer elements than their levels, and the deeper one is refused."""
    xml = ("\ufeff" + "<\u2f00>" * (niveaus - 1) + "<\u2f00/>" + "</\u2f00>" * (niveaus - 1)).encode("utf-16-be")
    assert xml.count(b"<") - xml.count(b"</") < niveaus
    grenzen = Leesgrenzen(xml_diepte=10)
    if te_diep:
        with pytest.raises(GrensFout, match=r"te diep geneste XML; .* 10 niveaus \(instelling xml_diepte\)"):
            lees_document("diep.docx", vijandig._docx(xml), grenzen)
    else:
        with pytest.raises(DocumentFout, match="geen w:body"):       # read through: it is no Word document
            lees_document("diep.docx", vijandig._docx(xml), grenzen)


def _met_koptekst(body: bytes, koptekst: bytes) -> bytes:
    """A letter whose header part is `koptekst` (no section properties: every header part is read)."""
    rels = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            b'2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            b'2006/relationships/header" Target="header1.xml"/></Relationships>')
    return vijandig._docx(f'<w:document {vijandig.W}><w:body>'.encode() + body + b"</w:body></w:document>",
                          {"word/_rels/document.xml.rels": rels, "word/header1.xml": koptekst})


def test_a_header_read_before_is_still_within_the_limits_of_the_next_letter():
    """Letters of one template share their header, so the reader keeps what it read of it; the next letter still
    counts its elements (here what tips it over the lowered 5,000) and still has it nested within its own limit."""
    runs = b"".join(b"<w:r><w:t>%d </w:t></w:r>" % n for n in range(1000))
    koptekst = f'<?xml version="1.0" encoding="UTF-8"?><w:hdr {vijandig.W}><w:p>'.encode() + runs + b"</w:p></w:hdr>"
    brief = _met_koptekst(b"<w:p><w:r><w:t>Geachte heer,</w:t></w:r></w:p>", koptekst)
    for _ in range(2):
        assert [(a.positie, a.tekst[:6]) for a in lees_document("brief.docx", brief, LAAG).alineas] == [
            ("koptekst", "0 1 2 "), ("alinea 1", "Geacht")]
    lang = _met_koptekst(b"<w:p>" + runs * 2 + b"</w:p>", koptekst)      # 4,000 + 2,000 elements
    with pytest.raises(GrensFout, match="te veel XML-elementen"):
        lees_document("lang.docx", lang, LAAG)
    assert len(lees_document("lang.docx", lang).alineas) == 2
    diep = f'<?xml version="1.0" encoding="UTF-8"?><w:hdr {vijandig.W}>'.encode() + b"<w:sdt><w:sdtContent>" * 6 + (
        b"<w:p><w:r><w:t>diep</w:t></w:r></w:p>" + b"</w:sdtContent></w:sdt>" * 6 + b"</w:hdr>")
    brief = _met_koptekst(b"<w:p><w:r><w:t>Geachte heer,</w:t></w:r></w:p>", diep)
    assert lees_document("brief.docx", brief).alineas[0].tekst == "diep"
    with pytest.raises(GrensFout, match="te diep geneste XML"):
        lees_document("brief.docx", brief, Leesgrenzen(xml_diepte=12))


def test_a_styles_part_read_before_still_counts_and_is_nested_within_the_limit_of_the_next_letter():
    """The styles part (the same in every letter of a template, and large) is read once per distinct part: the next
    letter still counts its elements towards its own limit, and a lower nesting limit still reads it anew."""
    stijlen = (f'<?xml version="1.0" encoding="UTF-8"?><w:styles {vijandig.W}>'.encode()
               + b"".join(b'<w:style w:type="paragraph" w:styleId="S%d"><w:name w:val="s%d"/></w:style>' % (n, n)
                          for n in range(1000)) + b"</w:styles>")            # 2,001 elements
    runs = b"".join(b"<w:r><w:t>%d </w:t></w:r>" % n for n in range(800))

    def brief(body: bytes) -> bytes:
        return vijandig._docx(f'<w:document {vijandig.W}><w:body>'.encode() + body + b"</w:body></w:document>",
                              {"word/styles.xml": stijlen})

    kort = brief(b"<w:p><w:r><w:t>Geachte heer,</w:t></w:r></w:p>")
    for _ in range(2):
        assert [a.tekst for a in lees_document("brief.docx", kort, LAAG).alineas] == ["Geachte heer,"]
    lang = brief(b"<w:p>" + runs * 2 + b"</w:p>")                       # 3,201 + 2,001 elements and the rest
    assert len(lees_document("lang.docx", lang).alineas) == 1           # the styles are remembered now
    with pytest.raises(GrensFout, match="te veel XML-elementen"):
        lees_document("lang.docx", lang, LAAG)
    diep = stijlen.replace(b"<w:name", b"<w:rPr>" * 8 + b"</w:rPr>" * 8 + b"<w:name", 1)
    diep_brief = vijandig._docx(f'<w:document {vijandig.W}><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body>'
                                f'</w:document>'.encode(), {"word/styles.xml": diep})
    assert lees_document("diep.docx", diep_brief).alineas[0].tekst == "x"
    with pytest.raises(GrensFout, match="te diep geneste XML"):
        lees_document("diep.docx", diep_brief, Leesgrenzen(xml_diepte=6))


def test_the_same_limits_let_ordinary_letters_through(tmp_path):
    """The lowered limits are not so low that they refuse anything: a normal letter of each kind passes."""
    brief = lees_document("brief.docx", vijandig._docx(vijandig._alinea("Wij hebben uw brief ontvangen.")), LAAG)
    assert brief.tekst == "Wij hebben uw brief ontvangen."
    pdf = lees_document("brief.pdf", vijandig.veel_paginas(3), LAAG)
    assert pdf.tekst.count("Dit is een pagina.") >= 1


def test_controleer_on_the_command_line_refuses_every_hostile_file(tmp_path):
    paden = vijandig.schrijf(tmp_path / "brieven")
    uit = _cli("controleer", *paden)
    assert uit.returncode == 2, uit.stderr
    for pad in paden:
        assert _genoemd(uit.stderr, str(pad)), (pad.name, uit.stderr)
    assert "Traceback" not in uit.stderr


def test_an_endless_file_is_read_no_further_than_the_limit():
    uit = _cli("controleer", "/dev/zero")
    assert uit.returncode == 2 and "/dev/zero: te groot; de grens voor de grootte van het bestand is 1 MB" in uit.stderr


def test_b1_on_the_command_line_refuses_every_hostile_file_and_each_letter_in_a_zip(tmp_path):
    paden = vijandig.schrijf(tmp_path / "brieven")
    map_ = tmp_path / "map.zip"
    with zipfile.ZipFile(map_, "w") as archief:            # stored: each letter meets its own limits
        for pad in paden:
            archief.write(pad, f"post/{pad.name}")
    uit = _cli("b1", *paden, map_)
    assert uit.returncode == 2, uit.stderr
    for pad in paden:
        assert _genoemd(uit.stderr, str(pad)), (pad.name, uit.stderr)
        assert _genoemd(uit.stderr, f"{map_}/post/{pad.name}"), (pad.name, uit.stderr)
    assert "Traceback" not in uit.stderr


def test_a_zip_of_letters_over_its_own_limits_stops_b1_before_any_output(tmp_path):
    map_ = tmp_path / "map.zip"
    with zipfile.ZipFile(map_, "w") as archief:
        for n in range(12):
            archief.writestr(f"brief-{n}.txt", "Wij hebben uw brief ontvangen.")
    uit = _cli("b1", map_, env={"SJABLOON_DOCUMENT_ZIP_BRIEVEN": "10"})
    assert uit.returncode == 2 and uit.stdout == ""
    assert f"{map_}: te veel bestanden in het archief (12)" in uit.stderr and "(instelling zip_brieven)" in uit.stderr


@pytest.fixture
def web(monkeypatch):
    from web.app import maak_app
    for variabele, waarde in vijandig.OMGEVING.items():
        monkeypatch.setenv(variabele, waarde)
    with TestClient(maak_app()) as client:
        meld_aan(client, "fatima")
        yield client


@pytest.mark.parametrize("pad", ["/api/b1", "/api/controleer"])
def test_the_api_answers_413_for_size_and_422_for_every_other_limit(web, pad):
    for naam, (_, grens, te_groot) in vijandig.BESTANDEN.items():
        antwoord = web.post(pad, json={"bestandsnaam": naam,
                                       "inhoud_base64": base64.b64encode(vijandig.inhoud(naam)).decode()})
        assert antwoord.status_code == (413 if te_groot else 422), (naam, antwoord.text)
        assert _genoemd(str(antwoord.json()), naam), (naam, antwoord.text)


def test_the_kcc_page_refuses_each_file_and_names_each_bad_letter_in_a_zip(web):
    from web.veiligheid import CSRF_COOKIE
    csrf = web.cookies.get(CSRF_COOKIE)
    for naam, (_, _, te_groot) in vijandig.BESTANDEN.items():
        antwoord = web.post("/b1", data={"csrf": csrf}, files={"bestand": (naam, vijandig.inhoud(naam))})
        assert antwoord.status_code == (413 if te_groot else 422), naam
        assert _genoemd(antwoord.text.replace("&#39;", "'"), naam), naam
    archief = io.BytesIO()
    with zipfile.ZipFile(archief, "w") as z:
        z.writestr("post/goed.txt", "Wij hebben uw brief ontvangen.")
        for naam in vijandig.BESTANDEN:
            z.writestr(f"post/{naam}", vijandig.inhoud(naam))
    antwoord = web.post("/b1", data={"csrf": csrf}, files={"bestand": ("map.zip", archief.getvalue())},
                        follow_redirects=False)
    assert antwoord.status_code == 303
    pagina = web.get(antwoord.headers["location"]).text.replace("&#39;", "'")
    for naam in vijandig.BESTANDEN:
        assert _genoemd(pagina, f"post/{naam}"), naam
    assert "post/goed.txt" in pagina
    bom = io.BytesIO()
    with zipfile.ZipFile(bom, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("post/nullen.txt", b"\0" * (300 * 1024 * 1024))
    antwoord = web.post("/b1", data={"csrf": csrf}, files={"bestand": ("bom.zip", bom.getvalue())})
    assert antwoord.status_code == 413 and "bom.zip: uitgepakt te groot (300 MB)" in antwoord.text
    assert "(instelling web_zip_uitgepakt_mb)" in antwoord.text


def test_the_web_reads_within_the_configured_limits_not_the_defaults(web):
    assert actieve_grenzen() == Leesgrenzen(bestand_mb=1, xml_elementen=5000, seconden=2)


def test_bulk_refuses_an_excel_file_that_is_a_zip_bomb(tmp_path):
    bom = tmp_path / "rijen.xlsx"
    with zipfile.ZipFile(bom, "w", zipfile.ZIP_DEFLATED) as archief:
        archief.writestr("xl/worksheets/sheet1.xml", b"\0" * (300 * 1024 * 1024))
    uit = _cli("bulk", "herinnering-afloop-vergunning", "--data", bom, "--uit", tmp_path / "uit", "--concept",
               env={"SJABLOON_DOCUMENT_ZIP_UITGEPAKT_MB": "100"})
    assert uit.returncode == 2, uit.stderr
    assert f"{bom}: uitgepakt te groot (300 MB)" in uit.stderr and "(instelling zip_uitgepakt_mb)" in uit.stderr
    assert not (tmp_path / "uit").exists()


def test_limits_come_from_the_settings_file_and_the_environment_wins(tmp_path):
    instellingen = tmp_path / "instellingen.toml"
    instellingen.write_text("[documenten]\npdf_paginas = 2\n", encoding="utf-8")
    pdf = tmp_path / "drie.pdf"
    pdf.write_bytes(vijandig.veel_paginas(3))
    uit = _cli("controleer", pdf, env={"SJABLOON_INSTELLINGEN": str(instellingen)})
    assert uit.returncode == 2 and f"{pdf}: te veel pagina's (3)" in uit.stderr
    assert "(instelling pdf_paginas)" in uit.stderr
    uit = _cli("controleer", pdf, env={"SJABLOON_INSTELLINGEN": str(instellingen),
                                       "SJABLOON_DOCUMENT_PDF_PAGINAS": "5"})
    assert "te veel pagina's" not in uit.stderr and uit.returncode in (0, 1)


def test_a_wrong_limit_stops_the_command_and_names_where_it_stands(tmp_path):
    instellingen = tmp_path / "instellingen.toml"
    instellingen.write_text("[documenten]\nseconden = \"lang\"\nbladzijden = 3\n", encoding="utf-8")
    uit = _cli("controleer", tmp_path / "x.txt", env={"SJABLOON_INSTELLINGEN": str(instellingen),
                                                      "SJABLOON_DOCUMENT_SECONDEN": ""})     # empty: not set
    assert uit.returncode == 2
    assert f"{instellingen}: [documenten] seconden: 'lang' is geen geldige grens" in uit.stderr
    assert f"{instellingen}: [documenten] bladzijden: onbekende instelling" in uit.stderr
    uit = _cli("b1", tmp_path / "x.txt", env={"SJABLOON_DOCUMENT_XML_DIEPTE": "-1"})
    assert uit.returncode == 2
    assert "omgevingsvariabele SJABLOON_DOCUMENT_XML_DIEPTE: '-1' is geen geldige grens" in uit.stderr
