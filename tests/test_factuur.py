"""factuur-leges carries an EPC payment QR code ('scan en betaal'); decoded from the rendered DOCX image."""

import datetime as dt
import io
import zipfile

import zxingcpp
from conftest import REPO, docx_tekst
from PIL import Image

from generator.vullen.genereer import genereer


def test_qr_code_holds_iban_amount_and_reference(tmp_path):
    pad = genereer("factuur-leges", REPO / "templates/factuur-leges/voorbeeld.yaml", tmp_path, dt.date(2026, 11, 23), concept=True).pad
    with zipfile.ZipFile(pad) as archief:
        codes = [c for n in archief.namelist() if n.startswith("word/media/")      # the logo is an image too
                 for c in zxingcpp.read_barcodes(Image.open(io.BytesIO(archief.read(n))))]
    [code] = codes
    regels = code.text.split("\n")
    assert regels[:4] == ["BCD", "002", "1", "SCT"] or regels[:4] == ["BCD", "002", "2", "SCT"]   # EPC header
    assert regels[5] == "Gemeente Voorbeeld"
    assert regels[6] == "NL91ABNA0417164300"
    assert regels[7] == "EUR412.5"
    assert regels[-1] == "Factuur F-2026-001873"
    tekst = docx_tekst(pad)
    assert "Totaal\n€ 412,50" in tekst or "€ 412,50" in tekst
    assert "uiterlijk op 23 december 2026" in tekst                    # betaaltermijn: 30 days
