"""What the Awb check may conclude from a text: an element is `ontbreekt` only when the text is complete enough to
tell; a cut text, a motivering left to an annex, a notice of a decision or an unknown type give `niet_vastgesteld`
with the reason, never a fout. The JSON of `controleer` shows per element the status and the proving fragment."""

import json

from conftest import sjabloon_cli
from test_awb_controle import GOED, LAST

from checks.awb.controle import controleer, herken_besluittype
from checks.document import lees_tekst


def _last(tekst: str = None, besluittype: str | None = "last_onder_dwangsom"):
    return controleer(lees_tekst(tekst if tekst is not None else LAST.format(**GOED), "last.txt"), besluittype)


def _tot(tekst: str, tot: str) -> str:
    """The text cut off just before `tot` (as a search service returns the first part of a page)."""
    return tekst[:tekst.index(tot)]


def test_a_complete_decision_reports_each_element_with_its_fragment():
    rapport = _last()
    assert rapport.status["dictum"] == "aanwezig"
    assert rapport.onderdelen["dictum"].fragment.startswith("Wij leggen u een last onder dwangsom op")
    assert rapport.onderdelen["dwangsom_maximum"].fragment == "U betaalt in totaal nooit meer dan € 10.000."
    assert rapport.onderdelen["dictum"].positie.startswith("alinea ")
    assert "niet_vastgesteld" not in rapport.status.values()


def test_a_missing_element_in_a_complete_text_is_ontbreekt():
    tekst = LAST.format(**GOED).replace("U betaalt in totaal nooit meer dan € 10.000.\n", "")
    rapport = _last(tekst)
    assert rapport.status["dwangsom_maximum"] == "ontbreekt" and rapport.elementen["dwangsom_maximum"] is False
    assert "dwangsom_maximum" in {b.regel for b in rapport.bevindingen if b.ernst == "fout"}


def test_a_text_cut_in_mid_sentence_gives_niet_vastgesteld_and_no_fout():
    tekst = _tot(LAST.format(**GOED), "om een voorlopige voorziening vragen.")
    rapport = _last(tekst)
    assert rapport.status["ondertekening"] == "niet_vastgesteld"
    assert rapport.elementen["ondertekening"] is None
    assert "afgebroken" in rapport.onderdelen["ondertekening"].reden
    assert "de voorzieningenrechter van de rechtbank" in rapport.onderdelen["ondertekening"].reden
    assert "ondertekening" not in {b.regel for b in rapport.bevindingen}
    assert rapport.status["dictum"] == "aanwezig"                      # what is there is still found


def test_a_text_that_ends_with_a_list_or_an_annex_is_not_cut():
    lijst = LAST.format(**GOED).replace("J. de Groot\nteamleider Handhaving\n", "") + (
        "\nBijlage: stukken\n\nFoto van de container aan de voorkant van het perceel\n"
        "Kaart met de plaats van de container op het perceel\n")
    rapport = _last(lijst)
    assert rapport.status["ondertekening"] == "aanwezig"
    zonder_slot = _tot(LAST.format(**GOED), "Met vriendelijke groet")
    assert _last(zonder_slot).status["ondertekening"] == "ontbreekt"    # ends with a full sentence: complete


def test_a_motivering_in_an_annex_that_is_not_there_is_niet_vastgesteld():
    tekst = LAST.format(**GOED)
    begin, eind = tekst.index("Onze beoordeling"), tekst.index("Uw zienswijze")
    verwijzing = "Overwegingen\nDe overwegingen bij dit besluit vindt u in de bijlage.\n\n"
    rapport = _last(tekst[:begin] + verwijzing + tekst[eind:])
    assert rapport.status["beoordeling"] == "niet_vastgesteld"
    assert "bijlage" in rapport.onderdelen["beoordeling"].reden
    assert rapport.status["belangenafweging"] == "niet_vastgesteld"
    # the same text with the annex itself at the end: then it can be told
    met_bijlage = tekst[:begin] + verwijzing + tekst[eind:] + "\nBijlage: overwegingen\n\nDe container staat er zonder vergunning.\n"
    assert _last(met_bijlage).status["beoordeling"] == "ontbreekt"


def test_an_unknown_type_judges_only_what_is_there():
    tekst = ("Gemeente Oosterveld\n\nDatum: 3 december 2026\n\nOnderwerp: uw brief van 1 november 2026\n\n"
             "Wij verlenen de omgevingsvergunning voor het bouwen van de schuur. Het evenement op het erf mag niet "
             "doorgaan: de evenementenvergunning weigeren wij.\n\nMet vriendelijke groet,\nJ. de Groot\nteamleider\n")
    type_id, zekerheid, woorden = herken_besluittype(lees_tekst(tekst))
    rapport = _last(tekst, besluittype=None)
    assert rapport.besluittype == type_id == "onbekend", woorden
    assert rapport.status["dictum"] == "aanwezig"
    assert rapport.status["rechtsmiddelenclausule"] == "niet_vastgesteld"
    assert [b.regel for b in rapport.bevindingen] == ["besluittype_onbekend"]
    assert rapport.vrijgave                                              # a warning, never a fout on a guess


def test_a_kennisgeving_of_a_decision_leaves_the_motivering_to_the_decision():
    tekst = ("Kennisgeving verleende omgevingsvergunning\n\n"
             "Burgemeester en wethouders van Oosterveld maken bekend dat zij een omgevingsvergunning "
             "hebben verleend voor het bouwen van een schuur aan de Dorpsstraat 4. Het besluit ligt met de stukken "
             "zes weken ter inzage in het gemeentehuis.\n\n"
             "Bezwaar\nBelanghebbenden kunnen binnen zes weken na de dag van verzending bezwaar maken bij het college "
             "van burgemeester en wethouders, Postbus 1, 1234 AA Oosterveld.\n")
    rapport = controleer(lees_tekst(tekst), "omgevingsvergunning_verlening")
    assert rapport.status["beoordeling"] == "niet_vastgesteld" and "ter inzage" in rapport.onderdelen["beoordeling"].reden
    assert rapport.status["rechtsmiddelenclausule"] == "aanwezig"
    assert rapport.status["dagtekening"] == "ontbreekt"                  # a notice still carries its date
    # the date of the decision, as the notice gives it, is its dagtekening
    gedateerd = controleer(lees_tekst(tekst.replace("dat zij een", "dat zij op 2 december 2026 een")),
                           "omgevingsvergunning_verlening")
    assert gedateerd.status["dagtekening"] == "aanwezig" and "2 december 2026" in gedateerd.onderdelen["dagtekening"].fragment


def test_cli_json_shows_status_and_fragment_beside_the_elementen_map(tmp_path):
    pad = tmp_path / "afgebroken.txt"
    pad.write_text(_tot(LAST.format(**GOED), "om een voorlopige voorziening vragen."), encoding="utf-8")
    uit = sjabloon_cli("controleer", "--type", "last_onder_dwangsom", "--json", pad)
    rapport = json.loads(uit.stdout)[0]
    assert rapport["elementen"]["ondertekening"] is None and rapport["elementen"]["dictum"] is True
    assert rapport["onderdelen"]["ondertekening"]["status"] == "niet_vastgesteld"
    assert rapport["onderdelen"]["dictum"]["fragment"].startswith("Wij leggen u een last onder dwangsom op")
    assert "overtreden_voorschrift" in rapport["onderdelen"] and "zienswijze" in rapport["onderdelen"]
    tekst = sjabloon_cli("controleer", "--type", "last_onder_dwangsom", pad).stdout
    assert "niet vastgesteld: ondertekening" in tekst and "waarom niet vastgesteld: De tekst lijkt afgebroken" in tekst
