"""`sjabloon zgw test` and the ZGW part of `sjabloon info`, through the command line (a subprocess, pointed at the
test double by the zgw_dubbel fixture's SJABLOON_ZGW_* variables), and the type check of zgw/verbinding.py."""

from __future__ import annotations

import dataclasses
import json
import os

import pytest
import yaml

from conftest import sjabloon_cli
from zgw.client import ZgwClient
from zgw.verbinding import controleer_typen


def manifesten(catalogus):
    """Each template's manifest in a catalogue copy, to read and write back."""
    for pad in sorted(catalogus.glob("*/sjabloon.yaml")):
        yield pad, yaml.safe_load(pad.read_text(encoding="utf-8"))


def schrijf(pad, manifest):
    pad.write_text(yaml.safe_dump(manifest, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_zgw_test_checks_each_api_with_one_cheap_call(zgw_dubbel, sjablonen_kopie):
    for pad, manifest in manifesten(sjablonen_kopie):       # no types to look up: only the connection is tested
        if manifest.pop("zgw", None):
            schrijf(pad, manifest)
    uit = sjabloon_cli("zgw", "test")
    assert uit.returncode == 0, uit.stdout + uit.stderr
    for api in ("Zaken", "Documenten", "Catalogi", "Besluiten"):
        assert f"in orde  {api} API\n" in uit.stdout
        assert zgw_dubbel.url(api.lower()) in uit.stdout
    assert uit.stdout.rstrip().endswith("Alles in orde: elke API is bereikbaar met deze client-ID.")
    assert sorted(v["url"].rsplit("/", 1)[-1] for v in zgw_dubbel.verzoeken) == [
        "besluiten", "catalogussen", "enkelvoudiginformatieobjecten", "zaken"]
    claims = zgw_dubbel.verzoeken[0]["claims"]
    assert claims["client_id"] == zgw_dubbel.client_id and claims["user_id"].startswith("sjabloon:")


def test_zgw_test_says_what_is_wrong_and_exits_1(zgw_dubbel, monkeypatch):
    monkeypatch.setenv("SJABLOON_ZGW_SECRET", "een-ander-geheim")
    monkeypatch.setenv("SJABLOON_ZGW_BESLUITEN_URL", zgw_dubbel.url("besluiten").replace("/api/v1", "/api/v9"))
    uit = sjabloon_cli("zgw", "test", "--json")
    assert uit.returncode == 1
    bevindingen = {b["onderwerp"]: b for b in json.loads(uit.stdout)["bevindingen"]}
    assert not any(b["in_orde"] for b in bevindingen.values())
    assert "gaf status 403 (Forbidden): Geen geldig JWT" in bevindingen["Zaken API"]["toelichting"]
    assert "Besluiten API: GET " + zgw_dubbel.url("besluiten").replace("/api/v1", "/api/v9") in \
        bevindingen["Besluiten API"]["toelichting"]
    assert "Het zaaksysteem is niet klaar voor Sjabloonstraat: 4 problemen." in uit.stderr
    zgw_dubbel.schendingen.clear()      # the /api/v9 path is no path of the spec: that is the point here


def test_zgw_test_when_the_register_is_down(zgw_dubbel, monkeypatch):
    monkeypatch.setenv("SJABLOON_ZGW_POGINGEN", "1")
    zgw_dubbel.uit()
    uit = sjabloon_cli("zgw", "test")
    assert uit.returncode == 1
    assert uit.stdout.count("FOUT     ") == 4 and "is niet bereikbaar (geen verbinding" in uit.stdout
    assert "De typen uit de manifesten zijn niet gecontroleerd: de Catalogi API is niet bereikbaar." in uit.stdout


def test_zgw_test_without_settings_exits_2_and_says_how_to_set_them():
    uit = sjabloon_cli("zgw", "test")
    assert uit.returncode == 2
    assert uit.stderr.startswith("fout: de koppeling met het zaaksysteem is niet ingesteld: zet SJABLOON_ZGW_URL")


def test_a_type_is_found_only_when_published_and_unique(zgw_dubbel):
    zgw_dubbel.voeg_type_toe("informatieobjecttypen", "Beschikking")
    zgw_dubbel.voeg_type_toe("informatieobjecttypen", "Brief", concept=True)
    zgw_dubbel.voeg_type_toe("besluittypen", "Vergunning")
    zgw_dubbel.voeg_type_toe("besluittypen", "Vergunning")
    with ZgwClient(zgw_dubbel.instellingen()) as client:
        bevindingen = controleer_typen(client, {("informatieobjecttype", "Beschikking"): ["a", "b"],
                                                ("informatieobjecttype", "Brief"): ["c"],
                                                ("informatieobjecttype", "Nota"): ["d"],
                                                ("besluittype", "Vergunning"): ["a"]})
    assert [(b.onderwerp, b.in_orde, b.toelichting.split(";")[0]) for b in bevindingen] == [
        ('besluittype "Vergunning" (a)', False, "2 gepubliceerde typen met deze omschrijving in de Catalogi API"),
        ('informatieobjecttype "Beschikking" (a, b)', True, bevindingen[1].toelichting),
        ('informatieobjecttype "Brief" (c)', False, "bestaat alleen als concept in de Catalogi API"),
        ('informatieobjecttype "Nota" (d)', False, "niet gevonden in de Catalogi API"),
    ]
    assert bevindingen[1].toelichting.startswith(zgw_dubbel.url("catalogi", "informatieobjecttypen/"))


def test_zgw_test_looks_up_the_types_the_manifests_name(zgw_dubbel, sjablonen_kopie):
    from generator.vullen.sjabloon import Sjabloon
    if "zgw" not in {veld.name for veld in dataclasses.fields(Sjabloon)}:
        pytest.skip("het zgw-blok in het manifest (lane Z3) is nog niet samengevoegd")
    manifest_pad = sjablonen_kopie / "ontvangstbevestiging-aanvraag" / "sjabloon.yaml"
    manifest = yaml.safe_load(manifest_pad.read_text(encoding="utf-8"))
    manifest["zgw"] = {"informatieobjecttype": "Ontvangstbevestiging proef", "vertrouwelijkheidaanduiding": "openbaar"}
    schrijf(manifest_pad, manifest)
    uit = sjabloon_cli("zgw", "test")
    assert uit.returncode == 1
    assert ('FOUT     informatieobjecttype "Ontvangstbevestiging proef" (ontvangstbevestiging-aanvraag)\n'
            '         niet gevonden in de Catalogi API' in uit.stdout)
    for _, manifest in manifesten(sjablonen_kopie):         # the zaaksysteem gets every type the templates name
        for soort in ("informatieobjecttype", "besluittype"):
            if omschrijving := (manifest.get("zgw") or {}).get(soort):
                zgw_dubbel.voeg_type_toe(f"{soort}n", omschrijving)
    uit = sjabloon_cli("zgw", "test")
    assert uit.returncode == 0, uit.stdout + uit.stderr
    assert 'in orde  informatieobjecttype "Ontvangstbevestiging proef" (ontvangstbevestiging-aanvraag)' in uit.stdout
    assert uit.stdout.rstrip().endswith("en elk type uit de manifesten staat in de Catalogi API.")


def test_info_shows_the_zgw_settings_but_never_the_secret(monkeypatch):
    monkeypatch.setenv("SJABLOON_ZGW_URL", "https://openzaak.gemeente.nl")
    monkeypatch.setenv("SJABLOON_ZGW_CLIENT_ID", "sjabloonstraat-prod")
    monkeypatch.setenv("SJABLOON_ZGW_SECRET", "Zeer-Geheim-4711")
    tekst, als_json = sjabloon_cli("info"), sjabloon_cli("info", "--json")
    assert tekst.returncode == als_json.returncode == 0
    assert "Zeer-Geheim-4711" not in tekst.stdout + als_json.stdout
    assert "zaaksysteem:         Zaken API:      https://openzaak.gemeente.nl/zaken/api/v1\n" in tekst.stdout
    assert "client-ID sjabloonstraat-prod, secret ingesteld" in tekst.stdout
    zgw = json.loads(als_json.stdout)["zgw"]
    assert zgw["secret"] == "ingesteld" and zgw["besluiten_url"] == "https://openzaak.gemeente.nl/besluiten/api/v1"


def test_info_shows_a_half_configuration_without_failing(monkeypatch):
    monkeypatch.setenv("SJABLOON_ZGW_URL", "https://openzaak.gemeente.nl")
    uit = sjabloon_cli("info")
    assert uit.returncode == 0
    assert "zaaksysteem:         fout: SJABLOON_ZGW_CLIENT_ID ontbreekt" in uit.stdout
    assert json.loads(sjabloon_cli("info", "--json").stdout)["zgw"]["fout"][1].startswith("SJABLOON_ZGW_SECRET ontbreekt")
    monkeypatch.delenv("SJABLOON_ZGW_URL")
    assert "zaaksysteem:         niet ingesteld" in sjabloon_cli("info").stdout
