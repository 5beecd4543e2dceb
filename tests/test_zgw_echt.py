"""The whole zaaksysteem flow against a REAL ZGW register such as Open Zaak (issue 22): read a zaak, generate, store
the document and the besluit, keep a store during an outage in the outbox and deliver it with `zgw opnieuw` exactly
once. No test double here: these tests run only when SJABLOON_ZGW_TEST_URL, SJABLOON_ZGW_TEST_CLIENT_ID and
SJABLOON_ZGW_TEST_SECRET point at a register (docs/zgw.md, "Testen tegen een echte Open Zaak"), else they are skipped
with that reason. Run them with `.venv/bin/pytest -m zgw_echt tests/test_zgw_echt.py`.

What the register must hold: a published catalogue with the informatieobjecttypen and the besluittype the templates'
`zgw:` blocks name and "Herinnering" (bulk), on one zaaktype with an initiator roltype and the eigenschappen Leges
and Verzoeknummer; a client id with the scopes to read zaken and catalogi and to create zaken, documents and
besluiten (bench/openzaak/ sets up such an Open Zaak). Every test makes its own zaak through the Zaken API (the
register numbers it), so runs never see each other's documents; SJABLOON_ZGW_TEST_ZAAK names an existing zaak to
read as well."""

from __future__ import annotations

import hashlib
import os
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from conftest import REPO, sjabloon_cli

TEST_ENV = ("SJABLOON_ZGW_TEST_URL", "SJABLOON_ZGW_TEST_CLIENT_ID", "SJABLOON_ZGW_TEST_SECRET")
ONTBREEKT = [naam for naam in TEST_ENV if not os.environ.get(naam)]

pytestmark = [
    pytest.mark.zgw_echt,
    pytest.mark.skipif(bool(ONTBREEKT), reason=f"geen echt ZGW-register ingesteld: {', '.join(ONTBREEKT)} "
                                               "ontbreekt (zie docs/zgw.md, Testen tegen een echte Open Zaak)"),
]

BESLUIT, BRIEF = "omgevingsvergunning-verleend", "ontvangstbevestiging-aanvraag"
DAGTEKENING = "2026-11-23"
APIS = {"zaken": "/zaken/api/v1", "documenten": "/documenten/api/v1", "catalogi": "/catalogi/api/v1",
        "besluiten": "/besluiten/api/v1"}
AANVRAGER = {"geslachtsnaam": "Bakker", "voorvoegselGeslachtsnaam": "van", "voorletters": "M.J.",
             "geslachtsaanduiding": "v",
             "verblijfsadres": {"aoaIdentificatie": "0363200000012345", "wplWoonplaatsNaam": "Rivierstad",
                                "gorOpenbareRuimteNaam": "Molenweg", "aoaPostcode": "4321ZX", "aoaHuisnummer": 8,
                                "aoaHuisletter": "b", "aoaHuisnummertoevoeging": "", "inpLocatiebeschrijving": ""}}


def _root() -> str:
    return os.environ["SJABLOON_ZGW_TEST_URL"].rstrip("/")


def _instellingen(**urls):
    from zgw.instellingen import ZgwInstellingen
    basis = {f"{api}_url": _root() + pad for api, pad in APIS.items()}
    return ZgwInstellingen(**{**basis, **urls}, client_id=os.environ["SJABLOON_ZGW_TEST_CLIENT_ID"],
                           secret=os.environ["SJABLOON_ZGW_TEST_SECRET"], timeout=30.0, pogingen=2)


@pytest.fixture
def zaaksysteem():
    """A client on the real zaaksysteem, for the test's own set-up and for looking at what the product stored."""
    from zgw.client import ZgwClient
    with ZgwClient(_instellingen(), gebruiker=("test:zgw_echt", "zgw_echt-test"), wacht=0.2) as client:
        yield client


def _cli_env(**extra) -> dict:
    """The environment of a `sjabloon` subprocess: this test's folders (conftest) and the register's settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SJABLOON_ZGW_") or k in TEST_ENV}
    env.update(SJABLOON_ZGW_URL=_root(), SJABLOON_ZGW_CLIENT_ID=os.environ["SJABLOON_ZGW_TEST_CLIENT_ID"],
               SJABLOON_ZGW_SECRET=os.environ["SJABLOON_ZGW_TEST_SECRET"])
    env.update(extra)
    return env


def _manifest(sjabloon: str) -> dict:
    return yaml.safe_load((REPO / "templates" / sjabloon / "sjabloon.yaml").read_text(encoding="utf-8"))


def _vrijgegeven(kopie: Path, sjabloon: str) -> None:
    """Release the template in the private catalogue as `sjabloon vrijgeven` leaves it (status and the hashes of
    the DOCX and the manifest): only a released template's document is final and gets its Besluit."""
    from generator.vullen.sjabloon import laad
    pad = kopie / sjabloon / "sjabloon.yaml"
    manifest = yaml.safe_load(pad.read_text(encoding="utf-8"))
    manifest.update(status="vrijgegeven", sha256=hashlib.sha256((kopie / sjabloon / "sjabloon.docx").read_bytes())
                    .hexdigest(), manifest_sha256=laad(kopie / sjabloon).manifest_inhoud_sha256)
    pad.write_text(yaml.safe_dump(manifest, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _zaakbestand(tmp_path: Path, sjabloon: str) -> Path:
    """The template's example without the fields its zgw-velden.yaml fills from the zaak: what the caseworker still
    writes by hand. So the document can only carry those fields when they were read from the zaaksysteem."""
    map_ = REPO / "templates" / sjabloon
    voorbeeld = yaml.safe_load((map_ / "voorbeeld.yaml").read_text(encoding="utf-8"))
    koppeling = yaml.safe_load((map_ / "zgw-velden.yaml").read_text(encoding="utf-8"))
    uit_de_zaak = {veld.split(".")[0] for veld in koppeling["velden"]}
    pad = tmp_path / f"{sjabloon}-aanvulling.yaml"
    pad.write_text(yaml.safe_dump({k: v for k, v in voorbeeld.items() if k not in uit_de_zaak}, allow_unicode=True),
                   encoding="utf-8")
    return pad


def _type(zaaksysteem, soort: str, omschrijving: str) -> dict:
    gevonden = [t for t in zaaksysteem.lijst("catalogi", soort, {"omschrijving": omschrijving, "status": "definitief"})
                if t["omschrijving"] == omschrijving]
    assert gevonden, f"het register kent geen gepubliceerd {soort[:-1]} '{omschrijving}' (docs/zgw.md)"
    return gevonden[0]


def _nieuwe_zaak(zaaksysteem, sjabloon: str) -> str:
    """A zaak of the zaaktype that allows the template's document type, made through the Zaken API as a zaaksysteem
    would: a natuurlijk persoon as initiator with a verblijfsadres, the project's address as zaakobject and the
    zaaktype's eigenschappen Leges and Verzoeknummer where it has them. The register gives the identificatie."""
    iot = _type(zaaksysteem, "informatieobjecttypen", _manifest(sjabloon)["zgw"]["informatieobjecttype"])
    assert iot["zaaktypen"], f"informatieobjecttype {iot['omschrijving']} hoort bij geen zaaktype"
    zaaktype = zaaksysteem.haal(iot["zaaktypen"][0])
    rsin = zaaksysteem.haal(zaaktype["catalogus"])["rsin"]
    zaak = zaaksysteem.maak("zaken", "zaken", {
        "bronorganisatie": rsin, "verantwoordelijkeOrganisatie": rsin, "zaaktype": zaaktype["url"],
        "omschrijving": "het plaatsen van een dakkapel aan de achterkant van de woning",
        "startdatum": "2026-10-05", "vertrouwelijkheidaanduiding": "zaakvertrouwelijk"})
    roltypen = {zaaksysteem.haal(url)["omschrijvingGeneriek"]: url for url in zaaktype["roltypen"]}
    zaaksysteem.maak("zaken", "rollen", {"zaak": zaak["url"], "betrokkeneType": "natuurlijk_persoon",
                                      "roltype": roltypen["initiator"], "roltoelichting": "Aanvrager",
                                      "betrokkeneIdentificatie": AANVRAGER})
    if "behandelaar" in roltypen:
        zaaksysteem.maak("zaken", "rollen", {
            "zaak": zaak["url"], "betrokkeneType": "medewerker", "roltype": roltypen["behandelaar"],
            "roltoelichting": "Behandelaar", "betrokkeneIdentificatie": {
                "identificatie": "sdboer", "achternaam": "Boer", "voorletters": "S.", "voorvoegselAchternaam": "de"}})
    zaaksysteem.maak("zaken", "zaakobjecten", {
        "zaak": zaak["url"], "objectType": "adres", "relatieomschrijving": "Locatie van het project",
        "objectIdentificatie": {"identificatie": "0363200000054321", "wplWoonplaatsNaam": "Rivierstad",
                                "gorOpenbareRuimteNaam": "Kerkweg", "huisnummer": 7, "huisletter": "",
                                "huisnummertoevoeging": "bis", "postcode": "4321AB"}})
    zaaksysteem.maak("zaken", "zaakobjecten", {
        "zaak": zaak["url"], "objectType": "kadastrale_onroerende_zaak", "relatieomschrijving": "Perceel",
        "objectIdentificatie": {"kadastraleIdentificatie": "RVS00K123400000",
                                "kadastraleAanduiding": "Rivierstad K 1234"}})
    waarden = {"Leges": "385.00", "Verzoeknummer": "OLO-2026-4711"}
    for url in zaaktype["eigenschappen"]:
        if (naam := zaaksysteem.haal(url)["naam"]) in waarden:
            zaaksysteem.maak("zaken", f"zaken/{zaak['uuid']}/zaakeigenschappen",
                          {"zaak": zaak["url"], "eigenschap": url, "waarde": waarden[naam]})
    return zaak["url"]


def _opgeslagen(zaaksysteem, zaak_url: str) -> list[dict]:
    """The documents the register links to the zaak (its ZaakInformatieObjecten, resolved)."""
    return [zaaksysteem.haal(zio["informatieobject"])
            for zio in zaaksysteem.lijst("zaken", "zaakinformatieobjecten", {"zaak": zaak_url})]


def _aantal_met_identificatie(zaaksysteem, eio: dict) -> int:
    """How many documents the register holds under this document's identificatie: one, whatever was retried."""
    return len(zaaksysteem.lijst("documenten", "enkelvoudiginformatieobjecten", {
        "identificatie": eio["identificatie"], "bronorganisatie": eio["bronorganisatie"]}))


def _besluiten(zaaksysteem, zaak_url: str) -> list[dict]:
    return zaaksysteem.lijst("besluiten", "besluiten", {"zaak": zaak_url})


def _inhoud(eio: dict) -> bytes:
    """The stored file, downloaded from the Documenten API (a plain GET with the same credentials)."""
    import httpx2 as httpx
    from joserfc import jwt
    from joserfc.jwk import OctKey
    client_id = os.environ["SJABLOON_ZGW_TEST_CLIENT_ID"]
    token = jwt.encode({"alg": "HS256", "typ": "JWT"},
                       {"iss": client_id, "client_id": client_id, "iat": int(time.time()), "user_id": "test:zgw_echt",
                        "user_representation": "zgw_echt-test"},
                       OctKey.import_key(os.environ["SJABLOON_ZGW_TEST_SECRET"].encode()))
    antwoord = httpx.get(eio["inhoud"], headers={"Authorization": f"Bearer {token}"}, timeout=30)
    assert antwoord.status_code == 200, antwoord.text
    return antwoord.content


def _genereer(tmp_path, sjabloon: str, zaak_url: str, *extra, env=None):
    uit = tmp_path / "uit"
    resultaat = sjabloon_cli("genereer", sjabloon, "--zaak-url", zaak_url, "--zaak", _zaakbestand(tmp_path, sjabloon),
                             "--uit", uit, "--datum", DAGTEKENING, *extra, env=env or _cli_env())
    return resultaat, sorted(uit.glob("*.docx"))


def _vrije_gesloten_poort() -> int:
    """A loopback port nobody listens on: connecting to it is refused, like a register that is down."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _VerlorenAntwoord(ThreadingHTTPServer):
    """A loopback proxy in front of the real register that passes every request on, except that it swallows the
    register's answer to the first POST of `pad`: the register made the object, the client never hears of it (a
    connection that breaks after the request was sent)."""

    daemon_threads = True

    def __init__(self, doel: str, pad: str):
        self.doel, self.pad, self.ingeslikt, self.posts = doel.rstrip("/"), pad, 0, 0
        super().__init__(("127.0.0.1", 0), _Doorgeven)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Doorgeven(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _geef_door(self):
        import httpx2 as httpx
        lengte = int(self.headers.get("Content-Length") or 0)
        lichaam = self.rfile.read(lengte) if lengte else None
        kopjes = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length", "connection")}
        antwoord = httpx.request(self.command, self.server.doel + self.path, headers=kopjes, content=lichaam,
                                 timeout=60)
        if self.command == "POST" and self.path.split("?")[0].rstrip("/") == self.server.pad:
            self.server.posts += 1
            if self.server.posts == 1:                  # made by the register; the answer is lost on the way
                self.server.ingeslikt += 1
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
        self.send_response(antwoord.status_code)
        for sleutel, waarde in antwoord.headers.items():
            if sleutel.lower() not in ("content-length", "transfer-encoding", "connection", "content-encoding"):
                self.send_header(sleutel, waarde)
        self.send_header("Content-Length", str(len(antwoord.content)))
        self.end_headers()
        self.wfile.write(antwoord.content)

    do_GET = do_POST = _geef_door

    def log_message(self, *_):
        pass


def test_het_register_kent_de_typen_van_de_sjablonen(zaaksysteem):
    """The catalogue the tests need: what the templates' zgw blocks name exists, published, and fits together."""
    for sjabloon in (BESLUIT, BRIEF):
        zgw = _manifest(sjabloon)["zgw"]
        iot = _type(zaaksysteem, "informatieobjecttypen", zgw["informatieobjecttype"])
        if zgw.get("besluittype"):
            besluittype = _type(zaaksysteem, "besluittypen", zgw["besluittype"])
            assert iot["url"] in besluittype["informatieobjecttypen"], (
                "het besluittype moet het informatieobjecttype van de besluitbrief toestaan, anders weigert het "
                "register de BesluitInformatieObject (missing-besluittype-informatieobjecttype-relation)")


def test_sjabloon_zgw_test_tegen_het_register():
    """`sjabloon zgw test`: every API answers and every type the manifests name is in the catalogue; a wrong secret
    is refused by the register (403) and the command says so per API, exit 1."""
    goed = sjabloon_cli("zgw", "test", env=_cli_env())
    assert goed.returncode == 0, goed.stdout + goed.stderr
    for sjabloon in (BESLUIT, BRIEF):
        assert _manifest(sjabloon)["zgw"]["informatieobjecttype"] in goed.stdout
    fout = sjabloon_cli("zgw", "test", env=_cli_env(SJABLOON_ZGW_SECRET="niet-het-secret"))
    assert fout.returncode == 1
    assert "Zaken API: GET " in fout.stdout + fout.stderr and "403" in fout.stdout + fout.stderr


def test_een_zaak_uit_het_register_vult_het_document(zaaksysteem, tmp_path, sjablonen_kopie):
    """`sjabloon genereer --zaak-url`: the zaak's identificatie, the initiator's name and address, the project's
    address and the eigenschap Leges come from the register into the document; the case file gives the rest."""
    from conftest import docx_tekst
    zaak_url = _nieuwe_zaak(zaaksysteem, BESLUIT)
    zaak = zaaksysteem.haal(zaak_url)
    resultaat, documenten = _genereer(tmp_path, BESLUIT, zaak_url, "--concept")
    assert resultaat.returncode == 0, resultaat.stderr
    [document] = documenten
    tekst = docx_tekst(document)
    assert zaak["identificatie"] in tekst
    assert "M.J. van Bakker" in tekst and "Molenweg 8b" in tekst and "4321ZX" in tekst.replace("4321 ZX", "4321ZX")
    assert "Kerkweg 7-bis" in tekst and "Rivierstad K 1234" in tekst
    assert "385,00" in tekst


def test_een_bestaande_zaak_lezen(zaaksysteem):
    """SJABLOON_ZGW_TEST_ZAAK (when set): an existing zaak of the register reads into the template's fields with
    the source of each."""
    zaak_url = os.environ.get("SJABLOON_ZGW_TEST_ZAAK")
    if not zaak_url:
        pytest.skip("SJABLOON_ZGW_TEST_ZAAK is niet ingesteld (de andere tests maken hun eigen zaak)")
    from generator.vullen.sjabloon import laad
    from zgw.zaak_lezen import lees_zaak
    gegevens, bronnen = lees_zaak(zaaksysteem, zaak_url, laad(BRIEF))
    assert gegevens["zaaknummer"] == zaaksysteem.haal(zaak_url)["identificatie"]
    assert bronnen["zaaknummer"]


def test_document_en_besluit_komen_in_het_register(zaaksysteem, tmp_path, sjablonen_kopie):
    """A released besluit: the DOCX as EnkelvoudigInformatieObject on the zaak (bytes, type, RSIN, language), the
    Besluit with the uiterlijke reactiedatum from the bezwaartermijn, and the BesluitInformatieObject."""
    _vrijgegeven(sjablonen_kopie, BESLUIT)
    zaak_url = _nieuwe_zaak(zaaksysteem, BESLUIT)
    resultaat, [document] = _genereer(tmp_path, BESLUIT, zaak_url)
    assert resultaat.returncode == 0, resultaat.stderr
    [eio] = _opgeslagen(zaaksysteem, zaak_url)
    zgw = _manifest(BESLUIT)["zgw"]
    iot = _type(zaaksysteem, "informatieobjecttypen", zgw["informatieobjecttype"])
    assert eio["informatieobjecttype"] == iot["url"]
    assert _inhoud(eio) == document.read_bytes()
    assert eio["bestandsnaam"] == document.name and eio["taal"] == "dut"
    assert eio["vertrouwelijkheidaanduiding"] == zgw["vertrouwelijkheidaanduiding"]
    assert eio["bronorganisatie"] == zaaksysteem.haal(zaak_url)["bronorganisatie"]
    assert eio["url"] in resultaat.stdout
    [besluit] = _besluiten(zaaksysteem, zaak_url)
    assert besluit["besluittype"] == _type(zaaksysteem, "besluittypen", zgw["besluittype"])["url"]
    assert besluit["datum"] == DAGTEKENING and besluit["url"] in resultaat.stdout
    # Bezwaar: six weeks from the day after the dagtekening (art. 6:7, 6:8 Awb): 23 November 2026 → 4 January 2027.
    assert besluit["uiterlijkeReactiedatum"] == "2027-01-04"
    [koppeling] = zaaksysteem.lijst("besluiten", "besluitinformatieobjecten", {"besluit": besluit["url"]})
    assert koppeling["informatieobject"] == eio["url"]


def test_een_brief_krijgt_geen_besluit(zaaksysteem, tmp_path, sjablonen_kopie):
    _vrijgegeven(sjablonen_kopie, BRIEF)
    zaak_url = _nieuwe_zaak(zaaksysteem, BRIEF)
    resultaat, [document] = _genereer(tmp_path, BRIEF, zaak_url)
    assert resultaat.returncode == 0, resultaat.stderr
    [eio] = _opgeslagen(zaaksysteem, zaak_url)
    assert _inhoud(eio) == document.read_bytes()
    assert _besluiten(zaaksysteem, zaak_url) == []


def test_bij_een_storing_wacht_het_document_en_komt_het_precies_eenmaal_aan(zaaksysteem, tmp_path, sjablonen_kopie,
                                                                          database_url):
    """The Documenten API is down (a closed port): the document waits in the outbox (in a SQLite and in a
    PostgreSQL register database), nothing is in the zaaksysteem; `sjabloon zgw opnieuw` delivers it once the
    zaaksysteem is back, and a second run delivers nothing twice. The document register records the URLs."""
    _vrijgegeven(sjablonen_kopie, BESLUIT)
    zaak_url = _nieuwe_zaak(zaaksysteem, BESLUIT)
    plat = f"http://127.0.0.1:{_vrije_gesloten_poort()}{APIS['documenten']}"
    resultaat, [document] = _genereer(tmp_path, BESLUIT, zaak_url, env=_cli_env(SJABLOON_ZGW_DOCUMENTEN_URL=plat))
    assert resultaat.returncode == 0, resultaat.stderr           # the document is made; storing it waits
    assert "wachtrij" in resultaat.stdout + resultaat.stderr
    assert _opgeslagen(zaaksysteem, zaak_url) == [] and _besluiten(zaaksysteem, zaak_url) == []

    nog_plat = sjabloon_cli("zgw", "opnieuw", env=_cli_env(SJABLOON_ZGW_DOCUMENTEN_URL=plat))
    assert _opgeslagen(zaaksysteem, zaak_url) == [], nog_plat.stdout + nog_plat.stderr

    weer_op = sjabloon_cli("zgw", "opnieuw", env=_cli_env())
    assert weer_op.returncode == 0, weer_op.stdout + weer_op.stderr
    nog_eens = sjabloon_cli("zgw", "opnieuw", env=_cli_env())
    assert nog_eens.returncode == 0, nog_eens.stdout + nog_eens.stderr

    [eio] = _opgeslagen(zaaksysteem, zaak_url)
    assert _inhoud(eio) == document.read_bytes()
    assert _aantal_met_identificatie(zaaksysteem, eio) == 1
    [besluit] = _besluiten(zaaksysteem, zaak_url)
    assert [k["informatieobject"] for k in zaaksysteem.lijst("besluiten", "besluitinformatieobjecten",
                                                             {"besluit": besluit["url"]})] == [eio["url"]]
    from generator.vrijgave.register import Register
    with Register(database_url) as documentregister:
        [vastgelegd] = documentregister.regels(soort="zgw")
    assert vastgelegd.gegevens["urls"]["document"] == eio["url"]
    assert vastgelegd.gegevens["urls"]["besluit"] == besluit["url"]


def test_een_verloren_antwoord_maakt_geen_tweede_document(zaaksysteem, tmp_path, sjablonen_kopie):
    """The register makes the document but its answer never arrives (the connection breaks after the POST): the
    store looks before it makes anything again, finds that document and goes on; one document, one link, one
    besluit."""
    _vrijgegeven(sjablonen_kopie, BESLUIT)
    zaak_url = _nieuwe_zaak(zaaksysteem, BESLUIT)
    pad = APIS["documenten"] + "/enkelvoudiginformatieobjecten"
    proxy = _VerlorenAntwoord(_root(), pad)
    try:
        resultaat, [document] = _genereer(tmp_path, BESLUIT, zaak_url, env=_cli_env(
            SJABLOON_ZGW_DOCUMENTEN_URL=proxy.url + APIS["documenten"]))
        opnieuw = sjabloon_cli("zgw", "opnieuw", env=_cli_env())
    finally:
        proxy.shutdown()
        proxy.server_close()
    assert resultaat.returncode == 0 and opnieuw.returncode == 0, resultaat.stderr + opnieuw.stderr
    assert proxy.ingeslikt == 1                          # the register did make a document we never heard of
    [eio] = _opgeslagen(zaaksysteem, zaak_url)
    assert _inhoud(eio) == document.read_bytes()
    assert _aantal_met_identificatie(zaaksysteem, eio) == 1
    [besluit] = _besluiten(zaaksysteem, zaak_url)
    [koppeling] = zaaksysteem.lijst("besluiten", "besluitinformatieobjecten", {"besluit": besluit["url"]})
    assert koppeling["informatieobject"] == eio["url"]


HERINNERING = "herinnering-afloop-vergunning"


def _bulkrun(zaaksysteem, kopie: Path, tmp_path: Path, aantal: int):
    """A bulk run of reminders whose manifest (in the private catalogue) stores them as informatieobjecttype
    "Herinnering", and a list with a zaak of the real register for every letter but the last."""
    from bulkdata import schrijf_csv
    pad = kopie / HERINNERING / "sjabloon.yaml"
    pad.write_text(pad.read_text(encoding="utf-8") + "zgw: {informatieobjecttype: Herinnering, "
                   "vertrouwelijkheidaanduiding: zaakvertrouwelijk}\n", encoding="utf-8")
    uit = sjabloon_cli("bulk", HERINNERING, "--data", schrijf_csv(tmp_path / "rijen.csv", aantal), "--uit",
                       tmp_path / "brieven", "--concept", "--datum", DAGTEKENING, env=_cli_env())
    assert uit.returncode == 0, uit.stderr
    _type(zaaksysteem, "informatieobjecttypen", "Herinnering")
    zaken = {f"V-2023-{n:06d}": _nieuwe_zaak(zaaksysteem, BRIEF) for n in range(1, aantal)}
    lijst = tmp_path / "zaken.csv"
    lijst.write_text("\ufeffsleutel;zaak_url\n" + "".join(f"{k};{v}\n" for k, v in zaken.items()), encoding="utf-8")
    return tmp_path / "brieven", lijst, zaken


def _elke_brief_eenmaal_bij_zijn_zaak(zaaksysteem, brieven: Path, zaken: dict) -> None:
    for sleutel, zaak_url in zaken.items():
        [eio] = _opgeslagen(zaaksysteem, zaak_url)
        assert eio["bestandsnaam"] == f"{sleutel}_{HERINNERING}.docx"
        assert _inhoud(eio) == (brieven / eio["bestandsnaam"]).read_bytes()
        assert _aantal_met_identificatie(zaaksysteem, eio) == 1


def test_bulk_slaat_elke_brief_op_bij_zijn_eigen_zaak(zaaksysteem, tmp_path, sjablonen_kopie):
    """`sjabloon zgw bulk`: each letter on its own zaak in the real register, a letter without a zaak is named
    (exit 1); a second run adds nothing."""
    brieven, lijst, zaken = _bulkrun(zaaksysteem, sjablonen_kopie, tmp_path, 3)
    uit = sjabloon_cli("zgw", "bulk", brieven, "--zaken", lijst, env=_cli_env())
    assert uit.returncode == 1, uit.stdout + uit.stderr                        # the third letter has no zaak
    assert "2 afgeleverd, 0 in de wachtrij (0 geweigerd), 1 zonder zaak." in uit.stdout, uit.stdout + uit.stderr
    nog_eens = sjabloon_cli("zgw", "bulk", brieven, "--zaken", lijst, env=_cli_env())
    assert "2 afgeleverd" in nog_eens.stdout, nog_eens.stdout + nog_eens.stderr
    _elke_brief_eenmaal_bij_zijn_zaak(zaaksysteem, brieven, zaken)


def test_bulk_tijdens_een_storing_wacht_en_opnieuw_levert_elke_brief_eenmaal(zaaksysteem, tmp_path, sjablonen_kopie):
    brieven, lijst, zaken = _bulkrun(zaaksysteem, sjablonen_kopie, tmp_path, 4)
    plat = f"http://127.0.0.1:{_vrije_gesloten_poort()}{APIS['documenten']}"
    uit = sjabloon_cli("zgw", "bulk", brieven, "--zaken", lijst, env=_cli_env(SJABLOON_ZGW_DOCUMENTEN_URL=plat))
    assert "0 afgeleverd, 3 in de wachtrij (0 geweigerd), 1 zonder zaak." in uit.stdout, uit.stdout + uit.stderr
    assert all(_opgeslagen(zaaksysteem, zaak_url) == [] for zaak_url in zaken.values())
    opnieuw = sjabloon_cli("zgw", "opnieuw", env=_cli_env())
    assert "3 afgeleverd, 0 wachten nog." in opnieuw.stdout, opnieuw.stdout + opnieuw.stderr
    _elke_brief_eenmaal_bij_zijn_zaak(zaaksysteem, brieven, zaken)


def _zgw_blok(kopie: Path, sjabloon: str, **zgw) -> None:
    pad = kopie / sjabloon / "sjabloon.yaml"
    manifest = yaml.safe_load(pad.read_text(encoding="utf-8"))
    manifest["zgw"].update(zgw)
    pad.write_text(yaml.safe_dump(manifest, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_een_type_dat_de_catalogus_niet_kent_wacht_en_zegt_waarom(zaaksysteem, tmp_path, sjablonen_kopie):
    """The manifest names an informatieobjecttype the register's catalogue lacks: nothing is made in the register,
    the command says which type (exit 1) and the document waits in the outbox."""
    _vrijgegeven(sjablonen_kopie, BRIEF)
    _zgw_blok(sjablonen_kopie, BRIEF, informatieobjecttype="Bestaat niet in de catalogus")
    zaak_url = _nieuwe_zaak(zaaksysteem, BRIEF)
    resultaat, _ = _genereer(tmp_path, BRIEF, zaak_url)
    assert resultaat.returncode == 1, resultaat.stdout + resultaat.stderr
    assert "'Bestaat niet in de catalogus'" in resultaat.stderr and "wachtrij" in resultaat.stderr
    assert _opgeslagen(zaaksysteem, zaak_url) == []
    zgw_test = sjabloon_cli("zgw", "test", env=_cli_env())
    assert zgw_test.returncode == 1 and "Bestaat niet in de catalogus" in zgw_test.stdout + zgw_test.stderr


def test_het_register_weigert_een_besluitdocument_van_een_ander_type(zaaksysteem, tmp_path, sjablonen_kopie):
    """Open Zaak links a document to a Besluit only when the besluittype allows its informatieobjecttype
    (missing-besluittype-informatieobjecttype-relation). Stored as "Ontvangstbevestiging", the besluit letter is
    refused before anything is made in the register (no document, no Besluit that never meet): the caseworker reads
    why (exit 1) and it waits in the outbox."""
    _vrijgegeven(sjablonen_kopie, BESLUIT)
    _zgw_blok(sjablonen_kopie, BESLUIT, informatieobjecttype="Ontvangstbevestiging")
    zaak_url = _nieuwe_zaak(zaaksysteem, BESLUIT)
    resultaat, _ = _genereer(tmp_path, BESLUIT, zaak_url)
    assert resultaat.returncode == 1, resultaat.stdout + resultaat.stderr
    assert "informatieobjecttype 'Ontvangstbevestiging' hoort niet bij het besluittype" in resultaat.stderr
    assert "wachtrij" in resultaat.stderr
    assert _opgeslagen(zaaksysteem, zaak_url) == [] and _besluiten(zaaksysteem, zaak_url) == []
    wachtrij = sjabloon_cli("zgw", "wachtrij", env=_cli_env())
    assert zaak_url in wachtrij.stdout


def test_de_pdf_a_gaat_mee_met_het_besluit(zaaksysteem, tmp_path):
    """`sla_op` with the PDF/A beside the DOCX: both documents on the zaak and both linked to the one Besluit."""
    import datetime as dt

    from generator.vrijgave.register import Register
    from generator.vullen.sjabloon import laad
    from zgw.opslaan import sla_op
    zaak_url = _nieuwe_zaak(zaaksysteem, BESLUIT)
    docx, pdf = b"PK\x03\x04 het besluit als docx", b"%PDF-1.7 het besluit als pdf/a"
    with Register(f"sqlite:///{tmp_path / 'register.sqlite'}") as register:
        opslag = sla_op(zaaksysteem, zaak_url, laad(BESLUIT), docx, "besluit.docx", {"zaaknummer": "Z-1"}, register,
                        pdf, dagtekening=dt.date(2026, 11, 23))
    assert opslag.afgeleverd, opslag.fout
    documenten = {eio["bestandsnaam"]: eio for eio in _opgeslagen(zaaksysteem, zaak_url)}
    assert {naam: _inhoud(eio) for naam, eio in documenten.items()} == {"besluit.docx": docx, "besluit.pdf": pdf}
    assert documenten["besluit.pdf"]["formaat"] == "application/pdf"
    [besluit] = _besluiten(zaaksysteem, zaak_url)
    gekoppeld = {k["informatieobject"] for k in zaaksysteem.lijst("besluiten", "besluitinformatieobjecten",
                                                                 {"besluit": besluit["url"]})}
    assert gekoppeld == {eio["url"] for eio in documenten.values()}


def test_valt_de_besluiten_api_uit_dan_komt_alleen_het_besluit_later(zaaksysteem, tmp_path, sjablonen_kopie):
    """Halfway: the document and its link to the zaak are made, then the Besluiten API is down. The outbox keeps
    what was done; `zgw opnieuw` adds the Besluit and its link, and the document stays the one it was."""
    _vrijgegeven(sjablonen_kopie, BESLUIT)
    zaak_url = _nieuwe_zaak(zaaksysteem, BESLUIT)
    plat = f"http://127.0.0.1:{_vrije_gesloten_poort()}{APIS['besluiten']}"
    resultaat, [document] = _genereer(tmp_path, BESLUIT, zaak_url, env=_cli_env(SJABLOON_ZGW_BESLUITEN_URL=plat))
    assert resultaat.returncode == 0 and "wachtrij" in resultaat.stderr, resultaat.stdout + resultaat.stderr
    [eerst] = _opgeslagen(zaaksysteem, zaak_url)
    assert _besluiten(zaaksysteem, zaak_url) == []
    weer_op = sjabloon_cli("zgw", "opnieuw", env=_cli_env())
    assert "1 afgeleverd, 0 wachten nog." in weer_op.stdout, weer_op.stdout + weer_op.stderr
    assert [eio["url"] for eio in _opgeslagen(zaaksysteem, zaak_url)] == [eerst["url"]]
    assert _aantal_met_identificatie(zaaksysteem, eerst) == 1
    [besluit] = _besluiten(zaaksysteem, zaak_url)
    [koppeling] = zaaksysteem.lijst("besluiten", "besluitinformatieobjecten", {"besluit": besluit["url"]})
    assert koppeling["informatieobject"] == eerst["url"]
