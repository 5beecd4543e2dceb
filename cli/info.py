"""`sjabloon info`: where Sjabloonstraat keeps things on this computer, and where each place was chosen. It only
looks: nothing is made and no register is opened, so it also helps when a place is wrong."""

from __future__ import annotations

import json
import os
import re

import click

from cli.opties import met_gemeente, stop_met_fouten
from generator.vullen.fouten import InvoerFout

NAMEN = {"instellingenbestand": "instellingenbestand", "catalogus": "catalogus", "register": "register",
         "registersleutel": "registersleutels", "registeranker": "ankerbestand", "uitvoer": "gemaakte bestanden",
         "content": "content", "gemeenteprofiel": "gemeenteprofiel"}


@click.command(help="Toon waar Sjabloonstraat dingen bewaart: instellingenbestand, catalogus, register (met zijn "
                    "sleutels en ankerbestand), gemaakte bestanden, content en gemeenteprofiel, en waar elk daarvan "
                    "is ingesteld; en de koppeling met het zaaksysteem (ZGW API's), zonder het secret.")
@click.option("--json", "als_json", is_flag=True, help="Druk een JSON-object af.")
@met_gemeente
def info(als_json, gemeente_pad):
    from generator.vullen.context import gemeenteprofiel
    try:
        profiel = gemeenteprofiel(gemeente_pad)
        plekken = _plekken(gemeente_pad, profiel)
    except InvoerFout as fout:
        stop_met_fouten(fout)
    if als_json:
        gegevens = {"versie": _versie()} | {sleutel: plek.als_json() for sleutel, plek in plekken.items()}
        gegevens["instellingenbestand"]["bestaat"] = plekken["instellingenbestand"].pad.is_file()
        gegevens["catalogus"]["bestaat"] = plekken["catalogus"].pad.is_dir()
        gegevens["gemeenteprofiel"]["naam"] = profiel.get("naam")
        gegevens["zgw"] = _zgw()
        click.echo(json.dumps(gegevens, ensure_ascii=False, indent=2))
        return
    click.echo(f"Sjabloonstraat {_versie()}")
    for sleutel, plek in plekken.items():
        naam = f"  ({profiel['naam']})" if sleutel == "gemeenteprofiel" and profiel.get("naam") else ""
        click.echo(f"{NAMEN[sleutel] + ':':<21}{plek.waarde}{naam}")
        click.echo(f"{'':<21}bron: {plek.bron}{f' ({plek.via})' if plek.via else ''}")
        if opmerking := _opmerking(sleutel, plek):
            click.echo(f"{'':<21}{opmerking}")
    for nummer, regel in enumerate(_zgw_regels(_zgw())):
        click.echo(f"{'zaaksysteem:' if nummer == 0 else '':<21}{regel}")


def _zgw() -> dict | None:
    """The ZGW settings without the secret; None when there are none. A half configuration is shown, not fatal:
    `info` is where one looks when something is wrong."""
    from zgw.instellingen import zgw_instellingen
    try:
        instellingen = zgw_instellingen()
    except InvoerFout as fout:
        return {"fout": fout.meldingen}
    return instellingen.zonder_geheim() if instellingen else None


def _zgw_regels(zgw: dict | None) -> list[str]:
    if zgw is None:
        return ["niet ingesteld (SJABLOON_ZGW_URL of [zgw] in het instellingenbestand; zie docs/zgw.md)"]
    if "fout" in zgw:
        return [f"fout: {melding}" for melding in zgw["fout"]]
    return [*(f"{api.capitalize() + ' API:':<16}{zgw[f'{api}_url']}" for api in ("zaken", "documenten", "catalogi",
                                                                                 "besluiten")),
            f"client-ID {zgw['client_id']}, secret {zgw['secret']}",
            f"timeout {zgw['timeout']:g} s, {zgw['pogingen']} pogingen per verzoek"]


def _plekken(gemeente_pad, profiel: dict) -> dict:
    from generator.plaatsen import (Plek, catalogus_map, instellingenbestand, register_url, registeranker,
                                    registersleutel_bestand, uitvoer_map)
    from checks.content import content_dir
    content = (Plek(str(content_dir()), "omgevingsvariabele", "SJABLOON_CONTENT") if os.environ.get("SJABLOON_CONTENT")
               else Plek(str(content_dir()), "standaard"))
    gemeente = (Plek(str(gemeente_pad), "opdrachtregel", "--gemeente") if gemeente_pad
                else Plek(str(content_dir() / "gemeente.yaml"), "standaard"))
    return {"instellingenbestand": instellingenbestand(), "catalogus": catalogus_map(gebruik=False),
            "register": _zonder_wachtwoord(register_url(profiel, gebruik=False)),
            "registersleutel": registersleutel_bestand(), "registeranker": registeranker(), "uitvoer": uitvoer_map(),
            "content": content, "gemeenteprofiel": gemeente}


def _opmerking(sleutel: str, plek) -> str | None:
    if sleutel == "instellingenbestand" and not plek.pad.is_file():
        return "bestaat niet: de plekken hieronder komen uit omgevingsvariabelen of de standaard"
    if sleutel == "catalogus" and not plek.pad.is_dir():
        return ("bestaat nog niet: wordt bij het eerste gebruik gemaakt als kopie van de voorbeeldcatalogus"
                if plek.bron == "standaard" else "bestaat niet")
    return None


def _zonder_wachtwoord(plek):
    """The register URL without its password. SQLAlchemy, which reads every kind of URL, is loaded only when the URL
    holds a user name or password at all."""
    if not re.search(r"://[^/]*@", plek.waarde):
        return plek
    from generator.vrijgave.register.url import zonder_wachtwoord
    return type(plek)(zonder_wachtwoord(plek.waarde), plek.bron, plek.via)


def _versie() -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("sjabloonstraat")
    except PackageNotFoundError:
        return "(niet geïnstalleerd)"
