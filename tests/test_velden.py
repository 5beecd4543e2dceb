"""Case validation against declared fields: every problem at once, in Dutch, with file and field path."""

import datetime as dt
import json
from decimal import Decimal

import pytest
import yaml
from conftest import REPO, sjabloon_cli

from generator.vullen.fouten import InvoerFout
from generator.vullen.sjabloon import catalogus, laad
from generator.vullen.velden import overzicht, valideer
from generator.vullen.zaak import laad_zaak

VELDEN = {
    "aanvrager": {"type": "persoon", "verplicht": True, "omschrijving": "x"},
    "ontvangstdatum": {"type": "datum", "verplicht": True, "omschrijving": "x"},
    "leges": {"type": "bedrag", "verplicht": False, "omschrijving": "x"},
    "weken": {"type": "getal", "verplicht": False, "omschrijving": "x"},
    "per": {"type": "keuze", "verplicht": False, "waarden": ["week", "dag"], "omschrijving": "x"},
    "stukken": {"type": "lijst", "verplicht": False, "omschrijving": "x", "items": {"type": "tekst"}},
}
AANVRAGER = {"naam": "A. de Vries", "straat": "Kerkstraat", "huisnummer": 1, "postcode": "1234 AB", "plaats": "Voorbeeld"}


def test_valid_case_is_converted():
    schoon, problemen = valideer(VELDEN, {"aanvrager": AANVRAGER, "ontvangstdatum": "2026-11-22",
                                          "leges": "1.250,50", "weken": "6", "per": "week", "stukken": ["a"]})
    assert problemen == []
    assert schoon["ontvangstdatum"] == dt.date(2026, 11, 22)
    assert schoon["leges"] == Decimal("1250.50")
    assert schoon["weken"] == 6
    assert schoon["aanvrager"]["huisnummer"] == "1"
    assert schoon["aanvrager"]["aanhef"] is None                # optional subfield present as None


def test_every_problem_is_reported_with_its_path():
    aanvrager = dict(AANVRAGER, postcode=None)
    _, problemen = valideer(VELDEN, {"aanvrager": aanvrager, "ontvangstdatum": "31-02-2026", "leges": "veel",
                                     "weken": "zes", "per": "maand", "stukken": "geen lijst", "opmerking": "x"})
    assert problemen == [
        "aanvrager.postcode: verplicht veld ontbreekt",
        "ontvangstdatum: '31-02-2026' is geen geldige datum (schrijf JJJJ-MM-DD, bijvoorbeeld 2026-11-22)",
        "leges: 'veel' is geen bedrag (schrijf bijvoorbeeld 1250,00 of 1250.00)",
        "weken: 'zes' is geen getal",
        "per: 'maand' is geen geldige keuze; kies uit: week, dag",
        "stukken: moet een lijst zijn (elk onderdeel op een eigen regel met '- ')",
        "opmerking: onbekend veld in dit sjabloon",
    ]


def test_postcode_pattern_and_typo_hint():
    _, problemen = valideer(VELDEN, {"aanvrager": dict(AANVRAGER, postcode="1234", plaatss="x"),
                                     "ontvangstdatum": "2026-11-22"})
    assert problemen == [
        "aanvrager.postcode: '1234' heeft niet de juiste vorm: vier cijfers en twee hoofdletters, bijvoorbeeld 1234 AB",
        "aanvrager.plaatss: onbekend veld; bedoelt u 'plaats'?",
    ]


def test_list_items_have_numbered_paths():
    sjabloon = laad("last-onder-dwangsom")
    zaak = yaml.safe_load((REPO / "templates/last-onder-dwangsom/voorbeeld.yaml").read_text())
    zaak["overtredingen"].append({"omschrijving": "Nog een overtreding"})
    _, problemen = valideer(sjabloon.velden, zaak)
    assert problemen == ["overtredingen[2].voorschrift: verplicht veld ontbreekt"]


def test_laad_zaak_names_the_file(tmp_path):
    zaak = yaml.safe_load((REPO / "templates/omgevingsvergunning-verleend/voorbeeld.yaml").read_text())
    del zaak["aanvrager"]["postcode"]
    pad = tmp_path / "zaak.yaml"
    pad.write_text(yaml.safe_dump(zaak, allow_unicode=True))
    with pytest.raises(InvoerFout) as fout:
        laad_zaak(pad, laad("omgevingsvergunning-verleend"))
    assert fout.value.meldingen == ["zaak.yaml: aanvrager.postcode: verplicht veld ontbreekt"]


def test_yaml_and_json_syntax_errors_name_the_line(tmp_path):
    slecht = tmp_path / "zaak.yaml"
    slecht.write_text("zaaknummer: Z-1\naanvrager: [niet gesloten\n")
    with pytest.raises(InvoerFout, match=r"zaak.yaml: regel \d+: ongeldige YAML"):
        laad_zaak(slecht, laad("buiten-behandeling"))
    slecht_json = tmp_path / "zaak.json"
    slecht_json.write_text('{"zaaknummer": "Z-1",\n "aanvrager": }')
    with pytest.raises(InvoerFout, match=r"zaak.json: regel 2: ongeldige JSON"):
        laad_zaak(slecht_json, laad("buiten-behandeling"))


def test_cli_reports_all_problems_exits_2_and_writes_nothing(tmp_path):
    zaak = yaml.safe_load((REPO / "templates/last-onder-dwangsom/voorbeeld.yaml").read_text())
    del zaak["overtreder"]["postcode"]
    zaak["controledatum"] = "2026-13-01"
    zaak["dwangsom_per"] = "maand"
    pad = tmp_path / "zaak.yaml"
    pad.write_text(yaml.safe_dump(zaak, allow_unicode=True))
    uit = tmp_path / "uit"
    resultaat = sjabloon_cli("genereer", "--concept", "last-onder-dwangsom", "--zaak", pad, "--uit", uit)
    assert resultaat.returncode == 2
    assert "zaak.yaml: overtreder.postcode: verplicht veld ontbreekt" in resultaat.stderr
    assert "zaak.yaml: controledatum: '2026-13-01' is geen geldige datum" in resultaat.stderr
    assert "zaak.yaml: dwangsom_per: 'maand' is geen geldige keuze; kies uit: week, dag, overtreding" in resultaat.stderr
    assert not uit.exists()


def test_json_case_file_works(tmp_path):
    import json
    zaak = yaml.safe_load((REPO / "templates/buiten-behandeling/voorbeeld.yaml").read_text())
    pad = tmp_path / "zaak.json"
    pad.write_text(json.dumps(zaak, default=str))
    resultaat = sjabloon_cli("genereer", "--concept", "buiten-behandeling", "--zaak", pad, "--uit", tmp_path, "--datum", "2026-11-23")
    assert resultaat.returncode == 0, resultaat.stderr
    assert resultaat.stdout.strip().endswith("Z-2026-003977_buiten-behandeling.docx")


def test_manifest_problems_are_named(sjablonen_kopie):
    manifest = sjablonen_kopie / "buiten-behandeling" / "sjabloon.yaml"
    data = yaml.safe_load(manifest.read_text())
    del data["eigenaar"]
    data["status"] = "klaar"
    data["velden"]["aanvulling"]["type"] = "ja/nee"
    manifest.write_text(yaml.safe_dump(data, allow_unicode=True))
    with pytest.raises(InvoerFout) as fout:
        laad("buiten-behandeling")
    tekst = "\n".join(fout.value.meldingen)
    assert "sjabloon.yaml: eigenaar: verplicht veld ontbreekt" in tekst
    assert "status: 'klaar' moet een van concept, vrijgegeven zijn" in tekst
    assert "velden.aanvulling: type ontbreekt of is onbekend" in tekst


def test_sjabloon_velden_lists_every_field_with_its_whole_description():
    uit = sjabloon_cli("velden", "evenementenvergunning", "--json")
    assert uit.returncode == 0, uit.stderr
    rijen = {r["veld"]: r for r in json.loads(uit.stdout)}
    assert rijen["organisator"]["omschrijving"] == \
        "De organisator aan wie de vergunning wordt verleend (persoon, stichting of bedrijf)"
    assert rijen["beoordeling.veiligheid"]["omschrijving"] == \
        "Beoordeling van de openbare veiligheid (brandveiligheid, vluchtwegen, verkeer, drukte)"
    assert rijen["adviezen[n].inhoud"] == {"veld": "adviezen[n].inhoud", "type": "tekst", "verplicht": True,
                                           "omschrijving": "Wat het advies is, in korte hele zinnen"}
    assert rijen["organisator.postcode"]["patroon_uitleg"].startswith("vier cijfers")
    assert rijen["adviezen"]["items"] == "groep" and rijen["voorschriften"]["items"] == "tekst"
    tekst = sjabloon_cli("velden", "evenementenvergunning").stdout
    regel = next(r for r in tekst.splitlines() if r.startswith("organisator "))
    assert regel.split()[1:3] == ["persoon", "ja"] and regel.endswith("(persoon, stichting of bedrijf)")


def test_every_template_field_has_a_description():
    for sjabloon in catalogus():                            # loading checks the manifest: no cut description
        rijen = overzicht(sjabloon.velden)
        assert rijen and all(r["omschrijving"] for r in rijen), sjabloon.id


def test_sjabloon_velden_of_an_unknown_template_is_a_dutch_error():
    uit = sjabloon_cli("velden", "bestaat-niet")
    assert uit.returncode == 2 and "sjabloon 'bestaat-niet' bestaat niet" in uit.stderr


@pytest.mark.parametrize("tekst, melding", [
    ("1,234.56", "'1,234.56' is geen bedrag: een komma tussen de duizendtallen (Engelse schrijfwijze) kan niet; "
                 "schrijf 1234,56 of 1.234,56"),
    ("1,234", "'1,234' is geen bedrag: na de komma mogen hoogstens twee cijfers staan; zijn het duizendtallen, "
              "schrijf dan een punt of niets (1.234 of 1234)"),
    ("12,345", "'12,345' is geen bedrag: na de komma mogen hoogstens twee cijfers staan; zijn het duizendtallen, "
               "schrijf dan een punt of niets (12.345 of 12345)"),
    ("1234.567", "'1234.567' heeft meer dan twee cijfers achter de komma; een bedrag is in hele centen "
                 "(schrijf bijvoorbeeld 1250,00 of 1250.00)"),
    ("1.234,567", "'1.234,567' heeft meer dan twee cijfers achter de komma; een bedrag is in hele centen "
                  "(schrijf bijvoorbeeld 1250,00 of 1250.00)"),
    ("1e3", "'1e3' is geen bedrag (schrijf bijvoorbeeld 1250,00 of 1250.00)"),
    ("NaN", "'NaN' is geen bedrag (schrijf bijvoorbeeld 1250,00 of 1250.00)"),
    ("inf", "'inf' is geen bedrag (schrijf bijvoorbeeld 1250,00 of 1250.00)"),
    (12.345, "'12.345' heeft meer dan twee cijfers achter de komma; een bedrag is in hele centen "
             "(schrijf bijvoorbeeld 1250,00 of 1250.00)"),
])
def test_an_amount_that_is_not_exact_is_refused_never_rounded_or_guessed(tekst, melding):
    _, problemen = valideer(VELDEN, {"aanvrager": AANVRAGER, "ontvangstdatum": "2026-11-22", "leges": tekst})
    assert problemen == [f"leges: {melding}"]


def test_genereer_refuses_an_english_amount_and_writes_nothing(tmp_path):
    zaak = yaml.safe_load((REPO / "templates/factuur-leges/voorbeeld.yaml").read_text())
    zaak["posten"][0]["bedrag"] = "1,234.56"
    pad = tmp_path / "zaak.yaml"
    pad.write_text(yaml.safe_dump(zaak, allow_unicode=True))
    uit = tmp_path / "uit"
    resultaat = sjabloon_cli("genereer", "--concept", "factuur-leges", "--zaak", pad, "--uit", uit)
    assert resultaat.returncode == 2
    assert ("zaak.yaml: posten[1].bedrag: '1,234.56' is geen bedrag: een komma tussen de duizendtallen (Engelse "
            "schrijfwijze) kan niet; schrijf 1234,56 of 1.234,56") in resultaat.stderr
    assert not uit.exists()
