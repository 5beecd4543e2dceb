"""Case data rules (content/zaakgegevens.yaml, generator/vullen/zaakregels.py): every value is refused with exit 2
naming its field and the character, or appears in the letter exactly. Property tests (hypothesis) over more than
10,000 generated values, rendered through the real generator in-process; a sample through the command line, the
web form and the API."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import unicodedata

import pytest
from aanmelden import meld_aan
from conftest import sjabloon_cli
from docx import Document
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.bulk.renderer import VoorbereidSjabloon
from generator.plaatsen.instellingen import InstellingenFout
from generator.vullen.bestanden import lees_gegevens
from generator.vullen.context import activeer_gemeente, maak_context
from generator.vullen.fouten import InvoerFout, RenderFout
from generator.vullen.render import vul_docx
from generator.vullen.sjabloon import laad
from generator.vullen.velden import uit_paden, valideer
from generator.vullen.zaak import laad_zaak
from web.app import maak_app
from web.veiligheid import CSRF_COOKIE

SJABLOON = "omgevingsvergunning-verleend"      # voorschriften: one line each; beoordeling[n].oordeel: a tekstvak
DAG = dt.date(2026, 11, 23)
TEKST, TEKSTVAK = 300, 600                     # small limits from the settings file, so both sides get generated
VOOR_VOORSCHRIFTEN = "U moet zich aan deze voorschriften houden:"
VOOR_BEOORDELING = "Wij hebben uw aanvraag op de volgende punten beoordeeld:"
PER_BRIEF = 20


# ---- what the rules promise, written from Unicode's own categories (not from content/zaakgegevens.yaml) ----

def verwacht(waarde: str, tekstvak: bool) -> str | None:
    """The text the letter must show, or None when the value must be refused."""
    grens = TEKSTVAK if tekstvak else TEKST
    if len(waarde) > grens:
        return None
    if any((unicodedata.category(t) in ("Cc", "Cs") and t not in "\t\n\r") or t in "\ufffe\uffff" for t in waarde):
        return None
    tekst = re.sub("\r\n?", "\n", waarde).strip()
    if not tekst or (not tekstvak and re.search("[\t\n]", tekst)):
        return None
    return tekst


BIJZONDER = st.sampled_from(
    list("&<>\"';{}%#") + ["&amp;", "&lt;", "<w:t>", "]]>", "{{ x }}", "{%p if %}"]   # XML and template metacharacters
    + [chr(c) for c in range(0x20)] + [chr(c) for c in range(0x7F, 0xA0)]              # every C0 and C1 control, DEL
    + ["\r\n", "\ufffe", "\uffff", "\ud800", "\udfff", "\ufeff", "\u00a0", "\u2028", "\u2029", "\u3000"]
    + ["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2069"]  # RTL
    + ["\u0301", "e\u0301", "\u0308", "o\u0308\u0304", "\u200d", "\u200b"]               # combining, joiners
    + ["😀", "👩‍⚖️", "🇳🇱", "𝔄", "\U0010fffd", "ĳ", "ß", "ﬁ"])            # emoji, astral, ligatures
ALLES = st.characters(codec=None, exclude_categories=())                                   # surrogates included
WOORD = st.text(st.characters(categories=("Lu", "Ll", "Mn")), min_size=200, max_size=700)  # very long words
WAARDE = st.one_of(
    st.lists(st.one_of(BIJZONDER, ALLES), max_size=30).map("".join),
    st.lists(BIJZONDER, max_size=6).map("".join),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), min_size=1, max_size=40),
    WOORD,
)


@pytest.fixture(scope="module")
def basis():
    sjabloon = laad(SJABLOON)
    return sjabloon, lees_gegevens(sjabloon.voorbeeld)


@pytest.fixture
def kleine_grenzen(tmp_path, monkeypatch):
    instellingen = tmp_path / "instellingen.toml"
    instellingen.write_text(f"[zaakgegevens]\ntekst = {TEKST}\ntekstvak = {TEKSTVAK}\n", encoding="utf-8")
    monkeypatch.setenv("SJABLOON_INSTELLINGEN", str(instellingen))


def _zaak(voorbeeld: dict, eenregelig: list[str], tekstvak: list[str]) -> dict:
    """The example case with these voorschriften and oordelen (beoordeling is required: the example's stays when
    there is no oordeel to test)."""
    beoordeling = [{"onderwerp": f"Punt {n}", "oordeel": w} for n, w in enumerate(tekstvak, start=1)]
    return dict(voorbeeld, voorschriften=list(eenregelig), beoordeling=beoordeling or voorbeeld["beoordeling"])


def _na(alineas: list[str], kop: str, aantal: int) -> list[str]:
    plek = alineas.index(kop)
    return alineas[plek + 1:plek + 1 + aantal]


def _keur_en_vul(basis, waarden: list[tuple[str, bool]], vul) -> int:
    """Each (value, tekstvak) as a voorschrift or an oordeel of one letter; returns how many values were checked."""
    GETEST["geweigerd"] += sum(1 for w, vak in waarden if verwacht(w, vak) is None)
    sjabloon, voorbeeld = basis
    eenregelig = [w for w, vak in waarden if not vak]
    vakken = [w for w, vak in waarden if vak]
    _, problemen = valideer(sjabloon.velden, _zaak(voorbeeld, eenregelig, vakken))
    paden = [(f"voorschriften[{n}]", w, False) for n, w in enumerate(eenregelig, start=1)]
    paden += [(f"beoordeling[{n}].oordeel", w, True) for n, w in enumerate(vakken, start=1)]
    goed_een, goed_vak = [], []
    for pad, waarde, vak in paden:
        meldingen = [p for p in problemen if p.startswith(f"{pad}: ")]
        tekst = verwacht(waarde, vak)
        if tekst is None:
            assert meldingen, f"{pad} = {waarde!r} had geweigerd moeten worden"
            tekens = {f"U+{ord(t):04X}" for t in waarde}
            genoemd = re.findall(r"U\+[0-9A-F]{4,6}", meldingen[0])
            assert not genoemd or genoemd[0] in tekens, meldingen     # the character named is one of the value's
        else:
            assert not meldingen, f"{pad} = {waarde!r}: {meldingen}"
            (goed_vak if vak else goed_een).append((waarde, tekst))
    assert len(problemen) == sum(1 for pad, w, vak in paden if verwacht(w, vak) is None)   # nothing else refused
    zaak, problemen = valideer(sjabloon.velden, _zaak(voorbeeld, [w for w, _ in goed_een], [w for w, _ in goed_vak]))
    assert problemen == []
    alineas = [a.text for a in Document(io.BytesIO(vul(zaak))).paragraphs]
    GETEST["in de brief"] += len(goed_een) + len(goed_vak)
    if goed_een:
        assert _na(alineas, VOOR_VOORSCHRIFTEN, len(goed_een)) == [t for _, t in goed_een]
    if goed_vak:
        assert _na(alineas, VOOR_BEOORDELING, len(goed_vak)) == [f"Punt {n}: {t}" for n, (_, t) in
                                                                enumerate(goed_vak, start=1)]
    return len(paden)


GETEST = {"bulk": 0, "enkel": 0, "geweigerd": 0, "in de brief": 0}


@settings(max_examples=520, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                                   HealthCheck.too_slow])
@given(waarden=st.lists(st.tuples(WAARDE, st.booleans()), min_size=PER_BRIEF, max_size=PER_BRIEF))
def test_elke_waarde_geweigerd_of_precies_in_de_brief_bulk(basis, kleine_grenzen, waarden):
    """The bulk renderer (the one prepared template, filled per letter): 520 letters of 20 values."""
    sjabloon, _ = basis
    gemeente = activeer_gemeente(None)
    renderer = _renderer(sjabloon, gemeente)
    GETEST["bulk"] += _keur_en_vul(basis, waarden, lambda zaak: renderer.vul(
        maak_context(sjabloon, zaak, DAG, gemeente)[0]))


@settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                                  HealthCheck.too_slow])
@given(waarden=st.lists(st.tuples(WAARDE, st.booleans()), min_size=PER_BRIEF, max_size=PER_BRIEF))
def test_elke_waarde_geweigerd_of_precies_in_de_brief_enkel(basis, kleine_grenzen, waarden):
    """The single-document path (render.vul_docx, as `sjabloon genereer` and the web app use it)."""
    sjabloon, _ = basis
    gemeente = activeer_gemeente(None)
    GETEST["enkel"] += _keur_en_vul(basis, waarden, lambda zaak: vul_docx(
        sjabloon.docx, maak_context(sjabloon, zaak, DAG, gemeente)[0], sjabloon.id))


def test_de_eigenschapstests_keurden_meer_dan_10000_waarden():
    """Runs after the two above (pytest keeps the file's order): they checked what they claim, with many values on
    each side (refused, and found in the letter)."""
    if 0 in (GETEST["bulk"], GETEST["enkel"]):
        pytest.skip("alleen samen met de eigenschapstests hierboven")
    assert GETEST["bulk"] + GETEST["enkel"] >= 10_000, GETEST
    assert min(GETEST["geweigerd"], GETEST["in de brief"]) >= 2_000, GETEST


_RENDERERS: dict = {}


def _renderer(sjabloon, gemeente) -> VoorbereidSjabloon:
    """One prepared template for all generated letters."""
    if "r" not in _RENDERERS:
        _RENDERERS["r"] = VoorbereidSjabloon(sjabloon.docx, sjabloon.id, gemeente)
    return _RENDERERS["r"]


# ---- the reported cases, and the rules one by one ----

def _meldingen(basis, **velden) -> list[str]:
    sjabloon, voorbeeld = basis
    return valideer(sjabloon.velden, dict(voorbeeld, **velden))[1]


def test_een_pagina_einde_wordt_geweigerd_met_veld_en_teken(basis):
    assert _meldingen(basis, project="de dakkapel\fop het dak") == [
        "project: bevat het teken U+000C (pagina-einde (FF); wordt in Word een nieuwe pagina) op positie 12; dat "
        "teken kan niet in een brief: haal het weg of vervang het"]


def test_alleen_een_stuurteken_is_geen_lege_waarde(basis):
    """str.strip() takes U+000C for a space: the value is refused by name, not left out as empty."""
    assert _meldingen(basis, kadastraal="\f")[0].startswith("kadastraal: bevat het teken U+000C")
    assert uit_paden({"kadastraal": "\x0b", "zaaknummer": " "}) == {"kadastraal": "\x0b"}


def test_de_gemelde_mix_laat_geen_tekens_weg_uit_een_ander_veld(basis):
    """The report: control characters in one field dropped & < > from another. Now the first field is refused, and
    without it the other field's text is in the letter exactly."""
    sjabloon, voorbeeld = basis
    feiten = "Tekening A & B: hoogte < 3 m en > 2 m; \"zo\" en 'zo' &amp; <w:t>"
    meldingen = _meldingen(basis, project="het bouwen\x01\x02\x1b[31m\x7f\x85 van", feiten=feiten)
    assert meldingen == ["project: bevat het teken U+0001 (begin kop (SOH)) op positie 11; dat teken kan niet in een "
                         "brief: haal het weg of vervang het"]
    zaak, _ = valideer(sjabloon.velden, dict(voorbeeld, feiten=feiten))
    gemeente = activeer_gemeente(None)
    docx = vul_docx(sjabloon.docx, maak_context(sjabloon, zaak, DAG, gemeente)[0], sjabloon.id)
    assert any(a.text.endswith(" " + feiten) for a in Document(io.BytesIO(docx)).paragraphs)


def test_een_stuurteken_van_buiten_de_zaak_stopt_het_vullen(basis):
    """Values that do not come through the case validation (the gemeenteprofiel) are guarded while filling: never a
    page break, never a silently repaired XML part."""
    sjabloon, voorbeeld = basis
    gemeente = activeer_gemeente(None)
    context = maak_context(sjabloon, valideer(sjabloon.velden, voorbeeld)[0], DAG, gemeente)[0]
    context["project"] = "het bouwen\f van A & B"          # as if it had not come through the validation
    for vul in (lambda: vul_docx(sjabloon.docx, context, sjabloon.id),
                lambda: VoorbereidSjabloon(sjabloon.docx, sjabloon.id, gemeente).vul(context)):
        with pytest.raises(RenderFout, match=r"U\+000C \(pagina-einde"):
            vul()


@pytest.mark.parametrize("bestand, tekst", [("zaak.yaml", "zaaknummer: " + "1" * 5000),
                                            ("zaak.json", '{"zaaknummer": ' + "1" * 5000 + "}")])
def test_een_getal_van_5000_cijfers_is_een_invoerfout(tmp_path, bestand, tekst):
    """Python's int() refuses it with a ValueError: that was a traceback, now a message naming the file."""
    (tmp_path / bestand).write_text(tekst, encoding="utf-8")
    with pytest.raises(InvoerFout, match=r"zaak\.(yaml|json): een getal heeft meer dan 4300 cijfers"):
        lees_gegevens(tmp_path / bestand)


def test_regeleinden_en_tabs_alleen_in_een_tekstvak(basis):
    assert _meldingen(basis, project="regel een\nregel twee") == [
        "project: bevat het teken U+000A (regeleinde); dat mag alleen in een veld met meer regels: schrijf de waarde "
        "op één regel, zonder tabs"]
    assert _meldingen(basis, zaaknummer="Z-1\t2")[0].startswith("zaaknummer: bevat het teken U+0009 (tab)")
    sjabloon, voorbeeld = basis
    zaak, problemen = valideer(sjabloon.velden, dict(voorbeeld, project="het bouwen\n",
                                                     feiten="Een.\r\nTwee.\rDrie.\tVier."))
    assert problemen == [] and zaak["project"] == "het bouwen" and zaak["feiten"] == "Een.\nTwee.\nDrie.\tVier."


def test_lengte_standaard_per_veld_en_uit_het_instellingenbestand(basis, sjablonen_kopie, tmp_path, monkeypatch):
    assert _meldingen(basis, project="x" * 10_000) == []
    assert _meldingen(basis, project="x" * 10_001) == [
        "project: de waarde is 10.001 tekens lang; dit veld mag ten hoogste 10.000 tekens hebben (max_lengte in "
        "sjabloon.yaml of [zaakgegevens] in het instellingenbestand)"]
    assert _meldingen(basis, feiten="x" * 100_000) == []                                    # a tekstvak: longer
    assert _meldingen(basis, opgeschort="j" * 10_001)[0].startswith("opgeschort: de waarde is 10.001 tekens")
    instellingen = tmp_path / "instellingen.toml"
    monkeypatch.setenv("SJABLOON_INSTELLINGEN", str(instellingen))
    instellingen.write_text("[zaakgegevens]\ntekst = 20\n", encoding="utf-8")
    assert "project: de waarde is 21 tekens lang; dit veld mag ten hoogste 20 tekens hebben (max_lengte in " \
           "sjabloon.yaml of [zaakgegevens] in het instellingenbestand)" in _meldingen(basis, project="x" * 21)
    instellingen.write_text("[zaakgegevens]\ntekst = \"veel\"\ntekens = 5\n", encoding="utf-8")
    with pytest.raises(InstellingenFout) as fout:
        _meldingen(basis, project="x")
    assert fout.value.meldingen == [
        f"{instellingen}: [zaakgegevens] tekst: verwacht een geheel getal groter dan 0, bijvoorbeeld tekst = 20000",
        f"{instellingen}: [zaakgegevens] tekens: onbekende instelling; bekend zijn: tekst, tekstvak"]
    instellingen.unlink()
    manifest = sjablonen_kopie / SJABLOON / "sjabloon.yaml"
    tekst = manifest.read_text(encoding="utf-8")
    manifest.write_text(tekst.replace("zaaknummer:   {type: tekst,", "zaaknummer:   {type: tekst, max_lengte: 12,"),
                        encoding="utf-8")
    assert valideer(laad(SJABLOON).velden, {"zaaknummer": "Z-2026-0045123"})[1][0].startswith(
        "zaaknummer: de waarde is 14 tekens lang; dit veld mag ten hoogste 12 tekens")
    manifest.write_text(tekst.replace("zaaknummer:   {type: tekst,", "zaaknummer:   {type: tekst, max_lengte: nul, "
                                      "tekstvak: ja,"), encoding="utf-8")
    with pytest.raises(InvoerFout) as fout:
        laad(SJABLOON)
    assert "velden.zaaknummer.max_lengte: verwacht een geheel getal groter dan 0" in str(fout.value)
    assert "velden.zaaknummer.tekstvak: verwacht true of false" in str(fout.value)


def test_tekstvak_in_het_manifest_wint(sjablonen_kopie):
    manifest = sjablonen_kopie / SJABLOON / "sjabloon.yaml"
    tekst = manifest.read_text(encoding="utf-8")
    manifest.write_text(tekst.replace("project:      {type: tekst,", "project:      {type: tekst, tekstvak: true,")
                        .replace("feiten:       {type: tekst,", "feiten:       {type: tekst, tekstvak: false,"),
                        encoding="utf-8")
    _, problemen = valideer(laad(SJABLOON).velden, {"project": "a\nb", "feiten": "a\nb"})
    assert not any(p.startswith("project:") for p in problemen)
    assert "feiten: bevat het teken U+000A (regeleinde); dat mag alleen in een veld met meer regels: schrijf de " \
           "waarde op één regel, zonder tabs" in problemen


# ---- the interfaces: command line, web form and API give the same message ----

@pytest.mark.parametrize("veld, waarde, melding", [
    ("project", "het bouwen\fvan", "project: bevat het teken U+000C (pagina-einde"),
    ("feiten", "A & B\x1b[2J", "feiten: bevat het teken U+001B (escape (ESC))"),
    ("project", "x" * 5_000_000, "project: de waarde is 5.000.000 tekens lang"),
])
def test_de_opdrachtregel_weigert_met_status_2_en_de_naam_van_het_veld(basis, tmp_path, veld, waarde, melding):
    _, voorbeeld = basis
    zaak = tmp_path / "zaak.json"
    zaak.write_text(json.dumps(dict(voorbeeld, **{veld: waarde}), default=str), encoding="utf-8")
    uit = tmp_path / "uit"
    resultaat = sjabloon_cli("genereer", SJABLOON, "--zaak", zaak, "--uit", uit, "--concept", "--datum", DAG)
    assert resultaat.returncode == 2, resultaat.stderr
    assert f"zaak.json: {melding}" in resultaat.stderr
    assert "Traceback" not in resultaat.stderr and not uit.exists()
    assert len(resultaat.stderr) < 2000                     # the 5 MB value is not echoed


def test_api_en_webformulier_geven_422_met_dezelfde_melding(basis):
    _, voorbeeld = basis
    melding = "project: bevat het teken U+000C (pagina-einde (FF); wordt in Word een nieuwe pagina) op positie 4"
    with TestClient(maak_app()) as client:
        meld_aan(client)
        api = client.post("/api/genereer", json={"sjabloon": SJABLOON, "concept": True, "dagtekening": str(DAG),
                                                 "zaak": json.loads(json.dumps(dict(voorbeeld, project="het\fbouwen"),
                                                                               default=str))})
        assert api.status_code == 422 and any(m.startswith(melding) for m in api.json()["detail"])
        formulier = client.post(f"/sjablonen/{SJABLOON}/maken", data={"csrf": client.cookies.get(CSRF_COOKIE),
                                                                     "project": "het\fbouwen"})
        assert formulier.status_code == 422
        assert re.search(r'id="veld-project-fout">.*?bevat het teken U\+000C \(pagina-einde', formulier.text)


def test_de_voorbeeldzaken_van_de_catalogus_blijven_geldig():
    """Every example case keeps to the rules (the rules refuse nothing a real case holds)."""
    from generator.vullen.sjabloon import catalogus
    for sjabloon in catalogus():
        laad_zaak(sjabloon.voorbeeld, sjabloon)
