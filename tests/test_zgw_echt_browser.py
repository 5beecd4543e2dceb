"""'Haal de zaak op' in a real browser against a REAL ZGW register such as Open Zaak (issue 22): the caseworker pastes
the URL of a zaak the register holds, clicks once, and the form carries the zaak's data; released, the letter is
stored on that zaak (the same bytes the caseworker downloads). Marked zgw_echt and skipped
like tests/test_zgw_echt.py without SJABLOON_ZGW_TEST_URL, _CLIENT_ID and _SECRET; skipped like
test_web_browser.py when Chromium or axe-core is missing, unless SJABLOON_BROWSER_VERPLICHT=1."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REPO
from test_web_browser import ACCOUNTS, TIMEOUT_MS, browser, meld_aan, webapp  # noqa: F401
from test_zgw_echt import (BESLUIT, BRIEF, _besluiten, _cli_env, _inhoud, _instellingen,  # noqa: F401
                           _nieuwe_zaak, _opgeslagen, _vrijgegeven, _zaakbestand, pytestmark)

try:
    from playwright.sync_api import expect
except ImportError:                                   # reported by the `browser` fixture
    pass


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`sjabloon web` linked to the real register, with its own templates copy and register database."""
    map_ = tmp_path_factory.mktemp("web-zgw-echt")
    shutil.copytree(REPO / "templates", map_ / "templates")
    _vrijgegeven(map_ / "templates", BRIEF)
    _vrijgegeven(map_ / "templates", BESLUIT)
    env = _cli_env(SJABLOON_TEMPLATES=str(map_ / "templates"),
                   SJABLOON_DATABASE_URL=f"sqlite:///{map_ / 'register.sqlite'}")
    with webapp(env, {"joost": ACCOUNTS["joost"]}, "webapp-zgw-echt.log") as adres:
        yield adres


@pytest.fixture
def zaaksysteem():
    from zgw.client import ZgwClient
    with ZgwClient(_instellingen(), gebruiker=("test:zgw_echt", "zgw_echt-test"), wacht=0.2) as client:
        yield client


def test_een_klik_vult_het_formulier_uit_open_zaak(browser, server, zaaksysteem):  # noqa: F811
    zaak_url = _nieuwe_zaak(zaaksysteem, BRIEF)
    identificatie = zaaksysteem.haal(zaak_url)["identificatie"]
    context = browser.new_context(base_url=server, bypass_csp=True, locale="nl-NL",
                                  viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        meld_aan(page, "joost")
        page.goto(f"/sjablonen/{BRIEF}/maken")
        page.get_by_label("Zaak-URL").fill(zaak_url)
        page.get_by_role("button", name="Haal de zaak op").click()
        expect(page.get_by_role("status")).to_contain_text("Uit de zaak ingevuld:")
        expect(page.get_by_label("Zaaknummer")).to_have_value(identificatie)
        expect(page.get_by_label("Ontvangstdatum")).to_have_value("2026-10-05")
        expect(page.locator("#veld-aanvrager-naam")).to_have_value("mevrouw M.J. van Bakker")
        expect(page.locator("#veld-aanvrager-postcode")).to_have_value("4321ZX")
        expect(page.locator("#veld-locatie-huisnummer")).to_have_value("7-bis")
        expect(page.get_by_label("Zaak-URL")).to_have_value(zaak_url)
        page.get_by_role("button", name="Document maken en controleren").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Voorvertoning")
        page.get_by_role("button", name="Vrijgeven en downloaden").click()
        expect(page.locator("#zaaksysteem")).to_contain_text("Opgeslagen in het zaaksysteem, bij de zaak.")
        [eio] = _opgeslagen(zaaksysteem, zaak_url)
        expect(page.locator("#zaaksysteem")).to_contain_text(eio["url"])
        assert eio["status"] == "definitief"                                 # released, not a concept
        with page.expect_download() as wacht:
            page.get_by_role("link", name="Download DOCX").click()
        assert _inhoud(eio) == Path(wacht.value.path()).read_bytes()
    finally:
        context.close()


def test_een_besluit_uit_het_formulier_komt_met_zijn_besluit_in_open_zaak(browser, server, zaaksysteem,  # noqa: F811
                                                                          tmp_path):
    """The besluit in the web app: the caseworker's own part as a case file, the rest fetched from the zaak, one
    click to release; the register holds the document, the Besluit and their link."""
    zaak_url = _nieuwe_zaak(zaaksysteem, BESLUIT)
    context = browser.new_context(base_url=server, bypass_csp=True, locale="nl-NL",
                                  viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        meld_aan(page, "joost")
        page.goto(f"/sjablonen/{BESLUIT}/maken")
        page.get_by_text("Of lever een zaakbestand aan (YAML of JSON)").click()
        page.get_by_label("Zaakbestand").set_input_files(str(_zaakbestand(tmp_path, BESLUIT)))
        page.get_by_role("button", name="Zaakbestand gebruiken").click()
        page.get_by_label("Zaak-URL").fill(zaak_url)
        page.get_by_role("button", name="Haal de zaak op").click()
        expect(page.get_by_role("status")).to_contain_text("Uit de zaak ingevuld:")
        page.get_by_role("button", name="Document maken en controleren").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Voorvertoning")
        page.get_by_role("button", name="Vrijgeven en downloaden").click()
        expect(page.locator("#zaaksysteem")).to_contain_text("Opgeslagen in het zaaksysteem, bij de zaak.")
        with page.expect_download() as wacht:
            page.get_by_role("link", name="Download DOCX").click()
        gedownload = Path(wacht.value.path()).read_bytes()
    finally:
        context.close()
    [eio] = _opgeslagen(zaaksysteem, zaak_url)
    assert _inhoud(eio) == gedownload
    [besluit] = _besluiten(zaaksysteem, zaak_url)
    assert besluit["uiterlijkeReactiedatum"] > besluit["datum"]
    [koppeling] = zaaksysteem.lijst("besluiten", "besluitinformatieobjecten", {"besluit": besluit["url"]})
    assert koppeling["informatieobject"] == eio["url"]
