"""One beschikking or brief from one case: load, validate, enrich, render, write."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from generator.catalogus import laad
from generator.context import activeer_gemeente, maak_context
from generator.render import schrijf_atomisch, vul_docx
from generator.vrijgave import Keuring, keur
from generator.zaak import laad_zaak


@dataclass
class Resultaat:
    pad: Path
    waarschuwingen: list[str]
    keuring: Keuring


def genereer(sjabloon_naam: str, zaak_pad: Path, uit: Path, dagtekening: dt.date,
             gemeente_pad: Path | None = None, forceer_reden: str | None = None) -> Resultaat:
    """Everything is checked before anything is written; the DOCX appears whole or not at all.

    Raises VrijgaveGeweigerd when a check finds a fout (Awb; B1 for a brief) and no forceer_reden is given."""
    sjabloon = laad(sjabloon_naam)
    zaak = laad_zaak(zaak_pad, sjabloon)
    gemeente = activeer_gemeente(gemeente_pad)
    context, waarschuwingen = maak_context(sjabloon, zaak, dagtekening, gemeente)
    document = vul_docx(sjabloon.docx, context, sjabloon.id)
    pad = Path(uit) / bestandsnaam(zaak.get("zaaknummer") or Path(zaak_pad).stem, sjabloon.id)
    document, keuring = keur(pad.name, document, sjabloon.besluittype, forceer_reden)
    schrijf_atomisch(pad, document)
    return Resultaat(pad, waarschuwingen, keuring)


def bestandsnaam(zaaknummer: str, sjabloon_id: str) -> str:
    veilig = re.sub(r"[^A-Za-z0-9._-]+", "-", str(zaaknummer)).strip("-.") or "zaak"
    return f"{veilig}_{sjabloon_id}.docx"
