"""The `sjabloon` command: one group that gathers the commands of every job. All text a user reads is Dutch;
exit 2 on bad input, 1 when a check finds a fout."""

from __future__ import annotations

import click

from cli.b1 import b1
from cli.bulk import bulk, bulk_werker, selecteer_afloop
from cli.controledienst import controledienst
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
from cli.zgw_opslaan import OPDRACHTEN as ZGW_OPSLAAN


@click.group(help="Sjabloonstraat: beschikkingen en brieven maken uit zaakgegevens, en ze controleren.")
def main():
    pass


for opdracht in (sjablonen, velden, genereer, voorbeelden, controleer, b1, checklist, interventie, selecteer_afloop, termijn,
                 lint, tekst, vrijgeven, inventaris, register, bulk, bulk_werker, web, gebruiker, sleutel, info, zgw,
                 controledienst):
    main.add_command(opdracht)
for opdracht in ZGW_OPSLAAN:                # zgw opnieuw, wachtrij and opslaan join zgw test in one group
    zgw.add_command(opdracht)
vertaal_opdrachten(main)


if __name__ == "__main__":
    main()
