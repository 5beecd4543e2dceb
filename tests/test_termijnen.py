"""Termijnen on worked dates: Awb 6:7/6:8, Omgevingswet 16.64, Awb 3:18, and the Algemene termijnenwet."""

import datetime as dt
import json

import pytest

from checks.termijnen import TermijnFout, atw_verlengen, bereken, feestdagen
from conftest import sjabloon_cli

D = dt.date.fromisoformat


@pytest.mark.parametrize("bekendmaking, einde, waarom", [
    ("2026-12-17", "2027-01-28", "issue example: a plain Thursday, six weeks later"),
    ("2026-10-31", "2026-12-14", "ends on Saturday 12 December: to Monday"),
    ("2026-11-20", "2027-01-04", "ends on Nieuwjaarsdag 2027 (Friday), then the weekend"),
    ("2025-11-20", "2026-01-05", "chain: Nieuwjaarsdag, gelijkgestelde 2 januari 2026, Saturday, Sunday"),
    ("2026-02-20", "2026-04-07", "chain: Goede Vrijdag, Saturday, Sunday, tweede Paasdag"),
    ("2027-02-15", "2027-03-30", "tweede Paasdag 2027"),
    ("2026-03-16", "2026-04-28", "Koningsdag, Monday 27 April 2026"),
    ("2026-03-24", "2026-05-06", "5 mei in a non-lustrum year (2026)"),
    ("2026-04-02", "2026-05-18", "chain: Hemelvaartsdag, gelijkgestelde 15 mei 2026, weekend"),
    ("2027-03-26", "2027-05-10", "gelijkgestelde dag 7 mei 2027, then the weekend"),
    ("2026-04-13", "2026-05-26", "tweede Pinksterdag 2026"),
    ("2026-11-13", "2026-12-28", "eerste and tweede Kerstdag, then Sunday"),
])
def test_bezwaartermijn(bekendmaking, einde, waarom):
    assert bereken("bezwaar", D(bekendmaking)).einddatum == D(einde), waarom


def test_bezwaartermijn_says_why_it_was_extended():
    termijn = bereken("bezwaar", D("2026-04-02"))
    assert termijn.startdatum == D("2026-04-03")            # art. 6:8: the day after bekendmaking
    assert [r.split(":")[0] for r in termijn.verlengd_wegens] == [
        "donderdag 14 mei 2026", "vrijdag 15 mei 2026", "zaterdag 16 mei 2026", "zondag 17 mei 2026"]
    assert "Hemelvaartsdag" in termijn.verlengd_wegens[0]
    assert "Besluit gelijkstelling van 2 januari 2026" in termijn.verlengd_wegens[1]


def test_feestdagen_follow_atw_article_3():
    dagen = feestdagen(2026)
    assert dagen[D("2026-04-03")] == "Goede Vrijdag"           # art. 3 lid 2
    assert dagen[D("2026-04-27")] == "Koningsdag"
    assert D("2026-04-05") not in dagen                         # eerste Paasdag is a Sunday, not in the list
    assert D("2026-05-24") not in dagen                         # nor is eerste Pinksterdag
    assert D("2026-05-05") in dagen and D("2027-05-05") in feestdagen(2027)  # 5 mei every year


def test_koningsdag_moves_to_26_april_when_27_april_is_a_sunday():
    assert D("2025-04-27").weekday() == 6
    assert feestdagen(2025).get(D("2025-04-26")) == "Koningsdag"
    assert D("2025-04-27") not in feestdagen(2025)


def test_beslistermijn_regulier_eight_weeks_after_receipt():
    assert bereken("beslistermijn-regulier", D("2026-10-05")).einddatum == D("2026-11-30")
    assert bereken("beslistermijn-regulier", D("2026-10-30")).einddatum == D("2026-12-28")  # Kerst + Sunday


def test_verdaging_six_more_weeks():
    termijn = bereken("verdaging", D("2026-11-30"))
    assert termijn.einddatum == D("2027-01-11")
    assert "16.64, tweede lid" in termijn.grondslag


def test_uitgebreid_six_months_without_atw():
    # art. 4 Atw: not for terms of more than three months, so a Sunday stays a Sunday
    termijn = bereken("uitgebreid", D("2026-08-31"))
    assert termijn.einddatum == D("2027-02-28")
    assert termijn.verlengd_wegens == []


def test_werkdagen_skip_weekend_and_feestdagen():
    assert bereken("werkdagen", D("2026-11-23"), 2).einddatum == D("2026-11-25")
    assert bereken("werkdagen", D("2026-12-24"), 2).einddatum == D("2026-12-29")
    with pytest.raises(TermijnFout, match="--aantal"):
        bereken("werkdagen", D("2026-11-23"))


def test_atw_article_2_requires_two_working_days():
    # a hypothetical three-day statutory term from Kerstmis 2026: 25, 26, 27 December
    einde, redenen = atw_verlengen(D("2026-12-25"), D("2026-12-27"))
    assert einde == D("2026-12-29")
    assert any("artikel 2" in r for r in redenen)


def test_gestelde_termijn_is_not_extended_but_warns():
    termijn = bereken("begunstigingstermijn", D("2026-11-21"), 3)
    assert termijn.einddatum == D("2026-12-12")                 # a Saturday, kept as set
    assert termijn.verlengd_wegens == []
    assert "zaterdag 12 december 2026" in termijn.waarschuwingen[0]
    assert bereken("begunstigingstermijn", D("2026-11-23"), 6).waarschuwingen == []


def test_statutory_length_cannot_be_changed():
    with pytest.raises(TermijnFout, match="wettelijk 6 weken"):
        bereken("bezwaar", D("2026-11-23"), 4)


def test_cli_json_issue_example():
    uit = sjabloon_cli("termijn", "bezwaar", "--datum", "2026-12-17", "--json")
    assert uit.returncode == 0, uit.stderr
    data = json.loads(uit.stdout)
    assert data["einddatum"] == "2027-01-28"
    assert data["soort"] == "bezwaar" and data["startdatum"] == "2026-12-18"
    assert data["verlengd_wegens"] == [] and "6:7" in data["grondslag"]


def test_cli_sentence_and_bad_date():
    uit = sjabloon_cli("termijn", "bezwaar", "--datum", "2026-11-13")
    assert uit.stdout.startswith("De bezwaartermijn eindigt op maandag 28 december 2026")
    fout = sjabloon_cli("termijn", "bezwaar", "--datum", "13-11-2026x")
    assert fout.returncode == 2 and "geen datum" in fout.stderr


def test_betaaltermijn_in_days_is_set_by_the_gemeente():
    termijn = bereken("betaaltermijn", D("2026-11-23"))
    assert termijn.einddatum == D("2026-12-23") and termijn.verlengd_wegens == []
    assert "zaterdag 26 december 2026" in bereken("betaaltermijn", D("2026-11-26")).waarschuwingen[0]


def test_betaaltermijn_invordering_six_weeks_set_by_the_college():
    termijn = bereken("betaaltermijn-invordering", D("2026-11-23"))
    assert termijn.einddatum == D("2027-01-04") and "5:37" in termijn.grondslag
