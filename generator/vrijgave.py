"""The release gate: every rendered besluit passes the Awb check before it is written, unless overridden with a reason."""

from __future__ import annotations

import io
import json

from docx import Document as Word

from checks.awb import Rapport, controleer
from checks.document import lees_document


class VrijgaveGeweigerd(Exception):
    """The Awb check found a fout; the document is not released."""

    def __init__(self, rapport: Rapport):
        self.rapport = rapport
        super().__init__(f"{rapport.bestand}: niet vrijgegeven")


def keur(bestandsnaam: str, document: bytes, besluittype: str, reden: str | None = None) -> tuple[bytes, Rapport]:
    """Check the rendered DOCX; refuse on a fout unless a reason is given, which is then stamped into the DOCX."""
    rapport = controleer(lees_document(bestandsnaam, document), besluittype)
    if rapport.vrijgave:
        return document, rapport
    if not reden:
        raise VrijgaveGeweigerd(rapport)
    return _stempel(document, reden, rapport), rapport


def _stempel(document: bytes, reden: str, rapport: Rapport) -> bytes:
    """Record the override in the DOCX's own metadata (Opmerkingen), for the register."""
    word = Word(io.BytesIO(document))
    word.core_properties.comments = json.dumps({
        "vrijgave": "geforceerd",
        "reden": reden,
        "fouten": [b.regel for b in rapport.bevindingen if b.ernst == "fout"],
    }, ensure_ascii=False)
    uit = io.BytesIO()
    word.save(uit)
    return uit.getvalue()
