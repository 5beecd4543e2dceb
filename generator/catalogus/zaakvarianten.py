"""Case variants for the lint, derived from a template's declared fields: starting from the example case, one field
changes at a time: each other `keuze` value, each optional field emptied or filled in, each list empty and long.
One change at a time keeps every variant a realistic letter, and still reaches every branch that depends on a field."""

from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import dataclass

from generator.vullen.velden import subvelden, verplicht_door

LANGE_LIJST = 12
LEEG = object()


@dataclass
class Variant:
    naam: str        # what differs from the example, in Dutch: "uitkomst = afwijzing", "kadastraal leeg"
    zaak: dict       # the raw case, as a caseworker would write it
    gemeente: dict | None = None     # another profile than the default, for branches on profile fields


def varianten(velden: dict, voorbeeld: dict, datum: dt.date) -> list[Variant]:
    """The example itself first, then every one-field change. `datum` is used for dates the example leaves empty."""
    return [Variant("voorbeeld", voorbeeld)] + [Variant(naam, _met(voorbeeld, boven, wijziging))
                                               for boven, naam, wijziging in _wijzigingen(velden, voorbeeld, (), datum)]


def _wijzigingen(velden: dict, data: dict, boven: tuple, datum: dt.date):
    """(path of the group, description, {field: new value}) for every change of one field under `velden`.
    A keuze value that makes other fields required (`verplicht_bij`) fills them in too, once per value when
    they are keuze fields themselves, so the branches that hang on both are reached."""
    for naam, spec in velden.items():
        veld = ".".join(boven + (naam,))
        huidig = data.get(naam)
        leeg = huidig in (None, "", [], {})
        if spec.get("type") == "keuze":
            for keuze in spec.get("waarden", []):
                if str(keuze) != str(huidig):
                    for extra, uitleg in _erbij(velden, data, naam, keuze, datum):
                        yield boven, f"{veld} = {keuze}{uitleg}", {naam: keuze, **extra}
        if spec.get("type") == "getal" and not leeg:
            ander = 2 if str(huidig) == "1" else 1               # enkelvoud and meervoud: '1 week', '2 weken'
            yield boven, f"{veld} = {ander}", {naam: ander}
        if not spec.get("verplicht") and not (leeg and spec.get("type") == "keuze"):
            if leeg and (gevuld := voorbeeldwaarde(spec, naam, datum)) is not None:
                yield boven, f"{veld} ingevuld", {naam: gevuld}
            elif not leeg and not verplicht_door(spec, data):
                yield boven, f"{veld} leeg", {naam: LEEG}
        if spec.get("type") == "lijst" and not leeg:
            yield boven, f"{veld}: lange lijst ({LANGE_LIJST})", {naam: (huidig * LANGE_LIJST)[:LANGE_LIJST]}
        nested = subvelden(spec)
        if nested is not None and not leeg:
            yield from _wijzigingen(nested, huidig, boven + (naam,), datum)


def _erbij(velden: dict, data: dict, naam: str, keuze, datum: dt.date):
    """The fields `naam = keuze` makes required and the example leaves empty: one combination per keuze value."""
    nieuw = dict(data, **{naam: keuze})
    combinaties = [({}, "")]
    for ander, spec in velden.items():
        if data.get(ander) not in (None, "", [], {}) or not verplicht_door(spec, nieuw):
            continue
        opties = spec.get("waarden") if spec.get("type") == "keuze" else [voorbeeldwaarde(spec, ander, datum)]
        combinaties = [({**extra, ander: optie}, uitleg + (f", {ander} = {optie}" if spec.get("type") == "keuze" else ""))
                       for extra, uitleg in combinaties for optie in opties if optie is not None]
    return combinaties


def _met(zaak: dict, boven: tuple, wijziging: dict) -> dict:
    nieuw = copy.deepcopy(zaak)
    plek = nieuw
    for deel in boven:
        plek = plek[deel]
    for naam, waarde in wijziging.items():
        if waarde is LEEG:
            plek.pop(naam, None)
        else:
            plek[naam] = waarde
    return nieuw


def voorbeeldwaarde(spec: dict, naam: str, datum: dt.date):
    """A plausible value for a field the example leaves empty, or None when none fits (a strict `patroon`)."""
    soort = spec.get("type")
    if (nested := subvelden(spec)) is not None:
        waarden = {n: voorbeeldwaarde(s, n, datum) for n, s in nested.items()}
        return None if any(w is None for n, w in waarden.items() if nested[n].get("verplicht")) else \
            {n: w for n, w in waarden.items() if w is not None}
    if soort == "lijst":
        item = voorbeeldwaarde(spec.get("items") or {"type": "tekst"}, naam, datum)
        return None if item is None else [item]
    if soort == "keuze":
        return (spec.get("waarden") or [None])[0]
    if soort == "datum":
        return datum.isoformat()
    if soort == "bedrag":
        return "1000,00"
    if soort == "getal":
        return 2
    if patroon := spec.get("patroon"):
        return next((k for k in ("1234 AB", "1", "A") if re.fullmatch(patroon, k)), None)
    return f"Voorbeeld van {naam.replace('_', ' ')}"
