"""The register, on SQLite and on PostgreSQL: append, list, verify the hash chain, and notice tampering."""

import datetime as dt
import json
import threading
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from conftest import REPO
from sqlalchemy import exc, inspect, text

from cli.register import register as register_cli
from generator.vrijgave.register import Regel, Register
from generator.vrijgave.register import database_url as kies_url
from generator.vrijgave.register.opslag import registerregels
from registerhulp import DOCUMENT, document, reg, sql, vul  # noqa: F401  (reg: the fixture)


def test_regels_toevoegen_en_filteren(reg):
    vrijgave = reg.voeg_toe("vrijgave", sjabloon_id="vergunning-verleend", sjabloon_versie="2", sha256="cd" * 32,
                            door="a.devries", tijdstip=dt.datetime(2026, 3, 1, 9, 0),
                            gegevens={"juridisch": "A. de Vries", "communicatief": "B. Bakker", "opmerking": "",
                                      "vorige_versie": "1"})
    eerste = document(reg, tijdstip=dt.datetime(2026, 3, 2, 10, 0))
    tweede = document(reg, zaak="Z-2026-002", sjabloon="last-onder-dwangsom", tijdstip=dt.datetime(2026, 3, 3, 10, 0))

    assert reg.regels() == [vrijgave, eerste, tweede]
    assert [r.id for r in reg.regels()] == sorted([vrijgave.id, eerste.id, tweede.id])
    assert reg.regels(zaak="Z-2026-001") == [eerste]
    assert reg.regels(sjabloon="vergunning-verleend") == [vrijgave, eerste]
    assert reg.regels(soort="vrijgave") == [vrijgave]
    assert reg.regels(sinds=dt.datetime(2026, 3, 2, 10, 0)) == [eerste, tweede]
    assert reg.regels(zaak="Z-2026-001", soort="vrijgave") == []
    assert vrijgave.zaaknummer is None and eerste.zaaknummer == "Z-2026-001"


def test_doorloop_geeft_de_regels_een_voor_een_ook_meer_dan_een_partij(reg):
    """A resumed bulk run looks through its template's entries with doorloop: more than one batch of the database
    cursor (1,000), in id order, filtered like regels, the same entries."""
    reg.voeg_toe_reeks([dict(soort="document", sjabloon_id="herinnering" if n % 3 else "last", sjabloon_versie="1",
                             zaaknummer=f"Z-{n}", sha256=f"{n:064x}", door="bulk", gegevens={"bulk": {"rij": n}})
                        for n in range(1, 2_501)])
    reeks = reg.doorloop(sjabloon="herinnering", soort="document")
    eerste = next(reeks)
    assert eerste.gegevens == {"bulk": {"rij": 1}}
    rest = list(reeks)
    assert [eerste, *rest] == reg.regels(sjabloon="herinnering", soort="document")
    assert [r.gegevens["bulk"]["rij"] for r in [eerste, *rest]] == [n for n in range(1, 2_501) if n % 3]


def test_wie_het_register_langzaam_leest_houdt_geen_schrijver_tegen(tmp_path):
    """A slow reader (`sjabloon register | less`, a bulk run going through its template's entries) holds no read
    open between pages: on SQLite an open read locks every writer out ("database is locked" after 5 s). A writer
    in between goes through, and the reader sees its entry after the ones before."""
    url = f"sqlite:///{tmp_path / 'register.sqlite'}"
    with Register(url) as lezer, Register(url) as schrijver:
        lezer.voeg_toe_reeks([dict(soort="document", sjabloon_id="h", sjabloon_versie="1", zaaknummer=f"Z-{n}",
                                   sha256=f"{n:064x}", door="bulk", gegevens={}) for n in range(1, 1_501)])
        reeks = lezer.doorloop()
        assert next(reeks).zaaknummer == "Z-1"
        schrijver.voeg_toe("document", sjabloon_id="h", sjabloon_versie="1", sha256="ab" * 32, door="zoë",
                           gegevens={}, zaaknummer="Z-tussendoor")
        rest = [r.zaaknummer for r in reeks]
        assert rest == [f"Z-{n}" for n in range(2, 1_501)] + ["Z-tussendoor"]
        assert lezer.controleer() == []


def test_gegevens_en_tijdstip_komen_ongewijzigd_terug(reg, database_url):
    gegevens = {"opmerking": "Één café, ĳsbaan en € 1.250,00 — „aanhalingstekens”",
                "awb": {"bevindingen": [{"regel": "3:47", "ernst": "waarschuwing", "tekst": "Geen motivering?"}],
                        "vrijgave": True},
                "b1": {"b1": False, "niveau": "B2", "score": 51.25}, "forceer_reden": None, "brief": True}
    tijdstip = dt.datetime(2026, 7, 1, 14, 30, 5, 987654, tzinfo=ZoneInfo("Europe/Amsterdam"))
    regel = reg.voeg_toe("document", sjabloon_id="brief", sjabloon_versie=3, sha256="ef" * 32, door="Zoë",
                         gegevens=gegevens, zaaknummer="Z-1", tijdstip=tijdstip)

    with Register(database_url) as opnieuw:
        [gelezen] = opnieuw.regels()
    assert gelezen == regel
    assert gelezen.gegevens == gegevens
    assert gelezen.tijdstip == dt.datetime(2026, 7, 1, 12, 30, 5)           # UTC, whole seconds
    assert gelezen.sjabloon_versie == "3"
    assert json.loads(json.dumps(gelezen.as_json()))["tijdstip"] == "2026-07-01T12:30:05"


def test_keten_is_intact(reg):
    regels = vul(reg)
    assert regels[0].vorige_hash == "0" * 64
    assert [r.vorige_hash for r in regels[1:]] == [r.hash for r in regels[:-1]]
    assert reg.controleer() == []


def test_verwijderde_eerste_regel_wordt_gevonden(reg):
    regels = vul(reg, 3)
    sql(reg, "DELETE FROM registerregels WHERE id = :id", id=regels[0].id)
    keten, anker = reg.controleer()
    assert keten.startswith(f"regel {regels[1].id}: keten gebroken")
    assert anker.startswith(f"regel {regels[0].id} ontbreekt: het ankerbestand noemt hem")


def test_vertakking_weigert_de_database(reg):
    eerste, tweede = vul(reg, 2)
    tak = {k: v for k, v in tweede.as_json().items() if k != "id"}
    tak |= {"tijdstip": tweede.tijdstip, "gegevens": "{}", "hash": "e" * 64}    # points at `eerste` as well
    with pytest.raises(exc.IntegrityError), reg.engine.begin() as verbinding:
        verbinding.execute(registerregels.insert().values(**tak))
    assert reg.regels() == [eerste, tweede]


def test_gelijktijdige_schrijvers_houden_een_keten(database_url):
    def schrijf(n):
        with Register(database_url) as eigen:
            for i in range(8):
                document(eigen, zaak=f"Z-{n}-{i}")

    Register(database_url).engine.dispose()         # migrate once, before the writers race
    draden = [threading.Thread(target=schrijf, args=(n,)) for n in range(4)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()
    with Register(database_url) as reg:
        assert len(reg.regels()) == 32
        assert reg.controleer() == []


def test_migraties_draaien_en_openen_is_herhaalbaar(reg, database_url):
    document(reg)
    with Register(database_url) as opnieuw:
        tabellen = inspect(opnieuw.engine).get_table_names()
        indexen = {tuple(i["column_names"]) for i in inspect(opnieuw.engine).get_indexes("registerregels")}
        with opnieuw.engine.connect() as verbinding:
            versie = verbinding.scalar(text("SELECT version_num FROM alembic_version"))
        assert len(opnieuw.regels()) == 1
    assert {"alembic_version", "registerregels", "gebruikers", "sleutels", "zgw_uitgaand"} <= set(tabellen)
    assert versie == "0005"
    assert {("zaaknummer",), ("sjabloon_id",), ("sha256",)} <= indexen


def test_een_brief_vindt_zijn_regel_via_de_index(tmp_path):
    """`zgw bulk` looks up each letter's entry by its SHA-256: through the index of migration 0005, not by reading
    the whole register (SQLite's query plan), and the last entry of that SHA-256 wins."""
    from generator.vrijgave.register.opslag import registerregels

    with Register(f"sqlite:///{tmp_path / 'r.sqlite'}") as reg:
        reg.voeg_toe_reeks([dict(soort=soort, sjabloon_id="h", sjabloon_versie="1", zaaknummer=f"Z-{n}",
                                 sha256=f"{n % 1000:064x}", door="b", gegevens={})
                            for n, soort in zip(range(1, 2_501), ["document", "document", "zgw"] * 900)])
        assert reg.document(f"{2:064x}").zaaknummer == "Z-2002"          # of 2, 1002 and 2002: the last
        assert reg.document(f"{7:064x}").zaaknummer == "Z-1007"          # 2007 is a zgw entry, not a document
        assert reg.document("f" * 64) is None
        c = registerregels.c
        vraag = (registerregels.select().where(c.soort == "document", c.sha256 == "ab").order_by(c.id.desc()).limit(1)
                 .compile(reg.engine, compile_kwargs={"literal_binds": True}))
        with reg.engine.connect() as verbinding:
            plan = " ".join(r[-1] for r in verbinding.execute(text(f"EXPLAIN QUERY PLAN {vraag}")))
    assert "USING INDEX ix_registerregels_sha256" in plan, plan


def test_schemaversie_is_de_nieuwste_migratie():
    """The register skips Alembic when the database is at SCHEMAVERSIE: that must be Alembic's own head, or a new
    migration would never run."""
    from alembic.script import ScriptDirectory

    from generator.vrijgave.register.opslag import SCHEMAVERSIE, migratie_config
    assert ScriptDirectory.from_config(migratie_config()).get_current_head() == SCHEMAVERSIE


def test_oud_register_wordt_bijgewerkt(tmp_path):
    """A database at an older (here: no) version is migrated when it is opened, not skipped."""
    url = f"sqlite:///{tmp_path / 'oud.sqlite'}"
    with Register(url) as reg:
        with reg.engine.begin() as verbinding:
            for tabel in ("alembic_version", "registerregels", "gebruikers", "sleutels", "zgw_uitgaand"):
                verbinding.execute(text(f"DROP TABLE {tabel}"))
    with Register(url) as reg:
        assert reg.regels() == [] and "registerregels" in inspect(reg.engine).get_table_names()


def test_register_heeft_geen_wijzig_of_verwijder_methode():
    assert not [naam for naam in dir(Register) if naam.startswith(("wijzig", "verwijder", "update", "delete"))]
    assert Regel.__dataclass_params__.frozen


def cli(*args):
    return CliRunner().invoke(register_cli, [str(a) for a in args])


def test_cli_toont_regels(reg):
    document(reg)
    document(reg, zaak="Z-2", sjabloon="last-onder-dwangsom",
             gegevens=DOCUMENT | {"forceer_reden": "spoed: college besloot", "awb": {"vrijgave": False, "bevindingen": [
                 {"regel": "3:46", "ernst": "fout"}]}})

    alles = json.loads(cli("--json").stdout)
    assert [r["zaaknummer"] for r in alles] == ["Z-2026-001", "Z-2"]
    assert alles[1]["gegevens"]["forceer_reden"] == "spoed: college besloot"
    assert [r["zaaknummer"] for r in json.loads(cli("--json", "--zaak", "Z-2").stdout)] == ["Z-2"]
    assert json.loads(cli("--json", "--sjabloon", "bestaat-niet").stdout) == []

    tekst = cli("--sjabloon", "last-onder-dwangsom")
    assert tekst.exit_code == 0
    [regel] = tekst.stdout.splitlines()
    assert "Z-2" in regel and "last-onder-dwangsom v2" in regel and "abababababab " in regel and "m.jansen" in regel
    assert "Awb: 1 fout" in regel and "B1: ja" in regel and "geforceerd: spoed: college besloot" in regel


def test_cli_toont_een_lang_register_zoals_het_gelezen_wordt(reg):
    """A register with a bulk run in it: printed entry by entry (more than one batch of the database cursor), the
    same text as the whole list at once; an empty selection says so."""
    assert (cli().stdout, cli("--json").stdout) == ("Geen regels gevonden.\n", "[]\n")
    reg.voeg_toe_reeks([dict(soort="document", sjabloon_id="herinnering", sjabloon_versie="1", zaaknummer=f"Z-{n}",
                             sha256=f"{n:064x}", door="bulk", gegevens=DOCUMENT | {"bulk": {"rij": n, "tekst": "a\nb"}})
                        for n in range(1, 2_501)])
    alles = reg.regels()
    assert cli("--json").stdout == json.dumps([r.as_json() for r in alles], ensure_ascii=False, indent=2) + "\n"
    regels = cli("--sjabloon", "herinnering").stdout.splitlines()
    assert len(regels) == 2_500 and "Z-1 " in regels[0] and "Z-2500 " in regels[-1]
    assert cli("--zaak", "Z-0").stdout == "Geen regels gevonden.\n"


def test_cli_controleer(reg):
    regels = vul(reg, 3)
    goed = cli("controleer")
    assert (goed.exit_code, goed.stdout) == (0, "Register intact: 3 regels, keten klopt.\n")

    sql(reg, "UPDATE registerregels SET door = 'iemand anders' WHERE id = :id", id=regels[1].id)
    fout = cli("controleer")
    assert fout.exit_code == 1
    assert f"regel {regels[1].id}: inhoud gewijzigd (hash klopt niet)" in fout.stdout


def test_cli_gebruikt_het_register_uit_het_gemeenteprofiel(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'gemeente.sqlite'}"
    profiel = tmp_path / "gemeente.yaml"
    profiel.write_text((REPO / "content" / "gemeente.yaml").read_text() + f"\nregister: {url}\n")
    monkeypatch.delenv("SJABLOON_DATABASE_URL")
    with Register(url) as reg:
        document(reg)

    assert len(json.loads(cli("--gemeente", profiel, "--json").stdout)) == 1
    assert cli("controleer", "--gemeente", profiel).stdout == "Register intact: 1 regel, keten klopt.\n"


@pytest.mark.parametrize("url", ["postgresql+psycopg://beheer:geheim@127.0.0.1:1/register",
                                 "sqlite:////bestaat/niet/register.sqlite", "geen-url"])
def test_cli_database_die_niet_opent(url, monkeypatch):
    monkeypatch.setenv("SJABLOON_DATABASE_URL", url)
    for args in ([], ["controleer"]):
        uitslag = cli(*args)
        assert uitslag.exit_code == 2
        assert "kan niet worden geopend" in uitslag.stderr and "geheim" not in uitslag.stderr


def test_database_url_volgorde(monkeypatch, eigen_plaatsen):
    monkeypatch.delenv("SJABLOON_DATABASE_URL")
    eigen = f"sqlite:///{eigen_plaatsen / 'data/sjabloonstraat/register.sqlite'}"       # the user's own register
    assert kies_url() == kies_url({"naam": "Voorbeeld"}) == eigen
    instellingen = eigen_plaatsen / "config/sjabloonstraat/instellingen.toml"
    instellingen.parent.mkdir(parents=True)
    instellingen.write_text('register = "postgresql+psycopg://db/uit-het-bestand"\n')
    assert kies_url() == "postgresql+psycopg://db/uit-het-bestand"
    assert kies_url({"register": "postgresql+psycopg://db/register"}) == "postgresql+psycopg://db/register"
    monkeypatch.setenv("SJABLOON_DATABASE_URL", "sqlite:///elders.sqlite")
    assert kies_url({"register": "postgresql+psycopg://db/register"}) == "sqlite:///elders.sqlite"
