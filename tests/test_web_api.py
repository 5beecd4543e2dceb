"""The JSON API under /api/: the operations by hand, and every operation fuzzed by schemathesis against the
app's own OpenAPI document (no server error, status codes and bodies as documented)."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import zipfile

import pytest
import schemathesis
from aanmelden import meld_aan
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from kapot import kapot_sjabloon
from schemathesis.checks import positive_data_acceptance

from generator.vrijgave.register import Register
from generator.vrijgave.register.stempel import lees_stempel
from generator.vullen.bestanden import lees_gegevens
from generator.vullen.sjabloon import catalogus, laad
from toegang.sleutels import Sleutels
from web.api import GEEN_JSON
from web.apidocs import OPENAPI
from web.app import maak_app
from web.veiligheid import MAX_VERZOEK

APP = maak_app()
# The document straight from the app, not over HTTP: a request at import would start the app, and with it a
# register.sqlite in the folder the tests run from (no test's own register exists yet).
schema = schemathesis.openapi.from_dict(APP.openapi())
schema.app, schema.location = APP, OPENAPI


@pytest.fixture
def api():
    with TestClient(maak_app()) as c:
        meld_aan(c)                                  # an account with every role but beheerder
        yield c


@pytest.fixture
def sleutels(eigen_register):
    """Service keys in the test's register, as a zaaksysteem and a KCC system would have them (sjabloon sleutel maak)."""
    with Register(eigen_register) as register:
        return {rol: Sleutels(register).maak(f"systeem-{rol}", rol, door="test") for rol in ("zaakbehandelaar", "kcc")}


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_keeps_to_its_openapi_document(case, sleutels):
    """Every check but one: a request can fit the schema and still be refused for its content (bytes that are no
    DOCX, a case that misses required fields of the chosen template), which JSON Schema cannot express. Each call
    carries the service key of a role with the operation's right."""
    rol = "kcc" if case.path == "/api/b1" else "zaakbehandelaar"
    case.call_and_validate(headers={"Authorization": f"Bearer {sleutels[rol]}"},
                           excluded_checks=[positive_data_acceptance])


def test_openapi_document_names_the_four_operations(api):
    paden = api.get("/openapi.json").json()["paths"]
    assert {"/api/sjablonen", "/api/sjablonen/{sjabloon_id}", "/api/genereer", "/api/controleer", "/api/b1"} <= set(paden)
    assert not any(p.startswith(("/sjablonen", "/b1", "/werkgroep")) for p in paden)    # pages are not API


def test_sjablonen_lists_the_catalogue_with_fields(api):
    assert [s["id"] for s in api.get("/api/sjablonen").json()] == [s.id for s in catalogus()]
    detail = api.get("/api/sjablonen/last-onder-dwangsom").json()
    assert detail["velden"]["dwangsom_per"]["waarden"] == ["week", "dag", "overtreding"]


def test_a_template_with_a_broken_manifest_is_left_out_and_the_rest_stays_usable(api, sjablonen_kopie):
    """A werkgroep member's typo in one sjabloon.yaml: that template cannot make a letter, the others still can."""
    (kapot_sjabloon(sjablonen_kopie, "kapot-yaml") / "sjabloon.yaml").write_text("id: kapot-yaml\ntitel: [kapot\n",
                                                                                encoding="utf-8")
    lijst = api.get("/api/sjablonen")
    assert lijst.status_code == 200 and "kapot-yaml" not in {s["id"] for s in lijst.json()}
    assert "last-onder-dwangsom" in {s["id"] for s in lijst.json()}
    assert api.get("/api/sjablonen/kapot-yaml").status_code == 404
    assert api.get("/sjablonen").status_code == 200


def test_genereer_refuses_a_draft_template_without_concept_and_makes_a_registered_concept(api, eigen_register):
    zaak = lees_gegevens(laad("omgevingsvergunning-verleend").voorbeeld)
    verzoek = {"sjabloon": "omgevingsvergunning-verleend", "zaak": zaak, "dagtekening": "2026-11-23", "door": "api-test"}
    geweigerd = api.post("/api/genereer", json=verzoek)
    assert geweigerd.status_code == 409 and "niet vrijgegeven" in geweigerd.json()["detail"][0]
    # What an API client can do about it, not the command line's options
    assert '"concept": true' in geweigerd.json()["detail"][0] and "werkgroep" in geweigerd.json()["detail"][0]
    assert "--" not in geweigerd.json()["detail"][0]
    gemaakt = api.post("/api/genereer", json=verzoek | {"concept": True}).json()
    docx = base64.b64decode(gemaakt["docx_base64"])
    assert zaak["zaaknummer"] in zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode()
    assert gemaakt["concept"] and gemaakt["awb"]["besluittype"] == "omgevingsvergunning_verlening"
    with Register(eigen_register) as register:
        regel = register.regels(soort="document")[-1]
    assert regel.sha256 == gemaakt["sha256"] == hashlib.sha256(docx).hexdigest()
    assert lees_stempel(docx) == (regel.id, regel.vorige_hash)          # the register's mark, as registered


def test_genereer_gives_every_case_problem_with_its_field(api):
    antwoord = api.post("/api/genereer", json={"sjabloon": "last-onder-dwangsom", "concept": True,
                                               "zaak": {"zaaknummer": "Z-1", "dwangsom_per": "maand"}})
    assert antwoord.status_code == 422
    problemen = antwoord.json()["detail"]
    assert "overtreder: verplicht veld ontbreekt" in problemen
    assert any(p.startswith("dwangsom_per: ") for p in problemen)


def test_genereer_with_a_fout_needs_forceer_reden(api):
    zaak = lees_gegevens(laad("last-onder-dwangsom").voorbeeld) | {"belangenafweging": "Zie hierboven."}
    verzoek = {"sjabloon": "last-onder-dwangsom", "concept": True, "zaak": zaak, "dagtekening": "2026-11-23"}
    geweigerd = api.post("/api/genereer", json=verzoek)
    assert geweigerd.status_code == 409 and "awb:belangenafweging" in geweigerd.json()["detail"]["fouten"]
    assert api.post("/api/genereer", json=verzoek | {"forceer_reden": "overleg jurist"}).status_code == 200


def test_controleer_and_b1_read_text_and_files(api):
    besluit = laad("last-onder-dwangsom")
    import datetime as dt

    from generator.vullen.context import activeer_gemeente, maak_context
    from generator.vullen.render import vul_docx
    from generator.vullen.zaak import laad_zaak
    context, _ = maak_context(besluit, laad_zaak(besluit.voorbeeld, besluit), dt.date(2026, 11, 23), activeer_gemeente())
    docx = base64.b64encode(vul_docx(besluit.docx, context, besluit.id)).decode()
    awb = api.post("/api/controleer", json={"bestandsnaam": "last.docx", "inhoud_base64": docx}).json()
    assert awb["besluittype"] == "last_onder_dwangsom" and awb["vrijgave"] is True
    kaal = api.post("/api/controleer", json={"tekst": "Wij besluiten uw aanvraag af te wijzen.", "besluittype": "omgevingsvergunning_weigering"}).json()
    assert kaal["vrijgave"] is False and any(b["regel"] == "rechtsmiddelenclausule" for b in kaal["bevindingen"])
    b1 = api.post("/api/b1", json={"tekst": "Wij hebben uw brief gekregen. U hoort binnen twee weken van ons."}).json()
    assert b1["b1"] is True and len(b1["zinnen"]) == 2


def test_api_input_errors_are_dutch_and_422(api):
    for verzoek, verwacht in (({"tekst": "a", "inhoud_base64": "YQ=="}, "precies één"),
                              ({"bestandsnaam": "a.docx", "inhoud_base64": "%%%"}, "geen geldige base64"),
                              ({"bestandsnaam": "a.exe", "inhoud_base64": "YQ=="}, "kies .docx"),
                              ({"bestandsnaam": "a.docx", "inhoud_base64": "YQ=="}, "geen geldig DOCX")):
        antwoord = api.post("/api/b1", json=verzoek)
        assert antwoord.status_code == 422 and verwacht in str(antwoord.json()["detail"]), verzoek
    onbekend = api.post("/api/controleer", json={"tekst": "x", "besluittype": "bestaat_niet"})
    assert onbekend.status_code == 422 and "besluittype" in onbekend.json()["detail"][0]


def test_api_errors_of_the_framework_are_dutch_json(api):
    onbekend = api.get("/api/bestaat-niet")
    assert onbekend.status_code == 404 and onbekend.json() == {"detail": "Dit adres bestaat niet in de API. De adressen staan op /docs."}
    methode = api.delete("/api/sjablonen")
    assert methode.status_code == 405 and methode.json() == {"detail": "DELETE kan niet op dit adres; wel: GET."}
    assert api.get("/api/sjablonen/bestaat-niet").json()["detail"] == "Sjabloon 'bestaat-niet' bestaat niet in de catalogus."


def test_api_validation_errors_are_dutch(api):
    leeg = api.post("/api/genereer", json={})
    assert leeg.status_code == 422 and leeg.json()["detail"] == ["sjabloon: verplicht veld ontbreekt",
                                                                 "zaak: verplicht veld ontbreekt"]
    fout = api.post("/api/genereer", json={"sjabloon": 5, "zaak": [], "dagtekening": "gisteren", "concept": "misschien"})
    assert fout.json()["detail"] == ["sjabloon: moet een tekst zijn", "zaak: moet een object zijn ({...})",
                                     "dagtekening: moet een datum zijn (JJJJ-MM-DD)", "concept: moet true of false zijn"]
    te_lang = api.post("/api/b1", json={"tekst": "x" * 200_001})
    assert te_lang.json()["detail"] == ["tekst: is te lang: hoogstens 200000 tekens"]
    keuze = api.post("/api/controleer", json={"tekst": "x", "besluittype": "bestaat_niet"}).json()["detail"][0]
    assert keuze.startswith("besluittype: moet een van deze waarden zijn: 'belastingaanslag', ") and " or " not in keuze


@pytest.mark.parametrize("inhoud", [b"{kapot", b'{"tekst": "\xff"}', b"[" * 5000 + b"]" * 5000],
                         ids=["geen-json", "geen-utf8", "te-diep"])
@pytest.mark.parametrize("pad", ["/api/genereer", "/api/controleer", "/api/b1"])
def test_a_body_that_is_no_json_is_400_with_one_sentence_as_documented(api, pad, inhoud):
    antwoord = api.post(pad, content=inhoud, headers={"content-type": "application/json"})
    assert antwoord.status_code == 400 and antwoord.json() == {"detail": GEEN_JSON}
    beschreven = api.get("/openapi.json").json()["paths"][pad]["post"]["responses"]
    assert beschreven["400"]["description"] == GEEN_JSON


@pytest.mark.parametrize("met_lengte", [True, False], ids=["content-length", "chunked"])
def test_a_body_over_20_mb_is_413_in_json_also_without_content_length(api, met_lengte):
    inhoud = json.dumps({"tekst": "x" * MAX_VERZOEK}).encode()         # valid JSON, just too large

    def in_stukken():
        for begin in range(0, len(inhoud), 1024 * 1024):
            yield inhoud[begin:begin + 1024 * 1024]

    antwoord = api.post("/api/controleer", content=inhoud if met_lengte else in_stukken(),
                        headers={"content-type": "application/json"})
    assert ("content-length" in antwoord.request.headers) == met_lengte
    assert antwoord.status_code == 413 and antwoord.headers["content-type"] == "application/json"
    assert antwoord.json() == {"detail": "Het bestand is te groot: de grens is 20 MB per keer."}
    assert antwoord.headers["x-content-type-options"] == "nosniff"
    assert "413" in api.get("/openapi.json").json()["paths"]["/api/genereer"]["post"]["responses"]


# What FastAPI writes in an OpenAPI document of its own accord, and English that once came from a docstring.
ENGELS = re.compile(r"Successful Response|Validation Error|Unprocessable Entity|\b(?:the|with|and|one|which|"
                    r"element|reason|response|error)\b", re.IGNORECASE)


def _teksten(knoop, waar=""):
    """Every text a reader of /docs sees, with where it is: descriptions, summaries, titles (not names or paths)."""
    if isinstance(knoop, dict):
        for sleutel, waarde in knoop.items():
            if sleutel in ("description", "summary", "title") and isinstance(waarde, str):
                yield f"{waar}/{sleutel}", waarde
            else:
                yield from _teksten(waarde, f"{waar}/{sleutel}")
    elif isinstance(knoop, list):
        for i, waarde in enumerate(knoop):
            yield from _teksten(waarde, f"{waar}/{i}")


def test_the_openapi_document_has_no_english_of_the_framework(api):
    document = api.get("/openapi.json").json()
    teksten = dict(_teksten(document))
    assert len(teksten) > 100                                       # the walk reaches the whole document
    assert [(waar, tekst) for waar, tekst in teksten.items() if ENGELS.search(tekst)] == []
    assert all(antwoord["description"] == "Gelukt" for pad in document["paths"].values()
               for bewerking in pad.values() for code, antwoord in bewerking["responses"].items() if code == "200")
    # The API answers no 422 to GET /api/sjablonen/{id} (an unknown id is 404), and none in FastAPI's own shape
    assert "422" not in document["paths"]["/api/sjablonen/{sjabloon_id}"]["get"]["responses"]
    assert not {"HTTPValidationError", "ValidationError"} & set(document["components"]["schemas"])
    assert document["components"]["schemas"]["Onderdeel"]["description"].startswith("Eén onderdeel")
