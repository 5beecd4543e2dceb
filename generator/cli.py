"""The `sjabloon` command. All text a user reads is Dutch; exit 2 on bad input."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from checks.awb import controleer as awb_controleer
from checks.awb_rapport import als_tekst, checklist as maak_checklist
from checks.awb_regels import besluittypen
from checks.document import DocumentFout, lees_document
from checks.termijnen import TermijnFout, bereken, soorten
from generator.catalogus import catalogus
from generator.errors import InvoerFout
from generator.genereer import genereer as genereer_document
from generator.vrijgave import VrijgaveGeweigerd


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
@click.option("--forceer", is_flag=True, help="Geef het document vrij ondanks fouten in de Awb-controle (met --reden).")
@click.option("--reden", help="Waarom u het document toch vrijgeeft; wordt in het document vastgelegd.")
def genereer(sjabloon, zaak_pad, uit, datum, gemeente_pad, forceer, reden):
    if forceer and not (reden or "").strip():
        click.echo("fout: --forceer vraagt om --reden \"...\": leg vast waarom het document toch weg mag.", err=True)
        sys.exit(2)
    try:
        resultaat = genereer_document(sjabloon, zaak_pad, uit, datum or dt.date.today(), gemeente_pad,
                                      reden.strip() if forceer else None)
    except InvoerFout as fout:
        _stop_met_fouten(fout)
    except VrijgaveGeweigerd as geweigerd:
        click.echo(als_tekst(geweigerd.rapport), err=True)
        click.echo("Niet vrijgegeven: de Awb-controle vond fouten. Er is niets geschreven. "
                   "Herstel de zaak of het sjabloon, of geef vrij met --forceer --reden \"...\".", err=True)
        sys.exit(1)
    for waarschuwing in resultaat.waarschuwingen:
        click.echo(f"waarschuwing: {waarschuwing}", err=True)
    if not resultaat.rapport.vrijgave:
        click.echo(f"let op: vrijgegeven ondanks fouten, reden vastgelegd: {reden}", err=True)
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


@main.command(help="Controleer besluiten (DOCX, PDF of tekst) op de onderdelen die de Awb vraagt.")
@click.argument("documenten", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--type", "besluittype", type=click.Choice(sorted(besluittypen())), help="Besluittype (anders herkend uit de tekst).")
@click.option("--json", "als_json", is_flag=True, help="Druk een JSON-lijst af, één object per document.")
def controleer(documenten, besluittype, als_json):
    rapporten, onleesbaar = [], []
    for pad in documenten:
        try:
            rapporten.append(awb_controleer(lees_document(pad), besluittype))
        except DocumentFout as fout:
            onleesbaar.append(str(fout))
    if als_json:
        click.echo(json.dumps([r.as_json() for r in rapporten], ensure_ascii=False, indent=2))
    else:
        click.echo("\n\n".join(als_tekst(r) for r in rapporten))
    for melding in onleesbaar:
        click.echo(f"fout: {melding}", err=True)
    sys.exit(2 if onleesbaar else 0 if all(r.vrijgave for r in rapporten) else 1)


@main.command(help="Druk de checklist af voor een besluittype: wat er in het besluit moet staan.")
@click.argument("besluittype", type=click.Choice(sorted(besluittypen())))
@click.option("--markdown", is_flag=True, help="Als Markdown met afvinkvakjes.")
def checklist(besluittype, markdown):
    click.echo(maak_checklist(besluittype, markdown), nl=False)


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
