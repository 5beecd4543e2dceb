"""The Awb check on phrasing found in real decisions written elsewhere (issue 18, items 2 and 3): what a text is
about does not override what it is (a beslissing op bezwaar about a last, a voornemen), a bekendmaking in the third
person has its dictum and date, a signature followed by conditions still counts, and words that only look like an
element do not. The texts are written for these tests, in the styles of published decisions."""

import pytest

from checks.awb.controle import controleer
from checks.document import lees_tekst

BOB_OVER_LAST = """Beslissing op uw bezwaar tegen de last onder dwangsom

Geachte heer Dekker,

Op 3 maart 2026 hebben wij u een last onder dwangsom opgelegd. U moest de schutting binnen vier weken verwijderen,
op straffe van een dwangsom van € 250 per week met een maximum van € 5.000. Op 10 april 2026 hebben wij uw
bezwaarschrift ontvangen.

Hoorzitting
Op 12 mei 2026 bent u gehoord door de commissie bezwaarschriften.

Wettelijk kader
Wij hebben de last opgelegd op grond van artikel 5:32 van de Algemene wet bestuursrecht.

Onze beoordeling
Wij hebben het besluit heroverwogen. De schutting staat op gemeentegrond. Zicht op legalisatie is er niet.

Besluit
Wij verklaren uw bezwaar ongegrond.

Met vriendelijke groet,
burgemeester en wethouders van Zandvoorde,
de secretaris, de burgemeester

Beroep
Bent u het niet eens met deze beslissing? Dan kunt u binnen zes weken beroep instellen bij de rechtbank.
"""

VOORNEMEN = """Aankondiging voornemen opleggen last onder bestuursdwang boot Kaaiweg

Op 2 februari 2026 heeft onze toezichthouder gezien dat aan de Kaaiweg een boot ligt aangemeerd zonder ligplaats.
Wanneer de boot er na vier weken nog ligt, overwegen wij een last onder bestuursdwang op te leggen en de kosten
op de eigenaar te verhalen.

Zienswijze
Voordat wij een besluit nemen, mag de eigenaar binnen twee weken een zienswijze geven.
"""

BEKENDMAKING = """Ontheffing geluid Dorpsplein

Burgemeester en wethouders van Zandvoorde maken bekend dat zij op 14 januari 2026 hebben besloten tot het verlenen
van een ontheffing van artikel 4:6 van de Algemene plaatselijke verordening aan Stichting Dorpsfeest.

Tegen dit besluit kunnen belanghebbenden binnen zes weken na de dag van deze bekendmaking bezwaar maken bij het
college van burgemeester en wethouders, Postbus 12, 1234 AB Zandvoorde.

Burgemeester en wethouders van Zandvoorde,
"""

TOESTEMMING_MET_VOORWAARDEN = """Datum: 9 maart 2026
Onderwerp: Plaatsing steiger Molenstraat

Geachte mevrouw Jansen,

Op 2 maart 2026 hebben wij uw aanvraag om een vergunning voor het plaatsen van een steiger ontvangen.

U hebt toestemming voor het plaatsen van een steiger van 2 bij 8 meter voor Molenstraat 4, van 16 tot en met 30 maart.

De steiger past binnen de regels: er blijft anderhalve meter loopruimte vrij.

Deze vergunning wordt verleend op grond van artikel 2:10 van de Algemene plaatselijke verordening.

Namens het college van burgemeester en wethouders van Zandvoorde,
Met vriendelijke groet,

P. de Vries, medewerker vergunningen

Bezwaar
Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken na de dag van verzending bezwaar maken. Dat kan
iedere belanghebbende. Stuur uw bezwaarschrift naar het college van burgemeester en wethouders, Postbus 12, 1234 AB Zandvoorde.

Algemene voorwaarden
U bent verantwoordelijk voor het veilig plaatsen, gebruiken en weghalen van de steiger.
Zet de naam en het telefoonnummer van een contactpersoon op de steiger.
Voorbijgangers op het trottoir houden anderhalve meter ruimte om ongehinderd te passeren.
Houd brandkranen en putten vrij en zorg dat ambulances en brandweer ongehinderd kunnen passeren.
Herstel schade aan de bestrating en laat de straat na afloop schoon achter.
Stroomkabels liggen zo dat niemand erover kan struikelen of ermee in aanraking kan komen.
"""


def _controle(tekst: str, besluittype: str | None = None):
    return controleer(lees_tekst(tekst, "besluit.txt"), besluittype)


def test_a_beslissing_op_bezwaar_about_a_last_is_a_beslissing_op_bezwaar():
    rapport = _controle(BOB_OVER_LAST)
    assert rapport.besluittype == "beslissing_op_bezwaar"
    assert any("beslissing op uw bezwaar" in woord or "ongegrond" in woord for woord in rapport.herkend_op)


def test_a_voornemen_is_not_taken_for_the_last_it_announces():
    rapport = _controle(VOORNEMEN)
    assert rapport.besluittype == "voornemen_handhaving"
    assert rapport.status.get("dictum") is None          # a voornemen has no dictum, and is not failed for it


def test_a_bekendmaking_in_the_third_person_has_its_dictum_date_and_signature():
    rapport = _controle(BEKENDMAKING)
    assert rapport.besluittype == "beschikking"
    assert rapport.status["dictum"] == "aanwezig"
    assert "hebben besloten tot het verlenen" in rapport.onderdelen["dictum"].fragment
    assert rapport.status["dagtekening"] == "aanwezig"
    assert rapport.status["ondertekening"] == "aanwezig"
    # the motivering lies with the decision itself, not in this notice
    assert rapport.status["beoordeling"] == "niet_vastgesteld"


def test_a_signature_counts_after_the_dictum_even_when_long_conditions_follow():
    rapport = _controle(TOESTEMMING_MET_VOORWAARDEN)
    assert rapport.besluittype == "beschikking"
    assert rapport.status["dictum"] == "aanwezig"
    assert rapport.onderdelen["dictum"].fragment.startswith("U hebt toestemming voor het plaatsen")
    assert rapport.status["ondertekening"] == "aanwezig"
    assert rapport.status["dagtekening"] == "aanwezig"
    assert [b.regel for b in rapport.bevindingen if b.ernst == "fout"] == []


def test_the_grondslag_under_a_heading_counts_though_the_paragraph_mentions_the_bezwaarschrift():
    tekst = BOB_OVER_LAST.replace(
        "Wij hebben de last opgelegd op grond van artikel 5:32 van de Algemene wet bestuursrecht.",
        "Uw bezwaarschrift is beoordeeld op grond van de artikelen 2 en 3 van de Woningwet.")
    rapport = _controle(tekst, "beslissing_op_bezwaar")
    assert rapport.status["grondslag"] == "aanwezig"
    assert "artikelen 2 en 3" in rapport.onderdelen["grondslag"].fragment


def test_words_that_only_look_like_an_element_do_not_count():
    tekst = TOESTEMMING_MET_VOORWAARDEN.replace(
        "Namens het college van burgemeester en wethouders van Zandvoorde,\nMet vriendelijke groet,\n\n"
        "P. de Vries, medewerker vergunningen\n",
        "Wij schrijven u namens de heer Bakker, die ook bij de aanvraag was betrokken.\n")
    rapport = _controle(tekst, "beschikking")
    assert rapport.status["ondertekening"] == "ontbreekt"
    # 'wiens belang rechtstreeks bij dit besluit is betrokken' is the clausule, not a belangenafweging
    clausule = BEKENDMAKING.replace("belanghebbenden", "degene wiens belang rechtstreeks bij dit besluit is betrokken")
    assert _controle(clausule, "beschikking").status["belangenafweging"] != "aanwezig"


def test_a_mention_of_a_verordening_or_of_evenementen_does_not_make_the_type():
    tekst = TOESTEMMING_MET_VOORWAARDEN.replace(
        "De steiger past binnen de regels", "Ook de Vereniging van Evenementenmakers gaf advies. De steiger past binnen de regels")
    rapport = _controle(tekst)
    assert rapport.besluittype == "beschikking"


def test_a_text_cut_off_under_a_heading_is_niet_vastgesteld():
    tekst = VOORNEMEN.replace("mag de eigenaar binnen twee weken een zienswijze geven.",
                              "mag de eigenaar binnen twee weken een zienswijze geven, mondeling of bij voorkeur")
    rapport = _controle(tekst, "voornemen_handhaving")
    assert "ontbreekt" not in rapport.status.values()
    assert [b.regel for b in rapport.bevindingen if b.ernst == "fout"] == []


ZINNEN = [
    ("dictum", "Het college heeft de volgende omgevingsvergunning verleend: het bouwen van een schuur aan de Dorpsweg 3."),
    ("dictum", "Uw verzoek wordt hierbij afgewezen."),
    ("dictum", "Ik wijs uw verzoek om openbaarmaking gedeeltelijk toe."),
    ("dictum", "Gedeputeerde Staten besluiten de ontheffing te verlenen."),
    ("dictum", "II. de documenten openbaar te maken met uitzondering van de persoonsgegevens;"),
    ("feiten", "Op 4 maart 2026 ontvingen wij uw aanvraag voor een standplaats."),
    ("feiten", "Bij e-mail van 17 november 2025 heeft u aangegeven dat u ook de notulen wilt ontvangen."),
    ("feiten", "De vereniging heeft op 2 juni een verzoek om handhaving ingediend."),
    ("dagtekening", "Verzonden op: 2 september 2026"),
    ("dagtekening", "dinsdag 3 maart 2026"),
    ("dagtekening", "Den Haag, datum: 12 mei 2026, de minister van Economische Zaken, namens deze"),
    ("dagtekening", "De gemeenteraad heeft in zijn vergadering van 24 september 2026 besloten dat een herziening wordt voorbereid."),
    ("beoordeling", "Op deze documenten is de uitzonderingsgrond van de bescherming van de persoonlijke levenssfeer van toepassing."),
    ("beoordeling", "Ik ben daarom van oordeel dat het verzoek niet kan worden ingewilligd."),
    ("belangenafweging", "Uw belang bij een snelle bouw weegt niet op tegen het belang van de buren bij hun uitzicht."),
    ("zienswijze", "Wij hebben afgezien van het horen, omdat het bezwaar kennelijk ongegrond is."),
    ("feiten", "Stichting De Linde, die deze vergunning op 3 februari 2026 heeft aangevraagd, wil de kerk verbouwen."),
    ("beoordeling", "Uit het verslag blijkt dat u negen van de twaalf voorstellingen hebt gespeeld."),
    ("beoordeling", "De vergunning is verleend omdat er geen andere bevredigende oplossing is."),
    ("beoordeling", "Voor de verbouwing hebben wij het advies nodig van de erfgoedcommissie."),
    ("belangenafweging", "Dat belang weegt zwaarder dan uw belang. De berekening staat in bijlage 1."),
    ("dagtekening", "Den Haag, 25 aug. 2026"),
    ("dagtekening", "Datum: 25.08.2026"),
    ("dictum", "Daarom wordt besloten om de subsidie vast te stellen op € 4.500."),
    ("dictum", "Mijn besluit\nDe documenten over de aanbesteding maak ik openbaar, met weglating van de namen."),
    ("beoordeling", "Mijn overwegingen\nDe gevraagde documenten bevatten gegevens over de bedrijfsvoering van de aannemer."),
    ("dictum", "Ik verleen u ontheffing van het sluitingsuur voor de nacht van 21 op 22 juni."),
    ("dagtekening", "Aldus besloten door burgemeester en wethouders van Vliedorp op 7 november 2026."),
    ("dagtekening", "GEMEENTENIEUWS ZEEVELD · woensdag 11 juni 2026 · week 24"),
    ("dagtekening", "Pagina 1 van 3 | Datum 12 mei 2026 | Onze referentie EO-2026-0418"),
    ("beoordeling", "Uw schuur staat op de erfgrens. U overtreedt dus die regel."),
    ("beoordeling", "Overwegende\n- dat de straat te smal is voor de vuilniswagen en de brandweer, zoals uit tellingen blijkt;"),
    ("belangenafweging", "Die belangen zijn voor ons groter dan uw belang bij een tweede uitrit."),
    ("belangenafweging", "De balans slaat daarom door naar openbaarmaking van de documenten."),
    ("zienswijze", "Wij hebben u niet uitgenodigd voor een gesprek, omdat wij u gelijk geven."),
    ("ondertekening", "Met vriendelijke groet,\n\nTeam Bezwaar en Beroep"),
    ("ondertekening", "Burgemeester en wethouders van Stroomveen,\nnamens hen,\nE. de Vries"),
    ("ondertekening", "w.g. P. de Vries"),
    ("ondertekening", "Dijkgraaf en heemraden van het waterschap De Lage Landen,"),
]


def test_real_phrasing_of_each_element_is_found():
    from checks.awb.controle import vind_elementen

    gemist = []
    for element, zin in ZINNEN:
        # a signature counts only after the dictum, so it gets one before it
        aanhef = "Wij verlenen u de vergunning.\n\n" if element == "ondertekening" else ""
        tekst = "Geachte heer Visser,\n\n" + aanhef + zin + "\n"
        if not vind_elementen(lees_tekst(tekst, "zin.txt"), "beschikking").plaatsen.get(element):
            gemist.append((element, zin))
    assert gemist == []


def test_a_text_without_type_words_that_decides_and_offers_bezwaar_is_a_beschikking():
    tekst = ("Geachte mevrouw Smit,\n\nU vroeg ons om een kopie van het bouwdossier van de Lindelaan 4.\n\n"
             "Besluit\nWij sturen u het dossier toe, zonder de namen van de bewoners.\n\n"
             "Bezwaar\nBent u het niet eens met dit besluit? Dan kunt u binnen zes weken bezwaar maken bij het college.\n")
    rapport = _controle(tekst)
    assert rapport.besluittype == "beschikking"
    assert rapport.herkend_op == ["beslissing en rechtsmiddelenclausule"]
    # the same letter that only mentions a bezwaarschrift, with no term, stays a brief
    brief = tekst.replace("Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken bezwaar maken bij het "
                          "college.", "Uw bezwaarschrift over de kosten behandelen wij apart.")
    assert _controle(brief).besluittype == "brief"


def test_a_news_item_about_a_granted_vergunning_is_no_besluit():
    tekst = ("# Vergunning voor nieuwe sporthal verleend\n\n*Nieuwsbericht · 3 september 2026 · Gemeente Zandvoorde*\n\n"
             "Het college heeft een omgevingsvergunning verleend aan de sportvereniging voor de bouw van een sporthal.\n")
    rapport = _controle(tekst)
    assert rapport.besluittype == "brief"
    assert rapport.status["dagtekening"] == "aanwezig"


def test_a_title_that_starts_with_besluit_is_not_the_dictum():
    rapport = _controle("Besluit van de Autoriteit Warmte tot oplegging van een last onder dwangsom\n\n"
                        "Op 3 maart 2026 hebben wij vastgesteld dat u te hoge tarieven rekent.\n", "last_onder_dwangsom")
    assert rapport.status["dictum"] == "ontbreekt"


def test_every_date_form_the_rules_find_is_read_as_that_date():
    """The samenhang checks compute with the dates the rules find (dagtekening, bezwaartermijn): a form the rules
    accept must not silently drop out of that computation."""
    import datetime as dt

    from checks.awb.samenhang import _datums

    for tekst in ["3 maart 2026", "di 3 mrt. 2026", "dinsdag 3 maart 2026", "3-3-2026", "03/03/2026", "3.3.2026",
                  "2026-03-03", "3e maart 2026"]:
        assert _datums(tekst) == [dt.date(2026, 3, 3)], tekst
    assert _datums("31 februari 2026") == []


def test_a_bezwaar_against_a_woo_besluit_leaves_one_type_standing():
    """Two types with voorrang can set every other type aside; the one left is the answer, with full certainty."""
    tekst = ("Beslissing op uw bezwaar tegen het besluit op uw Woo-verzoek\n\n"
             "Op 3 maart 2026 hebben wij uw bezwaarschrift ontvangen.\n\n"
             "Besluit\nWij verklaren uw bezwaar ongegrond.\n")
    rapport = _controle(tekst)
    assert rapport.besluittype == "beslissing_op_bezwaar" and rapport.zekerheid == 1.0


def test_a_weekly_list_of_incoming_aanvragen_is_a_kennisgeving():
    tekst = ("Ingekomen aanvragen\n\nEvenementen (APV)\n- Marktplein 1: een braderie en een optocht op 3 mei.\n\n"
             "Omgevingsvergunning\n- Dorpsweg 3: een dakkapel aan de voorkant.\n\n"
             "Deze week zijn bij de gemeente deze aanvragen binnengekomen. Er is nog niets over besloten.\n")
    assert _controle(tekst).besluittype == "kennisgeving"


def test_a_woo_besluit_that_tells_of_an_earlier_verdaging_is_a_beschikking():
    tekst = ("Onderwerp: Besluit op uw Woo-verzoek over de aankoop van grond\n\n"
             "Verdaging van de beslistermijn\n"
             "Op 16 mei 2026 hebben wij de beslistermijn met twee weken verdaagd.\n\n"
             "Besluit\nWij maken de documenten niet openbaar.\n\n"
             "Bezwaar\nBent u het niet eens met dit besluit? Dan kunt u binnen zes weken bezwaar maken.\n")
    assert _controle(tekst).besluittype == "beschikking"


@pytest.mark.parametrize("besluittype, tekst", [
    ("omgevingsvergunning_verlening", "Betreft: uitbouw Kempenaerstraat 14\n\nU krijgt toestemming om de uitbouw en de "
     "dakkapel te bouwen, zoals op de tekeningen staat.\n\nBezwaar\nU kunt binnen zes weken bezwaar maken."),
    ("besluit_algemene_strekking", "Verkeersbesluit parkeerverbod Turfstreek\n\nBurgemeester en wethouders besluiten "
     "een parkeerverbod in te stellen aan de oostzijde van de Turfstreek.\n"),
    ("beschikking", "| | |\n|---|---|\n| Onderwerp | Besluit op uw Woo-verzoek over de grondaankoop |\n\n"
     "Verdaging\nWij hebben de beslistermijn met twee weken verdaagd.\n\nWij maken de documenten niet openbaar.\n"),
])
def test_the_type_of_a_text_in_another_form(besluittype, tekst):
    assert _controle(tekst).besluittype == besluittype
