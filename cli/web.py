"""`sjabloon web`: the web app on one machine, with the same profile and register as the command line."""

from __future__ import annotations

import ipaddress
import logging
import os

import click

from cli.opties import met_gemeente, stop_met_fouten
from generator.vullen.fouten import InvoerFout


@click.command(help="Start de webapp voor zaakbehandelaars, KCC en sjablonenwerkgroep (open daarna de getoonde link).")
@click.option("--poort", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Poort om op te luisteren.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Adres om op te luisteren; 127.0.0.1 is alleen deze computer (zonder identity provider de "
                   "veilige keuze).")
@click.option("--werkers", default=2, show_default=True, type=click.IntRange(0, 64), envvar="SJABLOON_WERKERS",
              help="Werkprocessen voor de Awb- en B1-controle, elk met een eigen taalmodel (ongeveer 300 MB per stuk); "
                   "0 controleert in de webapp zelf, één tegelijk. Ook via SJABLOON_WERKERS.")
@click.option("--draden", default=8, show_default=True, type=click.IntRange(1, 200), envvar="SJABLOON_DRADEN",
              help="Hoeveel verzoeken de webapp tegelijk bewerkt; de rest wacht op zijn beurt. Elk document in "
                   "bewerking kost geheugen, dus dit begrenst het geheugen bij drukte. Ook via SJABLOON_DRADEN.")
@met_gemeente
def web(poort, host, werkers, draden, gemeente_pad):
    import uvicorn

    from generator.vrijgave.register import Register, database_url
    from generator.vullen.context import gemeenteprofiel
    from web.app import maak_app
    from toegang.gebruikers import Gebruikers
    try:
        with Register(database_url(gemeenteprofiel(gemeente_pad))) as register:   # one that will not open stops us
            accounts = Gebruikers(register).aantal_actief()
        app = maak_app(gemeente_pad, werkers, draden)
    except InvoerFout as fout:
        stop_met_fouten(fout)
    for waarschuwing in waarschuwingen(host, accounts, oidc=bool(os.environ.get("SJABLOON_OIDC_ISSUER"))):
        click.echo(waarschuwing, err=True)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    click.echo(f"Sjabloonstraat draait op http://{host}:{poort}/  (stoppen: Ctrl-C)")
    uvicorn.run(app, host=host, port=poort, access_log=False, log_config=None, log_level="info")


def waarschuwingen(host: str, accounts: int, oidc: bool) -> list[str]:
    """What someone starting the web app should know: it listens beyond this computer without the municipality's
    identity provider (local accounts and their passwords then travel the network, without TLS unless a proxy adds
    it), or nobody can log in yet."""
    uit = []
    if not oidc and not _alleen_deze_computer(host):
        uit.append(f"Let op: de webapp luistert op {host}, dus ook voor andere computers, en er is geen identity "
                   "provider ingesteld (SJABLOON_OIDC_ISSUER). Aanmelden gaat dan met lokale accounts; zet de webapp "
                   "achter een proxy met TLS (https) en zet SJABLOON_COOKIE_SECURE=1. Zie docs/beveiliging.md.")
    if not oidc and accounts == 0:
        uit.append("Er is nog geen account om mee aan te melden. Maak er een met: "
                   "sjabloon gebruiker toevoegen NAAM --rol ROL   (rollen: sjabloon gebruiker toevoegen --help)")
    return uit


def _alleen_deze_computer(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
