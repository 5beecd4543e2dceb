"""The release gate: every rendered document passes the Awb check, and a brief also the B1 check, before it is
written, unless the caseworker overrides with a reason. For besluiten the B1 findings are warnings."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass

from docx import Document as Word

from checks.awb.controle import Rapport, controleer
from checks.awb.regels import besluittypen
from checks.b1.controle import B1Rapport, controleer_b1
from checks.document import lees_document


@dataclass
class Keuring:
    awb: Rapport
    b1: B1Rapport
    brief: bool

    @property
    def fouten(self) -> list[str]:
        """Why the document may not go out: Awb fouten, and for a brief not reaching B1."""
        redenen = [f"awb:{b.regel}" for b in self.awb.bevindingen if b.ernst == "fout"]
        if self.brief and not self.b1.b1:
            redenen.append("b1:niet_b1")
        return redenen


class VrijgaveGeweigerd(Exception):
    """The checks found a fout; the document is not released."""

    def __init__(self, keuring: Keuring):
        self.keuring = keuring
        super().__init__(f"{keuring.awb.bestand}: niet vrijgegeven")


def keur(bestandsnaam: str, document: bytes, besluittype: str, reden: str | None = None) -> tuple[bytes, Keuring]:
    """Check the rendered DOCX; refuse on a fout unless a reason is given, which is then stamped into the DOCX."""
    keuring = keuring_van(bestandsnaam, document, besluittype)
    return geef_vrij(document, keuring, reden), keuring


def keuring_van(bestandsnaam: str, document: bytes, besluittype: str) -> Keuring:
    """Both checks of a rendered DOCX, without deciding anything (a preview shows them before release)."""
    gelezen = lees_document(bestandsnaam, document)
    return Keuring(controleer(gelezen, besluittype), controleer_b1(gelezen), besluittypen()[besluittype]["soort"] == "brief")


def geef_vrij(document: bytes, keuring: Keuring, reden: str | None = None) -> bytes:
    """The document as it may go out: refused on a fout unless a reason is given, which is stamped into it."""
    if not keuring.fouten:
        return document
    if not reden:
        raise VrijgaveGeweigerd(keuring)
    return _stempel(document, reden, keuring.fouten)


def _stempel(document: bytes, reden: str, fouten: list[str]) -> bytes:
    """Record the override in the DOCX's own metadata (Opmerkingen), for the register."""
    word = Word(io.BytesIO(document))
    word.core_properties.comments = json.dumps({"vrijgave": "geforceerd", "reden": reden, "fouten": fouten}, ensure_ascii=False)
    uit = io.BytesIO()
    word.save(uit)
    return uit.getvalue()
