"""Each generated document carries its register entry number and the chain hash it chains on (custom document
properties): an anchor outside the database that `register controleer --document` checks."""

import hashlib
import io
import zipfile

import pytest
from conftest import REPO, sjabloon_cli
from docx import Document
from lxml import etree

from generator.vrijgave.register import Register
from generator.vrijgave.register.stempel import DEEL, lees_stempel, stempel
from registerhulp import sql

ZAAK = REPO / "templates/factuur-leges/voorbeeld.yaml"


def genereer(uit):
    uitslag = sjabloon_cli("genereer", "factuur-leges", "--concept", "--zaak", ZAAK, "--uit", uit, "--datum", "2026-11-23")
    assert uitslag.returncode == 0, uitslag.stderr
    return uitslag.stdout.strip()


def test_document_draagt_zijn_registerregel_en_keten(tmp_path, database_url):
    eerste, tweede = genereer(tmp_path / "a"), genereer(tmp_path / "b")
    with Register(database_url) as reg:
        regels = reg.regels(soort="document")
    for pad, regel in zip((eerste, tweede), regels):
        inhoud = open(pad, "rb").read()
        assert lees_stempel(inhoud) == (regel.id, regel.vorige_hash)
        assert regel.sha256 == hashlib.sha256(inhoud).hexdigest()          # the register has the file as it went out
        eigenschappen = Document(pad).core_properties                        # still a document Word opens
        assert eigenschappen.language == "nl-NL"
    assert regels[1].vorige_hash == regels[0].hash
    goed = sjabloon_cli("register", "controleer", "--document", eerste, "--document", tweede)
    assert (goed.returncode, goed.stdout) == (0, "Register intact: 2 regels, keten klopt.\n2 documenten horen bij het "
                                                 "register.\n")


def test_gewijzigd_document_en_verdwenen_regel_worden_gevonden(tmp_path, database_url):
    pad = genereer(tmp_path / "a")
    gewijzigd = tmp_path / "gewijzigd.docx"
    document = Document(pad)
    document.paragraphs[0].add_run(" (aangevuld)")
    document.save(gewijzigd)
    with Register(database_url) as reg:
        [regel] = reg.regels(soort="document")
    assert lees_stempel(gewijzigd.read_bytes()) == (regel.id, regel.vorige_hash)     # Word keeps the properties
    uitslag = sjabloon_cli("register", "controleer", "--document", gewijzigd)
    assert uitslag.returncode == 1
    assert uitslag.stdout.splitlines() == [f"{gewijzigd}: de SHA-256 van het document wijkt af van registerregel "
                                           f"{regel.id}: het document is na het maken gewijzigd"]
    with Register(database_url) as reg:
        sql(reg, "DELETE FROM registerregels WHERE id = :id", id=regel.id)
    weg = sjabloon_cli("register", "controleer", "--document", pad)
    assert weg.returncode == 1
    assert (f"{pad}: registerregel {regel.id} die het document noemt, staat niet (meer) in het register "
            "(regel verwijderd?)") in weg.stdout.splitlines()


def test_herschreven_register_en_document_zonder_stempel(tmp_path):
    pad = genereer(tmp_path / "a")
    with Register() as reg:
        [regel] = reg.regels(soort="document")
        sql(reg, "UPDATE registerregels SET vorige_hash = :h WHERE id = :id", h="1" * 64, id=regel.id)
    uitslag = sjabloon_cli("register", "controleer", "--document", pad, "--document",
                           REPO / "templates/factuur-leges/sjabloon.docx")
    assert uitslag.returncode == 1
    assert (f"{pad}: de keten in het document ({regel.vorige_hash[:12]}…) wijkt af van registerregel {regel.id} "
            f"(111111111111…): het register is herschreven") in uitslag.stdout.splitlines()
    assert (f"{REPO / 'templates/factuur-leges/sjabloon.docx'}: het document noemt geen registerregel in zijn "
            "eigenschappen (gemaakt vóór het anker, of de eigenschappen zijn gewist)") in uitslag.stdout.splitlines()
    ontbreekt = sjabloon_cli("register", "controleer", "--document", tmp_path / "bestaat-niet.docx")
    assert ontbreekt.returncode == 2 and "bestaat-niet.docx" in ontbreekt.stderr


def test_stempel_houdt_de_eigen_eigenschappen_van_het_sjabloon():
    """A template with custom properties of its own keeps them; stamping again replaces, never doubles."""
    bron = io.BytesIO()
    Document().save(bron)
    met_eigen = stempel(bron.getvalue(), 1, "a" * 64)
    with zipfile.ZipFile(io.BytesIO(met_eigen)) as docx:
        wortel = etree.fromstring(docx.read(DEEL))
        eigen = etree.SubElement(wortel, wortel[0].tag, fmtid=wortel[0].get("fmtid"), pid="9", name="Afdeling")
        etree.SubElement(eigen, wortel[0][0].tag).text = "Vergunningen"
        delen = {naam: docx.read(naam) for naam in docx.namelist()} | {DEEL: etree.tostring(wortel)}
    herschreven = io.BytesIO()
    with zipfile.ZipFile(herschreven, "w") as docx:
        for naam, inhoud in delen.items():
            docx.writestr(naam, inhoud)
    opnieuw = stempel(herschreven.getvalue(), 7, "b" * 64)
    assert lees_stempel(opnieuw) == (7, "b" * 64)
    with zipfile.ZipFile(io.BytesIO(opnieuw)) as docx:
        namen = [p.get("name") for p in etree.fromstring(docx.read(DEEL))]
        assert namen == ["Afdeling", "Registerregel", "Registerketen"]
        assert docx.read("[Content_Types].xml").count(b"/docProps/custom.xml") == 1
        assert docx.read("_rels/.rels").count(b"custom-properties") == 1
    assert stempel(opnieuw, 7, "b" * 64) == opnieuw                      # the same stamp gives the same bytes


@pytest.mark.parametrize("kapot", [b"geen zip", b""])
def test_geen_docx_geen_stempel(kapot):
    assert lees_stempel(kapot) == (None, None)


def test_gelijktijdige_documenten_krijgen_elk_hun_eigen_regel(database_url):
    """Writers at the same moment: each document's stamp names its own entry and the hash that entry chains on."""
    import threading

    Register(database_url).engine.dispose()         # migrate once, before the writers race
    stempels, fouten = {}, []

    def schrijf(n):
        try:
            with Register(database_url) as eigen:
                for i in range(5):
                    def stempel_in(nummer, keten, zaak=f"Z-{n}-{i}"):
                        stempels[zaak] = (nummer, keten)
                        return hashlib.sha256(f"{zaak}{nummer}{keten}".encode()).hexdigest()
                    eigen.voeg_toe("document", sjabloon_id="brief", sjabloon_versie="1", sha256="", door="t",
                                   gegevens={}, zaaknummer=f"Z-{n}-{i}", stempel=stempel_in)
        except Exception as fout:       # noqa: BLE001 - reported below, with the thread's own error
            fouten.append(fout)

    draden = [threading.Thread(target=schrijf, args=(n,)) for n in range(4)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()
    assert fouten == []
    with Register(database_url) as reg:
        regels = reg.regels()
        assert len(regels) == 20 and reg.controleer() == []
    for regel in regels:
        nummer, keten = stempels[regel.zaaknummer]         # the stamp of the attempt that was committed
        assert (nummer, keten) == (regel.id, regel.vorige_hash)
        assert regel.sha256 == hashlib.sha256(f"{regel.zaaknummer}{nummer}{keten}".encode()).hexdigest()


def test_een_register_gedeeld_door_veel_draden_schrijft_elke_regel(database_url):
    """The web app: one Register, many request threads at once (bench/last.py gave 'UNIQUE constraint failed' on
    SQLite when they raced for the same number while each stamped its DOCX)."""
    import time
    from concurrent.futures import ThreadPoolExecutor

    def stempel(nummer, keten):
        time.sleep(0.005)                   # stamping a DOCX takes a moment: the window in which another writer comes
        return hashlib.sha256(b"%d" % nummer).hexdigest()

    with Register(database_url) as gedeeld:
        def schrijf(n):
            gedeeld.voeg_toe("document", sjabloon_id="brief", sjabloon_versie="1", sha256="", door="t", gegevens={},
                             zaaknummer=f"Z-{n}", stempel=stempel)
        with ThreadPoolExecutor(40) as pool:
            list(pool.map(schrijf, range(120)))
        assert len(gedeeld.regels()) == 120 and gedeeld.controleer() == []
