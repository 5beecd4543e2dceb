"""The `sjabloon` command: one group that gathers the commands of every job. All text a user reads is Dutch;
exit 2 on bad input, 1 when a check finds a fout."""

from __future__ import annotations

import click

from cli.b1 import b1
from cli.bulk import bulk, selecteer_afloop
from cli.controles import checklist, controleer, interventie, termijn
from cli.documenten import genereer, sjablonen, voorbeelden
from cli.gebruiker import gebruiker
from cli.info import info
from cli.nederlands import vertaal_opdrachten
from cli.register import register
from cli.sleutel import sleutel
from cli.velden import velden
from cli.web import web
from cli.werkgroep import inventaris, lint, tekst, vrijgeven
from cli.zgw import zgw
from cli.zgw_opslaan import opnieuw as zgw_opnieuw, opslaan as zgw_opslaan, wachtrij as zgw_wachtrij

# One `sjabloon zgw` group: the connection test (cli/zgw.py) and the store and its outbox (cli/zgw_opslaan.py).
for _opdracht in (zgw_opnieuw, zgw_wachtrij, zgw_opslaan):
    zgw.add_command(_opdracht)


@click.group(help="Sjabloonstraat: beschikkingen en brieven maken uit zaakgegevens, en ze controleren.")
def main():
    pass


for opdracht in (sjablonen, velden, genereer, voorbeelden, controleer, b1, checklist, interventie, selecteer_afloop, termijn,
                 lint, tekst, vrijgeven, inventaris, register, bulk, web, gebruiker, sleutel, info, zgw):
    main.add_command(opdracht)
vertaal_opdrachten(main)


if __name__ == "__main__":
    main()
