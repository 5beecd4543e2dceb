"""Selecting permits that expire within three months, for the herinnering sent ahead (bulk input)."""

import csv
import io

from conftest import REPO, sjabloon_cli

VOORBEELD = REPO / "data" / "voorbeeld-vergunningen.csv"


def test_selects_the_window_from_the_peildatum():
    uit = sjabloon_cli("selecteer-afloop", VOORBEELD, "--peildatum", "2026-11-23")
    assert uit.returncode == 0, uit.stderr
    assert not uit.stdout.startswith("\ufeff")                       # no byte order mark on the screen
    rijen = list(csv.DictReader(io.StringIO(uit.stdout), delimiter=";"))
    assert [r["vergunningnummer"] for r in rijen] == ["V-2021-0101", "V-2022-0217", "V-2020-0044"]   # 23-11 .. 23-02
    assert rijen[0]["houder.naam"] == "Visspeciaalzaak De Haring"                                  # columns kept for bulk


def test_the_output_file_opens_in_columns_in_dutch_excel(tmp_path):
    """';' between fields, a UTF-8 BOM and CRLF: how Dutch Excel reads a CSV (a comma file opens as one column)."""
    doel = tmp_path / "herinneringen.csv"
    uit = sjabloon_cli("selecteer-afloop", VOORBEELD, "--peildatum", "2027-01-01", "--maanden", "6", "--uit", doel)
    assert uit.returncode == 0 and "3 vergunningen" in uit.stdout
    inhoud = doel.read_bytes()
    assert inhoud.startswith(b"\xef\xbb\xbfvergunningnummer;soort;houder.naam;")
    assert inhoud.count(b"\r\n") == 4 and "Café De Zwaan".encode() in inhoud
    with doel.open(encoding="utf-8-sig", newline="") as bestand:
        rijen = list(csv.DictReader(bestand, delimiter=";"))
    assert [r["vergunningnummer"] for r in rijen] == ["V-2021-0101", "V-2022-0217", "V-2023-0330"]
    assert rijen[1]["houder.naam"] == "Café De Zwaan" and rijen[1]["einddatum"] == "2027-02-23"


def test_a_list_saved_by_dutch_excel_is_read_like_a_comma_file(tmp_path):
    excel = tmp_path / "vergunningen.csv"
    excel.write_bytes(VOORBEELD.read_text(encoding="utf-8").replace(",", ";").encode("utf-8-sig").replace(b"\n", b"\r\n"))
    uit = sjabloon_cli("selecteer-afloop", excel, "--peildatum", "2026-11-23")
    komma = sjabloon_cli("selecteer-afloop", VOORBEELD, "--peildatum", "2026-11-23")
    assert uit.returncode == 0 and uit.stdout == komma.stdout


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
