"""The reading limits as configured: SJABLOON_DOCUMENT_<SLEUTEL> variables, else the `[documenten]` table of the
settings file, else the defaults in checks.document.grenzen. A wrong value is an error that names where it stands."""

from __future__ import annotations

import dataclasses
import os

from checks.document.grenzen import Leesgrenzen, gebruik_grenzen
from generator.plaatsen.instellingen import InstellingenFout, lees_tabel
from generator.plaatsen.plekken import instellingenbestand

TABEL = "documenten"
SLEUTELS = {veld.name: f"SJABLOON_DOCUMENT_{veld.name.upper()}" for veld in dataclasses.fields(Leesgrenzen)}


def leesgrenzen() -> Leesgrenzen:
    pad = instellingenbestand().pad
    tabel = lees_tabel(pad, TABEL)
    problemen = [f"{pad}: [{TABEL}] {sleutel}: onbekende instelling; bekend zijn: {', '.join(SLEUTELS)}"
                 for sleutel in tabel if sleutel not in SLEUTELS]
    waarden = {}
    for veld in dataclasses.fields(Leesgrenzen):
        variabele = SLEUTELS[veld.name]
        if (waarde := os.environ.get(variabele, "").strip()):
            bron = f"omgevingsvariabele {variabele}"
        elif veld.name in tabel:
            waarde, bron = tabel[veld.name], f"{pad}: [{TABEL}] {veld.name}"
        else:
            continue
        soort = float if veld.type in ("float", float) else int
        try:
            getal = soort(waarde) if not isinstance(waarde, bool) else None
        except (TypeError, ValueError):
            getal = None
        if getal is None or getal <= 0:
            problemen.append(f"{bron}: {waarde!r} is geen geldige grens; verwacht "
                             f"{'een getal (seconden)' if soort is float else 'een geheel getal'} groter dan 0")
        else:
            waarden[veld.name] = getal
    if problemen:
        raise InstellingenFout(problemen)
    return Leesgrenzen(**waarden)


def activeer_leesgrenzen() -> Leesgrenzen:
    """Read every document in this process within the configured limits; raises InstellingenFout when one is wrong."""
    grenzen = leesgrenzen()
    gebruik_grenzen(grenzen)
    return grenzen
