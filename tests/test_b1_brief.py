"""The B1 verdict on a whole letter: letter furniture and legal text are left out and listed, and the letter is judged
by its hardest paragraphs too (content/b1/brief.yaml, bench/b1_brieven.py)."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from checks.b1.controle import controleer_b1
from checks.b1.rapport import als_html, als_tekst
from checks.content import gebruik_aanpassingen
from checks.document import lees_document
from generator.vullen.genereer import genereer
from generator.vullen.sjabloon import laad

KOP = """Gemeente Zandvoort
Afdeling Vergunningen
Postbus 2
2040 AA Zandvoort

Mevrouw K. Bakker
Kerkstraat 14
2042 JB Zandvoort

Ons kenmerk: ZV-2026-1177
Datum: 3 februari 2026
Onderwerp: Uw aanvraag voor een standplaats op de markt
Behandeld door: de heer T. Visser, telefoon 14 023

Geachte mevrouw Bakker,
"""

SLOT = """Bezwaar
Tegen dit besluit kan een belanghebbende op grond van artikel 7:1 van de Algemene wet bestuursrecht binnen zes weken na de dag van verzending van dit besluit een bezwaarschrift indienen bij het college van burgemeester en wethouders van Zandvoort, Postbus 2, 2040 AA Zandvoort. Indien onverwijlde spoed, gelet op de betrokken belangen, dat vereist, kan de voorzieningenrechter van de rechtbank Haarlem worden verzocht een voorlopige voorziening te treffen.

Artikel 5:22 Apv Zandvoort
"Het is verboden zonder vergunning van het college op een openbare plaats een standplaats in te nemen of te hebben met een voertuig, een kraam, een tafel of een ander middel, waarbij de standplaats wordt ingenomen ten behoeve van de verkoop van goederen."

Met vriendelijke groet,

namens het college van burgemeester en wethouders van Zandvoort,

mr. P. de Wit
teamleider Vergunningen en Handhaving

Bijlage: kaart van het marktterrein
"""

MOEILIJK = """Naar aanleiding van uw verzoek van 12 januari jongstleden, waarin door u is verzocht om in aanmerking te komen voor een vaste standplaats op de weekmarkt, delen wij u mede dat na zorgvuldige afweging van alle in dit kader relevante belangen door het college is besloten tot afwijzing van het desbetreffende verzoek.

Ten aanzien van de onderbouwing van voornoemde beslissing wordt opgemerkt dat het aantal beschikbare standplaatsen overeenkomstig de vigerende marktverordening is gelimiteerd en dat inwilliging van uw verzoek derhalve zou resulteren in een overschrijding van het maximaal toelaatbare aantal standplaatsen.

Voorts wordt in overweging gegeven dat door het college in het kader van de handhaving van een evenwichtige branchering zwaarwegend gewicht wordt toegekend aan de reeds aanwezige vertegenwoordiging van de door u beoogde branche.
"""

MAKKELIJK = ["Wij hebben uw brief gekregen. Dank u wel daarvoor.",
             "U wilt een plek op de markt. Dat kan op zaterdag.",
             "De markt begint om acht uur. U moet er dan zijn.",
             "Neem uw eigen tafel mee. Wij zorgen voor stroom.",
             "Betaal de huur voor de eerste dag van de maand.",
             "Hebt u vragen? Bel ons dan. Wij helpen u graag."]

ZEER_MOEILIJK = ("Onverminderd het bepaalde in de vigerende marktverordening wordt de toewijzing van de standplaats "
                 "geëffectueerd onder de opschortende voorwaarde van de tijdige voldoening van de verschuldigde "
                 "precariorechten, waarbij in gebreke blijven resulteert in de intrekking van de desbetreffende "
                 "vergunning zonder dat daaromtrent nadere ingebrekestelling door het college wordt verzonden.")


def _rapport(tmp_path, tekst: str):
    pad = tmp_path / "brief.txt"
    pad.write_text(tekst, encoding="utf-8")
    return controleer_b1(lees_document(pad))


@pytest.fixture
def weging():
    """Set the letter aggregation for one test (a gemeente's adjustment), and undo it afterwards."""
    def zet(**oordeel):
        gebruik_aanpassingen({"b1/brief.yaml": {"oordeel": oordeel}})
    yield zet
    gebruik_aanpassingen(None)


def test_a_hard_letter_with_lots_of_furniture_is_not_b1(tmp_path):
    rapport = _rapport(tmp_path, KOP + "\n" + MOEILIJK + "\n" + SLOT)
    assert rapport.b1 is False and rapport.niveau not in ("A1", "A2", "B1")
    assert rapport.redenen and "moeilijkste alinea's" in rapport.redenen[0]
    assert len(rapport.zinnen) == 3             # only the three sentences of the body are scored


def test_the_furniture_is_recognised_listed_and_gets_no_findings(tmp_path):
    rapport = _rapport(tmp_path, KOP + "\n" + MOEILIJK + "\n" + SLOT)
    soorten = {n.tekst: n.soort for n in rapport.niet_gescoord}
    assert soorten["2040 AA Zandvoort"] == "adres" and soorten["Kerkstraat 14"] == "adres"
    assert soorten["Ons kenmerk: ZV-2026-1177"] == "kenmerk" and soorten["Datum: 3 februari 2026"] == "datum"
    assert soorten["Geachte mevrouw Bakker,"] == "aanhef" and soorten["Met vriendelijke groet,"] == "groet"
    assert soorten["namens het college van burgemeester en wethouders van Zandvoort,"] == "ondertekening"
    assert soorten["teamleider Vergunningen en Handhaving"] == "ondertekening"
    assert soorten["Bijlage: kaart van het marktterrein"] == "bijlagen"
    assert [s for t, s in soorten.items() if t.startswith("Tegen dit besluit")] == ["bezwaarclausule"]
    assert [s for t, s in soorten.items() if t.startswith('"Het is verboden')] == ["wettekst"]
    gescoord = " ".join(z.tekst for z in rapport.zinnen)
    assert "onverwijlde spoed" not in gescoord and "Zandvoort," not in gescoord
    assert not any("onverwijld" in b.zin or "Postbus" in b.zin for b in rapport.bevindingen)
    json = rapport.as_json()
    assert {"bestand", "b1", "niveau", "score", "maten", "redenen", "zinnen", "bevindingen"} <= set(json)
    assert json["niet_gescoord"][0] == {"tekst": "Gemeente Zandvoort", "soort": "briefhoofd", "positie": "alinea 1"}
    regel = next(r for r in als_tekst(rapport).splitlines() if "niet gescoord" in r)
    assert f"niet gescoord: {len(rapport.niet_gescoord)} regels (" in regel and "bezwaarclausule" in regel
    assert "niet gescoord:" in als_html([rapport])


def test_the_furniture_does_not_move_the_score(tmp_path):
    """The same body with or without letterhead, clause and signature gets the same score."""
    kaal = _rapport(tmp_path, MOEILIJK)
    met = _rapport(tmp_path, KOP + "\n" + MOEILIJK + "\n" + SLOT)
    assert met.score == pytest.approx(kaal.score) and not kaal.niet_gescoord


def test_the_kcc_can_have_a_recognised_kind_scored_after_all(tmp_path):
    gebruik_aanpassingen({"b1/brief.yaml": {"toch_scoren": ["bezwaarclausule"]}})
    try:
        rapport = _rapport(tmp_path, KOP + "\n" + MOEILIJK + "\n" + SLOT)
    finally:
        gebruik_aanpassingen(None)
    assert any(z.tekst.startswith("Tegen dit besluit") for z in rapport.zinnen)
    assert "bezwaarclausule" not in {n.soort for n in rapport.niet_gescoord}
    assert "aanhef" in {n.soort for n in rapport.niet_gescoord}


def test_running_text_about_a_bezwaar_is_still_scored(tmp_path):
    """A sentence that mentions the bezwaarschrift without the term of the clause is the writer's own text."""
    zin = "Uw bezwaarschrift hebben wij op 4 maart gekregen en wij hebben het goed gelezen."
    rapport = _rapport(tmp_path, KOP + "\n" + zin + "\n\n" + SLOT)
    assert [z.tekst for z in rapport.zinnen] == [zin]


def test_the_writers_own_text_after_the_clause_and_about_the_law_is_scored(tmp_path):
    """The clause ends where running text without a clause phrase starts; a 'Wettelijk kader' in the writer's own
    words is running text, only quoted law is not."""
    uitleg = "De regels voor de markt staan in de Apv. Daarin staat dat u een vergunning nodig hebt voor een standplaats."
    excuses = "Wij vinden het jammer dat wij u geen beter bericht kunnen sturen."
    slot = SLOT.replace("\n\nArtikel 5:22", f"\n\n{excuses}\n\nArtikel 5:22")
    rapport = _rapport(tmp_path, KOP + "\nWettelijk kader\n" + uitleg + "\n\n" + slot)
    gescoord = [z.tekst for z in rapport.zinnen]
    assert excuses in gescoord and uitleg.split(". ")[0] + "." in gescoord
    assert not any(t.startswith(("Tegen dit besluit", '"Het is verboden')) for t in gescoord)


def test_a_letter_is_judged_on_its_one_very_hard_paragraph(tmp_path, weging):
    weging(gewicht_moeilijkste=0.5, moeilijkste_alineas=1, straf=0.0, toegestaan=0.0)
    makkelijk = _rapport(tmp_path, "\n\n".join(MAKKELIJK))
    met_een_moeilijke = _rapport(tmp_path, "\n\n".join(MAKKELIJK[:3] + [ZEER_MOEILIJK] + MAKKELIJK[3:]))
    zinnen = [z.score for z in met_een_moeilijke.zinnen]
    hardste = min(zinnen)
    assert met_een_moeilijke.score == pytest.approx(0.5 * sum(zinnen) / len(zinnen) + 0.5 * hardste, abs=0.01)
    assert met_een_moeilijke.score < sum(zinnen) / len(zinnen)
    assert met_een_moeilijke.score < makkelijk.score - 10
    assert met_een_moeilijke.maten["moeilijkste_alineas"] == pytest.approx(hardste, abs=0.1)


def test_too_many_hard_sentences_cost_points(tmp_path, weging):
    weging(gewicht_moeilijkste=0.0, moeilijkste_alineas=1, straf=1.0, toegestaan=0.0)
    rapport = _rapport(tmp_path, "\n\n".join(MAKKELIJK[:3] + [ZEER_MOEILIJK]))
    zinnen = [z.score for z in rapport.zinnen]
    aandeel = sum(s < 50 for s in zinnen) / len(zinnen)
    assert aandeel > 0 and rapport.maten["zinnen_boven_b1"] == pytest.approx(aandeel, abs=0.001)
    assert rapport.score == pytest.approx(max(0.0, sum(zinnen) / len(zinnen) - 100 * aandeel), abs=0.01)


def test_the_products_own_letter_passes_with_its_furniture_recognised(tmp_path):
    sjabloon = laad("ontvangstbevestiging-aanvraag")
    zaak = yaml.safe_load(sjabloon.voorbeeld.read_text(encoding="utf-8"))
    (tmp_path / "zaak.yaml").write_text(yaml.safe_dump(zaak, allow_unicode=True), encoding="utf-8")
    resultaat = genereer(sjabloon.id, tmp_path / "zaak.yaml", tmp_path / "uit",
                         sjabloon.voorbeeld_dagtekening or dt.date(2026, 11, 23), concept=True, forceer_reden=None)
    rapport = controleer_b1(lees_document(resultaat.pad))
    assert rapport.b1 is True
    soorten = {n.soort for n in rapport.niet_gescoord}
    assert {"koptekst", "adres", "datum", "kenmerk", "aanhef", "groet", "ondertekening", "voettekst"} <= soorten
    assert not any(z.tekst.startswith(("Geachte", "namens", "Onderwerp")) for z in rapport.zinnen)


def test_the_api_and_the_kcc_page_list_what_was_not_scored():
    from fastapi.testclient import TestClient

    from web.app import maak_app
    from web.veiligheid import CSRF_COOKIE

    brief = KOP + "\n" + "\n\n".join(MAKKELIJK) + "\n\n" + SLOT
    from aanmelden import meld_aan
    with TestClient(maak_app()) as client:
        meld_aan(client, rollen=["kcc"])
        uitslag = client.post("/api/b1", json={"tekst": brief}).json()
        pagina = client.get(client.post("/b1", data={"csrf": client.cookies.get(CSRF_COOKIE), "tekst": brief},
                                        follow_redirects=False).headers["location"]).text
    assert f"niet gescoord: {len(uitslag['niet_gescoord'])} regels (briefhoofd, adres" in pagina
    soorten = {n["soort"] for n in uitslag["niet_gescoord"]}
    assert {"adres", "kenmerk", "aanhef", "bezwaarclausule", "groet", "ondertekening"} <= soorten
    assert uitslag["b1"] is True and uitslag["maten"]["zinnen"] == 12


def test_a_letter_changed_or_replaced_after_bereid_voor_is_checked_on_what_it_holds_now(tmp_path):
    """bereid_voor and controleer_b1 find a letter's parts once: never the parts of another letter, nor of this one
    before it changed (also when a new document gets the id() of one that is gone)."""
    import gc

    from checks.b1.controle import bereid_voor
    from checks.document import Alinea

    def brief(naam: str, tekst: str):
        pad = tmp_path / naam
        pad.write_text(KOP + "\n" + tekst + "\n" + SLOT, encoding="utf-8")
        return lees_document(pad)

    document = brief("a.txt", "\n\n".join(MAKKELIJK))
    bereid_voor([document])
    assert controleer_b1(document).b1 is True
    groet = next(i for i, a in enumerate(document.alineas) if a.tekst == "Met vriendelijke groet,")
    document.alineas[groet + 1] = Alinea(ZEER_MOEILIJK, document.alineas[groet + 1].positie)
    document.alineas[groet] = Alinea("Wij wensen u veel succes op de markt.", document.alineas[groet].positie)
    rapport = controleer_b1(document)
    assert {ZEER_MOEILIJK, "Wij wensen u veel succes op de markt."} <= {z.tekst for z in rapport.zinnen}
    assert "groet" not in {n.soort for n in rapport.niet_gescoord}

    oud = id(document)
    del document, rapport
    gc.collect()
    ander = brief("b.txt", MOEILIJK)
    bereid_voor([ander])
    rapport = controleer_b1(ander)
    assert rapport.b1 is False and len(rapport.zinnen) == 3, f"id hergebruikt: {id(ander) == oud}"
    assert not any(z.tekst in MAKKELIJK[0] for z in rapport.zinnen)
