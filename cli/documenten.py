"""`sjabloon sjablonen`, `genereer` and `voorbeelden`: the caseworker's documents from the catalogue."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from cli.opties import datum as _datum
from cli.opties import met_gemeente, stop_met_fouten, uit_optie
from generator.vullen.fouten import InvoerFout


@click.command(help="Toon de sjablonen in de catalogus.")
@click.option("--json", "als_json", is_flag=True, help="Druk een JSON-lijst af.")
@met_gemeente
def sjablonen(als_json, gemeente_pad):
    from generator.vullen.context import gemeenteprofiel
    from generator.vullen.sjabloon import lees_catalogus
    try:
        profiel = gemeenteprofiel(gemeente_pad)
        lijst, onleesbaar = lees_catalogus()    # one broken template is flagged; the catalogue is still listed
    except InvoerFout as fout:
        stop_met_fouten(fout, schrijft=False)
    if als_json:
        click.echo(json.dumps([s.samenvatting() for s in lijst], ensure_ascii=False, indent=2))
    for s in lijst:
        if not als_json:
            click.echo(f"{s.id:<32} {s.besluittype:<30} versie {s.versie:<4} {s.samenvatting()['status']:<12} {s.titel}")
        if s.vrijgave_vervallen:
            click.echo(f"let op: {s.id}: {s.vrijgave_vervallen}; geef het opnieuw vrij", err=True)
        if (fout := s.docx_fout()):
            onleesbaar[s.id] = [fout]
            continue
        for melding in _profiel_of_fout(s, profiel):
            click.echo(f"let op: {s.id}: {melding}", err=True)
    for sjabloon_id, meldingen in onleesbaar.items():
        for melding in meldingen:
            click.echo(f"fout: {sjabloon_id}: onleesbaar, niet te gebruiken: {melding}", err=True)
    if onleesbaar:              # the others are listed; a template that cannot be read is bad input (as `lint NAAM`)
        sys.exit(2)


def _profiel_of_fout(sjabloon, profiel: dict) -> list[str]:
    """What the profile lacks for this template; or that a tag in it cannot be read (see `sjabloon lint`)."""
    from jinja2 import TemplateSyntaxError

    from generator.catalogus.sjabloongebruik import gebruik, ontbrekend_in_profiel
    try:
        ontbreekt = ontbrekend_in_profiel(gebruik(sjabloon.docx, sjabloon.id), profiel, sjabloon.besluittype)
    except TemplateSyntaxError:
        return [f"fout in een sjabloontag, niet te gebruiken; zie sjabloon lint {sjabloon.id}"]
    return [f"het gemeenteprofiel mist {', '.join(ontbreekt)}"] if ontbreekt else []


@click.command(help="Maak een document uit een sjabloon en een zaak: een zaakbestand (YAML of JSON), de zaak in het "
                   "zaaksysteem (--zaak-url), of beide.")
@click.argument("sjabloon")
@click.option("--zaak", "zaak_pad", type=click.Path(path_type=Path),
              help="Zaakbestand (YAML of JSON). Met --zaak-url: vult aan wat de zaak niet geeft, en wint waar beide "
                   "een waarde geven.")
@click.option("--zaak-url", metavar="URL", help="De zaak in het zaaksysteem (Zaken API): vult de velden die "
              "zgw-velden.yaml van het sjabloon noemt (zie docs/zgw.md).")
@uit_optie(help="Map voor het document.")
@click.option("--datum", callback=_datum, metavar="JJJJ-MM-DD", help="Dagtekening JJJJ-MM-DD (standaard: vandaag).")
@click.option("--forceer", is_flag=True, help="Geef het document vrij ondanks fouten in de procedure- of Awb-controle (met --reden).")
@click.option("--reden", help="Waarom u het document toch vrijgeeft; wordt in het document vastgelegd.")
@click.option("--concept", is_flag=True, help="Maak een proefdocument uit een sjabloon dat nog niet is vrijgegeven; "
              "op elke pagina staat CONCEPT.")
@click.option("--door", help="Wie het document maakt (voor het register; standaard de gebruikersnaam).")
@click.option("--opslaan/--niet-opslaan", default=True, help="Met --zaak-url: sla het document na de controles op in "
              "het zaaksysteem, bij de zaak (standaard; zie docs/zgw.md).")
@met_gemeente
def genereer(sjabloon, zaak_pad, zaak_url, uit, datum, gemeente_pad, forceer, reden, concept, door, opslaan):
    from checks.awb.rapport import als_tekst, procedure_als_tekst
    from generator.vullen.genereer import genereer as genereer_document
    from generator.vullen.keuring import ProcedureGeweigerd, VrijgaveGeweigerd
    if forceer and not (reden or "").strip():
        click.echo("fout: --forceer vraagt om --reden \"...\": leg vast waarom het document toch weg mag.", err=True)
        sys.exit(2)
    if zaak_pad is None and not zaak_url:
        click.echo("fout: geef de zaak: --zaak BESTAND (een zaakbestand), --zaak-url URL (de zaak in het "
                   "zaaksysteem) of beide.", err=True)
        sys.exit(2)
    zaaknaam = zaak_pad.name if zaak_pad else "zaak-url"
    gebruik_controledienst()
    try:
        zaaksysteem = _uit_zaaksysteem(sjabloon, zaak_url, door) if zaak_url else None
        if zaak_url and opslaan:
            _kan_opslaan(sjabloon, gemeente_pad)
        resultaat = genereer_document(sjabloon, zaak_pad, uit, datum or dt.date.today(), gemeente_pad,
                                      reden.strip() if forceer else None, concept, door, zaaksysteem=zaaksysteem)
    except InvoerFout as fout:
        stop_met_fouten(fout)
    except ProcedureGeweigerd as geweigerd:
        click.echo(procedure_als_tekst(geweigerd.bevindingen, zaaknaam), err=True)
        click.echo("Niet vrijgegeven: de zaak past niet bij de procedure die de wet voorschrijft. Er is niets "
                   "geschreven. Herstel de zaak of de dagtekening (--datum), of geef vrij met --forceer --reden \"...\".",
                   err=True)
        sys.exit(1)
    except VrijgaveGeweigerd as geweigerd:
        from checks.b1.rapport import als_tekst as b1_tekst
        click.echo(als_tekst(geweigerd.keuring.awb), err=True)
        if geweigerd.keuring.brief and not geweigerd.keuring.b1.b1:
            click.echo(b1_tekst(geweigerd.keuring.b1), err=True)
        click.echo("Niet vrijgegeven: de controle vond fouten. Er is niets geschreven. "
                   "Herstel de zaak of het sjabloon, of geef vrij met --forceer --reden \"...\".", err=True)
        sys.exit(1)
    if resultaat.keuring.procedure:
        click.echo(procedure_als_tekst(resultaat.keuring.procedure, zaaknaam), err=True)
    for waarschuwing in resultaat.waarschuwingen:
        click.echo(f"waarschuwing: {waarschuwing}", err=True)
    if not resultaat.keuring.b1.b1:
        click.echo(f"waarschuwing: de tekst is niet op B1-niveau ({'; '.join(resultaat.keuring.b1.redenen)})", err=True)
    if resultaat.keuring.fouten:
        click.echo(f"let op: vrijgegeven ondanks fouten, reden vastgelegd: {reden}", err=True)
    if resultaat.concept:
        click.echo("let op: CONCEPT, het sjabloon is nog niet vrijgegeven; niet verzenden", err=True)
    click.echo(str(resultaat.pad))
    if zaak_url and opslaan:
        from cli.zgw_opslaan import sla_op_na_genereren
        sys.exit(sla_op_na_genereren(zaak_url, sjabloon, resultaat, datum or dt.date.today(), gemeente_pad, door))


def gebruik_controledienst() -> None:
    """One document: the resident check service checks it, with the model it keeps loaded (it starts when none runs;
    this command then checks on its own). SJABLOON_CONTROLEDIENST=uit keeps the checks in this process."""
    from checks import werkers
    from checks.werkers import dienst
    if dienst.aan():
        werkers.gebruik(dienst.Dienst())


def _kan_opslaan(sjabloon_naam: str, gemeente_pad) -> None:
    """Before anything is made: can the zaaksysteem take a document of this template (zgw block, gemeente RSIN)?"""
    from generator.vullen.context import gemeenteprofiel
    from generator.vullen.sjabloon import laad
    from zgw.opslaan import controleer
    controleer(laad(sjabloon_naam), gemeenteprofiel(gemeente_pad))


def _uit_zaaksysteem(sjabloon_naam: str, zaak_url: str, door: str | None) -> tuple[dict, dict[str, str]]:
    """The fields the zaak in the zaaksysteem gives; the register's audit trail names who asked (--door)."""
    import getpass
    from generator.vullen.sjabloon import laad
    from zgw.zaak_lezen import zaak_uit_zaaksysteem
    naam = door or getpass.getuser()
    return zaak_uit_zaaksysteem(zaak_url, laad(sjabloon_naam), (f"lokaal:{naam}", naam))


@click.command(help="Maak het voorbeelddocument van elk sjabloon (van een sjabloon dat niet is vrijgegeven: als CONCEPT).")
@uit_optie()
@click.option("--datum", callback=_datum, metavar="JJJJ-MM-DD", help="Dagtekening JJJJ-MM-DD (standaard: die van het voorbeeld, anders vandaag).")
@met_gemeente
def voorbeelden(uit, datum, gemeente_pad):
    from checks.awb.rapport import procedure_als_tekst
    from generator.vrijgave.register import Register, database_url
    from generator.vullen.context import gemeenteprofiel
    from generator.vullen.genereer import genereer as genereer_document
    from generator.vullen.keuring import ProcedureGeweigerd
    from generator.vullen.sjabloon import catalogus
    try:
        with Register(database_url(gemeenteprofiel(gemeente_pad))) as register:
            for sjabloon in catalogus():
                dagtekening = datum or sjabloon.voorbeeld_dagtekening or dt.date.today()
                try:
                    resultaat = genereer_document(sjabloon.id, sjabloon.voorbeeld, uit, dagtekening, gemeente_pad,
                                                  concept=True, register=register)
                except ProcedureGeweigerd as geweigerd:
                    click.echo(procedure_als_tekst(geweigerd.bevindingen, f"{sjabloon.id}/voorbeeld.yaml"), err=True)
                    sys.exit(1)
                click.echo(f"{resultaat.pad}{'  (CONCEPT)' if resultaat.concept else ''}")
    except InvoerFout as fout:
        stop_met_fouten(fout)
