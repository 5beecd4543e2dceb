"""Gemeente policy (content/beleid.yaml) in the Awb check, case by case."""

from test_awb_controle import GOED, LAST

from checks.awb.controle import controleer
from checks.document import lees_tekst


def bevindingen(tekst: str, besluittype: str = "last_onder_dwangsom") -> dict[str, str]:
    return {b.regel: b.ernst for b in controleer(lees_tekst(tekst), besluittype).bevindingen}


def test_high_dwangsom_needs_a_warm_contact():
    hoog = LAST.format(**dict(GOED, maximum="€ 60.000"))
    assert bevindingen(hoog).get("beleid_warm_contact") == "fout"
    met_gesprek = hoog.replace("Uw zienswijze\n", "Uw zienswijze\nOp 1 december 2026 hebben wij u gebeld en de situatie besproken.\n")
    assert "beleid_warm_contact" not in bevindingen(met_gesprek)
    assert "beleid_warm_contact" not in bevindingen(LAST.format(**GOED))            # € 10.000: below the limit


def test_maximum_should_exceed_the_economic_gain():
    tekst = LAST.format(**GOED).replace("Onze beoordeling\n", "Onze beoordeling\nU hebt met de verhuur een economisch voordeel van € 12.000 behaald.\n")
    assert bevindingen(tekst).get("beleid_economisch_voordeel") == "waarschuwing"
    hoger = tekst.replace("€ 12.000 behaald", "€ 8.000 behaald")
    assert "beleid_economisch_voordeel" not in bevindingen(hoger)


def test_long_begunstigingstermijn_is_implicit_gedogen():
    lang = LAST.format(**GOED).replace("Wij leggen u een last onder dwangsom op.", "Wij leggen u een last onder dwangsom op. U krijgt dertig weken de tijd om de container te verwijderen.")
    assert bevindingen(lang).get("beleid_impliciet_gedogen") == "waarschuwing"
    assert "beleid_impliciet_gedogen" not in bevindingen(LAST.format(**GOED))


GEDOOG = """Datum: 2 maart 2026

Wat is er aan de hand?
Op uw terras staat een tent van 3 meter hoog. Dat is in strijd met artikel 3.4 van het omgevingsplan.

Ons besluit
Wij gedogen de tent tot en met 1 oktober 2027. U moet zich aan deze voorwaarden houden: de tent is 's avonds dicht.

Waarom wij gedogen
De tent is tijdelijk en staat er alleen tijdens de verbouwing. Wij hebben de belangen van de buren afgewogen tegen uw belang.
Uw buren konden hun zienswijze geven. Zij hebben niet gereageerd. Wij mogen dit op grond van artikel 125 van de Gemeentewet.
"""


def test_gedogen_needs_an_end_date_and_conditions_and_has_exclusions():
    assert not {r for r in bevindingen(GEDOOG, "gedoogbeschikking") if r.startswith("beleid_")}
    zonder_einde = GEDOOG.replace(" tot en met 1 oktober 2027", "")
    assert bevindingen(zonder_einde, "gedoogbeschikking").get("beleid_gedogen_onvolledig") == "fout"
    recidive = GEDOOG.replace("De tent is tijdelijk", "Er is sprake van recidive. De tent is tijdelijk")
    assert bevindingen(recidive, "gedoogbeschikking").get("beleid_gedogen_uitgesloten") == "fout"
    bouwen = GEDOOG.replace("De tent is tijdelijk en staat er alleen tijdens de verbouwing.", "U hebt een schuur gebouwd zonder vergunning.")
    assert bevindingen(bouwen, "gedoogbeschikking").get("beleid_gedogen_uitgesloten") == "fout"


def test_gedoog_exclusions_read_negation_and_the_same_sentence():
    geen = GEDOOG.replace("De tent is tijdelijk", "Er is geen sprake van recidive of calculerend gedrag. De tent is tijdelijk")
    assert "beleid_gedogen_uitgesloten" not in bevindingen(geen, "gedoogbeschikking")
    tijdelijk_elders = GEDOOG.replace("De tent is tijdelijk en staat er alleen tijdens de verbouwing.",
                                      "U hebt een schuur gebouwd zonder vergunning. Het gedogen is tijdelijk.")
    assert bevindingen(tijdelijk_elders, "gedoogbeschikking").get("beleid_gedogen_uitgesloten") == "fout"


def test_a_gemeente_profile_sets_its_own_policy(tmp_path):
    from conftest import REPO, sjabloon_cli
    besluit = tmp_path / "last.txt"
    besluit.write_text(LAST.format(**dict(GOED, maximum="€ 15.000")))
    assert sjabloon_cli("controleer", besluit, "--type", "last_onder_dwangsom").returncode == 0
    uit = sjabloon_cli("controleer", besluit, "--type", "last_onder_dwangsom", "--gemeente", REPO / "content/gemeenten/rivierstad.yaml")
    assert uit.returncode == 1 and "beleid_warm_contact" in uit.stdout and "€ 10.000" in uit.stdout
