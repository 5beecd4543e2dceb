"""The B1 check as the KCC uses it: files and folders, JSON, JSON Lines, HTML report, DOCX with Word comments."""

import io
import re
import json
import zipfile

from docx import Document

from conftest import REPO, sjabloon_cli

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
