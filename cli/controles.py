"""`sjabloon controleer`, `b1`, `checklist`, `interventie` and `termijn`: the checks, on any document."""

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


DOCUMENTSOORTEN = (".docx", ".pdf", ".txt", ".md")


def _bestanden(paden) -> list[Path]:
    """Files as given, and the DOCX, PDF and text files in folders (the KCC's bulk run)."""
    lijst = []
    for pad in paden:
        if pad.is_dir():
            lijst += sorted(p for p in pad.rglob("*") if p.suffix.lower() in DOCUMENTSOORTEN and p.is_file())
        else:
            lijst.append(pad)
    return lijst


@click.command(help="Controleer brieven op taalniveau B1 (DOCX, PDF, tekst, of een map daarmee).")
@click.argument("paden", nargs=-1, type=click.Path(path_type=Path))
@click.option("--json", "als_json", is_flag=True, help="Druk één JSON-object per document af (een lijst).")
@click.option("--html", "html_pad", type=click.Path(path_type=Path), help="Schrijf een rapport als losse HTML-pagina.")
@click.option("--docx-opmerkingen", "docx_pad", type=click.Path(path_type=Path),
              help="Schrijf het (enige) DOCX terug met een Word-opmerking bij elke moeilijke zin.")
@click.option("--jsonl", "jsonl_pad", type=click.Path(path_type=Path),
              help="Lees regels {\"id\", \"tekst\"} en druk per regel {\"id\", \"score\", \"b1\", \"niveau\"} af.")
@met_gemeente
def b1(paden, als_json, html_pad, docx_pad, jsonl_pad, gemeente_pad):
    from checks.b1.controle import controleer_b1
    from checks.b1.rapport import als_html, docx_met_opmerkingen
    from checks.b1.rapport import als_tekst as b1_tekst
    from checks.document import DocumentFout, lees_document
    from generator.vullen.bestanden import schrijf_atomisch

    if jsonl_pad:
        sys.exit(_b1_jsonl(jsonl_pad, controleer_b1))
    bestanden = _bestanden(paden)
    if not bestanden:
        click.echo("fout: geef een of meer bestanden of mappen, of --jsonl BESTAND.", err=True)
        sys.exit(2)
    rapporten, onleesbaar = [], []
    for pad in bestanden:
        try:
            rapporten.append((pad, controleer_b1(lees_document(pad))))
        except DocumentFout as fout:
            onleesbaar.append(str(fout))
    if als_json:
        click.echo(json.dumps([r.as_json() for _, r in rapporten], ensure_ascii=False, indent=2))
    else:
        click.echo("\n\n".join(b1_tekst(r) for _, r in rapporten))
        if len(rapporten) > 1:
            click.echo(f"\nSamenvatting: {sum(r.b1 for _, r in rapporten)} van de {len(rapporten)} brieven op B1-niveau.")
            for pad, r in rapporten:
                click.echo(f"  {'B1 ' if r.b1 else 'NEE'} {r.niveau} {r.score:5.0f}  {pad}")
    if html_pad:
        schrijf_atomisch(html_pad, als_html([r for _, r in rapporten]).encode("utf-8"))
    if docx_pad:
        docx_bronnen = [(p, r) for p, r in rapporten if p.suffix.lower() == ".docx"]
        if len(docx_bronnen) != 1:
            click.echo("fout: --docx-opmerkingen werkt met precies één DOCX-bestand.", err=True)
            sys.exit(2)
        pad, rapport = docx_bronnen[0]
        schrijf_atomisch(docx_pad, docx_met_opmerkingen(pad.read_bytes(), rapport))
    for melding in onleesbaar:
        click.echo(f"fout: {melding}", err=True)
    sys.exit(2 if onleesbaar else 0 if all(r.b1 for _, r in rapporten) else 1)


def _b1_jsonl(pad: Path, controleer_b1) -> int:
    """One JSON line in, one JSON line out; the model is loaded once for the whole file."""
    from checks.document import lees_tekst
    try:
        regels = pad.read_text(encoding="utf-8").splitlines()
    except OSError as fout:
        click.echo(f"fout: {pad}: kan het bestand niet lezen ({fout.strerror})", err=True)
        return 2
    uitkomsten, fouten = [], []
    for nummer, regel in enumerate(regels, start=1):
        if not regel.strip():
            continue
        try:
            item = json.loads(regel)
            tekst, sleutel = item["tekst"], item["id"]
        except (json.JSONDecodeError, KeyError, TypeError):
            fouten.append(f"{pad}: regel {nummer}: verwacht een JSON-object met \"id\" en \"tekst\"")
            continue
        rapport = controleer_b1(lees_tekst(str(tekst), str(sleutel)))
        uitkomsten.append(rapport.b1)
        click.echo(json.dumps({"id": sleutel, "score": round(rapport.score, 1), "b1": rapport.b1, "niveau": rapport.niveau}, ensure_ascii=False))
    for fout in fouten:
        click.echo(f"fout: {fout}", err=True)
    return 2 if fouten else 0 if all(uitkomsten) else 1


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
