"""`sjabloon zgw`: the link with the zaaksysteem (ZGW APIs). `sjabloon zgw test` checks the connection to each API
and the catalogue types the templates' manifests name; exit 1 with what is wrong."""

from __future__ import annotations

import getpass
import json
import sys

import click

from cli.opties import met_gemeente, stop_met_fouten
from generator.vullen.fouten import InvoerFout

NIET_INGESTELD = ("de koppeling met het zaaksysteem is niet ingesteld: zet SJABLOON_ZGW_URL (of per API "
                  "SJABLOON_ZGW_ZAKEN_URL, ..._DOCUMENTEN_URL, ..._CATALOGI_URL, ..._BESLUITEN_URL), "
                  "SJABLOON_ZGW_CLIENT_ID en SJABLOON_ZGW_SECRET, of een [zgw]-tabel in het instellingenbestand "
                  "(zie docs/zgw.md)")


@click.group(help="De koppeling met het zaaksysteem via de ZGW API's (Zaken, Documenten, Catalogi, Besluiten).")
def zgw():
    pass


@zgw.command(name="test", help="Test de verbinding met elke ZGW API en zoek de documenttypen en besluittypen die de "
                               "sjablonen noemen op in de Catalogi API. Exit 1 als er iets niet klopt.")
@click.option("--json", "als_json", is_flag=True, help="Druk een JSON-object af.")
@met_gemeente
def verbinding_testen(als_json, gemeente_pad):
    from zgw.client import ZgwClient
    from zgw.instellingen import zgw_instellingen
    from zgw.verbinding import controleer_typen, controleer_verbinding
    try:
        instellingen = zgw_instellingen()
        if instellingen is None:
            raise InvoerFout(NIET_INGESTELD)
        typen = _typen_uit_catalogus()
    except InvoerFout as fout:
        stop_met_fouten(fout)
    gebruiker = getpass.getuser()
    with ZgwClient(instellingen, gebruiker=(f"sjabloon:{gebruiker}", gebruiker)) as client:
        verbinding = controleer_verbinding(client)
        catalogus_bereikbaar = next(b.in_orde for b in verbinding if b.onderwerp == "Catalogi API")
        typen_bevindingen = controleer_typen(client, typen) if catalogus_bereikbaar else []
    bevindingen = verbinding + typen_bevindingen
    fouten = [b for b in bevindingen if not b.in_orde]
    if als_json:
        click.echo(json.dumps({"in_orde": not fouten, "bevindingen": [b.als_json() for b in bevindingen]},
                              ensure_ascii=False, indent=2))
    else:
        for bevinding in bevindingen:
            click.echo(f"{'in orde' if bevinding.in_orde else 'FOUT':<9}{bevinding.onderwerp}")
            click.echo(f"{'':<9}{bevinding.toelichting}")
        if not catalogus_bereikbaar:
            click.echo("De typen uit de manifesten zijn niet gecontroleerd: de Catalogi API is niet bereikbaar.")
        elif not typen:
            click.echo("De sjablonen noemen geen typen uit de Catalogi API (geen zgw-blok in de manifesten).")
    if fouten:
        click.echo(f"Het zaaksysteem is niet klaar voor Sjabloonstraat: {len(fouten)} "
                   f"{'probleem' if len(fouten) == 1 else 'problemen'}.", err=True)
        sys.exit(1)
    if not als_json:
        click.echo("Alles in orde: elke API is bereikbaar met deze client-ID" +
                   (" en elk type uit de manifesten staat in de Catalogi API." if typen else "."))


def _typen_uit_catalogus() -> dict[tuple[str, str], list[str]]:
    """(soort, omschrijving) -> the templates whose manifest names it in its `zgw:` block."""
    from generator.vullen.sjabloon import catalogus
    from zgw.verbinding import TYPEN
    typen: dict[tuple[str, str], list[str]] = {}
    for sjabloon in catalogus():
        blok = getattr(sjabloon, "zgw", None) or {}
        for soort in TYPEN:
            if omschrijving := str(blok.get(soort) or "").strip():
                typen.setdefault((soort, omschrijving), []).append(sjabloon.id)
    return typen
