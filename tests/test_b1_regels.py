"""B1 findings sentence by sentence: a positive and a negative example per rule, and the document-level rules."""

import pytest

from checks.b1.controle import controleer_b1
from checks.document import lees_tekst


def regels_van(tekst: str) -> dict[str, list[str]]:
    """rule -> fragments found in a one-paragraph text."""
    gevonden: dict[str, list[str]] = {}
    for p in controleer_b1(lees_tekst(tekst)).bevindingen:
        gevonden.setdefault(p.regel, []).append(p.fragment)
    return gevonden


LANG = ("Wij hebben uw aanvraag voor een omgevingsvergunning voor het bouwen van een grote schuur met een overkapping "
        "in de achtertuin van uw woning aan de Kerkstraat op 3 maart 2026 in goede orde ontvangen.")


@pytest.mark.parametrize("regel, wel, niet", [
    ("zin_te_lang", LANG, "Wij hebben uw aanvraag op 3 maart 2026 ontvangen."),
    ("ambtelijk_woord", "Indien u vragen hebt, kunt u ons bellen.", "Als u vragen hebt, kunt u ons bellen."),
    ("passief", "Uw aanvraag wordt door ons zorgvuldig beoordeeld.", "Wij beoordelen uw aanvraag zorgvuldig."),
    ("naamwoordstijl", "Het verlenen van de vergunning vindt plaats na de controle.", "Wij verlenen de vergunning na de controle."),
    ("tangconstructie", "Wij hebben uw aanvraag voor een vergunning voor het bouwen van een schuur in de tuin ontvangen.",
     "Wij hebben uw aanvraag ontvangen."),
    ("dubbele_ontkenning", "Het is niet onmogelijk dat u een boete krijgt.", "U hebt de tekening niet op tijd of niet volledig gestuurd."),
    ("afkorting", "Stuur uw brief t.a.v. de afdeling Vergunningen naar ons.", "Stuur uw brief aan de afdeling Vergunningen naar ons."),
    ("vage_termijn", "Wilt u het bedrag zo spoedig mogelijk betalen?", "Wilt u het bedrag binnen 14 dagen betalen?"),
    ("verwijzing_wetsartikel", "U moet dit doen volgens artikel 4:5 van de Algemene wet bestuursrecht.",
     "U moet dit doen volgens de wet."),
])
def test_rule_positive_and_negative(regel, wel, niet):
    assert regel in regels_van(wel), f"{regel} niet gevonden in: {wel}"
    assert regel not in regels_van(niet), f"{regel} onterecht gevonden in: {niet}"


def test_fragments_and_suggestions_are_concrete():
    rapport = controleer_b1(lees_tekst("Indien u vragen hebt, kunt u ons bellen."))
    [probleem] = [p for p in rapport.bevindingen if p.regel == "ambtelijk_woord"]
    assert probleem.fragment == "Indien" and "als" in probleem.suggestie
    assert probleem.zin == "Indien u vragen hebt, kunt u ons bellen."


def test_article_reference_is_fine_under_a_waarom_heading():
    tekst = "Waarom mogen wij dit?\n\nU moet dit doen volgens artikel 4:5 van de Algemene wet bestuursrecht."
    assert "verwijzing_wetsartikel" not in regels_van(tekst)


def test_article_in_brackets_at_the_end_is_fine():
    assert "verwijzing_wetsartikel" not in regels_van("Wij beslissen binnen acht weken (artikel 16.64 van de Omgevingswet).")


def test_tav_at_the_start_of_an_address_line_is_fine():
    assert "afkorting" not in regels_van("t.a.v. de heer J. de Vries, afdeling Inkoop")


def test_abbreviation_written_out_elsewhere_is_explained():
    assert "afkorting" not in regels_van("Stuur uw brief t.a.v. (ter attentie van) de afdeling Vergunningen naar ons.")


def test_legal_term_allowed_when_explained_once():
    niet_uitgelegd = "U krijgt een begunstigingstermijn van zes weken. Na de begunstigingstermijn controleren wij."
    uitgelegd = "U krijgt een begunstigingstermijn van zes weken: dat is de tijd die u krijgt om het te herstellen. " \
                "Na de begunstigingstermijn controleren wij."
    assert "begunstigingstermijn" in regels_van(niet_uitgelegd).get("moeilijk_woord", [])
    assert "begunstigingstermijn" not in regels_van(uitgelegd).get("moeilijk_woord", [])


def test_letter_without_u_is_onpersoonlijk():
    zakelijk = ("De aanvraag is ontvangen op 3 maart. De gemeente beoordeelt de aanvraag binnen acht weken. "
                "De aanvrager krijgt daarna een besluit. Bij vragen kan de aanvrager bellen met de gemeente.")
    persoonlijk = zakelijk.replace("De aanvrager krijgt", "U krijgt")
    assert "onpersoonlijk" in regels_van(zakelijk)
    assert "onpersoonlijk" not in regels_van(persoonlijk)


def test_names_and_numbers_are_not_difficult_words():
    gevonden = regels_van("Mevrouw Wolters-Jansen van Bloemkwekerij Zonnehoek belt u op 14 december 2026.")
    assert "moeilijk_woord" not in gevonden


def test_repeated_sentences_are_analysed_once(monkeypatch):
    from checks.b1 import analyse
    gezien = []
    echte = analyse.ontleed
    monkeypatch.setattr(analyse, "ontleed", lambda zinnen: gezien.extend(zinnen) or echte(zinnen))
    zin = "Deze zin staat in elke brief van de gemeente Voorbeeld precies zo."
    for _ in range(3):
        controleer_b1(lees_tekst(f"{zin} En deze zin ook, in brief nummer 1 van 3."))
    assert gezien.count(zin) <= 1


def test_a_bulk_run_does_not_grow_the_model_vocabulary():
    """Every name, number and address parsed would stay in spaCy's string store for good; the memory zone drops
    them once the sentence's analysis (plain data) is kept."""
    from checks.b1.analyse import analyseer_zinnen
    from checks.b1.taalmodel import nlp
    analyseer_zinnen(["Uw vergunning loopt af."])
    voor = len(nlp().vocab.strings)
    analyse = analyseer_zinnen([f"Uw vergunning Vq-{n}-Zx{n * 7919} voor Kerkstraatje{n} loopt af." for n in range(200)])
    assert len(nlp().vocab.strings) == voor
    assert analyse[5].maten.woorden == 7 and analyse[5].tekst.startswith("Uw vergunning Vq-5-")


def test_table_cells_with_running_text_are_read_labels_are_not():
    from checks.document import Alinea, Document
    document = Document("tabel.docx", [Alinea("Datum | 3 maart 2026", "tabel 1, rij 1"),
                                       Alinea("Let op | Indien u vragen hebt, kunt u ons bellen.", "tabel 1, rij 2")])
    rapport = controleer_b1(document)
    assert [z.tekst for z in rapport.zinnen] == ["Indien u vragen hebt, kunt u ons bellen."]
    assert rapport.zinnen[0].positie == "tabel 1, rij 2"
