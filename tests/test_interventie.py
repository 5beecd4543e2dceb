"""The interventiematrix of the Landelijke Handhavingsstrategie, case by case."""

import json

import pytest

from checks.interventie import InterventieFout, bepaal
from conftest import sjabloon_cli


@pytest.mark.parametrize("gevolg, gedrag, segment, soort, om", [
    (1, "A", "A1", "licht", False), (2, "B", "B2", "licht", False), (1, "C", "C1", "licht", False),
    (4, "A", "A4", "midden", True), (3, "B", "B3", "midden", True), (2, "C", "C2", "midden", True),
    (1, "D", "D1", "midden", True), (3, "C", "C3", "donker", True), (4, "D", "D4", "donker", True),
])
def test_segments_and_openbaar_ministerie(gevolg, gedrag, segment, soort, om):
    uitkomst = bepaal(gevolg, gedrag)
    assert (uitkomst.segment, uitkomst.soort, uitkomst.openbaar_ministerie) == (segment, soort, om)


def test_light_violation_gets_a_corrective_letter():
    for gevolg, gedrag in ((1, "A"), (2, "A"), (1, "B")):
        uitkomst = bepaal(gevolg, gedrag)
        assert uitkomst.interventies == ["correctieve brief (waarschuwing met hersteltermijn)"]
        assert uitkomst.sjablonen == ["waarschuwing-overtreding"]
    assert "last onder dwangsom" in bepaal(3, "A").interventies


def test_one_shift_per_direction():
    assert bepaal(3, "B", verzachtend=["legalisatie_mogelijk"]).segment == "A2"
    assert bepaal(3, "B", verzachtend=["legalisatie_mogelijk", "financieel_nadeel"]).segment == "A2"   # stacking: one shift
    assert bepaal(1, "A", verzwarend=["financieel_voordeel"]).segment == "B2"
    assert bepaal(2, "B", verzwarend=["financieel_voordeel"], verzachtend=["maatregelen_genomen"]).segment == "B2"
    assert bepaal(4, "D", verzwarend=["verhulling"]).segment == "D4"      # at the edge it stays
    assert bepaal(1, "A", verzachtend=["financieel_nadeel"]).segment == "A1"


def test_any_verzwarend_argument_means_consulting_the_om():
    uitkomst = bepaal(1, "A", verzwarend=["voorbeeldfunctie"])
    assert uitkomst.soort == "licht" and uitkomst.openbaar_ministerie


def test_dark_segment_is_criminal_law_first():
    assert bepaal(4, "C").interventies[0] == "strafrecht: proces-verbaal"


def test_unknown_input_is_refused():
    with pytest.raises(InterventieFout, match="gevolg 5"):
        bepaal(5, "A")
    with pytest.raises(InterventieFout, match="gedrag 'E'"):
        bepaal(1, "E")
    with pytest.raises(InterventieFout, match="onbekend verzwarend argument 'boos'"):
        bepaal(1, "A", verzwarend=["boos"])


def test_cli_json_and_text():
    uit = sjabloon_cli("interventie", "--gevolg", "3", "--gedrag", "b", "--verzachtend", "legalisatie_mogelijk", "--json")
    data = json.loads(uit.stdout)
    assert data["segment_vastgesteld"] == "B3" and data["segment"] == "A2" and data["openbaar_ministerie"] is False
    tekst = sjabloon_cli("interventie", "--gevolg", "4", "--gedrag", "A")
    assert "Segment A4 (midden segment)." in tekst.stdout and "Openbaar Ministerie: ja" in tekst.stdout
    assert sjabloon_cli("interventie", "--gevolg", "9", "--gedrag", "A").returncode == 2
