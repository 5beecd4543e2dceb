"""`sjabloon controleer`, `checklist`, `interventie` and `termijn`: the checks, on any document (`b1` is in cli/b1.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from cli.opties import BESLUITTYPE
from cli.opties import datum as _datum
from cli.opties import met_gemeente


@click.command(help="Controleer besluiten (DOCX, PDF of tekst) op de onderdelen die de Awb vraagt.")
@click.argument("documenten", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--type", "besluittype", type=BESLUITTYPE, metavar="BESLUITTYPE", help="Besluittype (anders herkend uit de tekst).")
@click.option("--json", "als_json", is_flag=True, help="Druk een JSON-lijst af, één object per document.")
@met_gemeente
def controleer(documenten, besluittype, als_json, gemeente_pad):
    from checks.awb.controle import controleer as awb_controleer
    from checks.awb.rapport import als_tekst
    from checks.document import DocumentFout, lees_document
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


@click.command(help="Druk de checklist af voor een besluittype: wat er in het besluit moet staan.")
@click.argument("besluittype", type=BESLUITTYPE, metavar="BESLUITTYPE")
@click.option("--markdown", is_flag=True, help="Als Markdown met afvinkvakjes.")
@met_gemeente
def checklist(besluittype, markdown, gemeente_pad):
    from checks.awb.rapport import checklist as maak_checklist
    click.echo(maak_checklist(besluittype, markdown), nl=False)


@click.command(help="Bepaal de interventie volgens de interventiematrix van de Landelijke Handhavingsstrategie.")
@click.option("--gevolg", type=int, required=True, help="Gevolgen van de overtreding: 1 (vrijwel nihil) tot 4 (aanzienlijk).")
@click.option("--gedrag", required=True, help="Gedrag van de overtreder: A (goedwillend) tot D (crimineel).")
@click.option("--verzwarend", multiple=True, help="Verzwarend argument (mag vaker), zie content/interventiematrix.yaml.")
@click.option("--verzachtend", multiple=True, help="Verzachtend argument (mag vaker).")
@click.option("--json", "als_json", is_flag=True, help="Druk een JSON-object af.")
@met_gemeente
def interventie(gevolg, gedrag, verzwarend, verzachtend, als_json, gemeente_pad):
    from checks.interventie import InterventieFout, bepaal
    try:
        uitkomst = bepaal(gevolg, gedrag, list(verzwarend), list(verzachtend))
    except InterventieFout as fout:
        click.echo(f"fout: {fout}", err=True)
        sys.exit(2)
    if als_json:
        click.echo(json.dumps(uitkomst.as_json(), ensure_ascii=False, indent=2))
        return
    click.echo(f"Segment {uitkomst.segment} ({uitkomst.soort} segment).")
    for reden in uitkomst.redenen:
        click.echo(f"  {reden}")
    click.echo("Interventies, de lichtste eerst:")
    for keuze in uitkomst.interventies:
        click.echo(f"  - {keuze}")
    click.echo("Overleg met het Openbaar Ministerie: " + ("ja" if uitkomst.openbaar_ministerie else "nee"))
    if uitkomst.sjablonen:
        from generator.vullen.sjabloon import catalogus
        bestaand = {s.id for s in catalogus()}
        click.echo("Sjablonen: " + ", ".join(s if s in bestaand else f"{s} (nog niet in de catalogus)" for s in uitkomst.sjablonen))


@click.command(help="Bereken een termijn zoals de wet hem telt (Awb, Omgevingswet, Algemene termijnenwet). "
                   "SOORT is een termijnsoort uit content/termijnen.yaml, bijvoorbeeld bezwaar.")
@click.argument("soort")
@click.option("--datum", required=True, callback=_datum, metavar="JJJJ-MM-DD", help="Datum waarop de termijn begint te lopen (JJJJ-MM-DD).")
@click.option("--aantal", type=int, help="Aantal werkdagen (werkdagen) of weken (zelf gestelde termijnen).")
@click.option("--json", "als_json", is_flag=True, help="Druk een JSON-object af.")
@met_gemeente
def termijn(soort, datum, aantal, als_json, gemeente_pad):
    from checks.termijnen import TermijnFout, bereken
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
