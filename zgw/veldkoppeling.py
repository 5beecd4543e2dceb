"""Which ZGW attribute fills which template field: the mapping in templates/<id>/zgw-velden.yaml, applied to a zaak
as the Zaken API gives it (plain dicts). The mapping is data the werkgroep reviews; this module only follows it.

A source path names one value: `zaak.identificatie`, `rol[initiator].betrokkeneIdentificatie.geslachtsnaam` (the
first rol whose omschrijvingGeneriek, else omschrijving, is `initiator`), `eigenschap[Bouwsom]` (the waarde of the
zaakeigenschap of that naam), `zaakobject[adres].objectIdentificatie.postcode` (the first zaakobject of that
objectType, else objectTypeOverige) or `zaakobject[0]...` (by position, from 0). docs/zgw.md describes the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.vullen.bestanden import lees_gegevens
from generator.vullen.fouten import InvoerFout
from generator.vullen.velden import subvelden

BESTAND = "zgw-velden.yaml"
BRON = re.compile(r"(zaak|rol|eigenschap|zaakobject)(?:\[([^\[\]]+)\])?((?:\.[A-Za-z_][A-Za-z0-9_]*)*)")
DEELSLEUTELS = {"bron", "tekst", "waarden", "voor"}
REGELSLEUTELS = {"samen", "scheiding"}


@dataclass(frozen=True)
class Zaakdata:
    """What the Zaken API gave for one zaak: the zaak and the lists that hang from it (each as the spec shapes it)."""
    zaak: dict
    rollen: list[dict]
    zaakobjecten: list[dict]
    eigenschappen: list[dict]


@dataclass(frozen=True)
class Bron:
    soort: str                  # zaak, rol, eigenschap, zaakobject
    keuze: str | None           # what stands between [ ]
    pad: tuple[str, ...]        # attributes below it

    def lees(self, data: Zaakdata):
        """The value, or None when the zaak does not have it."""
        if self.soort == "eigenschap":
            gevonden = next((e for e in data.eigenschappen if e.get("naam") == self.keuze), None)
            return None if gevonden is None else gevonden.get("waarde")
        waarde = {"zaak": lambda: data.zaak, "rol": lambda: _kies_rol(data.rollen, self.keuze),
                  "zaakobject": lambda: _kies_object(data.zaakobjecten, self.keuze)}[self.soort]()
        for stap in self.pad:
            if not isinstance(waarde, dict):
                return None
            waarde = waarde.get(stap)
        return waarde

    def __str__(self) -> str:
        """How a message names it: 'rol initiator, betrokkeneIdentificatie.verblijfsadres.aoaPostcode'."""
        kop = self.soort if self.keuze is None else f"{self.soort} {self.keuze}"
        return f"{kop}, {'.'.join(self.pad)}" if self.pad else kop


@dataclass(frozen=True)
class Deel:
    bron: Bron | None           # None: fixed text
    tekst: str = ""
    waarden: dict | None = None  # translation of the value (m: de heer); a value not in it is left out
    voor: str = ""              # put before the value, only when there is one

    def lees(self, data: Zaakdata):
        if self.bron is None:
            return self.tekst
        waarde = self.bron.lees(data)
        if _leeg(waarde):
            return None
        if self.waarden is not None:
            waarde = self.waarden.get(str(waarde))
            if _leeg(waarde):
                return None
        return f"{self.voor}{waarde}" if self.voor else waarde


@dataclass(frozen=True)
class Regel:
    """One template field and where its value comes from."""
    veld: str
    delen: tuple[Deel, ...]
    scheiding: str = " "

    def lees(self, data: Zaakdata):
        """The value; several parts are joined with the separator (empty ones skipped). Fixed text alone is no value:
        a field is filled only when the zaak gave something for it."""
        if len(self.delen) == 1:
            return self.delen[0].lees(data)
        waarden = [(d, d.lees(data)) for d in self.delen]
        if not any(d.bron is not None and not _leeg(w) for d, w in waarden):
            return None
        return self.scheiding.join(str(w) for _, w in waarden if not _leeg(w))

    @property
    def bronnen(self) -> str:
        return "; ".join(str(d.bron) for d in self.delen if d.bron is not None)


def koppeling_pad(sjabloonmap: Path) -> Path:
    return Path(sjabloonmap) / BESTAND


def laad_koppeling(sjabloonmap: Path, velden: dict) -> list[Regel]:
    """The template's mapping; InvoerFout naming the file and the field for every problem, and when there is none."""
    pad = koppeling_pad(sjabloonmap)
    if not pad.is_file():
        raise InvoerFout(f"{Path(sjabloonmap).name}: dit sjabloon heeft geen koppeling met het zaaksysteem "
                         f"({BESTAND} ontbreekt)")
    regels, problemen = ontleed_koppeling(lees_gegevens(pad), velden)
    if problemen:
        raise InvoerFout([f"{pad}: {p}" for p in problemen])
    return regels


def ontleed_koppeling(data: dict, velden: dict) -> tuple[list[Regel], list[str]]:
    """Read the mapping and collect every problem, as 'veld: melding'."""
    problemen = [f"{sleutel}: onbekende sleutel; bekend is: velden" for sleutel in data if sleutel != "velden"]
    koppelingen = data.get("velden")
    if not isinstance(koppelingen, dict) or not koppelingen:
        return [], problemen + ["velden: schrijf per veld van het sjabloon waar de waarde vandaan komt (veld: bron)"]
    regels = []
    for veld, spec in koppelingen.items():
        fouten = [] if _is_enkel_veld(str(veld), velden) else [
            "geen veld van dit sjabloon (een tekstveld, of een onderdeel van een groep als aanvrager.postcode)"]
        regel = None
        try:
            regel = _regel(str(veld), spec)
        except ValueError as fout:
            fouten.append(str(fout))
        problemen += [f"{veld}: {f}" for f in fouten]
        if regel is not None and not fouten:
            regels.append(regel)
    return regels, problemen


def pas_toe(regels: list[Regel], data: Zaakdata) -> tuple[dict, dict[str, str]]:
    """(gegevens, bronnen): the fields the zaak fills, nested as a case file (aanvrager: {naam: ...}), and per
    filled field (dotted) the source a message names. Fields the zaak cannot give are absent."""
    gegevens: dict = {}
    bronnen: dict[str, str] = {}
    for regel in regels:
        waarde = regel.lees(data)
        if _leeg(waarde):
            continue
        *groepen, naam = regel.veld.split(".")
        doel = gegevens
        for groep in groepen:
            doel = doel.setdefault(groep, {})
        doel[naam] = waarde
        bronnen[regel.veld] = regel.bronnen
    return gegevens, bronnen


def bron(tekst: str) -> Bron:
    """Parse a source path; ValueError in Dutch when it is not one."""
    gevonden = BRON.fullmatch(str(tekst).strip())
    if not gevonden:
        raise ValueError(f"'{tekst}' is geen bron; schrijf bijvoorbeeld zaak.identificatie, "
                         "rol[initiator].betrokkeneIdentificatie.geslachtsnaam, eigenschap[Bouwsom] of "
                         "zaakobject[adres].objectIdentificatie.postcode")
    soort, keuze, pad = gevonden.groups()
    stappen = tuple(s for s in pad.split(".") if s)
    if soort == "zaak" and (keuze is not None or not stappen):
        raise ValueError(f"'{tekst}': schrijf zaak.<kenmerk>, bijvoorbeeld zaak.identificatie")
    if soort in ("rol", "zaakobject") and (keuze is None or not stappen):
        raise ValueError(f"'{tekst}': schrijf {soort}[...].<kenmerk>, bijvoorbeeld "
                         + ("rol[initiator].betrokkeneIdentificatie.geslachtsnaam" if soort == "rol"
                            else "zaakobject[adres].objectIdentificatie.postcode"))
    if soort == "eigenschap" and (keuze is None or stappen):
        raise ValueError(f"'{tekst}': schrijf eigenschap[<naam van de eigenschap>], zonder kenmerk erachter")
    return Bron(soort, keuze.strip() if keuze else None, stappen)


def _regel(veld: str, spec) -> Regel:
    if isinstance(spec, dict) and "samen" in spec:
        if onbekend := set(spec) - REGELSLEUTELS:
            raise ValueError(f"onbekende sleutel {', '.join(sorted(onbekend))}; bekend zijn: samen, scheiding")
        delen = spec["samen"]
        if not isinstance(delen, list) or not delen:
            raise ValueError("samen: geef een lijst van bronnen (en vaste tekst)")
        scheiding = spec.get("scheiding", " ")
        if not isinstance(scheiding, str):
            raise ValueError("scheiding: moet een tekst zijn (tussen aanhalingstekens, bijvoorbeeld \", \")")
        gelezen = tuple(_deel(d) for d in delen)
        if all(d.bron is None for d in gelezen):
            raise ValueError("samen: noem minstens één bron uit de zaak")
        return Regel(veld, gelezen, scheiding)
    deel = _deel(spec)
    if deel.bron is None:
        raise ValueError("vaste tekst alleen is geen koppeling; noem een bron uit de zaak")
    return Regel(veld, (deel,))


def _deel(spec) -> Deel:
    if isinstance(spec, str):
        return Deel(bron(spec))
    if not isinstance(spec, dict):
        raise ValueError(f"'{spec}' is geen bron; schrijf een bron als zaak.identificatie of {{bron: ..., waarden: ...}}")
    if onbekend := set(spec) - DEELSLEUTELS:
        raise ValueError(f"onbekende sleutel {', '.join(sorted(onbekend))}; bekend zijn: {', '.join(sorted(DEELSLEUTELS))}")
    if ("bron" in spec) == ("tekst" in spec):
        raise ValueError("schrijf per onderdeel óf bron: (uit de zaak) óf tekst: (vaste tekst)")
    waarden = spec.get("waarden")
    if waarden is not None and not isinstance(waarden, dict):
        raise ValueError("waarden: schrijf per waarde uit de zaak de tekst die het veld krijgt (m: de heer)")
    if "tekst" in spec:
        if waarden is not None or "voor" in spec:
            raise ValueError("vaste tekst heeft geen waarden of voor")
        return Deel(None, str(spec["tekst"]))
    return Deel(bron(spec["bron"]), waarden={str(k): v for k, v in waarden.items()} if waarden is not None else None,
                voor=str(spec.get("voor") or ""))


def _is_enkel_veld(pad: str, velden: dict) -> bool:
    """A field that holds one value: a declared field (through groups and composite types), not a list or group."""
    huidig, spec = velden, None
    for deel in pad.split("."):
        if not isinstance(huidig, dict) or not isinstance(huidig.get(deel), dict):
            return False
        spec = huidig[deel]
        huidig = subvelden(spec)
    return spec is not None and huidig is None and spec.get("type") != "lijst"


def _kies_rol(rollen: list[dict], keuze: str) -> dict | None:
    """The first rol with this omschrijvingGeneriek (initiator, belanghebbende ...), else with this omschrijving (the
    roltype's own name, such as 'Aanvrager')."""
    for sleutel in ("omschrijvingGeneriek", "omschrijving"):
        for rol in rollen:
            if str(rol.get(sleutel) or "").casefold() == keuze.casefold():
                return rol
    return None


def _kies_object(objecten: list[dict], keuze: str) -> dict | None:
    if keuze.isdigit():
        positie = int(keuze)
        return objecten[positie] if positie < len(objecten) else None
    for sleutel in ("objectType", "objectTypeOverige"):
        for obj in objecten:
            if str(obj.get(sleutel) or "").casefold() == keuze.casefold():
                return obj
    return None


def _leeg(waarde) -> bool:
    return waarde is None or (isinstance(waarde, str) and not waarde.strip()) or waarde == [] or waarde == {}
