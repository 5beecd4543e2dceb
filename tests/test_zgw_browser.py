"""'Haal de zaak op' in a real browser: the caseworker pastes the zaak URL, clicks once, and the form is filled from
the zaaksysteem (the ZGW test double, every request checked against the spec); the page passes axe. Skipped like
test_web_browser.py when Chromium or axe-core is missing, unless SJABLOON_BROWSER_VERPLICHT=1."""

from __future__ import annotations

import os
import shutil

import pytest
from conftest import REPO
from test_web_browser import ACCOUNTS, TIMEOUT_MS, bekijk, browser, meld_aan, webapp  # noqa: F401
from zgw_testdubbel import ZgwTestdubbel

try:
    from playwright.sync_api import expect
except ImportError:                                   # reported by the `browser` fixture
    pass


@pytest.fixture(scope="module")
def dubbel():
    dubbel = ZgwTestdubbel().start()
    yield dubbel
    dubbel.uit()
    assert not dubbel.schendingen, "\n\n".join(dubbel.schendingen)


@pytest.fixture(scope="module")
def server(tmp_path_factory, dubbel):
    """`sjabloon web` linked to the test double, with its own templates copy and register."""
    map_ = tmp_path_factory.mktemp("web-zgw")
    shutil.copytree(REPO / "templates", map_ / "templates")
    env = os.environ | dubbel.omgeving() | {"SJABLOON_TEMPLATES": str(map_ / "templates"),
                                             "SJABLOON_DATABASE_URL": f"sqlite:///{map_ / 'register.sqlite'}"}
    with webapp(env, {"joost": ACCOUNTS["joost"]}, "webapp-zgw.log") as adres:
        yield adres


@pytest.fixture
def page(browser, server):  # noqa: F811
    context = browser.new_context(base_url=server, bypass_csp=True, locale="nl-NL", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(TIMEOUT_MS)
    meld_aan(tab, "joost")
    yield tab
    context.close()


def test_one_click_fills_the_form_from_the_zaak(page, dubbel):
    zaak_url = dubbel.voeg_zaak_toe("ZAAK-2026-0000077", omschrijving="een dakkapel aan de voorkant van uw woning",
                                    startdatum="2026-11-16", eigenschappen={"Verzoeknummer": "3318725"})
    page.goto("/sjablonen/ontvangstbevestiging-aanvraag/maken")
    page.get_by_label("Behandelaar").fill("Sanne de Boer")
    page.get_by_label("Zaak-URL").fill(zaak_url)
    page.get_by_role("button", name="Haal de zaak op").click()
    expect(page.get_by_role("status")).to_contain_text("Uit de zaak ingevuld: 9 velden.")
    expect(page.get_by_label("Zaaknummer")).to_have_value("ZAAK-2026-0000077")
    expect(page.get_by_label("Ontvangstdatum")).to_have_value("2026-11-16")
    expect(page.locator("#veld-aanvrager-naam")).to_have_value("mevrouw A. de Vries")
    expect(page.locator("#veld-aanvrager-postcode")).to_have_value("3511 AB")
    expect(page.get_by_label("Behandelaar")).to_have_value("Sanne de Boer")          # typed before: stays
    expect(page.get_by_label("Zaak-URL")).to_have_value(zaak_url)
    bekijk(page, "zaaksysteem", "01-zaak-opgehaald")
    page.get_by_role("button", name="Document maken en controleren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Voorvertoning: " + "Ontvangstbevestiging aanvraag omgevingsvergunning (reguliere procedure)")
