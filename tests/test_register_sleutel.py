"""The register key: made once outside the database and the checkout, known by its id in each entry, rotated with
`sjabloon register sleutel-roteren`; registers from before the keyed chain still verify."""

import stat

import pytest
from click.testing import CliRunner
from conftest import REPO
from sqlalchemy import create_engine, text

from cli.register import register as register_cli
from generator.vrijgave.register import Register
from generator.vrijgave.register.opslag import migratie_config
from generator.vrijgave.register.regel import BEGIN, bereken_hash, canoniek
from generator.vrijgave.register.sleutelring import SleutelFout, sleutel_id
from registerhulp import DOCUMENT, document, reg, sql, vul  # noqa: F401  (reg: the fixture)

SLEUTEL_A, SLEUTEL_B = "a" * 64, "b" * 64


def cli(*args):
    return CliRunner().invoke(register_cli, [str(a) for a in args])


def test_sleutelbestand_wordt_eenmaal_gemaakt_buiten_de_database(reg, eigen_plaatsen):
    bestand = eigen_plaatsen / "data/sjabloonstraat/registersleutels"
    assert reg.sleutels.bestand == bestand
    assert stat.S_IMODE(bestand.stat().st_mode) == 0o600
    [sleutel] = [r for r in bestand.read_text().splitlines() if r and not r.startswith("#")]
    assert reg.sleutels.huidig == sleutel_id(sleutel.encode())
    [regel] = vul(reg, 1)
    assert regel.sleutel_id == reg.sleutels.huidig and regel.hash == bereken_hash(
        {k: v for k, v in regel.__dict__.items()} | {"gegevens": canoniek(regel.gegevens)}, sleutel.encode())
    with Register(reg.url) as opnieuw:                  # read again, not made again
        assert opnieuw.sleutels.huidig == reg.sleutels.huidig
    with reg.engine.connect() as verbinding:            # the key itself is nowhere in the database
        alles = " ".join(str(w) for rij in verbinding.execute(text("SELECT * FROM registerregels")) for w in rij)
    assert sleutel not in alles and not any(REPO.glob("**/registersleutels"))


def test_sleutelbestand_leesbaar_voor_anderen_wordt_geweigerd(eigen_plaatsen):
    with Register() as eerst:
        bestand = eerst.sleutels.bestand
    bestand.chmod(0o644)
    with pytest.raises(SleutelFout, match="leesbaar of schrijfbaar voor anderen; geef alleen de eigenaar rechten"):
        Register()
    uitslag = cli("controleer")
    assert uitslag.exit_code == 2 and f"chmod 600 {bestand}" in uitslag.stderr


def test_sleutel_uit_het_instellingenbestand(eigen_plaatsen, tmp_path):
    instellingen = eigen_plaatsen / "config/sjabloonstraat/instellingen.toml"
    instellingen.parent.mkdir(parents=True)
    instellingen.write_text(f'registersleutel = "../../geheim/sleutels"\nregisteranker = "{tmp_path / "anker.jsonl"}"\n')
    with Register() as reg:
        vul(reg, 2)
        assert reg.sleutels.bestand == eigen_plaatsen / "geheim/sleutels"
        assert reg.anker.pad == tmp_path / "anker.jsonl" and len(reg.anker.pad.read_text().splitlines()) == 2
        assert reg.controleer() == []


def test_sleutels_uit_de_omgeving(reg, monkeypatch):
    """SJABLOON_REGISTER_SLEUTEL: the last key signs, the others (and the key file's) still verify."""
    eerst = vul(reg, 1)
    monkeypatch.setenv("SJABLOON_REGISTER_SLEUTEL", f"{SLEUTEL_A}, {SLEUTEL_B}")
    with Register(reg.url) as met_omgeving:
        [regel] = vul(met_omgeving, 1)
        assert regel.sleutel_id == sleutel_id(SLEUTEL_B.encode()) != eerst[0].sleutel_id
        assert met_omgeving.controleer() == []
    monkeypatch.setenv("SJABLOON_REGISTER_SLEUTEL", "kort")
    uitslag = cli("controleer")
    assert uitslag.exit_code == 2
    assert "SJABLOON_REGISTER_SLEUTEL: sleutel 1 is korter dan 32 tekens" in uitslag.stderr


def test_onbekende_sleutel_wordt_gemeld(reg, monkeypatch):
    monkeypatch.setenv("SJABLOON_REGISTER_SLEUTEL", SLEUTEL_A)
    with Register(reg.url) as met_a:
        [regel] = vul(met_a, 1)
    monkeypatch.setenv("SJABLOON_REGISTER_SLEUTEL", SLEUTEL_B)     # a machine that was never given key A
    with Register(reg.url) as zonder_a:
        assert zonder_a.controleer() == [
            f"regel {regel.id}: getekend met registersleutel {sleutel_id(SLEUTEL_A.encode())}, die hier niet bekend "
            "is: de regel kan niet worden gecontroleerd (zet die sleutel in het sleutelbestand of in "
            "SJABLOON_REGISTER_SLEUTEL)"]


def test_sleutel_roteren(reg):
    oud = vul(reg, 2)
    oude_sleutel = reg.sleutels.huidig
    uitslag = cli("sleutel-roteren", "--door", "beheer")
    assert uitslag.exit_code == 0, uitslag.stderr
    with Register(reg.url) as na:
        nieuw = na.sleutels.huidig
        assert nieuw != oude_sleutel and set(na.sleutels.sleutels) == {oude_sleutel, nieuw}
        [rotatie] = na.regels(soort="registersleutel")
        assert (rotatie.sleutel_id, rotatie.door, rotatie.gegevens) == (
            nieuw, "beheer", {"handeling": "geroteerd", "sleutel": nieuw, "vorige_sleutel": oude_sleutel})
        assert rotatie.vorige_hash == oud[-1].hash
        [later] = vul(na, 1)
        assert later.sleutel_id == nieuw and na.controleer() == []
    assert uitslag.stdout == (f"Nieuwe registersleutel {nieuw} in {reg.sleutels.bestand}; de vorige ({oude_sleutel}) "
                              f"blijft bewaard om oudere regels te controleren. Vastgelegd in regel {rotatie.id}.\n")
    assert f"registersleutel  beheer  nieuwe sleutel {nieuw} (was {oude_sleutel})" in cli().stdout
    assert cli("controleer").exit_code == 0


def test_roteren_met_sleutel_uit_de_omgeving_wordt_uitgelegd(reg, monkeypatch):
    monkeypatch.setenv("SJABLOON_REGISTER_SLEUTEL", SLEUTEL_A)
    uitslag = cli("sleutel-roteren")
    assert uitslag.exit_code == 2
    assert "roteren doet u daar: zet een nieuwe sleutel achteraan, na een komma" in uitslag.stderr
    assert reg.regels() == []


def test_register_van_voor_de_sleutel_blijft_kloppen(database_url):
    """A register at 0003 with entries in a plain SHA-256 chain gains the key column; its old entries verify as
    before, the first keyed entry chains on from them, and a changed old entry is still found."""
    from alembic import command
    engine = create_engine(database_url)
    with engine.begin() as verbinding:
        config = migratie_config()
        config.attributes["connection"] = verbinding
        command.upgrade(config, "0003")
        vorige = BEGIN
        for nummer in range(1, 4):                      # what the program before issue 23 wrote
            rij = {"tijdstip": _tijdstip(nummer), "soort": "document", "sjabloon_id": "brief", "sjabloon_versie": "1",
                   "zaaknummer": f"Z-{nummer}", "sha256": "ab" * 32, "door": "t", "gegevens": canoniek(DOCUMENT),
                   "vorige_hash": vorige}
            rij["hash"] = vorige = bereken_hash(rij)
            verbinding.execute(text("INSERT INTO registerregels (tijdstip, soort, sjabloon_id, sjabloon_versie, "
                                    "zaaknummer, sha256, door, gegevens, vorige_hash, hash) VALUES (:tijdstip, :soort, "
                                    ":sjabloon_id, :sjabloon_versie, :zaaknummer, :sha256, :door, :gegevens, "
                                    ":vorige_hash, :hash)"), rij)
    engine.dispose()
    with Register(database_url) as reg:
        oud = reg.regels()
        assert [r.sleutel_id for r in oud] == [None] * 3 and reg.controleer() == []
        [eerste_met_sleutel] = vul(reg, 1)
        assert eerste_met_sleutel.vorige_hash == oud[-1].hash and eerste_met_sleutel.sleutel_id
        assert reg.controleer() == []
        sql(reg, "UPDATE registerregels SET door = 'x' WHERE id = :id", id=oud[1].id)
        assert reg.controleer() == [f"regel {oud[1].id}: inhoud gewijzigd (hash klopt niet)"]


def _tijdstip(nummer):
    import datetime as dt
    return dt.datetime(2026, 1, nummer, 9, 0)
