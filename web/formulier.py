"""A template's declared fields as a web form, and a posted form back into case data.

Input names are the field paths the rest of the product uses (`overtreder.naam`, `overtredingen[2].voorschrift`),
so the validation messages ('pad: melding') land beside the input they concern."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from checks.content import content_cache, load_yaml
from checks.schrijfwijze import bedrag
from generator.vullen.velden import lees_bedrag, subvelden, uit_paden
from generator.vullen.zaakregels import is_tekstvak

NIET_VAN_DE_ZAAK = {"csrf", "actie", "dagtekening", "zaak_url"}    # form inputs that are no field of the case
INVOERTYPEN = {"datum": "date", "getal": "number", "bedrag": "text", "tekst": "text"}


def veld_id(pad: str) -> str:
    """The HTML id of a field path's input or fieldset: 'overtredingen[2].voorschrift' -> 'veld-overtredingen-2-voorschrift'."""
    return "veld-" + re.sub(r"[^a-z0-9]+", "-", pad.lower()).strip("-")


@dataclass
class Invoer:
    pad: str
    label: str
    uitleg: str
    type: str                  # tekst | tekstvak | datum | getal | bedrag | keuze
    verplicht: bool
    waarden: list = field(default_factory=list)
    waarde: str = ""
    fout: str = ""

    @property
    def id(self) -> str:
        return veld_id(self.pad)

    @property
    def html_type(self) -> str:
        return INVOERTYPEN.get(self.type, "text")


@dataclass
class Groep:
    """A fieldset: a composite field (persoon, adres, groep) or one item of a list."""
    pad: str
    label: str
    uitleg: str
    onderdelen: list = field(default_factory=list)     # Invoer, Groep or Lijst
    fout: str = ""


@dataclass
class Lijst:
    pad: str
    label: str
    uitleg: str
    verplicht: bool
    items: list = field(default_factory=list)           # Invoer or Groep, numbered from 1
    fout: str = ""


@content_cache
def instellingen() -> dict:
    """content/formulier.yaml: the labels (which fields get a large text box: content/zaakgegevens.yaml)."""
    return load_yaml("formulier.yaml")


def label(naam: str) -> str:
    return (instellingen().get("labels") or {}).get(naam) or naam.replace("_", " ").capitalize()


def _soort(pad: str, spec: dict) -> str:
    """The input: a large text box for a field that may hold more lines (the same rule the validation applies)."""
    if spec.get("type", "tekst") != "tekst":
        return spec["type"]
    return "tekstvak" if is_tekstvak(pad, spec) else "tekst"


def bouw(velden: dict, waarden: dict, fouten: dict[str, str], extra: dict[str, int] | None = None,
         pad: str = "") -> list:
    """The form parts for `velden`, filled with `waarden` (nested case data) and the messages per field path.
    `extra` asks for more empty items in a list (the 'add one' button)."""
    onderdelen = []
    for naam, spec in velden.items():
        veldpad = f"{pad}.{naam}" if pad else naam
        waarde = (waarden or {}).get(naam) if isinstance(waarden, dict) else None
        onderdelen.append(_onderdeel(naam, spec, veldpad, waarde, fouten, extra or {}))
    return onderdelen


def _onderdeel(naam: str, spec: dict, veldpad: str, waarde, fouten: dict, extra: dict):
    uitleg = spec.get("omschrijving") or ""
    if (sub := subvelden(spec)) is not None:
        return Groep(veldpad, label(naam), uitleg, bouw(sub, waarde if isinstance(waarde, dict) else {}, fouten, extra,
                                                      veldpad), fouten.get(veldpad, ""))
    if spec.get("type") == "lijst":
        item_spec = spec.get("items") or {"type": "tekst"}
        bestaand = waarde if isinstance(waarde, list) else []
        aantal = max(len(bestaand), 1) + extra.get(veldpad, 0)
        lijst = Lijst(veldpad, label(naam), uitleg, bool(spec.get("verplicht")), fout=fouten.get(veldpad, ""))
        for positie in range(1, aantal + 1):
            itemwaarde = bestaand[positie - 1] if positie <= len(bestaand) else None
            lijst.items.append(_onderdeel(f"{naam} {positie}", item_spec, f"{veldpad}[{positie}]", itemwaarde,
                                          fouten, extra))
        return lijst
    return Invoer(veldpad, label(naam), uitleg, _soort(veldpad, spec), bool(spec.get("verplicht")),
                  [str(w) for w in spec.get("waarden") or []], _als_tekst(waarde, spec.get("type")),
                  fouten.get(veldpad, ""))


def foutoverzicht(onderdelen: list, boven: str = "") -> list[tuple[str, str]]:
    """(input id, 'Overtreder › Postcode: melding') for every message, in the order of the form."""
    regels = []
    for o in onderdelen:
        naam = f"{boven} › {o.label}" if boven else o.label
        if o.fout:
            regels.append((veld_id(o.pad), f"{naam}: {o.fout}"))
        for kind in getattr(o, "onderdelen", None) or getattr(o, "items", None) or []:
            regels.extend(foutoverzicht([kind], naam))
    return regels


def _als_tekst(waarde, soort: str | None = None) -> str:
    """A value as its input shows it: a date as the date input wants it (ISO), an amount as a Dutch reader writes
    it (1.250,00; the € stands beside the input); what the caseworker typed and is no amount stays as typed."""
    if waarde is None:
        return ""
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    if soort == "bedrag":
        try:
            return bedrag(lees_bedrag(waarde), teken=False)
        except ValueError:
            return str(waarde)
    return str(waarde)


def zaak_uit_formulier(formulier) -> dict:
    """The posted inputs (field paths) as nested case data; empty inputs are left out."""
    return uit_paden({sleutel: waarde for sleutel, waarde in formulier.items()
                      if isinstance(waarde, str) and sleutel not in NIET_VAN_DE_ZAAK})


def fouten_per_veld(problemen: list[str]) -> tuple[dict[str, str], list[str]]:
    """'overtreder.postcode: ...' -> {'overtreder.postcode': '...'}; problems without a field path stay general."""
    per_veld: dict[str, str] = {}
    algemeen = []
    for probleem in problemen:
        pad, _, melding = probleem.partition(": ")
        if melding and re.fullmatch(r"[\w.\[\]]+", pad):
            per_veld.setdefault(pad, melding)
        else:
            algemeen.append(probleem)
    return per_veld, algemeen
