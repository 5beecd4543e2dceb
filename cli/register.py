"""`sjabloon register`: list the register's entries; `sjabloon register controleer`: verify the keyed hash chain, the
anchor file and documents; `sjabloon register sleutel-roteren`: start a new register key."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from cli.opties import met_gemeente
from generator.vullen.fouten import InvoerFout


@click.group(invoke_without_command=True)
@click.option("--zaak", help="Alleen de regels van dit zaaknummer.")
@click.option("--sjabloon", "sjabloon_id", help="Alleen de regels van dit sjabloon (id).")
@click.option("--json", "als_json", is_flag=True, help="Als JSON: een lijst met alle gegevens van elke regel.")
@met_gemeente
@click.pass_context
def register(ctx, zaak, sjabloon_id, als_json, gemeente_pad):
    """Het register: vrijgegeven sjablonen en elk gemaakt document. Zonder opdracht: de regels tonen."""
    ctx.obj = gemeente_pad            # `controleer` uses the same profile unless it gets its own --gemeente
    if ctx.invoked_subcommand:
        return
    with _open(gemeente_pad) as reg:        # printed as read: bulk runs put hundreds of thousands of entries in it
        regels = reg.doorloop(zaak=zaak, sjabloon=sjabloon_id)
        if als_json:
            _toon_json(r.as_json() for r in regels)
        elif not _toon_tekst(regels):
            click.echo("Geen regels gevonden.")


def _toon_json(items) -> None:
    """The same text as json.dumps(list(items), indent=2), written item by item."""
    eerste = True
    for item in items:
        tekst = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        click.echo(("[\n  " if eerste else ",\n  ") + tekst, nl=False)
        eerste = False
    click.echo("[]" if eerste else "\n]")


def _toon_tekst(regels) -> bool:
    """One line per entry; False when there was none."""
    gezien = False
    for regel in regels:
        click.echo(_regel_tekst(regel))
        gezien = True
    return gezien


@register.command()
@click.option("--document", "documenten", multiple=True, type=click.Path(path_type=Path, dir_okay=False),
              help="Controleer ook of dit gemaakte document (DOCX) bij het register hoort: de registerregel en de "
                   "keten in zijn eigenschappen. Mag vaker.")
@met_gemeente
@click.pass_context
def controleer(ctx, documenten, gemeente_pad):
    """Controleer het register: is er een regel gewijzigd, verwijderd of tussengevoegd, klopt elke hash met de
    registersleutel, en staat elke kop uit het ankerbestand er nog? Exit 1 als er iets niet klopt."""
    with _open(gemeente_pad or ctx.obj) as reg:
        problemen, aantal = reg.controleer(), reg.aantal()
        for pad in documenten:
            try:
                inhoud = pad.read_bytes()
            except OSError as fout:
                click.echo(f"fout: {pad}: kan niet worden gelezen ({fout.strerror})", err=True)
                sys.exit(2)
            problemen += reg.controleer_document(inhoud, str(pad))
    if not problemen:
        click.echo(f"Register intact: {aantal} {'regel' if aantal == 1 else 'regels'}, keten klopt.")
        if documenten:
            click.echo(f"{len(documenten)} {'document hoort' if len(documenten) == 1 else 'documenten horen'} bij "
                       f"het register.")
        return
    for probleem in problemen:
        click.echo(probleem)
    click.echo(f"Register NIET intact: {len(problemen)} {'probleem' if len(problemen) == 1 else 'problemen'} in "
               f"{aantal} {'regel' if aantal == 1 else 'regels'}.", err=True)
    sys.exit(1)


@register.command("sleutel-roteren")
@click.option("--door", help="Wie de sleutel roteert (voor het register; standaard de gebruikersnaam).")
@met_gemeente
@click.pass_context
def sleutel_roteren(ctx, door, gemeente_pad):
    """Begin een nieuwe registersleutel: die tekent voortaan elke regel; de oude blijven bewaard om oudere regels te
    controleren. De rotatie zelf komt als regel in het register."""
    import getpass
    with _open(gemeente_pad or ctx.obj) as reg:
        try:
            regel = reg.roteer_sleutel(door or getpass.getuser())
        except InvoerFout as fout:
            click.echo(f"fout: {fout}", err=True)
            sys.exit(2)
        bestand = reg.sleutels.bestand
    click.echo(f"Nieuwe registersleutel {regel.gegevens['sleutel']} in {bestand}; de vorige "
               f"({regel.gegevens['vorige_sleutel']}) blijft bewaard om oudere regels te controleren. "
               f"Vastgelegd in regel {regel.id}.")


def _open(gemeente_pad):
    from generator.vrijgave.register.opslag import Register
    from generator.vrijgave.register.url import database_url
    from generator.vullen.context import gemeenteprofiel
    try:
        return Register(database_url(gemeenteprofiel(gemeente_pad)))
    except InvoerFout as fout:              # RegisterFout, or a register folder that cannot be made
        click.echo(f"fout: {fout}", err=True)
        sys.exit(2)


def _regel_tekst(r) -> str:
    if r.soort in ("gebruiker", "sleutel"):             # an account or key changed: no template, no document
        return "  ".join([f"{r.id:>5}", f"{r.tijdstip:%Y-%m-%d %H:%M:%S}", f"{r.soort:<8}", r.door, _toegang(r.gegevens)])
    if r.soort == "registersleutel":                    # the register's own key was rotated
        return "  ".join([f"{r.id:>5}", f"{r.tijdstip:%Y-%m-%d %H:%M:%S}", r.soort, r.door,
                          f"nieuwe sleutel {r.gegevens.get('sleutel')} (was {r.gegevens.get('vorige_sleutel')})"])
    delen = [f"{r.id:>5}", f"{r.tijdstip:%Y-%m-%d %H:%M:%S}", f"{r.soort:<8}", r.zaaknummer or "-",
             f"{r.sjabloon_id} v{r.sjabloon_versie}", r.sha256[:12], r.door]
    g = r.gegevens
    if r.soort == "vrijgave":
        delen.append(f"juridisch: {_persoon(g.get('juridisch'))}, communicatief: {_persoon(g.get('communicatief'))}")
    elif r.soort == "beoordeling":
        delen.append(f"{g.get('soort')} goedgekeurd door {_persoon(g.get('beoordelaar'))}")
    elif r.soort == "wijziging":
        delen.append(f"nieuw DOCX van {_persoon(g.get('wijziger'))}")
    elif r.soort == "document":
        delen.append(_oordeel(g))
    elif r.soort == "zgw":                              # delivered to the zaaksysteem (zgw/opslaan.py)
        delen.append(f"in het zaaksysteem: {g['urls'].get('document')}"
                     + (f", besluit {g['urls']['besluit']}" if g["urls"].get("besluit") else ""))
    return "  ".join(delen)


def _persoon(beoordelaar) -> str:
    """A reviewer as the register keeps it: name and subject of the identity (an old entry: the name typed then)."""
    from generator.vrijgave.register.regel import naam_van
    if isinstance(beoordelaar, dict):
        return f"{naam_van(beoordelaar)} ({beoordelaar.get('subject')})"
    return str(beoordelaar)


def _oordeel(g: dict) -> str:
    awb, b1 = g.get("awb") or {}, g.get("b1") or {}
    fouten = sum(1 for b in awb.get("bevindingen", []) if b.get("ernst") == "fout")
    oordeel = ("Awb: in orde" if awb.get("vrijgave") else f"Awb: {fouten} {'fout' if fouten == 1 else 'fouten'}")
    oordeel += f", B1: {'ja' if b1.get('b1') else 'nee'} ({b1.get('niveau', '?')}, score {b1.get('score', '?')})"
    if g.get("forceer_reden"):
        oordeel += f", geforceerd: {g['forceer_reden']}"
    return oordeel


def _toegang(g: dict) -> str:
    tekst = f"{g.get('subject')}: {g.get('handeling')}"
    if g.get("rollen") or g.get("rol"):
        tekst += f" (rollen: {', '.join(g.get('rollen') or [g.get('rol')])})"
    return tekst
