"""The Awb check on plain texts: consistency rules, type recognition, reading formats, CLI and release gate."""

import json

import pytest
import yaml
from conftest import REPO, sjabloon_cli

from checks.awb.controle import controleer, herken_besluittype
from checks.document import DocumentFout, lees_document, lees_tekst

LAST = """Gemeente Oosterveld

Datum: 17 december 2026

Onderwerp: last onder dwangsom

Wat wij zagen
Op 2 december 2026 heeft onze toezichthouder gezien dat op uw perceel een zeecontainer staat.

Welke regel u overtreedt
U plaatst de container zonder vergunning. Dit is in strijd met artikel 5.1, eerste lid, onder a, van de Omgevingswet.

Waarom wij mogen optreden
Wij mogen een last onder dwangsom opleggen op grond van artikel 5:32 van de Algemene wet bestuursrecht en artikel 125 van de Gemeentewet.

Onze beoordeling
Er is geen concreet zicht op legalisatie: de container past niet in het omgevingsplan.

Belangenafweging
Uw belang bij het houden van de container weegt minder zwaar dan het belang van de buren bij een vrij uitzicht.

Uw zienswijze
U hebt op ons voornemen niet gereageerd. U had daarvoor twee weken de tijd.

Ons besluit
Wij leggen u een last onder dwangsom op. U moet de container verwijderen. Dat moet uiterlijk op {begunstiging} gebeurd zijn.
Doet u dat niet, dan betaalt u een dwangsom van € 500 per week of gedeelte daarvan.
U betaalt in totaal nooit meer dan {maximum}.

Bent u het niet eens met dit besluit?
Dan kunt u bezwaar maken, net als iedere andere belanghebbende. Uw bezwaarschrift moet uiterlijk op {bezwaar} bij ons binnen zijn. Stuur het naar het college van burgemeester en wethouders, Postbus 1, 1234 AA Oosterveld.
Bij spoed kunt u de voorzieningenrechter van de rechtbank om een voorlopige voorziening vragen.

Met vriendelijke groet,
{namens}
J. de Groot
teamleider Handhaving
"""
GOED = dict(begunstiging="11 maart 2027", maximum="€ 10.000", bezwaar="28 januari 2027",
            namens="namens het college van burgemeester en wethouders van Oosterveld,")


def rapport(**wijziging):
    return controleer(lees_tekst(LAST.format(**dict(GOED, **wijziging)), "last.txt"), "last_onder_dwangsom")


def regels(rapport, ernst="fout"):
    return {b.regel for b in rapport.bevindingen if b.ernst == ernst}


def test_complete_decision_passes():
    goed = rapport()
    assert regels(goed) == set() and regels(goed, "waarschuwing") == set()
    assert all(goed.elementen[e] for e in ("feiten", "grondslag", "dwangsom_bedrag", "dwangsom_maximum", "ondertekening"))
    assert goed.vrijgave


def test_wrong_last_day_for_bezwaar():
    fout = rapport(bezwaar="29 januari 2027")
    assert regels(fout) == {"bezwaartermijn"}
    bevinding = next(b for b in fout.bevindingen if b.regel == "bezwaartermijn")
    assert "donderdag 28 januari 2027" in bevinding.bericht and "6:7" in bevinding.artikel
    assert "29 januari 2027" in bevinding.fragment


def test_begunstigingstermijn_must_end_after_the_dagtekening():
    assert regels(rapport(begunstiging="10 december 2026")) == {"begunstigingstermijn_datum"}


def test_maximum_below_the_amount_per_unit():
    assert regels(rapport(maximum="€ 250")) == {"dwangsom_maximum_hoogte"}


def test_a_smaller_amount_in_the_same_paragraph_does_not_hide_a_dwangsom_above_its_maximum():
    """The motivering beside the dictum names a cost estimate and an earlier, lower dwangsom: the check compares the
    amounts in the dwangsom's own phrases, so a € 20.000 per week above a € 15.000 maximum is still found."""
    tekst = LAST.format(**dict(GOED, maximum="€ 15.000")).replace(
        "een dwangsom van € 500 per week of gedeelte daarvan.",
        "een dwangsom van € 20.000 per week of gedeelte daarvan. De kosten van het weghalen schatten wij op € 800; "
        "eerder noemden wij een dwangsom van € 1.000 per week.")
    fout = controleer(lees_tekst(tekst, "last.txt"), "last_onder_dwangsom")
    assert regels(fout) == {"dwangsom_maximum_hoogte"}
    bevinding = next(b for b in fout.bevindingen if b.regel == "dwangsom_maximum_hoogte")
    assert "(€ 15.000,00) is lager dan het bedrag per eenheid (€ 20.000,00)" in bevinding.bericht
    assert regels(controleer(lees_tekst(tekst.replace("€ 20.000 per week", "€ 900 per week"), "last.txt"),
                             "last_onder_dwangsom")) == set()


def test_mandaat_without_namens():
    assert regels(rapport(namens="")) == {"mandaat_namens"}


def test_missing_maximum_is_the_element():
    tekst = LAST.format(**GOED).replace("U betaalt in totaal nooit meer dan € 10.000.\n", "")
    fout = controleer(lees_tekst(tekst), "last_onder_dwangsom")
    assert fout.elementen["dwangsom_maximum"] is False
    assert regels(fout) == {"dwangsom_maximum"}


def test_clause_without_voorlopige_voorziening_is_a_warning():
    tekst = LAST.format(**GOED).replace("Bij spoed kunt u de voorzieningenrechter van de rechtbank om een voorlopige voorziening vragen.\n", "")
    uitkomst = controleer(lees_tekst(tekst), "last_onder_dwangsom")
    assert regels(uitkomst) == set()
    assert "rechtsmiddelenclausule_voorlopige_voorziening" in regels(uitkomst, "waarschuwing")


def test_bezwaar_decision_needs_beroep_not_bezwaar():
    uitkomst = controleer(lees_tekst(LAST.format(**GOED)), "beslissing_op_bezwaar")
    assert "rechtsmiddel_soort" in regels(uitkomst)


def test_unknown_article_is_flagged():
    tekst = LAST.format(**GOED).replace("artikel 5:32 van de Algemene", "artikel 5:32z van de Algemene")
    uitkomst = controleer(lees_tekst(tekst), "last_onder_dwangsom")
    assert "onbekend_artikel" in regels(uitkomst, "waarschuwing")


def test_letter_with_a_decision_but_no_clause():
    tekst = "Datum: 3 maart 2026\n\nGeachte heer,\n\nWij besluiten uw aanvraag te weigeren.\n\nMet vriendelijke groet,\n\nnamens het college,\nA. Visser"
    uitkomst = controleer(lees_tekst(tekst), "brief")
    assert "besluit_als_brief" in regels(uitkomst, "waarschuwing")


def test_type_is_recognised_with_the_deciding_words():
    type_id, zekerheid, woorden = herken_besluittype(lees_tekst(LAST.format(**GOED)))
    assert type_id == "last_onder_dwangsom" and zekerheid > 0.5
    assert any("last onder dwangsom" in w.lower() for w in woorden)
    bezwaar = "Beslissing op uw bezwaar\n\nWij verklaren uw bezwaar ongegrond. De commissie bezwaarschriften heeft u gehoord."
    assert herken_besluittype(lees_tekst(bezwaar))[0] == "beslissing_op_bezwaar"


def test_pdf_and_unreadable_files(tmp_path):
    import sys
    sys.path.insert(0, str(REPO / "tests" / "corpus"))
    from awb_corpus import _pdf
    pad = tmp_path / "besluit.pdf"
    pad.write_bytes(_pdf([{"tekst": t} for t in LAST.format(**GOED).split("\n") if t]))
    assert controleer(lees_document(pad), "last_onder_dwangsom").vrijgave
    kapot = tmp_path / "kapot.docx"
    kapot.write_bytes(b"geen zip")
    with pytest.raises(DocumentFout, match="kapot.docx: geen geldig DOCX-bestand"):
        lees_document(kapot)


def test_cli_controleer_json_and_exit_codes(tmp_path):
    goed, fout = tmp_path / "goed.txt", tmp_path / "fout.txt"
    goed.write_text(LAST.format(**GOED))
    fout.write_text(LAST.format(**dict(GOED, namens="")))
    uit = sjabloon_cli("controleer", goed, "--json")
    assert uit.returncode == 0, uit.stdout
    [object_] = json.loads(uit.stdout)
    assert set(object_) >= {"bestand", "besluittype", "besluittype_herkend", "elementen", "bevindingen", "vrijgave"}
    assert object_["besluittype"] == "last_onder_dwangsom" and object_["besluittype_herkend"] is True
    assert object_["elementen"]["dwangsom_maximum"] is True and object_["elementen"]["zienswijze"] is True
    uit = sjabloon_cli("controleer", goed, fout, "--type", "last_onder_dwangsom")
    assert uit.returncode == 1
    assert "FOUT mandaat_namens (artikel 10:10 Awb)" in uit.stdout and "vrijgave: nee" in uit.stdout
    uit = sjabloon_cli("controleer", goed, tmp_path / "bestaat-niet.pdf")
    assert uit.returncode == 2 and "bestaat-niet.pdf: kan het bestand niet lezen" in uit.stderr


def test_cli_checklist():
    uit = sjabloon_cli("checklist", "last_onder_dwangsom", "--markdown")
    assert uit.returncode == 0
    assert "- [ ] **Maximum van de dwangsom** (artikel 5:32b, tweede lid, Awb)" in uit.stdout
    assert "Zienswijze" in uit.stdout and "bezwaar bij het bestuursorgaan" in uit.stdout


def test_generator_refuses_a_besluit_with_a_fout_unless_forced(tmp_path, sjablonen_kopie):
    manifest = sjablonen_kopie / "buiten-behandeling" / "sjabloon.yaml"
    data = yaml.safe_load(manifest.read_text())
    data["besluittype"] = "last_onder_dwangsom"          # this text lacks everything a last needs
    manifest.write_text(yaml.safe_dump(data, allow_unicode=True))
    zaak = REPO / "templates/buiten-behandeling/voorbeeld.yaml"
    uit = sjabloon_cli("genereer", "--concept", "buiten-behandeling", "--zaak", zaak, "--uit", tmp_path / "uit", "--datum", "2026-11-23")
    assert uit.returncode == 1
    assert "FOUT dwangsom_bedrag" in uit.stderr and "Er is niets geschreven" in uit.stderr
    assert not (tmp_path / "uit").exists()
    zonder_reden = sjabloon_cli("genereer", "--concept", "buiten-behandeling", "--zaak", zaak, "--uit", tmp_path / "uit", "--forceer")
    assert zonder_reden.returncode == 2 and not (tmp_path / "uit").exists()
    uit = sjabloon_cli("genereer", "--concept", "buiten-behandeling", "--zaak", zaak, "--uit", tmp_path / "uit",
                       "--forceer", "--reden", "Spoedbesluit; jurist heeft meegelezen")
    assert uit.returncode == 0, uit.stderr
    from docx import Document
    metadata = json.loads(Document(uit.stdout.strip()).core_properties.comments)
    assert metadata["vrijgave"] == "geforceerd" and metadata["reden"] == "Spoedbesluit; jurist heeft meegelezen"
    assert "awb:dwangsom_bedrag" in metadata["fouten"]


def test_adverse_decision_for_a_third_party_needs_the_zienswijze():
    toewijzing = ("Datum: 2 maart 2026\n\nUw verzoek om handhaving\nU vroeg ons op te treden tegen de schuur van uw buurman.\n\n"
                  "Ons besluit\nWij wijzen uw verzoek om handhaving toe. Wij gaan optreden tegen de schuur.\n")
    uitkomst = controleer(lees_tekst(toewijzing), "handhavingsverzoek")
    assert "zienswijze_derde" in regels(uitkomst)
    met = toewijzing + "\nUw buurman kon zijn zienswijze geven. Hij heeft niet gereageerd.\n"
    assert "zienswijze_derde" not in regels(controleer(lees_tekst(met), "handhavingsverzoek"))
    afwijzing = toewijzing.replace("Wij wijzen uw verzoek om handhaving toe. Wij gaan optreden tegen de schuur.", "Wij wijzen uw verzoek af.")
    assert "zienswijze_derde" not in regels(controleer(lees_tekst(afwijzing), "handhavingsverzoek"))


def test_past_begunstigingstermijn_in_an_invordering_is_no_error():
    tekst = ("Datum: 23 november 2026\n\nDe begunstigingstermijn eindigde op 3 augustus 2026. "
             "Daarna hebt u een dwangsom van € 2.000 verbeurd. Wij gaan dit bedrag invorderen.")
    assert "begunstigingstermijn_datum" not in regels(controleer(lees_tekst(tekst), "invordering_dwangsom"))
    assert "begunstigingstermijn_datum" in regels(controleer(lees_tekst(tekst), "last_onder_dwangsom"))
