"""From concept through lint and release to use: every step recorded in the register, and the inventory shows it."""

import hashlib
import json

import yaml
from beoordelaars import maak_beoordelaars, vrijgeven_cli
from conftest import REPO, docx_tekst, sjabloon_cli
from docx import Document
from kapot import BRON, afgebroken_docx, alleen, kapot_sjabloon

from generator.vrijgave.vier_ogen import volgende_versie, zet_veld
from generator.vullen.concept import CONCEPT

ZAAK = REPO / "templates/factuur-leges/voorbeeld.yaml"


def _vrijgeven(*extra, **accounts):
    return vrijgeven_cli("factuur-leges", "--datum", "2026-11-23", *extra, **accounts)


def test_release_needs_two_different_people(sjablonen_kopie):
    maak_beoordelaars()
    uit = _vrijgeven(juridisch="anna", communicatief="Anna")
    assert uit.returncode == 2 and "vier-ogenprincipe" in uit.stderr
    uit = _vrijgeven(juridisch="carla", communicatief="carla")               # both roles: still one person
    assert uit.returncode == 2 and "vier-ogenprincipe" in uit.stderr
    assert "status: concept" in (sjablonen_kopie / "factuur-leges/sjabloon.yaml").read_text()


def test_release_is_refused_when_the_lint_fails(sjablonen_kopie, database_url):
    docx = sjablonen_kopie / "factuur-leges/sjabloon.docx"
    word = Document(str(docx))
    word.add_paragraph("Uw kenmerk: {{ kenmerk_klant }}")              # not declared in the manifest
    word.save(str(docx))
    manifest = sjablonen_kopie / "factuur-leges/sjabloon.yaml"
    voor = manifest.read_text()
    maak_beoordelaars(database_url)
    uit = _vrijgeven()
    assert uit.returncode == 1 and "'kenmerk_klant' wordt gebruikt maar staat niet in velden" in uit.stderr
    assert manifest.read_text() == voor
    assert [r["soort"] for r in json.loads(sjabloon_cli("register", "--json").stdout)] == ["gebruiker"] * 4


def test_concept_to_release_to_use_to_inventory(sjablonen_kopie, tmp_path, database_url):
    """The whole path, on SQLite and on PostgreSQL."""
    map_ = sjablonen_kopie / "factuur-leges"
    # a concept cannot be used for real, only as a marked proof
    geweigerd = sjabloon_cli("genereer", "factuur-leges", "--zaak", ZAAK, "--uit", tmp_path / "a")
    assert geweigerd.returncode == 2 and "niet vrijgegeven" in geweigerd.stderr and not (tmp_path / "a").exists()
    proef = sjabloon_cli("genereer", "factuur-leges", "--zaak", ZAAK, "--uit", tmp_path / "p", "--concept")
    assert proef.returncode == 0
    kop = [p.text for s in Document(proef.stdout.strip()).sections for p in s.header.paragraphs]
    assert kop[0] == CONCEPT

    maak_beoordelaars(database_url)
    vrij = _vrijgeven("--opmerking", "eerste versie")
    assert vrij.returncode == 0, vrij.stderr
    assert "versie 1 (eerste vrijgave)" in vrij.stdout
    assert "beoordeeld door Anna de Vries (lokaal:anna, juridisch) en Bram Jansen (lokaal:bram, communicatief)" in vrij.stdout
    manifest = yaml.safe_load((map_ / "sjabloon.yaml").read_text())
    assert manifest["status"] == "vrijgegeven" and manifest["versie"] == "1"        # the first release keeps "1"
    assert manifest["sha256"] == hashlib.sha256((map_ / "sjabloon.docx").read_bytes()).hexdigest()

    echt = sjabloon_cli("genereer", "factuur-leges", "--zaak", ZAAK, "--uit", tmp_path / "b", "--door", "C. Visser",
                        "--datum", "2026-11-23")
    assert echt.returncode == 0, echt.stderr
    pad = echt.stdout.strip()
    assert CONCEPT not in docx_tekst(pad)
    regels = json.loads(sjabloon_cli("register", "--sjabloon", "factuur-leges", "--json").stdout)
    assert [r["soort"] for r in regels] == ["document", "vrijgave", "document"]
    vrijgave, document = regels[1], regels[2]
    assert vrijgave["gegevens"]["juridisch"] == {"subject": "lokaal:anna", "naam": "Anna de Vries", "bron": "lokaal",
                                                 "rollen": ["jurist"]}
    assert vrijgave["gegevens"]["communicatief"]["subject"] == "lokaal:bram"
    assert vrijgave["sha256"] == manifest["sha256"]
    assert vrijgave["sjabloon_versie"] == "1" and vrijgave["gegevens"]["vorige_versie"] is None
    assert document["sjabloon_versie"] == "1" and document["door"] == "C. Visser"
    assert document["sha256"] == hashlib.sha256(open(pad, "rb").read()).hexdigest()
    assert document["gegevens"]["b1"]["b1"] is True and document["gegevens"]["awb"]["vrijgave"] is True
    assert document["gegevens"]["dagtekening"] == "2026-11-23" and document["zaaknummer"]
    assert sjabloon_cli("register", "controleer").returncode == 0

    html = tmp_path / "inventaris.html"
    inv = sjabloon_cli("inventaris", "--json", "--html", html)
    assert inv.returncode == 0, inv.stderr
    gegevens = json.loads(inv.stdout)
    factuur = next(s for s in gegevens["sjablonen"] if s["id"] == "factuur-leges")
    assert factuur["status"] == "vrijgegeven" and factuur["juridisch"] == "Anna de Vries"
    assert factuur["herbeoordeling_nodig"] is False and factuur["documenten_kwartaal"] == 1   # the proof does not count
    assert factuur["b1_score"] > 50 and factuur["awb_vrijgave"] is True
    assert gegevens["besluiten"] == 1 and gegevens["besluiten_geforceerd"] == 0      # leges are a tax: a besluit
    assert gegevens["aandeel_geforceerd"] == 0.0
    pagina = html.read_text()
    assert '<html lang="nl">' in pagina and "Anna de Vries" in pagina and "0%" in pagina

    # a change to the DOCX after release: concept again, until the next release
    document_word = Document(str(map_ / "sjabloon.docx"))
    document_word.add_paragraph("Een zin die niemand beoordeelde.")
    document_word.save(str(map_ / "sjabloon.docx"))
    lijst = sjabloon_cli("sjablonen", "--json")
    assert next(s for s in json.loads(lijst.stdout) if s["id"] == "factuur-leges")["status"] == "concept"
    assert "gewijzigd na de vrijgave" in lijst.stderr
    opnieuw = sjabloon_cli("genereer", "factuur-leges", "--zaak", ZAAK, "--uit", tmp_path / "c")
    assert opnieuw.returncode == 2 and "gewijzigd na de vrijgave" in opnieuw.stderr

    # released again after the change: now the version goes up
    tweede = _vrijgeven("--opmerking", "zin toegevoegd")
    assert tweede.returncode == 0, tweede.stderr
    assert "versie 1 -> 2" in tweede.stdout
    manifest = yaml.safe_load((map_ / "sjabloon.yaml").read_text())
    assert manifest["versie"] == "2" and manifest["status"] == "vrijgegeven"
    assert manifest["sha256"] == hashlib.sha256((map_ / "sjabloon.docx").read_bytes()).hexdigest()
    laatste = json.loads(sjabloon_cli("register", "--sjabloon", "factuur-leges", "--json").stdout)[-1]
    assert laatste["soort"] == "vrijgave" and laatste["sjabloon_versie"] == "2"
    assert laatste["gegevens"]["vorige_versie"] == "1"


def test_inventory_totals_count_letters_at_b1_overrides_and_leave_out_proofs(database_url):
    import datetime as dt

    from generator.catalogus.inventaris import maak_inventaris
    from generator.vrijgave.register import Register
    nu = dt.datetime(2026, 11, 20, 10, 0)
    with Register(database_url) as register:
        def document(sjabloon, brief, b1, reden=None, concept=False, tijdstip=nu):
            register.voeg_toe("document", sjabloon_id=sjabloon, sjabloon_versie="1", sha256="0" * 64, door="t",
                              zaaknummer="Z-1", tijdstip=tijdstip, gegevens={"brief": brief, "b1": {"b1": b1},
                              "forceer_reden": reden, "concept": concept})
        for b1 in (True, True, True, False):
            document("factuur-leges", True, b1)
        document("factuur-leges", True, False, concept=True)                        # a proof: not counted
        document("factuur-leges", True, False, tijdstip=nu - dt.timedelta(days=200))   # last quarter: not counted
        document("last-onder-dwangsom", False, True)
        document("last-onder-dwangsom", False, True, reden="spoed; jurist las mee")
        register.voeg_toe("vrijgave", sjabloon_id="last-onder-dwangsom", sjabloon_versie="2", sha256="0" * 64, door="t",
                          tijdstip=nu - dt.timedelta(days=120), gegevens={"juridisch": "A", "communicatief": "B"})
        inv = maak_inventaris(register, dt.date(2026, 11, 23))
    assert (inv.brieven, inv.brieven_b1, inv.aandeel_b1) == (4, 3, 0.75)
    assert (inv.besluiten, inv.besluiten_geforceerd, inv.aandeel_geforceerd) == (2, 1, 0.5)
    last = next(s for s in inv.sjablonen if s.id == "last-onder-dwangsom")
    assert last.juridisch == "A" and last.beoordeeld_op == "2026-07-23" and last.herbeoordeling_nodig   # > 1 quarter
    assert last.documenten_kwartaal == 2 and inv.documenten == 6


def test_version_and_manifest_editing_keep_the_werkgroep_s_layout():
    assert volgende_versie("1") == "2" and volgende_versie("1.9") == "1.10"
    manifest = "# Toelichting van de werkgroep\nid: x\nversie: \"1\"\nstatus: concept   # nog niet klaar\nvelden: {}\n"
    nieuw = zet_veld(zet_veld(manifest, "status", "vrijgegeven"), "sha256", "ab" * 32)
    assert nieuw.startswith("# Toelichting van de werkgroep\n")
    assert yaml.safe_load(nieuw) == {"id": "x", "versie": "1", "status": "vrijgegeven", "sha256": "ab" * 32, "velden": {}}


MELDING = "ontvangstbevestiging-melding"
MELDING_ZAAK = REPO / f"templates/{MELDING}/voorbeeld.yaml"


def test_a_manifest_change_after_release_makes_the_template_concept_again(sjablonen_kopie, tmp_path):
    """The release covers sjabloon.yaml too: a deadline changed there afterwards is a change nobody reviewed, so no
    real letter is made with it (it would promise contact within ten working days instead of two)."""
    maak_beoordelaars()
    assert vrijgeven_cli(MELDING, "--datum", "2026-11-23").returncode == 0
    echt = sjabloon_cli("genereer", MELDING, "--zaak", MELDING_ZAAK, "--uit", tmp_path / "a", "--datum", "2026-11-23")
    assert echt.returncode == 0, echt.stderr
    assert "24 november 2026" in docx_tekst(echt.stdout.strip())

    manifest = sjablonen_kopie / MELDING / "sjabloon.yaml"
    tekst = manifest.read_text(encoding="utf-8")
    assert "vanaf: ontvangstdatum, aantal: 2}" in tekst
    manifest.write_text(tekst.replace("vanaf: ontvangstdatum, aantal: 2}", "vanaf: ontvangstdatum, aantal: 10}"),
                        encoding="utf-8")
    opnieuw = sjabloon_cli("genereer", MELDING, "--zaak", MELDING_ZAAK, "--uit", tmp_path / "b",
                           "--datum", "2026-11-23")
    assert opnieuw.returncode == 2 and not (tmp_path / "b").exists()
    assert "niet vrijgegeven (sjabloon.yaml is gewijzigd na de vrijgave)" in opnieuw.stderr
    lijst = sjabloon_cli("sjablonen", "--json")
    assert next(s for s in json.loads(lijst.stdout) if s["id"] == MELDING)["status"] == "concept"
    assert f"let op: {MELDING}: sjabloon.yaml is gewijzigd na de vrijgave; geef het opnieuw vrij" in lijst.stderr
    inv = json.loads(sjabloon_cli("inventaris", "--json").stdout)
    assert next(s for s in inv["sjablonen"] if s["id"] == MELDING)["status"] == "concept"
    proef = sjabloon_cli("genereer", MELDING, "--zaak", MELDING_ZAAK, "--uit", tmp_path / "c", "--datum", "2026-11-23",
                         "--concept")
    assert proef.returncode == 0 and CONCEPT in docx_tekst(proef.stdout.strip())

    # both changed: the message names both
    document_word = Document(str(sjablonen_kopie / MELDING / "sjabloon.docx"))
    document_word.add_paragraph("Een zin die niemand beoordeelde.")
    document_word.save(str(sjablonen_kopie / MELDING / "sjabloon.docx"))
    beide = sjabloon_cli("genereer", MELDING, "--zaak", MELDING_ZAAK, "--uit", tmp_path / "d")
    assert beide.returncode == 2 and "het DOCX en sjabloon.yaml zijn gewijzigd na de vrijgave" in beide.stderr


def test_the_release_s_own_rewrite_of_the_manifest_is_no_change(sjablonen_kopie):
    """The release writes versie, status and both hashes into sjabloon.yaml; that, and layout, comments or who last
    changed it, leave the template released. The hash of the manifest is in the register entry too."""
    manifest = sjablonen_kopie / "factuur-leges/sjabloon.yaml"
    tekst = manifest.read_text(encoding="utf-8")
    manifest.write_text("# de werkgroep\n" + tekst.replace('versie: "1"', "versie: 1   # eerste"), encoding="utf-8")
    maak_beoordelaars()
    assert _vrijgeven().returncode == 0
    gegevens = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    assert len(gegevens["manifest_sha256"]) == 64 and gegevens["versie"] == "1"
    [vrijgave] = [r for r in json.loads(sjabloon_cli("register", "--json").stdout) if r["soort"] == "vrijgave"]
    assert vrijgave["gegevens"]["manifest_sha256"] == gegevens["manifest_sha256"]
    lijst = sjabloon_cli("sjablonen", "--json")
    assert next(s for s in json.loads(lijst.stdout) if s["id"] == "factuur-leges")["status"] == "vrijgegeven"
    # a comment, other layout and a gewijzigd_door (who may review, not what the letters say) change nothing
    tekst = manifest.read_text(encoding="utf-8").replace("status: vrijgegeven", "status:   vrijgegeven  # ja")
    manifest.write_text(tekst + "# nog een opmerking\ngewijzigd_door: \"lokaal:carla\"\n", encoding="utf-8")
    lijst = sjabloon_cli("sjablonen", "--json")
    assert next(s for s in json.loads(lijst.stdout) if s["id"] == "factuur-leges")["status"] == "vrijgegeven"
    assert "gewijzigd na de vrijgave" not in lijst.stderr
    # released again (version 2): the rewrite of existing fields is no change either
    assert _vrijgeven(juridisch="anna", communicatief="bram").returncode == 0
    lijst = sjabloon_cli("sjablonen", "--json")
    assert next(s for s in json.loads(lijst.stdout) if s["id"] == "factuur-leges") == {
        "id": "factuur-leges", "titel": gegevens["titel"], "besluittype": gegevens["besluittype"], "versie": "2",
        "status": "vrijgegeven"}


def test_a_release_by_an_older_version_without_the_manifest_hash_must_be_redone(sjablonen_kopie, tmp_path):
    """An older release stored only the DOCX's hash: what sjabloon.yaml said then is unknown, so it is no release."""
    map_ = sjablonen_kopie / MELDING
    sha = hashlib.sha256((map_ / "sjabloon.docx").read_bytes()).hexdigest()
    manifest = map_ / "sjabloon.yaml"
    tekst = manifest.read_text(encoding="utf-8").replace("status: concept", f"status: vrijgegeven\nsha256: {sha}")
    manifest.write_text(tekst, encoding="utf-8")
    uit = sjabloon_cli("genereer", MELDING, "--zaak", MELDING_ZAAK, "--uit", tmp_path / "a", "--datum", "2026-11-23")
    assert uit.returncode == 2 and not (tmp_path / "a").exists()
    assert "niet vrijgegeven (de vrijgave dekte sjabloon.yaml nog niet" in uit.stderr
    assert "laat het sjabloon opnieuw vrijgeven" in uit.stderr
    lijst = sjabloon_cli("sjablonen", "--json")
    assert next(s for s in json.loads(lijst.stdout) if s["id"] == MELDING)["status"] == "concept"
    assert f"let op: {MELDING}: de vrijgave dekte sjabloon.yaml nog niet" in lijst.stderr
    maak_beoordelaars()
    opnieuw = vrijgeven_cli(MELDING, "--datum", "2026-11-23")
    assert opnieuw.returncode == 0 and "versie 1 -> 2" in opnieuw.stdout
    assert sjabloon_cli("genereer", MELDING, "--zaak", MELDING_ZAAK, "--uit", tmp_path / "b",
                        "--datum", "2026-11-23").returncode == 0


def test_a_broken_word_file_is_bad_input_for_release_and_unreadable_in_the_inventory(sjablonen_kopie, tmp_path):
    alleen(sjablonen_kopie, BRON)
    afgebroken_docx(sjablonen_kopie, "kapot-zip")
    (kapot_sjabloon(sjablonen_kopie, "kapot-yaml") / "sjabloon.yaml").write_text("id: kapot-yaml\ntitel: [kapot\n")
    maak_beoordelaars()
    uit = vrijgeven_cli("kapot-zip", "--datum", "2026-11-23")
    assert uit.returncode == 2 and "Traceback" not in uit.stderr, uit.stderr
    assert f"fout: {sjablonen_kopie / 'kapot-zip/sjabloon.docx'}: geen geldig Word-bestand" in uit.stderr

    html = tmp_path / "inventaris.html"
    inv = sjabloon_cli("inventaris", "--json", "--html", html)
    assert inv.returncode == 0 and "Traceback" not in inv.stderr, inv.stderr
    regels = {s["id"]: s for s in json.loads(inv.stdout)["sjablonen"]}
    assert regels[BRON]["status"] == "concept" and regels[BRON]["b1_score"] > 50 and regels[BRON]["fouten"] == []
    assert regels["kapot-zip"]["status"] == "onleesbaar" and "geen geldig Word-bestand" in regels["kapot-zip"]["fouten"][0]
    assert regels["kapot-yaml"]["status"] == "onleesbaar" and "kapot-yaml/sjabloon.yaml: regel" in regels["kapot-yaml"]["fouten"][0]
    assert "geen geldig Word-bestand" in html.read_text()
    tekst = sjabloon_cli("inventaris")
    assert tekst.returncode == 0 and "Onleesbare sjablonen" in tekst.stdout and "kapot-zip: " in tekst.stdout


def test_inventory_html_into_a_folder_or_below_a_file_is_bad_input(tmp_path):
    (tmp_path / "een-bestand").write_text("x")
    for pad, melding in ((tmp_path, "dat is een map"),
                         (tmp_path / "een-bestand" / "inventaris.html", f"{tmp_path / 'een-bestand'} is een bestand")):
        uit = sjabloon_cli("inventaris", "--html", pad)
        assert uit.returncode == 2 and f"fout: --html {pad}: {melding}" in uit.stderr and "Traceback" not in uit.stderr
        assert uit.stdout == ""
    nieuw = tmp_path / "nieuwe-map" / "inventaris.html"                 # a folder that does not exist yet is made
    assert sjabloon_cli("inventaris", "--html", nieuw).returncode == 0 and nieuw.is_file()
