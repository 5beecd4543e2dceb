"""The mapping from a zaak (as the Zaken API shapes it) to a template's fields: templates/<id>/zgw-velden.yaml.
Plain dicts here; tests/test_zgw_zaak.py reads the same through the client from the test double."""

from __future__ import annotations

import pytest

from generator.vullen.fouten import InvoerFout
from generator.vullen.sjabloon import laad
from generator.vullen.zaak import laad_zaak
from zgw.veldkoppeling import Zaakdata, bron, laad_koppeling, ontleed_koppeling, pas_toe

ZAAK_URL = "https://zaken.example.nl/zaken/api/v1/zaken/6b3d6c1e-0000-4000-8000-000000000001"


def zaakdata(**anders) -> Zaakdata:
    """A zaak with an initiator (natuurlijk persoon with verblijfsadres), a behandelaar (medewerker), an adres and a
    kadastraal object, and two eigenschappen: the attribute names of the Zaken API 1.5.1."""
    zaak = {"url": ZAAK_URL, "uuid": "6b3d6c1e-0000-4000-8000-000000000001", "identificatie": "ZAAK-2026-0000042",
            "bronorganisatie": "002220647", "omschrijving": "een dakkapel aan de voorkant van uw woning",
            "startdatum": "2026-11-16", "registratiedatum": "2026-11-17"}
    initiator = {"url": f"{ZAAK_URL}/rol-1", "zaak": ZAAK_URL, "betrokkeneType": "natuurlijk_persoon",
                 "omschrijving": "Aanvrager", "omschrijvingGeneriek": "initiator",
                 "betrokkeneIdentificatie": {
                     "inpBsn": "999993653", "geslachtsnaam": "Öztürk", "voorvoegselGeslachtsnaam": "",
                     "voorletters": "S.", "geslachtsaanduiding": "v",
                     "verblijfsadres": {"aoaIdentificatie": "0599200000000001", "wplWoonplaatsNaam": "Voorbeeld",
                                        "gorOpenbareRuimteNaam": "Beukenlaan", "aoaPostcode": "1235KL",
                                        "aoaHuisnummer": 23, "aoaHuisletter": "", "aoaHuisnummertoevoeging": ""}}}
    behandelaar = {"url": f"{ZAAK_URL}/rol-2", "zaak": ZAAK_URL, "betrokkeneType": "medewerker",
                   "omschrijving": "Behandelaar", "omschrijvingGeneriek": "behandelaar",
                   "betrokkeneIdentificatie": {"identificatie": "sdboer", "achternaam": "Boer", "voorletters": "S.",
                                               "voorvoegselAchternaam": "de"}}
    adres = {"url": f"{ZAAK_URL}/obj-1", "zaak": ZAAK_URL, "objectType": "adres",
             "objectIdentificatie": {"identificatie": "0599200000000002", "wplWoonplaatsNaam": "Voorbeeld",
                                     "gorOpenbareRuimteNaam": "Beukenlaan", "huisnummer": 23, "huisletter": "b",
                                     "huisnummertoevoeging": "2", "postcode": "1235 KL"}}
    perceel = {"url": f"{ZAAK_URL}/obj-2", "zaak": ZAAK_URL, "objectType": "kadastrale_onroerende_zaak",
               "objectIdentificatie": {"kadastraleIdentificatie": "VBD00B2381G0000",
                                       "kadastraleAanduiding": "Voorbeeld, sectie B, nummer 2381"}}
    eigenschappen = [{"url": f"{ZAAK_URL}/zaakeigenschappen/1", "zaak": ZAAK_URL, "naam": "Verzoeknummer",
                      "waarde": "3318725", "eigenschap": "https://zaken.example.nl/catalogi/api/v1/eigenschappen/1"},
                     {"url": f"{ZAAK_URL}/zaakeigenschappen/2", "zaak": ZAAK_URL, "naam": "Leges",
                      "waarde": "412,50", "eigenschap": "https://zaken.example.nl/catalogi/api/v1/eigenschappen/2"}]
    delen = {"zaak": zaak, "rollen": [behandelaar, initiator], "zaakobjecten": [perceel, adres],
             "eigenschappen": eigenschappen}
    delen.update(anders)
    return Zaakdata(**delen)


def test_the_brief_is_filled_from_the_zaak_and_names_each_source():
    sjabloon = laad("ontvangstbevestiging-aanvraag")
    gegevens, bronnen = pas_toe(laad_koppeling(sjabloon.map, sjabloon.velden), zaakdata())
    assert gegevens == {
        "zaaknummer": "ZAAK-2026-0000042", "ontvangstdatum": "2026-11-16", "verzoeknummer": "3318725",
        "project": "een dakkapel aan de voorkant van uw woning", "behandelaar": "S. de Boer",
        "aanvrager": {"naam": "mevrouw S. Öztürk", "straat": "Beukenlaan", "huisnummer": "23", "postcode": "1235KL",
                      "plaats": "Voorbeeld"},
        "locatie": {"straat": "Beukenlaan", "huisnummer": "23b-2", "postcode": "1235 KL", "plaats": "Voorbeeld"}}
    assert bronnen["aanvrager.postcode"] == "rol initiator, betrokkeneIdentificatie.verblijfsadres.aoaPostcode"
    assert bronnen["verzoeknummer"] == "eigenschap Verzoeknummer"
    assert bronnen["zaaknummer"] == "zaak, identificatie"
    # the mapped values pass the template's own validation as they are
    assert laad_zaak(None, sjabloon, (gegevens, bronnen))["aanvrager"]["naam"] == "mevrouw S. Öztürk"


def test_the_besluit_takes_the_perceel_and_the_leges():
    sjabloon = laad("omgevingsvergunning-verleend")
    gegevens, bronnen = pas_toe(laad_koppeling(sjabloon.map, sjabloon.velden), zaakdata())
    assert gegevens["kadastraal"] == "Voorbeeld, sectie B, nummer 2381"
    assert gegevens["leges"] == "412,50"
    assert bronnen["kadastraal"] == "zaakobject kadastrale_onroerende_zaak, objectIdentificatie.kadastraleAanduiding"


def test_what_the_zaak_does_not_give_is_absent():
    sjabloon = laad("ontvangstbevestiging-aanvraag")
    gegevens, bronnen = pas_toe(laad_koppeling(sjabloon.map, sjabloon.velden),
                                zaakdata(rollen=[], zaakobjecten=[], eigenschappen=[]))
    assert set(gegevens) == {"zaaknummer", "ontvangstdatum", "project"}
    assert set(bronnen) == {"zaaknummer", "ontvangstdatum", "project"}


def test_a_company_as_initiator_gets_its_statutory_name_and_no_title():
    bedrijf = {"betrokkeneType": "niet_natuurlijk_persoon", "omschrijvingGeneriek": "initiator",
               "betrokkeneIdentificatie": {"statutaireNaam": "Bouwbedrijf Janssen B.V.", "kvkNummer": "12345678"}}
    sjabloon = laad("ontvangstbevestiging-aanvraag")
    gegevens, _ = pas_toe(laad_koppeling(sjabloon.map, sjabloon.velden), zaakdata(rollen=[bedrijf]))
    assert gegevens["aanvrager"] == {"naam": "Bouwbedrijf Janssen B.V."}


def test_a_rol_is_found_by_its_own_omschrijving_and_an_object_by_position():
    regels, problemen = ontleed_koppeling({"velden": {
        "aanvrager.naam": "rol[Aanvrager].betrokkeneIdentificatie.geslachtsnaam",
        "locatie.straat": "zaakobject[1].objectIdentificatie.gorOpenbareRuimteNaam",
        "locatie.plaats": "zaakobject[7].objectIdentificatie.wplWoonplaatsNaam"}},
        laad("ontvangstbevestiging-aanvraag").velden)
    assert problemen == []
    gegevens, _ = pas_toe(regels, zaakdata())
    assert gegevens == {"aanvrager": {"naam": "Öztürk"}, "locatie": {"straat": "Beukenlaan"}}


def test_joined_parts_skip_empty_ones_and_fixed_text_alone_is_no_value():
    velden = {"kenmerk": {"type": "tekst", "omschrijving": "x"}}
    regels, problemen = ontleed_koppeling({"velden": {"kenmerk": {
        "samen": [{"tekst": "Zaak"}, "zaak.identificatie", "zaak.toelichting",
                  {"bron": "zaak.vertrouwelijkheidaanduiding", "waarden": {"openbaar": "(openbaar)"}, "voor": "- "}],
        "scheiding": " "}}}, velden)
    assert problemen == []
    assert pas_toe(regels, zaakdata())[0] == {"kenmerk": "Zaak ZAAK-2026-0000042"}
    openbaar = zaakdata(zaak={"identificatie": "Z-1", "vertrouwelijkheidaanduiding": "openbaar"})
    assert pas_toe(regels, openbaar)[0] == {"kenmerk": "Zaak Z-1 - (openbaar)"}
    assert pas_toe(regels, zaakdata(zaak={}))[0] == {}


def test_a_value_outside_waarden_is_left_out():
    velden = {"aanhef": {"type": "tekst", "omschrijving": "x"}}
    regels, _ = ontleed_koppeling({"velden": {"aanhef": {
        "bron": "rol[initiator].betrokkeneIdentificatie.geslachtsaanduiding", "waarden": {"m": "heer", "v": "mevrouw"}}}},
        velden)
    assert pas_toe(regels, zaakdata())[0] == {"aanhef": "mevrouw"}
    onbekend = zaakdata(rollen=[{"omschrijvingGeneriek": "initiator", "betrokkeneIdentificatie": {"geslachtsaanduiding": "o"}}])
    assert pas_toe(regels, onbekend)[0] == {}


@pytest.mark.parametrize("tekst, melding", [
    ("zaak", "schrijf zaak.<kenmerk>"),
    ("rol.betrokkeneIdentificatie.geslachtsnaam", "schrijf rol[...].<kenmerk>"),
    ("rol[initiator]", "schrijf rol[...].<kenmerk>"),
    ("eigenschap[Bouwsom].waarde", "zonder kenmerk erachter"),
    ("zaakobject[adres]", "schrijf zaakobject[...].<kenmerk>"),
    ("besluit.datum", "is geen bron"),
    ("zaak..identificatie", "is geen bron"),
])
def test_a_wrong_source_path_says_how_to_write_one(tekst, melding):
    with pytest.raises(ValueError, match=melding.replace("[", r"\[").replace("]", r"\]").replace(".", r"\.")):
        bron(tekst)


def test_every_problem_in_a_mapping_names_the_field():
    velden = laad("ontvangstbevestiging-aanvraag").velden
    regels, problemen = ontleed_koppeling({"bronnen": {}, "velden": {
        "zaaknummer": "zaak.identificatie",
        "aanvrager": "rol[initiator].betrokkeneIdentificatie.geslachtsnaam",
        "aanvrager.bsn": "rol[initiator].betrokkeneIdentificatie.inpBsn",
        "behandelaar": {"samen": [{"tekst": "mr."}]},
        "project": {"bron": "zaak.omschrijving", "tekst": "x"},
        "verzoeknummer": {"samen": ["eigenschap[Verzoeknummer]"], "scheidingsteken": "-"},
        "ontvangstdatum": 20261116}}, velden)
    assert [r.veld for r in regels] == ["zaaknummer"]
    assert problemen == [
        "bronnen: onbekende sleutel; bekend is: velden",
        "aanvrager: geen veld van dit sjabloon (een tekstveld, of een onderdeel van een groep als aanvrager.postcode)",
        "aanvrager.bsn: geen veld van dit sjabloon (een tekstveld, of een onderdeel van een groep als aanvrager.postcode)",
        "behandelaar: samen: noem minstens één bron uit de zaak",
        "project: schrijf per onderdeel óf bron: (uit de zaak) óf tekst: (vaste tekst)",
        "verzoeknummer: onbekende sleutel scheidingsteken; bekend zijn: samen, scheiding",
        "ontvangstdatum: '20261116' is geen bron; schrijf een bron als zaak.identificatie of {bron: ..., waarden: ...}"]


def test_a_template_without_a_mapping_says_so(tmp_path):
    sjabloon = laad("factuur-leges")
    with pytest.raises(InvoerFout, match="factuur-leges: dit sjabloon heeft geen koppeling met het zaaksysteem "
                                         r"\(zgw-velden.yaml ontbreekt\)"):
        laad_koppeling(sjabloon.map, sjabloon.velden)


def test_a_broken_mapping_file_names_the_file(sjablonen_kopie):
    (sjablonen_kopie / "ontvangstbevestiging-aanvraag" / "zgw-velden.yaml").write_text(
        "velden:\n  zaaknummer: zaak[1].identificatie\n", encoding="utf-8")
    sjabloon = laad("ontvangstbevestiging-aanvraag")
    with pytest.raises(InvoerFout) as fout:
        laad_koppeling(sjabloon.map, sjabloon.velden)
    assert fout.value.meldingen == [f"{sjabloon.map / 'zgw-velden.yaml'}: zaaknummer: 'zaak[1].identificatie': "
                                    "schrijf zaak.<kenmerk>, bijvoorbeeld zaak.identificatie"]


def test_the_file_wins_where_both_give_a_value_and_fills_what_the_zaak_does_not(tmp_path):
    sjabloon = laad("ontvangstbevestiging-aanvraag")
    gegevens, bronnen = pas_toe(laad_koppeling(sjabloon.map, sjabloon.velden), zaakdata())
    bestand = tmp_path / "aanvulling.yaml"
    bestand.write_text("behandelaar: Sanne de Boer\naanvrager:\n  aanhef: Geachte mevrouw Öztürk\n  naam: ''\n",
                       encoding="utf-8")
    zaak = laad_zaak(bestand, sjabloon, (gegevens, bronnen))
    assert zaak["behandelaar"] == "Sanne de Boer"
    assert zaak["aanvrager"]["aanhef"] == "Geachte mevrouw Öztürk"
    assert zaak["aanvrager"]["naam"] == "mevrouw S. Öztürk"      # an empty value in the file gives way
    assert zaak["aanvrager"]["straat"] == "Beukenlaan"


def test_a_wrong_value_from_the_zaak_names_its_zgw_source(tmp_path):
    sjabloon = laad("ontvangstbevestiging-aanvraag")
    data = zaakdata()
    data.rollen[1]["betrokkeneIdentificatie"]["verblijfsadres"]["aoaPostcode"] = "1235"
    data.zaak["startdatum"] = "16 november"
    gegevens, bronnen = pas_toe(laad_koppeling(sjabloon.map, sjabloon.velden), data)
    with pytest.raises(InvoerFout) as fout:
        laad_zaak(None, sjabloon, (gegevens, bronnen))
    assert fout.value.meldingen == [
        "zaak-url: veld aanvrager.postcode (uit rol initiator, betrokkeneIdentificatie.verblijfsadres.aoaPostcode): "
        "'1235' heeft niet de juiste vorm: vier cijfers en twee hoofdletters, bijvoorbeeld 1234 AB",
        "zaak-url: veld ontvangstdatum (uit zaak, startdatum): '16 november' is geen geldige datum (schrijf "
        "JJJJ-MM-DD, bijvoorbeeld 2026-11-22)"]
    # the same wrong postcode, now overruled by the file: no message; a file's own mistake names the file
    bestand = tmp_path / "zaak.yaml"
    bestand.write_text("ontvangstdatum: 2026-11-16\naanvrager:\n  postcode: 1235 KL\nverzoeknummer: [1]\n",
                       encoding="utf-8")
    with pytest.raises(InvoerFout) as fout:
        laad_zaak(bestand, sjabloon, (gegevens, bronnen))
    assert fout.value.meldingen == ["zaak.yaml: verzoeknummer: moet een tekst zijn"]


def test_a_required_field_neither_gives_says_where_to_put_it():
    sjabloon = laad("ontvangstbevestiging-aanvraag")
    gegevens, bronnen = pas_toe(laad_koppeling(sjabloon.map, sjabloon.velden), zaakdata(rollen=[]))
    with pytest.raises(InvoerFout) as fout:
        laad_zaak(None, sjabloon, (gegevens, bronnen))
    assert fout.value.meldingen == [
        "zaak-url: aanvrager: verplicht veld ontbreekt (het zaaksysteem geeft dit veld niet; geef het in een "
        "zaakbestand met --zaak)",
        "zaak-url: behandelaar: verplicht veld ontbreekt (het zaaksysteem geeft dit veld niet; geef het in een "
        "zaakbestand met --zaak)"]


def test_the_lint_reports_a_broken_mapping_and_passes_the_shipped_ones(sjablonen_kopie):
    from generator.catalogus.lint import lint
    assert not [b for b in lint(BRIEF_ID, alleen_voorbeeld=True).bevindingen if b.code == "zgw_velden"]
    (sjablonen_kopie / BRIEF_ID / "zgw-velden.yaml").write_text(
        "velden:\n  aanvrager.bsn: rol[initiator].betrokkeneIdentificatie.inpBsn\n", encoding="utf-8")
    rapport = lint(BRIEF_ID, alleen_voorbeeld=True)
    assert [(b.ernst, b.melding) for b in rapport.bevindingen if b.code == "zgw_velden"] == [
        ("fout", f"{sjablonen_kopie / BRIEF_ID / 'zgw-velden.yaml'}: aanvrager.bsn: geen veld van dit sjabloon (een "
                 "tekstveld, of een onderdeel van een groep als aanvrager.postcode)")]
    assert not rapport.geslaagd


BRIEF_ID = "ontvangstbevestiging-aanvraag"


def test_the_handhaving_besluit_takes_verzoeker_and_overtreder_from_their_rollen():
    """The overtreder is found by the roltype's own omschrijving; here a company (niet-natuurlijk persoon)."""
    overtreder = {"betrokkeneType": "niet_natuurlijk_persoon", "omschrijving": "Overtreder",
                  "omschrijvingGeneriek": "belanghebbende",
                  "betrokkeneIdentificatie": {"statutaireNaam": "Visser Autoservice B.V.", "verblijfsadres": {
                      "aoaIdentificatie": "1", "wplWoonplaatsNaam": "Voorbeeld", "gorOpenbareRuimteNaam": "Lindelaan",
                      "aoaPostcode": "1238MN", "aoaHuisnummer": 8, "aoaHuisletter": "", "aoaHuisnummertoevoeging": ""}}}
    data = zaakdata()
    sjabloon = laad("besluit-handhavingsverzoek")
    gegevens, bronnen = pas_toe(laad_koppeling(sjabloon.map, sjabloon.velden),
                                zaakdata(rollen=data.rollen + [overtreder]))
    assert gegevens["verzoeker"]["naam"] == "mevrouw S. Öztürk"
    assert gegevens["overtreder"] == {"naam": "Visser Autoservice B.V.", "straat": "Lindelaan", "huisnummer": "8",
                                      "postcode": "1238MN", "plaats": "Voorbeeld"}
    assert gegevens["verzoek_datum"] == "2026-11-16" and gegevens["kadastraal"] == "Voorbeeld, sectie B, nummer 2381"
    assert bronnen["overtreder.naam"].startswith("rol Overtreder, betrokkeneIdentificatie.geslachtsaanduiding; ")
    assert "controledatum" not in gegevens                  # no such eigenschap on this zaak
