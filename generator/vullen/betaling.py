"""Images from the gemeente profile: the EPC payment QR code ('scan en betaal' in Dutch banking apps) for invoices: {{ betaalcode(totaal, factuurnummer) }}."""

from __future__ import annotations

import io
from pathlib import Path

from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage

from checks.content import content_dir
from generator.vullen.fouten import RenderFout
from generator.vullen.qr import epc_png


def betaalcode_functie(sjabloon: DocxTemplate, gemeente: dict, naam_sjabloon: str):
    """The Jinja global `betaalcode(bedrag, omschrijving)`: a QR image with the gemeente's name and IBAN."""

    def betaalcode(bedrag, omschrijving) -> InlineImage:
        iban = str(gemeente.get("iban", "")).replace(" ", "")
        if not iban:
            raise RenderFout(f"sjabloon {naam_sjabloon}: het gemeenteprofiel heeft geen 'iban' voor de betaalcode")
        png = epc_png(gemeente["naam"][:70], iban, bedrag, str(omschrijving)[:140])
        return InlineImage(sjabloon, io.BytesIO(png), width=Mm(32))

    return betaalcode


def logo_functie(sjabloon: DocxTemplate, gemeente: dict, naam_sjabloon: str):
    """The Jinja global `logo()`: the gemeente's logo from its profile, 45 mm wide in the letterhead."""

    gevonden: list[str] = []               # the logo's path once found (a bulk run fills this template often)

    def logo() -> InlineImage | str:
        if not gemeente.get("logo"):
            return ""
        if not gevonden:
            pad = Path(gemeente["logo"])
            pad = pad if pad.is_absolute() else content_dir() / pad
            if not pad.is_file():
                raise RenderFout(f"sjabloon {naam_sjabloon}: logo '{pad}' uit het gemeenteprofiel bestaat niet")
            gevonden.append(str(pad))
        return InlineImage(sjabloon, gevonden[0], width=Mm(45))

    return logo
