"""`sjabloon gebruiker ...`: local accounts (name, password, roles) for a municipality without its own identity
provider. The password is asked twice at a hidden prompt, or read as one line from stdin (for scripts)."""

from __future__ import annotations

import getpass
import json
import sys

import click

from cli.opties import met_gemeente, stop_met_fouten
from generator.vullen.fouten import InvoerFout

ROL_HULP = "Een rol uit content/rollen.yaml: zaakbehandelaar, kcc, jurist, communicatie of beheerder (herhaal voor meer rollen)."
STDIN_HULP = "Lees het wachtwoord als één regel van stdin in plaats van het twee keer te vragen (voor scripts)."


def stop(melding: str) -> None:
    click.echo(f"fout: {melding}", err=True)
    click.echo("Er is niets geschreven.", err=True)
    sys.exit(2)


def open_register(gemeente_pad):
    """The register of the profile (where the accounts and keys live), or a Dutch error and exit 2."""
    from generator.vrijgave.register import Register, database_url
    from generator.vullen.context import gemeenteprofiel
    try:
        return Register(database_url(gemeenteprofiel(gemeente_pad)))
    except InvoerFout as fout:
        stop_met_fouten(fout)


def wie() -> str:
    """Who runs the command, for the register's `door`: the name this computer knows."""
    return getpass.getuser()


def lees_wachtwoord(van_stdin: bool, vraag: str = "Wachtwoord") -> str:
    """One line of stdin, or a hidden prompt asked twice; Ctrl-D, an empty stdin or two different answers: exit 2."""
    from toegang.gebruikers import GebruikerFout, controleer_wachtwoord
    if van_stdin:
        regel = sys.stdin.readline()
        if not regel:
            stop("wachtwoord ontbreekt: --wachtwoord-stdin verwacht het wachtwoord als één regel op stdin")
        wachtwoord = regel.removesuffix("\n").removesuffix("\r")
    else:
        try:
            wachtwoord = click.prompt(vraag, hide_input=True, prompt_suffix=": ")
            controleer_wachtwoord(wachtwoord)                   # say it is too short before asking it again
            if click.prompt("Nogmaals ter controle", hide_input=True, prompt_suffix=": ") != wachtwoord:
                stop("wachtwoord: de twee wachtwoorden zijn niet gelijk")
        except click.Abort:
            click.echo("", err=True)
            stop("wachtwoord: afgebroken (Ctrl-D of Ctrl-C), geen wachtwoord gekregen")
        except GebruikerFout as fout:
            stop_met_fouten(fout)
    return wachtwoord


@click.group(help="Lokale accounts voor de webapp en de vrijgave: toevoegen, tonen, rollen, wachtwoord, uit- en inschakelen.")
def gebruiker():
    pass


@gebruiker.command(help="Voeg een account toe met een of meer rollen; het wachtwoord (minstens 12 tekens) wordt "
                        "twee keer gevraagd.")
@click.argument("naam")
@click.option("--rol", "rollen", multiple=True, required=True, metavar="ROL", help=ROL_HULP)
@click.option("--naam", "volledige_naam", metavar="TEKST", help="De naam die anderen lezen, bijvoorbeeld \"Anna de Vries\".")
@click.option("--wachtwoord-stdin", "van_stdin", is_flag=True, help=STDIN_HULP)
@met_gemeente
def toevoegen(naam, rollen, volledige_naam, van_stdin, gemeente_pad):
    from toegang.gebruikers import Gebruikers, controleer_naam
    from toegang.rollen import controleer_rollen
    try:
        controleer_naam(naam)
        controleer_rollen(rollen)                  # before the password is asked: a typo in a role stops at once
    except InvoerFout as fout:
        stop_met_fouten(fout)
    wachtwoord = lees_wachtwoord(van_stdin)
    with open_register(gemeente_pad) as register:
        try:
            identiteit = Gebruikers(register).toevoegen(naam, wachtwoord, list(rollen), volledige_naam, door=wie())
        except InvoerFout as fout:
            stop_met_fouten(fout)
    click.echo(f"Account {identiteit.subject.split(':', 1)[1]} toegevoegd ({identiteit.naam}), "
               f"rollen: {', '.join(sorted(identiteit.rollen))}.")


@gebruiker.command(help="Toon de accounts: naam, volledige naam, rollen, actief of uitgeschakeld. Nooit een wachtwoord.")
@click.option("--json", "als_json", is_flag=True, help="Druk een JSON-lijst af, één object per account.")
@met_gemeente
def lijst(als_json, gemeente_pad):
    from toegang.gebruikers import Gebruikers
    with open_register(gemeente_pad) as register:
        accounts = Gebruikers(register).lijst()
    if als_json:
        click.echo(json.dumps([a.as_json() for a in accounts], ensure_ascii=False, indent=2))
    elif not accounts:
        click.echo("Er zijn nog geen accounts. Maak er een met: sjabloon gebruiker toevoegen NAAM --rol ROL")
    else:
        for a in accounts:
            click.echo(f"{a.naam:<20} {a.volledige_naam or '-':<28} {', '.join(a.rollen):<32} "
                       f"{'actief' if a.actief else 'uitgeschakeld'}")


@gebruiker.command(help="Geef een account andere rollen: de rollen die je noemt vervangen de oude.")
@click.argument("naam")
@click.option("--rol", "rollen", multiple=True, required=True, metavar="ROL", help=ROL_HULP)
@met_gemeente
def rollen(naam, rollen, gemeente_pad):
    from toegang.gebruikers import Gebruikers
    with open_register(gemeente_pad) as register:
        try:
            identiteit = Gebruikers(register).zet_rollen(naam, list(rollen), door=wie())
        except InvoerFout as fout:
            stop_met_fouten(fout)
    click.echo(f"Rollen van {naam.strip().lower()}: {', '.join(sorted(identiteit.rollen))}.")


@gebruiker.command(help="Schakel een account uit: aanmelden kan niet meer; de naam blijft bezet en het register "
                        "houdt wat het account deed.")
@click.argument("naam")
@met_gemeente
def uitschakelen(naam, gemeente_pad):
    from toegang.gebruikers import Gebruikers
    with open_register(gemeente_pad) as register:
        try:
            Gebruikers(register).uitschakelen(naam, door=wie())
        except InvoerFout as fout:
            stop_met_fouten(fout)
    click.echo(f"Account {naam.strip().lower()} is uitgeschakeld.")


@gebruiker.command(help="Schakel een uitgeschakeld account weer in: dezelfde naam, dezelfde rollen en hetzelfde wachtwoord.")
@click.argument("naam")
@met_gemeente
def inschakelen(naam, gemeente_pad):
    from toegang.gebruikers import Gebruikers
    with open_register(gemeente_pad) as register:
        try:
            Gebruikers(register).inschakelen(naam, door=wie())
        except InvoerFout as fout:
            stop_met_fouten(fout)
    click.echo(f"Account {naam.strip().lower()} is weer ingeschakeld.")


@gebruiker.command(help="Geef een account een nieuw wachtwoord (minstens 12 tekens), twee keer gevraagd.")
@click.argument("naam")
@click.option("--wachtwoord-stdin", "van_stdin", is_flag=True, help=STDIN_HULP)
@met_gemeente
def wachtwoord(naam, van_stdin, gemeente_pad):
    from toegang.gebruikers import Gebruikers
    with open_register(gemeente_pad) as register:
        accounts = Gebruikers(register)
        try:
            accounts.bestaand(naam)                 # an unknown name stops before the password is asked
            nieuw = lees_wachtwoord(van_stdin, "Nieuw wachtwoord")
            accounts.zet_wachtwoord(naam, nieuw, door=wie())
        except InvoerFout as fout:
            stop_met_fouten(fout)
    click.echo(f"Wachtwoord van {naam.strip().lower()} is gewijzigd.")
