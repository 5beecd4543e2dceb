"""Where things are kept (generator.plaatsen, `sjabloon info`): one register, one catalogue and one folder for
documents per user, whatever folder a command runs from; the settings file over the defaults and the environment
over the file; a release, from the command line or the web app, never writes into the code's templates/."""

import hashlib
import json
import os
import shutil
from importlib.metadata import version
from pathlib import Path

import pytest
import yaml
from beoordelaars import maak_beoordelaars, vrijgeven_cli
from bulkdata import schrijf_csv
from conftest import REPO, sjabloon_cli

ZAAK = REPO / "templates/factuur-leges/voorbeeld.yaml"


def _hashes(map_: Path) -> dict[str, str]:
    return {p.relative_to(map_).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(map_.rglob("*")) if p.is_file()}


def _info(**kwargs) -> dict:
    uit = sjabloon_cli("info", "--json", **kwargs)
    assert uit.returncode == 0, uit.stderr
    return json.loads(uit.stdout)


def _genereer(*extra, **kwargs):
    return sjabloon_cli("genereer", "factuur-leges", "--zaak", ZAAK, "--concept", "--datum", "2026-11-23", *extra,
                        **kwargs)


@pytest.fixture
def standaardregister(monkeypatch):
    """No SJABLOON_DATABASE_URL: the register is the one a user gets without choosing."""
    monkeypatch.delenv("SJABLOON_DATABASE_URL")


@pytest.fixture
def instellingen(eigen_plaatsen):
    """Write the settings file where platformdirs looks for it; returns its path."""
    pad = eigen_plaatsen / "config/sjabloonstraat/instellingen.toml"
    pad.parent.mkdir(parents=True)

    def schrijf(tekst: str) -> Path:
        pad.write_text(tekst, encoding="utf-8")
        return pad
    return schrijf


def test_every_test_has_its_own_user_folders(tmp_path):
    import platformdirs
    for map_ in (platformdirs.user_config_dir("sjabloonstraat"), platformdirs.user_data_dir("sjabloonstraat"),
                 platformdirs.user_documents_dir()):
        assert Path(map_).is_relative_to(tmp_path), map_


def test_two_working_folders_share_one_register_and_one_folder_for_documents(tmp_path, eigen_plaatsen,
                                                                             standaardregister):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    gemaakt = _genereer(cwd=a)
    assert gemaakt.returncode == 0, gemaakt.stderr
    document = Path(gemaakt.stdout.strip())
    assert document.parent == eigen_plaatsen / "Documenten/Sjabloonstraat" and document.is_file()
    regels = json.loads(sjabloon_cli("register", "--json", cwd=b).stdout)
    assert [(r["soort"], r["sjabloon_id"]) for r in regels] == [("document", "factuur-leges")]
    assert regels[0]["sha256"] == hashlib.sha256(document.read_bytes()).hexdigest()
    assert (eigen_plaatsen / "data/sjabloonstraat/register.sqlite").is_file()
    assert list(a.iterdir()) == [] and list(b.iterdir()) == []         # no register.sqlite, no uitvoer/ here


def test_info_names_the_user_s_own_places_and_makes_nothing(eigen_plaatsen, standaardregister):
    data = eigen_plaatsen / "data/sjabloonstraat"
    info = _info()
    assert info["versie"] == version("sjabloonstraat")
    assert info["instellingenbestand"] == {"waarde": str(eigen_plaatsen / "config/sjabloonstraat/instellingen.toml"),
                                           "bron": "standaard", "via": None, "bestaat": False}
    assert info["catalogus"] == {"waarde": str(data / "sjablonen"), "bron": "standaard", "via": None, "bestaat": False}
    assert info["register"] == {"waarde": f"sqlite:///{data / 'register.sqlite'}", "bron": "standaard", "via": None}
    assert info["registersleutel"] == {"waarde": str(data / "registersleutels"), "bron": "standaard", "via": None}
    assert info["registeranker"] == {"waarde": str(data / "register-anker.jsonl"), "bron": "standaard", "via": None}
    assert info["uitvoer"] == {"waarde": str(eigen_plaatsen / "Documenten/Sjabloonstraat"), "bron": "standaard",
                               "via": None}
    assert info["content"] == {"waarde": str(REPO / "content"), "bron": "standaard", "via": None}
    assert info["gemeenteprofiel"] == {"waarde": str(REPO / "content/gemeente.yaml"), "bron": "standaard", "via": None,
                                       "naam": "Gemeente Voorbeeld"}
    assert not eigen_plaatsen.exists()                               # it only looked

    tekst = sjabloon_cli("info").stdout.splitlines()
    regel = tekst.index(f"catalogus:           {data / 'sjablonen'}")
    assert tekst[regel + 1].strip() == "bron: standaard"
    assert "kopie van de voorbeeldcatalogus" in tekst[regel + 2]


def test_info_shows_the_register_of_a_gemeente_profile_without_its_password(tmp_path, standaardregister):
    profiel = tmp_path / "gemeente.yaml"
    profiel.write_text((REPO / "content/gemeente.yaml").read_text(encoding="utf-8")
                       + "\nregister: postgresql+psycopg://sjabloon:geheim@db.gemeente.local/register\n", encoding="utf-8")
    uit = sjabloon_cli("info", "--gemeente", profiel)
    assert uit.returncode == 0, uit.stderr
    tekst = uit.stdout.splitlines()
    regel = tekst.index("register:            postgresql+psycopg://sjabloon:***@db.gemeente.local/register")
    assert tekst[regel + 1].strip() == "bron: gemeenteprofiel (register)" and "geheim" not in uit.stdout
    regel = tekst.index(f"gemeenteprofiel:     {profiel}  (Gemeente Voorbeeld)")
    assert tekst[regel + 1].strip() == "bron: opdrachtregel (--gemeente)"


def test_the_settings_file_wins_over_the_defaults_and_the_environment_over_the_file(tmp_path, eigen_plaatsen,
                                                                                   instellingen, standaardregister):
    werkgroep = tmp_path / "werkgroep/sjablonen"
    shutil.copytree(REPO / "templates", werkgroep)
    shutil.rmtree(werkgroep / "gedoogbeschikking")
    bestand = instellingen('# relative paths count from this file\'s folder\n'
                           'catalogus = "../../../werkgroep/sjablonen"\n'
                           f'uitvoer = "{(tmp_path / "besluiten").as_posix()}"\n'
                           'register = "sqlite:///register.sqlite"\n')
    info = _info(cwd=tmp_path)
    assert info["instellingenbestand"] == {"waarde": str(bestand), "bron": "standaard", "via": None, "bestaat": True}
    assert info["catalogus"] == {"waarde": str(werkgroep), "bron": "instellingenbestand", "via": "catalogus",
                                 "bestaat": True}
    assert info["register"] == {"waarde": f"sqlite:///{bestand.parent / 'register.sqlite'}",
                                "bron": "instellingenbestand", "via": "register"}
    assert info["uitvoer"] == {"waarde": str(tmp_path / "besluiten"), "bron": "instellingenbestand", "via": "uitvoer"}

    # and the commands use them
    lijst = json.loads(sjabloon_cli("sjablonen", "--json").stdout)
    assert sorted(s["id"] for s in lijst) == sorted(p.name for p in werkgroep.iterdir())
    gemaakt = _genereer(cwd=tmp_path)
    assert gemaakt.returncode == 0, gemaakt.stderr
    assert Path(gemaakt.stdout.strip()).parent == tmp_path / "besluiten"
    assert (bestand.parent / "register.sqlite").is_file() and not (tmp_path / "register.sqlite").exists()
    # no default was needed but the register's key and anchor file, which stay apart from the database on purpose
    assert sorted(p.name for p in (eigen_plaatsen / "data").rglob("*")) == [
        "register-anker.jsonl", "registersleutels", "sjabloonstraat"]

    omgeving = os.environ | {"SJABLOON_TEMPLATES": str(REPO / "templates"), "SJABLOON_UITVOER": str(tmp_path / "elders"),
                             "SJABLOON_DATABASE_URL": "postgresql+psycopg://sjabloon:geheim@db.gemeente.local/register"}
    info = _info(env=omgeving)
    assert info["catalogus"] == {"waarde": str(REPO / "templates"), "bron": "omgevingsvariabele",
                                 "via": "SJABLOON_TEMPLATES", "bestaat": True}
    assert info["uitvoer"] == {"waarde": str(tmp_path / "elders"), "bron": "omgevingsvariabele", "via": "SJABLOON_UITVOER"}
    assert info["register"] == {"waarde": "postgresql+psycopg://sjabloon:***@db.gemeente.local/register",
                                "bron": "omgevingsvariabele", "via": "SJABLOON_DATABASE_URL"}


def test_sjabloon_instellingen_chooses_another_settings_file(tmp_path, monkeypatch):
    gedeeld = tmp_path / "gedeeld/instellingen.toml"
    gedeeld.parent.mkdir()
    gedeeld.write_text('uitvoer = "brieven"\n', encoding="utf-8")
    monkeypatch.setenv("SJABLOON_INSTELLINGEN", str(gedeeld))
    info = _info()
    assert info["instellingenbestand"] == {"waarde": str(gedeeld), "bron": "omgevingsvariabele",
                                           "via": "SJABLOON_INSTELLINGEN", "bestaat": True}
    assert info["uitvoer"]["waarde"] == str(tmp_path / "gedeeld/brieven")


@pytest.mark.parametrize("tekst, melding", [
    ('catalogus = "/srv/sjablonen"\nuitvoer =\n', "regel 2, kolom 10: dit is geen geldige TOML"),
    ('sjablonen = "/srv/sjablonen"\n', "sjablonen: onbekende instelling; bekend zijn: catalogus, register, uitvoer, "
                                        "registersleutel, registeranker"),
    ("uitvoer = 3\n", "uitvoer: verwacht tekst tussen aanhalingstekens"),
    ('register = "/srv/register.sqlite"\n', "register: dit is geen database-URL"),
])
def test_a_wrong_settings_file_stops_every_command_naming_the_file_and_the_key(tmp_path, instellingen, tekst, melding):
    from click.testing import CliRunner

    from cli.sjabloon import main
    bestand = instellingen(tekst)
    genereer = ["genereer", "factuur-leges", "--zaak", ZAAK, "--concept"]
    for opdracht in (["info"], ["sjablonen"], ["register"], genereer, genereer + ["--uit", tmp_path / "uit"]):
        uit = CliRunner().invoke(main, [str(deel) for deel in opdracht])
        assert uit.exit_code == 2 and f"fout: {bestand}: {melding}" in uit.stderr, (opdracht, uit.output)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gebruiker"]      # nothing written


def test_a_chosen_catalogue_that_does_not_exist_is_an_error_not_a_new_empty_one(tmp_path, monkeypatch, instellingen):
    monkeypatch.setenv("SJABLOON_TEMPLATES", str(tmp_path / "typfout"))
    uit = sjabloon_cli("sjablonen")
    assert uit.returncode == 2
    assert f"{tmp_path / 'typfout'}: de catalogus (omgevingsvariabele SJABLOON_TEMPLATES) bestaat niet" in uit.stderr
    monkeypatch.delenv("SJABLOON_TEMPLATES")
    bestand = instellingen('catalogus = "sjablonen"\n')
    uit = sjabloon_cli("sjablonen")
    assert uit.returncode == 2
    assert f"{bestand}: catalogus: de map {bestand.parent / 'sjablonen'} bestaat niet" in uit.stderr
    assert not (tmp_path / "typfout").exists() and not (bestand.parent / "sjablonen").exists()


def test_release_by_the_command_line_writes_to_the_user_catalogue_and_leaves_the_code_alone(eigen_plaatsen):
    voor = _hashes(REPO / "templates")
    maak_beoordelaars()
    vrij = vrijgeven_cli("factuur-leges", "--datum", "2026-11-23")
    assert vrij.returncode == 0, vrij.stderr
    catalogus = eigen_plaatsen / "data/sjabloonstraat/sjablonen"
    manifest = yaml.safe_load((catalogus / "factuur-leges/sjabloon.yaml").read_text(encoding="utf-8"))
    assert manifest["status"] == "vrijgegeven" and manifest["versie"] == "1"
    assert manifest["sha256"] == hashlib.sha256((catalogus / "factuur-leges/sjabloon.docx").read_bytes()).hexdigest()
    assert _hashes(REPO / "templates") == voor
    na = _hashes(catalogus)                       # a whole copy of the example catalogue, changed only by the release
    assert na.keys() == voor.keys()
    assert [naam for naam in voor if na[naam] != voor[naam]] == ["factuur-leges/sjabloon.yaml"]
    lijst = json.loads(sjabloon_cli("sjablonen", "--json").stdout)     # the next command sees the same catalogue
    assert next(s for s in lijst if s["id"] == "factuur-leges")["status"] == "vrijgegeven"


def test_release_in_the_web_app_writes_to_the_user_catalogue_and_leaves_the_code_alone(eigen_plaatsen):
    from fastapi.testclient import TestClient

    from web.app import maak_app
    from web.veiligheid import CSRF_COOKIE
    voor = _hashes(REPO / "templates")
    from aanmelden import meld_aan
    with TestClient(maak_app()) as client:
        for naam, rol, soort in (("anna", "jurist", "juridisch"), ("bram", "communicatie", "communicatief")):
            client.cookies.clear()
            meld_aan(client, naam, rollen=[rol])
            antwoord = client.post("/werkgroep/ontvangstbevestiging-melding/vrijgeven", follow_redirects=False,
                                   data={"csrf": client.cookies.get(CSRF_COOKIE), "soort": soort})
    assert antwoord.status_code == 303, antwoord.text
    manifest = eigen_plaatsen / "data/sjabloonstraat/sjablonen/ontvangstbevestiging-melding/sjabloon.yaml"
    gegevens = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    assert gegevens["status"] == "vrijgegeven" and gegevens["versie"] == "1"
    assert _hashes(REPO / "templates") == voor


def test_the_user_catalogue_is_copied_once_and_then_kept(eigen_plaatsen):
    from generator.plaatsen import catalogus_map
    map_ = catalogus_map().pad
    assert map_ == eigen_plaatsen / "data/sjabloonstraat/sjablonen"
    assert _hashes(map_) == _hashes(REPO / "templates")
    eigen = map_ / "factuur-leges/sjabloon.yaml"
    eigen.write_text(eigen.read_text(encoding="utf-8").replace("versie: \"1\"", "versie: \"7\""), encoding="utf-8")
    shutil.rmtree(map_ / "gedoogbeschikking")
    assert catalogus_map().pad == map_
    assert "versie: \"7\"" in eigen.read_text(encoding="utf-8") and not (map_ / "gedoogbeschikking").exists()


def test_bulk_writes_below_the_folder_for_generated_files(tmp_path, monkeypatch):
    monkeypatch.setenv("SJABLOON_UITVOER", str(tmp_path / "gemaakt"))
    uit = sjabloon_cli("bulk", "herinnering-afloop-vergunning", "--data", schrijf_csv(tmp_path / "rijen.csv", 2),
                       "--concept", "--datum", "2026-11-23", cwd=tmp_path)
    assert uit.returncode == 0, uit.stderr
    assert (tmp_path / "gemaakt/bulk/manifest.csv").is_file() and not (tmp_path / "uitvoer").exists()
