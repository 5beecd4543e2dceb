"""The procedure check: each rule fires on a zaak that breaks it (the template's example with one field changed) and
stays silent on the example itself; worked dates across Easter, Pentecost, Christmas and a Saturday end; the rule
files are well formed and cite articles that are in data/wetten/; the generator, bulk, API, checklist and lint use it."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import sqlite3

import pytest
import yaml
from conftest import REPO, sjabloon_cli

from checks.awb.namen import zelfde_persoon
from checks.awb.procedure import RegelFout, controleer_regel, procedure_bevindingen, procedureregels
from checks.awb.regels import besluittypen
from generator.vullen.context import gemeenteprofiel
from generator.vullen.sjabloon import catalogus, laad
from generator.vullen.velden import valideer

D = dt.date.fromisoformat
GEMEENTE = gemeenteprofiel()


def _voorbeeld(sjabloon_id: str) -> dict:
    """The example case as JSON would carry it (dates as text)."""
    zaak = yaml.safe_load((REPO / "templates" / sjabloon_id / "voorbeeld.yaml").read_text(encoding="utf-8"))
    return json.loads(json.dumps(zaak, default=str))


def _zet(zaak: dict, pad: str, waarde) -> dict:
    """A copy of the zaak with one field changed ('bestreden_besluit.ondertekenaar', 'controles[1].datum')."""
    nieuw = copy.deepcopy(zaak)
    plek, delen = nieuw, pad.split(".")
    for deel in delen[:-1]:
        naam, _, index = deel.partition("[")
        plek = plek[naam][int(index[:-1]) - 1] if index else plek[naam]
    if waarde is None:
        plek.pop(delen[-1], None)
    else:
        plek[delen[-1]] = waarde
    return nieuw


def bevindingen(sjabloon_id: str, zaak: dict, dagtekening: dt.date | None = None) -> dict[str, str]:
    """{regel: ernst} for a raw zaak, validated as the generator validates it."""
    sjabloon = laad(sjabloon_id)
    schoon, problemen = valideer(sjabloon.velden, zaak)
    assert not problemen, problemen
    dag = dagtekening or sjabloon.voorbeeld_dagtekening
    return {b.regel: b.ernst for b in procedure_bevindingen(sjabloon.besluittype, schoon, dag, GEMEENTE,
                                                                   sjabloon.bestuursorgaan(schoon))}


MET_REGELS = [s.id for s in catalogus() if procedureregels(s.besluittype)]


@pytest.mark.parametrize("sjabloon_id", MET_REGELS)
def test_every_example_passes_its_procedure_rules(sjabloon_id):
    assert bevindingen(sjabloon_id, _voorbeeld(sjabloon_id)) == {}


# (template, field changed (or 'dagtekening'), new value, the rule that must fire, its ernst)
BREUKEN = [
    ("beslissing-op-bezwaar", "hoorzitting_datum", "2026-07-01", "hoorzitting_na_bezwaarschrift", "fout"),
    ("beslissing-op-bezwaar", "advies_datum", "2026-09-20", "advies_na_hoorzitting", "fout"),
    ("beslissing-op-bezwaar", "advies_datum", "2026-07-10", "advies_na_bezwaarschrift", "fout"),
    ("beslissing-op-bezwaar", "dagtekening", "2026-10-14", "beslissing_na_advies", "fout"),
    ("beslissing-op-bezwaar", "bestreden_besluit.ondertekenaar", "A. Jansen", "ondertekenaar_niet_van_bestreden_besluit", "fout"),
    ("beslissing-op-bezwaar", "bezwaar_datum", "2026-07-28", "te_laat_bezwaar_niet_inhoudelijk", "fout"),
    ("beslissing-op-bezwaar", "dagtekening", "2026-10-20", "beslistermijn_bezwaar", "waarschuwing"),
    ("beslissing-op-bezwaar", "uitkomst", "ongegrond", "kosten_alleen_bij_herroeping", "fout"),
    ("beslissing-op-bezwaar", "nieuw_besluit_motivering", None, "nieuw_besluit_gemotiveerd", "fout"),
    ("invordering-dwangsom", "verbeurd_bedrag", "6000", "niet_meer_dan_maximum", "fout"),
    ("invordering-dwangsom", "verbeurd_bedrag", "2500", "bedrag_volgens_controles", "fout"),
    ("invordering-dwangsom", "controles[1].datum", "2026-08-03", "controles_na_begunstigingstermijn", "fout"),
    ("invordering-dwangsom", "eerste_verbeurd", "2026-08-03", "eerste_verbeurd_na_begunstigingstermijn", "fout"),
    ("invordering-dwangsom", "dagtekening", "2027-08-05", "niet_verjaard", "fout"),
    ("invordering-dwangsom", "voornemen_datum", "2026-11-02", "voornemen_voor_besluit", "fout"),
    ("invordering-dwangsom", "zienswijze_datum", "2026-11-03", "zienswijze_voor_besluit", "fout"),
    ("verdaging-beslistermijn", "dagtekening", "2026-12-01", "verdaging_binnen_beslistermijn", "fout"),
    ("verdaging-beslistermijn", "dagtekening", "2026-10-01", "verdaging_na_ontvangst", "fout"),
    ("verdaging-beslistermijn", "eerder_verdaagd", "ja", "eenmaal_verdagen", "fout"),
    ("verdaging-beslistermijn", "verdaging_weken", 7, "ten_hoogste_zes_weken", "fout"),
    ("buiten-behandeling", "aanvulling", "volledig", "niet_bij_volledige_aanvulling", "fout"),
    ("buiten-behandeling", "dagtekening", "2026-11-05", "na_de_hersteltermijn", "fout"),
    ("buiten-behandeling", "dagtekening", "2026-11-28", "binnen_vier_weken_na_aanvulling", "fout"),
    ("buiten-behandeling", "verzoek_datum", "2026-09-20", "verzoek_na_ontvangst", "fout"),
    ("buiten-behandeling", "aanvultermijn_einde", "2026-10-07", "termijn_na_verzoek", "fout"),
    ("omgevingsvergunning-verleend", "dagtekening", "2026-10-01", "besluit_na_ontvangst", "fout"),
    ("omgevingsvergunning-verleend", "dagtekening", "2026-12-01", "binnen_beslistermijn", "waarschuwing"),
    ("omgevingsvergunning-verleend", "verdaagd_tot", "2027-01-15", "verlenging_ten_hoogste_zes_weken", "fout"),
    ("omgevingsvergunning-geweigerd", "dagtekening", "2026-09-27", "besluit_na_ontvangst", "fout"),
    ("omgevingsvergunning-geweigerd", "dagtekening", "2026-11-24", "binnen_beslistermijn", "waarschuwing"),
    ("omgevingsvergunning-geweigerd", "verdaagd_tot", "2027-01-05", "verlenging_ten_hoogste_zes_weken", "fout"),
    ("omgevingsvergunning-geweigerd", "voornemen_datum", "2026-11-20", "besluit_na_voornemen", "fout"),
    ("omgevingsvergunning-geweigerd", "zienswijze_datum", "2026-11-01", "zienswijze_na_voornemen", "fout"),
    ("omgevingsvergunning-geweigerd", "zienswijze_datum", "2026-11-21", "zienswijze_voor_besluit", "fout"),
] + [(t, veld, waarde, regel, "fout") for t in ("last-onder-dwangsom", "last-onder-bestuursdwang")
     for veld, waarde, regel in (("controledatum", "2026-12-01", "voornemen_na_controle"),
                                 ("dagtekening", "2026-09-30", "besluit_na_voornemen"),
                                 ("zienswijze_datum", "2026-09-30", "zienswijze_na_voornemen"),
                                 ("zienswijze_datum", "2026-12-31", "zienswijze_voor_besluit"),
                                 ("begunstigingstermijn_weken", 0, "begunstigingstermijn_na_dagtekening"))]


@pytest.mark.parametrize("sjabloon_id, veld, waarde, regel, ernst", BREUKEN, ids=[f"{b[0]}:{b[3]}" for b in BREUKEN])
def test_each_rule_fires_on_a_zaak_that_breaks_it(sjabloon_id, veld, waarde, regel, ernst):
    zaak = _voorbeeld(sjabloon_id)
    if veld == "dagtekening":
        gevonden = bevindingen(sjabloon_id, zaak, D(waarde))
    else:
        gevonden = bevindingen(sjabloon_id, _zet(zaak, veld, waarde))
    assert gevonden.get(regel) == ernst, gevonden


def test_every_rule_has_a_breaking_case():
    """A rule added to content/ without a case here fails this test."""
    getoetst = {(laad(t).besluittype, regel) for t, _, _, regel, _ in BREUKEN} | {
        ("beslissing_op_bezwaar", r) for r in ("kennelijk_ongegrond_is_ongegrond", "volledig_tegemoetgekomen_is_gegrond",
                                               "kennelijk_niet_ontvankelijk_is_niet_ontvankelijk")} | {
        ("buiten_behandeling", "binnen_vier_weken_na_termijn"),
        ("omgevingsvergunning_verlening", "binnen_verlengde_beslistermijn"),
        ("omgevingsvergunning_weigering", "binnen_verlengde_beslistermijn")}
    alle = {(t, r["regel"]) for t in besluittypen() for r in procedureregels(t)}
    assert alle - getoetst == set()


@pytest.mark.parametrize("grond, uitkomst, regel", [
    ("kennelijk ongegrond", "gedeeltelijk gegrond", "kennelijk_ongegrond_is_ongegrond"),
    ("volledig tegemoetgekomen", "ongegrond", "volledig_tegemoetgekomen_is_gegrond"),
    ("kennelijk niet-ontvankelijk", "ongegrond", "kennelijk_niet_ontvankelijk_is_niet_ontvankelijk"),
])
def test_the_ground_for_not_hearing_fits_the_outcome(grond, uitkomst, regel):
    zaak = _zet(_zet(_voorbeeld("beslissing-op-bezwaar"), "horen", "afgezien"), "afzien_grond", grond)
    zaak = _zet(zaak, "kosten", "niet gevraagd")          # a kostenvergoeding needs a herroeping: not the point here
    assert regel in bevindingen("beslissing-op-bezwaar", _zet(zaak, "uitkomst", uitkomst))
    past = {"kennelijk ongegrond": "ongegrond", "volledig tegemoetgekomen": "gegrond"}.get(grond)
    if past:
        assert bevindingen("beslissing-op-bezwaar", _zet(zaak, "uitkomst", past)) == {}


def test_a_signer_in_other_words_is_the_same_person():
    zaak = _voorbeeld("beslissing-op-bezwaar")
    for naam in ("mr. A. (Anna) Jansen", "Anna Jansen", "A JANSEN", "A. Jansen, LLM"):
        assert "ondertekenaar_niet_van_bestreden_besluit" in bevindingen(
            "beslissing-op-bezwaar", _zet(zaak, "bestreden_besluit.ondertekenaar", naam)), naam
    # another signer in the zaak overrides the profile, and then the same contested signer is fine
    anders = _zet(_zet(zaak, "bestreden_besluit.ondertekenaar", "A. Jansen"), "ondertekenaar", "mr. P. de Groot")
    assert bevindingen("beslissing-op-bezwaar", anders) == {}


@pytest.mark.parametrize("een, ander, zelfde", [
    ("A. Jansen", "mr. A. (Anna) Jansen", True),
    ("drs. J.H. de Vries", "Jan Hendrik de Vries", True),
    ("de heer P. Jansen", "P. Jansen", True),
    ("A. Jansen", "B. Jansen", False),
    ("J. de Vries", "J. Vries", False),
    ("A. Jansen", "A. Janssen", False),
])
def test_names_compare_as_a_jurist_would(een, ander, zelfde):
    assert zelfde_persoon(een, ander) is zelfde
    assert zelfde_persoon(ander, een) is zelfde


# ---------------------------------------------------------------------------------- worked dates across holidays

def test_bezwaartermijn_ending_at_christmas_and_the_postal_week():
    """Besluit of Friday 13 November 2026: six weeks end on Friday 25 December (eerste Kerstdag), extended past
    26 December (tweede Kerstdag) and Sunday 27 December to Monday 28 December (art. 1 Atw). A posted bezwaarschrift
    may then arrive until Monday 4 January 2027 (art. 6:9, tweede lid, Awb)."""
    zaak = _zet(_voorbeeld("beslissing-op-bezwaar"), "bestreden_besluit.datum", "2026-11-13")
    zaak.update(hoorzitting_datum="2027-01-20", advies_datum="2027-02-01")
    dag = D("2027-02-08")
    assert bevindingen("beslissing-op-bezwaar", dict(zaak, bezwaar_datum="2026-12-28"), dag) == {}
    assert "te_laat_bezwaar_niet_inhoudelijk" in bevindingen("beslissing-op-bezwaar", dict(zaak, bezwaar_datum="2026-12-29"), dag)
    per_post = dict(zaak, bezwaar_poststempel="2026-12-28")
    assert bevindingen("beslissing-op-bezwaar", dict(per_post, bezwaar_datum="2027-01-04"), dag) == {}
    assert "te_laat_bezwaar_niet_inhoudelijk" in bevindingen("beslissing-op-bezwaar", dict(per_post, bezwaar_datum="2027-01-05"), dag)
    assert "te_laat_bezwaar_niet_inhoudelijk" in bevindingen(
        "beslissing-op-bezwaar", dict(zaak, bezwaar_poststempel="2026-12-29", bezwaar_datum="2026-12-30"), dag)
    verschoonbaar = dict(zaak, bezwaar_datum="2026-12-29", termijnoverschrijding_verschoonbaar="U lag in het ziekenhuis.")
    assert bevindingen("beslissing-op-bezwaar", verschoonbaar, dag) == {}


def test_four_weeks_after_the_aanvulling_across_easter():
    """Aanvulling on Friday 26 February 2027: four weeks end on Friday 26 March, Goede Vrijdag; Saturday, Easter
    Sunday and Easter Monday (29 March) follow, so the besluit may be made known until Tuesday 30 March 2027."""
    zaak = dict(_voorbeeld("buiten-behandeling"), ontvangstdatum="2027-02-01", verzoek_datum="2027-02-05",
                aanvultermijn_einde="2027-03-05", aanvulling_datum="2027-02-26")
    assert bevindingen("buiten-behandeling", zaak, D("2027-03-30")) == {}
    assert "binnen_vier_weken_na_aanvulling" in bevindingen("buiten-behandeling", zaak, D("2027-03-31"))
    zonder = dict(zaak, aanvulling="geen", aanvultermijn_einde="2027-02-26")
    assert bevindingen("buiten-behandeling", zonder, D("2027-03-30")) == {}
    assert "binnen_vier_weken_na_termijn" in bevindingen("buiten-behandeling", zonder, D("2027-03-31"))


def test_verdaging_on_the_day_after_pentecost():
    """Aanvraag received Monday 22 March 2027: eight weeks end on Monday 17 May, tweede Pinksterdag, so the
    beslistermijn runs until Tuesday 18 May 2027; a verdaging dated 19 May comes too late."""
    zaak = dict(_voorbeeld("verdaging-beslistermijn"), ontvangstdatum="2027-03-22")
    assert bevindingen("verdaging-beslistermijn", zaak, D("2027-05-18")) == {}
    assert bevindingen("verdaging-beslistermijn", zaak, D("2027-05-19")) == {"verdaging_binnen_beslistermijn": "fout"}
    assert bevindingen("verdaging-beslistermijn", dict(zaak, opgeschort="ja"), D("2027-05-19")) == {}


def test_beslistermijn_ending_on_a_saturday():
    """Aanvraag received Saturday 10 October 2026: eight weeks end on Saturday 5 December, extended to Monday 7 December."""
    zaak = dict(_voorbeeld("omgevingsvergunning-verleend"), ontvangstdatum="2026-10-10")
    assert bevindingen("omgevingsvergunning-verleend", zaak, D("2026-12-07")) == {}
    assert bevindingen("omgevingsvergunning-verleend", zaak, D("2026-12-08")) == {"binnen_beslistermijn": "waarschuwing"}
    verlengd = dict(zaak, verdaagd_tot="2027-01-18")
    assert bevindingen("omgevingsvergunning-verleend", verlengd, D("2027-01-18")) == {}
    assert bevindingen("omgevingsvergunning-verleend", verlengd, D("2027-01-19")) == {"binnen_verlengde_beslistermijn": "waarschuwing"}


def _invordering_vanaf(begunstiging_einde: str) -> dict:
    """The example invordering, moved so that the begunstigingstermijn ends on the given day; the controles keep
    their weekly rhythm after it."""
    zaak = _voorbeeld("invordering-dwangsom")
    einde = D(begunstiging_einde)
    for nummer, controle in enumerate(zaak["controles"]):
        controle["datum"] = (einde + dt.timedelta(days=1 + 7 * nummer)).isoformat()
    return dict(zaak, begunstiging_einde=begunstiging_einde, eerste_verbeurd=(einde + dt.timedelta(days=1)).isoformat())


def test_verjaring_ending_on_a_saturday_is_not_extended():
    """First dwangsom forfeited on Friday 31 July 2026: the claim is barred after Saturday 31 July 2027. The
    Algemene termijnenwet does not apply to terms in years (art. 4, onder a, Atw), so Monday 2 August is too late."""
    zaak = _invordering_vanaf("2026-07-30")
    assert bevindingen("invordering-dwangsom", zaak, D("2027-07-31")) == {}
    assert bevindingen("invordering-dwangsom", zaak, D("2027-08-02")) == {"niet_verjaard": "fout"}
    assert bevindingen("invordering-dwangsom", dict(zaak, rechtsmiddel_last="aanhangig"), D("2027-08-02")) == {}
    beslist = dict(zaak, rechtsmiddel_last="onherroepelijk beslist", rechtsmiddel_last_onherroepelijk="2027-09-01")
    assert bevindingen("invordering-dwangsom", beslist, D("2027-09-01")) == {}
    assert bevindingen("invordering-dwangsom", beslist, D("2027-09-02")) == {"niet_verjaard": "fout"}
    eerder = dict(beslist, rechtsmiddel_last_onherroepelijk="2027-03-01")      # decided before the verjaring day
    assert bevindingen("invordering-dwangsom", eerder, D("2027-08-02")) == {"niet_verjaard": "fout"}


@pytest.mark.parametrize("per, bedrag", [("week", "2000"), ("dag", "2000"), ("overtreding", "2000")])
def test_the_forfeited_amount_follows_the_controles(per, bedrag):
    """Four controles found the last not carried out: four weeks, four days or four overtredingen of € 500."""
    zaak = dict(_voorbeeld("invordering-dwangsom"), dwangsom_per=per, verbeurd_bedrag=bedrag)
    assert "bedrag_volgens_controles" not in bevindingen("invordering-dwangsom", zaak)
    # two controles in the same week count once for a dwangsom per week, twice for one per overtreding
    zaak["controles"][1]["datum"] = "2026-08-06"
    gevonden = bevindingen("invordering-dwangsom", zaak)
    assert ("bedrag_volgens_controles" in gevonden) is (per == "week")
    # the maximum caps what the controles show
    assert "bedrag_volgens_controles" not in bevindingen(
        "invordering-dwangsom", dict(_voorbeeld("invordering-dwangsom"), dwangsom_per=per, dwangsom_maximum="1500",
                                     verbeurd_bedrag="1500"))


# ------------------------------------------------------------------------------------------------- the rule files

WETTEN = {"Awb": ("awb-artikelteksten-2024.md", "awb-aanvulling.md"), "Omgevingswet": ("omgevingswet.md",)}


def _artikelen_in_de_wet(wet: str) -> set[str]:
    tekst = "".join((REPO / "data" / "wetten" / naam).read_text(encoding="utf-8") for naam in WETTEN[wet])
    return set(re.findall(r"^### Artikel\s+(\S+)\s*$", tekst, re.MULTILINE))


def test_every_cited_article_is_in_the_law_texts():
    geciteerd = 0
    for besluittype in besluittypen():
        for regel in procedureregels(besluittype):
            for deel in regel["artikel"].split(";"):
                wet = "Omgevingswet" if "Omgevingswet" in deel else "Awb" if "Awb" in deel else None
                assert wet, f"{besluittype}/{regel['regel']}: welke wet? {deel}"
                nummers = re.findall(r"\d+[:.]\d+[a-z]?", deel)
                assert nummers, deel
                for nummer in nummers:
                    assert nummer in _artikelen_in_de_wet(wet), f"{besluittype}/{regel['regel']}: artikel {nummer} {wet}"
                    geciteerd += 1
    assert geciteerd > 40


def test_every_field_a_rule_reads_is_declared_by_its_templates():
    for sjabloon in catalogus():
        velden = sjabloon.velden
        for regel in procedureregels(sjabloon.besluittype):
            for veld in regel["velden"]:
                spec = {"velden": velden}
                for deel in veld.split("."):
                    spec = (spec.get("velden") or {}).get(deel)
                    assert spec is not None, f"{sjabloon.id}: regel {regel['regel']} leest {veld}"


def test_a_badly_written_rule_names_the_file_and_the_rule(content_kopie):
    pad = content_kopie / "awb" / "procedure" / "verdaging.yaml"
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    data["regels"][0]["eis"] = {"datum": "dagtekening", "ongeveer": "ontvangstdatum"}
    data["regels"][1]["velden"] = []
    pad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    uit = sjabloon_cli("genereer", "verdaging-beslistermijn", "--concept", "--zaak",
                       REPO / "templates/verdaging-beslistermijn/voorbeeld.yaml", "--uit", content_kopie.parent / "uit")
    assert uit.returncode == 2 and not (content_kopie.parent / "uit").exists()
    assert "content/awb/procedure/verdaging.yaml: regel verdaging_binnen_beslistermijn: eis: onbekende toets" in uit.stderr
    assert "regel verdaging_na_ontvangst: velden ontbreekt" in uit.stderr
    lint = sjabloon_cli("lint", "verdaging-beslistermijn")
    assert lint.returncode == 1 and "verdaging.yaml: regel verdaging_binnen_beslistermijn" in lint.stdout


def test_a_rule_must_name_every_field_it_reads():
    with pytest.raises(RegelFout, match="leest ontvangstdatum; zet die velden ook in 'velden'"):
        controleer_regel({"regel": "x", "artikel": "artikel 4:5 Awb", "ernst": "fout", "velden": ["aanvulling"],
                           "omschrijving": "o", "bericht": "b", "suggestie": "s",
                           "eis": {"datum": "dagtekening", "na": "ontvangstdatum"}})


# ------------------------------------------------------------------------------------- where the zaak is checked

def _zaakbestand(tmp_path, sjabloon_id: str, **wijzigingen):
    zaak = _voorbeeld(sjabloon_id)
    for veld, waarde in wijzigingen.items():
        zaak = _zet(zaak, veld, waarde)
    pad = tmp_path / "zaak.yaml"
    pad.write_text(yaml.safe_dump(zaak, allow_unicode=True), encoding="utf-8")
    return pad


def test_genereer_refuses_a_broken_procedure_and_writes_nothing(tmp_path):
    zaak = _zaakbestand(tmp_path, "beslissing-op-bezwaar", hoorzitting_datum="2026-07-01")
    uit = sjabloon_cli("genereer", "beslissing-op-bezwaar", "--zaak", zaak, "--uit", tmp_path / "uit", "--concept",
                       "--datum", "2026-10-19")
    assert uit.returncode == 1, uit.stderr
    assert "fout: zaak.yaml: hoorzitting_datum (1 juli 2026) ligt vóór bezwaar_datum (20 juli 2026)" in uit.stderr
    assert "artikel 7:2, eerste lid, Awb; regel hoorzitting_na_bezwaarschrift" in uit.stderr
    assert "Er is niets geschreven" in uit.stderr and not (tmp_path / "uit").exists()


def test_forceer_with_a_reason_writes_and_records_the_findings(tmp_path, eigen_register):
    zaak = _zaakbestand(tmp_path, "beslissing-op-bezwaar", **{"bestreden_besluit.ondertekenaar": "A. Jansen"})
    uit = sjabloon_cli("genereer", "beslissing-op-bezwaar", "--zaak", zaak, "--uit", tmp_path / "uit", "--concept",
                       "--datum", "2026-10-19", "--forceer", "--reden", "Het bestuursorgaan beslist zelf.")
    assert uit.returncode == 0, uit.stderr
    assert "ondertekenaar_niet_van_bestreden_besluit" in uit.stderr
    with sqlite3.connect(eigen_register.removeprefix("sqlite:///")) as db:
        gegevens = json.loads(db.execute("select gegevens from registerregels where soort = 'document'").fetchone()[0])
    assert gegevens["forceer_reden"] == "Het bestuursorgaan beslist zelf."
    assert "procedure:ondertekenaar_niet_van_bestreden_besluit" in gegevens["fouten"]
    assert gegevens["procedure"][0]["artikel"] == "artikel 10:3, derde lid, Awb"


def test_a_warning_does_not_stop_the_document(tmp_path):
    uit = sjabloon_cli("genereer", "omgevingsvergunning-verleend", "--zaak",
                       REPO / "templates/omgevingsvergunning-verleend/voorbeeld.yaml", "--uit", tmp_path, "--concept",
                       "--datum", "2026-12-01")
    assert uit.returncode == 0, uit.stderr
    assert "waarschuwing: voorbeeld.yaml: dagtekening (1 december 2026) ligt na beslistermijn_einde (30 november 2026)" in uit.stderr


def test_checklist_lists_the_procedure_rules():
    uit = sjabloon_cli("checklist", "beslissing_op_bezwaar")
    assert uit.returncode == 0
    for regel in procedureregels("beslissing_op_bezwaar"):
        assert regel["omschrijving"].split()[0] in uit.stdout
    assert "De hoorzitting was na de ontvangst van het bezwaarschrift (artikel 7:2, eerste lid, Awb)." in uit.stdout


def test_lint_fails_a_template_whose_example_breaks_the_procedure(sjablonen_kopie):
    voorbeeld = sjablonen_kopie / "verdaging-beslistermijn" / "voorbeeld.yaml"
    voorbeeld.write_text(voorbeeld.read_text(encoding="utf-8") + "eerder_verdaagd: ja\n", encoding="utf-8")
    uit = sjabloon_cli("lint", "verdaging-beslistermijn")
    assert uit.returncode == 1
    assert "fout: voorbeeld.yaml: eerder_verdaagd is 'ja' (artikel 16.64, tweede lid, Omgevingswet; regel eenmaal_verdagen)" \
        in uit.stdout


def test_bulk_fails_the_row_that_breaks_a_rule(tmp_path):
    goed = _voorbeeld("verdaging-beslistermijn")
    rijen = [goed, dict(goed, zaaknummer="Z-2026-009999", eerder_verdaagd="ja")]
    data = tmp_path / "rijen.jsonl"
    data.write_text("\n".join(json.dumps(r) for r in rijen) + "\n", encoding="utf-8")
    uit = sjabloon_cli("bulk", "verdaging-beslistermijn", "--data", data, "--uit", tmp_path / "uit", "--concept",
                       "--datum", "2026-11-16", "--sleutel", "zaaknummer")
    assert uit.returncode == 1, uit.stderr
    assert "1 brief gemaakt" in uit.stdout
    fouten = (tmp_path / "uit" / "fouten.csv").read_text(encoding="utf-8-sig")
    assert "Z-2026-009999" in fouten and "eerder_verdaagd" in fouten and "artikel 16.64, tweede lid, Omgevingswet" in fouten
    assert fouten.splitlines()[1].split(";")[0] == "2"          # the row number


def test_the_api_gives_the_procedure_findings():
    from fastapi.testclient import TestClient

    from web.app import maak_app
    zaak = _voorbeeld("buiten-behandeling")
    from aanmelden import meld_aan
    with TestClient(maak_app()) as klant:
        meld_aan(klant, rollen=["zaakbehandelaar"])
        goed = klant.post("/api/genereer", json={"sjabloon": "buiten-behandeling", "zaak": zaak, "concept": True,
                                                  "dagtekening": "2026-11-20"})
        assert goed.status_code == 200 and goed.json()["procedure"] == []
        fout = klant.post("/api/genereer", json={"sjabloon": "buiten-behandeling", "zaak": dict(zaak, aanvulling="volledig"),
                                                  "concept": True, "dagtekening": "2026-11-20"})
        assert fout.status_code == 409
        detail = fout.json()["detail"]
        assert detail["fouten"] == ["procedure:niet_bij_volledige_aanvulling"]
        assert detail["procedure"][0]["artikel"] == "artikel 4:5, eerste lid, Awb"
