"""Selecting permits that expire within three months, for the herinnering sent ahead (bulk input)."""

import csv
import io

from conftest import REPO, sjabloon_cli

VOORBEELD = REPO / "data" / "voorbeeld-vergunningen.csv"


def test_selects_the_window_from_the_peildatum():
    uit = sjabloon_cli("selecteer-afloop", VOORBEELD, "--peildatum", "2026-11-23")
    assert uit.returncode == 0, uit.stderr
    rijen = list(csv.DictReader(io.StringIO(uit.stdout)))
    assert [r["vergunningnummer"] for r in rijen] == ["V-2021-0101", "V-2022-0217", "V-2020-0044"]   # 23-11 .. 23-02
    assert rijen[0]["houder.naam"] == "Visspeciaalzaak De Haring"                                  # columns kept for bulk


def test_other_window_and_output_file(tmp_path):
    doel = tmp_path / "herinneringen.csv"
    uit = sjabloon_cli("selecteer-afloop", VOORBEELD, "--peildatum", "2027-01-01", "--maanden", "6", "--uit", doel)
    assert uit.returncode == 0 and "3 vergunningen" in uit.stdout
    assert [r["vergunningnummer"] for r in csv.DictReader(doel.open())] == ["V-2021-0101", "V-2022-0217", "V-2023-0330"]


def test_bad_rows_are_named_and_nothing_is_written(tmp_path):
    slecht = tmp_path / "vergunningen.csv"
    slecht.write_text("vergunningnummer,einddatum\nA,2027-01-01\nB,31-13-2027\nC,\n")
    doel = tmp_path / "uit.csv"
    uit = sjabloon_cli("selecteer-afloop", slecht, "--peildatum", "2026-11-23", "--uit", doel)
    assert uit.returncode == 2 and not doel.exists()
    assert "vergunningen.csv: regel 3: einddatum: '31-13-2027' is geen geldige datum" in uit.stderr
    assert "vergunningen.csv: regel 4: einddatum:" in uit.stderr
    geen_kolom = tmp_path / "zonder.csv"
    geen_kolom.write_text("nummer,datum\n1,2027-01-01\n")
    uit = sjabloon_cli("selecteer-afloop", geen_kolom, "--peildatum", "2026-11-23")
    assert uit.returncode == 2 and "kolom 'einddatum' ontbreekt" in uit.stderr
