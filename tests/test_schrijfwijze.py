"""Amounts, numbers and dates as a Dutch reader writes them (checks.schrijfwijze, by Babel), in every place a user
reads them: the template filters, the checks' findings, the web form and the pages."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from decimal import Decimal

import pytest

from checks.schrijfwijze import bedrag, datum, datum_kort, getal, maandnamen
from generator.vullen.velden import lees_bedrag


@pytest.mark.parametrize("waarde, tekst", [(500, "€ 500,00"), (15000, "€ 15.000,00"), ("0.5", "€ 0,50"),
                                           (Decimal("1234567.891"), "€ 1.234.567,89"), (0.1, "€ 0,10")])
def test_amount_has_grouping_dots_decimal_comma_and_an_ordinary_space(waarde, tekst):
    assert bedrag(waarde) == tekst
    assert "\u00a0" not in bedrag(waarde)            # the checks and Word's search read what the letter shows


def test_amount_without_sign_for_an_input_beside_a_euro_sign():
    assert bedrag(Decimal("15000"), teken=False) == "15.000,00"
    assert bedrag(312.5, teken=False) == "312,50"


def test_number_and_dates_in_dutch():
    assert getal(50000) == "50.000" and getal(2.5) == "2,5"
    assert datum(dt.date(2026, 12, 17)) == "17 december 2026"
    assert datum(dt.date(2026, 12, 17), weekdag=True) == "donderdag 17 december 2026"
    assert datum("2026-03-01") == "1 maart 2026"
    assert datum(dt.datetime(2026, 5, 4, 23, 59)) == "4 mei 2026"
    assert datum_kort(dt.date(2026, 3, 1)) == "01-03-2026"
    assert maandnamen()[0] == "januari" and maandnamen()[11] == "december" and len(maandnamen()) == 12


def test_a_wrong_value_is_an_error_not_a_guess():
    with pytest.raises(ArithmeticError):
        bedrag("vijf")
    with pytest.raises(ValueError):
        datum("17-12-2026")


@pytest.mark.parametrize("tekst, waarde", [("1250", "1250.00"), ("1250.00", "1250.00"), ("1.250,00", "1250.00"),
                                           ("15.000", "15000.00"), ("€ 15.000,00", "15000.00"),
                                           ("€\u00a0500,00", "500.00"), ("12,5", "12.50"), ("1.5", "1.50"),
                                           ("1234,56", "1234.56"), ("1.234.567,00", "1234567.00"),
                                           (0.1 + 0.2, "0.30")])      # a number cell: binary noise, not a decimal
def test_an_amount_is_read_as_the_form_and_the_letter_write_it(tekst, waarde):
    assert lees_bedrag(tekst) == Decimal(waarde)
    assert lees_bedrag(bedrag(lees_bedrag(tekst), teken=False)) == Decimal(waarde)     # the form round trip


def test_babel_is_not_loaded_until_something_is_formatted():
    """`sjabloon --help` must stay fast: importing the formatter (and the termijnen that use it) loads no Babel."""
    code = "import sys, checks.schrijfwijze, checks.termijnen; print('babel' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"


def test_web_form_shows_an_example_amount_in_dutch():
    from fastapi.testclient import TestClient

    from web.app import maak_app
    from aanmelden import meld_aan
    with TestClient(maak_app()) as client:
        meld_aan(client, rollen=["zaakbehandelaar"])
        pagina = client.get("/sjablonen/factuur-leges/maken?voorbeeld=1").text
    waarden = dict(re.findall(r'name="(posten\[\d\]\.bedrag)"[^>]*value="([^"]*)"', pagina))
    assert waarden == {"posten[1].bedrag": "312,50", "posten[2].bedrag": "100,00"}


def test_findings_name_amounts_and_dates_in_dutch():
    from checks.awb.samenhang import _als_datum
    from checks.termijnen import bereken
    assert bereken("bezwaar", dt.date(2026, 12, 17)).zin().count("donderdag 28 januari 2027") == 1
    assert _als_datum("di 3 mrt. 2026") == dt.date(2026, 3, 3)      # month names for reading come from Babel too


def test_awb_finding_names_the_amounts_as_the_letter_writes_them():
    """The text says € 250,00 and € 500,00; the finding used to print the parsed Decimal: '€ 250.00'."""
    from test_awb_controle import GOED, LAST

    from checks.awb.controle import controleer
    from checks.document import lees_tekst
    tekst = LAST.format(**dict(GOED, maximum="€ 250,00")).replace("€ 500 per week", "€ 500,00 per week")
    bevinding = next(b for b in controleer(lees_tekst(tekst, "last.txt"), "last_onder_dwangsom").bevindingen
                     if b.regel == "dwangsom_maximum_hoogte")
    assert "(€ 250,00)" in bevinding.bericht and "(€ 500,00)" in bevinding.bericht


def test_template_filters_write_what_the_formatter_writes(tmp_path):
    from docx import Document

    from generator.vullen.render import vul_docx
    doc = Document()
    doc.add_paragraph("Betaal {{ som|bedrag }} uiterlijk op {{ dag|datum(weekdag=True) }} ({{ dag|datum_kort }}).")
    doc.save(tmp_path / "t.docx")
    gevuld = vul_docx(tmp_path / "t.docx", {"som": Decimal("15000"), "dag": dt.date(2026, 12, 17)}, "proef")
    (tmp_path / "uit.docx").write_bytes(gevuld)
    tekst = Document(tmp_path / "uit.docx").paragraphs[0].text
    assert tekst == "Betaal € 15.000,00 uiterlijk op donderdag 17 december 2026 (17-12-2026)."
