"""`sjabloon velden SJABLOON`: the fields a template asks for, each with its whole description, for whoever fills a
case file, a bulk spreadsheet or the web form."""

from __future__ import annotations

import json

import click

from cli.opties import met_gemeente, stop_met_fouten


@click.command(help="Toon de velden van een sjabloon: naam (met punten, zoals in een zaakbestand of een kolomkop), "
                    "type, verplicht en de omschrijving.")
@click.argument("sjabloon")
@click.option("--json", "als_json", is_flag=True, help="Druk een JSON-lijst af, één object per veld.")
@met_gemeente
def velden(sjabloon, als_json, gemeente_pad):
    from generator.vullen.fouten import InvoerFout
    from generator.vullen.sjabloon import laad
    from generator.vullen.velden import overzicht
    try:
        gekozen = laad(sjabloon)
    except InvoerFout as fout:
        stop_met_fouten(fout, schrijft=False)
    rijen = overzicht(gekozen.velden)
    if als_json:
        click.echo(json.dumps(rijen, ensure_ascii=False, indent=2))
        return
    breedte = max(len(r["veld"]) for r in rijen)
    click.echo(f"Velden van {gekozen.id} ({gekozen.titel}); [n] is het zoveelste onderdeel van een lijst: [1], [2] ...")
    click.echo("")
    click.echo(f"{'veld':<{breedte}}  {'type':<8}  {'verplicht':<9}  omschrijving")
    for r in rijen:
        click.echo(f"{r['veld']:<{breedte}}  {r['type']:<8}  {_verplicht(r):<9}  {_omschrijving(r)}")


def _verplicht(rij: dict) -> str:
    return "ja" if rij["verplicht"] else "soms" if rij.get("verplicht_bij") else "nee"


def _omschrijving(rij: dict) -> str:
    tekst = rij["omschrijving"]
    if rij.get("patroon_uitleg"):
        tekst += f" ({rij['patroon_uitleg']})"
    if rij.get("waarden"):
        tekst += f" (kies uit: {', '.join(str(w) for w in rij['waarden'])})"
    for ander, waarden in (rij.get("verplicht_bij") or {}).items():
        lijst = waarden if isinstance(waarden, list) else [waarden]
        tekst += f" (verplicht als {ander} {' of '.join(str(w) for w in lijst)} is)"
    return tekst
