"""The five ways to rewrite the register that issue 23 names, each done with plain SQL as someone with write access
to the database (but not to the register key or the anchor file) would, on SQLite and on PostgreSQL: `register
controleer` finds every one, with a Dutch message, and exits 1."""

import json

import pytest
from click.testing import CliRunner

from cli.register import register as register_cli
from generator.vrijgave.register.regel import BEGIN
from registerhulp import DOCUMENT, herbereken, reg, sql, vul  # noqa: F401  (reg: the fixture)


def controleer():
    return CliRunner().invoke(register_cli, ["controleer"])


def gevonden(reg, verwacht: list[str]) -> None:
    """The register reports exactly these problems, and the command prints them and exits 1."""
    assert reg.controleer() == verwacht
    uitslag = controleer()
    assert uitslag.exit_code == 1
    assert uitslag.stdout.splitlines() == verwacht
    assert f"Register NIET intact: {len(verwacht)} {'probleem' if len(verwacht) == 1 else 'problemen'} in " \
        in uitslag.stderr


def test_zonder_aanval_is_alles_in_orde(reg):
    regels = vul(reg)
    assert all(r.sleutel_id == reg.sleutels.huidig for r in regels)
    assert reg.controleer() == []
    assert (controleer().exit_code, controleer().stdout) == (0, "Register intact: 5 regels, keten klopt.\n")


def test_gewijzigde_regel(reg):
    regels = vul(reg)
    sql(reg, "UPDATE registerregels SET gegevens = :g WHERE id = :id",
        g=json.dumps(dict(DOCUMENT, forceer_reden="achteraf")), id=regels[2].id)
    gevonden(reg, [f"regel {regels[2].id}: inhoud gewijzigd (hash klopt niet)"])


def test_verwijderde_middelste_regel(reg):
    regels = vul(reg)
    sql(reg, "DELETE FROM registerregels WHERE id = :id", id=regels[2].id)
    gevonden(reg, [f"regel {regels[3].id}: keten gebroken: vorige_hash wijst niet naar regel {regels[1].id} "
                   "(regel verwijderd of ingevoegd?)",
                   f"regel {regels[2].id} ontbreekt: het ankerbestand noemt hem als kop van het register "
                   "(regel verwijderd?)"])


def test_verwijderde_laatste_regels(reg):
    """What remains is a shorter chain that holds: only the anchor file knows it once reached further."""
    regels = vul(reg)
    sql(reg, "DELETE FROM registerregels WHERE id >= :id", id=regels[3].id)
    gevonden(reg, [f"regel {r.id} ontbreekt: het ankerbestand noemt hem als kop van het register (hash {r.hash[:12]}…), "
                   f"maar het register eindigt bij regel {regels[2].id} (laatste regels verwijderd?)"
                   for r in regels[3:]])


def test_verwijderde_laatste_regels_en_nieuwe_erachter(reg):
    """Deleting the last entries and writing on: the numbers come back with other hashes than the anchor recorded."""
    regels = vul(reg, 3)
    sql(reg, "DELETE FROM registerregels WHERE id = :id", id=regels[2].id)
    [nieuw] = vul(reg, 1)
    assert nieuw.id == regels[2].id or reg.url.startswith("postgresql")      # PostgreSQL's sequence does not reuse
    if nieuw.id == regels[2].id:
        gevonden(reg, [f"regel {nieuw.id}: hash wijkt af van het ankerbestand ({regels[2].hash[:12]}…, nu "
                       f"{nieuw.hash[:12]}…): het register is herschreven"])
    else:
        gevonden(reg, [f"regel {regels[2].id} ontbreekt: het ankerbestand noemt hem als kop van het register "
                       "(regel verwijderd?)"])


def test_geleegde_tabel(reg):
    vul(reg)
    sql(reg, "DELETE FROM registerregels")
    gevonden(reg, [f"het register is leeg, maar het ankerbestand {reg.anker.pad} noemt regels tot en met regel 5 "
                   "(tabel geleegd?)"])


def test_herschreven_met_herberekende_hashes(reg):
    """An entry changed and every hash from there recomputed, as before the keyed chain (plain SHA-256): the chain
    links hold, but without the key no HMAC does."""
    regels = vul(reg)
    sql(reg, "UPDATE registerregels SET door = 'iemand anders' WHERE id = :id", id=regels[1].id)
    herbereken(reg, regels[1].id, sleutel=None)
    gevonden(reg, [f"regel {r.id}: hash opnieuw berekend zonder de registersleutel: de regel is herschreven"
                   for r in regels[1:]]
             + [f"regel {r.id}: hash wijkt af van het ankerbestand ({r.hash[:12]}…, nu {nieuw[:12]}…): het register "
                "is herschreven" for r, nieuw in zip(regels[1:], _hashes(reg)[1:])])


def test_herschreven_met_een_andere_sleutel(reg):
    regels = vul(reg, 3)
    sql(reg, "UPDATE registerregels SET door = 'iemand anders' WHERE id = :id", id=regels[2].id)
    herbereken(reg, regels[2].id, sleutel=b"geraden-" * 8)
    problemen = reg.controleer()
    assert problemen[0] == f"regel {regels[2].id}: inhoud gewijzigd (hash klopt niet)"
    assert problemen[1].startswith(f"regel {regels[2].id}: hash wijkt af van het ankerbestand")
    assert len(problemen) == 2 and controleer().exit_code == 1


def test_herschreven_als_regels_van_voor_de_sleutel(reg):
    """Someone who drops the key id and recomputes plain SHA-256 hashes makes entries that look older than the
    keyed chain; after a keyed entry none may come."""
    regels = vul(reg, 4)
    sql(reg, "UPDATE registerregels SET door = 'iemand anders' WHERE id = :id", id=regels[2].id)
    herbereken(reg, regels[2].id, sleutel=None, sleutel_id=None)
    problemen = reg.controleer()
    assert problemen[:2] == [f"regel {r.id}: zonder registersleutel, na regel {regels[0].id} met sleutel: de regel is "
                             "herschreven of toegevoegd zonder de sleutel" for r in regels[2:]]
    assert len(problemen) == 4 and controleer().exit_code == 1      # and the two heads in the anchor file


def test_hele_register_herschreven_zonder_sleutels(reg):
    """The whole table rewritten as a register from before the keyed chain: a chain that holds in itself. The anchor
    file still names the heads it had."""
    regels = vul(reg, 3)
    sql(reg, "UPDATE registerregels SET door = 'iemand anders' WHERE id = :id", id=regels[0].id)
    herbereken(reg, regels[0].id, sleutel=None, sleutel_id=None)
    assert _hashes(reg)[0] != regels[0].hash and reg.regels()[0].vorige_hash == BEGIN
    gevonden(reg, [f"regel {r.id}: hash wijkt af van het ankerbestand ({r.hash[:12]}…, nu {nieuw[:12]}…): het "
                   "register is herschreven" for r, nieuw in zip(regels, _hashes(reg))])


def test_ankerbestand_gewijzigd(reg):
    vul(reg, 2)
    with reg.anker.pad.open("a") as anker:
        anker.write("geen json\n")
    gevonden(reg, [f"ankerbestand {reg.anker.pad}: regel 3 is onleesbaar (gewijzigd?)"])


def _hashes(reg) -> list[str]:
    return [r.hash for r in reg.regels()]


@pytest.fixture(autouse=True)
def _geen_extra_regels(reg):
    """Each test starts with an empty register and an empty anchor file of its own."""
    assert reg.regels() == [] and not reg.anker.pad.exists()
