"""Reading a zaak from the Zaken API into a template's fields, against the ZGW test double (every request and answer
checked against the official spec): zgw.zaak_lezen, `sjabloon genereer --zaak-url` and the form's 'Haal de zaak op'.
The mapping itself on plain dicts: tests/test_zgw_koppeling.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from aanmelden import meld_aan
from conftest import REPO, docx_tekst, sjabloon_cli
from fastapi.testclient import TestClient

from generator.vullen.fouten import InvoerFout
from generator.vullen.sjabloon import laad
from web.app import maak_app
from web.veiligheid import CSRF_COOKIE
from zgw.client import ZgwClient, ZgwFout
from zgw.veldkoppeling import BRON, laad_koppeling
from zgw.zaak_lezen import lees_zaak

BRIEF = "ontvangstbevestiging-aanvraag"
BESLUIT = "omgevingsvergunning-verleend"
BEHANDELAAR = {"betrokkeneType": "medewerker", "omschrijvingGeneriek": "behandelaar", "omschrijving": "Behandelaar",
               "roltoelichting": "Behandelaar van de aanvraag",
               "betrokkeneIdentificatie": {"identificatie": "sdboer", "achternaam": "Boer", "voorletters": "S.",
                                           "voorvoegselAchternaam": "de"}}
ADRES = {"objectType": "adres", "objectIdentificatie": {
    "identificatie": "0344200000654321", "wplWoonplaatsNaam": "Utrecht", "gorOpenbareRuimteNaam": "Oudegracht",
    "huisnummer": 12, "huisletter": "a", "huisnummertoevoeging": "bis", "postcode": "3511 AB"}}
PERCEEL = {"objectType": "kadastrale_onroerende_zaak", "objectIdentificatie": {
    "kadastraleIdentificatie": "UTR00A1234G0000", "kadastraleAanduiding": "Utrecht, sectie A, nummer 1234"}}


def _zaak(dubbel, **anders) -> str:
    return dubbel.voeg_zaak_toe("ZAAK-2026-0000042", omschrijving="een dakkapel aan de voorkant van uw woning",
                                startdatum="2026-11-16", **{"rollen": [BEHANDELAAR], "zaakobjecten": [PERCEEL, ADRES],
                                                            "eigenschappen": {"Verzoeknummer": "3318725",
                                                                              "Leges": "412,50"}} | anders)


def test_the_brief_is_filled_from_the_zaak_in_the_register(zgw_dubbel):
    url = _zaak(zgw_dubbel)
    with ZgwClient(zgw_dubbel.instellingen(), gebruiker=("lokaal:fatima", "Fatima")) as client:
        gegevens, bronnen = lees_zaak(client, url, laad(BRIEF))
    assert gegevens == {
        "zaaknummer": "ZAAK-2026-0000042", "ontvangstdatum": "2026-11-16", "verzoeknummer": "3318725",
        "project": "een dakkapel aan de voorkant van uw woning", "behandelaar": "S. de Boer",
        "aanvrager": {"naam": "mevrouw A. de Vries", "straat": "Oudegracht", "huisnummer": "12",
                      "postcode": "3511 AB", "plaats": "Utrecht"},
        "locatie": {"straat": "Oudegracht", "huisnummer": "12a-bis", "postcode": "3511 AB", "plaats": "Utrecht"}}
    assert bronnen["aanvrager.plaats"] == "rol initiator, betrokkeneIdentificatie.verblijfsadres.wplWoonplaatsNaam"
    gelezen = [(v["methode"], v["url"].split("/api/v1/")[1]) for v in zgw_dubbel.verzoeken]
    zaak_uuid = url.rsplit("/", 1)[1]
    assert [m for m, _ in gelezen] == ["GET"] * 4
    assert [pad.split("?")[0] for _, pad in gelezen] == [
        f"zaken/{zaak_uuid}", "rollen", "zaakobjecten", f"zaken/{zaak_uuid}/zaakeigenschappen"]
    assert all(v["claims"]["user_id"] == "lokaal:fatima" for v in zgw_dubbel.verzoeken)


def test_only_what_the_mapping_uses_is_fetched_and_every_page_is_read(zgw_dubbel, sjablonen_kopie):
    (sjablonen_kopie / BRIEF / "zgw-velden.yaml").write_text(
        "velden:\n  zaaknummer: zaak.identificatie\n"
        "  behandelaar: rol[behandelaar].betrokkeneIdentificatie.achternaam\n", encoding="utf-8")
    zgw_dubbel.paginagrootte = 2
    andere = [{**BEHANDELAAR, "omschrijvingGeneriek": "adviseur", "omschrijving": f"Adviseur {i}"} for i in range(4)]
    url = _zaak(zgw_dubbel, rollen=andere + [BEHANDELAAR])             # the behandelaar is on the third page
    with ZgwClient(zgw_dubbel.instellingen()) as client:
        gegevens, _ = lees_zaak(client, url, laad(BRIEF))
    assert gegevens == {"zaaknummer": "ZAAK-2026-0000042", "behandelaar": "Boer"}
    paden = [v["url"].split("/api/v1/")[1].split("?")[0] for v in zgw_dubbel.verzoeken]
    assert paden == [f"zaken/{url.rsplit('/', 1)[1]}", "rollen", "rollen", "rollen"]


def test_a_link_that_is_no_zaak_of_the_zaken_api_is_refused_before_any_call(zgw_dubbel):
    with ZgwClient(zgw_dubbel.instellingen()) as client:
        uuid = "6b3d6c1e-0000-4000-8000-000000000001"
        for verkeerd in (f"https://elders.example.nl/zaken/api/v1/zaken/{uuid}", zgw_dubbel.url("zaken", f"rollen/{uuid}"),
                         zgw_dubbel.url("documenten", f"enkelvoudiginformatieobjecten/{uuid}"), "",
                         zgw_dubbel.url("zaken", "zaken/.."), zgw_dubbel.url("zaken", f"zaken/{uuid}/rollen"),
                         zgw_dubbel.url("zaken", f"zaken/{uuid}?expand=rollen")):
            with pytest.raises(InvoerFout, match=f"zaak-url: '{re.escape(verkeerd)}' is geen zaak in de Zaken API"):
                lees_zaak(client, verkeerd, laad(BRIEF))
    assert zgw_dubbel.verzoeken == []


def test_a_zaak_that_does_not_exist_names_api_url_and_status(zgw_dubbel):
    url = zgw_dubbel.url("zaken", "zaken/6b3d6c1e-0000-4000-8000-000000000009")
    with ZgwClient(zgw_dubbel.instellingen()) as client, pytest.raises(ZgwFout) as fout:
        lees_zaak(client, url, laad(BRIEF))
    assert (fout.value.api, fout.value.status) == ("zaken", 404)
    assert f"Zaken API: GET {url} gaf status 404" in str(fout.value)


def test_every_source_in_the_mappings_is_an_attribute_of_the_zaken_api():
    """A typing error in a mapping (aoaPostcod) would leave a field empty without a word: check the names against
    the spec the register serves."""
    spec = yaml.safe_load((REPO / "tests" / "data" / "zgw" / "zaken-openapi.yaml").read_text(encoding="utf-8"))
    wortels = {"zaak": ["Zaak"], "rol": ["Rol"], "zaakobject": ["ZaakObject"]}
    mappings = sorted((REPO / "templates").glob("*/zgw-velden.yaml"))
    assert {m.parent.name for m in mappings} >= {BRIEF, BESLUIT}
    for pad in mappings:
        sjabloon = laad(pad.parent.name)
        for regel in laad_koppeling(sjabloon.map, sjabloon.velden):
            for deel in regel.delen:
                if deel.bron is None or deel.bron.soort == "eigenschap":
                    continue
                schemas = [spec["components"]["schemas"][n] for n in wortels[deel.bron.soort]]
                for stap in deel.bron.pad:
                    schemas = [k for s in schemas for k in _kenmerken(spec, s).get(stap, [])]
                    assert schemas, f"{pad.parent.name}: {regel.veld}: {deel.bron} is geen kenmerk in de Zaken API"
    assert BRON.fullmatch("rol[initiator].betrokkeneIdentificatie.verblijfsadres.aoaPostcode")


def _kenmerken(spec: dict, schema: dict) -> dict[str, list[dict]]:
    """The properties of a schema through $ref, allOf and oneOf (a Rol is one of five kinds of betrokkene)."""
    if "$ref" in schema:
        return _kenmerken(spec, spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]])
    kenmerken: dict[str, list[dict]] = {naam: [s] for naam, s in (schema.get("properties") or {}).items()}
    for deel in (schema.get("allOf") or []) + (schema.get("oneOf") or []):
        for naam, lijst in _kenmerken(spec, deel).items():
            kenmerken.setdefault(naam, []).extend(lijst)
    return kenmerken


# ---- sjabloon genereer --zaak-url -----------------------------------------------------------------------------------

def test_genereer_with_only_the_zaak_url_makes_the_brief(zgw_dubbel, tmp_path):
    url = _zaak(zgw_dubbel)
    uit = subprocess_genereer(BRIEF, "--zaak-url", url, "--uit", tmp_path / "uit", "--concept", "--door", "fatima",
                              "--niet-opslaan")
    assert uit.returncode == 0, uit.stderr
    tekst = docx_tekst(Path(uit.stdout.strip()))
    assert "mevrouw A. de Vries" in tekst and "Oudegracht 12" in tekst and "ZAAK-2026-0000042" in tekst
    assert Path(uit.stdout.strip()).name == "ZAAK-2026-0000042_ontvangstbevestiging-aanvraag.docx"
    assert {v["claims"]["user_id"] for v in zgw_dubbel.verzoeken} == {"lokaal:fatima"}


def test_genereer_the_file_fills_what_the_zaak_lacks_and_wins_where_both_give_a_value(zgw_dubbel, tmp_path):
    url = _zaak(zgw_dubbel, rollen=[])                                  # no behandelaar in the zaak
    bestand = tmp_path / "aanvulling.yaml"
    bestand.write_text("behandelaar: Sanne de Boer\naanvrager:\n  naam: mevrouw A. de Vries-Jansen\n", encoding="utf-8")
    uit = subprocess_genereer(BRIEF, "--zaak-url", url, "--zaak", bestand, "--uit", tmp_path / "uit", "--concept",
                              "--niet-opslaan")
    assert uit.returncode == 0, uit.stderr
    tekst = docx_tekst(Path(uit.stdout.strip()))
    assert "Sanne de Boer" in tekst and "mevrouw A. de Vries-Jansen" in tekst and "Oudegracht 12" in tekst


def test_genereer_names_the_zgw_source_of_a_wrong_value_and_what_is_missing(zgw_dubbel, tmp_path):
    initiator = {"betrokkeneIdentificatie": {"verblijfsadres": {"aoaPostcode": "3511"}}}
    url = _zaak(zgw_dubbel, rollen=[], initiator=initiator)
    uit = subprocess_genereer(BRIEF, "--zaak-url", url, "--uit", tmp_path / "uit", "--concept")
    assert uit.returncode == 2
    assert ("zaak-url: veld aanvrager.postcode (uit rol initiator, betrokkeneIdentificatie.verblijfsadres.aoaPostcode): "
            "'3511' heeft niet de juiste vorm") in uit.stderr
    assert "zaak-url: behandelaar: verplicht veld ontbreekt (het zaaksysteem geeft dit veld niet; geef het in een " \
           "zaakbestand met --zaak)" in uit.stderr
    assert not (tmp_path / "uit").exists() or not any((tmp_path / "uit").iterdir())


def test_genereer_when_the_register_is_down_says_so_in_dutch(zgw_dubbel, tmp_path):
    url = _zaak(zgw_dubbel)
    zgw_dubbel.uit()
    uit = subprocess_genereer(BRIEF, "--zaak-url", url, "--uit", tmp_path / "uit", "--concept",
                              env={"SJABLOON_ZGW_POGINGEN": "1"})
    assert uit.returncode == 2
    assert f"Zaken API: GET {url}" in uit.stderr and "Traceback" not in uit.stderr


def test_genereer_needs_a_zaak_file_or_a_zaak_url(tmp_path):
    uit = sjabloon_cli("genereer", BRIEF, "--uit", tmp_path)
    assert uit.returncode == 2
    assert "fout: geef de zaak: --zaak BESTAND (een zaakbestand), --zaak-url URL (de zaak in het zaaksysteem) of " \
           "beide." in uit.stderr


def test_genereer_with_a_zaak_url_and_no_zaaksysteem_configured_says_how_to_configure_one(tmp_path):
    uit = sjabloon_cli("genereer", BRIEF, "--zaak-url", "https://zaken.example.nl/zaken/api/v1/zaken/1",
                       "--uit", tmp_path, "--concept")
    assert uit.returncode == 2
    assert "zaak-url: het zaaksysteem is niet ingesteld; zet SJABLOON_ZGW_URL" in uit.stderr


def test_genereer_with_a_template_without_a_mapping_says_so_before_any_call(zgw_dubbel, tmp_path):
    uit = subprocess_genereer("factuur-leges", "--zaak-url", _zaak(zgw_dubbel), "--uit", tmp_path, "--concept")
    assert uit.returncode == 2
    assert "factuur-leges: dit sjabloon heeft geen koppeling met het zaaksysteem (zgw-velden.yaml ontbreekt)" in uit.stderr
    assert zgw_dubbel.verzoeken == []


def subprocess_genereer(*args, env: dict | None = None):
    import os
    return sjabloon_cli("genereer", *args, env={**os.environ, **(env or {})})


# ---- the web form ---------------------------------------------------------------------------------------------------

@pytest.fixture
def web():
    with TestClient(maak_app()) as client:
        meld_aan(client, "fatima", volledige_naam="Fatima Zaakbehandelaar")
        yield client


def _haal_op(client, zaak_url: str, **velden):
    return client.post(f"/sjablonen/{BRIEF}/maken", data={"csrf": client.cookies.get(CSRF_COOKIE), "zaak_url": zaak_url,
                                                          "actie": "zaak_ophalen", **velden})


def _waarde(pagina: str, pad: str) -> str | None:
    gevonden = re.search(rf'name="{re.escape(pad)}"[^>]*?value="([^"]*)"', pagina)
    return gevonden.group(1) if gevonden else None


def test_the_form_offers_the_zaak_url_only_with_a_zaaksysteem_and_a_mapping(web, zgw_dubbel, monkeypatch):
    assert 'id="zaak_url"' in web.get(f"/sjablonen/{BRIEF}/maken").text
    assert 'id="zaak_url"' not in web.get("/sjablonen/factuur-leges/maken").text
    for variabele in zgw_dubbel.omgeving():
        monkeypatch.delenv(variabele)
    assert 'id="zaak_url"' not in web.get(f"/sjablonen/{BRIEF}/maken").text


def test_haal_de_zaak_op_fills_the_form_and_what_was_typed_stays(web, zgw_dubbel):
    url = _zaak(zgw_dubbel)
    antwoord = _haal_op(web, url, **{"behandelaar": "Sanne de Boer", "aanvrager.aanhef": "Geachte mevrouw De Vries"})
    assert antwoord.status_code == 200, antwoord.text
    pagina = antwoord.text
    assert "Haal de zaak op" in pagina and "Uit de zaak ingevuld: 13 velden." in pagina
    assert _waarde(pagina, "zaak_url") == url
    assert _waarde(pagina, "zaaknummer") == "ZAAK-2026-0000042"
    assert _waarde(pagina, "aanvrager.naam") == "mevrouw A. de Vries"
    assert _waarde(pagina, "locatie.huisnummer") == "12a-bis"
    assert _waarde(pagina, "ontvangstdatum") == "2026-11-16"
    assert _waarde(pagina, "behandelaar") == "Sanne de Boer"                     # typed: wins over S. de Boer
    assert _waarde(pagina, "aanvrager.aanhef") == "Geachte mevrouw De Vries"
    assert "verplicht veld ontbreekt" not in pagina
    assert {v["claims"]["user_representation"] for v in zgw_dubbel.verzoeken} == {"Fatima Zaakbehandelaar"}


def test_a_wrong_value_from_the_zaak_shows_at_its_field_with_its_source(web, zgw_dubbel):
    url = _zaak(zgw_dubbel, initiator={"betrokkeneIdentificatie": {"verblijfsadres": {"aoaPostcode": "3511"}}})
    antwoord = _haal_op(web, url)
    assert antwoord.status_code == 422
    assert re.search(r'id="veld-aanvrager-postcode-fout">.*?heeft niet de juiste vorm.*?\(uit het zaaksysteem: rol '
                     r'initiator, betrokkeneIdentificatie\.verblijfsadres\.aoaPostcode\)', antwoord.text, re.S)


def test_a_zaak_the_register_does_not_know_gives_a_dutch_message_and_keeps_the_form(web, zgw_dubbel):
    url = zgw_dubbel.url("zaken", "zaken/6b3d6c1e-0000-4000-8000-000000000009")
    antwoord = _haal_op(web, url, zaaknummer="Z-1")
    assert antwoord.status_code == 422
    assert "Zaken API: GET" in antwoord.text and "404" in antwoord.text
    assert _waarde(antwoord.text, "zaaknummer") == "Z-1"


def test_fetching_a_zaak_needs_the_right_to_generate_and_a_csrf_token(zgw_dubbel):
    url = _zaak(zgw_dubbel)
    with TestClient(maak_app()) as client:
        meld_aan(client, "karel", rollen=("kcc",))
        assert _haal_op(client, url).status_code == 403
        meld_aan(client, "fatima")
        antwoord = client.post(f"/sjablonen/{BRIEF}/maken", data={"zaak_url": url, "actie": "zaak_ophalen"})
        assert antwoord.status_code == 403
    assert zgw_dubbel.verzoeken == []


def test_the_document_is_made_for_the_zaak_url_of_the_form(web, zgw_dubbel):
    """The form sends its Zaak-URL along with 'Document maken': the draft knows its zaak (where storing puts it); a
    URL that is no zaak of the configured Zaken API is refused at once, without a call."""
    url = _zaak(zgw_dubbel)
    gevuld = _haal_op(web, url, behandelaar="Sanne de Boer").text
    formulier = {m.group(1): m.group(2) for m in re.finditer(r'<input[^>]*?name="([^"]+)"[^>]*?value="([^"]*)"', gevuld)}
    verzoeken = len(zgw_dubbel.verzoeken)
    verkeerd = web.post(f"/sjablonen/{BRIEF}/maken", data=formulier | {"zaak_url": "https://elders.example.nl/zaak/1"})
    assert verkeerd.status_code == 422
    assert "Zaak-URL: &#39;https://elders.example.nl/zaak/1&#39; is geen zaak in de Zaken API" in verkeerd.text
    antwoord = web.post(f"/sjablonen/{BRIEF}/maken", data=formulier, follow_redirects=True)
    assert antwoord.status_code == 200, antwoord.text
    assert f'Voor de zaak in het zaaksysteem: <code>{url}</code>' in antwoord.text
    assert len(zgw_dubbel.verzoeken) == verzoeken
