"""sjabloon lint: syntax located in Word terms, variables against the manifest, and every variant checked."""

import json
import re

import pytest
import yaml
from conftest import REPO, sjabloon_cli
from docx import Document
from kapot import BRON, afgebroken_docx, alleen, kapot_sjabloon

from checks.document import lees_document
from generator.catalogus.lint import lint
from generator.catalogus.syntaxis import syntaxfouten
from generator.catalogus.zaakvarianten import varianten
from generator.vullen.velden import valideer

DATUM = "2026-11-23"


def _vervang(docx, oud: str, nieuw: str, runs: int = 1) -> None:
    """Replace text in the first paragraph holding it; with runs > 1 the new text is split over runs as Word does."""
    document = Document(str(docx))
    alinea = next(p for p in document.paragraphs if oud in p.text)
    tekst = alinea.text.replace(oud, nieuw)
    for run in alinea.runs[1:]:
        run._r.getparent().remove(run._r)
    stuk = -(-len(tekst) // runs)
    alinea.runs[0].text = tekst[:stuk]
    for i in range(1, runs):
        alinea.add_run(tekst[i * stuk:(i + 1) * stuk])
    document.save(str(docx))


def _manifest(map_, bewerk) -> None:
    pad = map_ / "sjabloon.yaml"
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    bewerk(data)
    pad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_the_catalogue_passes_the_lint():
    uit = sjabloon_cli("lint", "--json", "--datum", DATUM)
    rapporten = json.loads(uit.stdout)
    assert uit.returncode == 0, [b for r in rapporten for b in r["bevindingen"] if b["ernst"] == "fout"]
    assert len(rapporten) == 18 and all(r["varianten"] >= 2 and r["takken_bereikt"] > 0 for r in rapporten)


def test_a_tag_split_across_runs_is_read_whole_and_an_error_names_the_paragraph(sjablonen_kopie):
    docx = sjablonen_kopie / "buiten-behandeling" / "sjabloon.docx"
    _vervang(docx, "{{ aanvrager.naam }}", "{{ aanvrager.naam }}", runs=3)      # split, still correct
    assert syntaxfouten(docx) == []
    _vervang(docx, "{{ aanvrager.naam }}", "{{ aanvrager.naam }", runs=3)
    fouten = syntaxfouten(docx)
    assert len(fouten) == 1 and fouten[0][0].startswith("alinea ") and "'{{' zonder '}}'" in fouten[0][1]
    assert "aanvrager.naam" in fouten[0][0]                                        # the text around it


def test_an_unclosed_if_names_where_it_opened(sjablonen_kopie):
    docx = sjablonen_kopie / "buiten-behandeling" / "sjabloon.docx"
    _vervang(docx, "{% endif %}", "", runs=2)
    uit = sjabloon_cli("lint", "buiten-behandeling", "--datum", DATUM)
    assert uit.returncode == 1 and "wordt nergens gesloten" in uit.stdout and "[alinea " in uit.stdout


def test_undeclared_and_unused_fields(sjablonen_kopie):
    map_ = sjablonen_kopie / "buiten-behandeling"
    _vervang(map_ / "sjabloon.docx", "{{ aanvrager.naam }}", "{{ aanvrager.naam }} {{ kenmerk_aanvrager }} {{ aanvrager.telefoon }}")
    _manifest(map_, lambda m: m["velden"].update(extra={"type": "tekst", "verplicht": False, "omschrijving": "Niet gebruikt"}))
    rapport = lint("buiten-behandeling")
    meldingen = {(b.ernst, b.code, b.melding) for b in rapport.bevindingen}
    assert ("fout", "niet_gedeclareerd", "'kenmerk_aanvrager' wordt gebruikt maar staat niet in velden in het manifest") in meldingen
    assert ("fout", "niet_gedeclareerd", "'aanvrager.telefoon' wordt gebruikt maar staat niet bij 'aanvrager' in het manifest") in meldingen
    assert ("waarschuwing", "ongebruikt", "veld 'extra' staat in het manifest maar het sjabloon gebruikt het niet") in meldingen
    assert not rapport.geslaagd
    plaats = {b.melding.split("'")[1]: b.plaats for b in rapport.bevindingen if b.code == "niet_gedeclareerd"}
    assert plaats["kenmerk_aanvrager"].startswith("alinea ") and "{{ kenmerk_aanvrager }}" in plaats["kenmerk_aanvrager"]


def test_unknown_bouwsteen_and_grondslag(sjablonen_kopie):
    docx = sjablonen_kopie / "last-onder-dwangsom" / "sjabloon.docx"
    tekst = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    sleutel = tekst.split("grondslag('", 1)[1].split("'", 1)[0]
    _vervang(docx, f"grondslag('{sleutel}'", "grondslag('awb_99_99'")
    _vervang(docx, "bouwsteen('rechtsmiddelen-bezwaar'", "bouwsteen('bestaat-niet'")
    codes = {(b.code, b.melding) for b in lint("last-onder-dwangsom").bevindingen}
    assert ("grondslag", "grondslag 'awb_99_99' staat niet in content/grondslagen.yaml") in codes
    assert ("bouwsteen", "bouwsteen 'bestaat-niet' bestaat niet in content/bouwstenen/") in codes
    plaatsen = {b.code: b.plaats for b in lint("last-onder-dwangsom").bevindingen}      # where the tag stands
    alineas = lees_document(docx).alineas
    for code, tag in (("grondslag", "grondslag('awb_99_99'"), ("bouwsteen", "bouwsteen('bestaat-niet'")):
        positie = next(a.positie for a in alineas if tag in a.tekst)
        assert plaatsen[code].startswith(f'{positie}: "')


def test_an_incomplete_manifest_is_a_fout(sjablonen_kopie):
    _manifest(sjablonen_kopie / "buiten-behandeling", lambda m: m.pop("eigenaar"))
    rapport = lint("buiten-behandeling")
    assert [(b.code, b.melding.split(": ", 1)[1]) for b in rapport.bevindingen] == [("manifest", "eigenaar: verplicht veld ontbreekt")]


def test_variants_cover_every_choice_optional_field_and_list():
    velden = {"uitkomst": {"type": "keuze", "verplicht": True, "waarden": ["ja", "nee"], "omschrijving": "x"},
              "grond": {"type": "keuze", "verplicht": False, "waarden": ["a", "b"], "verplicht_bij": {"uitkomst": "nee"},
                        "omschrijving": "x"},
              "toelichting": {"type": "tekst", "verplicht": False, "omschrijving": "x"},
              "punten": {"type": "lijst", "verplicht": False, "omschrijving": "x"}}
    import datetime as dt
    lijst = varianten(velden, {"uitkomst": "ja", "punten": ["een"]}, dt.date(2026, 11, 9))
    namen = [v.naam for v in lijst]
    assert namen[0] == "voorbeeld"
    assert {"uitkomst = nee, grond = a", "uitkomst = nee, grond = b", "toelichting ingevuld", "punten leeg",
            "punten: lange lijst (12)"} <= set(namen)
    assert all(not valideer(velden, v.zaak)[1] for v in lijst)         # every variant is a valid case
    assert len(next(v for v in lijst if v.naam.startswith("punten: lange")).zaak["punten"]) == 12


def test_a_variant_that_breaks_the_letter_is_a_fout(sjablonen_kopie):
    _manifest(sjablonen_kopie / "buiten-behandeling",
              lambda m: m["velden"]["aanvulling_datum"].pop("verplicht_bij"))
    rapport = lint("buiten-behandeling")
    fout = next(b for b in rapport.bevindingen if b.ernst == "fout")
    assert fout.code == "vullen" and "opmaak" in fout.melding
    assert fout.varianten and all("aanvulling" in v for v in fout.varianten)


def test_unreached_branches_are_reported_with_their_condition(sjablonen_kopie):
    docx = sjablonen_kopie / "buiten-behandeling" / "sjabloon.docx"
    _vervang(docx, "{% if aanvulling == 'geen' %}", "{% if aanvulling == 'nooit' %}")
    rapport = lint("buiten-behandeling")
    onbereikt = [b for b in rapport.bevindingen if b.code == "tak_niet_bereikt"]
    assert any("{% if aanvulling == 'nooit' %}" in b.melding and b.plaats.startswith("alinea") for b in onbereikt)
    assert rapport.takken_bereikt < rapport.takken


def test_tekst_prints_the_template_with_its_tags():
    uit = sjabloon_cli("tekst", REPO / "templates/buiten-behandeling/sjabloon.docx")
    assert uit.returncode == 0 and "{% if aanvulling == 'geen' %}" in uit.stdout
    assert sjabloon_cli("tekst", "buiten-behandeling").stdout == uit.stdout          # the id works too
    kapot = sjabloon_cli("tekst", REPO / "README.md.docx")
    assert kapot.returncode == 2


@pytest.mark.parametrize("tekst", ["{% if x %}a{% endfor %}", "{{ a b }}"])
def test_syntax_messages_name_the_tag(tmp_path, tekst):
    document = Document()
    document.add_paragraph("Eerste alinea.")
    document.add_paragraph(tekst)
    pad = tmp_path / "t.docx"
    document.save(str(pad))
    fouten = syntaxfouten(pad)
    assert fouten and fouten[0][0].startswith("alinea 2")


def test_a_description_cut_at_a_comma_is_a_fout_that_says_to_quote_it(sjablonen_kopie, tmp_path):
    """In {...} YAML ends an unquoted description at its first comma; the rest becomes a key without a value."""
    pad = sjablonen_kopie / "buiten-behandeling" / "sjabloon.yaml"
    tekst = pad.read_text(encoding="utf-8")
    pad.write_text(tekst.replace("omschrijving: Wat er aan de aanvulling ontbrak}",
                                 "omschrijving: Wat er ontbrak, in hele zinnen}"), encoding="utf-8")
    [fout] = lint("buiten-behandeling").bevindingen
    assert fout.code == "manifest" and fout.melding.startswith(f"{pad}: velden.toelichting_aanvulling: ")
    assert fout.melding.endswith('zet de omschrijving tussen aanhalingstekens: '
                                 'omschrijving: "Wat er ontbrak, in hele zinnen"')
    uit = sjabloon_cli("genereer", "buiten-behandeling", "--zaak", REPO / "templates/buiten-behandeling/voorbeeld.yaml",
                       "--uit", tmp_path / "uit", "--concept")
    assert uit.returncode == 2 and "tussen aanhalingstekens" in uit.stderr and not (tmp_path / "uit").exists()


def test_an_unknown_or_empty_key_in_a_field_is_a_fout(sjablonen_kopie):
    def bewerk(manifest):
        manifest["velden"]["beoordeling"]["uitleg"] = "Een sleutel die niemand leest"
        manifest["velden"]["ontbrekende_gegevens"]["items"]["verplicht"] = None
    _manifest(sjablonen_kopie / "buiten-behandeling", bewerk)
    meldingen = [b.melding.split(": ", 1)[1] for b in lint("buiten-behandeling").bevindingen]
    assert any(m.startswith("velden.beoordeling: onbekende sleutel 'uitleg'") for m in meldingen)
    assert "velden.ontbrekende_gegevens.items.verplicht: heeft geen waarde" in meldingen


def test_a_cut_description_in_the_field_types_is_a_fout_of_the_templates_using_it(content_kopie):
    pad = content_kopie / "veldtypen.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace(
        "omschrijving: Woonplaats of vestigingsplaats}", "omschrijving: Woonplaats, of vestigingsplaats}"), encoding="utf-8")
    uit = sjabloon_cli("lint", "buiten-behandeling")
    assert uit.returncode == 1 and "content/veldtypen.yaml: adres.plaats: de omschrijving is bij een komma afgebroken" in uit.stdout


def test_no_maintained_yaml_has_text_cut_at_a_comma():
    """The same trap outside the manifests: a key with a space and no value is the rest of a cut text."""
    def afgebroken(data, pad=""):
        if isinstance(data, dict):
            for sleutel, waarde in data.items():
                if waarde is None and " " in str(sleutel):
                    yield f"{pad}.{sleutel}"
                yield from afgebroken(waarde, f"{pad}.{sleutel}")
        elif isinstance(data, list):
            for nummer, waarde in enumerate(data):
                yield from afgebroken(waarde, f"{pad}[{nummer}]")
    bestanden = sorted([*(REPO / "content").rglob("*.yaml"), *(REPO / "templates").rglob("*.yaml")])
    assert len(bestanden) > 40
    assert [f"{b.relative_to(REPO)}: {p}" for b in bestanden
            for p in afgebroken(yaml.safe_load(b.read_text(encoding="utf-8")))] == []


def test_an_unreadable_word_file_is_bad_input_by_name_and_one_lint_fout_over_the_catalogue(sjablonen_kopie):
    """A truncated zip, broken XML inside a valid zip, no sjabloon.docx at all: a Dutch message naming the file,
    never a traceback; over the whole catalogue the broken ones are fouten and the good one is still checked."""
    alleen(sjablonen_kopie, BRON)
    afgebroken_docx(sjablonen_kopie, "kapot-zip")
    kapot_sjabloon(sjablonen_kopie, "kapot-xml", xml='<?xml version="1.0"?><w:document xmlns:w="x"><w:body><w:p>')
    (kapot_sjabloon(sjablonen_kopie, "kapot-weg") / "sjabloon.docx").unlink()
    verwacht = {"kapot-zip": "geen geldig Word-bestand; het is beschadigd of onvolledig",
                "kapot-xml": "geen geldig Word-bestand; de XML erin is beschadigd (regel 1, kolom",
                "kapot-weg": "het Word-bestand ontbreekt"}
    for naam, melding in verwacht.items():
        uit = sjabloon_cli("lint", naam, "--datum", DATUM)
        assert uit.returncode == 2 and "Traceback" not in uit.stderr, uit.stderr
        assert f"fout: {sjablonen_kopie / naam / 'sjabloon.docx'}: {melding}" in uit.stderr
    uit = sjabloon_cli("lint", "--json", "--datum", DATUM)
    assert uit.returncode == 1 and "Traceback" not in uit.stderr, uit.stderr
    rapporten = {r["sjabloon"]: r for r in json.loads(uit.stdout)}
    assert rapporten[BRON]["geslaagd"] and rapporten[BRON]["varianten"] > 1
    for naam, melding in verwacht.items():
        [bevinding] = rapporten[naam]["bevindingen"]
        assert bevinding["code"] == "onleesbaar" and melding in bevinding["melding"]


def test_an_unknown_template_or_unreadable_manifest_is_bad_input(sjablonen_kopie):
    uit = sjabloon_cli("lint", "bestaatniet")
    assert uit.returncode == 2 and "fout: sjabloon 'bestaatniet' bestaat niet" in uit.stderr
    (kapot_sjabloon(sjablonen_kopie, "kapot-yaml") / "sjabloon.yaml").write_text("id: kapot-yaml\ntitel: [kapot\n")
    uit = sjabloon_cli("lint", "kapot-yaml")
    assert uit.returncode == 2 and re.search(r"kapot-yaml/sjabloon\.yaml: regel \d+: ongeldige YAML \(een lijst tussen "
                                             r"\[ \] is niet gesloten, teken \d+\)", uit.stderr)


def test_sjablonen_lists_the_catalogue_and_flags_a_broken_template(sjablonen_kopie):
    kapot_sjabloon(sjablonen_kopie, "kapot-endif", "{%p endfor %}", "{%p endif %}")
    afgebroken_docx(sjablonen_kopie, "kapot-zip")
    (kapot_sjabloon(sjablonen_kopie, "kapot-yaml") / "sjabloon.yaml").write_text("id: kapot-yaml\ntitel: [kapot\n")
    uit = sjabloon_cli("sjablonen")
    assert uit.returncode == 2 and "Traceback" not in uit.stderr, uit.stderr      # listed, but bad input is said
    assert BRON in uit.stdout and "factuur-leges" in uit.stdout and "kapot-endif" in uit.stdout
    assert "kapot-zip" in uit.stdout and "kapot-yaml" not in uit.stdout      # its manifest reads, its Word file not
    assert "let op: kapot-endif: fout in een sjabloontag, niet te gebruiken; zie sjabloon lint kapot-endif" in uit.stderr
    assert "fout: kapot-zip: onleesbaar, niet te gebruiken: " in uit.stderr
    assert "fout: kapot-yaml: onleesbaar, niet te gebruiken: " in uit.stderr


def test_jinja_s_errors_reach_the_user_in_dutch_with_their_place(sjablonen_kopie, tmp_path):
    alleen(sjablonen_kopie, BRON)
    kapot_sjabloon(sjablonen_kopie, "kapot-split", "{{ onderwerp }}{% if locatie %}", "{{ onderwerp }{% if locatie %}")
    kapot_sjabloon(sjablonen_kopie, "kapot-pipes", "{{ behandelaar }}", "{{ onderwerp | | }}")
    kapot_sjabloon(sjablonen_kopie, "kapot-endif", "{%p endfor %}", "{%p endif %}")
    kapot_sjabloon(sjablonen_kopie, "kapot-veld", "{{ behandelaar }}", "{{ gemeente.telefoonnummer }}")
    lint_uit = sjabloon_cli("lint", "--datum", DATUM).stdout
    assert "{{ onderwerp }{% if locatie %} bij {{ locatie }}: onverwacht teken '}' [alinea 8: " in lint_uit
    assert "{{ onderwerp | | }}: hier hoort een naam, maar er staat '|' [tabel 1, rij 4: " in lint_uit
    for engels in ("unexpected", "expected token", "dict object", "has no attribute"):
        assert engels not in lint_uit
    zaak = sjablonen_kopie / BRON / "voorbeeld.yaml"
    uit = sjabloon_cli("genereer", "kapot-endif", "--zaak", zaak, "--concept", "--uit", tmp_path / "a")
    assert uit.returncode == 2 and ("fout in een sjabloontag: {% endif %} staat hier verkeerd: eerst moet {% for %} "
                                    "gesloten worden met {% endfor %}") in uit.stderr
    uit = sjabloon_cli("genereer", "kapot-veld", "--zaak", zaak, "--concept", "--uit", tmp_path / "b")
    assert uit.returncode == 2 and "variabele 'telefoonnummer' heeft geen waarde in tabel 1, rij 4: " in uit.stderr
    assert "(veld 'telefoonnummer' ontbreekt in de gegevens)" in uit.stderr and "dict object" not in uit.stderr


def test_a_jinja_message_of_an_unknown_form_keeps_the_original_marked_as_jinja_s():
    """A later Jinja may word an error in a way not translated yet: a Dutch sentence, the original marked."""
    from jinja2 import TemplateSyntaxError

    from generator.vullen.jinja_meldingen import syntaxmelding
    melding = syntaxmelding(TemplateSyntaxError("something new went wrong", 1))
    assert melding == "de sjabloontag is niet te lezen (melding van Jinja: something new went wrong)"
