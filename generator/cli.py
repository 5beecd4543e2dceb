"""The `sjabloon` command. All text a user reads is Dutch; exit 2 on bad input."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from checks.termijnen import TermijnFout, bereken, soorten
from generator.catalogus import catalogus
from generator.errors import InvoerFout
from generator.genereer import genereer as genereer_document


def _datum(ctx, param, waarde):
    if waarde is None:
        return None
    try:
        return dt.date.fromisoformat(waarde)
    except ValueError:
        raise click.BadParameter(f"'{waarde}' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-11-22") from None


def _stop_met_fouten(fout: InvoerFout) -> None:
    for melding in fout.meldingen:
        click.echo(f"fout: {melding}", err=True)
    click.echo("Er is niets geschreven.", err=True)
    sys.exit(2)


@click.group(help="Sjabloonstraat: beschikkingen en brieven maken uit zaakgegevens, en ze controleren.")
def main():
    pass


@main.command(help="Toon de sjablonen in de catalogus.")
@click.option("--json", "als_json", is_flag=True, help="Druk een JSON-lijst af.")
def sjablonen(als_json):
    try:
        lijst = [s.samenvatting() for s in catalogus()]
    except InvoerFout as fout:
        _stop_met_fouten(fout)
    if als_json:
        click.echo(json.dumps(lijst, ensure_ascii=False, indent=2))
        return
    for item in lijst:
        click.echo(f"{item['id']:<32} {item['besluittype']:<30} versie {item['versie']:<4} {item['status']:<12} {item['titel']}")


@main.command(help="Maak een document uit een sjabloon en een zaakbestand (YAML of JSON).")
@click.argument("sjabloon")
@click.option("--zaak", "zaak_pad", required=True, type=click.Path(path_type=Path), help="Zaakbestand (YAML of JSON).")
@click.option("--uit", default="uitvoer", type=click.Path(path_type=Path), show_default=True, help="Map voor het document.")
@click.option("--datum", callback=_datum, help="Dagtekening JJJJ-MM-DD (standaard: vandaag).")
@click.option("--gemeente", "gemeente_pad", type=click.Path(path_type=Path), help="Gemeenteprofiel (standaard content/gemeente.yaml).")
def genereer(sjabloon, zaak_pad, uit, datum, gemeente_pad):
    try:
        resultaat = genereer_document(sjabloon, zaak_pad, uit, datum or dt.date.today(), gemeente_pad)
    except InvoerFout as fout:
        _stop_met_fouten(fout)
    for waarschuwing in resultaat.waarschuwingen:
        click.echo(f"waarschuwing: {waarschuwing}", err=True)
    click.echo(str(resultaat.pad))


@main.command(help="Maak het voorbeelddocument van elk sjabloon.")
@click.option("--uit", default="uitvoer", type=click.Path(path_type=Path), show_default=True)
@click.option("--datum", callback=_datum, help="Dagtekening JJJJ-MM-DD (standaard: vandaag).")
def voorbeelden(uit, datum):
    try:
        for sjabloon in catalogus():
            resultaat = genereer_document(sjabloon.id, sjabloon.voorbeeld, uit, datum or dt.date.today())
            click.echo(str(resultaat.pad))
    except InvoerFout as fout:
        _stop_met_fouten(fout)


@main.command(help="Bereken een termijn zoals de wet hem telt (Awb, Omgevingswet, Algemene termijnenwet).")
@click.argument("soort", type=click.Choice(list(soorten())))
@click.option("--datum", required=True, callback=_datum, help="Datum waarop de termijn begint te lopen (JJJJ-MM-DD).")
@click.option("--aantal", type=int, help="Aantal werkdagen (werkdagen) of weken (zelf gestelde termijnen).")
@click.option("--json", "als_json", is_flag=True, help="Druk een JSON-object af.")
def termijn(soort, datum, aantal, als_json):
    try:
        uitkomst = bereken(soort, datum, aantal)
    except TermijnFout as fout:
        click.echo(f"fout: {fout}", err=True)
        sys.exit(2)
    if als_json:
        click.echo(json.dumps(uitkomst.as_json(), ensure_ascii=False, indent=2))
        return
    click.echo(uitkomst.zin())
    for waarschuwing in uitkomst.waarschuwingen:
        click.echo(f"waarschuwing: {waarschuwing}", err=True)


if __name__ == "__main__":
    main()
