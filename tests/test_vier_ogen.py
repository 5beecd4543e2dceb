"""The four-eyes release from identities: two different people, one with the jurist's right and one with the
communication right, neither the last one who changed the template; the register keeps who they are."""

import threading

import pytest
import yaml
from docx import Document

from generator.catalogus.inventaris import maak_inventaris
from generator.vrijgave.register import Register
from generator.vrijgave.vier_ogen import LintMislukt, beoordelen, open_beoordelingen, vrijgeven
from generator.vullen.fouten import InvoerFout
from generator.vullen.sjabloon import laad
from toegang.identiteit import LOKAAL, Identiteit

SJABLOON = "ontvangstbevestiging-melding"
ISSUER = "https://login.gemeente.example/realms/ambtenaren"


def persoon(naam: str, *rollen: str, bron: str = LOKAAL) -> Identiteit:
    subject = f"lokaal:{naam.split()[0].lower()}" if bron == LOKAAL else f"sub-{naam.split()[0].lower()}"
    return Identiteit(subject, naam, frozenset(rollen), bron)


ANNA = persoon("Anna de Vries", "jurist")
BRAM = persoon("Bram Jansen", "communicatie")
CARLA = persoon("Carla Beide", "jurist", "communicatie")
DIRK = persoon("Dirk Zaak", "zaakbehandelaar")
EVA = persoon("Eva Taal", "communicatie", bron=ISSUER)


@pytest.fixture
def register(sjablonen_kopie, database_url):
    """The register on SQLite and on PostgreSQL (the release reads its approvals back from it)."""
    with Register(database_url) as reg:
        yield reg


def _manifest(sjablonen_kopie) -> dict:
    return yaml.safe_load((sjablonen_kopie / SJABLOON / "sjabloon.yaml").read_text(encoding="utf-8"))


def _wijzig_docx(sjablonen_kopie, zin: str) -> None:
    pad = sjablonen_kopie / SJABLOON / "sjabloon.docx"
    word = Document(str(pad))
    word.add_paragraph(zin)
    word.save(str(pad))


def _zet_wijziger(sjablonen_kopie, regel: str) -> None:
    pad = sjablonen_kopie / SJABLOON / "sjabloon.yaml"
    pad.write_text(pad.read_text(encoding="utf-8") + regel, encoding="utf-8")


def test_release_by_two_identities_stores_who_they_are(register, sjablonen_kopie):
    vrijgave = vrijgeven(SJABLOON, ANNA, BRAM, "eerste versie", register)
    assert vrijgave.sjabloon.vrijgegeven and vrijgave.sjabloon.versie == "1" and vrijgave.vorige_versie is None
    assert _manifest(sjablonen_kopie)["status"] == "vrijgegeven"
    [regel] = register.regels(sjabloon=SJABLOON)
    assert regel.soort == "vrijgave" and regel.door == "Anna de Vries en Bram Jansen"
    assert regel.gegevens["juridisch"] == {"subject": "lokaal:anna", "naam": "Anna de Vries", "bron": "lokaal",
                                           "rollen": ["jurist"]}
    assert regel.gegevens["communicatief"]["subject"] == "lokaal:bram"


@pytest.mark.parametrize("juridisch, communicatief, melding", [
    (CARLA, CARLA, "vier-ogenprincipe: Carla Beide kan niet zowel de juridische als de communicatieve beoordeling"),
    (DIRK, BRAM, "juridisch: Dirk Zaak mag de juridische beoordeling niet doen; daarvoor is de rol jurist nodig"),
    (ANNA, ANNA, "communicatief: Anna de Vries mag de communicatieve beoordeling niet doen; daarvoor is de rol "
                 "communicatie nodig"),
    ("Anna de Vries", BRAM, "juridisch: de juridische beoordeling vraagt een aangemelde beoordelaar, geen getypte naam"),
    (ANNA, Identiteit("sleutel:zaaksysteem", "zaaksysteem", frozenset({"communicatie"}), "sleutel"),
     "communicatief: zaaksysteem is een sleutel van een systeem, geen persoon"),
])
def test_release_is_refused_without_two_different_people_with_the_rights(register, sjablonen_kopie, juridisch,
                                                                         communicatief, melding):
    voor = (sjablonen_kopie / SJABLOON / "sjabloon.yaml").read_text(encoding="utf-8")
    with pytest.raises(InvoerFout) as fout:
        vrijgeven(SJABLOON, juridisch, communicatief, None, register)
    assert melding in str(fout.value)
    assert (sjablonen_kopie / SJABLOON / "sjabloon.yaml").read_text(encoding="utf-8") == voor
    assert register.regels() == []


def test_the_last_one_who_changed_the_template_cannot_review_it(register, sjablonen_kopie):
    _zet_wijziger(sjablonen_kopie, "gewijzigd_door:\n  subject: lokaal:bram\n  bron: lokaal\n  naam: Bram Jansen\n")
    assert laad(SJABLOON).gewijzigd_door == {"subject": "lokaal:bram", "bron": "lokaal", "naam": "Bram Jansen"}
    with pytest.raises(InvoerFout, match="vier-ogenprincipe: Bram Jansen wijzigde ontvangstbevestiging-melding het "
                                         "laatst"):
        vrijgeven(SJABLOON, ANNA, BRAM, None, register)
    with pytest.raises(InvoerFout, match="Bram Jansen wijzigde"):
        beoordelen(SJABLOON, BRAM, "communicatief", register)
    assert register.regels() == []
    # the same subject at another source (the OpenID provider) is another person
    namaak = Identiteit("lokaal:bram", "Bram van de provider", frozenset({"communicatie"}), ISSUER)
    assert vrijgeven(SJABLOON, ANNA, namaak, None, register).sjabloon.vrijgegeven


def test_a_last_changer_given_by_subject_alone_matches_any_source(register, sjablonen_kopie):
    _zet_wijziger(sjablonen_kopie, "gewijzigd_door: sub-eva\n")
    with pytest.raises(InvoerFout, match="Eva Taal wijzigde"):
        vrijgeven(SJABLOON, ANNA, EVA, None, register)


def test_a_malformed_last_changer_is_a_manifest_error(sjablonen_kopie):
    from generator.catalogus.lint import lint
    _zet_wijziger(sjablonen_kopie, "gewijzigd_door:\n  naam: Bram Jansen\n")
    with pytest.raises(InvoerFout, match="gewijzigd_door: schrijf wie het sjabloon het laatst wijzigde"):
        laad(SJABLOON)
    rapport = lint(SJABLOON)
    assert not rapport.geslaagd and "gewijzigd_door" in rapport.bevindingen[0].melding


def test_two_approvals_by_two_people_release_the_template(register, sjablonen_kopie):
    eerste = beoordelen(SJABLOON, ANNA, "juridisch", register, "grondslag klopt")
    assert eerste.vrijgave is None and eerste.wacht_op == "communicatief"
    assert not laad(SJABLOON).vrijgegeven
    [regel] = register.regels(sjabloon=SJABLOON)
    assert regel.soort == "beoordeling" and regel.sha256 == laad(SJABLOON).docx_sha256 and regel.door == "Anna de Vries"
    assert regel.gegevens == {"soort": "juridisch", "beoordelaar": ANNA.als_register(), "opmerking": "grondslag klopt",
                              "manifest_sha256": laad(SJABLOON).manifest_inhoud_sha256}

    with pytest.raises(InvoerFout, match="Anna de Vries gaf de juridische beoordeling van dit DOCX al"):
        beoordelen(SJABLOON, ANNA, "juridisch", register)

    tweede = beoordelen(SJABLOON, EVA, "communicatief", register, "leest goed")
    assert tweede.vrijgave is not None and tweede.wacht_op is None and tweede.sjabloon.vrijgegeven
    soorten = [r.soort for r in register.regels(sjabloon=SJABLOON)]
    assert soorten == ["beoordeling", "beoordeling", "vrijgave"]
    vrijgave = register.regels(sjabloon=SJABLOON, soort="vrijgave")[0]
    assert vrijgave.door == "Eva Taal" and vrijgave.gegevens["opmerking"] == "grondslag klopt; leest goed"
    assert vrijgave.gegevens["juridisch"]["subject"] == "lokaal:anna"
    assert vrijgave.gegevens["communicatief"] == EVA.als_register()
    assert open_beoordelingen(laad(SJABLOON), register) == []

    with pytest.raises(InvoerFout, match="is al vrijgegeven"):
        beoordelen(SJABLOON, BRAM, "communicatief", register)


def test_two_second_approvals_at_once_give_one_release(register, sjablonen_kopie):
    """Two communicatie reviewers press the button at the same moment after the jurist: one release, not two."""
    beoordelen(SJABLOON, ANNA, "juridisch", register)
    start, uitkomsten = threading.Barrier(2), []

    def keur_goed(wie):
        start.wait()
        try:
            uitkomsten.append(beoordelen(SJABLOON, wie, "communicatief", register).vrijgave is not None)
        except InvoerFout as fout:
            uitkomsten.append(str(fout))

    draden = [threading.Thread(target=keur_goed, args=(wie,)) for wie in (BRAM, EVA)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()
    assert uitkomsten.count(True) == 1, uitkomsten
    assert any(isinstance(u, str) and "is al vrijgegeven" in u for u in uitkomsten), uitkomsten
    assert len(register.regels(sjabloon=SJABLOON, soort="vrijgave")) == 1


def test_one_person_with_both_roles_cannot_give_both_halves(register, sjablonen_kopie):
    assert beoordelen(SJABLOON, CARLA, "communicatief", register).wacht_op == "juridisch"
    with pytest.raises(InvoerFout, match="vier-ogenprincipe: Carla Beide gaf de communicatieve beoordeling van dit "
                                         "DOCX al en kan niet ook de juridische beoordeling doen"):
        beoordelen(SJABLOON, CARLA, "juridisch", register)
    with pytest.raises(InvoerFout, match="daarvoor is de rol jurist nodig"):
        beoordelen(SJABLOON, BRAM, "juridisch", register)
    assert not laad(SJABLOON).vrijgegeven and len(register.regels()) == 1
    assert beoordelen(SJABLOON, ANNA, "juridisch", register).vrijgave is not None        # a second person: released


def test_an_approval_counts_only_for_the_docx_it_saw(register, sjablonen_kopie):
    beoordelen(SJABLOON, ANNA, "juridisch", register)
    _wijzig_docx(sjablonen_kopie, "Een zin die de jurist niet las.")
    assert beoordelen(SJABLOON, BRAM, "communicatief", register).wacht_op == "juridisch"
    assert not laad(SJABLOON).vrijgegeven
    assert beoordelen(SJABLOON, ANNA, "juridisch", register).vrijgave.sjabloon.vrijgegeven


def _zet_termijn(sjablonen_kopie, van: int, naar: int) -> None:
    """The working days of the contact deadline in sjabloon.yaml, changed by hand."""
    pad = sjablonen_kopie / SJABLOON / "sjabloon.yaml"
    tekst = pad.read_text(encoding="utf-8")
    assert f"vanaf: ontvangstdatum, aantal: {van}}}" in tekst
    pad.write_text(tekst.replace(f"aantal: {van}}}", f"aantal: {naar}}}"), encoding="utf-8")


def test_an_approval_counts_only_for_the_manifest_it_saw(register, sjablonen_kopie):
    beoordelen(SJABLOON, ANNA, "juridisch", register)
    [regel] = register.regels(sjabloon=SJABLOON)
    assert regel.gegevens["manifest_sha256"] == laad(SJABLOON).manifest_inhoud_sha256
    _zet_termijn(sjablonen_kopie, 2, 10)                  # a deadline the jurist did not see
    assert open_beoordelingen(laad(SJABLOON), register) == []
    assert beoordelen(SJABLOON, BRAM, "communicatief", register).wacht_op == "juridisch"
    assert not laad(SJABLOON).vrijgegeven and register.regels(soort="vrijgave") == []
    vrijgave = beoordelen(SJABLOON, ANNA, "juridisch", register).vrijgave
    assert vrijgave.sjabloon.vrijgegeven and vrijgave.sjabloon.termijnen["contact"]["aantal"] == 10
    assert register.regels(soort="vrijgave")[0].gegevens["manifest_sha256"] == vrijgave.sjabloon.manifest_sha256
    # changed after the release: concept again, and a new approval is possible
    _zet_termijn(sjablonen_kopie, 10, 3)
    sjabloon = laad(SJABLOON)
    assert sjabloon.gewijzigd_na_vrijgave and not sjabloon.vrijgegeven
    assert sjabloon.vrijgave_vervallen == "sjabloon.yaml is gewijzigd na de vrijgave"
    assert beoordelen(SJABLOON, ANNA, "juridisch", register).wacht_op == "communicatief"


def test_an_approval_stored_before_the_manifest_was_covered_does_not_count(register, sjablonen_kopie):
    """An approval entry of an older version has no manifest hash: it does not say which manifest it approved."""
    sjabloon = laad(SJABLOON)
    register.voeg_toe("beoordeling", sjabloon_id=SJABLOON, sjabloon_versie="1", sha256=sjabloon.docx_sha256,
                      door=ANNA.naam, gegevens={"soort": "juridisch", "beoordelaar": ANNA.als_register(),
                                                "opmerking": None})
    assert open_beoordelingen(sjabloon, register) == []
    assert beoordelen(SJABLOON, BRAM, "communicatief", register).wacht_op == "juridisch"


def test_a_release_by_an_older_version_is_no_release(register, sjablonen_kopie):
    pad = sjablonen_kopie / SJABLOON / "sjabloon.yaml"
    sha = laad(SJABLOON).docx_sha256
    pad.write_text(pad.read_text(encoding="utf-8").replace("status: concept", f"status: vrijgegeven\nsha256: {sha}"),
                   encoding="utf-8")
    sjabloon = laad(SJABLOON)
    assert not sjabloon.vrijgegeven and sjabloon.samenvatting()["status"] == "concept"
    assert "de vrijgave dekte sjabloon.yaml nog niet" in sjabloon.vrijgave_vervallen
    beoordelen(SJABLOON, ANNA, "juridisch", register)
    vrijgave = beoordelen(SJABLOON, BRAM, "communicatief", register).vrijgave
    assert vrijgave.vorige_versie == "1" and vrijgave.sjabloon.versie == "2" and vrijgave.sjabloon.vrijgegeven


def test_a_failing_lint_stops_the_release_and_records_nothing_of_the_second_approval(register, sjablonen_kopie):
    beoordelen(SJABLOON, ANNA, "juridisch", register)
    _wijzig_docx(sjablonen_kopie, "Uw kenmerk: {{ kenmerk_klant }}")        # not declared in the manifest
    beoordelen(SJABLOON, ANNA, "juridisch", register)
    with pytest.raises(LintMislukt):
        beoordelen(SJABLOON, BRAM, "communicatief", register)
    assert [r.gegevens["soort"] for r in register.regels()] == ["juridisch", "juridisch"]
    assert _manifest(sjablonen_kopie)["status"] == "concept"


def test_unknown_kind_of_review_is_a_dutch_error(register):
    with pytest.raises(InvoerFout, match="soort: 'taal' bestaat niet; kies juridisch of communicatief"):
        beoordelen(SJABLOON, ANNA, "taal", register)


def test_inventory_and_register_show_the_names_of_the_identities(register, sjablonen_kopie):
    import datetime as dt
    vrijgeven(SJABLOON, ANNA, EVA, None, register)
    regel = next(s for s in maak_inventaris(register, dt.date.today(), lambda s, d: _GEEN_LINT).sjablonen
                 if s.id == SJABLOON)
    assert (regel.juridisch, regel.communicatief) == ("Anna de Vries", "Eva Taal")


class _GeenLint:
    b1_score = None
    awb_vrijgave = None


_GEEN_LINT = _GeenLint()


# --- the command line: local accounts, each with their own password ----------------------------------------------

def test_cli_release_by_two_accounts(sjablonen_kopie, database_url):
    from beoordelaars import maak_beoordelaars, vrijgeven_cli
    maak_beoordelaars()
    uit = vrijgeven_cli(SJABLOON, "--opmerking", "samen gelezen")
    assert uit.returncode == 0, uit.stderr
    assert "beoordeeld door Anna de Vries (lokaal:anna, juridisch) en Bram Jansen (lokaal:bram, communicatief)" in uit.stdout
    with Register(database_url) as register:
        [vrijgave] = register.regels(soort="vrijgave")
    assert vrijgave.gegevens["juridisch"]["subject"] == "lokaal:anna" and vrijgave.door == "Anna de Vries en Bram Jansen"
    assert "anna-wachtwoord" not in str(vrijgave.gegevens)


@pytest.mark.parametrize("accounts, wachtwoorden, melding", [
    ({"juridisch": "anna"}, "fout-wachtwoord-99\nbram-wachtwoord-2\n",
     "--juridisch: aanmelden als 'anna' lukt niet (onbekend account, verkeerd wachtwoord of uitgeschakeld)"),
    ({"communicatief": "niemand"}, None, "--communicatief: aanmelden als 'niemand' lukt niet"),
    ({"communicatief": "niemand"}, None, "wie zich via de identity provider aanmeldt, keurt het sjabloon goed in de "
                                         "webapp"),
    ({"juridisch": "dirk"}, None, "juridisch: Dirk Zaak mag de juridische beoordeling niet doen; daarvoor is de rol "
                                  "jurist nodig"),
    ({"juridisch": "carla", "communicatief": "carla"}, None,
     "vier-ogenprincipe: account 'carla' kan niet zowel de juridische als de communicatieve beoordeling doen"),
    ({}, "anna-wachtwoord-1\n", "--wachtwoorden-stdin: geef twee regels op stdin"),
])
def test_cli_release_is_refused_with_a_dutch_message(sjablonen_kopie, accounts, wachtwoorden, melding):
    from beoordelaars import maak_beoordelaars, vrijgeven_cli
    maak_beoordelaars()
    voor = (sjablonen_kopie / SJABLOON / "sjabloon.yaml").read_text(encoding="utf-8")
    uit = vrijgeven_cli(SJABLOON, wachtwoorden=wachtwoorden, **accounts)
    assert uit.returncode == 2 and melding in uit.stderr, uit.stderr
    assert (sjablonen_kopie / SJABLOON / "sjabloon.yaml").read_text(encoding="utf-8") == voor


def test_cli_release_for_the_last_changer_is_refused(sjablonen_kopie):
    from beoordelaars import maak_beoordelaars, vrijgeven_cli
    maak_beoordelaars()
    _zet_wijziger(sjablonen_kopie, "gewijzigd_door: {subject: 'lokaal:anna', bron: lokaal, naam: Anna de Vries}\n")
    uit = vrijgeven_cli(SJABLOON)
    assert uit.returncode == 2 and "vier-ogenprincipe: Anna de Vries wijzigde" in uit.stderr


def test_cli_asks_the_passwords_and_ctrl_d_stops_in_dutch(sjablonen_kopie):
    import subprocess

    from conftest import SJABLOON as OPDRACHT
    uit = subprocess.run(OPDRACHT + ["vrijgeven", SJABLOON, "--juridisch", "anna", "--communicatief", "bram"],
                         input="", capture_output=True, text=True)
    assert uit.returncode == 2 and "geen wachtwoord gegeven (afgebroken)" in uit.stderr, uit.stderr
    assert "Wachtwoord van anna (juridisch)" in uit.stderr and "Traceback" not in uit.stderr


# --- the web app: each reviewer logged in on their own -----------------------------------------------------------

PAD = f"/werkgroep/{SJABLOON}"


@pytest.fixture
def web(sjablonen_kopie, monkeypatch):
    from aanmelden import GEHEIM
    from fastapi.testclient import TestClient

    from web.app import maak_app
    monkeypatch.setenv("SJABLOON_SESSIEGEHEIM", GEHEIM)
    with TestClient(maak_app()) as client:
        yield client


def _als(client, identiteit: Identiteit) -> None:
    """Log the client in as this identity, coming from the provider: a signed session cookie, as the app makes one
    (a local identity would need its account: the app checks that it still exists)."""
    from dataclasses import replace

    from aanmelden import sessiecookie
    client.cookies.clear()
    client.cookies.update(sessiecookie(replace(identiteit, bron=ISSUER)))
    client.get(PAD)                                                    # a page sets the CSRF cookie


def _keur(client, soort: str, **meer):
    from web.veiligheid import CSRF_COOKIE
    return client.post(f"{PAD}/vrijgeven", data={"csrf": client.cookies.get(CSRF_COOKIE), "soort": soort, **meer},
                       follow_redirects=False)


def test_web_release_by_two_provider_users_stores_their_identities(web, eigen_register):
    anna = persoon("Anna de Vries", "jurist", bron=ISSUER)
    _als(web, anna)
    pagina = web.get(PAD).text
    assert "Juridisch goedkeuren" in pagina and "Communicatief goedkeuren" not in pagina
    assert _keur(web, "juridisch", opmerking="grondslag klopt").headers["location"] == f"{PAD}?goedgekeurd=juridisch"
    pagina = web.get(f"{PAD}?goedgekeurd=juridisch").text
    assert "Uw juridische beoordeling is vastgelegd" in pagina
    assert "Juridisch goedgekeurd door Anna de Vries" in pagina and "grondslag klopt" in pagina

    _als(web, EVA)
    pagina = web.get(PAD).text
    assert "Communicatief goedkeuren" in pagina and "Juridisch goedkeuren" not in pagina
    assert _keur(web, "communicatief").headers["location"] == f"{PAD}?vrijgegeven=1"
    pagina = web.get(PAD).text
    assert "<td>Anna de Vries</td><td>Eva Taal</td>" in pagina
    assert "Dit DOCX en sjabloon.yaml zijn vrijgegeven" in pagina
    assert "Communicatief goedkeuren" not in pagina
    with Register(eigen_register) as register:
        [vrijgave] = register.regels(soort="vrijgave")
    assert vrijgave.door == "Eva Taal"
    assert vrijgave.gegevens["juridisch"] == anna.als_register() and vrijgave.gegevens["communicatief"]["bron"] == ISSUER


def test_web_a_manifest_changed_between_the_two_approvals_does_not_release(web, sjablonen_kopie, eigen_register):
    anna = persoon("Anna de Vries", "jurist", bron=ISSUER)
    _als(web, anna)
    assert _keur(web, "juridisch").status_code == 303
    _zet_termijn(sjablonen_kopie, 2, 10)
    _als(web, EVA)
    assert "Juridisch goedgekeurd door Anna de Vries" not in web.get(PAD).text
    assert _keur(web, "communicatief").headers["location"] == f"{PAD}?goedgekeurd=communicatief"
    with Register(eigen_register) as register:
        assert register.regels(soort="vrijgave") == []
    assert not laad(SJABLOON).vrijgegeven
    _als(web, anna)
    assert _keur(web, "juridisch").headers["location"] == f"{PAD}?vrijgegeven=1"
    assert "<dt>Status</dt><dd>vrijgegeven</dd>" in web.get(PAD).text
    _zet_termijn(sjablonen_kopie, 10, 4)
    pagina = web.get(PAD).text
    assert "<dt>Status</dt><dd>concept (sjabloon.yaml is gewijzigd na de vrijgave)</dd>" in pagina
    assert "Communicatief goedkeuren" not in pagina and "Juridisch goedkeuren" in pagina
    inventaris = web.get("/werkgroep").text
    assert f'<a href="/werkgroep/{SJABLOON}">' in inventaris
    rij = inventaris.split(f'<a href="/werkgroep/{SJABLOON}">')[1].split("</tr>")[0]
    assert "<td>concept</td>" in rij


def test_web_one_person_with_both_roles_gives_one_half_only(web):
    _als(web, CARLA)
    pagina = web.get(PAD).text
    assert "Juridisch goedkeuren" in pagina and "Communicatief goedkeuren" in pagina
    assert _keur(web, "juridisch").status_code == 303
    tweede = _keur(web, "communicatief")
    assert tweede.status_code == 422 and "vier-ogenprincipe: Carla Beide gaf de juridische beoordeling" in tweede.text
    assert 'id="foutoverzicht"' in tweede.text and not laad(SJABLOON).vrijgegeven


def test_web_refuses_a_half_the_role_does_not_give_and_the_last_changer(web, sjablonen_kopie):
    _als(web, BRAM)
    geweigerd = _keur(web, "juridisch")
    assert geweigerd.status_code == 403 and "juridisch_beoordelen" in geweigerd.text and "jurist" in geweigerd.text
    assert _keur(web, "oordeel").status_code == 422
    _zet_wijziger(sjablonen_kopie, "gewijzigd_door: {subject: 'lokaal:bram', naam: Bram Jansen}\n")
    assert "Laatst gewijzigd door Bram Jansen" in web.get(PAD).text
    wijziger = _keur(web, "communicatief")
    assert wijziger.status_code == 422 and "Bram Jansen wijzigde ontvangstbevestiging-melding het laatst" in wijziger.text
    _als(web, DIRK)                                  # a zaakbehandelaar does not see the werkgroep at all
    assert _keur(web, "juridisch").status_code == 403


# --- a change of the Word file names who made it -----------------------------------------------------------------

def _nieuw_docx(sjablonen_kopie, zin: str) -> bytes:
    import io
    word = Document(str(sjablonen_kopie / SJABLOON / "sjabloon.docx"))
    word.add_paragraph(zin)
    uit = io.BytesIO()
    word.save(uit)
    return uit.getvalue()


def test_replacing_the_docx_names_the_changer_who_then_cannot_review(register, sjablonen_kopie):
    import hashlib

    from generator.vrijgave.wijziging import vervang_docx
    vrijgeven(SJABLOON, ANNA, BRAM, None, register)
    inhoud = _nieuw_docx(sjablonen_kopie, "U hoort binnen twee weken van ons.")
    sjabloon = vervang_docx(SJABLOON, inhoud, BRAM, register)
    assert sjabloon.gewijzigd_door == {"subject": "lokaal:bram", "bron": "lokaal", "naam": "Bram Jansen"}
    assert sjabloon.gewijzigd_na_vrijgave and not sjabloon.vrijgegeven          # concept again until reviewed
    assert (sjablonen_kopie / SJABLOON / "sjabloon.docx").read_bytes() == inhoud
    wijziging = register.regels(soort="wijziging")[0]
    assert wijziging.sha256 == hashlib.sha256(inhoud).hexdigest() and wijziging.gegevens["wijziger"] == BRAM.als_register()
    with pytest.raises(InvoerFout, match="Bram Jansen wijzigde"):
        beoordelen(SJABLOON, BRAM, "communicatief", register)
    # the name taken out of the manifest by hand: the register still knows who put this DOCX there
    manifest = sjablonen_kopie / SJABLOON / "sjabloon.yaml"
    manifest.write_text("\n".join(r for r in manifest.read_text(encoding="utf-8").splitlines()
                                  if not r.startswith("gewijzigd_door")) + "\n", encoding="utf-8")
    assert laad(SJABLOON).gewijzigd_door is None
    with pytest.raises(InvoerFout, match="Bram Jansen wijzigde"):
        vrijgeven(SJABLOON, ANNA, BRAM, None, register)
    assert vrijgeven(SJABLOON, ANNA, EVA, None, register).sjabloon.versie == "2"


def test_replacing_the_docx_refuses_what_is_no_new_word_file(register, sjablonen_kopie):
    from generator.vrijgave.wijziging import vervang_docx
    with pytest.raises(InvoerFout, match="bestand: .*geen geldig DOCX-bestand"):
        vervang_docx(SJABLOON, b"geen docx", BRAM, register)
    huidig = (sjablonen_kopie / SJABLOON / "sjabloon.docx").read_bytes()
    with pytest.raises(InvoerFout, match="bestand: dit is hetzelfde Word-bestand"):
        vervang_docx(SJABLOON, huidig, BRAM, register)
    assert register.regels() == [] and laad(SJABLOON).gewijzigd_door is None


def test_web_replacing_the_docx_by_a_reviewer(web, sjablonen_kopie, eigen_register):
    from web.veiligheid import CSRF_COOKIE
    _als(web, BRAM)
    huidig = web.get(f"{PAD}/sjabloon.docx")
    assert huidig.status_code == 200 and huidig.content == (sjablonen_kopie / SJABLOON / "sjabloon.docx").read_bytes()

    def stuur(naam, inhoud):
        return web.post(f"{PAD}/docx", data={"csrf": web.cookies.get(CSRF_COOKIE)}, files={"bestand": (naam, inhoud)},
                        follow_redirects=False)

    fout = stuur("brief.txt", b"tekst")
    assert fout.status_code == 422 and "brief.txt is geen Word-bestand" in fout.text
    antwoord = stuur("nieuw.docx", _nieuw_docx(sjablonen_kopie, "Een nieuwe zin."))
    assert antwoord.status_code == 303 and antwoord.headers["location"] == f"{PAD}?gewijzigd=1"
    pagina = web.get(antwoord.headers["location"]).text
    assert "Het nieuwe Word-bestand staat klaar" in pagina and "Laatst gewijzigd door Bram Jansen" in pagina
    assert _keur(web, "communicatief").status_code == 422
    with Register(eigen_register) as register:
        assert register.regels(soort="wijziging")[0].gegevens["wijziger"]["bron"] == ISSUER
    _als(web, DIRK)
    assert stuur("nieuw.docx", b"x").status_code == 403


def test_the_register_command_shows_who_approved_changed_and_released(register, sjablonen_kopie):
    from conftest import sjabloon_cli

    from generator.vrijgave.wijziging import vervang_docx
    vervang_docx(SJABLOON, _nieuw_docx(sjablonen_kopie, "Een nieuwe zin."), CARLA, register)
    beoordelen(SJABLOON, ANNA, "juridisch", register)
    beoordelen(SJABLOON, EVA, "communicatief", register)
    uit = sjabloon_cli("register", "--sjabloon", SJABLOON)
    assert uit.returncode == 0, uit.stderr
    regels = uit.stdout.splitlines()
    assert regels[0].endswith("nieuw DOCX van Carla Beide (lokaal:carla)")
    assert regels[1].endswith("juridisch goedgekeurd door Anna de Vries (lokaal:anna)")
    assert regels[2].endswith("communicatief goedgekeurd door Eva Taal (sub-eva)")
    assert regels[3].endswith("juridisch: Anna de Vries (lokaal:anna), communicatief: Eva Taal (sub-eva)")
