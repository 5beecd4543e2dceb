"""Rendering: sandbox, undefined variables as named errors, XML escaping, Dutch filters, end to end."""

import datetime as dt
import re
import zipfile

import pytest
import yaml
from conftest import REPO, docx_tekst, sjabloon_cli
from docx import Document

from checks.awb.regels import orgaan as bestuursorgaan
from generator.vullen.context import gemeenteprofiel
from generator.vullen.fouten import RenderFout
from generator.vullen.genereer import genereer
from generator.vullen.opmaak import bedrag, datum, datum_kort
from generator.vullen.render import vul_docx
from generator.vullen.sjabloon import catalogus, laad

VOORBEELDEN = [s.id for s in catalogus()]


def test_dutch_filters():
    assert datum(dt.date(2026, 11, 22)) == "22 november 2026"
    assert datum("2026-03-01") == "1 maart 2026"
    assert datum_kort(dt.date(2026, 11, 22)) == "22-11-2026"
    assert bedrag(1250) == "€ 1.250,00"
    assert bedrag("0.5") == "€ 0,50"
    assert bedrag(1234567.891) == "€ 1.234.567,89"


def _mini_docx(pad, *regels):
    doc = Document()
    for regel in regels:
        doc.add_paragraph(regel)
    doc.save(pad)
    return pad


def test_undefined_variable_is_a_named_error(tmp_path):
    pad = _mini_docx(tmp_path / "t.docx", "Beste {{ naam }},", "Uw zaak {{ zaaknumer }} is klaar.")
    with pytest.raises(RenderFout) as fout:
        vul_docx(pad, {"naam": "Jan"}, "proef")
    bericht = str(fout.value)
    assert "sjabloon proef" in bericht and "'zaaknumer'" in bericht and "alinea 2" in bericht


def test_sandbox_blocks_python_internals(tmp_path):
    pad = _mini_docx(tmp_path / "t.docx", "{{ naam.__class__.__mro__ }}")
    with pytest.raises(RenderFout, match="niet toegestaan"):
        vul_docx(pad, {"naam": "Jan"}, "proef")


def test_escaping_keeps_docx_valid(tmp_path, sjablonen_kopie):
    zaak = yaml.safe_load((REPO / "templates/omgevingsvergunning-verleend/voorbeeld.yaml").read_text())
    zaak["aanvrager"]["naam"] = 'Bakker & Zn. <B.V.> "De Eik"'
    zaak["project"] = "het bouwen van een schuur & carport <groot>"
    pad = tmp_path / "zaak.yaml"
    pad.write_text(yaml.safe_dump(zaak, allow_unicode=True))
    resultaat = genereer("omgevingsvergunning-verleend", pad, tmp_path / "uit", dt.date(2026, 11, 23), concept=True)
    tekst = docx_tekst(resultaat.pad)                     # python-docx parses it: the XML is valid
    assert 'Bakker & Zn. <B.V.> "De Eik"' in tekst
    assert "het bouwen van een schuur & carport <groot>" in tekst


def test_bezwaartermijn_is_computed_from_the_dagtekening(tmp_path):
    resultaat = genereer("last-onder-dwangsom", REPO / "templates/last-onder-dwangsom/voorbeeld.yaml",
                         tmp_path, dt.date(2026, 12, 17), concept=True)
    tekst = docx_tekst(resultaat.pad)
    assert "uiterlijk op 28 januari 2027 bij ons binnen" in tekst
    assert "Datum\n17 december 2026" in tekst or "17 december 2026" in tekst
    assert "begunstigingstermijn. Die termijn eindigt op 11 maart 2027" in tekst   # 12 weeks, set by the college


def test_gestelde_termijn_on_a_weekend_warns(tmp_path):
    zaak = yaml.safe_load((REPO / "templates/last-onder-dwangsom/voorbeeld.yaml").read_text())
    zaak["begunstigingstermijn_weken"] = 2
    pad = tmp_path / "zaak.yaml"
    pad.write_text(yaml.safe_dump(zaak, allow_unicode=True))
    resultaat = sjabloon_cli("genereer", "--concept", "last-onder-dwangsom", "--zaak", pad, "--uit", tmp_path, "--datum", "2026-11-21")
    assert resultaat.returncode == 0
    assert "waarschuwing: de begunstigingstermijn eindigt op een dag die geen werkdag is: zaterdag 5 december 2026" in resultaat.stderr


@pytest.mark.parametrize("sjabloon_id", VOORBEELDEN)
def test_each_example_renders_completely(tmp_path, sjabloon_id):
    voorbeeld = REPO / "templates" / sjabloon_id / "voorbeeld.yaml"
    resultaat = sjabloon_cli("genereer", "--concept", sjabloon_id, "--zaak", voorbeeld, "--uit", tmp_path, "--datum", "2026-11-23")
    assert resultaat.returncode == 0, resultaat.stderr
    pad = tmp_path / resultaat.stdout.strip().split("/")[-1]
    tekst = docx_tekst(pad)
    assert "{{" not in tekst and "{%" not in tekst and "}}" not in tekst
    zaak = yaml.safe_load(voorbeeld.read_text())
    assert zaak["zaaknummer"] in tekst
    personen = [naam for naam, spec in laad(sjabloon_id).velden.items() if spec["type"] == "persoon"]
    wie = zaak[personen[0]]                                 # the addressee
    assert wie["naam"] in tekst and wie["postcode"] in tekst
    assert "23 november 2026" in tekst                      # dagtekening
    if "bezwaar" in laad(sjabloon_id).termijnen:
        assert "4 januari 2027" in tekst                    # bezwaartermijn: 6 weeks after 23 November 2026
    orgaan = bestuursorgaan(gemeenteprofiel(), laad(sjabloon_id).besluittype)   # signed for the competent organ
    ondertekening = orgaan["ondertekening"]
    assert (f"namens {ondertekening['namens']}," if ondertekening.get("namens") else f"{orgaan['naam']},") in tekst
    assert ondertekening["naam"] in tekst
    with zipfile.ZipFile(pad) as archief:                   # no leftover tag fragments in the XML either
        assert not re.search(r"\{[{%]|[%}]\}", archief.read("word/document.xml").decode())


def test_voorbeelden_command_writes_every_example(tmp_path):
    resultaat = sjabloon_cli("voorbeelden", "--uit", tmp_path / "uitvoer")
    assert resultaat.returncode == 0, resultaat.stderr
    assert sorted(p.name.split("_", 1)[1] for p in (tmp_path / "uitvoer").glob("*.docx")) == sorted(
        f"{s}.docx" for s in VOORBEELDEN)


def test_sjablonen_json_lists_the_catalogue():
    import json
    resultaat = sjabloon_cli("sjablonen", "--json")
    lijst = json.loads(resultaat.stdout)
    assert {s["id"] for s in lijst} >= {"omgevingsvergunning-verleend", "buiten-behandeling", "last-onder-dwangsom"}
    assert all(set(s) == {"id", "titel", "besluittype", "versie", "status"} for s in lijst)


def test_unknown_template_is_a_clear_error(tmp_path):
    resultaat = sjabloon_cli("genereer", "--concept", "bestaat-niet", "--zaak", REPO / "templates/buiten-behandeling/voorbeeld.yaml")
    assert resultaat.returncode == 2
    assert "sjabloon 'bestaat-niet' bestaat niet" in resultaat.stderr


def test_a_termijn_can_run_from_the_end_of_another(tmp_path, sjablonen_kopie):
    manifest = sjablonen_kopie / "buiten-behandeling" / "sjabloon.yaml"
    data = yaml.safe_load(manifest.read_text())
    data["termijnen"]["beslistermijn"] = {"soort": "beslistermijn-regulier", "vanaf": "ontvangstdatum"}
    data["termijnen"]["verlengd"] = {"soort": "verdaging", "vanaf": "termijnen.beslistermijn"}
    manifest.write_text(yaml.safe_dump(data, allow_unicode=True))
    from generator.vullen.context import gemeenteprofiel, maak_context
    from generator.vullen.sjabloon import laad
    from generator.vullen.zaak import laad_zaak
    sjabloon = laad("buiten-behandeling")
    context, _ = maak_context(sjabloon, laad_zaak(sjabloon.voorbeeld, sjabloon), dt.date(2026, 11, 23), gemeenteprofiel())
    assert context["termijnen"]["beslistermijn"].einddatum == dt.date(2026, 11, 16)     # 21 sep + 8 weeks
    assert context["termijnen"]["verlengd"].einddatum == dt.date(2026, 12, 28)          # + 6 weeks
    data["termijnen"] = {"verlengd": {"soort": "verdaging", "vanaf": "termijnen.later"}}
    manifest.write_text(yaml.safe_dump(data, allow_unicode=True))
    from generator.vullen.fouten import InvoerFout
    with pytest.raises(InvoerFout, match="'termijnen.later' moet eerder in de lijst termijnen staan"):
        laad("buiten-behandeling")


def test_grondslag_keys_give_the_citation(tmp_path):
    pad = _mini_docx(tmp_path / "t.docx", "Wij mogen dit op grond van {{ grondslag('awb_5_32') }}.", "{{ grondslag('bestaat_niet') }}")
    with pytest.raises(RenderFout, match="grondslag 'bestaat_niet' staat niet in content/grondslagen.yaml"):
        vul_docx(pad, {}, "proef")
    pad = _mini_docx(tmp_path / "t2.docx", "Wij mogen dit op grond van {{ grondslag('awb_5_32') }}.")
    from io import BytesIO
    assert "op grond van artikel 5:32 van de Algemene wet bestuursrecht." in Document(BytesIO(vul_docx(pad, {}, "proef"))).paragraphs[0].text


def test_another_gemeente_profile_changes_names_addresses_and_bezwaar_body(tmp_path):
    uit = sjabloon_cli("genereer", "--concept", "buiten-behandeling", "--zaak", REPO / "templates/buiten-behandeling/voorbeeld.yaml",
                       "--uit", tmp_path, "--datum", "2026-11-23", "--gemeente", REPO / "content/gemeenten/rivierstad.yaml")
    assert uit.returncode == 0, uit.stderr
    tekst = docx_tekst(uit.stdout.strip())
    assert "Gemeente Rivierstad" in tekst and "Postbus 2000, 6500 AA Rivierstad" in tekst
    assert "namens het college van burgemeester en wethouders van Rivierstad" in tekst
    assert "Rechtbank Gelderland" in tekst and "Rechtbank Midden-Nederland" not in tekst and "14 0123" not in tekst


def test_the_profile_policy_applies_when_generating(tmp_path):
    """Rivierstad wants a warm contact from € 10.000: the € 15.000 last of the example is refused there."""
    uit = sjabloon_cli("genereer", "--concept", "last-onder-dwangsom", "--zaak", REPO / "templates/last-onder-dwangsom/voorbeeld.yaml",
                       "--uit", tmp_path / "uit", "--gemeente", REPO / "content/gemeenten/rivierstad.yaml")
    assert uit.returncode == 1 and "beleid_warm_contact" in uit.stderr and not (tmp_path / "uit").exists()


def test_logo_from_the_profile_in_the_letterhead(tmp_path):
    zaak = REPO / "templates/buiten-behandeling/voorbeeld.yaml"
    met = genereer("buiten-behandeling", zaak, tmp_path / "a", dt.date(2026, 11, 23), concept=True).pad
    zonder = genereer("buiten-behandeling", zaak, tmp_path / "b", dt.date(2026, 11, 23), REPO / "content/gemeenten/rivierstad.yaml", concept=True).pad
    with zipfile.ZipFile(met) as archief:
        beelden = [n for n in archief.namelist() if n.startswith("word/media/")]
        assert beelden and archief.read(beelden[0]) == (REPO / "content/logo-voorbeeld.png").read_bytes()
        assert any("header" in n and "image" in archief.read(n).decode(errors="ignore") for n in archief.namelist() if n.endswith(".rels"))
    with zipfile.ZipFile(zonder) as archief:
        assert not [n for n in archief.namelist() if n.startswith("word/media/")]
    profiel = yaml.safe_load((REPO / "content/gemeente.yaml").read_text())
    profiel["logo"] = "bestaat-niet.png"
    kapot = tmp_path / "gemeente.yaml"
    kapot.write_text(yaml.safe_dump(profiel, allow_unicode=True))
    with pytest.raises(RenderFout, match="logo .*bestaat-niet.png.* bestaat niet"):
        genereer("buiten-behandeling", zaak, tmp_path / "c", dt.date(2026, 11, 23), kapot, concept=True)


def test_besluit_templates_cite_articles_by_key():
    import re

    from checks.awb.regels import besluittypen
    from checks.grondslagen import grondslagen
    for sjabloon in catalogus():
        sleutels = re.findall(r"grondslag\('([\w]+)'", docx_tekst(sjabloon.docx))
        assert set(sleutels) <= set(grondslagen()), sjabloon.id
        if besluittypen()[sjabloon.besluittype]["soort"] == "besluit":
            assert sleutels, f"{sjabloon.id} noemt geen grondslag met een sleutel"
