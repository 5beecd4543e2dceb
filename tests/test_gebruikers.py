"""Local accounts and service keys, on SQLite and on PostgreSQL: who can log in, with which roles, what the register
records of each change (never a password, hash or secret), and that a change and its register entry go together."""

import hashlib
import json
import subprocess

import pytest
from argon2 import PasswordHasher
from conftest import SJABLOON
from sqlalchemy import select

import toegang.gebruikers as gebruikers_module
from generator.vrijgave.register import Register
from generator.vullen.fouten import InvoerFout
from toegang.gebruikers import GebruikerFout, Gebruikers, gebruikers
from toegang.identiteit import LOKAAL, SLEUTEL, Identiteit
from toegang.rollen import RolFout
from toegang.sleutels import SleutelFout, Sleutels, sleutels

WACHTWOORD = "paard batterij nietje"


class TelVerify(PasswordHasher):
    """Cheap argon2id costs for speed, and a count of verifications (a wrong name must cost one as well)."""

    def __init__(self):
        super().__init__(time_cost=1, memory_cost=1024, parallelism=1)
        self.geverifieerd = 0

    def verify(self, hash_, wachtwoord):
        self.geverifieerd += 1
        return super().verify(hash_, wachtwoord)


@pytest.fixture
def hasher(monkeypatch):
    snel = TelVerify()
    monkeypatch.setattr(gebruikers_module, "_HASHER", snel)
    return snel


@pytest.fixture
def reg(database_url):
    with Register(database_url) as register:
        yield register


@pytest.fixture
def accounts(reg, hasher):
    return Gebruikers(reg)


def rijen(reg, tabel):
    with reg.engine.connect() as verbinding:
        return [dict(r) for r in verbinding.execute(select(tabel)).mappings()]


def test_toevoegen_en_aanmelden(accounts):
    nieuw = accounts.toevoegen("a.devries", WACHTWOORD, ["jurist"], "Anna de Vries", door="beheer")
    verwacht = Identiteit(subject="lokaal:a.devries", naam="Anna de Vries", rollen=frozenset({"jurist"}), bron=LOKAAL)
    assert nieuw == verwacht
    assert accounts.aanmelden("a.devries", WACHTWOORD) == verwacht
    assert accounts.aanmelden("  A.deVries ", WACHTWOORD) == verwacht          # names are lower case
    assert accounts.identiteit("a.devries") == verwacht
    assert accounts.aanmelden("a.devries", WACHTWOORD).mag("juridisch_beoordelen")

    zonder_naam = accounts.toevoegen("bob", WACHTWOORD, ["communicatie", "kcc", "kcc"], door="beheer")
    assert zonder_naam.naam == "bob" and zonder_naam.rollen == {"communicatie", "kcc"}
    assert accounts.aantal_actief() == 2


@pytest.mark.parametrize("naam, wachtwoord", [("anna", "fout wachtwoord!"), ("anna", ""), ("onbekend", WACHTWOORD),
                                              ("geen geldige naam", WACHTWOORD), ("", ""), ("anna", "x" * 5000)])
def test_aanmelden_mislukt_en_kost_altijd_een_verificatie(accounts, hasher, naam, wachtwoord):
    accounts.toevoegen("anna", WACHTWOORD, ["jurist"], door="beheer")
    voor = hasher.geverifieerd
    assert accounts.aanmelden(naam, wachtwoord) is None
    assert hasher.geverifieerd == voor + 1


def test_uitgeschakeld_account_meldt_niet_aan(reg, accounts, hasher):
    accounts.toevoegen("anna", WACHTWOORD, ["jurist"], door="beheer")
    accounts.toevoegen("bob", WACHTWOORD, ["kcc"], door="beheer")
    accounts.uitschakelen("anna", door="beheer")
    voor = hasher.geverifieerd
    assert accounts.aanmelden("anna", WACHTWOORD) is None
    assert hasher.geverifieerd == voor + 1
    assert accounts.identiteit("anna") is None
    assert accounts.aantal_actief() == 1
    assert [(a.naam, a.actief) for a in accounts.lijst()] == [("anna", False), ("bob", True)]

    accounts.inschakelen("anna", door="beheer")
    assert accounts.aanmelden("anna", WACHTWOORD).subject == "lokaal:anna"
    assert [r.gegevens["handeling"] for r in reg.regels(soort="gebruiker")][-2:] == ["uitgeschakeld", "ingeschakeld"]


def test_gelijktijdig_dezelfde_naam(database_url, hasher):
    """Four at once add the same name: one account, one register entry, three Dutch refusals (no crash)."""
    import threading

    Register(database_url).engine.dispose()         # migrate once, before the race
    uitkomsten = []

    def voeg_toe(n):
        with Register(database_url) as eigen:
            try:
                Gebruikers(eigen).toevoegen("anna", WACHTWOORD, ["jurist"], f"Anna {n}", door=f"beheer{n}")
                uitkomsten.append("ok")
            except GebruikerFout as fout:
                uitkomsten.append(str(fout))

    draden = [threading.Thread(target=voeg_toe, args=(n,)) for n in range(4)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()
    assert sorted(uitkomsten)[-1] == "ok" and uitkomsten.count("ok") == 1
    assert all("naam 'anna' is al in gebruik" in u for u in uitkomsten if u != "ok")
    with Register(database_url) as reg:
        assert len(Gebruikers(reg).lijst()) == 1 and len(reg.regels()) == 1 and reg.controleer() == []


def test_rollen_en_wachtwoord_wijzigen(accounts):
    accounts.toevoegen("anna", WACHTWOORD, ["zaakbehandelaar"], door="beheer")
    assert accounts.zet_rollen("anna", ["jurist", "communicatie"], door="beheer").rollen == {"jurist", "communicatie"}
    assert accounts.identiteit("anna").rollen == {"jurist", "communicatie"}
    accounts.zet_wachtwoord("anna", "een heel ander wachtwoord", door="anna")
    assert accounts.aanmelden("anna", WACHTWOORD) is None
    assert accounts.aanmelden("anna", "een heel ander wachtwoord").rollen == {"jurist", "communicatie"}


def test_wachtwoord_wordt_met_argon2id_bewaard_en_nergens_anders(reg, accounts):
    accounts.toevoegen("anna", WACHTWOORD, ["jurist"], door="beheer")
    accounts.zet_wachtwoord("anna", "tweede wachtwoord hier", door="beheer")
    [rij] = rijen(reg, gebruikers)
    assert rij["wachtwoord_hash"].startswith("$argon2id$")
    assert "tweede" not in rij["wachtwoord_hash"]
    regels = reg.regels(soort="gebruiker")
    assert [(r.door, r.gegevens["handeling"], r.gegevens["subject"]) for r in regels] == [
        ("beheer", "toegevoegd", "lokaal:anna"), ("beheer", "wachtwoord", "lokaal:anna")]
    alles = " ".join(str(r.as_json()) for r in regels)
    assert WACHTWOORD not in alles and "tweede" not in alles and "argon2" not in alles
    assert regels[0].gegevens["rollen"] == ["jurist"]
    assert reg.controleer() == []


def test_standaardkosten_van_de_hash():
    """Without the tests' cheap costs: argon2id with at least 64 MiB and 3 passes (RFC 9106, low memory), and the
    stand-in hash for unknown names costs the same."""
    hash_ = gebruikers_module._HASHER.hash(WACHTWOORD)
    assert hash_.startswith("$argon2id$v=19$m=65536,t=3,")
    assert gebruikers_module._schijn_hash().startswith("$argon2id$v=19$m=65536,t=3,")


def test_schijnhash_volgt_de_hasher(hasher):
    assert gebruikers_module._schijn_hash().startswith("$argon2id$v=19$m=1024,t=1,")


def test_zwakke_hash_wordt_bij_aanmelden_vernieuwd(reg, accounts, hasher, monkeypatch):
    accounts.toevoegen("anna", WACHTWOORD, ["jurist"], door="beheer")
    sterker = PasswordHasher(time_cost=2, memory_cost=2048, parallelism=1)
    monkeypatch.setattr(gebruikers_module, "_HASHER", sterker)
    assert accounts.aanmelden("anna", WACHTWOORD) is not None
    [rij] = rijen(reg, gebruikers)
    assert "m=2048,t=2," in rij["wachtwoord_hash"]
    assert accounts.aanmelden("anna", WACHTWOORD) is not None


@pytest.mark.parametrize("args, fout, melding", [
    (("anna", "kort", ["jurist"]), GebruikerFout, "wachtwoord is te kort: gebruik minstens 12 tekens"),
    (("anna", "x" * 1025, ["jurist"]), GebruikerFout, "wachtwoord is te lang"),
    (("anna", WACHTWOORD, ["rechter"]), RolFout, "rol 'rechter' bestaat niet; kies uit: zaakbehandelaar, kcc"),
    (("anna", WACHTWOORD, []), GebruikerFout, "rol ontbreekt"),
    (("Anna de Vries", WACHTWOORD, ["jurist"]), GebruikerFout, "naam 'Anna de Vries' kan niet"),
    (("", WACHTWOORD, ["jurist"]), GebruikerFout, "naam '' kan niet"),
    (("anna", WACHTWOORD, ["jurist"], "x" * 201), GebruikerFout, "volledige naam is te lang"),
])
def test_toevoegen_weigert_slechte_invoer(reg, accounts, args, fout, melding):
    with pytest.raises(fout) as fout_info:
        accounts.toevoegen(*args, door="beheer")
    assert isinstance(fout_info.value, InvoerFout)
    assert melding in str(fout_info.value)
    assert accounts.lijst() == [] and reg.regels() == []


def test_naam_is_uniek_ook_na_uitschakelen(reg, accounts):
    accounts.toevoegen("anna", WACHTWOORD, ["jurist"], door="beheer")
    accounts.uitschakelen("anna", door="beheer")
    with pytest.raises(GebruikerFout, match="naam 'anna' is al in gebruik"):
        accounts.toevoegen("Anna", WACHTWOORD, ["kcc"], door="beheer")
    assert len(reg.regels()) == 2 and reg.controleer() == []


@pytest.mark.parametrize("wijzig", [
    lambda a: a.zet_rollen("niemand", ["kcc"], door="beheer"),
    lambda a: a.uitschakelen("niemand", door="beheer"),
    lambda a: a.zet_wachtwoord("niemand", WACHTWOORD, door="beheer"),
])
def test_wijzigen_van_onbekend_account(accounts, wijzig):
    with pytest.raises(GebruikerFout, match="er is geen account 'niemand'"):
        wijzig(accounts)


def test_wie_het_deed_is_verplicht(reg, accounts):
    with pytest.raises(GebruikerFout, match="door ontbreekt"):
        accounts.toevoegen("anna", WACHTWOORD, ["jurist"], door=" ")
    assert accounts.lijst() == []


def test_wijziging_en_registerregel_horen_samen(reg, accounts, monkeypatch):
    """When the register entry cannot be written, the account is not made either (one transaction)."""
    import generator.vrijgave.register.opslag as opslag

    def kapot(*_, **__):
        raise RuntimeError("schijf vol")
    monkeypatch.setattr(opslag, "bereken_hash", kapot)
    with pytest.raises(RuntimeError):
        accounts.toevoegen("anna", WACHTWOORD, ["jurist"], door="beheer")
    monkeypatch.undo()
    assert accounts.lijst() == [] and reg.regels() == []


def test_lijst_toont_geen_hash(accounts):
    accounts.toevoegen("bob", WACHTWOORD, ["kcc"], "Bob Bakker", door="beheer")
    accounts.toevoegen("anna", WACHTWOORD, ["jurist", "communicatie"], door="beheer")
    lijst = accounts.lijst()
    assert [(a.naam, a.volledige_naam, a.rollen, a.actief) for a in lijst] == [
        ("anna", None, ("communicatie", "jurist"), True), ("bob", "Bob Bakker", ("kcc",), True)]
    assert "argon2" not in str([a.as_json() for a in lijst])


# --- service keys -----------------------------------------------------------------------------------------------

def test_sleutel_maken_en_controleren(reg):
    keys = Sleutels(reg)
    geheim = keys.maak("zaaksysteem", "zaakbehandelaar", door="beheer")
    assert geheim.startswith("sjs_") and len(geheim) > 40
    assert keys.controleer(geheim) == Identiteit(subject="sleutel:zaaksysteem", naam="zaaksysteem",
                                                 rollen=frozenset({"zaakbehandelaar"}), bron=SLEUTEL)
    assert keys.controleer(geheim).mag("genereren")
    anders = keys.maak("kcc-tool", "kcc", door="beheer")
    assert anders != geheim and keys.controleer(anders).rollen == {"kcc"}
    for fout in (geheim[:-1], geheim + "x", "sjs_", "", geheim.removeprefix("sjs_"), "sjs_" + "a" * 500):
        assert keys.controleer(fout) is None


def test_sleutel_bewaart_alleen_een_hash(reg):
    keys = Sleutels(reg)
    geheim = keys.maak("zaaksysteem", "zaakbehandelaar", door="beheer")
    [rij] = rijen(reg, sleutels)
    assert rij["hash"] == hashlib.sha256(geheim.encode()).hexdigest()
    assert geheim not in str(rij) and geheim[4:] not in str(rij)
    [regel] = reg.regels(soort="sleutel")
    assert regel.door == "beheer"
    assert regel.gegevens == {"handeling": "gemaakt", "sleutel": "zaaksysteem", "subject": "sleutel:zaaksysteem",
                              "rol": "zaakbehandelaar"}
    assert geheim not in str(regel.as_json()) and rij["hash"] not in str(regel.as_json())
    assert "hash" not in str([s.as_json() for s in keys.lijst()])


def test_sleutel_intrekken(reg):
    keys = Sleutels(reg)
    geheim = keys.maak("zaaksysteem", "zaakbehandelaar", door="beheer")
    blijft = keys.maak("kcc-tool", "kcc", door="beheer")
    keys.intrekken("zaaksysteem", door="beheer")
    assert keys.controleer(geheim) is None and keys.controleer(blijft) is not None
    [kcc, zaak] = keys.lijst()
    assert (kcc.naam, kcc.actief, kcc.ingetrokken) == ("kcc-tool", True, None)
    assert (zaak.naam, zaak.actief) == ("zaaksysteem", False) and zaak.ingetrokken is not None
    with pytest.raises(SleutelFout, match="sleutel 'zaaksysteem' is al ingetrokken"):
        keys.intrekken("zaaksysteem", door="beheer")
    with pytest.raises(SleutelFout, match="er is geen sleutel 'niets'"):
        keys.intrekken("niets", door="beheer")
    with pytest.raises(SleutelFout, match="naam 'zaaksysteem' is al in gebruik"):
        keys.maak("zaaksysteem", "kcc", door="beheer")
    assert [r.gegevens["handeling"] for r in reg.regels(soort="sleutel")] == ["gemaakt", "gemaakt", "ingetrokken"]
    assert reg.controleer() == []


@pytest.mark.parametrize("naam, rol, fout, melding", [
    ("zaaksysteem", "rechter", RolFout, "rol 'rechter' bestaat niet"),
    ("zaaksysteem", "", SleutelFout, "rol ontbreekt"),
    ("zaak systeem", "kcc", SleutelFout, "naam 'zaak systeem' kan niet"),
])
def test_sleutel_weigert_slechte_invoer(reg, naam, rol, fout, melding):
    with pytest.raises(fout, match=melding):
        Sleutels(reg).maak(naam, rol, door="beheer")
    assert Sleutels(reg).lijst() == [] and reg.regels() == []


def test_register_toont_wijzigingen_van_accounts_en_sleutels(reg, accounts):
    from click.testing import CliRunner

    from cli.register import register as register_cli
    accounts.toevoegen("anna", WACHTWOORD, ["jurist", "communicatie"], door="beheer")
    Sleutels(reg).maak("zaaksysteem", "zaakbehandelaar", door="j.jansen")
    uit = CliRunner().invoke(register_cli, [])
    assert uit.exit_code == 0
    [account, sleutel] = uit.stdout.splitlines()
    assert account.endswith("gebruiker  beheer  lokaal:anna: toegevoegd (rollen: communicatie, jurist)")
    assert sleutel.endswith("sleutel   j.jansen  sleutel:zaaksysteem: gemaakt (rollen: zaakbehandelaar)")


# --- the command line -------------------------------------------------------------------------------------------

def sjabloon(*args, invoer=None):
    from click.testing import CliRunner

    from cli.sjabloon import main
    return CliRunner().invoke(main, [str(a) for a in args], input=invoer, prog_name="sjabloon")


def test_cli_gebruiker_van_toevoegen_tot_uitschakelen(database_url, hasher):
    uit = sjabloon("gebruiker", "toevoegen", "A.deVries", "--rol", "jurist", "--rol", "communicatie",
                   "--naam", "Anna de Vries", "--wachtwoord-stdin", invoer=WACHTWOORD + "\n")
    assert (uit.exit_code, uit.stdout) == (0, "Account a.devries toegevoegd (Anna de Vries), rollen: communicatie, jurist.\n")
    uit = sjabloon("gebruiker", "toevoegen", "bob", "--rol", "kcc", invoer=f"{WACHTWOORD}\n{WACHTWOORD}\n")
    assert uit.exit_code == 0, uit.output
    assert "Wachtwoord: " in uit.stdout and "Nogmaals ter controle: " in uit.stdout and WACHTWOORD not in uit.stdout

    with Register(database_url) as reg:
        accounts = Gebruikers(reg)
        assert accounts.aanmelden("a.devries", WACHTWOORD).naam == "Anna de Vries"
        assert accounts.aanmelden("bob", WACHTWOORD).rollen == {"kcc"}
    lijst = sjabloon("gebruiker", "lijst")
    assert lijst.exit_code == 0
    assert [regel.split()[0] for regel in lijst.stdout.splitlines()] == ["a.devries", "bob"]
    assert "Anna de Vries" in lijst.stdout and "communicatie, jurist" in lijst.stdout and "argon2" not in lijst.stdout

    assert sjabloon("gebruiker", "rollen", "bob", "--rol", "zaakbehandelaar").stdout == "Rollen van bob: zaakbehandelaar.\n"
    nieuw = "nog een lang wachtwoord"
    assert sjabloon("gebruiker", "wachtwoord", "bob", "--wachtwoord-stdin", invoer=nieuw + "\n").exit_code == 0
    assert sjabloon("gebruiker", "uitschakelen", "a.devries").stdout == "Account a.devries is uitgeschakeld.\n"
    with Register(database_url) as reg:
        accounts = Gebruikers(reg)
        assert accounts.aanmelden("a.devries", WACHTWOORD) is None
        assert accounts.aanmelden("bob", nieuw).rollen == {"zaakbehandelaar"}
        assert [r.gegevens["handeling"] for r in reg.regels(soort="gebruiker")] == [
            "toegevoegd", "toegevoegd", "rollen", "wachtwoord", "uitgeschakeld"]
    als_json = json.loads(sjabloon("gebruiker", "lijst", "--json").stdout)
    assert [(a["naam"], a["rollen"], a["actief"]) for a in als_json] == [
        ("a.devries", ["communicatie", "jurist"], False), ("bob", ["zaakbehandelaar"], True)]
    assert sjabloon("gebruiker", "inschakelen", "a.devries").stdout == "Account a.devries is weer ingeschakeld.\n"
    with Register(database_url) as reg:
        assert Gebruikers(reg).aanmelden("a.devries", WACHTWOORD).rollen == {"communicatie", "jurist"}


@pytest.mark.parametrize("args, invoer, melding", [
    (["toevoegen", "anna", "--rol", "rechter"], WACHTWOORD + "\n" * 2, "rol 'rechter' bestaat niet"),
    (["toevoegen", "anna de vries", "--rol", "jurist"], None, "naam 'anna de vries' kan niet"),
    (["toevoegen", "anna", "--rol", "jurist", "--wachtwoord-stdin"], "kort\n", "wachtwoord is te kort"),
    (["toevoegen", "anna", "--rol", "jurist", "--wachtwoord-stdin"], "", "wachtwoord ontbreekt"),
    (["toevoegen", "anna", "--rol", "jurist"], "kort\n", "wachtwoord is te kort"),
    (["toevoegen", "anna", "--rol", "jurist"], f"{WACHTWOORD}\nandere tekst hier\n", "wachtwoord: de twee wachtwoorden zijn niet gelijk"),
    (["toevoegen", "anna", "--rol", "jurist"], "", "wachtwoord: afgebroken (Ctrl-D of Ctrl-C)"),
    (["toevoegen", "anna", "--rol", "jurist"], WACHTWOORD + "\n", "wachtwoord: afgebroken (Ctrl-D of Ctrl-C)"),
    (["rollen", "niemand", "--rol", "kcc"], None, "er is geen account 'niemand'"),
    (["uitschakelen", "niemand"], None, "er is geen account 'niemand'"),
    (["inschakelen", "niemand"], None, "er is geen account 'niemand'"),
    (["wachtwoord", "niemand"], WACHTWOORD + "\n" * 2, "er is geen account 'niemand'"),
])
def test_cli_gebruiker_slechte_invoer(args, invoer, melding, hasher, eigen_register):
    uit = sjabloon("gebruiker", *args, invoer=invoer)
    assert uit.exit_code == 2, uit.output
    assert f"fout: {melding}" in uit.stderr and "Er is niets geschreven." in uit.stderr
    with Register(eigen_register) as reg:
        assert Gebruikers(reg).lijst() == [] and reg.regels() == []


def test_cli_dubbele_naam_en_rol_ontbreekt(hasher):
    assert sjabloon("gebruiker", "toevoegen", "anna", "--rol", "kcc", "--wachtwoord-stdin",
                    invoer=WACHTWOORD + "\n").exit_code == 0
    dubbel = sjabloon("gebruiker", "toevoegen", "anna", "--rol", "kcc", "--wachtwoord-stdin", invoer=WACHTWOORD + "\n")
    assert dubbel.exit_code == 2 and "naam 'anna' is al in gebruik" in dubbel.stderr
    zonder_rol = sjabloon("gebruiker", "toevoegen", "bob")
    assert zonder_rol.exit_code == 2 and "Optie ontbreekt '--rol'" in zonder_rol.output


def test_cli_ctrl_d_in_een_echt_proces(tmp_path):
    """A real process without a terminal (its own session) and an empty stdin: Ctrl-D at the prompt, Dutch, exit 2."""
    uit = subprocess.run([*SJABLOON, "gebruiker", "toevoegen", "anna", "--rol", "jurist"], stdin=subprocess.DEVNULL,
                         capture_output=True, text=True, start_new_session=True, cwd=tmp_path)
    assert uit.returncode == 2
    assert "fout: wachtwoord: afgebroken" in uit.stderr and "Traceback" not in uit.stderr


def test_cli_sleutel_maken_tonen_intrekken(database_url):
    gemaakt = sjabloon("sleutel", "maak", "Zaaksysteem", "--rol", "zaakbehandelaar")
    assert gemaakt.exit_code == 0
    geheim = gemaakt.stdout.strip()
    assert geheim.startswith("sjs_") and "\n" not in geheim
    assert "enige keer" in gemaakt.stderr and geheim not in gemaakt.stderr
    with Register(database_url) as reg:
        assert Sleutels(reg).controleer(geheim).subject == "sleutel:zaaksysteem"
    lijst = sjabloon("sleutel", "lijst")
    assert lijst.stdout.split()[:2] == ["zaaksysteem", "zaakbehandelaar"] and "actief" in lijst.stdout
    assert geheim not in lijst.stdout and geheim not in sjabloon("register", "--json").stdout

    assert sjabloon("sleutel", "intrekken", "zaaksysteem").stdout == "Sleutel zaaksysteem is ingetrokken.\n"
    with Register(database_url) as reg:
        assert Sleutels(reg).controleer(geheim) is None
    [als_json] = json.loads(sjabloon("sleutel", "lijst", "--json").stdout)
    assert (als_json["naam"], als_json["actief"]) == ("zaaksysteem", False) and als_json["ingetrokken"]
    assert "ingetrokken" in sjabloon("sleutel", "lijst").stdout


@pytest.mark.parametrize("args, melding", [
    (["maak", "zaaksysteem", "--rol", "rechter"], "rol 'rechter' bestaat niet"),
    (["maak", "zaak systeem", "--rol", "kcc"], "naam 'zaak systeem' kan niet"),
    (["intrekken", "niets"], "er is geen sleutel 'niets'"),
])
def test_cli_sleutel_slechte_invoer(args, melding):
    uit = sjabloon("sleutel", *args)
    assert uit.exit_code == 2 and f"fout: {melding}" in uit.stderr and uit.stdout == ""


def test_cli_lege_lijsten_zeggen_hoe_het_moet():
    assert "sjabloon gebruiker toevoegen NAAM --rol ROL" in sjabloon("gebruiker", "lijst").stdout
    assert "sjabloon sleutel maak NAAM --rol ROL" in sjabloon("sleutel", "lijst").stdout


def test_cli_register_dat_niet_opent(monkeypatch):
    monkeypatch.setenv("SJABLOON_DATABASE_URL", "sqlite:////bestaat/niet/register.sqlite")
    for args in (["gebruiker", "lijst"], ["sleutel", "lijst"]):
        uit = sjabloon(*args)
        assert uit.exit_code == 2 and "kan niet worden geopend" in uit.stderr


def test_beveiliging_md_toont_elke_rol_met_haar_rechten():
    """The table in docs/beveiliging.md says what content/rollen.yaml says (a role or right moved there shows here)."""
    import re

    from conftest import REPO

    from toegang.rollen import rollen
    tekst = (REPO / "docs" / "beveiliging.md").read_text(encoding="utf-8")
    sectie = tekst.split("## Rollen", 1)[1].split("\n## ", 1)[0]
    tabel = {m.group(1): (m.group(2).strip(), set(re.findall(r"`(\w+)`", m.group(3))))
             for m in re.finditer(r"^\| `(\w+)` \| ([^|]+) \| ([^|]+) \|$", sectie, re.M) if "`" in m.group(3)}
    assert tabel == {r.naam: (r.omschrijving, set(r.rechten)) for r in rollen().values()}
    alle_rechten = set().union(*(r.rechten for r in rollen().values())) | {"alle_documenten_inzien"}
    assert alle_rechten <= set(re.findall(r"^\| `(\w+)` \|", sectie, re.M))
