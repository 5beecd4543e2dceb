"""`sjabloon zgw opnieuw`, `wachtrij`, `opslaan` and `bulk`: the documents bound for the zaaksysteem (zgw/opslaan.py)
and the outbox that keeps them while it is down. `genereer --zaak-url` stores through `sla_op_na_genereren`."""

from __future__ import annotations

import getpass
import hashlib
import json
import sys
from pathlib import Path

import click

from cli.opties import met_gemeente, stop_met_fouten
from generator.vullen.fouten import InvoerFout


def open_register(gemeente_pad):
    from generator.vrijgave.register import Register, database_url
    from generator.vullen.context import gemeenteprofiel
    return Register(database_url(gemeenteprofiel(gemeente_pad)))


def client(door: str | None):
    """A client on the configured zaaksysteem; `door` goes into the audit trail (user_id, user_representation)."""
    from zgw.client import ZgwClient
    from zgw.instellingen import zgw_instellingen
    instellingen = zgw_instellingen()
    if instellingen is None:
        raise InvoerFout("het zaaksysteem is niet ingesteld: zet SJABLOON_ZGW_URL, SJABLOON_ZGW_CLIENT_ID en "
                         "SJABLOON_ZGW_SECRET, of een tabel [zgw] in het instellingenbestand (docs/zgw.md)")
    naam = door or getpass.getuser()
    return ZgwClient(instellingen, gebruiker=(naam, naam))


def toon(opslag) -> None:
    """Delivered: the URLs on standard output; waiting: why, on standard error."""
    for regel in opslag.regels():
        click.echo(regel, err=not opslag.afgeleverd)


def sla_op_na_genereren(zaak_url: str, sjabloon_naam: str, resultaat, dagtekening, gemeente_pad, door) -> int:
    """Store what `genereer` made on the zaak (its gates passed and it is in the register). The exit status: 0 when
    delivered or waiting for an outage to pass, 1 when the zaaksysteem refused it (it waits in the outbox), 2 when
    it could not even be queued (the document is made all the same)."""
    from generator.vullen.context import gemeenteprofiel
    from generator.vullen.sjabloon import laad
    from zgw.opslaan import sla_op
    try:
        with open_register(gemeente_pad) as register, client(door) as zgw:
            opslag = sla_op(zgw, zaak_url, laad(sjabloon_naam), resultaat.pad.read_bytes(), resultaat.pad.name,
                            resultaat.zaak or {}, register, dagtekening=dagtekening,
                            gemeente=gemeenteprofiel(gemeente_pad), auteur=door, door=door, concept=resultaat.concept)
    except InvoerFout as fout:
        for melding in fout.meldingen:
            click.echo(f"fout: {melding}", err=True)
        click.echo(f"Het document is gemaakt ({resultaat.pad.name}), maar niet opgeslagen in het zaaksysteem; "
                   f"doe dat met sjabloon zgw opslaan.", err=True)
        return 2
    toon(opslag)
    return 0 if opslag.afgeleverd or opslag.storing else 1


@click.command(help="Lever de documenten in de wachtrij alsnog af bij het zaaksysteem. Exit 1 als er daarna nog "
               "documenten wachten.")
@click.option("--door", help="Wie het doet (voor de audittrail van het zaaksysteem; standaard de gebruikersnaam).")
@click.option("--json", "als_json", is_flag=True, help="Als JSON: per document wat ermee gebeurde.")
@met_gemeente
def opnieuw(door, als_json, gemeente_pad):
    from zgw.opslaan import opnieuw as lever_opnieuw
    from zgw.uitgaand import WACHTEND, Wachtrij
    try:
        with open_register(gemeente_pad) as register:
            if not Wachtrij(register).lijst(WACHTEND):
                click.echo("[]" if als_json else "De wachtrij is leeg: er wacht niets op het zaaksysteem.")
                return
            with client(door) as zgw:
                resultaten = lever_opnieuw(zgw, register)
    except InvoerFout as fout:
        stop_met_fouten(fout)
    if als_json:
        click.echo(json.dumps([o.as_json() for o in resultaten], ensure_ascii=False, indent=2))
    for opslag in resultaten if not als_json else ():
        toon(opslag)
    wachtend = sum(not o.afgeleverd for o in resultaten)
    if not als_json:
        click.echo(f"{len(resultaten) - wachtend} afgeleverd, {wachtend} wachten nog.")
    sys.exit(1 if wachtend else 0)


@click.command(help="Toon de documenten die op het zaaksysteem wachten (met --alle: ook de afgeleverde).")
@click.option("--alle", is_flag=True, help="Ook de documenten die al zijn afgeleverd.")
@click.option("--json", "als_json", is_flag=True, help="Als JSON, zonder de inhoud van de bestanden.")
@met_gemeente
def wachtrij(alle, als_json, gemeente_pad):
    from zgw.uitgaand import WACHTEND, Wachtrij
    try:
        with open_register(gemeente_pad) as register:
            lijst = Wachtrij(register).lijst(None if alle else WACHTEND)
    except InvoerFout as fout:
        stop_met_fouten(fout)
    if als_json:
        click.echo(json.dumps([u.as_json() for u in lijst], ensure_ascii=False, indent=2))
        return
    if not lijst:
        click.echo("De wachtrij is leeg: er wacht niets op het zaaksysteem.")
    for u in lijst:
        click.echo(f"{u.id:>5}  {u.aangemaakt:%Y-%m-%d %H:%M}  {u.status:<10}  {u.bestandsnaam}  {u.zaak_url}  "
                   f"{u.pogingen} {'poging' if u.pogingen == 1 else 'pogingen'}"
                   + (f"  laatste fout: {u.laatste_fout}" if u.laatste_fout and u.status == WACHTEND else ""))


@click.command(help="Sla een gemaakt document op in het zaaksysteem, bij de zaak. Alleen een document dat "
               "`sjabloon genereer` maakte (het register kent het).")
@click.argument("document", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--zaak-url", required=True, help="De URL van de zaak in de Zaken API.")
@click.option("--sjabloon", "sjabloon_id", help="Het sjabloon (id) waaruit het document is gemaakt; het register "
              "moet dat bevestigen.")
@click.option("--zaak", "zaak_pad", type=click.Path(path_type=Path, exists=True, dir_okay=False),
              help="Het zaakbestand waarmee het document is gemaakt: de termijnen van het Besluit rekenen ermee.")
@click.option("--pdf", "pdf_pad", type=click.Path(path_type=Path, exists=True, dir_okay=False),
              help="De PDF/A van het document, die mee moet.")
@click.option("--door", help="Wie het opslaat (auteur en audittrail; standaard de gemeente en de gebruikersnaam).")
@met_gemeente
def opslaan(document, zaak_url, sjabloon_id, zaak_pad, pdf_pad, door, gemeente_pad):
    import datetime as dt

    from generator.vullen.context import gemeenteprofiel
    from generator.vullen.sjabloon import laad
    from generator.vullen.zaak import laad_zaak
    from zgw.opslaan import controleer, sla_op
    inhoud = document.read_bytes()
    try:
        with open_register(gemeente_pad) as register:
            sha = hashlib.sha256(inhoud).hexdigest()
            regel = register.document(sha)
            if regel is None:
                raise InvoerFout(f"{document.name}: dit document staat niet in het register; alleen een document "
                                 "dat sjabloon genereer maakte (na de controles) gaat naar het zaaksysteem")
            if sjabloon_id and sjabloon_id != regel.sjabloon_id:
                raise InvoerFout(f"--sjabloon: het register zegt dat {document.name} uit {regel.sjabloon_id} komt, "
                                 f"niet uit {sjabloon_id}")
            sjabloon, gemeente = laad(regel.sjabloon_id), gemeenteprofiel(gemeente_pad)
            controleer(sjabloon, gemeente)
            gegevens = laad_zaak(zaak_pad, sjabloon) if zaak_pad else {"zaaknummer": regel.zaaknummer}
            with client(door) as zgw:
                opslag = sla_op(zgw, zaak_url, sjabloon, inhoud, document.name, gegevens, register,
                                pdf_pad.read_bytes() if pdf_pad else None,
                                dagtekening=dt.date.fromisoformat(regel.gegevens["dagtekening"]), gemeente=gemeente,
                                auteur=door, door=door, concept=bool(regel.gegevens.get("concept")))
    except InvoerFout as fout:
        stop_met_fouten(fout)
    toon(opslag)
    sys.exit(0 if opslag.afgeleverd or opslag.storing else 1)


@click.command(help="Sla de brieven van een run van `sjabloon bulk` op in het zaaksysteem, elke brief bij zijn eigen "
               "zaak. Exit 1 als er brieven zonder zaak zijn of het zaaksysteem er een weigert.")
@click.argument("map_", metavar="MAP", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option("--zaken", "zaken_pad", required=True, type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="CSV met de kolommen sleutel (zoals in manifest.csv) en zaak_url.")
@click.option("--door", help="Wie het opslaat (auteur en audittrail; standaard de gemeente en de gebruikersnaam).")
@met_gemeente
def bulk(map_, zaken_pad, door, gemeente_pad):
    from generator.vullen.context import gemeenteprofiel
    from zgw.bulk import lees_zaken, sla_bulk_op

    def voortgang(nummer, totaal, sleutel, opslag):
        stand = "afgeleverd" if opslag.afgeleverd else f"wacht ({opslag.fout})"
        click.echo(f"[{nummer}/{totaal}] {sleutel}: {stand}", err=True)

    try:
        zaken = lees_zaken(zaken_pad)
        with open_register(gemeente_pad) as register, client(door) as zgw:
            telling = sla_bulk_op(zgw, register, map_, zaken, gemeenteprofiel(gemeente_pad), door, voortgang)
    except InvoerFout as fout:
        stop_met_fouten(fout)
    for sleutel in telling.zonder:
        click.echo(f"geen zaak: {sleutel} staat niet in {zaken_pad.name}", err=True)
    click.echo(f"{telling.afgeleverd} afgeleverd, {telling.in_wachtrij} in de wachtrij ({telling.geweigerd} "
               f"geweigerd), {len(telling.zonder)} zonder zaak.")
    sys.exit(1 if telling.geweigerd or telling.zonder else 0)


OPDRACHTEN = (opnieuw, wachtrij, opslaan, bulk)      # in the `sjabloon zgw` group of cli/zgw.py (cli/sjabloon.py)
