"""The release gate: the zaak passes the procedure rules, every rendered document passes the Awb check, and a brief
also the B1 check, before it is written, unless the caseworker overrides with a reason. For besluiten the B1
findings are warnings."""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import dataclass, field

from docx import Document as Word

from checks.awb.controle import Rapport
from checks.awb.procedure import RegelFout, procedure_bevindingen
from checks.awb.regels import besluittypen
from checks.b1.controle import B1Rapport
from checks.bevinding import Bevinding
from checks.document import Document, lees_document
from checks.werkers import controleer_awb_b1
from generator.vullen.fouten import InvoerFout
from generator.vullen.sjabloon import Sjabloon


@dataclass
class Keuring:
    awb: Rapport
    b1: B1Rapport
    brief: bool
    procedure: list[Bevinding] = field(default_factory=list)     # the zaak against the procedure rules

    @property
    def fouten(self) -> list[str]:
        """Why the document may not go out: procedure and Awb fouten, and for a brief not reaching B1."""
        redenen = [f"procedure:{b.regel}" for b in self.procedure if b.ernst == "fout"]
        redenen += [f"awb:{b.regel}" for b in self.awb.bevindingen if b.ernst == "fout"]
        if self.brief and not self.b1.b1:
            redenen.append("b1:niet_b1")
        return redenen


class VrijgaveGeweigerd(Exception):
    """The checks found a fout; the document is not released."""

    def __init__(self, keuring: Keuring):
        self.keuring = keuring
        super().__init__(f"{keuring.awb.bestand}: niet vrijgegeven")


class ProcedureGeweigerd(Exception):
    """The zaak breaks a procedure rule; nothing is rendered or written."""

    def __init__(self, bevindingen: list[Bevinding]):
        self.bevindingen = bevindingen
        super().__init__("de procedure klopt niet: " + ", ".join(b.regel for b in bevindingen if b.ernst == "fout"))


def procedure_van(sjabloon: Sjabloon, zaak: dict, dagtekening: dt.date, gemeente: dict) -> list[Bevinding]:
    """The procedure rules of the template's besluittype on a validated zaak; a rule file that cannot be read is bad
    input."""
    try:
        return procedure_bevindingen(sjabloon.besluittype, zaak, dagtekening, gemeente, sjabloon.bestuursorgaan(zaak))
    except RegelFout as fout:
        raise InvoerFout(str(fout)) from None


def eis_procedure(bevindingen: list[Bevinding], reden: str | None) -> None:
    """Refuse before anything is rendered when a procedure rule gives a fout, unless the caseworker gives a reason."""
    if any(b.ernst == "fout" for b in bevindingen) and not reden:
        raise ProcedureGeweigerd(bevindingen)


def keur(bestandsnaam: str, document: bytes, besluittype: str, reden: str | None = None,
         procedure: list[Bevinding] | None = None, gelezen: Document | None = None) -> tuple[bytes, Keuring]:
    """Check the rendered DOCX; refuse on a fout unless a reason is given, which is then stamped into the DOCX.
    `gelezen`: the DOCX as lees_document read it, when the caller already has it (a bulk worker)."""
    keuring = keuring_van(bestandsnaam, document, besluittype, procedure, gelezen)
    return geef_vrij(document, keuring, reden), keuring


def keuring_van(bestandsnaam: str, document: bytes, besluittype: str, procedure: list[Bevinding] | None = None,
                gelezen: Document | None = None) -> Keuring:
    """All checks of a rendered DOCX, without deciding anything (a preview shows them before release)."""
    awb, b1 = controleer_awb_b1(gelezen or lees_document(bestandsnaam, document), besluittype)
    return Keuring(awb, b1, besluittypen()[besluittype]["soort"] == "brief", list(procedure or []))


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
