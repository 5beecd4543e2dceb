"""The web app in a real browser: Playwright drives Debian's Chromium (never a downloaded one) through the flows of
caseworker, KCC and werkgroep as a person would (logged in through the login page with a local account made by
`sjabloon gebruiker toevoegen`), checks every page with axe-core (WCAG 2.1 A/AA) and saves a screenshot of each page
to test-artefacten/schermafdrukken/.

Skipped when Chromium or axe-core is missing, unless SJABLOON_BROWSER_VERPLICHT=1: then it fails."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

import pytest
import yaml
from conftest import REPO, _vrije_poort
from docx import Document

try:
    from playwright.sync_api import Page, expect, sync_playwright
except ImportError:                                   # reported by the `browser` fixture
    sync_playwright = None

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(os.environ.get("SJABLOON_AXE") or REPO / ".venv/axe-core/axe.min.js")
ARTEFACTEN = REPO / "test-artefacten"
SCHERMAFDRUKKEN = ARTEFACTEN / "schermafdrukken"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
TIMEOUT_MS = 30_000                                   # the first B1 check loads the spaCy model in the server
TOETS_SLEUTEL = ("el => el ? [el.tagName, el.name || el.id, "            # which control has the focus (JS)
                 "el.tagName === 'BUTTON' ? el.value || el.textContent.trim() : ''].join('|') : ''")
# The fixture accounts (made with the CLI before the server starts): name, full name, roles.
ACCOUNTS = {"joost": ("Joost Verhoeven", ["zaakbehandelaar", "kcc", "jurist", "communicatie"]),
            "kim": ("Kim de Graaf", ["kcc"]), "bram": ("Bram Jansen", ["communicatie"])}
WACHTWOORD = "een wachtwoord voor de browser"
BUREAUCRATISCH = ("Hierbij delen wij u mede dat uw aanvraag ten aanzien van de omgevingsvergunning conform de geldende "
                  "regelgeving door ons in behandeling is genomen, waarbij wij opmerken dat de beslistermijn middels "
                  "dit schrijven wordt verdaagd.\n\nU krijgt binnen acht weken een besluit.")


def voorbeeld(sjabloon_id: str) -> dict:
    return yaml.safe_load((REPO / "templates" / sjabloon_id / "voorbeeld.yaml").read_text(encoding="utf-8"))


# --- fixtures -------------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, headless; skipped (or failed with SJABLOON_BROWSER_VERPLICHT=1) when something is missing."""
    ontbreekt = [reden for reden, mist in (
        ("Playwright ontbreekt (pip install -e '.[dev]')", sync_playwright is None),
        (f"{CHROMIUM} ontbreekt (installeer het Debian-pakket chromium)", not CHROMIUM.exists()),
        (f"axe-core ontbreekt op {AXE} (python tests/haal_axe.py {AXE})", not AXE.is_file())) if mist]
    if ontbreekt:
        if os.environ.get("SJABLOON_BROWSER_VERPLICHT") == "1":
            pytest.fail("browsertests verplicht (SJABLOON_BROWSER_VERPLICHT=1), maar " + "; ".join(ontbreekt),
                        pytrace=False)
        pytest.skip("browsertests overgeslagen: " + "; ".join(ontbreekt))
    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`sjabloon web` as its own process on a free port, with a private copy of templates/ (a release rewrites
    sjabloon.yaml) and a private register; its base URL. Its log goes to test-artefacten/webapp.log."""
    map_ = tmp_path_factory.mktemp("web")
    shutil.copytree(REPO / "templates", map_ / "templates")
    env = os.environ | {"SJABLOON_TEMPLATES": str(map_ / "templates"),
                        "SJABLOON_DATABASE_URL": f"sqlite:///{map_ / 'register.sqlite'}"}
    with webapp(env, ACCOUNTS, "webapp.log") as adres:
        yield adres


@contextlib.contextmanager
def webapp(env: dict, accounts: dict, lognaam: str):
    """`sjabloon web` on a free loopback port with `env`, after making the local `accounts` ({naam: (volledige
    naam, rollen)}, password WACHTWOORD); its base URL. Its log goes to test-artefacten/<lognaam>."""
    for naam, (volledig, rollen) in accounts.items():
        opdracht = [sys.executable, "-m", "cli.sjabloon", "gebruiker", "toevoegen", naam, "--naam", volledig,
                    "--wachtwoord-stdin"] + [a for rol in rollen for a in ("--rol", rol)]
        subprocess.run(opdracht, cwd=REPO, env=env, input=WACHTWOORD + "\n", text=True, check=True, capture_output=True)
    ARTEFACTEN.mkdir(exist_ok=True)
    logpad = ARTEFACTEN / lognaam
    poort = _vrije_poort()
    with open(logpad, "wb") as log:
        proces = subprocess.Popen([sys.executable, "-m", "cli.sjabloon", "web", "--poort", str(poort)], cwd=REPO,
                                  env=env, stdout=log, stderr=subprocess.STDOUT)
    adres = f"http://127.0.0.1:{poort}"
    try:
        _wacht_op(adres, proces, logpad)
        yield adres
    finally:
        proces.terminate()
        try:
            proces.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proces.kill()
            proces.wait()


def _wacht_op(adres: str, proces: subprocess.Popen, logpad: Path, seconden: float = 60) -> None:
    grens = time.monotonic() + seconden
    while time.monotonic() < grens:
        if proces.poll() is not None:
            pytest.fail(f"de webapp stopte met code {proces.returncode}:\n{logpad.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(adres + "/", timeout=2) as antwoord:
                if antwoord.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    pytest.fail(f"de webapp antwoordde niet binnen {seconden:.0f} s:\n{logpad.read_text(errors='replace')}")


@pytest.fixture
def nieuwe_tab(browser, server):
    """A fresh browser tab per test (own cookies), not logged in. bypass_csp lets axe be injected despite
    script-src 'self'."""
    context = browser.new_context(base_url=server, bypass_csp=True, accept_downloads=True, locale="nl-NL",
                                  viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(TIMEOUT_MS)
    yield tab
    context.close()


@pytest.fixture
def page(nieuwe_tab):
    """A fresh tab, logged in as joost (every role but beheerder) through the login page."""
    meld_aan(nieuwe_tab, "joost")
    return nieuwe_tab


def meld_aan(tab: Page, naam: str, volgende: str = "/") -> None:
    tab.goto(f"/aanmelden?volgende={volgende}")
    tab.get_by_label("Gebruikersnaam").fill(naam)
    tab.get_by_label("Wachtwoord").fill(WACHTWOORD)
    tab.get_by_role("button", name="Aanmelden", exact=True).click()
    expect(tab.get_by_text(f"Aangemeld als {ACCOUNTS[naam][0]}")).to_be_visible()


# --- what is checked on every page ----------------------------------------------------------------------------------

def axe_overtredingen(page: Page) -> list[dict]:
    """axe-core's serious and critical WCAG 2.1 A/AA violations on the page as it is now."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate("""async (tags) => {
        const uitslag = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
        return uitslag.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => ({id: v.id, impact: v.impact, help: v.help,
                        doelen: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)}));
    }""", WCAG_TAGS)


def controleer_toegankelijkheid(page: Page) -> None:
    overtredingen = axe_overtredingen(page)
    assert not overtredingen, f"axe vond op {page.url}:\n" + "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["doelen"]) for v in overtredingen)


def bekijk(page: Page, flow: str, stap: str) -> None:
    """A loaded page: screenshot it (also when axe fails after) and check it with axe."""
    page.wait_for_load_state("load")
    SCHERMAFDRUKKEN.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCHERMAFDRUKKEN / f"{flow}-{stap}.png", full_page=True)
    controleer_toegankelijkheid(page)


def download(page: Page, link_naam: str):
    """Click a download link; the file's suggested name and bytes."""
    with page.expect_download() as info:
        page.get_by_role("link", name=link_naam, exact=True).click()
    return info.value.suggested_filename, Path(info.value.path()).read_bytes()


def tekst_in_docx(data: bytes, deel: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as docx:
        return docx.read(deel).decode("utf-8")


# --- the tests ------------------------------------------------------------------------------------------------------

def test_axe_controle_kan_falen(page):
    """The accessibility helper really reports something: an input without a label is a critical violation."""
    page.set_content('<!doctype html><html lang="nl"><head><title>Proef</title></head>'
                     '<body><main><h1>Proef</h1><input type="text" name="zonder-label"></main></body></html>')
    overtredingen = axe_overtredingen(page)
    assert any(v["id"] == "label" and v["impact"] in ("serious", "critical") for v in overtredingen), overtredingen
    with pytest.raises(AssertionError, match="label"):
        controleer_toegankelijkheid(page)


def test_zaakbehandelaar_maakt_last_onder_dwangsom(page, tmp_path):
    """Catalogue, search, empty form with errors, example case, preview with the checks, release, DOCX download."""
    zaak = voorbeeld("last-onder-dwangsom")
    flow = "zaakbehandelaar"

    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sjabloonstraat")
    bekijk(page, flow, "01-start")

    page.get_by_role("main").get_by_role("link", name="Beschikking maken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kies een sjabloon")
    bekijk(page, flow, "02-catalogus")

    page.get_by_label("Zoek op titel of besluittype").fill("dwangsom")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_text("gevonden voor ‘dwangsom’")).to_be_visible()
    resultaten = page.get_by_role("table", name="Sjablonen")
    expect(resultaten.get_by_role("link", name="Last onder dwangsom", exact=True)).to_be_visible()
    expect(resultaten.get_by_role("link", name="Ontvangstbevestiging melding")).to_have_count(0)
    bekijk(page, flow, "03-zoekresultaat")

    resultaten.get_by_role("link", name="Last onder dwangsom", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Last onder dwangsom maken")
    bekijk(page, flow, "04-formulier")

    page.get_by_role("button", name="Document maken en controleren").click()
    overzicht = page.locator("#foutoverzicht")
    expect(overzicht).to_be_visible()
    expect(overzicht).to_be_focused()
    expect(overzicht.get_by_role("heading")).to_contain_text("problemen")
    expect(page).to_have_title(re.compile("^Fout: "))
    zaaknummer = page.get_by_label("Zaaknummer")
    expect(zaaknummer).to_have_attribute("aria-invalid", "true")
    foutmelding = page.locator(".met-fout", has=zaaknummer).locator(".foutmelding")
    expect(foutmelding).to_be_visible()
    expect(foutmelding).to_contain_text("Fout:")
    expect(overzicht.get_by_role("link", name=re.compile(r"^Zaaknummer: "))).to_have_attribute(
        "href", "#" + zaaknummer.get_attribute("id"))
    bekijk(page, flow, "05-formulier-met-fouten")

    page.get_by_role("link", name="begin met de voorbeeldzaak").click()
    expect(page.get_by_label("Zaaknummer")).to_have_value(zaak["zaaknummer"])
    expect(page.locator("#foutoverzicht")).to_have_count(0)
    bekijk(page, flow, "06-formulier-voorbeeldzaak")

    page.get_by_role("button", name="Document maken en controleren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Voorvertoning: Last onder dwangsom")
    document = page.get_by_role("region", name="Het document").first
    expect(document).to_contain_text(zaak["overtreder"]["naam"])
    expect(document).to_contain_text(zaak["zaaknummer"])
    controle = page.get_by_role("complementary", name="Controle")
    expect(controle.get_by_role("heading", level=2)).to_have_text("Controle")
    expect(controle.get_by_role("heading", name=re.compile(r"^Awb \("))).to_be_visible()
    expect(controle.get_by_role("heading", name="Taalniveau B1")).to_be_visible()
    expect(controle).to_contain_text(re.compile(r"(Niet op|Op) B1-niveau: niveau"))
    expect(page.locator("#oordeel")).to_contain_text(
        re.compile("De controle vond geen fouten|Niet klaar om te verzenden"))
    bekijk(page, flow, "07-voorvertoning")

    plekken = controle.locator('a[href^="#plek-"]')
    if plekken.count():
        anker = plekken.first.get_attribute("href")
        plekken.first.click()
        expect(page).to_have_url(re.compile(re.escape(anker) + "$"))
        expect(page.locator(f"{anker}:target")).to_have_count(1)
        expect(page.locator(anker)).to_be_in_viewport()

    expect(page.get_by_text("U geeft vrij als Joost Verhoeven")).to_be_visible()
    reden = page.get_by_label("Waarom mag het document toch weg?")
    met_fouten = reden.count() > 0
    if met_fouten:
        reden.fill("Proef in de browsertest; de bevindingen zijn bekend.")
    knop = "Toch vrijgeven, met reden" if met_fouten else "Vrijgeven en downloaden"
    page.get_by_role("button", name=knop, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Het document is gemaakt")
    expect(page.get_by_text("is vrijgegeven door Joost Verhoeven en vastgelegd in het register")).to_be_visible()
    if met_fouten:
        expect(page.get_by_text("Vrijgegeven ondanks fouten, met de reden")).to_be_visible()
    expect(page.get_by_text("CONCEPT: het sjabloon is nog niet vrijgegeven")).to_be_visible()
    bekijk(page, flow, "08-document")

    naam, docx = download(page, "Download DOCX")
    assert naam.endswith(".docx")
    assert zaak["zaaknummer"] in tekst_in_docx(docx, "word/document.xml")

    pdf_link = page.get_by_role("link", name="Download PDF/A", exact=True)
    if shutil.which("soffice"):
        expect(pdf_link).to_have_attribute("href", re.compile(r"^/documenten/[^/]+/pdf$"))
        naam, pdf = download(page, "Download PDF/A")
        assert naam.endswith(".pdf") and pdf.startswith(b"%PDF")
    else:
        expect(pdf_link).to_have_count(0)


def test_zaakbehandelaar_levert_zaakbestand_aan(page):
    """A YAML case file through the 'Zaakbestand' input (inside a closed <details>) leads to the preview."""
    zaak = voorbeeld("ontvangstbevestiging-aanvraag")
    page.goto("/sjablonen/ontvangstbevestiging-aanvraag/maken")
    bestand = page.get_by_label("Zaakbestand")
    expect(bestand).to_be_hidden()
    page.get_by_text("Of lever een zaakbestand aan (YAML of JSON)").click()
    expect(bestand).to_be_visible()
    bekijk(page, "zaakbestand", "01-formulier-open")

    bestand.set_input_files(REPO / "templates" / "ontvangstbevestiging-aanvraag" / "voorbeeld.yaml")
    page.get_by_role("button", name="Zaakbestand gebruiken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("^Voorvertoning: "))
    document = page.get_by_role("region", name="Het document").first
    expect(document).to_contain_text(zaak["aanvrager"]["naam"])
    expect(document).to_contain_text(zaak["zaaknummer"])
    bekijk(page, "zaakbestand", "02-voorvertoning")


def test_kcc_plakt_tekst(page):
    """Pasted bureaucratic text: verdict, highlighted sentences with suggestions, DOCX with Word comments."""
    page.goto("/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="B1-controle").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Brief controleren op taalniveau B1")
    bekijk(page, "kcc", "01-formulier")

    page.get_by_label("Of plak de tekst").fill(BUREAUCRATISCH)
    page.get_by_role("button", name="Controleren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("B1-rapport: geplakte tekst")
    expect(page.locator("#oordeel")).to_contain_text(re.compile(r"^(Niet op|Op) B1-niveau: niveau"))
    tekst = page.get_by_role("region", name="De tekst").first
    expect(tekst.locator("mark").first).to_be_visible()
    expect(tekst.locator("mark").first).to_contain_text("Hierbij delen wij u mede")
    opmerkingen = page.get_by_role("complementary", name="Opmerkingen per zin")
    expect(opmerkingen.get_by_role("listitem").first).to_be_visible()
    expect(opmerkingen.locator("q").first).to_be_visible()        # the flagged fragment, with its suggestion
    bekijk(page, "kcc", "02-rapport-tekst")

    tekst.locator("mark").first.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"#opmerking-\d+$"))

    naam, docx = download(page, "Download het DOCX met opmerkingen")
    assert naam.endswith("-B1-opmerkingen.docx")
    assert "<w:comment " in tekst_in_docx(docx, "word/comments.xml")


def _brief_docx(pad: Path, alineas: list[str]) -> Path:
    word = Document()
    for alinea in alineas:
        word.add_paragraph(alinea)
    word.save(pad)
    return pad


def test_kcc_uploadt_docx_en_zip(page, tmp_path):
    """An uploaded DOCX letter gets a report; a ZIP with two letters gets a summary with a row per letter."""
    brief = _brief_docx(tmp_path / "brief.docx", ["Geachte heer Jansen,", *BUREAUCRATISCH.split("\n\n"),
                                                   "Met vriendelijke groet,", "Team Vergunningen"])
    page.goto("/b1")
    page.get_by_label("Brief of ZIP met brieven").set_input_files(brief)
    page.get_by_role("button", name="Controleren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("B1-rapport: brief.docx")
    expect(page.get_by_role("region", name="De tekst").first).to_contain_text("Team Vergunningen")
    expect(page.locator("mark").first).to_be_visible()
    bekijk(page, "kcc", "03-rapport-docx")

    archief = tmp_path / "brieven.zip"
    with zipfile.ZipFile(archief, "w") as zip_:
        zip_.writestr("brieven/eerste.txt", "Beste mevrouw De Vries,\n\nWij hebben uw brief gekregen. "
                                            "U hoort binnen twee weken van ons.\n\nMet vriendelijke groet,\n\nHet KCC")
        zip_.write(brief, "brieven/tweede.docx")
    page.get_by_role("link", name="B1-controle", exact=True).first.click()
    page.get_by_label("Brief of ZIP met brieven").set_input_files(archief)
    page.get_by_role("button", name="Controleren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("B1-overzicht: brieven.zip")
    expect(page.get_by_text("2 brieven gecontroleerd.")).to_be_visible()
    rijen = page.get_by_role("table", name="Per brief het oordeel").locator("tbody").get_by_role("row")
    expect(rijen).to_have_count(2)
    for rij, naam in zip(rijen.all(), ("brieven/eerste.txt", "brieven/tweede.docx")):
        expect(rij.get_by_role("link", name=naam)).to_have_attribute("href", re.compile(r"^/b1/[\w-]+$"))
        expect(rij.get_by_role("cell").nth(1)).to_have_text(re.compile("^(ja|nee)$"))
    bekijk(page, "kcc", "04-overzicht-zip")

    rijen.nth(1).get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("B1-rapport: brieven/tweede.docx")
    expect(page.get_by_role("region", name="De tekst").first).to_contain_text("Team Vergunningen")


def test_werkgroep_geeft_sjabloon_vrij_met_vier_ogen(page, browser, server):
    """Inventory, template page; Joost (jurist and communicatie) approves one half and is refused the other; Bram,
    logged in on his own, approves the other half: released, the new version and both names everywhere."""
    titel = "Ontvangstbevestiging melding (overlast of gevaarlijke situatie)"
    page.goto("/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Sjablonenwerkgroep").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Inventaris van de sjablonen")
    inventaris = page.get_by_role("table", name="Per sjabloon de stand")
    expect(inventaris.locator("tbody").get_by_role("row")).to_have_count(18)
    rij = inventaris.get_by_role("row").filter(has=page.get_by_role("link", name=titel, exact=True))
    expect(rij.get_by_role("cell").nth(1)).to_have_text("concept")
    expect(rij.get_by_role("cell").nth(2)).to_have_text("1")
    bekijk(page, "werkgroep", "01-inventaris")

    rij.get_by_role("link", name=titel, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(titel)
    adres = page.url
    versie = page.locator("dl.gegevens dt:text-is('Versie') + dd")
    expect(versie).to_have_text("1")
    expect(page.locator("#lint-oordeel")).to_contain_text("Geslaagd")
    expect(page.get_by_text("Nog nooit vrijgegeven.")).to_be_visible()
    expect(page.get_by_role("region", name=f"Voorbeeld van {titel}")).to_contain_text(
        voorbeeld("ontvangstbevestiging-melding")["zaaknummer"])
    bekijk(page, "werkgroep", "02-sjabloon")

    page.get_by_label("Opmerking", exact=True).fill("Grondslag klopt.")
    page.get_by_role("button", name="Juridisch goedkeuren", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("Uw juridische beoordeling is vastgelegd.")
    expect(page.locator("#goedkeuringen")).to_contain_text("Juridisch goedgekeurd door Joost Verhoeven")
    expect(versie).to_have_text("1")

    page.get_by_role("button", name="Communicatief goedkeuren", exact=True).click()
    overzicht = page.locator("#foutoverzicht")
    expect(overzicht).to_contain_text("vier-ogenprincipe")
    expect(overzicht).to_be_focused()
    expect(page.get_by_text("Nog nooit vrijgegeven.")).to_be_visible()
    bekijk(page, "werkgroep", "03-vier-ogen-fout")

    eigen = browser.new_context(base_url=server, bypass_csp=True, locale="nl-NL", viewport={"width": 1280, "height": 900})
    bram = eigen.new_page()                                    # another person, in a browser of his own
    bram.set_default_timeout(TIMEOUT_MS)
    meld_aan(bram, "bram", volgende=adres.removeprefix(server))
    expect(bram.get_by_role("button", name="Juridisch goedkeuren")).to_have_count(0)
    bram.get_by_role("button", name="Communicatief goedkeuren", exact=True).click()
    expect(bram).to_have_url(re.compile(r"\?vrijgegeven=1$"))   # the first release keeps the concept's number
    expect(bram.get_by_role("status")).to_have_text("Vrijgegeven: dit sjabloon heeft nu versie 1.")
    expect(bram.get_by_text("Nog nooit vrijgegeven.")).to_have_count(0)
    historie = bram.get_by_role("table", name="Vrijgaven van dit sjabloon, nieuwste eerst")
    expect(historie.locator("tbody").get_by_role("row")).to_have_count(1)
    expect(historie.get_by_role("cell", name="Joost Verhoeven", exact=True)).to_be_visible()
    expect(historie.get_by_role("cell", name="Bram Jansen", exact=True)).to_be_visible()
    expect(historie.get_by_role("cell", name="Grondslag klopt.", exact=True)).to_be_visible()
    bekijk(bram, "werkgroep", "04-vrijgegeven")

    eigen.close()

    page.goto("/werkgroep")
    expect(rij.get_by_role("cell").nth(1)).to_have_text("vrijgegeven")
    expect(rij.get_by_role("cell").nth(2)).to_have_text("1")
    expect(rij.get_by_role("cell").nth(3)).to_contain_text("(Joost Verhoeven, Bram Jansen)")


def test_toetsenbord_bereikt_alles_op_het_formulier(page):
    """Tab from the top: first the skip link (visible on focus), Enter moves focus to main, and Tab reaches every
    control of the case form, ending at its submit button."""
    page.goto("/sjablonen/last-onder-dwangsom/maken")
    overslaan = page.get_by_role("link", name="Naar de inhoud")
    page.keyboard.press("Tab")
    expect(overslaan).to_be_focused()
    assert overslaan.bounding_box()["x"] >= 0, "de link 'Naar de inhoud' is niet te zien als hij de focus heeft"
    bekijk(page, "toetsenbord", "01-overslaan")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#inhoud$"))
    expect(page.get_by_role("main")).to_be_focused()

    maken = page.get_by_role("button", name="Document maken en controleren")
    verwacht = maken.locator("xpath=ancestor::form").locator("input, select, textarea, button").filter(
        visible=True).evaluate_all(f"els => els.map({TOETS_SLEUTEL})")
    laatste = maken.evaluate(TOETS_SLEUTEL)
    bereikt = []
    for _ in range(5 * len(verwacht) + 20):           # a date input takes a Tab per part (day, month, year)
        page.keyboard.press("Tab")
        sleutel = page.evaluate(f"({TOETS_SLEUTEL})(document.activeElement)")
        if not bereikt or bereikt[-1] != sleutel:
            bereikt.append(sleutel)
        if sleutel == laatste:
            break
    assert bereikt[-1] == laatste, f"Tab bereikte de knop 'Document maken en controleren' niet: {bereikt}"
    niet_bereikt = [s for s in verwacht if s not in bereikt]
    assert not niet_bereikt, f"niet met Tab te bereiken: {niet_bereikt}"
    assert len(verwacht) > 30
    volgorde = [bereikt.index(s) for s in verwacht]
    assert volgorde == sorted(volgorde), "de Tab-volgorde volgt de volgorde op het scherm niet"
    for veld in ("Dagtekening", "Zaaknummer", "Bedrag van de dwangsom", "Dwangsom per"):
        assert page.get_by_label(veld).first.evaluate(TOETS_SLEUTEL) in bereikt


def test_api_documentatie_toont_de_bewerkingen_zonder_internet(browser, server):
    """/docs as a municipal desktop sees it: the real Content-Security-Policy (no bypass, unlike `page`) and no
    internet (every request elsewhere fails). Swagger UI renders every operation of the OpenAPI document, and one
    runs. No axe here: injecting it needs the bypass this test must not have, and Swagger UI is not our page.
    /docs and /openapi.json need a login, like every page."""
    context = browser.new_context(base_url=server, locale="nl-NL", viewport={"width": 1280, "height": 900})
    with urllib.request.urlopen(server + "/openapi.json", timeout=10) as antwoord:      # redirected to the login
        assert antwoord.url.startswith(server + "/aanmelden?volgende=/openapi.json")
    meld_aan(context.new_page(), "joost")
    document = context.request.get(server + "/openapi.json").json()
    bewerkingen = sorted(f"{methode.upper()} {pad}" for pad, methoden in document["paths"].items() for methode in methoden)
    elders = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server)
                  else (elders.append(route.request.url), route.abort()))
    context.add_init_script("window.geweigerd = []; document.addEventListener('securitypolicyviolation', "
                            "e => window.geweigerd.push(e.violatedDirective + ' ' + e.blockedURI));")
    tab = context.new_page()
    fouten = []
    tab.on("console", lambda bericht: fouten.append(bericht.text) if bericht.type == "error" else None)
    tab.on("pageerror", lambda fout: fouten.append(str(fout)))
    try:
        tab.goto("/docs")
        blokken = tab.locator(".opblock-summary")
        expect(blokken).to_have_count(len(bewerkingen))
        getoond = sorted(f"{b.locator('.opblock-summary-method').inner_text().strip()} "
                         f"{b.locator('.opblock-summary-path').inner_text().replace(chr(0x200b), '').strip()}"
                         for b in blokken.all())                   # Swagger UI breaks paths with zero-width spaces
        assert getoond == bewerkingen
        expect(tab.get_by_role("heading", name=re.compile("Sjabloonstraat"))).to_be_visible()
        catalogus = tab.locator("#operations-api-sjablonen_api_sjablonen_get")        # and it works: try one
        catalogus.locator(".opblock-summary").click()
        catalogus.get_by_role("button", name="Try it out").click()
        catalogus.get_by_role("button", name="Execute").click()
        expect(catalogus.locator(".live-responses-table tr.response .response-col_status")).to_have_text("200")
        SCHERMAFDRUKKEN.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=SCHERMAFDRUKKEN / "api-01-docs.png", full_page=True)
        assert tab.evaluate("window.geweigerd") == [] and not fouten and not elders, (fouten, elders)
    finally:
        context.close()


def test_aanmelden_fout_wachtwoord_en_afmelden(nieuwe_tab):
    """A page without a login leads to the login page and, after it, back to that page; a wrong password is said in
    Dutch with the focus on the message; logging out ends the session."""
    page = nieuwe_tab
    page.goto("/sjablonen")
    expect(page).to_have_url(re.compile(r"/aanmelden\?volgende=/sjablonen$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanmelden")
    expect(page.get_by_role("navigation", name="Hoofdmenu")).to_have_count(0)
    bekijk(page, "aanmelden", "01-aanmelden")

    page.get_by_label("Gebruikersnaam").fill("joost")
    page.get_by_label("Wachtwoord").fill("niet het goede wachtwoord")
    page.get_by_role("button", name="Aanmelden", exact=True).click()
    overzicht = page.locator("#foutoverzicht")
    expect(overzicht).to_contain_text("horen niet bij een actief account")
    expect(overzicht).to_be_focused()
    expect(page.get_by_label("Gebruikersnaam")).to_have_value("joost")
    bekijk(page, "aanmelden", "02-fout-wachtwoord")

    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Aanmelden", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kies een sjabloon")
    expect(page.get_by_text("Aangemeld als Joost Verhoeven")).to_be_visible()

    page.get_by_role("button", name="Afmelden").click()
    expect(page.get_by_role("status")).to_have_text("U bent afgemeld.")
    bekijk(page, "aanmelden", "03-afgemeld")
    page.goto("/b1")
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanmelden")


def test_kcc_ziet_alleen_wat_haar_rol_mag(nieuwe_tab):
    """Kim (kcc) sees only the B1 check in the menu and on the start page; the werkgroep's page says in Dutch which
    right she misses and which role gives it."""
    page = nieuwe_tab
    meld_aan(page, "kim")
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    expect(menu.get_by_role("link")).to_have_count(1)
    expect(menu.get_by_role("link", name="B1-controle")).to_be_visible()
    expect(page.get_by_role("main").get_by_role("link")).to_have_count(1)
    bekijk(page, "rollen", "01-start-kcc")
    page.goto("/werkgroep")
    expect(page.get_by_role("heading", level=1)).to_have_text("Niet toegestaan")
    expect(page.get_by_role("main")).to_contain_text("het recht 'catalogus_inzien' nodig")
    expect(page.get_by_role("main")).to_contain_text("jurist of communicatie")
    bekijk(page, "rollen", "02-niet-toegestaan")
