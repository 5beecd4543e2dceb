"""`sjabloon bulk`: one template, a file of rows, a folder of checked letters; and `selecteer-afloop`, which
makes the rows for the herinnering run."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from cli.opties import datum, met_gemeente, stop_met_fouten, uit_optie
from generator.vullen.fouten import InvoerFout


@click.command(help="Maak brieven voor alle rijen van een bestand (CSV, Excel .xlsx of JSON Lines): elke brief "
               "gecontroleerd (Awb en B1), met manifest.csv en fouten.csv. Afgebroken? Draai dezelfde opdracht "
               "opnieuw: klare rijen worden overgeslagen.")
@click.argument("sjabloon")
@click.option("--data", "data_pad", required=True, type=click.Path(path_type=Path),
              help="De rijen: kolomnamen zijn velden van het sjabloon, met punten voor groepen (aanvrager.naam).")
@uit_optie("bulk", help="Map voor de brieven, manifest.csv, fouten.csv en het journaal.")
@click.option("--werkers", default=1, type=click.IntRange(1, 64), show_default=True, help="Aantal processen naast elkaar.")
@click.option("--pdf", is_flag=True, help="Maak van elke brief ook een PDF/A (met LibreOffice).")
@click.option("--pdf-timeout", type=click.FloatRange(min=1), metavar="SECONDEN",
              help="Zo lang mag LibreOffice over het starten en over één brief doen; daarna wordt het gestopt en een "
              "nieuw gestart (standaard SJABLOON_PDF_TIMEOUT, anders 60).")
@click.option("--zip", "als_zip", is_flag=True, help="Lever één archief brieven.zip met de brieven en het manifest.")
@click.option("--datum", callback=datum, metavar="JJJJ-MM-DD", help="Dagtekening JJJJ-MM-DD (standaard: vandaag; bij hervatten: die van de eerste run).")
@click.option("--sleutel", help="Het veld dat elke brief een naam geeft (standaard: 'sleutel' uit het manifest, anders het rijnummer).")
@click.option("--concept", is_flag=True, help="Uit een sjabloon dat nog niet is vrijgegeven: elke pagina zegt CONCEPT.")
@click.option("--door", help="Wie de brieven maakt (voor het register; standaard de gebruikersnaam).")
@met_gemeente
def bulk(sjabloon, data_pad, uit, werkers, pdf, pdf_timeout, als_zip, datum, sleutel, concept, door, gemeente_pad):
    from generator.bulk.run import Opdracht, voer_uit
    from generator.bulk.run import RegisterOnderbroken
    from generator.bulk.storing import BulkGestopt
    opdracht = Opdracht(sjabloon, data_pad, uit, werkers, pdf, als_zip, gemeente_pad, concept, datum, door, sleutel,
                        pdf_timeout)
    try:
        uitslag = voer_uit(opdracht)
    except RegisterOnderbroken as fout:     # letters were made before: not "nothing written"
        for melding in fout.meldingen:
            click.echo(f"fout: {melding}", err=True)
        sys.exit(2)
    except InvoerFout as fout:
        stop_met_fouten(fout)
    except BulkGestopt as gestopt:
        click.echo(f"fout: {gestopt.melding}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("\nOnderbroken. Wat klaar was, is bewaard en vastgelegd; draai dezelfde opdracht opnieuw om verder "
                   "te gaan.", err=True)
        sys.exit(130)
    click.echo(f"{_aantal(uitslag.gemaakt, 'brief', 'brieven')} gemaakt, {uitslag.overgeslagen} al klaar uit een "
               f"eerdere run, {_aantal(uitslag.fout, 'rij', 'rijen')} zonder brief "
               f"(dagtekening {uitslag.dagtekening}).")
    if uitslag.hersteld_in_register:
        click.echo(f"{_aantal(uitslag.hersteld_in_register, 'brief', 'brieven')} van de vorige run alsnog in het "
                   "register vastgelegd.")
    click.echo(f"Manifest: {uitslag.manifest}")
    if uitslag.archief:
        click.echo(f"Archief: {uitslag.archief}")
    if concept:
        click.echo("let op: CONCEPT, het sjabloon is nog niet vrijgegeven; niet verzenden", err=True)
    if uitslag.fouten:
        click.echo(f"Rijen met fouten: {uitslag.fouten}", err=True)
        sys.exit(1)


def _aantal(aantal: int, enkelvoud: str, meervoud: str) -> str:
    """'1 brief', '2 brieven', '0 brieven'."""
    return f"{aantal} {enkelvoud if aantal == 1 else meervoud}"


@click.command("selecteer-afloop", help="Kies de vergunningen die binnen een aantal maanden aflopen (voor de herinnering).")
@click.argument("vergunningen", type=click.Path(path_type=Path))
@click.option("--peildatum", required=True, callback=datum, metavar="JJJJ-MM-DD", help="Vanaf deze datum kijken (JJJJ-MM-DD).")
@click.option("--maanden", type=int, help="Zoveel maanden vooruit kijken (standaard uit het beleid: herinnering_afloop).")
@click.option("--uit", "uit_pad", type=click.Path(path_type=Path), help="Schrijf de gekozen rijen naar dit CSV-bestand (anders naar het scherm).")
@met_gemeente
def selecteer_afloop(vergunningen, peildatum, maanden, uit_pad, gemeente_pad):
    from checks.content import load_yaml
    from checks.schrijfwijze import datum as datum_tekst
    from generator.bulk import csvbestand
    from generator.bulk.afloop import selecteer
    maanden = maanden or load_yaml("beleid.yaml")["herinnering_afloop"]["maanden"]
    try:
        kolommen, rijen = selecteer(vergunningen, peildatum, maanden)
    except InvoerFout as fout:
        stop_met_fouten(fout)
    waarden = [[rij[k] for k in kolommen] for rij in rijen]
    if uit_pad:
        with csvbestand.schrijf(uit_pad, kolommen) as schrijver:
            schrijver.writerows(waarden)
        click.echo(f"{len(rijen)} vergunningen lopen af tussen {datum_tekst(peildatum)} en {maanden} maanden later: {uit_pad}")
    else:
        click.echo(csvbestand.als_tekst(kolommen, waarden), nl=False)


@click.command("bulk-werker", help="Maak brieven voor bulkruns op andere machines: luistert op de broker (Redis) naar "
               "reeksen rijen en stuurt de brieven terug naar de run. Draai er één op elke machine die meehelpt; de "
               "run zelf kiest ze met [bulk] motor = \"celery\" of SJABLOON_BULK_MOTOR=celery. Met --gemeente neemt hij "
               "alleen reeksen aan van runs met dat gemeenteprofiel. Stop met Ctrl-C.")
@click.option("--broker", metavar="URL", help="De Redis van de runs, bijvoorbeeld redis://:wachtwoord@host:6379/0 "
              "(rediss:// voor TLS; standaard SJABLOON_BULK_BROKER of [bulk] broker uit het instellingenbestand).")
@click.option("--gelijktijdig", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Aantal processen naast elkaar op deze machine (ongeveer één per processorkern).")
@met_gemeente
def bulk_werker(broker, gelijktijdig, gemeente_pad):
    from generator.bulk.verdeeld import broker_naam, ingestelde_motor
    from generator.bulk.verdeeld_werker import start
    try:
        motor = ingestelde_motor(broker)
    except InvoerFout as fout:
        stop_met_fouten(fout)
    if not motor.broker:
        click.echo("fout: geen broker: geef --broker redis://host:6379/0 of zet SJABLOON_BULK_BROKER", err=True)
        sys.exit(2)
    click.echo(f"Bulkwerker start: broker {broker_naam(motor.broker)}, {gelijktijdig} proces(sen). Stop met Ctrl-C.",
               err=True)
    try:
        status = start(motor.broker, gelijktijdig, motor.wachttijd, gemeente_pad)
    except InvoerFout as fout:          # the broker did not answer at the start: the worker made nothing yet
        stop_met_fouten(fout)
    sys.exit(status)
