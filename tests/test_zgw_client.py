"""Contract tests of the ZGW client (zgw/client.py) and its settings (zgw/instellingen.py) against the test double,
which checks every request and response against the official specifications (the zgw_dubbel fixture fails on any
violation)."""

from __future__ import annotations

import base64
import re
import time

import pytest
from joserfc import jwt
from joserfc.jwk import OctKey

from generator.vullen.fouten import InvoerFout
from zgw.client import ZgwClient, ZgwFout
from zgw.instellingen import ZgwInstellingen, zgw_instellingen


def client(dubbel, slaap=None, **anders):
    wachten = []
    return ZgwClient(dubbel.instellingen(**anders), gebruiker=("lokaal:anna", "Anna de Vries"), wacht=0.01,
                     slaap=slaap or wachten.append), wachten


def document(iot: str, identificatie: str = "SJABL-1") -> dict:
    return {"bronorganisatie": "002220647", "identificatie": identificatie, "creatiedatum": "2026-12-06",
            "titel": "Besluit dakkapel", "auteur": "Gemeente Voorbeeld", "taal": "dut", "informatieobjecttype": iot,
            "formaat": "application/pdf", "bestandsnaam": "besluit.pdf", "vertrouwelijkheidaanduiding": "openbaar",
            "inhoud": base64.b64encode(b"%PDF-1.7 proef").decode()}


# ---- settings ----------------------------------------------------------------------------------------------------

def test_not_configured_is_none():
    assert zgw_instellingen() is None


def test_the_root_url_gets_the_four_standard_base_paths_and_a_per_api_url_wins(monkeypatch):
    monkeypatch.setenv("SJABLOON_ZGW_URL", "https://openzaak.gemeente.nl/")
    monkeypatch.setenv("SJABLOON_ZGW_DOCUMENTEN_URL", "https://drc.gemeente.nl/api/v1/")
    monkeypatch.setenv("SJABLOON_ZGW_CLIENT_ID", "sjabloonstraat")
    monkeypatch.setenv("SJABLOON_ZGW_SECRET", "geheim")
    monkeypatch.setenv("SJABLOON_ZGW_POGINGEN", "5")
    assert zgw_instellingen() == ZgwInstellingen(
        zaken_url="https://openzaak.gemeente.nl/zaken/api/v1", documenten_url="https://drc.gemeente.nl/api/v1",
        catalogi_url="https://openzaak.gemeente.nl/catalogi/api/v1",
        besluiten_url="https://openzaak.gemeente.nl/besluiten/api/v1", client_id="sjabloonstraat", secret="geheim",
        timeout=10.0, pogingen=5)


def test_a_half_configuration_names_what_is_missing(monkeypatch):
    monkeypatch.setenv("SJABLOON_ZGW_ZAKEN_URL", "https://zrc.gemeente.nl/api/v1")
    monkeypatch.setenv("SJABLOON_ZGW_TIMEOUT", "snel")
    with pytest.raises(InvoerFout) as fout:
        zgw_instellingen()
    tekst = str(fout.value)
    for variabele in ("SJABLOON_ZGW_DOCUMENTEN_URL", "SJABLOON_ZGW_CATALOGI_URL", "SJABLOON_ZGW_BESLUITEN_URL",
                      "SJABLOON_ZGW_CLIENT_ID", "SJABLOON_ZGW_SECRET"):
        assert f"{variabele} ontbreekt" in tekst
    assert "SJABLOON_ZGW_ZAKEN_URL ontbreekt" not in tekst
    assert "omgevingsvariabele SJABLOON_ZGW_TIMEOUT: 'snel' is geen geldige waarde" in tekst


def test_the_settings_file_has_a_zgw_table_and_the_environment_wins(tmp_path, monkeypatch):
    bestand = tmp_path / "instellingen.toml"
    bestand.write_text('uitvoer = "~/Besluiten"\n\n[zgw]\nurl = "https://openzaak.gemeente.nl"\n'
                       'client_id = "uit-bestand"\nsecret = "geheim"\ntimeout = 4\n', encoding="utf-8")
    monkeypatch.setenv("SJABLOON_INSTELLINGEN", str(bestand))
    monkeypatch.setenv("SJABLOON_ZGW_CLIENT_ID", "uit-omgeving")
    instellingen = zgw_instellingen()
    assert (instellingen.client_id, instellingen.secret, instellingen.timeout) == ("uit-omgeving", "geheim", 4.0)
    assert instellingen.catalogi_url == "https://openzaak.gemeente.nl/catalogi/api/v1"
    from generator.plaatsen import lees_instellingen
    assert "zgw" not in lees_instellingen() and lees_instellingen()["uitvoer"].endswith("Besluiten")

    bestand.write_text('[zgw]\nurl = "openzaak.gemeente.nl"\nclient_id = "x"\nsecret = "y"\n', encoding="utf-8")
    with pytest.raises(InvoerFout, match=rf"^{re.escape(str(bestand))}: \[zgw\] url: 'openzaak.gemeente.nl' is geen URL"):
        zgw_instellingen()
    bestand.write_text('[zgw]\nurl = "https://openzaak.gemeente.nl"\nclientid = "x"\n', encoding="utf-8")
    with pytest.raises(InvoerFout, match=r"\[zgw\] clientid: onbekende instelling"):
        zgw_instellingen()


# ---- the client against the double -------------------------------------------------------------------------------

def test_each_request_carries_the_zgw_jwt_and_the_crs_headers(zgw_dubbel):
    zaak = zgw_dubbel.voeg_zaak_toe()
    zgw, _ = client(zgw_dubbel)
    assert zgw.haal(zaak)["identificatie"] == "ZAAK-2026-0000001"
    zgw.lijst("catalogi", "informatieobjecttypen")
    zaken, catalogi = zgw_dubbel.verzoeken
    token = zaken["kopjes"]["Authorization"].removeprefix("Bearer ")
    claims = jwt.decode(token, OctKey.import_key(zgw_dubbel.secret.encode()), algorithms=["HS256"]).claims
    assert jwt.decode(token, OctKey.import_key(zgw_dubbel.secret.encode())).header["alg"] == "HS256"
    assert {k: claims[k] for k in ("iss", "client_id", "user_id", "user_representation")} == {
        "iss": zgw_dubbel.client_id, "client_id": zgw_dubbel.client_id, "user_id": "lokaal:anna",
        "user_representation": "Anna de Vries"}
    assert abs(claims["iat"] - time.time()) < 60
    assert zaken["kopjes"]["Accept-Crs"] == "EPSG:4326"
    assert "Accept-Crs" not in catalogi["kopjes"]


def test_a_wrong_secret_is_refused_with_a_dutch_error_naming_api_url_and_status(zgw_dubbel):
    zaak = zgw_dubbel.voeg_zaak_toe()
    zgw, wachten = client(zgw_dubbel, secret="niet-het-goede-geheim")
    with pytest.raises(ZgwFout) as fout:
        zgw.haal(zaak)
    assert (fout.value.api, fout.value.url, fout.value.status) == ("zaken", zaak, 403)
    assert str(fout.value).startswith(f"Zaken API: GET {zaak} gaf status 403 (Forbidden): Geen geldig JWT")
    assert str(fout.value).endswith("controleer SJABLOON_ZGW_CLIENT_ID en SJABLOON_ZGW_SECRET, en in het zaaksysteem "
                                    "de autorisaties van de applicatie (scopes per zaaktype, informatieobjecttype en "
                                    "besluittype)")
    assert wachten == []        # a 403 is not worth another try


def test_not_found_is_not_retried(zgw_dubbel):
    zgw, wachten = client(zgw_dubbel)
    url = zgw.url("zaken", "zaken/00000000-0000-4000-8000-000000000000")
    with pytest.raises(ZgwFout, match=r"^Zaken API: GET .* gaf status 404 \(Not Found\): Niet gevonden\.$"):
        zgw.haal(url)
    assert wachten == [] and len(zgw_dubbel.verzoeken) == 1


def test_a_collection_is_read_over_all_its_pages(zgw_dubbel):
    zgw_dubbel.paginagrootte = 2
    for nummer in range(5):
        zgw_dubbel.voeg_type_toe("informatieobjecttypen", f"Type {nummer}")
    zgw_dubbel.voeg_type_toe("informatieobjecttypen", "Nog concept", concept=True)
    zgw, _ = client(zgw_dubbel)
    assert [t["omschrijving"] for t in zgw.lijst("catalogi", "informatieobjecttypen")] == [
        f"Type {nummer}" for nummer in range(5)]
    assert [v["query"].get("page") for v in zgw_dubbel.verzoeken] == [None, "2", "3"]
    assert [t["omschrijving"] for t in zgw.lijst("catalogi", "informatieobjecttypen", {"omschrijving": "Type 3"})] == [
        "Type 3"]


def test_a_plain_list_answer_and_a_created_object(zgw_dubbel):
    zaak = zgw_dubbel.voeg_zaak_toe()
    iot = zgw_dubbel.voeg_type_toe("informatieobjecttypen", "Beschikking")
    zgw, _ = client(zgw_dubbel)
    eio = zgw.maak("documenten", "enkelvoudiginformatieobjecten", document(iot))
    assert zgw_dubbel.inhoud[eio["url"]] == b"%PDF-1.7 proef"
    zgw.maak("zaken", "/zaakinformatieobjecten", {"zaak": zaak, "informatieobject": eio["url"]})
    gekoppeld = zgw.lijst("zaken", "zaakinformatieobjecten", {"zaak": zaak})
    assert [z["informatieobject"] for z in gekoppeld] == [eio["url"]]
    assert zgw_dubbel.verzoeken[1]["kopjes"]["Content-Crs"] == "EPSG:4326"
    assert [d["identificatie"] for d in zgw.lijst("documenten", "enkelvoudiginformatieobjecten",
                                                   {"identificatie": "SJABL-1", "bronorganisatie": "002220647"})] == ["SJABL-1"]


def test_a_get_is_retried_with_exponential_backoff_on_5xx_and_429(zgw_dubbel):
    zaak = zgw_dubbel.voeg_zaak_toe()
    zgw, wachten = client(zgw_dubbel, pogingen=4)
    zgw_dubbel.storing(aantal=2, status=503)
    zgw_dubbel.storing(aantal=1, status=429)
    assert zgw.haal(zaak)["url"] == zaak
    assert wachten == [0.01, 0.02, 0.04] and len(zgw_dubbel.verzoeken) == 4


def test_after_the_last_try_the_error_says_how_many(zgw_dubbel):
    zaak = zgw_dubbel.voeg_zaak_toe()
    zgw, wachten = client(zgw_dubbel)
    zgw_dubbel.storing(aantal=3, status=502)
    with pytest.raises(ZgwFout, match=r"gaf status 502 \(Bad Gateway\): Storing \(testdubbel\)\. \(na 3 pogingen\)$"):
        zgw.haal(zaak)
    assert len(wachten) == 2


def test_a_post_is_retried_only_when_nothing_can_have_been_made(zgw_dubbel):
    iot = zgw_dubbel.voeg_type_toe("informatieobjecttypen", "Beschikking")
    zgw, _ = client(zgw_dubbel)
    zgw_dubbel.storing(aantal=1, status=503)        # the proxy did not reach the register: safe to repeat
    zgw.maak("documenten", "enkelvoudiginformatieobjecten", document(iot, "SJABL-1"))
    zgw_dubbel.storing(aantal=1, status=500)        # the register itself failed: it may have stored it
    with pytest.raises(ZgwFout) as fout:
        zgw.maak("documenten", "enkelvoudiginformatieobjecten", document(iot, "SJABL-2"))
    assert fout.value.status == 500 and "(na" not in str(fout.value)
    assert [d["identificatie"] for d in zgw_dubbel.aangemaakt("enkelvoudiginformatieobjecten")] == ["SJABL-1"]


def test_network_errors_name_the_api_and_url_and_a_retry_survives_an_outage(zgw_dubbel):
    zaak = zgw_dubbel.voeg_zaak_toe()
    zgw, wachten = client(zgw_dubbel)
    zgw_dubbel.uit()
    with pytest.raises(ZgwFout) as fout:
        zgw.haal(zaak)
    assert (fout.value.api, fout.value.status) == ("zaken", None)
    assert str(fout.value).startswith(f"Zaken API: GET {zaak} is niet bereikbaar (geen verbinding")
    assert str(fout.value).endswith("(na 3 pogingen)")

    terug, _ = client(zgw_dubbel, slaap=lambda _: zgw_dubbel.aan())     # back up while the client waits
    assert terug.haal(zaak)["url"] == zaak


def test_a_url_outside_the_configured_register_is_refused(zgw_dubbel):
    zgw, _ = client(zgw_dubbel)
    with pytest.raises(ZgwFout, match="hoort bij geen van de ingestelde ZGW API's"):
        zgw.haal("https://elders.example/zaken/api/v1/zaken/1")
    assert zgw_dubbel.verzoeken == []


def test_the_double_catches_a_request_that_breaks_the_spec(zgw_dubbel):
    """The double is the contract's judge: without this, a client sending nonsense would pass every test."""
    iot = zgw_dubbel.voeg_type_toe("informatieobjecttypen", "Beschikking")
    zgw, _ = client(zgw_dubbel)
    zonder_titel = {k: v for k, v in document(iot).items() if k != "titel"}
    with pytest.raises(ZgwFout) as fout:
        zgw.maak("documenten", "enkelvoudiginformatieobjecten", zonder_titel)
    assert fout.value.status == 400
    assert len(zgw_dubbel.schendingen) == 1 and "titel" in zgw_dubbel.schendingen[0]
    zgw_dubbel.schendingen.clear()
    with pytest.raises(ZgwFout, match="informatieobjecttype: de URL .* bestaat niet in dit register"):
        zgw.maak("documenten", "enkelvoudiginformatieobjecten", document(iot.replace("-", "0")))


def test_the_double_catches_a_response_that_breaks_the_spec(zgw_dubbel):
    """Also what the double sends is judged: a zaak with a date that is no date is a violation, not a pass."""
    zaak = zgw_dubbel.voeg_zaak_toe(startdatum="gisteren")
    zgw, _ = client(zgw_dubbel)
    zgw.haal(zaak)
    assert len(zgw_dubbel.schendingen) == 1 and "startdatum" in zgw_dubbel.schendingen[0]
    zgw_dubbel.schendingen.clear()


def test_a_timeout_is_retried_for_a_get_but_not_for_a_sent_post():
    """Through the `transport` hook: a register that never answers. A POST that went out may have been stored."""
    import httpx2
    verzoeken = []

    def traag(verzoek):
        verzoeken.append(verzoek.method)
        raise httpx2.ReadTimeout("te traag", request=verzoek)
    instellingen = ZgwInstellingen(*(f"https://oz.example/{api}/api/v1" for api in
                                     ("zaken", "documenten", "catalogi", "besluiten")), "sjabloonstraat", "geheim")
    wachten = []
    zgw = ZgwClient(instellingen, transport=httpx2.MockTransport(traag), wacht=0.5, slaap=wachten.append)
    with pytest.raises(ZgwFout, match=r"^Catalogi API: GET https://oz.example/catalogi/api/v1/besluittypen is niet "
                                      r"bereikbaar \(geen antwoord binnen de ingestelde tijd"):
        zgw.lijst("catalogi", "besluittypen")
    assert verzoeken == ["GET"] * 3 and wachten == [0.5, 1.0]
    with pytest.raises(ZgwFout) as fout:
        zgw.maak("besluiten", "besluiten", {})
    assert verzoeken[3:] == ["POST"] and fout.value.status is None


def test_a_next_link_with_the_registers_inner_name_is_fetched_from_the_configured_address(zgw_dubbel):
    """Behind a proxy a register may write http://intern:8000/... in `next`: same API path, so the client asks the
    configured address; the token never goes to the inner name."""
    zgw_dubbel.paginagrootte = 1
    zgw_dubbel.adres_in_links = "http://openzaak-intern.invalid:8000"
    for nummer in range(3):
        zgw_dubbel.voeg_type_toe("besluittypen", f"Besluit {nummer}")
    zgw, _ = client(zgw_dubbel)
    assert len(zgw.lijst("catalogi", "besluittypen")) == 3
    assert all(v["url"].startswith(zgw_dubbel.basis) for v in zgw_dubbel.verzoeken)


def test_a_url_on_another_host_name_says_what_to_configure(zgw_dubbel):
    zgw, _ = client(zgw_dubbel)
    elders = zgw_dubbel.url("zaken", "zaken/1").replace("127.0.0.1", "localhost")
    with pytest.raises(ZgwFout, match=r"het pad is dat van de Zaken API, maar op een ander adres: stel de URL van het "
                                      r"zaaksysteem in zoals het zaaksysteem die zelf noemt"):
        zgw.haal(elders)
    assert zgw_dubbel.verzoeken == []


def test_the_double_like_open_zaak_wants_accept_crs_when_reading_a_zaak(zgw_dubbel):
    """Without the header a real Open Zaak answers 412; the double does too, so a client that forgets it fails here."""
    import httpx2
    zaak = zgw_dubbel.voeg_zaak_toe()
    zgw, _ = client(zgw_dubbel)
    antwoord = httpx2.get(zaak, headers={"Authorization": f"Bearer {zgw._token()}"})
    assert antwoord.status_code == 412 and antwoord.json()["detail"] == "'Accept-Crs' header ontbreekt"
    assert zgw.haal(zaak)["url"] == zaak
