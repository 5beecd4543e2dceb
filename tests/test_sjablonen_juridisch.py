"""The catalogue read as a jurist reads it: each template's example says what the law asks, in the organ's own name
(docs/juridisch.md). The checker's side (the same faults found in a decision from elsewhere) is in test_awb_juridisch.py."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from conftest import REPO, docx_tekst

from checks.awb.regels import besluittypen
from generator.vullen.genereer import genereer
from generator.vullen.sjabloon import catalogus, laad

MET_BEZWAAR = [s.id for s in catalogus() if besluittypen()[s.besluittype]["rechtsmiddel"] == "bezwaar"]


def _maak(tmp_path, sjabloon_id: str, **wijzigingen) -> str:
    """The example document, with fields of the example changed, at the example's own dagtekening."""
    sjabloon = laad(sjabloon_id)
    zaak = yaml.safe_load(sjabloon.voorbeeld.read_text(encoding="utf-8"))
    for veld, waarde in wijzigingen.items():
        if waarde is None:
            zaak.pop(veld, None)
        else:
            zaak[veld] = waarde
    pad = tmp_path / f"{sjabloon_id}-{len(list(tmp_path.iterdir()))}.yaml"
    pad.write_text(yaml.safe_dump(zaak, allow_unicode=True), encoding="utf-8")
    dag = sjabloon.voorbeeld_dagtekening or dt.date(2026, 11, 23)
    resultaat = genereer(sjabloon_id, pad, tmp_path / "uit", dag, concept=True, forceer_reden=None)
    return " ".join(docx_tekst(resultaat.pad).split())


@pytest.mark.parametrize("sjabloon_id", MET_BEZWAAR)
def test_the_bezwaarclausule_says_who_when_and_where(tmp_path, sjabloon_id):
    """Art. 3:45 lid 2 Awb: door wie (belanghebbenden), binnen welke termijn (from the day after sending, with the
    postal rule of art. 6:9 lid 2) en bij welk orgaan (the one that decided, art. 6:4)."""
    tekst = _maak(tmp_path, sjabloon_id)
    assert "belanghebbende" in tekst or sjabloon_id == "factuur-leges"
    assert besluittypen()[laad(sjabloon_id).besluittype]["belanghebbenden"] in tekst
    assert "op de post doet en wij het niet later dan een week daarna ontvangen" in tekst
    assert "6:9" in tekst


def test_a_tax_is_decided_signed_and_objected_to_at_the_heffingsambtenaar(tmp_path):
    tekst = _maak(tmp_path, "factuur-leges")
    assert "Met vriendelijke groet, de heffingsambtenaar van de gemeente Voorbeeld, K. (Kees) Bos" in tekst
    assert "namens het college" not in tekst
    assert "Stuur uw bezwaarschrift naar de heffingsambtenaar van de gemeente Voorbeeld" in tekst
    assert "artikel 229, derde lid, van de Gemeentewet" in tekst and "artikel 231 van de Gemeentewet" in tekst
    assert "artikel 22j van de Algemene wet inzake rijksbelastingen" in tekst
    assert "alleen uit voor een gesprek als u daarom vraagt (artikel 25" in tekst and "er is geen commissie" in tekst


def test_a_burgemeester_decision_never_speaks_for_the_college(tmp_path):
    tekst = _maak(tmp_path, "evenementenvergunning")
    assert "namens de burgemeester van Voorbeeld, J. (Joris) de Boer" in tekst
    assert "Stuur uw bezwaarschrift naar de burgemeester van Voorbeeld" in tekst
    assert "college" not in tekst.lower()


def test_the_dwangsom_is_forfeited_per_unit_or_part_of_it_with_a_maximum(tmp_path):
    tekst = _maak(tmp_path, "last-onder-dwangsom")
    assert "per week of gedeelte daarvan waarin de last niet (volledig) is uitgevoerd" in tekst
    assert "boven dat bedrag verbeurt u geen dwangsom meer" in tekst
    assert "tot het doel van de dwangsom: dat u de maatregel uitvoert (artikel 5:32b, derde lid" in tekst
    per_overtreding = _maak(tmp_path, "last-onder-dwangsom", dwangsom_per="overtreding",
                            bedrag_motivering="Een dwangsom van € 1.000 per overtreding tot € 15.000 is redelijk.")
    assert "voor elke overtreding van de last" in per_overtreding and "gedeelte daarvan" not in per_overtreding
    assert "per week of gedeelte daarvan" in _maak(tmp_path, "voornemen-last-onder-dwangsom")


def test_registration_names_the_real_law_and_only_where_rechtsopvolgers_are_bound(tmp_path):
    tekst = _maak(tmp_path, "last-onder-dwangsom")
    assert "Wet kenbaarheid publiekrechtelijke beperkingen onroerende zaken" in tekst
    assert "inschrijving in de openbare registers" in tekst and "binnen vier dagen" in tekst
    assert "artikel 18.4a van de Omgevingswet" in tekst
    assert "gebruiksbeperkingen" not in tekst and "beperkingenregistratie" not in tekst
    zonder = _maak(tmp_path, "last-onder-dwangsom", rechtsopvolgers="nee")
    assert "openbare registers" not in zonder and "18.4a" not in zonder
    assert "openbare registers" not in _maak(tmp_path, "last-onder-bestuursdwang")          # its example: nee
    assert "openbare registers" in _maak(tmp_path, "last-onder-bestuursdwang", rechtsopvolgers="ja")


@pytest.mark.parametrize("uitkomst, moet, niet", [
    ("niet-ontvankelijk", ["Wij verklaren uw bezwaar niet-ontvankelijk", "artikel 7:11, eerste lid"], ["Heroverweging"]),
    ("ongegrond", ["Wij verklaren uw bezwaar ongegrond", "Heroverweging"], ["In de plaats daarvan"]),
    ("gedeeltelijk gegrond", ["gedeeltelijk gegrond", "In de plaats daarvan besluiten wij", "Waarom wij dat besluiten:"], []),
    ("gegrond", ["Wij verklaren uw bezwaar gegrond", "Wij herroepen ons besluit", "artikel 7:11, tweede lid"], []),
])
def test_each_outcome_of_a_bezwaar_has_its_own_text(tmp_path, uitkomst, moet, niet):
    extra = {"niet_ontvankelijk_reden": "Uw bezwaarschrift kwam te laat binnen."} if uitkomst == "niet-ontvankelijk" else {}
    kosten = {"kosten": "afgewezen", "kostenvergoeding": None} if uitkomst in ("niet-ontvankelijk", "ongegrond") else {}
    tekst = _maak(tmp_path, "beslissing-op-bezwaar", uitkomst=uitkomst, **extra, **kosten)
    for stuk in moet:
        assert stuk in tekst, stuk
    for stuk in niet:
        assert stuk not in tekst, stuk
    assert "in beroep gaan bij de rechter" in tekst and "artikel 8:7" in tekst and "artikel 8:81" in tekst


@pytest.mark.parametrize("grond, onder, zin", [
    ("kennelijk niet-ontvankelijk", "a", "kennelijk niet-ontvankelijk"),
    ("kennelijk ongegrond", "b", "kennelijk ongegrond"),
    ("geen gebruik van hoorrecht", "c", "niet gehoord wilde worden"),
    ("niet binnen termijn gereageerd", "d", "niet binnen de termijn die wij u gaven"),
    ("volledig tegemoetgekomen", "e", "volledig gelijk"),
])
def test_not_hearing_names_its_ground_of_article_7_3(tmp_path, grond, onder, zin):
    uitkomst = {"a": "niet-ontvankelijk", "b": "ongegrond", "e": "gegrond"}.get(onder, "gedeeltelijk gegrond")
    velden = {"horen": "afgezien", "afzien_grond": grond, "hoorzitting_datum": None, "hoorzitting_verslag": None,
              "uitkomst": uitkomst, "niet_ontvankelijk_reden": "Het bezwaar is te laat." if onder == "a" else None}
    if uitkomst in ("niet-ontvankelijk", "ongegrond"):
        velden.update(kosten="afgewezen", kostenvergoeding=None)
    tekst = _maak(tmp_path, "beslissing-op-bezwaar", **velden)
    assert zin in tekst and f"artikel 7:3, onder {onder}" in tekst


def test_the_invordering_names_the_payment_term_what_follows_and_the_verjaring(tmp_path):
    tekst = _maak(tmp_path, "invordering-dwangsom")
    assert "artikel 4:86, tweede lid" in tekst                                   # the betaaltermijn
    assert "Dan sturen wij u een aanmaning" in tekst and "artikel 5:37, eerste lid" in tekst
    assert "dwangbevel (artikel 5:10, tweede lid" in tekst
    assert "Daarna is hij verjaard (artikel 5:35, eerste lid" in tekst
    assert "kosten van die aanmaning" not in tekst                               # art. 4:112 ff. is not in data/wetten
    lopend = _maak(tmp_path, "invordering-dwangsom", rechtsmiddel_last="aanhangig")
    assert "artikel 5:35, tweede lid" in lopend


def test_a_gedoogbeslissing_says_what_it_is_and_that_bezwaar_is_in_principle_not_open(tmp_path):
    tekst = _maak(tmp_path, "gedoogbeschikking")
    assert "geen vergunning" in tekst and "niet legaal" in tekst
    assert "Tegen deze gedoogbeslissing kunt u in de regel geen bezwaar maken" in tekst
    assert "201801734/1/A1" in tekst
    assert "Een gedoogbeschikking is een besluit" not in tekst
    assert "Dan stoppen wij met gedogen" in tekst and "treden wij op" in tekst


def test_buiten_behandeling_names_the_requirements_the_term_and_its_passing(tmp_path):
    tekst = _maak(tmp_path, "buiten-behandeling")
    zaak = yaml.safe_load((REPO / "templates/buiten-behandeling/voorbeeld.yaml").read_text(encoding="utf-8"))
    assert all(gegeven in tekst for gegeven in zaak["ontbrekende_gegevens"])
    assert "hoofdstuk 7 van de Omgevingsregeling" in tekst and "8 oktober 2026" in tekst     # when the term was given
    assert "De termijn om aan te vullen eindigde op 5 november 2026" in tekst
    assert "ongebruikt laten verstrijken" in _maak(tmp_path, "buiten-behandeling", aanvulling="geen", aanvulling_datum=None)
    assert "artikel 4:5, vierde lid" in tekst


def test_bestuursdwang_names_the_measure_and_recovers_the_costs(tmp_path):
    tekst = _maak(tmp_path, "last-onder-bestuursdwang")
    zaak = yaml.safe_load((REPO / "templates/last-onder-bestuursdwang/voorbeeld.yaml").read_text(encoding="utf-8"))
    assert " ".join(zaak["herstelmaatregel"].split()) in tekst and "Dan voeren wij de maatregel zelf uit" in tekst
    assert "U betaalt de kosten daarvan. Dat staat in artikel 5:25, eerste lid" in tekst
    assert "Wij schatten de kosten nu op" in tekst and "kostenbeschikking" in tekst


def test_no_template_or_bouwsteen_names_a_law_that_does_not_exist():
    teksten = [p.read_text(encoding="utf-8") for p in (REPO / "content/bouwstenen").glob("*.md")]
    teksten += [" ".join(docx_tekst(s.docx).split()) for s in catalogus()]
    for tekst in teksten:
        assert "publiekrechtelijke gebruiksbeperkingen" not in tekst
        assert "beperkingenregistratie" not in tekst



def test_a_profile_without_the_organ_of_a_besluittype_is_bad_input(tmp_path):
    """A gemeente profile that describes only the college cannot sign a burgemeester's decision: exit 2, named."""
    from conftest import sjabloon_cli
    profiel = yaml.safe_load((REPO / "content/gemeente.yaml").read_text(encoding="utf-8"))
    del profiel["bestuursorganen"]["burgemeester"]
    profiel["logo"] = str(REPO / "content" / profiel["logo"])
    pad = tmp_path / "alleen-college.yaml"
    pad.write_text(yaml.safe_dump(profiel, allow_unicode=True), encoding="utf-8")
    uit = sjabloon_cli("genereer", "evenementenvergunning", "--concept", "--gemeente", pad, "--uit", tmp_path / "uit",
                       "--zaak", REPO / "templates/evenementenvergunning/voorbeeld.yaml")
    assert uit.returncode == 2 and "bestuursorganen.burgemeester ontbreekt" in uit.stderr
    assert not (tmp_path / "uit").exists()
    sjablonen = sjabloon_cli("sjablonen", "--gemeente", pad)
    assert "evenementenvergunning: het gemeenteprofiel mist orgaan.bezwaaradres.aan" in sjablonen.stderr


def test_the_organ_that_decided_also_decides_on_the_bezwaar(tmp_path):
    """Art. 6:4 lid 1 and 7:11 Awb: a bezwaar against a burgemeester's decision is decided by the burgemeester."""
    zaak = yaml.safe_load((REPO / "templates/beslissing-op-bezwaar/voorbeeld.yaml").read_text(encoding="utf-8"))
    zaak["bestreden_besluit"]["bestuursorgaan"] = "burgemeester"
    tekst = _maak(tmp_path, "beslissing-op-bezwaar", bestreden_besluit=zaak["bestreden_besluit"])
    assert "namens de burgemeester van Voorbeeld, J. (Joris) de Boer" in tekst and "namens het college" not in tekst
    assert "namens het college van burgemeester en wethouders van Voorbeeld, mr. A. (Anna) Jansen" in _maak(
        tmp_path, "beslissing-op-bezwaar")


def test_docs_juridisch_covers_every_template_and_cites_only_articles_that_are_there():
    import re
    pagina = (REPO / "docs/juridisch.md").read_text(encoding="utf-8")
    for sjabloon in catalogus():
        assert f"templates/{sjabloon.id}" in pagina, sjabloon.id
    wet = "".join((REPO / "data/wetten" / naam).read_text(encoding="utf-8")
                  for naam in ("awb-artikelteksten-2024.md", "awb-aanvulling.md", "awb-artikelteksten-2015.md"))
    aanwezig = set(re.findall(r"^### Artikel\s+(\S+)\s*$", wet, re.MULTILINE))
    open_punten = pagina[pagina.index("## Open punten"):]
    genoemd = set(re.findall(r"\b(\d{1,2}:\d{1,3}[a-z]?)\b", pagina[:pagina.index("## Open punten")]))
    ontbreekt = {a for a in genoemd - aanwezig if a not in open_punten}
    assert ontbreekt == set()


def test_every_grondslag_a_template_can_cite_is_in_the_law_texts():
    """content/grondslagen.yaml holds no article from memory: each key's article stands in data/wetten/."""
    import re
    bestanden = {"awb": ("awb-artikelteksten-2024.md", "awb-aanvulling.md", "awb-artikelteksten-2015.md"),
                 "omgevingswet": ("omgevingswet.md",), "gemeentewet": ("gemeentewet.md",), "awr": ("awr.md",),
                 "wkpb": ("wkpb.md",), "atw": ("awb-artikelteksten-2024.md",)}
    grondslagen = yaml.safe_load((REPO / "content/grondslagen.yaml").read_text(encoding="utf-8"))["grondslagen"]
    for sleutel, grondslag in grondslagen.items():
        tekst = "".join((REPO / "data/wetten" / naam).read_text(encoding="utf-8") for naam in bestanden[grondslag["wet"]])
        kop = r"^- Art\. " if grondslag["wet"] == "atw" else r"^### Artikel\s+"
        assert re.search(kop + re.escape(grondslag["artikel"]) + r"\b", tekst, re.MULTILINE), sleutel
