"""B1 findings sentence by sentence: a positive and a negative example per rule, and the document-level rules."""

import re

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


def bevindingen_van(tekst: str) -> list:
    return [p for p in controleer_b1(lees_tekst(tekst)).bevindingen if p.zin]


def test_mede_as_the_particle_of_mededelen_gets_the_mededelen_advice():
    [probleem] = [p for p in bevindingen_van("Wij delen u mede dat de weg op 3 maart dicht is.") if p.regel == "ambtelijk_woord"]
    assert probleem.fragment == "delen u mede"
    assert "mee" in probleem.suggestie and "weten" in probleem.suggestie and "'ook'" not in probleem.suggestie


def test_a_listed_phrase_that_holds_the_split_verb_keeps_its_own_advice():
    [probleem] = [p for p in bevindingen_van("Hierbij delen wij u mede dat de weg dicht is.") if p.regel == "ambtelijk_woord"]
    assert probleem.fragment == "Hierbij delen wij u mede" and "laat weg" in probleem.suggestie.lower()


def test_mede_on_its_own_still_means_ook():
    gevonden = [p for p in bevindingen_van("Deze regel geldt mede voor uw partner.") if p.regel == "ambtelijk_woord"]
    assert [(p.fragment, "ook" in p.suggestie) for p in gevonden] == [("mede", True)]


def test_dient_with_its_particle_is_indienen_not_moeten():
    indienen = bevindingen_van("U dient uw bezwaarschrift in bij het college van burgemeester en wethouders.")
    assert not [p for p in indienen if p.regel == "ambtelijk_woord" and "moet" in p.suggestie]
    moeten = [p for p in bevindingen_van("U dient het formulier vóór 1 april te ondertekenen.") if p.regel == "ambtelijk_woord"]
    assert [p.fragment for p in moeten] == ["dient"] and "moet" in moeten[0].suggestie


def test_split_separable_verbs_and_fixed_expressions_are_found_whole():
    aanvangen = [p for p in bevindingen_van("De werkzaamheden vangen op maandag 3 maart aan.") if p.regel == "ambtelijk_woord"]
    assert [p.fragment for p in aanvangen] == ["vangen op maandag 3 maart aan"] and "begin" in aanvangen[0].suggestie
    kennis = [p for p in bevindingen_van("Wij stellen u hierbij in kennis van ons besluit.") if p.regel == "ambtelijk_woord"]
    assert [p.fragment for p in kennis] == ["stellen u hierbij in kennis"] and "laten weten" in kennis[0].suggestie


def test_every_finding_names_its_words_by_offset():
    """Over the Amsterdam development sentences (documents 1-29) and the annotated set: zin[begin:eind] is the
    fragment; a long sentence is the whole sentence, with its word count in the suggestion."""
    import csv
    from pathlib import Path

    import yaml

    repo = Path(__file__).resolve().parent.parent
    with open(repo / "data/ams-vereenvoudiging/zinnen-dev.csv", encoding="utf-8") as bestand:
        paren = list(csv.DictReader(bestand))
    teksten = ["\n\n".join(p["Complex"] for p in paren if p["Document ID"] == d) for d in {p["Document ID"] for p in paren}]
    eigen = yaml.safe_load((repo / "bench/b1_regels/eigen.yaml").read_text(encoding="utf-8"))["zinnen"]
    teksten.append("\n\n".join(z["zin"] for z in eigen))
    regels, aantal = set(), 0
    for tekst in teksten:
        for p in controleer_b1(lees_tekst(tekst)).bevindingen:
            if not p.zin:
                assert p.begin is None and p.eind is None
                continue
            aantal += 1
            regels.add(p.regel)
            assert p.zin[p.begin:p.eind] == p.fragment, (p.regel, p.fragment, p.zin)
            assert p.fragment.strip() == p.fragment and p.fragment
            if p.regel == "zin_te_lang":
                woorden = re.search(r"(\d+) woorden", p.suggestie)
                assert (p.begin, p.eind) == (0, len(p.zin)) and woorden and int(woorden.group(1)) > 20
    assert aantal > 500 and {"zin_te_lang", "ambtelijk_woord", "passief", "naamwoordstijl", "moeilijk_woord"} <= regels


def test_letter_wide_findings_have_no_offsets():
    zakelijk = ("De aanvraag is ontvangen op 3 maart. De gemeente beoordeelt de aanvraag binnen acht weken. "
                "De aanvrager krijgt daarna een besluit. Bij vragen kan de aanvrager bellen met de gemeente.")
    [onpersoonlijk] = [p for p in controleer_b1(lees_tekst(zakelijk)).bevindingen if p.regel == "onpersoonlijk"]
    assert onpersoonlijk.as_json()["begin"] is None and onpersoonlijk.as_json()["eind"] is None


def ernst(tekst: str, regel: str) -> list[tuple[str, str]]:
    return [(p.fragment, p.ernst) for p in bevindingen_van(tekst) if p.regel == regel]


def test_passive_with_worden_warns_with_zijn_is_a_hint():
    assert ernst("Uw aanvraag wordt door ons zorgvuldig beoordeeld.", "passief") == [("wordt door ons zorgvuldig beoordeeld", "waarschuwing")]
    assert ernst("In verband met de verbouwing is het Stadsloket op vrijdag gesloten.", "passief") == [("is het Stadsloket op vrijdag gesloten", "info")]


def test_passive_of_a_routine_service_is_a_hint_of_a_decision_a_warning():
    assert ernst("Het grofvuil wordt op maandag opgehaald.", "passief") == [("wordt op maandag opgehaald", "info")]
    assert ernst("Uw uitkering wordt met ingang van 1 juni beëindigd.", "passief") == [
        ("wordt met ingang van 1 juni beëindigd", "waarschuwing")]


def test_perfect_tense_and_adjectives_with_zijn_are_not_passive():
    assert ernst("Uit het onderzoek is gebleken dat de schuur te hoog is.", "passief") == []
    assert ernst("De opbouw stopt tot u weer arbeidsgeschikt bent.", "passief") == []


def test_tangconstructie_and_general_nominalisation_are_hints_plaatsvinden_warns():
    assert [e for _, e in ernst("Op 3 maart komt een medewerker van de afdeling Wonen van de gemeente bij u langs.", "tangconstructie")] == ["info"]
    assert ernst("Bij de beoordeling van uw aanvraag kijken wij naar de tekeningen.", "naamwoordstijl") == [("de beoordeling van", "info")]
    assert ernst("De controle vindt plaats op 3 maart.", "naamwoordstijl") == [("vindt plaats", "waarschuwing")]


def test_long_sentence_warns_only_above_25_words():
    [(_, kort)] = ernst("Wij hebben uw brief met de vraag over de nieuwe speeltuin in het park aan de Dorpsstraat vorige week goed "
                        "ontvangen.", "zin_te_lang")
    assert kort == "info"
    assert [e for _, e in ernst(LANG, "zin_te_lang")] == ["waarschuwing"]


def test_a_known_legal_term_is_a_hint_an_unknown_one_warns():
    assert ernst("Wij besluiten de omgevingsvergunning te verlenen.", "moeilijk_woord") == [("omgevingsvergunning", "info")]
    assert ernst("U krijgt een begunstigingstermijn van zes weken.", "moeilijk_woord") == [("begunstigingstermijn", "waarschuwing")]


def test_a_demotion_is_data_a_gemeente_can_change():
    from checks.content import gebruik_aanpassingen
    zin = "Op 3 maart komt een medewerker van de afdeling Wonen van de gemeente bij u langs."
    try:
        gebruik_aanpassingen({"b1/regels.yaml": {"tangconstructie": {"ernst": "waarschuwing"}}})
        assert [e for _, e in ernst(zin, "tangconstructie")] == ["waarschuwing"]
    finally:
        gebruik_aanpassingen(None)
    assert [e for _, e in ernst(zin, "tangconstructie")] == ["info"]


def test_an_abbreviation_is_not_explained_by_a_common_word_elsewhere():
    assert ernst("M.b.t. uw vraag over de parkeervergunning bellen wij u.", "afkorting") == [("M.b.t.", "waarschuwing")]
    assert ernst("Wij bellen u m.b.t. (met betrekking tot) uw vraag.", "afkorting") == []


def _word_met_opmerkingen(tmp_path, alineas: list[list[tuple[str, bool]]]):
    """A DOCX of paragraphs made of (text, bold) runs, checked and returned with its comments, as python-docx reads it."""
    import io

    from docx import Document

    from checks.b1.rapport import docx_met_opmerkingen
    from checks.document import lees_document

    doc = Document()
    for runs in alineas:
        alinea = doc.add_paragraph()
        for tekst, vet in runs:
            alinea.add_run(tekst).bold = vet
    bron = tmp_path / "brief.docx"
    doc.save(bron)
    terug = Document(io.BytesIO(docx_met_opmerkingen(bron.read_bytes(), controleer_b1(lees_document(bron)))))
    return doc, terug


def _bereiken(terug) -> dict[str, str]:
    """Comment id -> the text between its commentRangeStart and commentRangeEnd, in document order."""
    from docx.oxml.ns import qn
    open_, tekst = set(), {}
    for element in terug.element.body.iter():
        if element.tag == qn("w:commentRangeStart"):
            open_.add(element.get(qn("w:id")))
            tekst.setdefault(element.get(qn("w:id")), "")
        elif element.tag == qn("w:commentRangeEnd"):
            open_.discard(element.get(qn("w:id")))
        elif element.tag in (qn("w:t"), qn("w:tab")):
            for nummer in open_:
                tekst[nummer] += element.text if element.tag == qn("w:t") else "\t"
    return tekst


def test_word_comment_is_anchored_on_exactly_the_word(tmp_path):
    doc, terug = _word_met_opmerkingen(tmp_path, [[("Wij hebben uw aanvraag ontvangen. ", False),
                                                   ("Indien u vragen hebt, kunt u ons bellen.", False)]])
    assert list(_bereiken(terug).values()) == ["Indien"]
    [opmerking] = terug.comments
    assert "ambtelijk woord: 'Indien'" in opmerking.text and "als" in opmerking.text
    assert [p.text for p in terug.paragraphs] == [p.text for p in doc.paragraphs]


def test_several_findings_on_one_sentence_make_one_comment_over_their_words(tmp_path):
    """'delen u mede' and 'is toegekend': one comment listing both, from the first word to the last, while the bold
    run in the middle stays bold and the text stays the same."""
    doc, terug = _word_met_opmerkingen(tmp_path, [[("Wij delen u ", False), ("mede dat uw aanvraag", True),
                                                   (" is toegekend. Bel ons als u vragen hebt.", False)]])
    assert list(_bereiken(terug).values()) == ["delen u mede dat uw aanvraag is toegekend"]
    [opmerking] = terug.comments
    regels = opmerking.text.splitlines()
    assert regels[0].startswith("3 punten") and "'delen u mede'" in regels[1] and "'is toegekend'" in opmerking.text
    assert [p.text for p in terug.paragraphs] == [p.text for p in doc.paragraphs]
    vet = "".join(r.text for r in terug.paragraphs[0].runs if r.bold)
    assert vet == "mede dat uw aanvraag"


def test_comments_on_two_sentences_of_one_paragraph_split_the_same_run(tmp_path):
    doc, terug = _word_met_opmerkingen(tmp_path, [[("Wij delen u mede dat de weg dicht is. Indien u vragen hebt, bel ons.", False)]])
    assert sorted(_bereiken(terug).values()) == ["Indien", "delen u mede"]
    assert [p.text for p in terug.paragraphs] == [p.text for p in doc.paragraphs]


def test_an_alternative_in_brackets_is_advice_not_words_to_write():
    """'(laat weg: ...)' in ambtelijk.yaml is an instruction: the suggestion says it, it does not say "Schrijf '(laat weg...)'"."""
    [probleem] = [p for p in bevindingen_van("Hierbij delen wij u mede dat wij uw brief hebben gekregen.")
                  if p.regel == "ambtelijk_woord"]
    assert probleem.suggestie == "Laat weg: zeg meteen wat u wilt melden."
    [probleem] = [p for p in bevindingen_van("Indien u vragen hebt, kunt u ons bellen.") if p.regel == "ambtelijk_woord"]
    assert probleem.suggestie == "Schrijf 'als'."
