"""`sjabloon b1` over many letters: a folder or ZIP streams letter by letter with the same verdicts as one by one,
refuses a zip bomb before it writes anything, keeps --json valid next to its progress bar, and ends with the
summary a KCC team lead reads. `--jsonl` is a scoring mode: status 0 when every line was scored."""

import io
import json
import zipfile

from conftest import sjabloon_cli

GOED = ("Wij hebben uw aanvraag voor een {ding} ontvangen. Wij kijken of alles klopt. U hoort binnen twee weken van "
        "ons. Hebt u vragen? Bel {naam} dan op 14 020.")
SLECHT = ("Teneinde de legalisatie van de door u zonder de daartoe vereiste vergunning geplaatste {ding} te "
          "effectueren, dient u alsnog middels het daartoe bestemde formulier een aanvraag in te dienen, waarna de "
          "beoordeling van de aanvraag conform de ter zake geldende regelgeving zal plaatsvinden. Indien de "
          "aanvraag niet tijdig wordt ontvangen, zal het college overgaan tot het nemen van handhavingsmaatregelen. "
          "Voor vragen kunt u contact opnemen met {naam}.")
DINGEN = ["schutting", "dakkapel", "carport", "tuinhuis"]
NAMEN = ["mevrouw Jansen", "de heer El Amrani", "Sanne de Vries"]


def _brieven(aantal: int) -> dict[str, str]:
    """Letters with varied names and things; every third one is hard."""
    return {f"brief-{n:02d}.txt": (SLECHT if n % 3 == 0 else GOED).format(ding=DINGEN[n % 4], naam=NAMEN[n % 3])
            for n in range(aantal)}


def _map_en_zip(tmp_path, brieven):
    map_ = tmp_path / "brieven"
    map_.mkdir()
    archief = tmp_path / "brieven.zip"
    with zipfile.ZipFile(archief, "w", zipfile.ZIP_DEFLATED) as z:
        for naam, tekst in brieven.items():
            (map_ / naam).write_text(tekst, encoding="utf-8")
            z.writestr(f"post/{naam}", tekst)
        z.writestr("post/leesmij.csv", "geen brief")              # not a letter: skipped
    return map_, archief


def test_folder_and_zip_give_the_verdicts_of_one_by_one(tmp_path):
    from checks.b1 import analyse
    from checks.b1.controle import controleer_b1
    from checks.document import lees_document

    brieven = _brieven(9)
    map_, archief = _map_en_zip(tmp_path, brieven)
    los = {}
    for naam in brieven:
        analyse._geheugen.clear()
        rapport = controleer_b1(lees_document(map_ / naam))
        los[naam] = (rapport.b1, rapport.niveau, round(rapport.score, 1))
    for pad in (map_, archief):
        uit = sjabloon_cli("b1", pad, "--json")
        assert uit.returncode == 1, uit.stderr                        # the hard letters are not B1
        stapel = {r["bestand"].rsplit("/", 1)[1]: (r["b1"], r["niveau"], r["score"]) for r in json.loads(uit.stdout)}
        assert all(r["bestand"].startswith(f"{pad}/") for r in json.loads(uit.stdout))     # named by their path there
        assert stapel == los
    assert {b for b, _, _ in los.values()} == {True, False}


def test_zip_bomb_and_too_many_entries_stop_before_any_output(tmp_path):
    bom = tmp_path / "bom.zip"
    with zipfile.ZipFile(bom, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("brief.txt", b"a" * (200 * 1024 * 1024))          # 200 MB that packs to about 200 kB
    assert bom.stat().st_size < 1024 * 1024
    html = tmp_path / "rapport.html"
    uit = sjabloon_cli("b1", bom, "--json", "--html", html)
    assert uit.returncode == 2 and "bom.zip: brief.txt is verdacht sterk ingepakt (een zip-bom?)" in uit.stderr
    assert "(instelling verhouding)" in uit.stderr
    assert uit.stdout == "" and not html.exists() and list(tmp_path.iterdir()) == [bom]

    from checks.document.archief import Grenzen, open_zip
    from checks.document.grenzen import GrensFout
    veel = io.BytesIO()
    with zipfile.ZipFile(veel, "w") as z:
        for n in range(6):
            z.writestr(f"brief-{n}.txt", "Wij sturen u de rekening.")
    try:
        open_zip(veel.getvalue(), "veel.zip", Grenzen(bestanden=5, uitgepakt=10**6))
        raise AssertionError("zes bestanden bij een grens van vijf")
    except GrensFout as fout:
        assert str(fout) == ("veel.zip: te veel bestanden in het archief (6); de grens voor het aantal onderdelen in "
                             "het bestand is 5 (instelling bestanden)")
    assert len(open_zip(veel.getvalue(), "veel.zip", Grenzen(bestanden=6, uitgepakt=10**6)).infolist()) == 6


def test_json_stays_valid_with_the_progress_bar_and_the_summary_names_the_top_problem(tmp_path):
    brieven = _brieven(12)
    map_, _ = _map_en_zip(tmp_path, brieven)
    (map_ / "kapot.docx").write_bytes(b"geen docx")
    samenvatting = tmp_path / "samenvatting.json"
    uit = sjabloon_cli("b1", map_, "--json", "--samenvatting", samenvatting)
    assert uit.returncode == 2 and "kapot.docx" in uit.stderr              # an unreadable letter: status 2
    assert "B1-controle van 13 brieven" in uit.stderr                      # the progress bar, on stderr
    rapporten = json.loads(uit.stdout)
    assert len(rapporten) == 12
    # the most frequent problem, counted from the reports themselves: in how many letters each (rule, words) occurs
    per_soort = {}
    for r in rapporten:
        for sleutel in {(p["regel"], p["fragment"].lower()) for p in r["bevindingen"] if p["fragment"].lower() in p["zin"].lower()}:
            per_soort[sleutel] = per_soort.get(sleutel, 0) + 1
    meest = max(per_soort.values())
    overzicht = json.loads(samenvatting.read_text(encoding="utf-8"))
    eerste = overzicht["problemen"][0]
    assert per_soort[eerste["regel"], eerste["fragment"]] == eerste["brieven"] == meest
    assert eerste["fragment"] in eerste["voorbeeld"].lower()
    assert overzicht["brieven"] == 12 and overzicht["onleesbaar"] == 1
    assert overzicht["op_b1"] == sum(r["b1"] for r in rapporten)
    niet_b1 = [r for r in rapporten if not r["b1"]]
    from checks.b1.maten import drempels
    grens = drempels()["niveaus"]["B1"]
    moeilijkst = max(sum(z["score"] < grens for z in r["zinnen"]) for r in niet_b1)
    assert overzicht["eerst_naar_schrijver"][0]["moeilijke_zinnen"] == moeilijkst > 0
    assert {i["bestand"] for i in overzicht["eerst_naar_schrijver"]} == {r["bestand"] for r in niet_b1}

    tekst = sjabloon_cli("b1", map_, "--html", tmp_path / "rapport.html").stdout
    naam = eerste["fragment"]
    assert f"De meest voorkomende problemen:\n   1. " in tekst and f"'{naam}': in {meest} brieven" in tekst
    assert "Eerst naar een schrijver:\n   1. " in tekst
    pagina = (tmp_path / "rapport.html").read_text(encoding="utf-8")
    assert pagina.index("Samenvatting") < pagina.index("Overzicht") and pagina.endswith("</html>")


def test_a_large_html_report_keeps_the_letters_for_a_writer_in_full_and_a_row_for_each(tmp_path):
    from checks.b1.controle import controleer_b1
    from checks.b1.rapport import html_sectie
    from checks.b1.samenvatting import Samenvatting
    from checks.b1.verslag import VOLLEDIG_TOT, HtmlVerslag
    from checks.document import lees_tekst

    verslag, samenvatting = HtmlVerslag(VOLLEDIG_TOT + 1), Samenvatting(top=2)
    assert not verslag.volledig
    for naam, tekst in _brieven(7).items():
        rapport = controleer_b1(lees_tekst(tekst, naam))
        samenvatting.voeg_toe(rapport, lambda r=rapport: html_sectie(r))
        verslag.voeg_toe(rapport)
    uit = io.StringIO()
    verslag.schrijf(uit, samenvatting)
    pagina = uit.getvalue()
    eerst = [i.bestand for i in samenvatting.eerst_naar_schrijver()]
    assert len(eerst) == 2 and pagina.count("<section>") == 2
    assert all(f"<section><h2>{naam}</h2>" in pagina for naam in eerst)
    assert pagina.count("<tr><td>brief-") >= 7


def test_jsonl_is_a_scoring_mode(tmp_path):
    invoer = tmp_path / "zinnen.jsonl"
    regels = [{"id": n, "tekst": t} for n, t in enumerate(_brieven(6).values())]
    invoer.write_text("\n".join(json.dumps(r) for r in regels) + "\n", encoding="utf-8")
    uit = sjabloon_cli("b1", "--jsonl", invoer)
    assert uit.returncode == 0, uit.stderr                  # scored every line, B1 or not
    scores = [json.loads(r) for r in uit.stdout.splitlines()]
    assert [s["id"] for s in scores] == list(range(6)) and {s["b1"] for s in scores} == {True, False}
    with invoer.open("ab") as bestand:
        bestand.write(b'{"id": 9, "tekst": "caf\xe9"}\n{"tekst": "zonder id"}\n')
    fout = sjabloon_cli("b1", "--jsonl", invoer)
    assert fout.returncode == 2 and len(fout.stdout.splitlines()) == 6
    assert f"{invoer}: regel 7: geen tekst in UTF-8" in fout.stderr and f"{invoer}: regel 8: verwacht" in fout.stderr


def test_html_report_and_summary_name_every_unreadable_file_and_none_is_written_when_nothing_was_read(tmp_path):
    """A KCC writer reads the report, not stderr: a letter that could not be read must be in it, with why."""
    kapot = tmp_path / "kapot.docx"
    kapot.write_bytes(b"PK\x03\x04" + bytes(range(200)))
    (tmp_path / "leeg.txt").write_bytes(b"")
    goed = tmp_path / "goed.txt"
    goed.write_text(GOED.format(ding="schutting", naam=NAMEN[0]), encoding="utf-8")
    html, samenvatting = tmp_path / "r1.html", tmp_path / "s1.json"
    uit = sjabloon_cli("b1", "--html", html, "--samenvatting", samenvatting, kapot)
    assert uit.returncode == 2 and f"fout: {kapot}: " in uit.stderr
    assert not html.exists() and not samenvatting.exists()              # nothing read: no report of nothing
    uit = sjabloon_cli("b1", "--html", html, "--samenvatting", samenvatting, goed, kapot, tmp_path / "leeg.txt")
    assert uit.returncode == 2
    pagina = html.read_text(encoding="utf-8")
    assert f"<li>{kapot}: geen geldig DOCX-bestand" in pagina
    assert f"<li>{tmp_path / 'leeg.txt'}: geen lopende tekst gevonden; de brief is niet te beoordelen</li>" in pagina
    overzicht = json.loads(samenvatting.read_text(encoding="utf-8"))
    assert overzicht["brieven"] == 1 and overzicht["onleesbaar"] == 2
    assert [b["bestand"] for b in overzicht["onleesbare_bestanden"]] == [str(kapot), str(tmp_path / "leeg.txt")]
    assert overzicht["onleesbare_bestanden"][0]["reden"].startswith("geen geldig DOCX-bestand")


def test_letters_in_a_folder_or_zip_are_named_by_their_path_there(tmp_path):
    """Two letters called b08.txt in different subfolders must not both be reported as 'b08.txt'."""
    archief = tmp_path / "brieven.zip"
    with zipfile.ZipFile(archief, "w") as z:
        z.writestr("brieven/b08.txt", GOED.format(ding="schutting", naam=NAMEN[0]))
        z.writestr("brieven/sub/b08.txt", SLECHT.format(ding="carport", naam=NAMEN[1]))
    map_ = tmp_path / "map"
    (map_ / "sub").mkdir(parents=True)
    (map_ / "b08.txt").write_text(GOED.format(ding="schutting", naam=NAMEN[0]), encoding="utf-8")
    (map_ / "sub" / "b08.txt").write_text(SLECHT.format(ding="carport", naam=NAMEN[1]), encoding="utf-8")
    for pad, namen in ((archief, [f"{archief}/brieven/b08.txt", f"{archief}/brieven/sub/b08.txt"]),
                       (map_, [f"{map_}/b08.txt", f"{map_}/sub/b08.txt"])):
        uit = sjabloon_cli("b1", pad, "--json")
        assert [r["bestand"] for r in json.loads(uit.stdout)] == namen
        tekst = sjabloon_cli("b1", pad).stdout
        assert all(f"{naam}: B1: " in tekst for naam in namen)
    uit = sjabloon_cli("b1", map_ / "b08.txt", "--json")                 # a file by itself keeps its own name
    assert json.loads(uit.stdout)[0]["bestand"] == "b08.txt"


def test_summary_gives_an_example_for_a_finding_on_the_whole_letter_and_keeps_the_words_as_written(tmp_path):
    onpersoonlijk = ("Indien de aanvraag te laat is, gaat het college over tot handhaving. De gemeente beslist binnen "
                     "acht weken. Het loket is open op maandag. Bellen kan ook altijd. De kosten staan op de website.")
    map_ = tmp_path / "brieven"
    map_.mkdir()
    for nummer in range(2):
        (map_ / f"brief-{nummer}.txt").write_text(onpersoonlijk, encoding="utf-8")
    uit = sjabloon_cli("b1", map_)
    regels = uit.stdout.splitlines()
    assert not [r for r in regels if r.strip() == "bijvoorbeeld:"]
    onp = next(n for n, r in enumerate(regels) if ". onpersoonlijk: in 2 brieven" in r)
    assert regels[onp + 1].strip() == f"bijvoorbeeld in {map_}/brief-0.txt"
    assert any("ambtelijk woord 'Indien': in 2 brieven" in r for r in regels), uit.stdout
