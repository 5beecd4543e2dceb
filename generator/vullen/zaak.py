"""Read a case file (YAML or JSON) and validate it against a template's declared fields."""

from __future__ import annotations

from pathlib import Path

from generator.vullen.bestanden import lees_gegevens
from generator.vullen.fouten import InvoerFout
from generator.vullen.sjabloon import Sjabloon
from generator.vullen.velden import valideer


def laad_zaak(pad: Path, sjabloon: Sjabloon) -> dict:
    """Read and validate a case; raise InvoerFout with every problem, as 'bestand: veld: melding'."""
    schoon, problemen = valideer(sjabloon.velden, lees_gegevens(pad))
    if problemen:
        raise InvoerFout([f"{Path(pad).name}: {p}" for p in problemen])
    return schoon
