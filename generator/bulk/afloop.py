"""Select the permits that expire within a window, so a herinnering goes out three months ahead (bulk input)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dateutil.relativedelta import relativedelta

from generator.bulk.invoer import lees_csv
from generator.vullen.fouten import InvoerFout
from generator.vullen.velden import OMZETTERS

EINDDATUM = "einddatum"


def selecteer(pad: Path, peildatum: dt.date, maanden: int = 3) -> tuple[list[str], list[dict]]:
    """The CSV's columns and the rows whose einddatum lies from the peildatum up to `maanden` months after it.
    Every bad row is reported at once (file, row, field); nothing is selected then."""
    kolommen, rijen = lees_csv(Path(pad))
    if EINDDATUM not in kolommen:
        raise InvoerFout(f"{Path(pad).name}: kolom '{EINDDATUM}' ontbreekt; gevonden kolommen: {', '.join(kolommen)}")
    grens = peildatum + relativedelta(months=maanden)
    gekozen, problemen = [], []
    for nummer, waarden in rijen:
        rij = dict(zip(kolommen, waarden))
        try:
            einde = OMZETTERS["datum"]({}, rij[EINDDATUM] or "")
        except ValueError as fout:
            problemen.append(f"{Path(pad).name}: regel {nummer}: {EINDDATUM}: {fout}")
            continue
        if peildatum <= einde <= grens:
            gekozen.append(rij)
    if problemen:
        raise InvoerFout(problemen)
    return kolommen, gekozen
