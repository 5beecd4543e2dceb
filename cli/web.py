"""`sjabloon web`: the web app on one machine, with the same profile and register as the command line."""

from __future__ import annotations

import logging

import click

from cli.opties import met_gemeente, stop_met_fouten
from generator.vullen.fouten import InvoerFout


@click.command(help="Start de webapp voor zaakbehandelaars, KCC en sjablonenwerkgroep (open daarna de getoonde link).")
@click.option("--poort", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Poort om op te luisteren.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Adres om op te luisteren; 127.0.0.1 is alleen deze computer.")
@met_gemeente
def web(poort, host, gemeente_pad):
    import uvicorn

    from generator.vrijgave.register import Register, database_url
    from generator.vullen.context import gemeenteprofiel
    from web.app import maak_app
    try:
        with Register(database_url(gemeenteprofiel(gemeente_pad))):     # a register that will not open stops us here
            pass
        app = maak_app(gemeente_pad)
    except InvoerFout as fout:
        stop_met_fouten(fout)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    click.echo(f"Sjabloonstraat draait op http://{host}:{poort}/  (stoppen: Ctrl-C)")
    uvicorn.run(app, host=host, port=poort, access_log=False, log_config=None, log_level="info")
