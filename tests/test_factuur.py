"""factuur-leges carries an EPC payment QR code ('scan en betaal'); decoded from the rendered DOCX image."""

import datetime as dt
import io
import zipfile

from decimal import Decimal

import numpy as np
import pytest
import zxingcpp
from conftest import REPO, docx_tekst
from PIL import Image
from segno import helpers

from generator.vullen.genereer import genereer
from generator.vullen.qr import epc_png, png


def test_qr_code_holds_iban_amount_and_reference(tmp_path):
    pad = genereer("factuur-leges", REPO / "templates/factuur-leges/voorbeeld.yaml", tmp_path, dt.date(2026, 11, 23), concept=True).pad
    with zipfile.ZipFile(pad) as archief:
        codes = [c for n in archief.namelist() if n.startswith("word/media/")      # the logo is an image too
                 for c in zxingcpp.read_barcodes(Image.open(io.BytesIO(archief.read(n))))]
    [code] = codes
    regels = code.bytes.decode("utf-8").split("\n")                    # what a banking app reads: the bytes
    assert regels[:4] == ["BCD", "002", "1", "SCT"] or regels[:4] == ["BCD", "002", "2", "SCT"]   # EPC header
    assert regels[5] == "Gemeente Voorbeeld"
    assert regels[6] == "NL91ABNA0417164300"
    assert regels[7] == "EUR412.5"
    assert regels[-1] == "Factuur F-2026-001873"
    tekst = docx_tekst(pad)
    assert "Totaal\n€ 412,50" in tekst or "€ 412,50" in tekst
    assert "uiterlijk op 23 december 2026" in tekst                    # betaaltermijn: 30 days


BETALINGEN = [("Gemeente Voorbeeld", "NL91ABNA0417164300", "412.5", "Factuur F-2026-001873"),
              ("Gemeente Súdwest-Fryslân", "NL02RABO0123456789", "0.01", "Leges café 't Hoekje, één vergunning"),
              ("G" * 70, "NL91ABNA0417164300", "999999999.99", "x" * 140),           # the longest the EPC allows
              ("Gemeente Voorbeeld", "NL91ABNA0417164300", "1250", "Factuur F-2026-000042")]


def _lees(png_bytes: bytes):
    [code] = zxingcpp.read_barcodes(Image.open(io.BytesIO(png_bytes)))
    return code


@pytest.mark.parametrize("naam,iban,bedrag,tekst", BETALINGEN)
def test_payment_code_holds_the_same_payload_as_segnos(naam, iban, bedrag, tekst):
    """The fast code carries the bytes segno's make_epc_qr carries, at level M, without ECI, never larger."""
    segno_code = helpers.make_epc_qr(name=naam, iban=iban, amount=Decimal(bedrag), text=tekst, encoding="utf-8")
    segno_png = io.BytesIO()
    segno_code.save(segno_png, kind="png", scale=8, border=4)
    verwacht, gelezen = _lees(segno_png.getvalue()), _lees(epc_png(naam, iban, Decimal(bedrag), tekst))
    assert gelezen.bytes == verwacht.bytes
    assert gelezen.bytes.decode("utf-8").split("\n")[5:8] == [naam, iban, verwacht.bytes.decode().split("\n")[7]]
    assert gelezen.ec_level == "M" and gelezen.symbology_identifier == "]Q1"           # no ECI, as segno's
    assert int(gelezen.extra["Version"]) <= min(segno_code.version, 13)


def test_png_writer_draws_segnos_image():
    """The numpy PNG writer gives, for segno's own matrix, the same pixels as segno's PNG writer."""
    code = helpers.make_epc_qr(name="Gemeente Voorbeeld", iban="NL91ABNA0417164300", amount=Decimal("412.5"),
                               text="Factuur F-2026-001873", encoding="utf-8")
    segno_png = io.BytesIO()
    code.save(segno_png, kind="png", scale=8, border=4)
    eigen = png(np.array([list(rij) for rij in code.matrix], dtype=bool))
    verwacht, beeld = Image.open(segno_png), Image.open(io.BytesIO(eigen))
    assert (beeld.mode, beeld.size) == (verwacht.mode, verwacht.size) == ("1", (392, 392))
    assert np.array_equal(np.asarray(beeld), np.asarray(verwacht))


@pytest.mark.parametrize("bedrag,tekst", [("0", "Factuur"), ("10", ""), ("10", "x" * 141)])
def test_payment_code_refuses_what_the_epc_rules_refuse(bedrag, tekst):
    with pytest.raises(ValueError):
        helpers.make_epc_qr(name="Gemeente Voorbeeld", iban="NL91ABNA0417164300", amount=Decimal(bedrag), text=tekst)
    with pytest.raises(ValueError):
        epc_png("Gemeente Voorbeeld", "NL91ABNA0417164300", bedrag, tekst)
