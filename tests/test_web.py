"""The web app through its HTTP interface (FastAPI's TestClient): the caseworker form and its validation, the
release gate, the KCC upload, and what keeps it safe (CSRF, sizes, ZIP bombs, escaping, ids, headers, logs).
The same flows in a real browser are in test_web_browser.py."""

from __future__ import annotations

import io
import logging
import re
import zipfile
from pathlib import Path

import pytest
import yaml
from aanmelden import meld_aan
from docx import Document
from fastapi.testclient import TestClient
from kapot import BRON, afgebroken_docx, kapot_sjabloon

from generator.vrijgave.register import Register
from generator.vullen.sjabloon import catalogus, laad
from web.app import maak_app
from web.formulier import bouw, zaak_uit_formulier
from web.veiligheid import CSRF_COOKIE, MAX_VERZOEK

BEZWAAR = "omgevingsvergunning-verleend"


@pytest.fixture
def client():
    with TestClient(maak_app()) as c:
        meld_aan(c, "fatima", volledige_naam="Fatima Zaakbehandelaar")      # every role but beheerder
        yield c


def _csrf(client) -> str:
    return client.cookies.get(CSRF_COOKIE)


def _voorbeeld_formulier(client, sjabloon_id: str) -> dict:
    """The form as the browser would post it after 'begin met de voorbeeldzaak'."""
    pagina = client.get(f"/sjablonen/{sjabloon_id}/maken?voorbeeld=1").text
    data = {m.group(1): _ontsnapt(m.group(2)) for m in re.finditer(r'<input[^>]*?name="([^"]+)"[^>]*?value="([^"]*)"', pagina)}
    data |= {m.group(1): _ontsnapt(m.group(2)) for m in re.finditer(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', pagina, re.S)}
    for naam, blok in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', pagina, re.S):
        if gekozen := re.search(r'<option value="([^"]*)" selected', blok):
            data[naam] = gekozen.group(1)
    return data | {"csrf": _csrf(client)}


def _ontsnapt(tekst: str) -> str:
    import html
    return html.unescape(tekst)


def test_form_has_a_labelled_input_for_every_declared_field_with_the_right_type(client):
    pagina = client.get("/sjablonen/last-onder-dwangsom/maken").text
    assert '<html lang="nl">' in pagina
    for pad in ("zaaknummer", "overtreder.naam", "overtreder.postcode", "overtredingen[1].voorschrift",
                "dwangsom_bedrag", "controledatum", "dwangsom_per"):
        veld_id = "veld-" + re.sub(r"[^a-z0-9]+", "-", pad.lower()).strip("-")
        assert f'<label for="{veld_id}">' in pagina, pad
        assert f'id="{veld_id}" name="{pad}"' in pagina, pad
    assert re.search(r'<input type="date"[^>]*id="veld-controledatum"', pagina)
    assert re.search(r'<select id="veld-dwangsom-per"[^>]*>\s*<option value="">Kies…</option>\s*<option value="week"', pagina)
    assert re.search(r'<textarea rows="4" id="veld-belangenafweging"', pagina)   # long text gets a text box


def test_empty_form_gives_every_problem_inline_next_to_its_field(client):
    antwoord = client.post("/sjablonen/last-onder-dwangsom/maken", data={"csrf": _csrf(client)})
    assert antwoord.status_code == 422
    pagina = antwoord.text
    assert 'id="foutoverzicht"' in pagina and '<a href="#veld-zaaknummer">Zaaknummer: verplicht veld ontbreekt</a>' in pagina
    assert re.search(r'id="veld-zaaknummer-fout"><span class="verborgen">Fout:</span> verplicht veld ontbreekt', pagina)
    assert 'aria-describedby="veld-zaaknummer-uitleg veld-zaaknummer-fout"' in pagina and 'aria-invalid="true"' in pagina


def test_a_wrong_postcode_is_reported_at_that_field_and_the_entered_values_stay(client):
    data = _voorbeeld_formulier(client, "last-onder-dwangsom") | {"overtreder.postcode": "12345"}
    pagina = client.post("/sjablonen/last-onder-dwangsom/maken", data=data).text
    assert re.search(r'id="veld-overtreder-postcode-fout">.*?heeft niet de juiste vorm', pagina)
    assert 'value="12345"' in pagina and f'value="{data["zaaknummer"]}"' in pagina


def test_add_one_more_list_item_without_checking(client):
    data = _voorbeeld_formulier(client, "last-onder-dwangsom")
    aantal = len(yaml.safe_load(laad("last-onder-dwangsom").voorbeeld.read_text())["overtredingen"])
    pagina = client.post("/sjablonen/last-onder-dwangsom/maken", data=data | {"actie": "toevoegen:overtredingen"}).text
    assert f'name="overtredingen[{aantal + 1}].voorschrift"' in pagina
    assert "foutoverzicht" not in pagina


def test_form_fields_become_the_nested_case():
    zaak = zaak_uit_formulier({"csrf": "x", "actie": "", "zaaknummer": "Z-1", "overtreder.naam": "A",
                               "overtredingen[2].voorschrift": "art. 2", "overtredingen[1].voorschrift": "art. 1",
                               "kadastraal": "  "})
    assert zaak == {"zaaknummer": "Z-1", "overtreder": {"naam": "A"},
                    "overtredingen": [{"voorschrift": "art. 1"}, {"voorschrift": "art. 2"}]}
    velden = laad("last-onder-dwangsom").velden
    lijst = next(o for o in bouw(velden, zaak, {}) if o.pad == "overtredingen")
    assert [i.pad for i in lijst.items] == ["overtredingen[1]", "overtredingen[2]"]


def test_preview_release_and_download_are_registered_with_the_override_reason(client, eigen_register):
    antwoord = client.post(f"/sjablonen/{BEZWAAR}/maken", data=_voorbeeld_formulier(client, BEZWAAR), follow_redirects=False)
    assert antwoord.status_code == 303
    voorvertoning = antwoord.headers["location"]
    pagina = client.get(voorvertoning).text
    zaaknummer = yaml.safe_load(laad(BEZWAAR).voorbeeld.read_text())["zaaknummer"]
    assert "<h2 id=\"kop-controle\">Controle</h2>" in pagina and zaaknummer in pagina
    for anker in re.findall(r'<a href="#(plek-[a-z0-9-]+)">', pagina):      # every finding links to a passage
        assert f'id="{anker}"' in pagina
    assert "U geeft vrij als <strong>Fatima Zaakbehandelaar</strong>" in pagina and 'name="door"' not in pagina
    gemaakt = client.post(f"{voorvertoning}/vrijgeven", data={"csrf": _csrf(client), "door": "Iemand Anders",
                                                              "reden": "spoed, jurist akkoord"}, follow_redirects=False)
    assert gemaakt.status_code == 303
    docx = client.get(gemaakt.headers["location"] + "/docx")
    assert docx.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert zaaknummer in zipfile.ZipFile(io.BytesIO(docx.content)).read("word/document.xml").decode()
    with Register(eigen_register) as register:
        regel = register.regels(soort="document")[-1]
    assert regel.door == "Fatima Zaakbehandelaar" and regel.zaaknummer == zaaknummer and regel.gegevens["concept"]
    assert regel.gegevens["identiteit"] == {"subject": "lokaal:fatima", "naam": "Fatima Zaakbehandelaar",
                                            "bron": "lokaal", "rollen": ["communicatie", "jurist", "kcc",
                                                                         "zaakbehandelaar"]}
    import hashlib
    assert regel.sha256 == hashlib.sha256(docx.content).hexdigest()


def test_a_fout_blocks_release_until_a_reason_is_given(client, eigen_register):
    """A besluit without belangenafweging: the Awb check finds a fout (art. 3:4), the page says so."""
    data = _voorbeeld_formulier(client, "last-onder-dwangsom") | {"belangenafweging": "Zie hierboven."}
    voorvertoning = client.post("/sjablonen/last-onder-dwangsom/maken", data=data, follow_redirects=False).headers["location"]
    pagina = client.get(voorvertoning).text
    assert "Niet klaar om te verzenden" in pagina and "Belangenafweging ontbreekt" in pagina
    geweigerd = client.post(f"{voorvertoning}/vrijgeven", data={"csrf": _csrf(client)})
    assert geweigerd.status_code == 422 and "leg vast waarom het document toch weg mag" in geweigerd.text
    with Register(eigen_register) as register:
        assert register.regels(soort="document") == []
    client.post(f"{voorvertoning}/vrijgeven", data={"csrf": _csrf(client), "reden": "overleg jurist"})
    with Register(eigen_register) as register:
        assert register.regels(soort="document")[-1].gegevens["forceer_reden"] == "overleg jurist"


def test_the_preview_shows_a_broken_procedure_and_blocks_release(client, eigen_register):
    """The example verdaging, but the term was verdaagd before: art. 16.64 Ow allows it once."""
    data = _voorbeeld_formulier(client, "verdaging-beslistermijn")
    assert data["dagtekening"] == "2026-11-16"                  # the example's own dagtekening
    voorvertoning = client.post("/sjablonen/verdaging-beslistermijn/maken", data=data | {"eerder_verdaagd": "ja"},
                                follow_redirects=False).headers["location"]
    pagina = client.get(voorvertoning).text
    assert "Niet klaar om te verzenden" in pagina
    procedure = re.search(r'<ul class="bevindingen" id="procedure-bevindingen">(.*?)</ul>', pagina, re.S).group(1)
    assert "eerder_verdaagd is &#39;ja&#39;" in procedure and "artikel 16.64, tweede lid, Omgevingswet" in procedure
    geweigerd = client.post(f"{voorvertoning}/vrijgeven", data={"csrf": _csrf(client)})
    assert geweigerd.status_code == 422
    with Register(eigen_register) as register:
        assert register.regels(soort="document") == []
    goed = client.get(client.post("/sjablonen/verdaging-beslistermijn/maken", data=data,
                                  follow_redirects=False).headers["location"]).text
    assert "De datums, bedragen en namen in de zaak passen bij de procedure." in goed


def test_a_case_file_upload_with_bad_yaml_names_the_file_and_line(client):
    antwoord = client.post(f"/sjablonen/{BEZWAAR}/maken", data={"csrf": _csrf(client)},
                           files={"zaakbestand": ("zaak.yaml", b"zaaknummer: Z-1\n  fout: [", "application/x-yaml")})
    assert antwoord.status_code == 422 and re.search(r"zaak\.yaml: regel \d+: ongeldige YAML", antwoord.text)


def test_kcc_text_report_marks_sentences_and_gives_a_docx_with_comments(client):
    tekst = ("Hierbij delen wij u mede dat uw aanvraag ten aanzien van de omgevingsvergunning conform de geldende "
             "regelgeving door ons in behandeling is genomen.\n\nU krijgt binnen acht weken een besluit.")
    rapport = client.get(client.post("/b1", data={"csrf": _csrf(client), "tekst": tekst}, follow_redirects=False)
                         .headers["location"])
    assert rapport.status_code == 200 and "<mark id=\"zin-1\">" in rapport.text and "U krijgt binnen acht weken" in rapport.text
    opmerkingen = client.get(str(rapport.url) + "/opmerkingen.docx")
    assert b"<w:comment " in zipfile.ZipFile(io.BytesIO(opmerkingen.content)).read("word/comments.xml")


def _docx(*alineas: str) -> bytes:
    word = Document()
    for alinea in alineas:
        word.add_paragraph(alinea)
    uit = io.BytesIO()
    word.save(uit)
    return uit.getvalue()


def test_kcc_zip_of_letters_gives_one_row_per_letter_and_an_error_row_for_a_broken_one(client):
    archief = io.BytesIO()
    with zipfile.ZipFile(archief, "w") as z:
        z.writestr("brieven/a.docx", _docx("Wij hebben uw brief gekregen.", "U hoort binnen twee weken van ons."))
        z.writestr("brieven/b.txt", "Ten aanzien van uw verzoek delen wij u mede dat dit wordt afgewezen.")
        z.writestr("brieven/kapot.docx", b"geen docx")
        z.writestr("brieven/foto.jpg", b"\xff\xd8")
    pagina = client.get(client.post("/b1", data={"csrf": _csrf(client)}, files={"bestand": ("map.zip", archief.getvalue())},
                                     follow_redirects=False).headers["location"]).text
    rijen = re.findall(r"<tr><td>(?:<a href=\"/b1/[^\"]+\">)?([^<]+)", pagina)
    assert rijen == ["brieven/a.docx", "brieven/b.txt", "brieven/kapot.docx"]
    assert "brieven/kapot.docx: geen geldig DOCX-bestand" in pagina


def test_csrf_token_is_required_on_every_form(client):
    for pad in ("/b1", f"/sjablonen/{BEZWAAR}/maken", "/werkgroep/ontvangstbevestiging-melding/vrijgeven"):
        assert client.post(pad, data={"tekst": "x"}).status_code == 403
        assert client.post(pad, data={"tekst": "x", "csrf": "geraden"}).status_code == 403


def test_security_headers_and_cookie(client):
    antwoord = client.get("/sjablonen")
    assert "script-src 'self'" in antwoord.headers["content-security-policy"]
    assert antwoord.headers["x-content-type-options"] == "nosniff" and antwoord.headers["x-frame-options"] == "DENY"
    with TestClient(maak_app()) as nieuw:
        cookie = nieuw.get("/aanmelden").headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie


def test_template_ids_cannot_leave_the_catalogue(client):
    for id_ in ("..%2F..%2Fetc", "../content", "LAST-ONDER-DWANGSOM", "bestaat-niet"):
        assert client.get(f"/sjablonen/{id_}/maken").status_code == 404
        assert client.get(f"/api/sjablonen/{id_}").status_code == 404


def test_case_data_is_escaped_in_every_page(client):
    data = _voorbeeld_formulier(client, BEZWAAR) | {"zaaknummer": "<script>alert(1)</script>"}
    pagina = client.post(f"/sjablonen/{BEZWAAR}/maken", data=data).text
    assert "<script>alert(1)</script>" not in pagina and "&lt;script&gt;alert(1)&lt;/script&gt;" in pagina
    rapport = client.post("/b1", data={"csrf": _csrf(client), "tekst": "<img src=x onerror=alert(1)> is een zin."})
    assert "<img src=x" not in rapport.text and "&lt;img src=x" in rapport.text


def test_too_large_upload_is_refused_with_413(client):
    antwoord = client.post("/b1", data={"csrf": _csrf(client)},
                           files={"bestand": ("groot.txt", b"a" * (MAX_VERZOEK + 1))})
    assert antwoord.status_code == 413 and "te groot" in antwoord.text


def test_too_large_upload_without_content_length_is_refused_with_413_too(client):
    """Sent in chunks (Transfer-Encoding: chunked), the size shows only while the body is read."""
    grens = "grens-0123456789"
    inhoud = (f'--{grens}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n{_csrf(client)}\r\n'
              f'--{grens}\r\nContent-Disposition: form-data; name="bestand"; filename="groot.txt"\r\n'
              f'Content-Type: text/plain\r\n\r\n').encode() + b"a" * (MAX_VERZOEK + 1) + f"\r\n--{grens}--\r\n".encode()
    stukken = (inhoud[begin:begin + 1024 * 1024] for begin in range(0, len(inhoud), 1024 * 1024))
    antwoord = client.post("/b1", content=stukken, headers={"content-type": f"multipart/form-data; boundary={grens}"})
    assert "content-length" not in antwoord.request.headers
    assert antwoord.status_code == 413 and antwoord.headers["content-type"].startswith("text/plain")
    assert antwoord.text == "Het bestand is te groot: de grens is 20 MB per keer."


def test_zip_bomb_is_refused_before_unpacking(client):
    archief = io.BytesIO()
    with zipfile.ZipFile(archief, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"\0" * (200 * 1024 * 1024))       # 200 MB of zeros packs to ~200 kB
    assert len(archief.getvalue()) < 1024 * 1024
    antwoord = client.post("/b1", data={"csrf": _csrf(client)}, files={"bestand": ("bom.docx", archief.getvalue())})
    assert antwoord.status_code == 413 and "bom.docx: uitgepakt te groot" in antwoord.text
    api = client.post("/api/b1", json={"bestandsnaam": "bom.docx",
                                       "inhoud_base64": __import__("base64").b64encode(archief.getvalue()).decode()})
    assert api.status_code == 413 and "uitgepakt te groot" in api.text


def test_xml_entities_in_an_uploaded_docx_are_not_expanded(client):
    """An XXE attempt: an external entity pointing at a local file must not end up in the report."""
    docx = io.BytesIO(_docx("Gewone zin."))
    xxe = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           '<w:p><w:r><w:t>Lees &x; hier.</w:t></w:r></w:p></w:body></w:document>')
    uit = io.BytesIO()
    with zipfile.ZipFile(docx) as bron, zipfile.ZipFile(uit, "w") as doel:
        for item in bron.infolist():
            doel.writestr(item, xxe if item.filename == "word/document.xml" else bron.read(item))
    antwoord = client.post("/b1", data={"csrf": _csrf(client)}, files={"bestand": ("xxe.docx", uit.getvalue())})
    assert "root:" not in antwoord.text
    if antwoord.status_code == 200:
        assert "root:" not in client.get(str(antwoord.url)).text


def test_no_personal_data_in_the_log(client, caplog):
    bsn, naam = "123456782", "Jansen-Geheim"
    data = _voorbeeld_formulier(client, BEZWAAR) | {"aanvrager.naam": naam, "zaaknummer": f"BSN {bsn}"}
    with caplog.at_level(logging.DEBUG):
        client.post(f"/sjablonen/{BEZWAAR}/maken", data=data)
        client.get(f"/sjablonen?zoek={bsn}")
        client.post("/b1", data={"csrf": _csrf(client), "tekst": f"Uw BSN is {bsn}, {naam}."})
        client.post("/api/b1", json={"tekst": f"Uw BSN is {bsn}."})
    server = "\n".join(r.getMessage() for r in caplog.records if not r.name.startswith("httpx"))   # not the test client
    assert "POST /b1 303" in server                            # the app does log its requests
    assert bsn not in server and naam not in server


def test_released_template_via_werkgroep_needs_two_different_reviewers(client, sjablonen_kopie, eigen_register):
    """Fatima holds both roles: she gives one half, never both; Bram, logged in on his own, gives the other."""
    pad = "/werkgroep/ontvangstbevestiging-melding/vrijgeven"
    eerste = client.post(pad, data={"csrf": _csrf(client), "soort": "juridisch"}, follow_redirects=False)
    assert eerste.status_code == 303 and eerste.headers["location"].endswith("?goedgekeurd=juridisch")
    assert "Juridisch goedgekeurd door Fatima Zaakbehandelaar" in client.get(eerste.headers["location"]).text
    zelfde = client.post(pad, data={"csrf": _csrf(client), "soort": "communicatief"})
    assert zelfde.status_code == 422 and "vier-ogenprincipe" in zelfde.text
    assert not laad("ontvangstbevestiging-melding").vrijgegeven
    client.cookies.clear()
    meld_aan(client, "bram", rollen=["communicatie"], volledige_naam="Bram Jansen")
    gelukt = client.post(pad, data={"csrf": _csrf(client), "soort": "communicatief"}, follow_redirects=False)
    assert gelukt.status_code == 303 and gelukt.headers["location"].endswith("?vrijgegeven=1")    # first release
    pagina = client.get(gelukt.headers["location"]).text
    assert "Vrijgegeven: dit sjabloon heeft nu versie 1" in pagina and "<td>Bram Jansen</td>" in pagina
    assert "<td>Fatima Zaakbehandelaar</td>" in pagina
    assert laad("ontvangstbevestiging-melding").vrijgegeven


def test_expired_or_unknown_preview_is_a_dutch_404(client):
    antwoord = client.get("/ontwerpen/onbekend")
    assert antwoord.status_code == 404 and "verlopen" in antwoord.text and '<html lang="nl">' in antwoord.text


def test_kcc_pdf_letter_gets_a_report_and_a_docx_with_its_comments(client):
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate
    pdf = io.BytesIO()
    stijl = getSampleStyleSheet()["BodyText"]
    SimpleDocTemplate(pdf).build([Paragraph("Geachte heer Jansen,", stijl), Paragraph(
        "Hierbij delen wij u mede dat uw aanvraag ten aanzien van de omgevingsvergunning conform de geldende "
        "regelgeving door ons in behandeling is genomen.", stijl)])
    rapport = client.get(client.post("/b1", data={"csrf": _csrf(client)}, files={"bestand": ("brief.pdf", pdf.getvalue())},
                                     follow_redirects=False).headers["location"])
    assert "B1-rapport: brief.pdf" in rapport.text and "<mark" in rapport.text
    docx = zipfile.ZipFile(io.BytesIO(client.get(str(rapport.url) + "/opmerkingen.docx").content))
    assert "Hierbij delen wij u mede" in docx.read("word/document.xml").decode()
    assert b"<w:comment " in docx.read("word/comments.xml")


def test_inventory_lints_each_example_once_while_the_templates_stay_the_same(client, monkeypatch):
    from web import werkgroep
    gelint = []
    echte = werkgroep.lint
    monkeypatch.setattr(werkgroep, "lint", lambda naam, *a, **k: gelint.append(naam) or echte(naam, *a, **k))
    assert client.get("/werkgroep").status_code == 200
    assert client.get("/werkgroep").status_code == 200
    assert sorted(gelint) == sorted(s.id for s in catalogus())


def test_unknown_page_and_wrong_method_are_dutch_pages_in_the_app_style(client):
    onbekend = client.get("/bestaat-niet")
    assert onbekend.status_code == 404 and '<html lang="nl">' in onbekend.text and "Not Found" not in onbekend.text
    assert "<h1>Niet gevonden</h1>" in onbekend.text and "Deze pagina bestaat niet" in onbekend.text
    assert 'href="/statisch/stijl.css"' in onbekend.text                   # the app's own page, not a bare text
    methode = client.put("/sjablonen")
    assert methode.status_code == 405 and methode.headers["allow"] == "GET"
    assert "<h1>Dit kan hier niet</h1>" in methode.text and "Method Not Allowed" not in methode.text
    ongeldig = client.get("/sjablonen/buiten-behandeling/maken?voorbeeld=misschien")
    assert ongeldig.status_code == 422 and "voorbeeld: moet true of false zijn" in ongeldig.text


def test_an_unexpected_error_is_a_dutch_page_and_stays_in_the_log(caplog):
    app = maak_app()

    @app.get("/kapot")
    def kapot():
        raise RuntimeError("een fout in de code")
    with TestClient(app, raise_server_exceptions=False) as client, caplog.at_level(logging.ERROR):
        meld_aan(client)
        antwoord = client.get("/kapot")
    assert antwoord.status_code == 500 and "<h1>Er ging iets mis</h1>" in antwoord.text
    assert "Internal Server Error" not in antwoord.text and antwoord.headers["x-frame-options"] == "DENY"
    assert "een fout in de code" in caplog.text


def test_catalogue_counts_sjablonen_in_dutch(client):
    assert "18 sjablonen." in client.get("/sjablonen").text
    assert "1 sjabloon gevonden" in client.get("/sjablonen?zoek=factuur").text


def test_form_shows_each_field_description_whole(client):
    pagina = client.get("/sjablonen/evenementenvergunning/maken").text
    assert "De organisator aan wie de vergunning wordt verleend (persoon, stichting of bedrijf)" in pagina
    assert "Beoordeling van milieu en geluid (geluidsnormen, afval, schade aan groen)" in pagina


def test_api_docs_load_only_this_site_s_own_files_under_the_strict_policy(client):
    """/docs is blank when it loads Swagger UI from a CDN (the policy blocks it; many desktops have no internet)
    or starts it with an inline script (blocked too): every file comes from this site and none is inline."""
    pagina = client.get("/docs")
    assert pagina.status_code == 200 and '<html lang="nl">' in pagina.text
    beleid = pagina.headers["content-security-policy"]
    assert "script-src 'self';" in beleid and "style-src 'self';" in beleid and "unsafe" not in beleid
    assert "http" not in beleid and "cdn" not in pagina.text.lower()
    scripts = re.findall(r"<script([^>]*)>", pagina.text)
    assert len(scripts) == 2 and all(' src="' in s for s in scripts)            # nothing inline
    bronnen = re.findall(r'(?:src|href)="([^"]*)"', pagina.text)
    assert bronnen and all(b.startswith("/") and not b.startswith("//") for b in bronnen), bronnen
    soorten = {".js": "javascript", ".css": "text/css", ".json": "application/json"}
    for bron in bronnen:
        antwoord = client.get(bron)
        assert antwoord.status_code == 200, bron
        assert soorten[Path(bron).suffix] in antwoord.headers["content-type"], bron
    bundel = next(b for b in bronnen if b.endswith("swagger-ui-bundle.js"))
    assert len(client.get(bundel).content) > 500_000                              # Swagger UI itself, not a stub
    assert "/openapi.json" in pagina.text and client.get("/openapi.json").json()["paths"]


def test_fastapi_s_own_docs_pages_from_a_cdn_are_off(client):
    antwoord = client.get("/redoc")
    assert antwoord.status_code == 404 and "cdn" not in antwoord.text.lower()


def test_a_template_whose_lint_fails_keeps_its_page_with_the_findings_and_no_preview(client, sjablonen_kopie):
    """Its page shows the lint's findings and why there is no preview; a release says the lint found fouten; an
    uploaded Word file with a broken tag leaves a page where the next file can be uploaded."""
    kapot_sjabloon(sjablonen_kopie, "kapot-veld", "{{ behandelaar }}", "{{ gemeente.telefoonnummer }}")
    pagina = client.get("/werkgroep/kapot-veld")
    assert pagina.status_code == 200 and "Lint: NIET in orde" in pagina.text
    assert 'id="geen-voorbeeld"' in pagina.text and "Word-bestand vervangen" in pagina.text
    pad = "/werkgroep/kapot-veld/vrijgeven"
    assert client.post(pad, data={"csrf": _csrf(client), "soort": "juridisch"}, follow_redirects=False).status_code == 303
    client.cookies.clear()
    meld_aan(client, "bram", rollen=["communicatie", "jurist"], volledige_naam="Bram Jansen")
    vrij = client.post(pad, data={"csrf": _csrf(client), "soort": "communicatief"})
    assert vrij.status_code == 422 and "De lint vond 1 fout(en); herstel die eerst" in vrij.text
    assert not laad("kapot-veld").vrijgegeven
    kapot_sjabloon(sjablonen_kopie, "kapot-endif", "{%p endfor %}", "{%p endif %}")
    nieuw = (sjablonen_kopie / "kapot-endif/sjabloon.docx").read_bytes()
    vervangen = client.post(f"/werkgroep/{BRON}/docx", data={"csrf": _csrf(client)},
                            files={"bestand": ("nieuw.docx", nieuw)}, follow_redirects=True)
    assert vervangen.status_code == 200 and "Lint: NIET in orde" in vervangen.text
    assert "sluit {%p for stap in vervolg %}" in vervangen.text and 'id="geen-voorbeeld"' in vervangen.text
    assert 'action="/werkgroep/ontvangstbevestiging-melding/docx"' in vervangen.text


def test_the_inventory_shows_an_unreadable_template_and_the_others(client, sjablonen_kopie):
    afgebroken_docx(sjablonen_kopie, "kapot-zip")
    pagina = client.get("/werkgroep")
    assert pagina.status_code == 200 and "geen geldig Word-bestand" in pagina.text
    assert '<a href="/werkgroep/factuur-leges">' in pagina.text
    kapot = client.get("/werkgroep/kapot-zip")
    assert kapot.status_code == 200 and "Lint: NIET in orde" in kapot.text and "geen geldig Word-bestand" in kapot.text
