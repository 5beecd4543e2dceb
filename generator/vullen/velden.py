"""Validate case data against a template's declared fields (`velden` in sjabloon.yaml).

Every problem is collected, so the caseworker sees them all at once. Field paths are dotted
(`aanvrager.postcode`) with 1-based list positions (`overtredingen[2].omschrijving`).
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from decimal import Decimal, InvalidOperation

from checks.content import load_yaml
from generator.vullen.zaakregels import grenzen, keur, weigert

STUK = re.compile(r"([^.\[\]]+)(?:\[(\d+)\])?")     # one step of a field path: naam or naam[2]
ENKELVOUDIG = {"tekst", "datum", "bedrag", "getal", "keuze", "lijst", "groep"}
SLEUTELS = ("type", "verplicht", "omschrijving", "waarden", "items", "velden", "verplicht_bij", "patroon",
            "patroon_uitleg", "max_lengte", "tekstvak")         # what a field spec in a manifest may say
# How an amount may be written (lees_bedrag); anything else is refused, never guessed
KAAL = re.compile(r"\d+(?:[.,]\d{1,2})?")                           # 1250, 1250,5, 1250.50
DUIZENDTALLEN = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")                # 15.000 is fifteen thousand, as the form shows it
GROEPEN = re.compile(DUIZENDTALLEN.pattern + r"(?:,\d{1,2})?")          # ... and 1.250,50 with its cents
ENGELS = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?")           # 1,234.56 or 1,234: thousands or decimals?
TE_VEEL_DECIMALEN = re.compile(r"(?:\d+|[1-9]\d{0,2}(?:\.\d{3})+)[.,]\d{3,}")
SCHRIJF_BEDRAG = "schrijf bijvoorbeeld 1250,00 of 1250.00"
CENT = Decimal("0.01")
FLOAT_RUIS = 1e-9       # what a binary number cell may differ from its cents by (0.30000000000000004): not a decimal


def veldtypen() -> dict:
    """Composite types (adres, persoon) as declared in content/veldtypen.yaml."""
    return load_yaml("veldtypen.yaml")


def bekende_typen() -> set[str]:
    return ENKELVOUDIG | set(veldtypen())


def subvelden(spec: dict) -> dict | None:
    """The nested fields of a groep or composite type, else None."""
    if spec.get("type") == "groep":
        return spec.get("velden") or {}
    return veldtypen().get(spec.get("type"))


def valideer(velden: dict, data: dict, pad: str = "", lengtes: dict[str, int] | None = None) -> tuple[dict, list[str]]:
    """Check `data` against `velden`; return the cleaned values and a list of 'pad: melding' problems.
    `lengtes` (zaakregels.grenzen) is looked up once for the whole case."""
    lengtes = lengtes or grenzen()
    schoon: dict = {}
    problemen: list[str] = []
    if not isinstance(data, dict):
        return schoon, [f"{pad or '(zaak)'}: moet een groep velden zijn (naam: waarde)"]
    for naam, spec in velden.items():
        veldpad = f"{pad}.{naam}" if pad else naam
        waarde = data.get(naam)
        if _leeg(waarde):
            if spec.get("verplicht"):
                problemen.append(f"{veldpad}: verplicht veld ontbreekt")
            elif voorwaarde := verplicht_door(spec, data):
                problemen.append(f"{veldpad}: verplicht omdat {voorwaarde}")
            schoon[naam] = [] if spec.get("type") == "lijst" else None
            continue
        schoon[naam], fouten = _waarde(spec, waarde, veldpad, lengtes)
        problemen.extend(fouten)
    for naam in data:
        if naam not in velden:
            veldpad = f"{pad}.{naam}" if pad else naam
            lijkt = difflib.get_close_matches(str(naam), list(velden), n=1)
            hint = f"; bedoelt u '{lijkt[0]}'?" if lijkt else " in dit sjabloon"
            problemen.append(f"{veldpad}: onbekend veld{hint}")
    return schoon, problemen


def verplicht_door(spec: dict, data: dict) -> str | None:
    """`verplicht_bij: {uitkomst: afwijzing}` makes an optional field required when another field has that value
    (a list of values is allowed); returns the reason in Dutch, or None."""
    for ander, waarden in (spec.get("verplicht_bij") or {}).items():
        waarden = waarden if isinstance(waarden, list) else [waarden]
        if str(data.get(ander)) in {str(w) for w in waarden}:
            return f"{ander} = {data.get(ander)}"
    return None


def _leeg(waarde) -> bool:
    """No value. Python's strip() also takes control characters such as U+000C for spaces: a value of only those
    is not empty but refused by name (zaakregels), never silently left out."""
    if isinstance(waarde, str):
        return not waarde.strip() and not weigert(waarde)
    return waarde is None or waarde == [] or waarde == {}


def _waarde(spec: dict, waarde, pad: str, lengtes: dict[str, int]):
    soort = spec.get("type")
    if (nested := subvelden(spec)) is not None:
        return valideer(nested, waarde, pad, lengtes)
    if soort == "lijst":
        return _lijst(spec, waarde, pad, lengtes)
    omzetter = OMZETTERS[soort]
    try:
        if isinstance(waarde, str):         # length and characters first (zaakregels): refused whole, or kept exactly
            waarde = keur(spec, pad, waarde, lengtes)
        return omzetter(spec, waarde), []
    except ValueError as fout:
        return None, [f"{pad}: {fout}"]


def _lijst(spec: dict, waarde, pad: str, lengtes: dict[str, int]):
    if not isinstance(waarde, list):
        return [], [f"{pad}: moet een lijst zijn (elk onderdeel op een eigen regel met '- ')"]
    item_spec = spec.get("items") or {"type": "tekst"}
    schoon, problemen = [], []
    for positie, item in enumerate(waarde, start=1):
        itempad = f"{pad}[{positie}]"
        if _leeg(item):
            problemen.append(f"{itempad}: leeg onderdeel in de lijst")
            continue
        waarde_schoon, fouten = _waarde(item_spec, item, itempad, lengtes)
        schoon.append(waarde_schoon)
        problemen.extend(fouten)
    return schoon, problemen


def _tekst(spec: dict, waarde) -> str:
    if isinstance(waarde, (dict, list)) or isinstance(waarde, bool):
        raise ValueError("moet een tekst zijn")
    tekst = str(waarde).strip()
    if (patroon := spec.get("patroon")) and not re.fullmatch(patroon, tekst):
        raise ValueError(f"'{tekst}' heeft niet de juiste vorm: {spec.get('patroon_uitleg', patroon)}")
    return tekst


def _datum(spec: dict, waarde) -> dt.date:
    if isinstance(waarde, dt.datetime):
        return waarde.date()
    if isinstance(waarde, dt.date):
        return waarde
    tekst = str(waarde).strip()
    for vorm in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(tekst, vorm).date()
        except ValueError:
            pass
    raise ValueError(f"'{tekst}' is geen geldige datum (schrijf JJJJ-MM-DD, bijvoorbeeld 2026-11-22)")


def _bedrag(spec: dict, waarde) -> Decimal:
    return lees_bedrag(waarde)


def lees_bedrag(waarde) -> Decimal:
    """An amount as a caseworker or a spreadsheet writes it: 1250, 1250.00, 1250,00, 1.250,00, 1.250, € 1.250 (also
    copied from a letter, with a no-break space). Never a guess: more than two decimals, a comma between thousands
    (1,234.56), an exponent (1e3), NaN or inf is refused with the way to write it, never rounded or read otherwise."""
    if isinstance(waarde, bool):
        raise ValueError("moet een bedrag zijn")
    if isinstance(waarde, int):
        return _in_centen(waarde, Decimal(waarde))
    if isinstance(waarde, float):           # a number cell of Excel or JSON: binary, so 0.1 + 0.2 is 0.30000000000000004
        if not math.isfinite(waarde):
            raise ValueError(f"'{waarde}' is geen bedrag ({SCHRIJF_BEDRAG})")
        if abs(waarde - round(waarde, 2)) > FLOAT_RUIS:
            raise ValueError(f"'{waarde}' heeft meer dan twee cijfers achter de komma; een bedrag is in hele centen "
                             f"({SCHRIJF_BEDRAG})")
        return _in_centen(waarde, Decimal(repr(round(waarde, 2))))
    tekst = "".join(str(waarde).replace("€", "").split())
    getal = tekst.removeprefix("-")
    if KAAL.fullmatch(getal):                   # 1250, 1250,5, 1250.50
        return _in_centen(waarde, Decimal(("-" if getal != tekst else "") + getal.replace(",", ".")))
    if GROEPEN.fullmatch(getal):                # 1.250, 1.250,00, 1.234.567,00
        return _in_centen(waarde, Decimal(("-" if getal != tekst else "") + getal.replace(".", "").replace(",", ".")))
    if ENGELS.fullmatch(getal):
        if "." not in getal:
            raise ValueError(f"'{waarde}' is geen bedrag: na de komma mogen hoogstens twee cijfers staan; zijn het "
                             f"duizendtallen, schrijf dan een punt of niets ({getal.replace(',', '.')} of "
                             f"{getal.replace(',', '')})")
        raise ValueError(f"'{waarde}' is geen bedrag: een komma tussen de duizendtallen (Engelse schrijfwijze) kan niet; "
                         f"schrijf {getal.replace(',', '').replace('.', ',')} of "
                         f"{getal.replace(',', '#').replace('.', ',').replace('#', '.')}")
    if TE_VEEL_DECIMALEN.fullmatch(getal):
        raise ValueError(f"'{waarde}' heeft meer dan twee cijfers achter de komma; een bedrag is in hele centen "
                         f"({SCHRIJF_BEDRAG})")
    raise ValueError(f"'{waarde}' is geen bedrag ({SCHRIJF_BEDRAG})")


def _in_centen(waarde, bedrag: Decimal) -> Decimal:
    if bedrag < 0:
        raise ValueError(f"'{waarde}' is geen geldig bedrag (niet negatief)")
    try:
        return bedrag.quantize(CENT)
    except InvalidOperation:                    # more digits than Decimal's precision (28)
        raise ValueError(f"'{waarde}' is te groot voor een bedrag") from None


def _getal(spec: dict, waarde) -> int:
    """A whole number (weeks, visitors), as written in Dutch: 6, 1.500 (fifteen hundred). A fraction is refused, not
    rounded: the letter would print it while its deadline counted whole weeks."""
    if isinstance(waarde, bool):
        raise ValueError("moet een getal zijn")
    if isinstance(waarde, float) and waarde.is_integer():     # a JSON number such as 6.0
        return int(waarde)
    tekst = "".join(str(waarde).split())
    if DUIZENDTALLEN.fullmatch(tekst):
        tekst = tekst.replace(".", "")
    if re.fullmatch(r"-?\d{1,15}", tekst):
        return int(tekst)
    if re.fullmatch(r"-?\d+", tekst):
        raise ValueError(f"'{tekst[:20]}...' is te groot: ten hoogste 15 cijfers")
    if re.fullmatch(r"-?\d*[.,]\d+", tekst):
        raise ValueError(f"'{waarde}' is geen heel getal; schrijf een heel getal, zoals 6")
    raise ValueError(f"'{waarde}' is geen getal")


def _keuze(spec: dict, waarde) -> str:
    tekst = str(waarde).strip()
    waarden = [str(w) for w in spec.get("waarden", [])]
    if tekst not in waarden:
        raise ValueError(f"'{tekst}' is geen geldige keuze; kies uit: {', '.join(waarden)}")
    return tekst


OMZETTERS = {"tekst": _tekst, "datum": _datum, "bedrag": _bedrag, "getal": _getal, "keuze": _keuze}


def uit_paden(vlak: dict) -> dict:
    """{'aanvrager.naam': 'X', 'posten[1].bedrag': '5'} -> {'aanvrager': {'naam': 'X'}, 'posten': [{'bedrag': '5'}]}.
    Empty cells are left out, so an optional group or list with no values stays absent."""
    zaak: dict = {}
    for kolom, waarde in vlak.items():
        if _leeg(waarde):
            continue
        doel: dict | list = zaak
        stukken = [STUK.fullmatch(s).groups() for s in kolom.split(".")]
        for positie, (naam, index) in enumerate(stukken):
            laatste = positie == len(stukken) - 1
            if index is None:
                if laatste:
                    doel[naam] = waarde
                else:
                    doel = doel.setdefault(naam, {})
                continue
            lijst = doel.setdefault(naam, [])
            while len(lijst) < int(index):
                lijst.append({} if not laatste else None)
            if laatste:
                lijst[int(index) - 1] = waarde
            else:
                doel = lijst[int(index) - 1] = lijst[int(index) - 1] or {}
    for naam, waarde in zaak.items():        # list items left empty between filled ones
        if isinstance(waarde, list):
            zaak[naam] = [w for w in waarde if w not in (None, {})]
    return zaak


def padfout(kolom: str, velden: dict) -> str | None:
    """Why a column or form name is not a field path of these fields, or None."""
    if not kolom:
        return "kolom zonder naam"
    stukken = kolom.split(".")
    spec: dict | None = None
    huidig = velden
    for stuk in stukken:
        gevonden = STUK.fullmatch(stuk)
        if not gevonden or huidig is None or gevonden.group(1) not in huidig:
            bekend = ", ".join(sorted(huidig or {}))
            return f"geen veld van dit sjabloon (velden hier: {bekend})"
        spec = huidig[gevonden.group(1)]
        if gevonden.group(2):
            if spec.get("type") != "lijst":
                return f"'{gevonden.group(1)}' is geen lijst, dus [{gevonden.group(2)}] kan niet"
            spec = spec.get("items") or {"type": "tekst"}
        huidig = subvelden(spec)
    return None


def overzicht(velden: dict, pad: str = "") -> list[dict]:
    """Every declared field as one row, a group's fields after the group and a list's item fields as `naam[n].veld`:
    {veld, type, verplicht, omschrijving}, with `waarden`, `verplicht_bij`, `patroon_uitleg` and a list's `items` type
    when set."""
    rijen = []
    for naam, spec in velden.items():
        veldpad = f"{pad}.{naam}" if pad else naam
        rij = {"veld": veldpad, "type": spec.get("type"), "verplicht": bool(spec.get("verplicht")),
               "omschrijving": spec.get("omschrijving") or ""}
        rij |= {sleutel: spec[sleutel] for sleutel in ("waarden", "verplicht_bij", "patroon_uitleg") if spec.get(sleutel)}
        rijen.append(rij)
        if spec.get("type") == "lijst":
            items = spec.get("items") or {"type": "tekst"}
            rij["items"] = items.get("type")
            if (nested := subvelden(items)) is not None:
                rijen += overzicht(nested, f"{veldpad}[n]")
        elif (nested := subvelden(spec)) is not None:
            rijen += overzicht(nested, veldpad)
    return rijen
