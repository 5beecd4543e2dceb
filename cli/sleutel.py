"""`sjabloon sleutel ...`: named service keys for systems that call the JSON API (a zaaksysteem), each with one role.
The key is printed once, alone on stdout, so a script can catch it; only its hash is kept."""

from __future__ import annotations

import json

import click

from cli.gebruiker import open_register, wie
from cli.opties import met_gemeente, stop_met_fouten
from generator.vullen.fouten import InvoerFout


@click.group(help="Sleutels voor systemen die de API aanroepen (zoals een zaaksysteem): maken, tonen, intrekken.")
def sleutel():
    pass


@sleutel.command(help="Maak een sleutel met één rol en druk hem één keer af; bewaar hem meteen in het systeem dat "
                      "hem gebruikt (header Authorization: Bearer SLEUTEL).")
@click.argument("naam")
@click.option("--rol", required=True, metavar="ROL",
              help="De rol van het systeem, uit content/rollen.yaml (bijvoorbeeld zaakbehandelaar).")
@met_gemeente
def maak(naam, rol, gemeente_pad):
    from toegang.sleutels import Sleutels
    with open_register(gemeente_pad) as register:
        try:
            geheim = Sleutels(register).maak(naam, rol, door=wie())
        except InvoerFout as fout:
            stop_met_fouten(fout)
    click.echo(geheim)
    click.echo(f"Sleutel {naam.strip().lower()} gemaakt (rol {rol.strip()}). Dit is de enige keer dat hij wordt "
               "getoond: alleen een hash wordt bewaard.", err=True)


@sleutel.command(help="Toon de sleutels: naam, rol, wanneer gemaakt, actief of ingetrokken. Nooit de sleutel zelf.")
@click.option("--json", "als_json", is_flag=True, help="Druk een JSON-lijst af, één object per sleutel.")
@met_gemeente
def lijst(als_json, gemeente_pad):
    from toegang.sleutels import Sleutels
    with open_register(gemeente_pad) as register:
        sleutels = Sleutels(register).lijst()
    if als_json:
        click.echo(json.dumps([s.as_json() for s in sleutels], ensure_ascii=False, indent=2))
    elif not sleutels:
        click.echo("Er zijn nog geen sleutels. Maak er een met: sjabloon sleutel maak NAAM --rol ROL")
    else:
        for s in sleutels:
            staat = f"ingetrokken {s.ingetrokken:%Y-%m-%d %H:%M}" if s.ingetrokken else "actief"
            click.echo(f"{s.naam:<24} {s.rol:<16} gemaakt {s.aangemaakt:%Y-%m-%d %H:%M}  {staat}")


@sleutel.command(help="Trek een sleutel in: de API weigert hem meteen. De naam blijft bezet.")
@click.argument("naam")
@met_gemeente
def intrekken(naam, gemeente_pad):
    from toegang.sleutels import Sleutels
    with open_register(gemeente_pad) as register:
        try:
            Sleutels(register).intrekken(naam, door=wie())
        except InvoerFout as fout:
            stop_met_fouten(fout)
    click.echo(f"Sleutel {naam.strip().lower()} is ingetrokken.")
