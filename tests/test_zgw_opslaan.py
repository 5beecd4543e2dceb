"""Storing a generated document in the zaaksysteem (issue 22, lane Z3): the manifest's zgw block, the gemeente's
RSIN, the outbox in the register database, and the store itself against the test double of a ZGW register."""

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from conftest import REPO, sjabloon_cli

from generator.catalogus.lint import lint
from generator.vrijgave.register import Register
from generator.vullen.fouten import InvoerFout
from generator.vullen.sjabloon import laad
from generator.vullen.zaak import laad_zaak
from zgw.client import ZgwClient
from zgw.opslaan import opnieuw, rsin, sla_op
from zgw.uitgaand import AFGELEVERD, WACHTEND, Wachtrij

BESLUIT, BRIEF = "omgevingsvergunning-verleend", "ontvangstbevestiging-aanvraag"
DAGTEKENING = dt.date(2026, 11, 23)
DOCX, PDF = b"PK\x03\x04 een docx", b"%PDF-1.7 een pdf/a"


def _manifest(kopie, sjabloon, **zgw):
    """Change the zgw block of a template in the private catalogue (None drops a key; blok=... replaces the block,
    blok=None removes it)."""
    pad = kopie / sjabloon / "sjabloon.yaml"
    manifest = yaml.safe_load(pad.read_text(encoding="utf-8"))
    if "blok" in zgw and zgw["blok"] is None:
        del manifest["zgw"]
    elif "blok" in zgw:
        manifest["zgw"] = zgw["blok"]
    else:
        manifest["zgw"] = {k: v for k, v in {**manifest["zgw"], **zgw}.items() if v is not None}
    pad.write_text(yaml.safe_dump(manifest, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _manifestfouten(sjabloon) -> list[str]:
    return [b.melding for b in lint(sjabloon).bevindingen if b.code == "manifest"]


def test_de_voorbeeldsjablonen_hebben_een_zgw_blok():
    for naam, besluit in ((BESLUIT, True), (BRIEF, False)):
        manifest = yaml.safe_load((REPO / "templates" / naam / "sjabloon.yaml").read_text(encoding="utf-8"))
        assert manifest["zgw"]["informatieobjecttype"] and manifest["zgw"]["vertrouwelijkheidaanduiding"]
        assert bool(manifest["zgw"].get("besluittype")) is besluit


@pytest.mark.parametrize("sjabloon, zgw, melding", [
    (BRIEF, {"vertrouwelijkheidaanduiding": "geheimpje"}, "zgw.vertrouwelijkheidaanduiding: 'geheimpje' moet een van "
                                                          "openbaar, beperkt_openbaar"),
    (BRIEF, {"informatieobjecttype": None}, "zgw.informatieobjecttype: verplicht veld ontbreekt"),
    (BRIEF, {"besluittype": "Besluit"}, "zgw.besluittype: alleen bij een besluit; besluittype brief is een brief"),
    (BRIEF, {"map": "x"}, "zgw: onbekende sleutel 'map'"),
    (BRIEF, {"blok": "Brief"}, "zgw: verwacht {informatieobjecttype: ..."),
    (BESLUIT, {"reactietermijn": "beroep"}, "zgw.reactietermijn: 'beroep' staat niet in termijnen"),
    (BESLUIT, {"besluittype": None}, "zgw.reactietermijn: alleen bij een besluit (zgw.besluittype)"),
    (BESLUIT, {"informatieobjecttype": ["a", "b"]}, "zgw.informatieobjecttype: verwacht een tekst"),
])
def test_de_lint_meldt_een_onjuist_zgw_blok(sjablonen_kopie, sjabloon, zgw, melding):
    assert laad(sjabloon).zgw                       # the unchanged block loads
    _manifest(sjablonen_kopie, sjabloon, **zgw)
    fouten = _manifestfouten(sjabloon)
    assert any(melding in f for f in fouten), fouten


def test_de_wachtrij_bewaart_een_document_eenmaal_en_elke_stap(database_url):
    """SQLite and PostgreSQL: the file as bytes, the metadata as JSON, each step's URL as soon as it is saved."""
    with Register(database_url) as register:
        wachtrij = Wachtrij(register)
        velden = dict(identificatie="sjs-1", zaak_url="http://zs/zaken/api/v1/zaken/1", sjabloon=BRIEF,
                      bestandsnaam="Z-1_brief.docx", inhoud=b"PK\x03\x04\x00docx", pdf=None,
                      metadata={"titel": "Ontvangstbevestiging", "auteur": "Gemeente Voorbeeld"})
        eerste = wachtrij.plaats(**velden)
        assert wachtrij.plaats(**dict(velden, inhoud=b"anders")) == eerste       # same document: the same entry
        wachtrij.stap(eerste.id, "document", "http://zs/documenten/api/v1/enkelvoudiginformatieobjecten/9")
        wachtrij.mislukt(eerste.id, "Zaken API: POST ... gaf status 503")
    with Register(database_url) as opnieuw:
        [uitgaand] = Wachtrij(opnieuw).lijst(WACHTEND)
        assert uitgaand.inhoud == b"PK\x03\x04\x00docx" and uitgaand.pdf is None
        assert uitgaand.metadata["titel"] == "Ontvangstbevestiging"
        assert uitgaand.resultaat == {"document": "http://zs/documenten/api/v1/enkelvoudiginformatieobjecten/9"}
        assert (uitgaand.pogingen, uitgaand.laatste_fout) == (1, "Zaken API: POST ... gaf status 503")
        with opnieuw.engine.begin() as verbinding:
            Wachtrij(opnieuw).afgeleverd(uitgaand.id, verbinding)
        assert Wachtrij(opnieuw).lijst(WACHTEND) == []
        assert [u.status for u in Wachtrij(opnieuw).lijst()] == [AFGELEVERD]


@pytest.mark.parametrize("waarde, melding", [
    (None, "gemeenteprofiel: rsin ontbreekt"),
    ("12345678", "gemeenteprofiel: rsin '12345678' is geen RSIN"),
    ("999990018", "gemeenteprofiel: rsin '999990018' is geen RSIN: verwacht 9 cijfers die de elfproef doorstaan"),
])
def test_het_rsin_van_de_gemeente_wordt_gecontroleerd(waarde, melding):
    assert rsin({"rsin": "999990019"}) == "999990019"
    with pytest.raises(InvoerFout) as fout:
        rsin({"rsin": waarde})
    assert str(fout.value).startswith(melding)


# ---- against the test double of a ZGW register ------------------------------------------------------------------

def _client(dubbel, klasse=ZgwClient, **opties):
    return klasse(dubbel.instellingen(), gebruiker=("lokaal:sanne", "Sanne de Boer"), wacht=0, **opties)


def _zaak(dubbel, *types) -> str:
    """A zaak whose zaaktype's catalogue holds the types (informatieobjecttypen / besluittypen, omschrijving)."""
    for soort, omschrijving in types:
        dubbel.voeg_type_toe(soort, omschrijving)
    return dubbel.voeg_zaak_toe()


def _gegevens(sjabloon) -> dict:
    return laad_zaak(REPO / "templates" / sjabloon / "voorbeeld.yaml", laad(sjabloon))


def _sla_op(dubbel, register, zaak_url, sjabloon=BRIEF, client=None, **extra):
    return sla_op(client or _client(dubbel), zaak_url, sjabloon, DOCX, f"Z-2026-004512_{sjabloon}.docx",
                  _gegevens(sjabloon), register, dagtekening=DAGTEKENING, door="Sanne de Boer", **extra)


def _zgw_regels(register):
    return [(r.soort, r.gegevens) for r in register.regels(soort="zgw")]


def test_een_brief_komt_met_zijn_koppeling_in_het_zaaksysteem(zgw_dubbel, sjablonen_kopie, database_url):
    zaak = _zaak(zgw_dubbel, ("informatieobjecttypen", "Ontvangstbevestiging"), ("informatieobjecttypen", "Anders"))
    with Register(database_url) as register:
        opslag = _sla_op(zgw_dubbel, register, zaak)
        assert opslag.afgeleverd and opslag.fout is None
        [document] = zgw_dubbel.aangemaakt("enkelvoudiginformatieobjecten")
        [koppeling] = zgw_dubbel.aangemaakt("zaakinformatieobjecten")
        assert opslag.urls == {"informatieobjecttype": document["informatieobjecttype"], "document": document["url"],
                               "document_zaak": koppeling["url"]}
        iot = zgw_dubbel.objecten["informatieobjecttypen"][document["informatieobjecttype"]]
        assert iot["omschrijving"] == "Ontvangstbevestiging"
        assert {k: document[k] for k in ("bronorganisatie", "taal", "creatiedatum", "titel", "auteur", "status",
                                          "vertrouwelijkheidaanduiding", "bestandsnaam", "formaat")} == {
            "bronorganisatie": "999990019", "taal": "dut", "creatiedatum": "2026-11-23",
            "titel": laad(BRIEF).titel, "auteur": "Gemeente Voorbeeld", "status": "definitief",
            "vertrouwelijkheidaanduiding": "zaakvertrouwelijk", "bestandsnaam": f"Z-2026-004512_{BRIEF}.docx",
            "formaat": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
        assert zgw_dubbel.inhoud[document["url"]] == DOCX
        assert (koppeling["zaak"], koppeling["informatieobject"]) == (zaak, document["url"])
        assert zgw_dubbel.aangemaakt("besluiten") == []
        assert _zgw_regels(register) == [("zgw", {"bestand": f"Z-2026-004512_{BRIEF}.docx", "zaak": zaak,
                                                  "identificatie": opslag.identificatie, "urls": opslag.urls,
                                                  "pogingen": 1})]
        assert [u.status for u in Wachtrij(register).lijst()] == [AFGELEVERD]
        # the same document once more: found, not made again
        assert _sla_op(zgw_dubbel, register, zaak).urls == opslag.urls
        assert len(zgw_dubbel.aangemaakt("enkelvoudiginformatieobjecten")) == 1
    gebruikers = {v["claims"]["user_id"] for v in zgw_dubbel.verzoeken}
    assert gebruikers == {"lokaal:sanne"}


def test_een_besluit_krijgt_document_pdf_besluit_en_hun_koppelingen(zgw_dubbel, sjablonen_kopie, database_url):
    zaak = _zaak(zgw_dubbel, ("informatieobjecttypen", "Besluit omgevingsvergunning"),
                 ("besluittypen", "Omgevingsvergunning verleend"), ("besluittypen", "Omgevingsvergunning geweigerd"))
    with Register(database_url) as register:
        opslag = _sla_op(zgw_dubbel, register, zaak, BESLUIT, pdf=PDF)
    assert opslag.afgeleverd, opslag.fout
    docx, pdf = zgw_dubbel.aangemaakt("enkelvoudiginformatieobjecten")
    assert (docx["formaat"], pdf["formaat"]) == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/pdf")
    assert pdf["bestandsnaam"] == f"Z-2026-004512_{BESLUIT}.pdf" and zgw_dubbel.inhoud[pdf["url"]] == PDF
    assert pdf["identificatie"] == f"{docx['identificatie']}-pdf"
    assert {(k["zaak"], k["informatieobject"]) for k in zgw_dubbel.aangemaakt("zaakinformatieobjecten")} == {
        (zaak, docx["url"]), (zaak, pdf["url"])}
    [besluit] = zgw_dubbel.aangemaakt("besluiten")
    assert zgw_dubbel.objecten["besluittypen"][besluit["besluittype"]]["omschrijving"] == "Omgevingsvergunning verleend"
    # six weeks from the day after 23 November 2026 (art. 6:7 and 6:8 Awb): Monday 4 January 2027, a working day
    assert {k: besluit[k] for k in ("datum", "ingangsdatum", "verzenddatum", "uiterlijkeReactiedatum", "zaak",
                                    "verantwoordelijkeOrganisatie", "identificatie")} == {
        "datum": "2026-11-23", "ingangsdatum": "2026-11-23", "verzenddatum": "2026-11-23",
        "uiterlijkeReactiedatum": "2027-01-04", "zaak": zaak, "verantwoordelijkeOrganisatie": "999990019",
        "identificatie": docx["identificatie"]}
    assert {(k["besluit"], k["informatieobject"]) for k in zgw_dubbel.aangemaakt("besluitinformatieobjecten")} == {
        (besluit["url"], docx["url"]), (besluit["url"], pdf["url"])}
    assert set(opslag.urls) == {"informatieobjecttype", "document", "document_zaak", "pdf", "pdf_zaak", "besluittype",
                                "besluit", "document_besluit", "pdf_besluit"}


def test_een_besluitbrief_van_een_type_dat_het_besluittype_niet_toestaat_maakt_niets_aan(zgw_dubbel, sjablonen_kopie):
    """The besluittype allows another document type only: refused before any document or Besluit is made (a register
    would refuse the link at the last step), and the letter waits in the outbox with the reason."""
    zgw_dubbel.voeg_type_toe("informatieobjecttypen", "Besluit omgevingsvergunning")
    ander = zgw_dubbel.voeg_type_toe("informatieobjecttypen", "Ander besluitdocument")
    zgw_dubbel.voeg_type_toe("besluittypen", "Omgevingsvergunning verleend", informatieobjecttypen=[ander])
    zaak = zgw_dubbel.voeg_zaak_toe()
    with Register() as register:
        opslag = _sla_op(zgw_dubbel, register, zaak, BESLUIT)
        assert not opslag.afgeleverd and not opslag.storing
        assert "hoort niet bij het besluittype 'Omgevingsvergunning verleend'" in opslag.fout
        assert [u.zaak_url for u in Wachtrij(register).lijst()] == [zaak]
    for soort in ("enkelvoudiginformatieobjecten", "zaakinformatieobjecten", "besluiten"):
        assert zgw_dubbel.aangemaakt(soort) == [], soort


def test_een_zaak_url_buiten_de_zaken_api_wordt_geweigerd_voor_er_iets_gebeurt(zgw_dubbel, sjablonen_kopie):
    with Register() as register:
        for url in ("https://elders.example.nl/zaken/api/v1/zaken/1", zgw_dubbel.url("documenten", "x/1")):
            with pytest.raises(InvoerFout) as fout:
                _sla_op(zgw_dubbel, register, url)
            assert str(fout.value).startswith(("zaak-url: ", f"{url}: deze URL hoort bij geen"))
        assert Wachtrij(register).lijst() == []
    assert zgw_dubbel.verzoeken == []


def test_een_concept_krijgt_geen_besluit(zgw_dubbel, sjablonen_kopie):
    zaak = _zaak(zgw_dubbel, ("informatieobjecttypen", "Besluit omgevingsvergunning"),
                 ("besluittypen", "Omgevingsvergunning verleend"))
    with Register() as register:
        assert _sla_op(zgw_dubbel, register, zaak, BESLUIT, concept=True).afgeleverd
    assert [d["status"] for d in zgw_dubbel.aangemaakt("enkelvoudiginformatieobjecten")] == ["in_bewerking"]
    assert zgw_dubbel.aangemaakt("besluiten") == []


def test_storing_gaat_naar_de_wachtrij_en_opnieuw_levert_precies_eenmaal(zgw_dubbel, sjablonen_kopie, database_url):
    zaak = _zaak(zgw_dubbel, ("informatieobjecttypen", "Besluit omgevingsvergunning"),
                 ("besluittypen", "Omgevingsvergunning verleend"))
    zgw_dubbel.uit()
    with Register(database_url) as register:
        opslag = _sla_op(zgw_dubbel, register, zaak, BESLUIT)
        assert not opslag.afgeleverd and opslag.storing and "niet bereikbaar" in opslag.fout
        assert opslag.regels()[0].startswith("zaaksysteem: het zaaksysteem is niet bereikbaar: Zaken API: GET")
        assert "`sjabloon zgw opnieuw` levert het af" in opslag.regels()[1]
        [wachtend] = Wachtrij(register).lijst(WACHTEND)
        assert (wachtend.pogingen, wachtend.resultaat, wachtend.inhoud) == (1, {}, DOCX)
        assert _zgw_regels(register) == []
        assert opnieuw(_client(zgw_dubbel), register)[0].storing            # still down: still waiting
    with Register(database_url) as register:            # a later command, when the zaaksysteem is back
        zgw_dubbel.aan()
        [geleverd] = opnieuw(_client(zgw_dubbel), register)
        assert geleverd.afgeleverd and geleverd.uitgaand_id == opslag.uitgaand_id
        assert opnieuw(_client(zgw_dubbel), register) == []
        assert [r["pogingen"] for _, r in _zgw_regels(register)] == [3]
    for soort in ("enkelvoudiginformatieobjecten", "zaakinformatieobjecten", "besluiten", "besluitinformatieobjecten"):
        assert len(zgw_dubbel.aangemaakt(soort)) == 1, soort


def test_twee_pogingen_tegelijk_geven_een_aflevering_in_het_register(zgw_dubbel, sjablonen_kopie, database_url):
    """Two `zgw opnieuw` at once read the same waiting entry: both find the same objects, one records the delivery."""
    from zgw.opslaan import lever_af
    zaak = _zaak(zgw_dubbel, ("informatieobjecttypen", "Ontvangstbevestiging"))
    zgw_dubbel.uit()
    with Register(database_url) as register:
        _sla_op(zgw_dubbel, register, zaak)
        [gelezen] = Wachtrij(register).lijst(WACHTEND)          # what both attempts read
        zgw_dubbel.aan()
        eerste, tweede = (lever_af(_client(zgw_dubbel), register, gelezen) for _ in range(2))
        assert eerste.afgeleverd and tweede.afgeleverd and eerste.urls == tweede.urls
        assert len(_zgw_regels(register)) == 1 and register.controleer() == []
        assert [u.status for u in Wachtrij(register).lijst()] == [AFGELEVERD]
    assert len(zgw_dubbel.aangemaakt("enkelvoudiginformatieobjecten")) == 1
    assert len(zgw_dubbel.aangemaakt("zaakinformatieobjecten")) == 1


class _AntwoordKwijt(ZgwClient):
    """The register makes the object of the first POST to `bij`, but its answer is lost (a 503 after the work);
    `daarna_uit`: and then the register goes down, so the lost object cannot be looked up in this attempt."""

    def __init__(self, *args, register_dubbel, bij, daarna_uit=False, **opties):
        super().__init__(*args, **opties)
        self.dubbel, self.bij, self.daarna_uit, self.gedaan = register_dubbel, bij, daarna_uit, False

    def maak(self, api, pad, gegevens):
        if pad != self.bij or self.gedaan:
            return super().maak(api, pad, gegevens)
        self.gedaan = True
        self.dubbel.storing(1, 503, verwerkt=True)
        if self.daarna_uit:
            self.wacht = 0.05
            self.slaap = lambda _: self.dubbel.uit()
        return super().maak(api, pad, gegevens)


@pytest.mark.parametrize("bij", ["enkelvoudiginformatieobjecten", "zaakinformatieobjecten", "besluiten",
                                 "besluitinformatieobjecten"])
def test_een_verloren_antwoord_maakt_geen_tweede(zgw_dubbel, sjablonen_kopie, bij):
    zaak = _zaak(zgw_dubbel, ("informatieobjecttypen", "Besluit omgevingsvergunning"),
                 ("besluittypen", "Omgevingsvergunning verleend"))
    with Register() as register:
        opslag = _sla_op(zgw_dubbel, register, zaak, BESLUIT, client=_client(zgw_dubbel, _AntwoordKwijt,
                                                                                register_dubbel=zgw_dubbel, bij=bij))
        assert opslag.afgeleverd, opslag.fout
    posts = [v for v in zgw_dubbel.verzoeken if v["methode"] == "POST" and v["url"].endswith(f"/{bij}")]
    assert len(posts) == 2                      # the one whose answer was lost, and the client's own retry
    for soort in ("enkelvoudiginformatieobjecten", "zaakinformatieobjecten", "besluiten", "besluitinformatieobjecten"):
        assert len(zgw_dubbel.aangemaakt(soort)) == 1, soort


@pytest.mark.parametrize("bij", ["enkelvoudiginformatieobjecten", "besluiten"])
def test_verloren_antwoord_en_dan_storing_opnieuw_levert_precies_eenmaal(zgw_dubbel, sjablonen_kopie, database_url,
                                                                         bij):
    zaak = _zaak(zgw_dubbel, ("informatieobjecttypen", "Besluit omgevingsvergunning"),
                 ("besluittypen", "Omgevingsvergunning verleend"))
    with Register(database_url) as register:
        client = _client(zgw_dubbel, _AntwoordKwijt, register_dubbel=zgw_dubbel, bij=bij, daarna_uit=True)
        opslag = _sla_op(zgw_dubbel, register, zaak, BESLUIT, client=client)
        assert not opslag.afgeleverd and opslag.storing, opslag.fout
        assert len(zgw_dubbel.aangemaakt(bij)) == 1                        # made, but nobody knows its URL yet
        zgw_dubbel.aan()
        [geleverd] = opnieuw(_client(zgw_dubbel), register)
        assert geleverd.afgeleverd, geleverd.fout
    for soort in ("enkelvoudiginformatieobjecten", "zaakinformatieobjecten", "besluiten", "besluitinformatieobjecten"):
        assert len(zgw_dubbel.aangemaakt(soort)) == 1, soort


def test_een_type_dat_de_catalogus_niet_kent_wacht_met_een_duidelijke_melding(zgw_dubbel, sjablonen_kopie):
    zaak = _zaak(zgw_dubbel, ("informatieobjecttypen", "Iets anders"))
    with Register() as register:
        opslag = _sla_op(zgw_dubbel, register, zaak)
        assert not opslag.afgeleverd and not opslag.storing
        assert opslag.fout.startswith("informatieobjecttype 'Ontvangstbevestiging' staat niet (geldig en gepubliceerd) "
                                      "in de catalogus")
        assert opslag.regels()[0].startswith("zaaksysteem: het zaaksysteem weigert het document: informatieobjecttype")
        assert Wachtrij(register).lijst(WACHTEND)[0].laatste_fout == opslag.fout
        zgw_dubbel.voeg_type_toe("informatieobjecttypen", "Ontvangstbevestiging")       # the beheerder publishes it
        assert opnieuw(_client(zgw_dubbel), register)[0].afgeleverd
    assert len(zgw_dubbel.aangemaakt("enkelvoudiginformatieobjecten")) == 1


# ---- the command line ---------------------------------------------------------------------------------------------

def _vrijgegeven(kopie, sjabloon) -> None:
    """Released in the private catalogue, as `sjabloon vrijgeven` leaves it (four eyes: tests/test_vrijgeven.py)."""
    import hashlib

    from generator.vrijgave.vier_ogen import zet_veld
    from generator.vullen.sjabloon import laad
    pad = kopie / sjabloon / "sjabloon.yaml"
    manifest = zet_veld(pad.read_text(encoding="utf-8"), "status", "vrijgegeven")
    docx = (kopie / sjabloon / "sjabloon.docx").read_bytes()
    manifest = zet_veld(manifest, "sha256", hashlib.sha256(docx).hexdigest())
    manifest = zet_veld(manifest, "manifest_sha256", laad(kopie / sjabloon).manifest_inhoud_sha256)
    pad.write_text(manifest, encoding="utf-8")


def _genereer(tmp_path, sjabloon, *extra):
    uit = sjabloon_cli("genereer", sjabloon, "--zaak", REPO / "templates" / sjabloon / "voorbeeld.yaml", "--uit",
                       tmp_path / "uit", "--datum", "2026-11-23", "--door", "Sanne de Boer", *extra)
    assert uit.returncode == 0, uit.stderr
    return Path(uit.stdout.strip().splitlines()[0])


def test_zgw_opslaan_na_een_storing_en_zgw_opnieuw(zgw_dubbel, sjablonen_kopie, tmp_path, database_url):
    """The whole path on the command line, SQLite and PostgreSQL: generate, store while the zaaksysteem is down,
    see it wait, deliver it with `zgw opnieuw`, once."""
    _vrijgegeven(sjablonen_kopie, BESLUIT)
    zaak = _zaak(zgw_dubbel, ("informatieobjecttypen", "Besluit omgevingsvergunning"),
                 ("besluittypen", "Omgevingsvergunning verleend"))
    docx = _genereer(tmp_path, BESLUIT)
    zgw_dubbel.uit()
    uit = sjabloon_cli("zgw", "opslaan", docx, "--zaak-url", zaak, "--sjabloon", BESLUIT, "--door", "Sanne de Boer")
    assert uit.returncode == 0, uit.stderr
    assert "zaaksysteem: het zaaksysteem is niet bereikbaar: Zaken API: GET" in uit.stderr
    assert "het document wacht in de wachtrij (nummer 1); `sjabloon zgw opnieuw` levert het af" in uit.stderr
    wachtend = sjabloon_cli("zgw", "wachtrij")
    assert f"wachtend    {docx.name}  {zaak}  1 poging  laatste fout: Zaken API: GET" in wachtend.stdout
    assert sjabloon_cli("zgw", "opnieuw").returncode == 1                  # still down
    zgw_dubbel.aan()
    uit = sjabloon_cli("zgw", "opnieuw")
    assert uit.returncode == 0, uit.stderr
    [besluit] = zgw_dubbel.aangemaakt("besluiten")
    [document] = zgw_dubbel.aangemaakt("enkelvoudiginformatieobjecten")
    assert f"zaaksysteem: besluit: {besluit['url']}" in uit.stdout and "1 afgeleverd, 0 wachten nog." in uit.stdout
    assert zgw_dubbel.inhoud[document["url"]] == docx.read_bytes() and document["auteur"] == "Sanne de Boer"
    assert besluit["uiterlijkeReactiedatum"] == "2027-01-04"
    assert sjabloon_cli("zgw", "opnieuw").stdout == "De wachtrij is leeg: er wacht niets op het zaaksysteem.\n"
    regels = json.loads(sjabloon_cli("register", "--json").stdout)
    assert [r["soort"] for r in regels] == ["document", "zgw"]
    assert regels[1]["gegevens"]["urls"]["besluit"] == besluit["url"] and regels[1]["sha256"] == regels[0]["sha256"]
    assert f"in het zaaksysteem: {document['url']}, besluit {besluit['url']}" in sjabloon_cli("register").stdout


def test_zgw_opslaan_neemt_alleen_een_document_uit_het_register(zgw_dubbel, sjablonen_kopie, tmp_path):
    zaak = _zaak(zgw_dubbel, ("informatieobjecttypen", "Ontvangstbevestiging"))
    vreemd = tmp_path / "vreemd.docx"
    vreemd.write_bytes(b"PK niet gemaakt door sjabloonstraat")
    uit = sjabloon_cli("zgw", "opslaan", vreemd, "--zaak-url", zaak)
    assert uit.returncode == 2 and "fout: vreemd.docx: dit document staat niet in het register" in uit.stderr
    docx = _genereer(tmp_path, BRIEF, "--concept")
    uit = sjabloon_cli("zgw", "opslaan", docx, "--zaak-url", zaak, "--sjabloon", BESLUIT)
    assert uit.returncode == 2 and f"--sjabloon: het register zegt dat {docx.name} uit {BRIEF} komt" in uit.stderr
    assert zgw_dubbel.aangemaakt("enkelvoudiginformatieobjecten") == []
    uit = sjabloon_cli("zgw", "opslaan", docx, "--zaak-url", zaak)
    assert uit.returncode == 0, uit.stderr
    assert [d["status"] for d in zgw_dubbel.aangemaakt("enkelvoudiginformatieobjecten")] == ["in_bewerking"]


def test_zonder_instellingen_zegt_zgw_opnieuw_wat_ontbreekt(sjablonen_kopie, tmp_path, monkeypatch):
    with Register() as register:
        Wachtrij(register).plaats(identificatie="sjs-1", zaak_url="http://zs/zaken/api/v1/zaken/1", sjabloon=BRIEF,
                                  bestandsnaam="a.docx", inhoud=b"PK", pdf=None, metadata={})
    uit = sjabloon_cli("zgw", "opnieuw")
    assert uit.returncode == 2 and "fout: het zaaksysteem is niet ingesteld: zet SJABLOON_ZGW_URL" in uit.stderr


def test_genereer_met_zaak_url_slaat_het_besluit_op(zgw_dubbel, sjablonen_kopie, tmp_path, database_url):
    """One command from zaak URL to a stored, linked document and Besluit (SQLite and PostgreSQL)."""
    _vrijgegeven(sjablonen_kopie, BESLUIT)
    zaak = _zaak(zgw_dubbel, ("informatieobjecttypen", "Besluit omgevingsvergunning"),
                 ("besluittypen", "Omgevingsvergunning verleend"))
    uit = sjabloon_cli("genereer", BESLUIT, "--zaak-url", zaak, "--zaak",
                       REPO / "templates" / BESLUIT / "voorbeeld.yaml", "--uit", tmp_path / "uit",
                       "--datum", "2026-11-23")
    assert uit.returncode == 0, uit.stderr
    pad, *regels = uit.stdout.strip().splitlines()
    [document] = zgw_dubbel.aangemaakt("enkelvoudiginformatieobjecten")
    [besluit] = zgw_dubbel.aangemaakt("besluiten")
    [koppeling] = zgw_dubbel.aangemaakt("zaakinformatieobjecten")
    assert f"zaaksysteem: document: {document['url']}" in regels and f"zaaksysteem: besluit: {besluit['url']}" in regels
    assert zgw_dubbel.inhoud[document["url"]] == Path(pad).read_bytes()
    assert koppeling["zaak"] == zaak and besluit["zaak"] == zaak and besluit["uiterlijkeReactiedatum"] == "2027-01-04"
    assert len(zgw_dubbel.aangemaakt("besluitinformatieobjecten")) == 1
    assert [r["soort"] for r in json.loads(sjabloon_cli("register", "--json").stdout)] == ["document", "zgw"]


def test_genereer_met_zaak_url_zonder_zgw_blok_schrijft_niets(zgw_dubbel, sjablonen_kopie, tmp_path):
    _manifest(sjablonen_kopie, BRIEF, blok=None)
    zaak = _zaak(zgw_dubbel, ("informatieobjecttypen", "Ontvangstbevestiging"))
    basis = ("genereer", BRIEF, "--zaak-url", zaak, "--zaak", REPO / "templates" / BRIEF / "voorbeeld.yaml",
             "--concept")
    uit = sjabloon_cli(*basis, "--uit", tmp_path / "a")
    assert uit.returncode == 2 and not (tmp_path / "a").exists()
    assert f"fout: sjabloon {BRIEF}: het manifest heeft geen blok zgw: (informatieobjecttype, " in uit.stderr
    assert sjabloon_cli(*basis, "--uit", tmp_path / "b", "--niet-opslaan").returncode == 0     # reading alone is fine
    assert zgw_dubbel.aangemaakt("enkelvoudiginformatieobjecten") == []


def test_genereer_met_zaak_url_die_het_zaaksysteem_weigert(zgw_dubbel, sjablonen_kopie, tmp_path):
    zaak = _zaak(zgw_dubbel, ("informatieobjecttypen", "Brief"))
    uit = sjabloon_cli("genereer", BRIEF, "--zaak-url", zaak, "--zaak", REPO / "templates" / BRIEF / "voorbeeld.yaml",
                       "--concept", "--uit", tmp_path / "uit")
    assert uit.returncode == 1
    assert Path(uit.stdout.strip()).is_file()                       # made and registered: only the store waits
    assert ("zaaksysteem: het zaaksysteem weigert het document: informatieobjecttype 'Ontvangstbevestiging' staat "
            "niet (geldig en gepubliceerd) in de catalogus") in uit.stderr
    assert len(json.loads(sjabloon_cli("zgw", "wachtrij", "--json").stdout)) == 1


# ---- the web form -------------------------------------------------------------------------------------------------

def test_het_webformulier_slaat_het_vrijgegeven_document_op_bij_de_zaak(zgw_dubbel, sjablonen_kopie):
    """Zaak-URL in the form, then the one click that releases the document: it is stored on the zaak, or waits."""
    from aanmelden import meld_aan
    from fastapi.testclient import TestClient

    from web.app import maak_app
    from web.veiligheid import CSRF_COOKIE
    zaak = _zaak(zgw_dubbel, ("informatieobjecttypen", "Ontvangstbevestiging"))
    voorbeeld = (REPO / "templates" / BRIEF / "voorbeeld.yaml").read_bytes()
    with TestClient(maak_app()) as web:
        meld_aan(web, "fatima", volledige_naam="Fatima Zaakbehandelaar")

        def maak_en_geef_vrij(dagtekening: str) -> str:
            csrf = web.cookies.get(CSRF_COOKIE)
            ontwerp = web.post(f"/sjablonen/{BRIEF}/maken", data={"csrf": csrf, "zaak_url": zaak,
                                                                 "dagtekening": dagtekening},
                               files={"zaakbestand": ("zaak.yaml", voorbeeld, "application/x-yaml")},
                               follow_redirects=False)
            assert ontwerp.status_code == 303, ontwerp.text
            gemaakt = web.post(f"{ontwerp.headers['location']}/vrijgeven", data={"csrf": csrf, "reden": "proef"},
                               follow_redirects=False)
            assert gemaakt.status_code == 303, gemaakt.text
            return web.get(gemaakt.headers["location"]).text

        pagina = maak_en_geef_vrij("2026-11-23")
        [document] = zgw_dubbel.aangemaakt("enkelvoudiginformatieobjecten")
        assert "Opgeslagen in het zaaksysteem, bij de zaak." in pagina
        assert f"zaaksysteem: document: {document['url']}" in pagina
        assert zgw_dubbel.aangemaakt("zaakinformatieobjecten")[0]["zaak"] == zaak
        assert document["status"] == "in_bewerking"                     # the repository's template is a concept
        zgw_dubbel.uit()
        pagina = maak_en_geef_vrij("2026-11-24")                            # another letter
        assert "Nog niet in het zaaksysteem." in pagina and "`sjabloon zgw opnieuw` levert het af" in pagina
    assert {v["claims"]["user_representation"] for v in zgw_dubbel.verzoeken} == {"Fatima Zaakbehandelaar"}
    with Register() as register:
        assert [u.status for u in Wachtrij(register).lijst()] == [AFGELEVERD, WACHTEND]


# ---- bulk -----------------------------------------------------------------------------------------------------------

HERINNERING = "herinnering-afloop-vergunning"


def _bulkrun(sjablonen_kopie, tmp_path, zgw_dubbel, aantal=3, *extra):
    """A bulk run of reminders (a zgw block added to the copy) and a list of zaken for all but the last letter."""
    from bulkdata import schrijf_csv
    pad = sjablonen_kopie / HERINNERING / "sjabloon.yaml"
    pad.write_text(pad.read_text(encoding="utf-8") + "zgw: {informatieobjecttype: Herinnering, "
                   "vertrouwelijkheidaanduiding: zaakvertrouwelijk}\n", encoding="utf-8")
    uit = sjabloon_cli("bulk", HERINNERING, "--data", schrijf_csv(tmp_path / "rijen.csv", aantal), "--uit",
                       tmp_path / "brieven", "--concept", "--datum", "2026-11-23", *extra)
    assert uit.returncode == 0, uit.stderr
    zgw_dubbel.voeg_type_toe("informatieobjecttypen", "Herinnering")
    zaken = {f"V-2023-{n:06d}": zgw_dubbel.voeg_zaak_toe(f"ZAAK-2026-{n:07d}") for n in range(1, aantal)}
    lijst = tmp_path / "zaken.csv"
    lijst.write_text("\ufeffsleutel;zaak_url\n" + "".join(f"{k};{v}\n" for k, v in zaken.items()), encoding="utf-8")
    return tmp_path / "brieven", lijst, zaken


def test_bulk_slaat_elke_brief_op_bij_zijn_eigen_zaak(zgw_dubbel, sjablonen_kopie, tmp_path):
    brieven, lijst, zaken = _bulkrun(sjablonen_kopie, tmp_path, zgw_dubbel)
    uit = sjabloon_cli("zgw", "bulk", brieven, "--zaken", lijst)
    assert uit.returncode == 1                                                # the third letter has no zaak
    assert "[1/3] V-2023-000001: afgeleverd" in uit.stderr and "[2/3] V-2023-000002: afgeleverd" in uit.stderr
    assert "geen zaak: V-2023-000003 staat niet in zaken.csv" in uit.stderr
    assert "2 afgeleverd, 0 in de wachtrij (0 geweigerd), 1 zonder zaak." in uit.stdout
    gekoppeld = {k["zaak"]: k["informatieobject"] for k in zgw_dubbel.aangemaakt("zaakinformatieobjecten")}
    documenten = {d["url"]: d for d in zgw_dubbel.aangemaakt("enkelvoudiginformatieobjecten")}
    for sleutel, zaak in zaken.items():
        brief = f"{sleutel}_{HERINNERING}.docx"
        assert documenten[gekoppeld[zaak]]["bestandsnaam"] == brief
        assert zgw_dubbel.inhoud[gekoppeld[zaak]] == (brieven / brief).read_bytes()
    # again: nothing new in the zaaksysteem
    assert "2 afgeleverd" in sjabloon_cli("zgw", "bulk", brieven, "--zaken", lijst).stdout
    assert len(zgw_dubbel.aangemaakt("enkelvoudiginformatieobjecten")) == 2


def test_bulk_leest_de_brieven_van_een_run_met_zip_uit_brieven_zip(zgw_dubbel, sjablonen_kopie, tmp_path):
    """With --zip the letters are only in brieven.zip; each is read from there by its name, and found in a register
    that holds more documents than those of this run."""
    import zipfile

    from bulkdata import schrijf_csv
    sjabloon_cli("bulk", HERINNERING, "--data", schrijf_csv(tmp_path / "eerder.csv", 2), "--uit", tmp_path / "eerder",
                 "--concept", "--datum", "2026-11-20")                         # documents of another run
    brieven, lijst, zaken = _bulkrun(sjablonen_kopie, tmp_path, zgw_dubbel, 3, "--zip")
    assert not list(brieven.glob("*.docx"))
    uit = sjabloon_cli("zgw", "bulk", brieven, "--zaken", lijst)
    assert "2 afgeleverd, 0 in de wachtrij (0 geweigerd), 1 zonder zaak." in uit.stdout, uit.stderr
    gekoppeld = {k["zaak"]: k["informatieobject"] for k in zgw_dubbel.aangemaakt("zaakinformatieobjecten")}
    with zipfile.ZipFile(brieven / "brieven.zip") as archief:
        for sleutel, zaak in zaken.items():
            assert zgw_dubbel.inhoud[gekoppeld[zaak]] == archief.read(f"{sleutel}_{HERINNERING}.docx")


def test_bulk_telt_wat_het_zaaksysteem_weigert_en_probeert_de_volgende_brief_toch(zgw_dubbel, sjablonen_kopie,
                                                                                   tmp_path):
    """A refusal is no outage: every letter is still tried, each refused one waits in the outbox and is counted."""
    brieven, lijst, _ = _bulkrun(sjablonen_kopie, tmp_path, zgw_dubbel)
    pad = sjablonen_kopie / HERINNERING / "sjabloon.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("informatieobjecttype: Herinnering",
                                                           "informatieobjecttype: Aanmaning"), encoding="utf-8")
    uit = sjabloon_cli("zgw", "bulk", brieven, "--zaken", lijst)
    assert uit.returncode == 1
    assert "0 afgeleverd, 2 in de wachtrij (2 geweigerd), 1 zonder zaak." in uit.stdout, uit.stderr
    for nummer in (1, 2):
        assert (f"[{nummer}/3] V-2023-00000{nummer}: wacht (informatieobjecttype 'Aanmaning' staat niet (geldig en "
                "gepubliceerd) in de catalogus") in uit.stderr
    assert [u["pogingen"] for u in json.loads(sjabloon_cli("zgw", "wachtrij", "--json").stdout)] == [1, 1]


def test_bulk_tijdens_een_storing_wacht_en_opnieuw_levert_elke_brief_eenmaal(zgw_dubbel, sjablonen_kopie, tmp_path):
    brieven, lijst, zaken = _bulkrun(sjablonen_kopie, tmp_path, zgw_dubbel, aantal=4)
    zgw_dubbel.uit()
    uit = sjabloon_cli("zgw", "bulk", brieven, "--zaken", lijst)
    assert "0 afgeleverd, 3 in de wachtrij (0 geweigerd), 1 zonder zaak." in uit.stdout
    assert "[2/4] V-2023-000002: wacht (niet geprobeerd: het zaaksysteem was in deze run al onbereikbaar)" in uit.stderr
    pogingen = [u["pogingen"] for u in json.loads(sjabloon_cli("zgw", "wachtrij", "--json").stdout)]
    assert pogingen == [1, 0, 0]                        # after the first outage the rest is queued, not tried
    nog_steeds = sjabloon_cli("zgw", "opnieuw")                         # still down: one try, the rest waits
    assert nog_steeds.returncode == 1 and "0 afgeleverd, 3 wachten nog." in nog_steeds.stdout
    assert [u["pogingen"] for u in json.loads(sjabloon_cli("zgw", "wachtrij", "--json").stdout)] == [2, 0, 0]
    zgw_dubbel.aan()
    assert "3 afgeleverd, 0 wachten nog." in sjabloon_cli("zgw", "opnieuw").stdout
    assert {k["zaak"] for k in zgw_dubbel.aangemaakt("zaakinformatieobjecten")} == set(zaken.values())
    assert len(zgw_dubbel.aangemaakt("enkelvoudiginformatieobjecten")) == 3
