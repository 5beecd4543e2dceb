"""`sjabloon bulk`: rows in, checked letters out; bad rows listed, never fatal; resumable, each row exactly once."""

import csv
import hashlib
import io
import json
import os
import shlex
import signal
import subprocess
import sys
import time
import uuid
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from bulkdata import KOLOMMEN, pdfs_van_de_run, rijen, schrijf_csv
from conftest import REPO, SJABLOON, docx_tekst, sjabloon_cli
from documentatie import opdrachten as gedocumenteerd
from processen import kinderen, leeft, met_merk, opdrachtregel, pdf_verplicht

from generator.bulk import schijftabel
from generator.bulk.journaal import NAAM as JOURNAAL
from generator.bulk.journaal import STEMPELS
from generator.bulk.voortgang import Voortgang

HERINNERING = "herinnering-afloop-vergunning"


def _bulk(data, uit, *extra):
    return sjabloon_cli("bulk", HERINNERING, "--data", data, "--uit", uit, "--concept", "--datum", "2026-11-23", *extra)


def _csv(pad):
    with open(pad, encoding="utf-8-sig", newline="") as bestand:
        return list(csv.DictReader(bestand, delimiter=";"))


def _register():
    return json.loads(sjabloon_cli("register", "--sjabloon", HERINNERING, "--json").stdout)


def _zonder_stempel(pad):
    """A letter's parts but the register's stamp (docProps/custom.xml): what two runs of the same rows share."""
    with zipfile.ZipFile(pad) as letter:
        return {naam: letter.read(naam) for naam in letter.namelist() if naam != "docProps/custom.xml"}


def _elk_gestempeld(uit, manifest):
    """Every letter made carries the stamp of its own register entry (`register controleer --document`)."""
    brieven = [uit / r["bestand"] for r in manifest if r["status"] == "gemaakt"]
    controle = sjabloon_cli("register", "controleer", *[a for b in brieven for a in ("--document", b)])
    assert controle.returncode == 0, controle.stdout + controle.stderr
    assert f"{len(brieven)} documenten horen bij het register" in controle.stdout


def test_rows_become_checked_letters_with_a_manifest(tmp_path):
    uit = _bulk(schrijf_csv(tmp_path / "rijen.csv", 12), tmp_path / "uit")
    assert uit.returncode == 0, uit.stderr
    assert "12 brieven gemaakt" in uit.stdout
    manifest = _csv(tmp_path / "uit/manifest.csv")
    assert [r["sleutel"] for r in manifest] == [f"V-2023-{n:06d}" for n in range(1, 13)]
    eerste = next(rijen(1))
    for regel in manifest:
        pad = tmp_path / "uit" / regel["bestand"]
        assert hashlib.sha256(pad.read_bytes()).hexdigest() == regel["sha256"]
        assert regel["status"] == "gemaakt" and regel["b1"] == "ja" and regel["awb"] == "ja" and regel["b1_niveau"]
    tekst = docx_tekst(tmp_path / "uit" / manifest[0]["bestand"])
    assert eerste["houder.naam"] in tekst and eerste["houder.postcode"] in tekst and "CONCEPT" in tekst
    assert not (tmp_path / "uit/fouten.csv").exists()
    assert sorted(r["zaaknummer"] for r in _register()) == sorted(f"Z-2026-{n:06d}" for n in range(1, 13))
    _elk_gestempeld(tmp_path / "uit", manifest)


def test_the_documented_example_runs_as_written_and_every_row_becomes_a_letter(tmp_path):
    """The commands of docs/bulk.md, copied from the page and run in a fresh folder as a newcomer would (with
    this checkout's .venv and data/): every permit selecteer-afloop picks gets its herinnering."""
    (tmp_path / ".venv").symlink_to(Path(sys.executable).parent.parent)
    (tmp_path / "data").symlink_to(REPO / "data")
    opdrachten = [shlex.split(o) for o, _ in gedocumenteerd((REPO / "docs/bulk.md").read_text(encoding="utf-8"))[0]]
    assert [o[1] for o in opdrachten] == ["selecteer-afloop", "bulk"]
    for opdracht in opdrachten:
        uit = subprocess.run(opdracht, cwd=tmp_path, capture_output=True, text=True)
        assert uit.returncode == 0, f"{shlex.join(opdracht)}\n{uit.stdout}{uit.stderr}"
    afloop = (tmp_path / "afloop.csv").read_bytes()
    assert afloop.startswith(b"\xef\xbb\xbfvergunningnummer;")          # bulk read selecteer-afloop's BOM and ';'
    gekozen = [r["vergunningnummer"] for r in _csv(tmp_path / "afloop.csv")]
    manifest = _csv(tmp_path / "uitvoer/herinneringen/manifest.csv")
    assert len(gekozen) == 3 and [r["sleutel"] for r in manifest] == gekozen
    assert all(r["status"] == "gemaakt" and r["b1"] == "ja" and r["awb"] == "ja" for r in manifest)
    assert all((tmp_path / "uitvoer/herinneringen" / r["bestand"]).is_file() for r in manifest)
    assert not (tmp_path / "uitvoer/herinneringen/fouten.csv").exists()


def test_bad_rows_go_to_fouten_csv_and_the_rest_is_made(tmp_path):
    data = tmp_path / "rijen.csv"
    regels = list(rijen(4))
    regels[1]["houder.postcode"] = "12345"
    regels[2]["einddatum"] = "31-02-2027"
    regels[3]["vergunningnummer"] = regels[0]["vergunningnummer"]
    with data.open("w", encoding="utf-8", newline="") as bestand:
        schrijver = csv.DictWriter(bestand, KOLOMMEN, delimiter=",")          # comma-separated works as well
        schrijver.writeheader()
        schrijver.writerows(regels)
    uit = _bulk(data, tmp_path / "uit")
    assert uit.returncode == 1 and "fouten.csv" in uit.stderr
    fouten = _csv(tmp_path / "uit/fouten.csv")
    assert [(f["rij"], f["veld"]) for f in fouten] == [("3", "houder.postcode"), ("4", "einddatum"), ("5", "vergunningnummer")]
    assert "1234 AB" in fouten[0]["melding"] and "geen geldige datum" in fouten[1]["melding"]
    assert "kwam al voor in rij 2" in fouten[2]["melding"]
    assert [r["sleutel"] for r in _csv(tmp_path / "uit/manifest.csv")] == [regels[0]["vergunningnummer"]]


def test_a_bad_file_stops_before_anything_is_written(tmp_path):
    data = tmp_path / "rijen.csv"
    data.write_text("vergunningnummer;houder.naaam\nV-1;Jansen\n", encoding="utf-8")
    uit = _bulk(data, tmp_path / "uit")
    assert uit.returncode == 2
    assert "rijen.csv: kolom 2 ('houder.naaam'): geen veld van dit sjabloon" in uit.stderr
    assert not (tmp_path / "uit").exists()
    assert _bulk(tmp_path / "rijen.txt", tmp_path / "uit").returncode == 2


def test_unreleased_template_needs_concept(tmp_path):
    uit = sjabloon_cli("bulk", HERINNERING, "--data", schrijf_csv(tmp_path / "r.csv", 2), "--uit", tmp_path / "uit")
    assert uit.returncode == 2 and "niet vrijgegeven" in uit.stderr and not (tmp_path / "uit").exists()


def _werkboek(regels: list[dict]):
    """An Excel workbook with the columns and these rows, and its sheet (to change cells before saving)."""
    from openpyxl import Workbook

    boek = Workbook()
    blad = boek.active
    blad.append(KOLOMMEN)
    for regel in regels:
        blad.append([regel[k] for k in KOLOMMEN])
    return boek, blad


def test_excel_and_json_lines_with_nested_and_dotted_fields(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")    # both runs date their letters the same

    regels = list(rijen(3))
    _werkboek(regels)[0].save(tmp_path / "rijen.xlsx")
    assert _bulk(tmp_path / "rijen.xlsx", tmp_path / "xlsx").returncode == 0
    with (tmp_path / "rijen.jsonl").open("w", encoding="utf-8") as bestand:
        for regel in regels:
            houder = {k.split(".", 1)[1]: v for k, v in regel.items() if k.startswith("houder.")}
            overig = {k: v for k, v in regel.items() if not k.startswith("houder.")}
            bestand.write(json.dumps(overig | {"houder": houder}) + "\n")     # nested ...
        bestand.write("{kapot\n")
        bestand.write(json.dumps(regels[0] | {"vergunningnummer": "V-9"}) + "\n")   # ... and dotted
    uit = _bulk(tmp_path / "rijen.jsonl", tmp_path / "jsonl")
    assert uit.returncode == 1
    assert [(f["rij"], f["veld"], f["melding"]) for f in _csv(tmp_path / "jsonl/fouten.csv")] == [
        ("4", "(rij)", "ongeldige JSON (een naam moet tussen dubbele aanhalingstekens staan, teken 2)")]
    uit_xlsx, uit_jsonl = _csv(tmp_path / "xlsx/manifest.csv"), _csv(tmp_path / "jsonl/manifest.csv")
    assert ([_zonder_stempel(tmp_path / "xlsx" / r["bestand"]) for r in uit_xlsx]            # the same letters
            == [_zonder_stempel(tmp_path / "jsonl" / r["bestand"]) for r in uit_jsonl[:3]])
    assert uit_jsonl[3]["sleutel"] == "V-9"


def test_list_items_from_indexed_columns(tmp_path):
    data = tmp_path / "facturen.csv"
    data.write_text(
        "factuurnummer;zaaknummer;behandelaar;onderwerp;aanvrager.naam;aanvrager.straat;aanvrager.huisnummer;"
        "aanvrager.postcode;aanvrager.plaats;posten[1].omschrijving;posten[1].bedrag;posten[2].omschrijving;posten[2].bedrag\n"
        "F-1;Z-1;Fatima el Amrani;een omgevingsvergunning voor een dakkapel;P. Jansen;Kerkstraat;1;1234 AB;Voorbeeld;"
        "Bouwen;250,00;Monument;100,50\n", encoding="utf-8")
    uit = sjabloon_cli("bulk", "factuur-leges", "--data", data, "--uit", tmp_path / "uit", "--concept")
    assert uit.returncode == 0, uit.stderr
    tekst = docx_tekst(tmp_path / "uit/F-1_factuur-leges.docx")
    assert "Monument" in tekst and "€ 350,50" in tekst


def _journaalregels(uit):
    pad = uit / JOURNAAL
    return pad.read_text(encoding="utf-8").count("\n") - 1 if pad.exists() else 0


AANTAL = 400        # the journal is written every 200 rows or 2 seconds: the stop falls between two writes


@pytest.mark.parametrize("signaal", [signal.SIGKILL, signal.SIGINT], ids=["kill", "ctrl-c"])
def test_a_run_stopped_halfway_is_completed_with_each_row_exactly_once(tmp_path, signaal):
    data, uit = schrijf_csv(tmp_path / "rijen.csv", AANTAL), tmp_path / "uit"
    proces = subprocess.Popen(SJABLOON + ["bulk", HERINNERING, "--data", str(data), "--uit", str(uit), "--concept",
                                          "--datum", "2026-11-23"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    start = time.monotonic()
    while _journaalregels(uit) < 30 and proces.poll() is None and time.monotonic() - start < 120:
        time.sleep(0.05)
    proces.send_signal(signaal)
    _, fout = proces.communicate(timeout=60)
    gedaan = _journaalregels(uit)
    assert 30 <= gedaan < AANTAL, "the run was not stopped halfway"
    if signaal == signal.SIGINT:
        assert proces.returncode == 130 and "draai dezelfde opdracht opnieuw" in fout
    # its lookup tables on disk: removed on Ctrl-C, left by kill -9 and removed by the next run in this folder
    assert bool(_tabellen(uit)) == (signaal == signal.SIGKILL)
    tweede = _bulk(data, uit)
    assert tweede.returncode == 0, tweede.stderr
    assert f"{AANTAL - gedaan} brieven gemaakt, {gedaan} al klaar" in tweede.stdout
    journaal = [json.loads(r) for r in (uit / JOURNAAL).read_text(encoding="utf-8").splitlines()[1:]]
    assert Counter(r["sleutel"] for r in journaal) == Counter(f"V-2023-{n:06d}" for n in range(1, AANTAL + 1))
    assert len({r["sleutel"] for r in _csv(uit / "manifest.csv")}) == len(_csv(uit / "manifest.csv")) == AANTAL
    assert len(list(uit.glob("*.docx"))) == AANTAL and not list(uit.glob(".*.tmp")) and not _tabellen(uit)
    geregistreerd = Counter(r["gegevens"]["bulk"]["sleutel"] for r in _register())
    assert set(geregistreerd.values()) == {1} and len(geregistreerd) == AANTAL
    assert sjabloon_cli("register", "controleer").returncode == 0
    _elk_gestempeld(uit, _csv(uit / "manifest.csv"))


def _tabellen(uit):
    return list(uit.glob(schijftabel.VOORVOEGSEL + "*"))


def test_workers_end_when_the_run_is_killed(tmp_path):
    """kill -9 leaves no one to stop the worker processes: they must notice and end by themselves."""
    data, uit = schrijf_csv(tmp_path / "rijen.csv", AANTAL), tmp_path / "uit"
    proces = subprocess.Popen(SJABLOON + ["bulk", HERINNERING, "--data", str(data), "--uit", str(uit), "--concept",
                                          "--werkers", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    start = time.monotonic()
    while _journaalregels(uit) < 30 and proces.poll() is None and time.monotonic() - start < 120:
        time.sleep(0.05)
    werkers = kinderen(proces.pid)
    assert len(werkers) >= 2
    proces.kill()
    proces.wait()
    einde = time.monotonic() + 20
    while any(leeft(w) for w in werkers) and time.monotonic() < einde:
        time.sleep(0.1)
    assert not any(leeft(w) for w in werkers)


def test_letters_the_register_missed_are_recorded_on_the_rerun(tmp_path, monkeypatch):
    """The run stops after the journal was written but before the register was: the rerun records them."""
    from generator.bulk import run
    from generator.vrijgave.register.opslag import Register

    data, uit = schrijf_csv(tmp_path / "rijen.csv", 5), tmp_path / "uit"
    echt = Register.voeg_toe_reeks
    monkeypatch.setattr(Register, "voeg_toe_reeks",
                        lambda self, regels, **_: (_ for _ in ()).throw(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        run.voer_uit(run.Opdracht(HERINNERING, data, uit, concept=True))
    gedaan = _journaalregels(uit)                  # the journal is written every 200 rows or 2 seconds
    assert _register() == [] and 1 <= gedaan <= 5
    monkeypatch.setattr(Register, "voeg_toe_reeks", echt)
    uitslag = run.voer_uit(run.Opdracht(HERINNERING, data, uit, concept=True))
    assert uitslag.hersteld_in_register == gedaan and uitslag.overgeslagen == gedaan and uitslag.gemaakt == 5 - gedaan
    assert Counter(r["gegevens"]["bulk"]["sleutel"] for r in _register()) == Counter(f"V-2023-{n:06d}" for n in range(1, 6))
    _elk_gestempeld(uit, _csv(uit / "manifest.csv"))


def test_the_journal_gives_each_letter_its_last_stamp(tmp_path):
    """The stamps are looked up on disk (not kept in a dict of every row): a letter stamped twice gets the later
    stamp, a letter without one keeps its own SHA-256, a row of another key or content gets none."""
    from generator.bulk.journaal import Journaal

    journaal = Journaal(tmp_path, {"sjabloon": "x"}, "2026-12-07")
    assert list(journaal.regels()) == []
    journaal.schrijf([{"sleutel": "A", "sha256": "a0", "status": "gemaakt"},
                      {"sleutel": "B", "sha256": "b0", "status": "gemaakt"},
                      {"sleutel": "C", "status": "fout"}])
    assert [r.get("registerregel") for r in journaal.regels()] == [None, None, None]
    journaal.schrijf_stempels([{"sleutel": "A", "ongestempeld": "a0", "sha256": "a1", "registerregel": 7},
                               {"sleutel": "B", "ongestempeld": "xx", "sha256": "b9", "registerregel": 8},
                               {"sleutel": "C", "ongestempeld": "a0", "sha256": "c9", "registerregel": 9}])
    journaal.schrijf_stempels([{"sleutel": "A", "ongestempeld": "a0", "sha256": "a2", "registerregel": 10}])
    assert list(journaal.regels()) == [{"sleutel": "A", "sha256": "a2", "status": "gemaakt", "registerregel": 10},
                                       {"sleutel": "B", "sha256": "b0", "status": "gemaakt"},
                                       {"sleutel": "C", "status": "fout"}]
    assert len(_tabellen(tmp_path)) == 1                     # the open journal's rows of earlier runs
    journaal.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([JOURNAAL, STEMPELS])


@pytest.mark.parametrize("stop", ["bij de derde gestempelde brief", "voor de stempels in het journaal"])
def test_letters_recorded_but_not_stamped_get_their_own_stamp_on_the_rerun(tmp_path, monkeypatch, stop):
    """The run stops after the register committed a batch, before all its letters were stamped on disk or before
    the stamps were recorded: the rerun stamps each with its own entry, records nothing twice, makes nothing again."""
    from generator.bulk import run
    from generator.bulk.journaal import Journaal

    data, uit = schrijf_csv(tmp_path / "rijen.csv", 5), tmp_path / "uit"
    monkeypatch.setattr(run, "VASTLEGGEN_NA", 1000)                  # one batch: the five rows together
    echt, stempels, geschreven = run.schrijf_atomisch, Journaal.schrijf_stempels, []

    def schrijf_en_stop(pad, data):
        geschreven.append(pad)
        if len(geschreven) == 3:
            raise KeyboardInterrupt
        echt(pad, data)
    if stop == "bij de derde gestempelde brief":
        monkeypatch.setattr(run, "schrijf_atomisch", schrijf_en_stop)
    else:
        monkeypatch.setattr(Journaal, "schrijf_stempels", lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        run.voer_uit(run.Opdracht(HERINNERING, data, uit, concept=True))
    assert len(_register()) == 5 and _journaalregels(uit) == 5
    monkeypatch.setattr(run, "schrijf_atomisch", echt)
    monkeypatch.setattr(Journaal, "schrijf_stempels", stempels)
    uitslag = run.voer_uit(run.Opdracht(HERINNERING, data, uit, concept=True))
    assert (uitslag.gemaakt, uitslag.overgeslagen, uitslag.hersteld_in_register) == (0, 5, 0)
    assert Counter(r["gegevens"]["bulk"]["sleutel"] for r in _register()) == Counter(
        f"V-2023-{n:06d}" for n in range(1, 6))
    manifest = _csv(uit / "manifest.csv")
    assert all(hashlib.sha256((uit / r["bestand"]).read_bytes()).hexdigest() == r["sha256"] for r in manifest)
    _elk_gestempeld(uit, manifest)
    assert sjabloon_cli("register", "controleer").returncode == 0


def test_a_lost_letter_is_made_again_and_changed_data_is_refused(tmp_path):
    data, uit = schrijf_csv(tmp_path / "rijen.csv", 3), tmp_path / "uit"
    assert _bulk(data, uit).returncode == 0
    (uit / f"V-2023-000002_{HERINNERING}.docx").unlink()
    tekst = data.read_text(encoding="utf-8").replace("V-2023-000003;standplaatsvergunning", "V-2023-000003;exploitatievergunning")
    tekst = tekst.replace("Z-2026-000003;", "Z-2026-000333;")
    data.write_text(tekst, encoding="utf-8")
    tweede = _bulk(data, uit)
    assert "1 brief gemaakt, 1 al klaar" in tweede.stdout
    fouten = _csv(uit / "fouten.csv")
    assert fouten[0]["sleutel"] == "V-2023-000003" and "gegevens van deze rij zijn daarna gewijzigd" in fouten[0]["melding"]
    assert (uit / f"V-2023-000002_{HERINNERING}.docx").exists() and len(_csv(uit / "manifest.csv")) == 3


def test_another_date_in_the_same_folder_is_refused(tmp_path):
    data, uit = schrijf_csv(tmp_path / "rijen.csv", 2), tmp_path / "uit"
    assert _bulk(data, uit).returncode == 0
    ander = sjabloon_cli("bulk", HERINNERING, "--data", data, "--uit", uit, "--concept", "--datum", "2026-12-01")
    assert ander.returncode == 2 and "dagtekening: eerder 2026-11-23, nu 2026-12-01" in ander.stderr


def test_a_manifest_changed_since_the_run_began_is_another_run(tmp_path, sjablonen_kopie):
    """The template's sjabloon.yaml (its fields, its deadlines) is part of the run, as its DOCX is: letters made
    before and after a change in one folder would not be one run."""
    data, uit = schrijf_csv(tmp_path / "rijen.csv", 2), tmp_path / "uit"
    assert _bulk(data, uit).returncode == 0
    manifest = sjablonen_kopie / HERINNERING / "sjabloon.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("titel: ", "titel: Gewijzigde ", 1),
                        encoding="utf-8")
    ander = _bulk(data, uit)
    assert ander.returncode == 2 and "deze map hoort bij een andere bulkrun" in ander.stderr
    assert "manifest_sha256: eerder" in ander.stderr


def test_two_workers_make_the_same_letters_as_one(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")    # both runs date their letters the same
    data = schrijf_csv(tmp_path / "rijen.csv", 40)
    assert _bulk(data, tmp_path / "een").returncode == 0
    assert _bulk(data, tmp_path / "twee", "--werkers", "2").returncode == 0
    een, twee = _csv(tmp_path / "een/manifest.csv"), _csv(tmp_path / "twee/manifest.csv")
    assert [r["sleutel"] for r in een] == [r["sleutel"] for r in twee]
    assert ([_zonder_stempel(tmp_path / "een" / r["bestand"]) for r in een]       # the same letters but their stamp
            == [_zonder_stempel(tmp_path / "twee" / r["bestand"]) for r in twee])


def test_zip_holds_every_letter_and_the_manifest(tmp_path):
    data, uit = schrijf_csv(tmp_path / "rijen.csv", 6), tmp_path / "uit"
    assert _bulk(data, uit, "--zip").returncode == 0
    assert not list(uit.glob("*.docx"))
    with zipfile.ZipFile(uit / "brieven.zip") as archief:
        namen = archief.namelist()
        manifest = list(csv.DictReader(io.StringIO(archief.read("manifest.csv").decode("utf-8-sig")), delimiter=";"))
        assert all(hashlib.sha256(archief.read(r["bestand"])).hexdigest() == r["sha256"] for r in manifest)
    assert len(namen) == 7 and (uit / "manifest.csv").exists()
    opnieuw = _bulk(data, uit, "--zip")                      # letters inside the archive count as finished
    assert "0 brieven gemaakt, 6 al klaar" in opnieuw.stdout
    assert len(zipfile.ZipFile(uit / "brieven.zip").namelist()) == 7


def test_checks_run_once_per_distinct_paragraph_and_sentence(tmp_path):
    """A second letter that differs only in name and address analyses only the paragraphs and sentences that
    differ; the manifest still gives each letter its own verdict."""
    from checks.awb import controle as awb
    from checks.b1 import analyse
    from checks.b1.controle import controleer_b1
    from checks.document import lees_document
    from generator.bulk import run

    data, uit = schrijf_csv(tmp_path / "rijen.csv", 2), tmp_path / "uit"
    awb._treffers.cache_clear()
    analyse._geheugen.clear()
    run.voer_uit(run.Opdracht(HERINNERING, data, uit, concept=True, dagtekening=None))
    eerste, tweede = (lees_document(p) for p in sorted(uit.glob("*.docx")))
    alle = {(a.klein, a.kop) for a in eerste.alineas} | {(a.klein, a.kop) for a in tweede.alineas}
    assert awb._treffers.cache_info().currsize == len(alle) < len(eerste.alineas) + len(tweede.alineas)
    zinnen = [z.tekst for d in (eerste, tweede) for z in controleer_b1(d).zinnen]
    assert len(analyse._geheugen) == len(set(zinnen)) < len(zinnen)
    assert len(_csv(uit / "manifest.csv")) == 2 and all(r["awb"] == "ja" for r in _csv(uit / "manifest.csv"))


def test_a_letter_that_fails_a_check_is_not_written(tmp_path, monkeypatch):
    from generator.bulk import run, werker
    from generator.vullen.keuring import VrijgaveGeweigerd, keur

    def keur_streng(naam, document, besluittype, **opties):
        gekeurd, keuring = keur(naam, document, besluittype, **opties)
        if "000002" in naam:
            keuring.b1.b1 = False                     # as if this letter's text were not at B1
            raise VrijgaveGeweigerd(keuring)
        return gekeurd, keuring

    monkeypatch.setattr(werker, "keur", keur_streng)
    uitslag = run.voer_uit(run.Opdracht(HERINNERING, schrijf_csv(tmp_path / "r.csv", 3), tmp_path / "uit", concept=True))
    assert (uitslag.gemaakt, uitslag.fout) == (2, 1)
    manifest = {r["sleutel"]: r for r in _csv(tmp_path / "uit/manifest.csv")}
    assert manifest["V-2023-000002"]["status"] == "afgekeurd" and manifest["V-2023-000002"]["b1"] == "nee"
    assert manifest["V-2023-000002"]["bestand"] == "" and not (tmp_path / f"uit/V-2023-000002_{HERINNERING}.docx").exists()
    assert _csv(tmp_path / "uit/fouten.csv")[0]["melding"] == "de brief is niet vrijgegeven: b1:niet_b1"


def test_progress_is_a_bar_on_a_terminal_and_lines_otherwise(tmp_path):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    scherm = Terminal()
    balk = Voortgang(10, scherm)
    balk.laatste -= 1
    balk.stap(4)
    balk.einde()
    assert "\r[############------------------] 4 van 10 rijen" in scherm.getvalue() and "per seconde, nog" in scherm.getvalue()
    uit = _bulk(schrijf_csv(tmp_path / "rijen.csv", 3), tmp_path / "uit")
    assert "voortgang: 3 van 3 rijen" in uit.stderr and "\r" not in uit.stderr


def test_pdf_is_pdf_a_with_the_letter_text(tmp_path):
    from docx import Document

    from generator.bulk.pdf_controle import structuur

    pdf_verplicht()
    data, uit = schrijf_csv(tmp_path / "rijen.csv", 4), tmp_path / "uit"
    run = uuid.uuid4().hex                                   # inherited by every process of this run, LibreOffice too
    merk = f"SJABLOON_TESTRUN={run}"
    proces = subprocess.Popen(SJABLOON + ["bulk", HERINNERING, "--data", str(data), "--uit", str(uit), "--concept",
                                          "--datum", "2026-11-23", "--pdf", "--werkers", "2"],
                              env=os.environ | {"SJABLOON_TESTRUN": run}, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    office = set()
    while proces.poll() is None:
        office |= {pid for pid in met_merk(merk) if b"soffice" in opdrachtregel(pid)}
        time.sleep(0.1)
    _, fout = proces.communicate()
    assert proces.returncode == 0, fout
    assert len(office) >= 2                                  # one LibreOffice per worker, seen by their marker
    einde = time.monotonic() + 10
    while met_merk(merk) and time.monotonic() < einde:
        time.sleep(0.1)
    assert not met_merk(merk)                               # LibreOffice stopped, and nothing else of this run lives
    for regel, rij, pdf, tekst in pdfs_van_de_run(uit, _csv(uit / "manifest.csv"), 4):
        alinea = [p for p in Document(str(uit / regel["bestand"])).paragraphs if p.text.strip()]    # tagged:
        tags = [s for s in structuur(pdf) if s == "/P" or s.startswith("/H")]
        assert len(tags) >= len(alinea)                      # a paragraph or heading element for each paragraph
        assert rij["vergunningnummer"] in tekst and "CONCEPT" in tekst


def test_the_sentence_cache_stays_bounded_and_correct_when_it_is_emptied(monkeypatch):
    from checks.b1 import analyse

    analyse._geheugen.clear()
    monkeypatch.setattr(analyse, "MAX_GEHEUGEN", 3)
    analyse.analyseer_zinnen(["U krijgt deze brief.", "Wij sturen u een brief."])
    tweede = analyse.analyseer_zinnen(["U krijgt deze brief.", "Bel ons gerust.", "Kijk op de website."])
    assert [a.tekst for a in tweede] == ["U krijgt deze brief.", "Bel ons gerust.", "Kijk op de website."]
    assert len(analyse._geheugen) == 3


def test_sleutel_option_names_the_letters_and_files_get_the_usual_rights(tmp_path):
    oud = os.umask(0o022)
    try:
        uit = _bulk(schrijf_csv(tmp_path / "rijen.csv", 2), tmp_path / "uit", "--sleutel", "zaaknummer")
    finally:
        os.umask(oud)
    assert uit.returncode == 0, uit.stderr
    brief = tmp_path / f"uit/Z-2026-000001_{HERINNERING}.docx"
    assert brief.exists() and brief.stat().st_mode & 0o777 == 0o644
    assert [r["sleutel"] for r in _csv(tmp_path / "uit/manifest.csv")] == ["Z-2026-000001", "Z-2026-000002"]
    assert _bulk(tmp_path / "rijen.csv", tmp_path / "ander", "--sleutel", "bestaat_niet").returncode == 2


def test_manifest_sleutel_must_be_a_required_field(sjablonen_kopie):
    manifest = sjablonen_kopie / HERINNERING / "sjabloon.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("sleutel: vergunningnummer", "sleutel: locatie"),
                        encoding="utf-8")
    uit = sjabloon_cli("sjablonen")
    assert uit.returncode == 2 and "sleutel: 'locatie' moet een verplicht veld zijn" in uit.stderr


def test_a_bad_amount_or_a_value_beyond_the_columns_is_a_row_error(tmp_path):
    """An amount is never rounded or guessed, and a value in a row that has no column is never dropped: both rows
    go to fouten.csv, naming the row; the other rows become letters."""
    data = tmp_path / "rijen.csv"
    schrijf_csv(data, 4)
    regels = data.read_text(encoding="utf-8-sig").split("\n")
    regels[2] = regels[2].rsplit(";", 1)[0] + ";1,234.56"                 # leges, the last column, of row 2
    regels[3] += ";te veel"                                              # 16 values under a header of 15
    data.write_text("\n".join(regels), encoding="utf-8-sig")
    uit = _bulk(data, tmp_path / "uit")
    assert uit.returncode == 1, uit.stderr
    fouten = _csv(tmp_path / "uit/fouten.csv")
    assert [(f["rij"], f["veld"]) for f in fouten] == [("3", "leges"), ("4", "(rij)")]
    assert fouten[0]["melding"] == ("'1,234.56' is geen bedrag: een komma tussen de duizendtallen (Engelse "
                                    "schrijfwijze) kan niet; schrijf 1234,56 of 1.234,56")
    assert fouten[1]["melding"].startswith("rij 4 heeft 16 waarden, de kop 15 kolommen")
    assert [r["sleutel"] for r in _csv(tmp_path / "uit/manifest.csv")] == ["V-2023-000001", "V-2023-000004"]
    assert "2 brieven gemaakt, 0 al klaar uit een eerdere run, 2 rijen zonder brief" in uit.stdout


def test_a_bad_byte_late_in_the_file_names_its_line_and_leaves_the_folder_untouched(tmp_path):
    """The reader decodes 8 KB at a time: a Latin-1 byte on line 102 of 120 must be named on line 102, and found
    before the run makes its journal in --uit (which would tie the folder to this run's date)."""
    tekst = schrijf_csv(tmp_path / "rijen.csv", 120).read_text(encoding="utf-8-sig").replace("é", "e").split("\n")
    tekst[101] = tekst[101].replace("Voorbeeld", "Voorbéeld", 1)
    data = tmp_path / "latin1laat.csv"
    data.write_bytes("\n".join(tekst).encode("latin-1"))
    uit = _bulk(data, tmp_path / "uit")
    assert uit.returncode == 2
    assert "latin1laat.csv: regel 102: geen tekst in UTF-8" in uit.stderr and "Er is niets geschreven" in uit.stderr
    assert not (tmp_path / "uit").exists()
    jsonl = tmp_path / "rijen.jsonl"
    jsonl.write_bytes(b'{"vergunningnummer": "V-1"}\n{"vergunningnummer": "V-2"}\n{"locatie": "Caf\xe9"}\n')
    uit = _bulk(jsonl, tmp_path / "uit")
    assert uit.returncode == 2 and "rijen.jsonl: regel 3: geen tekst in UTF-8" in uit.stderr
    assert "Traceback" not in uit.stderr and not (tmp_path / "uit").exists()


def test_a_file_as_uit_or_a_group_as_sleutel_is_refused_before_anything_is_written(tmp_path):
    data = schrijf_csv(tmp_path / "rijen.csv", 2)
    (tmp_path / "bestand").write_text("niet aanraken", encoding="utf-8")
    uit = _bulk(data, tmp_path / "bestand")
    assert uit.returncode == 2 and "Traceback" not in uit.stderr
    assert f"fout: --uit {tmp_path / 'bestand'}: {tmp_path / 'bestand'} is een bestand, geen map" in uit.stderr
    assert (tmp_path / "bestand").read_text(encoding="utf-8") == "niet aanraken"
    uit = _bulk(data, tmp_path / "bestand" / "map")
    assert uit.returncode == 2 and f"{tmp_path / 'bestand'} is een bestand, geen map" in uit.stderr
    uit = _bulk(data, tmp_path / "uit", "--sleutel", "houder")
    assert uit.returncode == 2
    assert "--sleutel: 'houder' is een persoon met meer waarden, geen veld met één waarde" in uit.stderr
    assert not (tmp_path / "uit").exists()


def test_an_excel_formula_without_a_computed_value_is_a_row_error(tmp_path):
    """openpyxl writes a formula without its value; read as data_only, that cell looks empty. A required field
    would then say 'verplicht veld ontbreekt' and an optional one would vanish from the letter. A formula whose
    value is an empty text (Excel and LibreOffice write t="str" and an empty <v>) is an empty cell, as before."""
    boek, blad = _werkboek(list(rijen(4)))
    blad.cell(2, KOLOMMEN.index("leges") + 1, "=100+82.5")                     # optional
    blad.cell(3, KOLOMMEN.index("behandelaar") + 1, '="Fatima"&" el Amrani"')   # required
    blad.cell(4, KOLOMMEN.index("locatie") + 1, '=""')
    boek.save(tmp_path / "rijen.xlsx")
    with zipfile.ZipFile(tmp_path / "rijen.xlsx") as bron, \
            zipfile.ZipFile(tmp_path / "berekend.xlsx", "w") as doel:        # row 4 as Excel saves it: computed
        for naam in bron.namelist():
            inhoud = bron.read(naam)
            if naam == "xl/worksheets/sheet1.xml":
                inhoud = inhoud.replace(b'<c r="K4"><f>""</f><v></v></c>', b'<c r="K4" t="str"><f>""</f><v></v></c>')
                assert b't="str"><f>""</f>' in inhoud
            doel.writestr(naam, inhoud)
    uit = _bulk(tmp_path / "berekend.xlsx", tmp_path / "uit")
    assert uit.returncode == 1, uit.stderr
    fouten = _csv(tmp_path / "uit/fouten.csv")
    assert [(f["rij"], f["veld"], f["melding"]) for f in fouten] == [
        ("2", "(rij)", "kolom 'leges': de cel heeft een formule zonder berekende waarde (=100+82.5); open het bestand "
                       "in Excel of LibreOffice en sla het op, of zet de waarde zelf in de cel"),
        ("3", "(rij)", "kolom 'behandelaar': de cel heeft een formule zonder berekende waarde (=\"Fatima\"&\" el "
                       "Amrani\"); open het bestand in Excel of LibreOffice en sla het op, of zet de waarde zelf in "
                       "de cel")]
    assert [r["sleutel"] for r in _csv(tmp_path / "uit/manifest.csv")] == ["V-2023-000003", "V-2023-000004"]
