"""A caseworker's case file as it is typed: Dutch numbers stay what they say, and what cannot be made is said in
Dutch before anything is written."""

import docx
import yaml
from conftest import REPO, sjabloon_cli

LAST = REPO / "templates/last-onder-dwangsom/voorbeeld.yaml"


def _zaak(tmp_path, bron, vervang: dict[str, str], weg: tuple[str, ...] = ()):
    """The example case with some lines replaced as a caseworker types them (unquoted YAML), or left out."""
    regels = []
    for regel in bron.read_text(encoding="utf-8").splitlines():
        sleutel = regel.split(":")[0]
        if sleutel in weg:
            continue
        regels.append(f"{sleutel}: {vervang[sleutel]}" if sleutel in vervang else regel)
    pad = tmp_path / "zaak.yaml"
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    return pad


def _tekst(map_):
    (bestand,) = map_.glob("*.docx")
    return "\n".join(p.text for p in docx.Document(bestand).paragraphs)


def test_unquoted_dutch_thousands_stay_thousands(tmp_path):
    """YAML reads 15.000 as the float 15.0; the case file keeps it as typed, so it is fifteen thousand euro."""
    zaak = _zaak(tmp_path, LAST, {"dwangsom_bedrag": "1.250", "dwangsom_maximum": "15.000"})
    resultaat = sjabloon_cli("genereer", "last-onder-dwangsom", "--zaak", zaak, "--uit", tmp_path / "uit",
                             "--concept", "--datum", "2026-12-17")
    assert resultaat.returncode == 0, resultaat.stderr
    tekst = _tekst(tmp_path / "uit")
    assert "een dwangsom van € 1.250,00 per week" in tekst
    assert "nooit meer dan € 15.000,00" in tekst


def test_a_number_of_weeks_is_whole(tmp_path):
    for waarde in ("12,5", "1.5"):
        zaak = _zaak(tmp_path, LAST, {"begunstigingstermijn_weken": waarde})
        resultaat = sjabloon_cli("genereer", "last-onder-dwangsom", "--zaak", zaak, "--uit", tmp_path / "uit",
                                 "--concept", "--datum", "2026-12-17")
        assert resultaat.returncode == 2
        assert f"zaak.yaml: begunstigingstermijn_weken: '{waarde}' is geen heel getal" in resultaat.stderr
        assert not (tmp_path / "uit").exists()


def test_a_fee_granted_needs_its_amount(tmp_path):
    """kosten: toegekend without kostenvergoeding made a decision saying it pays and does not pay the costs."""
    zaak = _zaak(tmp_path, REPO / "templates/beslissing-op-bezwaar/voorbeeld.yaml", {}, weg=("kostenvergoeding",))
    resultaat = sjabloon_cli("genereer", "beslissing-op-bezwaar", "--zaak", zaak, "--uit", tmp_path / "uit",
                             "--concept", "--datum", "2026-10-19")
    assert resultaat.returncode == 2
    assert "zaak.yaml: kostenvergoeding: verplicht omdat kosten = toegekend" in resultaat.stderr
    velden = sjabloon_cli("velden", "beslissing-op-bezwaar")
    assert next(r for r in velden.stdout.splitlines() if r.startswith("kostenvergoeding")).split()[2] == "soms"


def test_an_output_folder_that_is_a_file_is_refused_before_the_work(tmp_path):
    (tmp_path / "bestand").write_text("x")
    for uit in (tmp_path / "bestand", tmp_path / "bestand" / "sub"):
        resultaat = sjabloon_cli("genereer", "last-onder-dwangsom", "--zaak", LAST, "--uit", uit, "--concept",
                                 "--datum", "2026-12-17")
        assert resultaat.returncode == 2, resultaat.stderr
        assert f"fout: --uit {uit}: {tmp_path / 'bestand'} is een bestand, geen map" in resultaat.stderr
        assert "Traceback" not in resultaat.stderr and "Awb" not in resultaat.stderr    # refused before the checks


def test_a_document_that_cannot_be_written_is_said_in_dutch_and_not_registered(tmp_path):
    zaak = yaml.safe_load(LAST.read_text(encoding="utf-8"))
    zaak["zaaknummer"] = "Z-2026-" + "9" * 300              # a file name longer than the file system allows
    pad = tmp_path / "zaak.yaml"
    pad.write_text(yaml.safe_dump(zaak, allow_unicode=True), encoding="utf-8")
    resultaat = sjabloon_cli("genereer", "last-onder-dwangsom", "--zaak", pad, "--uit", tmp_path / "uit", "--concept",
                             "--datum", "2026-12-17")
    assert resultaat.returncode == 2
    assert "kan hier niet schrijven (de naam is te lang)" in resultaat.stderr and "Traceback" not in resultaat.stderr
    assert list((tmp_path / "uit").iterdir()) == []
    assert "Geen regels gevonden." in sjabloon_cli("register").stdout


def test_a_termijn_beyond_the_calendar_is_a_dutch_error():
    for argumenten in (["werkdagen", "--datum", "2026-12-11", "--aantal", "100000000"],
                       ["bezwaar", "--datum", "9999-12-01"]):
        resultaat = sjabloon_cli("termijn", *argumenten)
        assert resultaat.returncode == 2
        assert "eindigt na het jaar 9999" in resultaat.stderr and "Traceback" not in resultaat.stderr
    nul = sjabloon_cli("termijn", "verdaging", "--datum", "2026-12-01", "--aantal", "0")
    assert nul.returncode == 2 and "is minstens 1 week; 0 kan niet" in nul.stderr


def test_a_case_file_that_is_not_yaml_or_json_is_explained_in_dutch(tmp_path):
    gevallen = {"zaak.yaml": ("zaaknummer: [abc\nbehandelaar: x\n", "regel 2: ongeldige YAML (een lijst tussen [ ] is "
                                                                      "niet gesloten, teken 12)"),
                "dubbel.yaml": ("a: b: c\n", "regel 1: ongeldige YAML (een dubbele punt waar die niet mag"),
                "tab.yaml": ("a:\n\t- b\n", "regel 2: ongeldige YAML (een teken waarmee een waarde niet mag beginnen"),
                "zaak.json": ('{"zaaknummer": ', "regel 1: ongeldige JSON (hier ontbreekt een waarde, teken 16)"),
                "naam.json": ("{zaaknummer: 1}", "regel 1: ongeldige JSON (een naam moet tussen dubbele "
                                                 "aanhalingstekens staan, teken 2)")}
    for naam, (inhoud, melding) in gevallen.items():
        (tmp_path / naam).write_text(inhoud, encoding="utf-8")
        resultaat = sjabloon_cli("genereer", "last-onder-dwangsom", "--zaak", tmp_path / naam, "--uit",
                                 tmp_path / "uit", "--concept")
        assert resultaat.returncode == 2
        assert f"{naam}: {melding}" in resultaat.stderr
        assert not any(woord in resultaat.stderr for woord in ("expected", "found", "Expecting", "allowed"))


def test_the_small_things_a_caseworker_types(tmp_path):
    """A folder given as case file is said to be one; a date option takes DD-MM-JJJJ as the case file does; a
    command that writes nothing does not say it wrote nothing."""
    map_ = sjabloon_cli("genereer", "last-onder-dwangsom", "--zaak", tmp_path, "--uit", tmp_path / "uit", "--concept")
    assert map_.returncode == 2 and f"fout: {tmp_path}: dit is een map, geen bestand" in map_.stderr
    iso = sjabloon_cli("termijn", "bezwaar", "--datum", "2026-12-17", "--json")
    nl = sjabloon_cli("termijn", "bezwaar", "--datum", "17-12-2026", "--json")
    assert nl.returncode == 0 and nl.stdout == iso.stdout
    onbekend = sjabloon_cli("velden", "bestaatniet")
    assert onbekend.returncode == 2 and "bestaatniet" in onbekend.stderr
    assert "Er is niets geschreven" not in onbekend.stderr
