"""`sjabloon controledienst`: see whether the resident check service runs, start it, or stop it."""

from __future__ import annotations

import datetime as dt
import sys
import time

import click

from cli.opties import met_gemeente


@click.group(help="De controledienst: houdt het taalmodel geladen, zodat sjabloon genereer in minder dan een seconde "
                  "controleert. Hij start vanzelf bij de eerste genereer en stopt na een half uur zonder werk "
                  "(SJABLOON_CONTROLEDIENST=uit: nooit).")
def controledienst():
    pass


@controledienst.command(help="Zeg of de controledienst draait.")
@met_gemeente
def status(gemeente_pad):
    from checks.werkers.dienst import Dienst
    stand = Dienst().status()
    if stand is None:
        click.echo("De controledienst draait niet.")
        sys.exit(1)
    sinds = dt.datetime.fromtimestamp(stand["sinds"]).strftime("%d-%m-%Y %H:%M")
    click.echo(f"De controledienst draait (proces {stand['pid']}, sinds {sinds}, "
               f"{stand.get('verzoeken', 0)} controles).")
    if not stand.get("actueel"):
        click.echo("let op: hij is gestart met andere programmacode of een ander taalmodel; de volgende genereer "
                   "start een nieuwe (of: sjabloon controledienst start)", err=True)


@controledienst.command(help="Start de controledienst nu, en wacht tot hij klaar is: het taalmodel geladen en, met "
                             "--gemeente, de woordenlijsten en regels van die gemeente gelezen.")
@click.option("--wacht", default=60, show_default=True, type=click.IntRange(1, 600),
              help="Hoeveel seconden ten hoogste.")
@met_gemeente
def start(wacht, gemeente_pad):
    from checks.werkers.dienst import Dienst
    dienst = Dienst()
    einde = time.monotonic() + wacht
    if (stand := dienst.status()) is not None and not stand.get("actueel"):
        dienst.stop()                # started from other code or for another model: a new one
        stand = None
    if stand is None:
        dienst.start()
    while (stand := dienst.status()) is None or not stand.get("actueel"):
        if time.monotonic() > einde:
            click.echo(f"fout: de controledienst is na {wacht} s nog niet klaar; zie {dienst.pad / 'dienst.log'}",
                       err=True)
            sys.exit(1)
        time.sleep(0.5)
    from checks.content import stand as inhoud
    dienst.vraag("warm", inhoud())          # this gemeente's word lists and rules read, as a genereer will want them
    click.echo("De controledienst draait.")


@controledienst.command(help="Stop de controledienst (de volgende genereer start hem weer, tenzij "
                             "SJABLOON_CONTROLEDIENST=uit).")
@met_gemeente
def stop(gemeente_pad):
    from checks.werkers.dienst import Dienst
    click.echo("De controledienst is gestopt." if Dienst().stop() else "De controledienst draaide niet.")
