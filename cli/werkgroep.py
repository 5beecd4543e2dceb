"""`sjabloon lint`, `tekst`, `vrijgeven` and `inventaris`: the sjablonenwerkgroep's catalogue work."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from cli.opties import datum as _datum
from cli.opties import met_gemeente, stop_met_fouten
from generator.vullen.fouten import InvoerFout


@click.command(help="Controleer sjablonen voor vrijgave: syntaxis, velden, bouwstenen, grondslagen, en elke variant "
                   "van de brief door de Awb- en B1-controle. Zonder SJABLOON: de hele catalogus.")
@click.argument("sjablonen_ids", metavar="[SJABLOON]...", nargs=-1)
@click.option("--json", "als_json", is_flag=True, help="Druk een JSON-lijst af, één object per sjabloon.")
@click.option("--datum", callback=_datum, metavar="JJJJ-MM-DD", help="Dagtekening voor het voorbeeld en zijn varianten (standaard: die van het voorbeeld, anders vandaag).")
@met_gemeente
def lint(sjablonen_ids, als_json, datum, gemeente_pad):
    from generator.catalogus.lint import lint as lint_sjabloon
    from generator.catalogus.lint_rapport import als_tekst as lint_tekst
    from generator.vullen.sjabloon import sjabloon_ids
    try:
        ids = sjablonen_ids or sjabloon_ids()
    except InvoerFout as fout:
        stop_met_fouten(fout)
    rapporten = [lint_sjabloon(naam, datum) for naam in ids]
    # a template named on the command line that cannot be read is bad input (exit 2); over the whole catalogue it
    # is one template's lint fout, and the others are still checked
    onleesbaar = [melding for r in rapporten for melding in r.onleesbaar] if sjablonen_ids else []
    getoond = [r for r in rapporten if als_json or not (sjablonen_ids and r.onleesbaar)]
    if als_json:
        click.echo(json.dumps([r.as_json() for r in getoond], ensure_ascii=False, indent=2))
    elif getoond:
        click.echo("\n\n".join(lint_tekst(r) for r in getoond))
    for melding in onleesbaar:
        click.echo(f"fout: {melding}", err=True)
    sys.exit(2 if onleesbaar else 0 if all(r.geslaagd for r in rapporten) else 1)


@click.command(help="Druk de tekst van een Word-sjabloon af, met de tags; voor git diff (zie docs/sjablonen.md).")
@click.argument("docx", type=click.Path(path_type=Path))
@met_gemeente
def tekst(docx, gemeente_pad):
    from checks.document import DocumentFout, lees_document
    from generator.vullen.sjabloon import laad
    pad = docx
    if not pad.is_file() and pad.suffix.lower() != ".docx":
        try:
            pad = laad(str(docx)).docx                       # a template id is fine too
        except InvoerFout as fout:
            stop_met_fouten(fout)
    try:
        document = lees_document(pad)
    except DocumentFout as fout:
        click.echo(f"fout: {fout}", err=True)
        sys.exit(2)
    for alinea in document.alineas:
        click.echo(f"[{alinea.positie}] {alinea.tekst}" if alinea.positie in ("koptekst", "voettekst") else alinea.tekst)


@click.command(help="Geef een sjabloon vrij na de juridische en de communicatieve beoordeling (vier ogen): twee "
                   "lokale accounts van twee verschillende mensen, een met de rol jurist en een met de rol "
                   "communicatie, elk met het eigen wachtwoord; geen van beiden wijzigde het sjabloon het laatst. "
                   "Alleen als de lint slaagt; de versie gaat omhoog en de SHA-256 van het DOCX en van de inhoud "
                   "van sjabloon.yaml worden vastgelegd.")
@click.argument("sjabloon")
@click.option("--juridisch", required=True, metavar="ACCOUNT", help="Account van de jurist die het sjabloon beoordeelde.")
@click.option("--communicatief", required=True, metavar="ACCOUNT",
              help="Account van de communicatieadviseur die het beoordeelde (een ander).")
@click.option("--opmerking", help="Wat er veranderde of wat de beoordelaars opmerkten.")
@click.option("--wachtwoorden-stdin", is_flag=True,
              help="Lees de twee wachtwoorden van stdin, elk op een eigen regel: eerst dat van de jurist, dan dat van "
                   "de communicatieadviseur (anders vraagt de opdracht ze, onzichtbaar).")
@click.option("--datum", callback=_datum, metavar="JJJJ-MM-DD", help="Dagtekening voor het voorbeeld en zijn varianten in de lint (standaard: die van het voorbeeld, anders vandaag).")
@met_gemeente
def vrijgeven(sjabloon, juridisch, communicatief, opmerking, wachtwoorden_stdin, datum, gemeente_pad):
    from generator.catalogus.lint_rapport import als_tekst as lint_tekst
    from generator.vrijgave.register import Register, database_url
    from generator.vrijgave.vier_ogen import LintMislukt
    from generator.vrijgave.vier_ogen import vrijgeven as geef_vrij
    from generator.vullen.context import gemeenteprofiel
    from toegang.gebruikers import Gebruikers
    accounts = {"juridisch": juridisch.strip(), "communicatief": communicatief.strip()}
    try:
        if accounts["juridisch"].casefold() == accounts["communicatief"].casefold():
            raise InvoerFout(f"vier-ogenprincipe: account '{accounts['juridisch']}' kan niet zowel de juridische als "
                             "de communicatieve beoordeling doen; vraag een tweede beoordelaar")
        wachtwoorden = _wachtwoorden(accounts, wachtwoorden_stdin)
        with Register(database_url(gemeenteprofiel(gemeente_pad))) as register:
            gebruikers = Gebruikers(register)
            wie = {}
            for soort, account in accounts.items():
                wie[soort] = gebruikers.aanmelden(account, wachtwoorden[soort])
                if wie[soort] is None:
                    raise InvoerFout(f"--{soort}: aanmelden als '{account}' lukt niet (onbekend account, verkeerd "
                                     "wachtwoord of uitgeschakeld); er is niets vrijgegeven. De opdrachtregel kent "
                                     "alleen lokale accounts (sjabloon gebruiker); wie zich via de identity provider "
                                     "aanmeldt, keurt het sjabloon goed in de webapp")
            vrijgave = geef_vrij(sjabloon, wie["juridisch"], wie["communicatief"], opmerking, register, datum)
    except InvoerFout as fout:
        stop_met_fouten(fout)
    except LintMislukt as mislukt:
        click.echo(lint_tekst(mislukt.rapport), err=True)
        click.echo(f"Niet vrijgegeven: de lint vond {mislukt.rapport.fouten} fout(en). Er is niets veranderd.", err=True)
        sys.exit(1)
    s = vrijgave.sjabloon
    versie = (f"versie {s.versie} (eerste vrijgave)" if vrijgave.vorige_versie is None
              else f"versie {vrijgave.vorige_versie} -> {s.versie}")
    click.echo(f"{s.id} vrijgegeven: {versie}, SHA-256 {s.sha256[:12]}…, beoordeeld door "
               f"{wie['juridisch'].naam} ({wie['juridisch'].subject}, juridisch) en "
               f"{wie['communicatief'].naam} ({wie['communicatief'].subject}, communicatief)")


def _wachtwoorden(accounts: dict, van_stdin: bool) -> dict:
    """Each reviewer's password: two lines on stdin, or a hidden prompt per account. Ctrl-D is bad input."""
    if van_stdin:
        regels = sys.stdin.read().splitlines()
        if len(regels) < 2 or not all(regels[:2]):
            raise InvoerFout("--wachtwoorden-stdin: geef twee regels op stdin: eerst het wachtwoord van de jurist, "
                             "dan dat van de communicatieadviseur")
        return dict(zip(accounts, regels[:2]))
    try:
        return {soort: click.prompt(f"Wachtwoord van {account} ({soort})", hide_input=True, err=True)
                for soort, account in accounts.items()}
    except click.Abort:
        raise InvoerFout("geen wachtwoord gegeven (afgebroken); er is niets vrijgegeven") from None


@click.command(help="De kwartaalinventaris: per sjabloon status, versie, beoordelingen, B1 en Awb van het voorbeeld, "
                   "gebruik; met de totalen voor het dienstverleningsprogramma.")
@click.option("--html", "html_pad", type=click.Path(path_type=Path), help="Schrijf de inventaris als losse HTML-pagina.")
@click.option("--json", "als_json", is_flag=True, help="Druk een JSON-object af.")
@click.option("--datum", callback=_datum, metavar="JJJJ-MM-DD", help="Peildatum JJJJ-MM-DD (standaard: vandaag); het kwartaal eindigt hier.")
@met_gemeente
def inventaris(html_pad, als_json, datum, gemeente_pad):
    from generator.catalogus.inventaris import maak_inventaris
    from generator.catalogus.inventaris_rapport import als_html
    from generator.catalogus.inventaris_rapport import als_tekst as inventaris_tekst
    from generator.vrijgave.register import Register, database_url
    from generator.vullen.bestanden import schrijf_atomisch
    from generator.vullen.context import gemeenteprofiel
    try:
        if html_pad:
            _schrijfbaar(html_pad)
        with Register(database_url(gemeenteprofiel(gemeente_pad))) as register:
            inv = maak_inventaris(register, datum or dt.date.today())
        if html_pad:
            try:
                schrijf_atomisch(html_pad, als_html(inv).encode("utf-8"))
            except OSError:
                raise InvoerFout(f"--html {html_pad}: kan het bestand niet schrijven (geen schrijfrechten in "
                                 f"{html_pad.parent}, of de schijf is vol)") from None
    except InvoerFout as fout:
        stop_met_fouten(fout)
    click.echo(json.dumps(inv.as_json(), ensure_ascii=False, indent=2) if als_json else inventaris_tekst(inv))


def _schrijfbaar(pad: Path) -> None:
    """--html names a file to write: not a folder, and no part of the path above it is a file. A folder that does
    not exist yet is made (as for every file Sjabloonstraat writes)."""
    if pad.is_dir():
        raise InvoerFout(f"--html {pad}: dat is een map; geef de naam van een HTML-bestand, bijvoorbeeld "
                         f"{pad / 'inventaris.html'}")
    for boven in pad.parents:
        if boven.exists():
            if not boven.is_dir():
                raise InvoerFout(f"--html {pad}: {boven} is een bestand, geen map; kies een andere plek")
            return
