"""More than one gemeente: every command takes --gemeente, and a profile's `aanpassingen` change what it reads."""

import json

import click
import pytest
import yaml
from conftest import REPO, sjabloon_cli

from checks.content import gebruik_aanpassingen, load_yaml, samengevoegd
from cli.sjabloon import main

RIVIERSTAD = REPO / "content/gemeenten/rivierstad.yaml"


def _profiel(tmp_path, **aanpassingen):
    """The example profile with other adjustments (and without the fields given as None)."""
    profiel = yaml.safe_load((REPO / "content/gemeente.yaml").read_text(encoding="utf-8"))
    profiel["logo"] = str(REPO / "content" / profiel["logo"])
    for veld in [k for k, v in aanpassingen.items() if v is None]:
        profiel.pop(veld)
        aanpassingen.pop(veld)
    profiel["aanpassingen"] = aanpassingen
    pad = tmp_path / "gemeente.yaml"
    pad.write_text(yaml.safe_dump(profiel, allow_unicode=True), encoding="utf-8")
    return pad


def _zonder_gemeente(groep, voor=""):
    """The commands that take no --gemeente; a group whose own options lack it counts when one of its commands does."""
    zonder = []
    for naam, opdracht in groep.commands.items():
        if "gemeente_pad" in {p.name for p in opdracht.params}:
            continue
        if isinstance(opdracht, click.Group):
            zonder += _zonder_gemeente(opdracht, f"{voor}{naam} ")
        else:
            zonder.append(voor + naam)
    return zonder


def test_every_command_takes_gemeente():
    assert _zonder_gemeente(main) == []
    assert "gemeente_pad" in {p.name for p in main.commands["gebruiker"].commands["toevoegen"].params}


def test_adjustments_merge_mappings_and_replace_the_rest():
    basis = {"a": {"x": 1, "y": 2}, "lijst": [1, 2], "tekst": "oud"}
    assert samengevoegd(basis, {"a": {"y": 3}, "lijst": [9]}) == {"a": {"x": 1, "y": 3}, "lijst": [9], "tekst": "oud"}
    assert basis["a"]["y"] == 2                                      # the shared content is not changed


def test_switching_gemeente_empties_the_caches():
    from checks.termijnen import soorten
    try:
        gebruik_aanpassingen({"beleid.yaml": {"warm_contact": {"maximum_boven": 10000}},
                              "termijnen.yaml": {"soorten": {"bezwaar": {"weken": 5}}}})
        assert load_yaml("beleid.yaml")["warm_contact"]["maximum_boven"] == 10000
        assert soorten()["bezwaar"]["weken"] == 5
    finally:
        gebruik_aanpassingen(None)
    assert load_yaml("beleid.yaml")["warm_contact"]["maximum_boven"] == 50000
    assert soorten()["bezwaar"]["weken"] == 6


def test_interventie_knows_the_gemeente_s_own_argument():
    assert sjabloon_cli("interventie", "--gevolg", 2, "--gedrag", "B", "--verzwarend", "kwetsbaar_gebied").returncode == 2
    uit = sjabloon_cli("interventie", "--gevolg", 2, "--gedrag", "B", "--verzwarend", "kwetsbaar_gebied",
                       "--json", "--gemeente", RIVIERSTAD)
    assert uit.returncode == 0, uit.stderr
    uitkomst = json.loads(uit.stdout)
    assert uitkomst["segment"] == "C3" and uitkomst["openbaar_ministerie"] is True
    assert any("uiterwaarden" in reden for reden in uitkomst["redenen"])


def test_checklist_shows_the_gemeente_s_policy():
    assert "hoger dan € 50.000" in sjabloon_cli("checklist", "last_onder_dwangsom").stdout
    uit = sjabloon_cli("checklist", "last_onder_dwangsom", "--gemeente", RIVIERSTAD).stdout
    assert "hoger dan € 10.000" in uit and "50.000" not in uit
    assert "Gemeentelijk beleid" not in sjabloon_cli("checklist", "verdaging").stdout


def test_sjablonen_names_the_profile_fields_a_gemeente_lacks(tmp_path):
    assert "let op" not in sjabloon_cli("sjablonen", "--gemeente", RIVIERSTAD).stderr   # no logo: optional
    uit = sjabloon_cli("sjablonen", "--json", "--gemeente", _profiel(tmp_path, iban=None))
    assert uit.returncode == 0 and {s["id"] for s in json.loads(uit.stdout)} >= {"factuur-leges"}
    assert uit.stderr.splitlines() == [f"let op: {s}: het gemeenteprofiel mist gemeente.iban"
                                       for s in ("factuur-leges", "invordering-dwangsom")]


def test_selecteer_afloop_takes_the_window_from_policy(tmp_path):
    csv = tmp_path / "vergunningen.csv"
    csv.write_text("zaaknummer,einddatum\nZ-1,2027-02-15\nZ-2,2027-03-15\n", encoding="utf-8")
    standaard = sjabloon_cli("selecteer-afloop", csv, "--peildatum", "2026-12-01")
    assert "Z-1" in standaard.stdout and "Z-2" not in standaard.stdout                # three months
    ruimer = sjabloon_cli("selecteer-afloop", csv, "--peildatum", "2026-12-01",
                          "--gemeente", _profiel(tmp_path, **{"beleid.yaml": {"herinnering_afloop": {"maanden": 4}}}))
    assert "Z-1" in ruimer.stdout and "Z-2" in ruimer.stdout


def test_termijn_counts_a_soort_the_gemeente_adds(tmp_path):
    apv = {"termijnen.yaml": {"soorten": {"beslistermijn-apv": {
        "omschrijving": "de beslistermijn", "weken": 8, "begint": "dag na", "wettelijk": "nee",
        "grondslag": "artikel 1:2, eerste lid, APV Voorbeeld"}}}}
    assert sjabloon_cli("termijn", "beslistermijn-apv", "--datum", "2026-11-02").returncode == 2
    uit = sjabloon_cli("termijn", "beslistermijn-apv", "--datum", "2026-11-02", "--json", "--gemeente", _profiel(tmp_path, **apv))
    assert uit.returncode == 0, uit.stderr
    assert json.loads(uit.stdout)["einddatum"] == "2026-12-28"                 # 2 Nov + 8 weeks, a Monday


def test_b1_applies_the_gemeente_s_thresholds(tmp_path):
    brief = tmp_path / "brief.txt"
    brief.write_text("Wij hebben uw aanvraag voor een schuur in uw tuin op 3 maart goed ontvangen.\n", encoding="utf-8")
    def regels(*extra):
        uit = sjabloon_cli("b1", brief, "--json", *extra)
        return {p["regel"] for z in json.loads(uit.stdout)[0]["zinnen"] for p in z["problemen"]}
    assert "zin_te_lang" not in regels()
    assert "zin_te_lang" in regels("--gemeente", _profiel(tmp_path, **{"b1/drempels.yaml": {"zin_woorden": 10}}))


@pytest.mark.parametrize("aanpassingen, melding", [
    ({"beleid.yml": {}}, "aanpassingen: beleid.yml: dit bestand staat niet in"),
    ({"../gemeente.yaml": {}}, "aanpassingen: ../gemeente.yaml: dit bestand staat niet in"),
    ({"beleid.yaml": 5}, "aanpassingen: beleid.yaml: verwacht de velden die afwijken"),
])
def test_a_bad_adjustment_is_refused_with_file_and_field(tmp_path, aanpassingen, melding):
    uit = sjabloon_cli("termijn", "bezwaar", "--datum", "2026-11-02", "--gemeente", _profiel(tmp_path, **aanpassingen))
    assert uit.returncode == 2 and "gemeente.yaml: " + melding in uit.stderr
