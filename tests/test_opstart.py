"""A command loads only what it needs: `sjabloon --help` no engine at all, the Awb check and the termijnen no B1
model. How fast that makes them is measured in bench/opstart.py, not here."""

import json
import subprocess
import sys

import pytest

ZWAAR = ("spacy", "wordfreq", "sqlalchemy", "alembic", "fastapi", "docxtpl", "docx", "numpy", "yaml", "jinja2")
GEEN_B1 = ("spacy", "wordfreq", "fastapi")


def geladen_na(tmp_path, *argumenten) -> set[str]:
    """The top-level modules in memory after one `sjabloon` command, run as its own process."""
    code = ("import json, sys\nfrom cli.sjabloon import main\n"
            "try:\n    main(sys.argv[1:], prog_name='sjabloon')\nexcept SystemExit:\n    pass\n"
            "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))")
    uit = subprocess.run([sys.executable, "-c", code, *map(str, argumenten)], capture_output=True, text=True,
                         cwd=tmp_path, check=True)
    return set(json.loads(uit.stdout.splitlines()[-1]))


def test_hulp_laadt_geen_enkele_motor(tmp_path):
    assert geladen_na(tmp_path, "--help") & set(ZWAAR) == set()


@pytest.mark.parametrize("opdracht", ["genereer", "controleer", "b1", "bulk", "web", "register", "gebruiker", "sleutel",
                                      "zgw"])
def test_hulp_van_een_opdracht_laadt_geen_motor(tmp_path, opdracht):
    assert geladen_na(tmp_path, opdracht, "--help") & set(ZWAAR) == set()


def test_termijn_en_awb_controle_laden_geen_b1_model(tmp_path):
    assert geladen_na(tmp_path, "termijn", "bezwaar", "--datum", "2026-12-17") & set(GEEN_B1) == set()
    besluit = tmp_path / "besluit.txt"
    besluit.write_text("Besluit op uw aanvraag\n\nGelet op artikel 5.1 van de Omgevingswet besluiten wij de "
                       "vergunning te verlenen.\n", encoding="utf-8")
    assert geladen_na(tmp_path, "controleer", besluit) & set(GEEN_B1) == set()


def test_b1_controle_laadt_het_model_wel(tmp_path):
    """The counterpart: the B1 check does need spaCy, so the tests above would see it if a light command loaded it."""
    brief = tmp_path / "brief.txt"
    brief.write_text("Geachte heer Jansen,\n\nWij hebben uw aanvraag ontvangen. U hoort binnen acht weken van ons.\n",
                     encoding="utf-8")
    assert {"spacy", "wordfreq"} <= geladen_na(tmp_path, "b1", brief)


def test_model_laadt_zijn_eigen_tokenizer_volledig():
    """The model is loaded with a bare tokenizer to skip spaCy's defaults; its own rules must still all be there,
    so the sentences come out as a plain spacy.load would cut and parse them."""
    import spacy

    from checks.b1.taalmodel import MODEL, nlp
    gewoon = spacy.load(MODEL)
    assert nlp().tokenizer.rules == gewoon.tokenizer.rules and len(gewoon.tokenizer.rules) > 1000
    zin = "Wij vragen u bijv. het formulier z.s.m. terug te sturen, o.a. met uw BSN (zie art. 4:5 Awb)."
    assert [(t.text, t.dep_, t.head.i) for t in nlp()(zin)] == [(t.text, t.dep_, t.head.i) for t in gewoon(zin)]
    assert "bijv." in [t.text for t in nlp()(zin)]
