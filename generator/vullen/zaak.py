"""Read a case file (YAML or JSON) and validate it against a template's declared fields; with the fields read from
the zaaksysteem, the file fills what the zaak does not give and wins where both give a value."""

from __future__ import annotations

from pathlib import Path

from generator.vullen.bestanden import lees_gegevens
from generator.vullen.fouten import InvoerFout
from generator.vullen.sjabloon import Sjabloon
from generator.vullen.velden import valideer

ZAAKSYSTEEM = "zaak-url"        # how a message names values from the zaaksysteem (the --zaak-url option)


def laad_zaak(pad: Path | None, sjabloon: Sjabloon, zaaksysteem: tuple[dict, dict[str, str]] | None = None) -> dict:
    """Read and validate a case; raise InvoerFout with every problem, as 'bestand: veld: melding'.

    `zaaksysteem` is (gegevens, bronnen) as zgw.zaak_lezen.lees_zaak gives them: a wrong value from there is named by
    its ZGW source ('zaak-url: veld aanvrager.postcode (uit rol initiator, ...): melding')."""
    bestand = lees_gegevens(pad) if pad is not None else {}
    gegevens, bronnen = zaaksysteem or ({}, {})
    schoon, problemen = valideer(sjabloon.velden, samen(gegevens, bestand))
    if problemen:
        raise InvoerFout([_melding(p, pad, bestand, bronnen) for p in problemen])
    return schoon


def samen(uit_zaaksysteem: dict, uit_bestand: dict) -> dict:
    """The file over the zaak, field by field (also inside a group such as aanvrager); an empty value in the file
    gives way to the zaak's."""
    geheel = dict(uit_zaaksysteem)
    for naam, waarde in uit_bestand.items():
        if isinstance(waarde, dict) and isinstance(geheel.get(naam), dict):
            geheel[naam] = samen(geheel[naam], waarde)
        elif not _leeg(waarde) or naam not in geheel:
            geheel[naam] = waarde
    return geheel


def _melding(probleem: str, pad: Path | None, bestand: dict, bronnen: dict[str, str]) -> str:
    veld, _, melding = probleem.partition(": ")
    if veld in bronnen and _leeg(_waarde_in(bestand, veld)):
        return f"{ZAAKSYSTEEM}: veld {veld} (uit {bronnen[veld]}): {melding}"
    if pad is not None:
        return f"{Path(pad).name}: {probleem}"
    return f"{ZAAKSYSTEEM}: {probleem} (het zaaksysteem geeft dit veld niet; geef het in een zaakbestand met --zaak)"


def _waarde_in(data, veld: str):
    for stap in veld.split("."):
        data = data.get(stap) if isinstance(data, dict) else None
    return data


def _leeg(waarde) -> bool:
    return waarde is None or (isinstance(waarde, str) and not waarde.strip()) or waarde == [] or waarde == {}
