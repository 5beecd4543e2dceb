"""The B1 check as the KCC uses it: files and folders, JSON, JSON Lines, HTML report, DOCX with Word comments."""

import io
import re
import json
import subprocess
import zipfile

from docx import Document

from conftest import REPO, SJABLOON, sjabloon_cli

MAKKELIJK = ("Wij hebben uw aanvraag ontvangen. Wij kijken of alles klopt. U hoort binnen twee weken van ons. "
             "Hebt u vragen? Bel ons dan gerust.")
MOEILIJK = ("Teneinde de legalisatie van het door u zonder de daartoe vereiste vergunning opgerichte bouwwerk te "
            "effectueren, dient u alsnog middels het daartoe bestemde formulier een aanvraag in te dienen, waarna de "
            "beoordeling van de aanvraag conform de ter zake geldende regelgeving zal plaatsvinden. Indien de "
            "aanvraag niet tijdig wordt ontvangen, zal het college overgaan tot het nemen van handhavingsmaatregelen.")


def test_json_per_document_and_exit_codes(tmp_path):
    (tmp_path / "goed.txt").write_text(MAKKELIJK)
    (tmp_path / "slecht.txt").write_text(MOEILIJK)
    uit = sjabloon_cli("b1", tmp_path / "goed.txt", "--json")
    assert uit.returncode == 0, uit.stdout
    [rapport] = json.loads(uit.stdout)
    assert set(rapport) >= {"bestand", "b1", "niveau", "score", "maten", "zinnen", "bevindingen"}
    assert rapport["b1"] is True and rapport["niveau"] in ("A1", "A2", "B1") and 0 <= rapport["score"] <= 100
    assert set(rapport["zinnen"][0]) >= {"tekst", "score", "problemen"}
    uit = sjabloon_cli("b1", tmp_path / "slecht.txt", "--json")
    assert uit.returncode == 1
    [rapport] = json.loads(uit.stdout)
    assert rapport["b1"] is False and rapport["score"] < 50
    regels = {p["regel"] for p in rapport["bevindingen"]}
    assert {"zin_te_lang", "ambtelijk_woord", "naamwoordstijl"} <= regels
    assert sjabloon_cli("b1", tmp_path / "bestaat-niet.docx").returncode == 2


def test_folder_gives_a_summary_and_html_report(tmp_path):
    map_ = tmp_path / "brieven"
    map_.mkdir()
    for nummer in range(3):
        (map_ / f"brief{nummer}.txt").write_text(MAKKELIJK if nummer else MOEILIJK)
    html = tmp_path / "rapport.html"
    uit = sjabloon_cli("b1", map_, "--html", html)
    assert uit.returncode == 1
    assert "Samenvatting: 2 van de 3 brieven op B1-niveau." in uit.stdout
    pagina = html.read_text()
    assert pagina.startswith("<!DOCTYPE html>") and 'lang="nl"' in pagina
    assert "De vijf moeilijkste zinnen" in pagina and "<mark" in pagina and "Teneinde" in pagina


def test_jsonl_one_line_per_input(tmp_path):
    invoer = tmp_path / "brieven.jsonl"
    invoer.write_text(json.dumps({"id": "a", "tekst": MAKKELIJK}) + "\n" + json.dumps({"id": 7, "tekst": MOEILIJK}) + "\n")
    uit = sjabloon_cli("b1", "--jsonl", invoer)
    regels = [json.loads(r) for r in uit.stdout.splitlines()]
    assert [r["id"] for r in regels] == ["a", 7]
    assert all(set(r) == {"id", "score", "b1", "niveau"} for r in regels)
    assert regels[0]["b1"] is True and regels[1]["b1"] is False
    assert uit.returncode == 0                 # a scoring mode: the verdicts are in the lines
    invoer.write_text('{"id": 1}\n')
    fout = sjabloon_cli("b1", "--jsonl", invoer)
    assert fout.returncode == 2 and "regel 1" in fout.stderr


def test_docx_comments_on_flagged_sentences_keep_formatting(tmp_path):
    bron = tmp_path / "brief.docx"
    doc = Document()
    alinea = doc.add_paragraph()
    vet = alinea.add_run("Indien u vragen hebt, ")
    vet.bold = True
    alinea.add_run("kunt u ons bellen.")
    doc.add_paragraph("Wij sturen u de rekening. U betaalt binnen twee weken.")
    doc.save(bron)
    doel = tmp_path / "met-opmerkingen.docx"
    uit = sjabloon_cli("b1", bron, "--docx-opmerkingen", doel)
    assert uit.returncode in (0, 1), uit.stderr
    with zipfile.ZipFile(doel) as archief:
        opmerkingen = archief.read("word/comments.xml").decode()
        lichaam = archief.read("word/document.xml").decode()
    assert "ambtelijk woord" in opmerkingen and "als" in opmerkingen
    assert lichaam.count("commentRangeStart") == 1            # only the flagged sentence
    terug = Document(io.BytesIO(doel.read_bytes()))
    assert terug.paragraphs[0].runs[0].bold is True and terug.paragraphs[0].text == "Indien u vragen hebt, kunt u ons bellen."


def test_generator_refuses_a_brief_below_b1(tmp_path, sjablonen_kopie, monkeypatch):
    import shutil
    import yaml
    inhoud = tmp_path / "content"
    shutil.copytree(REPO / "content", inhoud)
    drempels = yaml.safe_load((inhoud / "b1" / "drempels.yaml").read_text())
    drempels["zin_woorden"] = 6                                # a very strict KCC: six words per sentence
    (inhoud / "b1" / "drempels.yaml").write_text(yaml.safe_dump(drempels))
    manifest = sjablonen_kopie / "buiten-behandeling" / "sjabloon.yaml"
    data = yaml.safe_load(manifest.read_text())
    data["besluittype"] = "brief"
    manifest.write_text(yaml.safe_dump(data, allow_unicode=True))
    import os
    omgeving = dict(os.environ, SJABLOON_CONTENT=str(inhoud), SJABLOON_TEMPLATES=str(sjablonen_kopie))
    zaak = REPO / "templates/buiten-behandeling/voorbeeld.yaml"
    uit = sjabloon_cli("genereer", "--concept", "buiten-behandeling", "--zaak", zaak, "--uit", tmp_path / "uit",
                       "--datum", "2026-11-20", env=omgeving)
    assert uit.returncode == 1 and "B1: nee" in uit.stderr and not (tmp_path / "uit").exists()
    # the same letter as a besluit: B1 findings are a warning, not a refusal
    uit = sjabloon_cli("genereer", "--concept", "buiten-behandeling", "--zaak", zaak, "--uit", tmp_path / "uit2", "--datum", "2026-11-20",
                       env=dict(omgeving, SJABLOON_TEMPLATES=str(REPO / "templates")))
    assert uit.returncode == 0 and "niet op B1-niveau" in uit.stderr


def test_docx_comment_lands_on_its_sentence_inside_a_content_control_after_a_table(tmp_path):
    """The reader counts paragraphs in tables and content controls; the comment still finds its sentence."""
    from docx.oxml import parse_xml

    from checks.b1.controle import controleer_b1
    from checks.b1.rapport import docx_met_opmerkingen
    from checks.document import lees_document

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    doc = Document()
    doc.add_paragraph("Wij sturen u de rekening.")
    tabel = doc.add_table(rows=1, cols=2)
    tabel.cell(0, 0).text, tabel.cell(0, 1).text = "Kenmerk", "Z-2026-12"
    body = doc.element.body
    body.insert(len(body) - 1, parse_xml(
        f'<w:sdt {w}><w:sdtContent><w:p><w:r><w:t>U betaalt binnen twee weken.</w:t></w:r></w:p>'
        '<w:p><w:r><w:t>Indien u vragen hebt, kunt u ons bellen.</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
    bron = tmp_path / "brief.docx"
    doc.save(bron)
    rapport = controleer_b1(lees_document(bron))
    terug = Document(io.BytesIO(docx_met_opmerkingen(bron.read_bytes(), rapport)))
    lichaam = terug.element.body.xml
    assert lichaam.count("commentRangeStart") == 1
    voor, na = lichaam.split("commentRangeStart")
    assert "Indien" in na and "Indien" not in voor and "vragen hebt" in na
    assert "ambtelijk woord" in terug.part._comments_part.element.xml


def test_the_text_report_writes_numbers_as_dutch_does(tmp_path):
    """'10,5 woorden per zin', not '10.5': a KCC writer reads the report, not a program."""
    (tmp_path / "brief.txt").write_text(MOEILIJK)
    uit = sjabloon_cli("b1", tmp_path / "brief.txt")
    regel = next(r for r in uit.stdout.splitlines() if "woorden per zin" in r)
    assert re.search(r"\d+,\d+ woorden per zin", regel), regel
    assert not re.search(r"\d\.\d", regel), regel


def test_a_sentence_of_thousands_of_words_scores_very_low_and_the_batch_goes_on(tmp_path):
    """One 2,000-word sentence made the score's logistic curve overflow (a traceback, and the batch gone)."""
    stuk = "Wij hebben besloten dat u de aanbouw moet weghalen omdat die zonder vergunning is gebouwd en "
    woorden = (stuk.split() * 200)[:2000]
    (tmp_path / "lang.txt").write_text(" ".join(woorden) + ".")
    (tmp_path / "goed.txt").write_text(MAKKELIJK)
    uit = sjabloon_cli("b1", "--json", tmp_path / "goed.txt", tmp_path / "lang.txt")
    assert uit.returncode == 1, uit.stderr
    goed, lang = json.loads(uit.stdout)
    assert goed["b1"] is True
    assert lang["b1"] is False and lang["score"] == 0.0 and lang["zinnen"][0]["score"] == 0.0
    assert lang["maten"]["woorden"] == 2000


def test_a_word_of_100000_letters_is_checked_in_seconds(tmp_path):
    """Splitting it into compounds took longer than ten minutes (every split point, recursively)."""
    (tmp_path / "woord.txt").write_text("a" * 100_000)
    uit = subprocess.run([*SJABLOON, "b1", "--json", str(tmp_path / "woord.txt")], capture_output=True, text=True,
                         timeout=60)
    assert uit.returncode == 2 and "Traceback" not in uit.stderr        # no running text: see the next test
    assert "woord.txt: geen lopende tekst gevonden" in uit.stderr


def test_a_letter_without_running_text_is_not_judged_b1(tmp_path):
    """An empty DOCX, a 0-byte file or only white space passed as 'B1: ja, score 100': nothing was judged."""
    Document().save(tmp_path / "leeg.docx")
    (tmp_path / "leeg.txt").write_bytes(b"")
    (tmp_path / "wit.txt").write_text("  \n\n\t \n")
    for naam in ("leeg.docx", "leeg.txt", "wit.txt"):
        uit = sjabloon_cli("b1", tmp_path / naam)
        assert uit.returncode == 2, (naam, uit.stdout)
        assert uit.stdout.strip() == f"{naam}: B1: niet te beoordelen (geen lopende tekst gevonden)"
        assert f"{tmp_path / naam}: geen lopende tekst gevonden; de brief is niet te beoordelen" in uit.stderr
    uit = sjabloon_cli("b1", "--json", tmp_path / "leeg.txt")
    [rapport] = json.loads(uit.stdout)
    assert uit.returncode == 2
    assert rapport["b1"] is False and rapport["niet_te_beoordelen"] == "geen lopende tekst gevonden"
    assert {"bestand", "niveau", "score", "maten", "zinnen", "bevindingen"} <= set(rapport)


def test_an_output_option_naming_a_folder_stops_before_any_work(tmp_path):
    (tmp_path / "brief.txt").write_text(MAKKELIJK)
    for optie in ("--html", "--samenvatting"):
        uit = sjabloon_cli("b1", optie, tmp_path, tmp_path / "brief.txt")
        assert uit.returncode == 2 and "Traceback" not in uit.stderr
        assert uit.stderr.startswith(f"fout: {optie}: {tmp_path} is een map") and uit.stdout == ""


def test_jsonl_refuses_a_text_that_is_no_string_an_empty_text_and_paths_beside_it(tmp_path):
    invoer = tmp_path / "regels.jsonl"
    invoer.write_text(json.dumps({"id": 1, "tekst": 5}) + "\n" + json.dumps({"id": 2, "tekst": ""}) + "\n"
                      + json.dumps({"id": 3, "tekst": MAKKELIJK}) + "\n")
    uit = sjabloon_cli("b1", "--jsonl", invoer)
    assert uit.returncode == 2
    assert [json.loads(r)["id"] for r in uit.stdout.splitlines()] == [3]
    assert f"{invoer}: regel 1: tekst is geen tekst" in uit.stderr
    assert f"{invoer}: regel 2: geen lopende tekst gevonden; de tekst is niet te beoordelen" in uit.stderr
    (tmp_path / "b08.txt").write_text(MAKKELIJK)
    uit = sjabloon_cli("b1", "--jsonl", invoer, tmp_path / "b08.txt")
    assert uit.returncode == 2 and uit.stdout == "" and "--jsonl en brieven gaan niet samen" in uit.stderr
