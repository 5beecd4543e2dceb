"""The faults a jurist found in the templates (issue 17), found by the Awb check in a decision written elsewhere.

Each test feeds a short decision with the old, wrong wording to `controleer` and expects a `fout` (or, where the law
leaves room, a `waarschuwing`) under the right article; the corrected wording must leave the check silent on that
rule. The rules themselves are data: content/awb/elementen.yaml and content/awb/besluittypen/*.yaml."""

import re

import pytest
from conftest import REPO, sjabloon_cli

from checks.awb.controle import controleer
from checks.awb.procedure import procedureregels
from checks.awb.rapport import checklist
from checks.awb.regels import besluittypen, bestuursorganen, elementen, tekstregels
from checks.document import lees_tekst


def bevindingen(tekst: str, besluittype: str, ernst: str = "fout") -> dict[str, str]:
    """Rule name -> article of every finding of this severity."""
    rapport = controleer(lees_tekst(tekst, "besluit.txt"), besluittype)
    return {b.regel: b.artikel for b in rapport.bevindingen if b.ernst == ernst}


def fouten(tekst: str, besluittype: str) -> dict[str, str]:
    return bevindingen(tekst, besluittype, "fout")


# ------------------------------------------------------------------------------------- 1. wrong bestuursorgaan

LEGES = """Gemeente Oosterveld

Datum: 17 december 2026

Onderwerp: legesnota F-2026-0042 voor uw aanvraag omgevingsvergunning

Geachte heer Pieters,

Op 2 november 2026 hebt u een omgevingsvergunning aangevraagd voor een dakkapel. Voor de behandeling van uw aanvraag
brengen wij leges in rekening. Dat doen wij op grond van artikel 229 van de Gemeentewet en de Legesverordening Oosterveld 2026.

Te betalen: € 412,50. Betaal dit bedrag uiterlijk op 16 januari 2027 op rekening NL91 ABNA 0417 1643 00.

Bent u het niet eens met deze nota?
{clausule} Dat kan iedere belanghebbende: dat bent u, want deze nota is aan u gericht. Uw bezwaarschrift moet uiterlijk op 28 januari 2027 bij ons binnen zijn. {adres}
Bij spoed kunt u de voorzieningenrechter van de rechtbank om een voorlopige voorziening vragen.

Met vriendelijke groet,

{namens}
J. de Groot
teamleider Belastingen
"""
LEGES_GOED = {"clausule": "Dan kunt u bezwaar maken.",
                  "adres": "Stuur uw bezwaarschrift naar de heffingsambtenaar van de gemeente Oosterveld, Postbus 1, 1234 AA Oosterveld.",
                  "namens": "namens de heffingsambtenaar van de gemeente Oosterveld,"}


def leges(**wijziging) -> str:
    return LEGES.format(**dict(LEGES_GOED, **wijziging))


def test_leges_nota_with_the_heffingsambtenaar_passes():
    assert fouten(leges(), "belastingaanslag") == {}


def test_leges_nota_signed_for_the_college():
    gevonden = fouten(leges(namens="namens het college van burgemeester en wethouders van Oosterveld,"), "belastingaanslag")
    assert set(gevonden) == {"bestuursorgaan_ondertekening"}
    assert "231, tweede lid, onder b, Gemeentewet" in gevonden["bestuursorgaan_ondertekening"]


@pytest.mark.parametrize("adres, clausule", [
    ("Stuur uw bezwaarschrift naar het college van burgemeester en wethouders, Postbus 1, 1234 AA Oosterveld.", "Dan kunt u bezwaar maken."),
    ("Het adres is Postbus 1, 1234 AA Oosterveld.", "Dan kunt u bezwaar maken bij het college van burgemeester en wethouders."),
])
def test_leges_nota_sending_the_bezwaar_to_the_college(adres, clausule):
    gevonden = fouten(leges(adres=adres, clausule=clausule), "belastingaanslag")
    assert set(gevonden) == {"bestuursorgaan_bezwaaradres"}
    assert "6:4, eerste lid, Awb" in gevonden["bestuursorgaan_bezwaaradres"]
    assert "231, tweede lid, onder b, Gemeentewet" in gevonden["bestuursorgaan_bezwaaradres"]


def test_a_tax_document_is_recognised_as_a_belastingaanslag():
    rapport = controleer(lees_tekst(leges()))
    assert rapport.besluittype == "belastingaanslag"
    herinnering = "Datum: 5 december 2026\n\nUw vergunning loopt af. Voor een nieuwe vergunning betaalt u € 182,50. Dit bedrag heet leges."
    assert controleer(lees_tekst(herinnering)).besluittype == "brief"


EVENEMENT = """Gemeente Oosterveld

Datum: 17 december 2026

Onderwerp: evenementenvergunning Zomerfeest

Geachte heer De Wit,

Op 14 september 2026 hebben wij uw aanvraag voor een evenementenvergunning ontvangen voor het Zomerfeest op het Marktplein.

Welke regels gelden
Voor een evenement hebt u een vergunning van de burgemeester nodig (artikel 2:25 van de Algemene plaatselijke verordening Oosterveld).

Onze beoordeling
Wij hebben getoetst aan de openbare orde, de veiligheid, de gezondheid en het milieu. Met de voorschriften is er geen reden om de vergunning te weigeren.

Ons besluit
U krijgt de evenementenvergunning voor het Zomerfeest op 4 juli 2027.

Bent u het niet eens met dit besluit?
Dan kunt u bezwaar maken. Dat kan iedereen die rechtstreeks bij dit besluit betrokken is: een belanghebbende, zoals u en omwonenden. Uw bezwaarschrift moet uiterlijk op 28 januari 2027 binnen zijn. {adres}
Bij spoed kunt u de voorzieningenrechter om een voorlopige voorziening vragen.

Met vriendelijke groet,

{namens}
F. el Idrissi
teamleider Openbare Orde en Veiligheid
"""
EVENEMENT_GOED = {"adres": "Stuur uw bezwaarschrift naar de burgemeester van Oosterveld, Postbus 1, 1234 AA Oosterveld.",
                      "namens": "namens de burgemeester van Oosterveld,"}


def evenement(**wijziging) -> str:
    return EVENEMENT.format(**dict(EVENEMENT_GOED, **wijziging))


def test_burgemeester_decision_passes():
    assert fouten(evenement(), "evenementenvergunning") == {}


def test_burgemeester_decision_signed_for_the_college():
    gevonden = fouten(evenement(namens="namens het college van burgemeester en wethouders van Oosterveld,"), "evenementenvergunning")
    assert gevonden == {"bestuursorgaan_ondertekening": "artikel 10:10 Awb"}


def test_burgemeester_decision_with_the_college_as_bezwaar_address():
    adres = "Stuur uw bezwaarschrift naar het college van burgemeester en wethouders van Oosterveld, Postbus 1, 1234 AA Oosterveld."
    gevonden = fouten(evenement(adres=adres), "evenementenvergunning")
    assert gevonden == {"bestuursorgaan_bezwaaradres": "artikel 6:4, eerste lid, Awb"}


def test_a_college_decision_may_name_the_burgemeester_in_its_signature():
    college = evenement(namens="Burgemeester en wethouders van Oosterveld,\nde secretaris, de burgemeester,")
    assert "bestuursorgaan_ondertekening" not in fouten(college, "omgevingsvergunning_verlening")


# ------------------------------------------------------------------------ 2. who may object (art. 3:45 lid 2)

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
Wij leggen u een last onder dwangsom op. U moet de container verwijderen. Dat moet uiterlijk op 11 maart 2027 gebeurd zijn.
{dwangsom}
U betaalt in totaal nooit meer dan € 10.000.
{registratie}

Bent u het niet eens met dit besluit?
{wie} Uw bezwaarschrift moet uiterlijk op 28 januari 2027 bij ons binnen zijn. Stuur het naar het college van burgemeester en wethouders, Postbus 1, 1234 AA Oosterveld.
Bij spoed kunt u de voorzieningenrechter van de rechtbank om een voorlopige voorziening vragen.

Met vriendelijke groet,
namens het college van burgemeester en wethouders van Oosterveld,
J. de Groot
teamleider Handhaving
"""
LAST_GOED = {
    "dwangsom": "U verbeurt een dwangsom van € 500 voor elke week, of gedeelte daarvan, waarin u de last niet hebt uitgevoerd.",
    "registratie": "",
    "wie": "Dan kunt u bezwaar maken. Dat kan iedereen die rechtstreeks bij dit besluit betrokken is: een belanghebbende."}


def last(**wijziging) -> str:
    return LAST.format(**dict(LAST_GOED, **wijziging))


def test_the_corrected_last_passes():
    assert fouten(last(), "last_onder_dwangsom") == {}
    assert bevindingen(last(), "last_onder_dwangsom", "waarschuwing") == {}


@pytest.mark.parametrize("wie", [
    "Dan kunt u bezwaar maken.",
    "Bent u het er niet mee eens? Dan kunt u bezwaar maken. Ook anderen, zoals uw buren, kunnen dat.",
])
def test_clause_without_who_may_object(wie):
    gevonden = fouten(last(wie=wie), "last_onder_dwangsom")
    assert gevonden == {"rechtsmiddelenclausule_door_wie": "artikel 3:45, tweede lid, Awb"}


@pytest.mark.parametrize("wie", [
    "Belanghebbenden kunnen bezwaar maken.",
    "Iedere belanghebbende kan bezwaar maken, dus u, maar bijvoorbeeld ook uw buren.",
    "Iedereen die rechtstreeks bij dit besluit betrokken is, kan bezwaar maken.",
])
def test_clause_naming_the_belanghebbenden_passes(wie):
    assert "rechtsmiddelenclausule_door_wie" not in fouten(last(wie=wie), "last_onder_dwangsom")


# ---------------------------------------------------------------- 3. dwangsom per week or day (art. 5:32b lid 1)

@pytest.mark.parametrize("dwangsom", [
    "U verbeurt een dwangsom van € 500 voor elke week dat u de last niet uitvoert.",
    "Doet u dat niet, dan betaalt u een dwangsom van € 100 per dag.",
    "U verbeurt € 250 voor iedere dag dat de container er nog staat.",
])
def test_dwangsom_per_week_or_day_without_part_of_it(dwangsom):
    gevonden = fouten(last(dwangsom=dwangsom), "last_onder_dwangsom")
    assert gevonden == {"dwangsom_deel_van_tijdseenheid": "artikel 5:32b, eerste lid, Awb"}


@pytest.mark.parametrize("dwangsom", [
    "U verbeurt een dwangsom van € 500 per week of gedeelte daarvan waarin de last niet (volledig) is uitgevoerd.",
    "U verbeurt € 100 voor elke dag, of een deel van een dag, waarin u de last niet hebt uitgevoerd.",
    "U verbeurt een dwangsom van € 500 per overtreding van de last.",
    "U verbeurt € 1.000 voor elke overtreding van de last. Een dwangsom van € 1.000 per week vonden wij te laag.",
    "U verbeurt een dwangsom van € 5.000 ineens als u de last niet op tijd uitvoert.",
])
def test_dwangsom_with_part_of_the_unit_or_per_overtreding_passes(dwangsom):
    assert "dwangsom_deel_van_tijdseenheid" not in fouten(last(dwangsom=dwangsom), "last_onder_dwangsom")


# --------------------------------------------------------------------------------------- 4. Wkpb registration

def test_registration_under_a_law_that_does_not_exist():
    registratie = ("Wij laten deze last inschrijven in de gemeentelijke beperkingenregistratie. Dat moet volgens de Wet "
                   "kenbaarheid publiekrechtelijke gebruiksbeperkingen.")
    gevonden = fouten(last(registratie=registratie), "last_onder_dwangsom")
    assert set(gevonden) == {"wkpb_naam", "wkpb_register"}
    assert gevonden["wkpb_naam"].startswith("artikel 19 Wet kenbaarheid publiekrechtelijke beperkingen onroerende zaken")
    assert gevonden["wkpb_register"].startswith("artikel 3, eerste lid, Wet kenbaarheid")
    assert "wkpb_register" in fouten(last(registratie="De last komt in het gemeentelijk beperkingenregister."), "last_onder_dwangsom")


def test_registration_in_the_openbare_registers_passes():
    registratie = ("Wij bieden dit besluit aan bij het Kadaster voor inschrijving in de openbare registers (artikelen 3 en 15 "
                   "van de Wet kenbaarheid publiekrechtelijke beperkingen onroerende zaken).")
    assert fouten(last(registratie=registratie), "last_onder_dwangsom") == {}


# ---------------------------------------------------------------------------------- 5. beslissing op bezwaar

BEZWAAR = """Gemeente Oosterveld

Datum: 17 december 2026

Onderwerp: beslissing op uw bezwaar

Geachte mevrouw Bakker,

Wat ging eraan vooraf
Op 15 juni 2026 hebben wij uw buurman een omgevingsvergunning verleend voor een uitbouw. Op 20 juli 2026 hebben wij uw bezwaarschrift ontvangen.

Horen
{horen}

Advies van de commissie bezwaarschriften
{advies}

Heroverweging
Op grond van artikel 7:11 van de Algemene wet bestuursrecht hebben wij het besluit heroverwogen. De uitbouw past binnen de regels van het omgevingsplan. Uw belang bij zonlicht weegt minder zwaar dan het belang van uw buurman bij meer ruimte.

Onze beslissing
Wij verklaren uw bezwaar {uitkomst}. {kosten}

Bent u het niet eens met deze beslissing?
Dan kunt u beroep instellen bij de rechtbank. Dat kan iedere belanghebbende. Uw beroepschrift moet uiterlijk op 28 januari 2027 bij de rechtbank binnen zijn. Stuur het naar de rechtbank Gelderland, Postbus 9030, 6800 EM Arnhem. Wint u het beroep, dan kan de rechtbank ons veroordelen uw kosten te vergoeden.
Bij spoed kunt u de voorzieningenrechter om een voorlopige voorziening vragen.

Met vriendelijke groet,

namens het college van burgemeester en wethouders van Oosterveld,
J. de Groot
teamleider Juridische Zaken
"""
BEZWAAR_GOED = {
    "horen": "De hoorzitting was op 24 september 2026. U hebt uw bezwaar daar toegelicht.",
    "advies": "De commissie adviseert het bezwaar ongegrond te verklaren. Wij nemen het advies over.",
    "uitkomst": "ongegrond",
    "kosten": "Omdat wij het besluit niet herroepen, vergoeden wij de kosten van uw bezwaar niet (artikel 7:15, tweede lid, Awb)."}


def bezwaar(**wijziging) -> str:
    return BEZWAAR.format(**dict(BEZWAAR_GOED, **wijziging))


def test_the_corrected_beslissing_op_bezwaar_passes():
    assert fouten(bezwaar(), "beslissing_op_bezwaar") == {}
    assert bevindingen(bezwaar(), "beslissing_op_bezwaar", "waarschuwing") == {}


@pytest.mark.parametrize("horen", [
    "Wij hebben u niet gehoord, omdat de zaak voor ons duidelijk genoeg was.",
    "Er is geen hoorzitting geweest. Wij hadden genoeg aan uw bezwaarschrift.",
    "Wij hebben afgezien van het horen.",
])
def test_no_hearing_without_a_ground(horen):
    gevonden = fouten(bezwaar(horen=horen), "beslissing_op_bezwaar")
    assert set(gevonden) == {"horen_zonder_grond"}
    assert "7:3" in gevonden["horen_zonder_grond"] and "7:12, eerste lid" in gevonden["horen_zonder_grond"]


@pytest.mark.parametrize("horen", [
    "Wij hebben u niet gehoord, omdat uw bezwaar kennelijk ongegrond is (artikel 7:3, onder b, Awb).",
    "U hebt laten weten dat u geen gebruik wilt maken van het recht om te worden gehoord. Daarom is er geen hoorzitting geweest.",
    "Wij hebben u gevraagd of u gehoord wilde worden. U hebt niet binnen de gestelde termijn gereageerd. Daarom hebben wij afgezien van het horen.",
    "Wij hebben afgezien van het horen op grond van artikel 7:3, onder e, Awb: wij komen volledig tegemoet aan uw bezwaar.",
    "Wij hebben u uitgenodigd voor een hoorzitting op 24 september 2026. U bent niet gekomen, dus u bent niet gehoord.",
])
def test_no_hearing_with_a_ground_of_article_7_3_passes(horen):
    assert "horen_zonder_grond" not in fouten(bezwaar(horen=horen), "beslissing_op_bezwaar")


@pytest.mark.parametrize("kosten", [
    "Wij vergoeden de kosten die u voor uw bezwaar hebt gemaakt: € 1.294,00.",
    "Wij kennen u een kostenvergoeding toe van € 647,00.",
])
def test_kostenvergoeding_while_the_bezwaar_is_ongegrond(kosten):
    gevonden = fouten(bezwaar(kosten=kosten), "beslissing_op_bezwaar")
    assert gevonden == {"kostenvergoeding_zonder_herroeping": "artikel 7:15, tweede lid, Awb"}
    niet_ontvankelijk = bezwaar(kosten=kosten, uitkomst="niet-ontvankelijk")
    assert "kostenvergoeding_zonder_herroeping" in fouten(niet_ontvankelijk, "beslissing_op_bezwaar")


def test_kostenvergoeding_at_herroeping_passes():
    gegrond = bezwaar(uitkomst="gegrond en herroepen het besluit van 15 juni 2026",
                      kosten="Omdat wij het besluit herroepen wegens een fout van ons, vergoeden wij de kosten van uw bezwaar: € 1.294,00.")
    assert "kostenvergoeding_zonder_herroeping" not in fouten(gegrond, "beslissing_op_bezwaar")
    afgewezen = bezwaar(kosten="Uw verzoek om vergoeding van de kosten wijzen wij af, omdat wij het besluit niet herroepen.")
    assert "kostenvergoeding_zonder_herroeping" not in fouten(afgewezen, "beslissing_op_bezwaar")


@pytest.mark.parametrize("advies", [
    "De commissie adviseert het bezwaar gegrond te verklaren. Wij volgen dit advies niet.",
    "De commissie adviseert het bezwaar gegrond te verklaren. Wij wijken af van het advies van de commissie.",
])
def test_departure_from_the_advice_without_a_reason(advies):
    gevonden = fouten(bezwaar(advies=advies), "beslissing_op_bezwaar")
    assert gevonden == {"afwijking_advies_zonder_reden": "artikel 7:13, zevende lid, Awb"}
    assert "afwijking_advies_meesturen" in bevindingen(bezwaar(advies=advies), "beslissing_op_bezwaar", "waarschuwing")


def test_departure_from_the_advice_with_a_reason_passes():
    advies = ("De commissie adviseert het bezwaar gegrond te verklaren. Wij volgen dit advies niet, omdat de commissie "
              "ten onrechte uitging van een uitbouw van 4 meter hoog; volgens de tekening is hij 3 meter. "
              "Het advies sturen wij mee met deze brief.")
    assert fouten(bezwaar(advies=advies), "beslissing_op_bezwaar") == {}
    assert bevindingen(bezwaar(advies=advies), "beslissing_op_bezwaar", "waarschuwing") == {}
    geen_afwijking = "De commissie adviseert het bezwaar ongegrond te verklaren. Wij zien geen reden om af te wijken van het advies."
    assert fouten(bezwaar(advies=geen_afwijking), "beslissing_op_bezwaar") == {}


# ----------------------------------------------------------------------------- 6. invordering: betaaltermijn

INVORDERING = """Gemeente Oosterveld

Datum: 17 december 2026

Onderwerp: invordering verbeurde dwangsom

Geachte heer Jansen,

Wat ging eraan vooraf
Met ons besluit van 22 juni 2026 hebben wij u een last onder dwangsom opgelegd: u moest de zeecontainer van het perceel Kerkpad 7 weghalen. Bij onze controles op 4, 11, 18 en 25 augustus 2026 heeft onze toezichthouder gezien dat de container er nog stond.

Welke regels gelden
Voordat wij u aanmanen, besluiten wij over de invordering (artikel 5:37, eerste lid, van de Algemene wet bestuursrecht).

Onze beoordeling
U hebt de last niet op tijd uitgevoerd. Daarom hebt u een dwangsom van € 2.000 verbeurd.

Afweging van belangen
Een dwangsom werkt alleen als wij die ook invorderen. Dat belang weegt zwaarder dan uw belang om niet te betalen. Er zijn geen bijzondere omstandigheden.

Uw zienswijze
U kon op ons voornemen tot invordering reageren. U hebt niet gereageerd.

Ons besluit
Wij besluiten de verbeurde dwangsom van € 2.000 bij u in te vorderen. {betaling}

Bent u het niet eens met dit besluit?
Dan kunt u bezwaar maken. Dat kan iedere belanghebbende. Uw bezwaarschrift moet binnen zes weken na de dag van verzending bij ons binnen zijn, dus uiterlijk op 28 januari 2027. Stuur het naar het college van burgemeester en wethouders, Postbus 1, 1234 AA Oosterveld.
Bij spoed kunt u de voorzieningenrechter om een voorlopige voorziening vragen.

Met vriendelijke groet,

namens het college van burgemeester en wethouders van Oosterveld,
J. de Groot
teamleider Handhaving
"""


@pytest.mark.parametrize("betaling", ["U ontvangt hiervoor een aparte rekening.", ""])
def test_invordering_without_a_betaaltermijn(betaling):
    gevonden = fouten(INVORDERING.format(betaling=betaling), "invordering_dwangsom")
    assert gevonden == {"betaaltermijn": "artikel 4:86, tweede lid, onder b, Awb"}


@pytest.mark.parametrize("betaling", [
    "Betaal € 2.000 uiterlijk op 14 januari 2027 op rekening NL91 ABNA 0417 1643 00.",
    "U moet dit bedrag binnen zes weken na de datum van deze brief betalen.",
])
def test_invordering_with_a_betaaltermijn_passes(betaling):
    assert fouten(INVORDERING.format(betaling=betaling), "invordering_dwangsom") == {}


# ------------------------------------------------------------------------------------------ 7. gedoogbeschikking

GEDOGEN = """Gemeente Oosterveld

Datum: 17 december 2026

Onderwerp: gedoogbeschikking woonunit

Geachte heer en mevrouw Bakker,

Wat is er aan de hand
Op 30 augustus 2026 was er brand in uw woning. Daarom hebt u een woonunit in uw achtertuin gezet. Onze toezichthouder heeft de unit op 1 oktober 2026 bekeken.

Welke regels gelden
U hebt de tijdelijke unit zonder omgevingsvergunning geplaatst. Dit is in strijd met artikel 5.1, eerste lid, onder a, van de Omgevingswet. Wij mogen optreden op grond van artikel 125 van de Gemeentewet en artikel 5:21 van de Algemene wet bestuursrecht. Volgens onze gedoogstrategie gedogen wij alleen bij overmacht, tijdelijk en met voorwaarden.

Waarom gedogen wij
Er is overmacht: door de brand kunt u niet in uw huis wonen. De unit is een tijdelijk bouwwerk.

Afweging van belangen
Uw belang bij een woning dicht bij school weegt zwaarder dan het belang van de buren bij vrij uitzicht, omdat het maar kort duurt.

Wat vinden de buren
Wij hebben de buren gevraagd om hun zienswijze. Zij hebben niet gereageerd.

Ons besluit
Wij gedogen tot en met 31 augustus 2027 dat u in de woonunit woont, onder deze voorwaarden: de unit staat minstens 1 meter van de erfgrens en u haalt hem uiterlijk op 31 augustus 2027 weg. {status}

{clausule}

Met vriendelijke groet,

namens het college van burgemeester en wethouders van Oosterveld,
A. Jansen
teamleider Vergunningen
"""
GEDOGEN_GOED = {
    "status": "Gedogen betekent niet dat de situatie legaal is. U krijgt met deze beslissing geen vergunning.",
    "clausule": ("Kunt u bezwaar maken?\nTegen een gedoogbeslissing kunt u in de regel geen bezwaar maken: volgens de Afdeling "
              "bestuursrechtspraak (24 april 2019, zaak 201801734/1/A1) is het geen besluit. Vindt iemand dat wij toch moeten "
              "optreden? Dan kan hij ons om handhaving vragen.")}


def gedogen(**wijziging) -> str:
    return GEDOGEN.format(**dict(GEDOGEN_GOED, **wijziging))


def test_the_corrected_gedoogbeschikking_passes_and_needs_no_bezwaarclausule():
    rapport = controleer(lees_tekst(gedogen()), "gedoogbeschikking")
    assert [b.regel for b in rapport.bevindingen if b.ernst != "info"] == []
    assert rapport.elementen["rechtsmiddelenclausule"] is None
    assert besluittypen()["gedoogbeschikking"]["rechtsmiddel"] == "geen"


@pytest.mark.parametrize("status", [
    "Met deze gedoogbeschikking is het wonen in de woonunit tijdelijk toegestaan.",
    "De woonunit is daarmee legaal.",
    "Hierbij verlenen wij u een tijdelijke gedoogvergunning.",
])
def test_gedoogbeschikking_that_presents_itself_as_a_vergunning(status):
    gevonden = fouten(gedogen(status=status), "gedoogbeschikking")
    assert gevonden == {"gedogen_is_geen_vergunning": "artikel 5:1, eerste lid, Awb"}


def test_gedoogbeschikking_with_a_standard_bezwaarclausule_is_a_warning():
    clausule = ("Bent u het niet eens met dit besluit?\nDan kunt u bezwaar maken. Dat kan iedere belanghebbende. Uw "
                "bezwaarschrift moet uiterlijk op 28 januari 2027 binnen zijn. Stuur het naar het college van burgemeester "
                "en wethouders, Postbus 1, 1234 AA Oosterveld.\n\nEen gedoogbeschikking is een besluit (artikel 1:3 Awb).")
    tekst = gedogen(clausule=clausule)
    assert fouten(tekst, "gedoogbeschikking") == {}
    waarschuwingen = bevindingen(tekst, "gedoogbeschikking", "waarschuwing")
    assert set(waarschuwingen) == {"gedogen_bezwaarclausule", "gedogen_is_besluit"}
    assert "201801734/1/A1" in waarschuwingen["gedogen_bezwaarclausule"]
    assert "1:3" in waarschuwingen["gedogen_bezwaarclausule"]


# ------------------------------------------------------------------------ 8. buiten behandeling: hersteltermijn

BUITEN = """Gemeente Oosterveld

Datum: 17 december 2026

Onderwerp: uw aanvraag omgevingsvergunning schuur

Geachte mevrouw Bakker,

Wat is er gebeurd
Op 21 september 2026 hebben wij uw aanvraag voor een omgevingsvergunning voor een schuur ontvangen. Uw aanvraag was niet compleet: er ontbrak een tekening met de maten van de schuur. {herstel}

Welke regels gelden
Ontbreken gegevens, dan mogen wij besluiten de aanvraag niet te behandelen (artikel 4:5, eerste lid, van de Algemene wet bestuursrecht).

Onze beoordeling
Zonder tekening kunnen wij niet beoordelen of de schuur past binnen de regels van het omgevingsplan.

Afweging van belangen
Uw belang is dat u snel kunt bouwen. Maar u kunt altijd een nieuwe aanvraag indienen. Daarom weegt het belang van een zorgvuldige beoordeling zwaarder.

Ons besluit
Wij besluiten uw aanvraag niet te behandelen.

Bent u het niet eens met dit besluit?
Dan kunt u bezwaar maken. Dat kan iedere belanghebbende. Uw bezwaarschrift moet uiterlijk op 28 januari 2027 bij ons binnen zijn. Stuur het naar het college van burgemeester en wethouders, Postbus 1, 1234 AA Oosterveld.
Bij spoed kunt u de voorzieningenrechter om een voorlopige voorziening vragen.

Met vriendelijke groet,

namens het college van burgemeester en wethouders van Oosterveld,
A. Jansen
teamleider Vergunningen
"""


def test_buiten_behandeling_without_a_hersteltermijn():
    gevonden = fouten(BUITEN.format(herstel=""), "buiten_behandeling")
    assert gevonden == {"hersteltermijn": "artikel 4:5, eerste en vierde lid, Awb"}


@pytest.mark.parametrize("herstel", [
    "Op 8 oktober 2026 hebben wij u gevraagd de aanvraag uiterlijk op 5 november 2026 aan te vullen. Dat hebt u niet gedaan.",
    "Wij hebben u de gelegenheid gegeven de aanvraag binnen vier weken aan te vullen. Die termijn is ongebruikt verstreken.",
])
def test_buiten_behandeling_with_a_hersteltermijn_passes(herstel):
    assert fouten(BUITEN.format(herstel=herstel), "buiten_behandeling") == {}


# ----------------------------------------------------------------------------------- 9. bestuursdwang: kosten

BESTUURSDWANG = LAST.replace("Wij mogen een last onder dwangsom opleggen op grond van artikel 5:32",
                             "Wij mogen een last onder bestuursdwang opleggen op grond van artikel 5:21") \
                    .replace("Onderwerp: last onder dwangsom", "Onderwerp: last onder bestuursdwang") \
                    .replace("Wij leggen u een last onder dwangsom op.", "Wij leggen u een last onder bestuursdwang op.") \
                    .replace("{dwangsom}\nU betaalt in totaal nooit meer dan € 10.000.\n",
                             "Hebt u de container dan niet weggehaald, dan halen wij hem zelf weg. {kosten}\n")


def bestuursdwang(kosten: str) -> str:
    return BESTUURSDWANG.format(**dict(LAST_GOED, kosten=kosten))


def test_bestuursdwang_without_kostenverhaal():
    gevonden = fouten(bestuursdwang(""), "last_onder_bestuursdwang")
    assert gevonden == {"kostenverhaal": "artikel 5:25, eerste en tweede lid, Awb"}


@pytest.mark.parametrize("kosten", [
    "U betaalt de kosten daarvan (artikel 5:25 Awb). Wij schatten die op € 2.060.",
    "De kosten van het weghalen komen voor uw rekening.",
    "Wij verhalen de kosten op u (kostenverhaal).",
])
def test_bestuursdwang_with_kostenverhaal_passes(kosten):
    assert fouten(bestuursdwang(kosten), "last_onder_bestuursdwang") == {}


# ------------------------------------------------------------------------------------ the data and the checklist

WETTEN = {"Awb": ("awb-artikelteksten-2024.md", "awb-aanvulling.md"), "Gemeentewet": ("gemeentewet.md",),
          "Wet kenbaarheid": ("wkpb.md",)}


def _artikelen(wet: str) -> set[str]:
    tekst = "".join((REPO / "data" / "wetten" / naam).read_text(encoding="utf-8") for naam in WETTEN[wet])
    return set(re.findall(r"^### Artikel\s+(\S+)\s*$", tekst, re.MULTILINE))


def _geciteerd() -> list[str]:
    """Every article the new rules cite: text rules, bestuursorganen and the parts of the rechtsmiddelenclausule."""
    artikelen = [regel["artikel"] for t in besluittypen() for regel in tekstregels(t).values()]
    artikelen += [orgaan[k] for orgaan in bestuursorganen().values() for k in ("artikel_ondertekening", "artikel_bezwaar")]
    artikelen += [o["artikel"] for o in elementen()["rechtsmiddelenclausule"]["onderdelen"].values()]
    return artikelen


def test_every_article_the_rules_cite_is_in_the_law_texts():
    jurisprudentie = (REPO / "data" / "wetten" / "jurisprudentie.md").read_text(encoding="utf-8")
    geteld = 0
    for artikel in _geciteerd():
        for deel in artikel.split(";"):
            if "ABRvS" in deel:
                assert re.search(r"\d{9}/\d/A\d", deel).group(0) in jurisprudentie, deel
                continue
            wet = next((w for w in WETTEN if w in deel), None)
            assert wet, f"welke wet? {deel}"
            nummers = re.findall(r"\d+:\d+[a-z]?", deel) if wet == "Awb" else re.findall(r"(?<![\d:])\d+[a-z]?(?![\d:])", deel)
            assert nummers, deel
            for nummer in nummers:
                assert nummer in _artikelen(wet), f"artikel {nummer} {wet} ({artikel})"
                geteld += 1
    assert geteld >= 20
    assert not any("4:87" in a or "4:112" in a for a in _geciteerd())


def test_every_type_names_its_bestuursorgaan():
    for type_id, regels in besluittypen().items():
        assert regels["bestuursorgaan"] in bestuursorganen(), type_id


@pytest.mark.parametrize("besluittype, verwacht", [
    ("belastingaanslag", ["namens de heffingsambtenaar", "Het bezwaarschrift gaat naar de heffingsambtenaar", "231, tweede lid, onder b, Gemeentewet", "belanghebbende"]),
    ("evenementenvergunning", ["namens de burgemeester", "Het bezwaarschrift gaat naar de burgemeester", "6:4, eerste lid"]),
    ("last_onder_dwangsom", ["gedeelte daarvan", "5:32b, eerste lid", "Wet kenbaarheid publiekrechtelijke beperkingen onroerende zaken", "openbare registers", "belanghebbende"]),
    ("beslissing_op_bezwaar", ["7:3", "7:12, eerste lid", "7:15, tweede lid", "7:13, zevende lid"]),
    ("invordering_dwangsom", ["betaaltermijn", "4:86, tweede lid, onder b"]),
    ("buiten_behandeling", ["hersteltermijn", "4:5"]),
    ("last_onder_bestuursdwang", ["kostenverhaal", "5:25"]),
    ("gedoogbeschikking", ["niet legaal", "201801734/1/A1"]),
])
def test_the_checklist_lists_the_points(besluittype, verwacht):
    tekst = checklist(besluittype)
    for stuk in verwacht:
        assert stuk in tekst, f"{besluittype}: {stuk}"


def test_checklist_of_a_gedoogbeschikking_promises_no_bezwaar():
    tekst = checklist("gedoogbeschikking")
    assert "Let op: tegen dit besluit staat" not in tekst and "Rechtsmiddelenclausule" not in tekst
    assert "gemeentelijk beperkingenregister" not in checklist("verdaging")


def test_cli_checklist_and_controleer(tmp_path):
    uit = sjabloon_cli("checklist", "belastingaanslag", "--markdown")
    assert uit.returncode == 0 and "## Wie beslist" in uit.stdout
    nota = tmp_path / "nota.txt"
    nota.write_text(leges(namens="namens het college van burgemeester en wethouders van Oosterveld,"), encoding="utf-8")
    uit = sjabloon_cli("controleer", nota, "--type", "belastingaanslag")
    assert uit.returncode == 1
    assert "FOUT bestuursorgaan_ondertekening (artikel 231, tweede lid, onder b, Gemeentewet; artikel 10:10 Awb)" in uit.stdout


def test_procedure_rules_and_text_rules_do_not_repeat_in_the_checklist():
    tekst = checklist("beslissing_op_bezwaar")
    for regel in procedureregels("beslissing_op_bezwaar"):
        assert tekst.count(f"({regel['artikel']})") >= 1
    assert tekst.count("(artikel 7:15, tweede lid, Awb)") == 1
