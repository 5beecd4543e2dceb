"""The `sjabloon` command. All text a user reads is Dutch; exit 2 on bad input."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from checks.awb.controle import controleer as awb_controleer
from checks.awb.rapport import als_tekst
from checks.awb.rapport import checklist as maak_checklist
from checks.awb.regels import besluittypen
from checks.document import DocumentFout, lees_document, lees_tekst
from checks.termijnen import TermijnFout, bereken
from cli.opties import datum as _datum
from cli.opties import met_gemeente, stop_met_fouten
from generator.vullen.context import gemeenteprofiel
from generator.vullen.fouten import InvoerFout
from generator.vullen.genereer import genereer as genereer_document
from generator.vullen.keuring import VrijgaveGeweigerd
from generator.vullen.render import schrijf_atomisch
from generator.vullen.sjabloon import catalogus


@click.group(help="Sjabloonstraat: beschikkingen en brieven maken uit zaakgegevens, en ze controleren.")
def main():
    pass


@main.command(help="Toon de sjablonen in de catalogus.")
@click.option("--json", "als_json", is_flag=True, help="Druk een JSON-lijst af.")
@met_gemeente
def sjablonen(als_json, gemeente_pad):
    from generator.catalogus.sjabloongebruik import gebruik, ontbrekend_in_profiel
    try:
        profiel = gemeenteprofiel(gemeente_pad)
        lijst = catalogus()
        ontbreekt = {s.id: ontbrekend_in_profiel(gebruik(s.docx, s.id), profiel) for s in lijst}
    except InvoerFout as fout:
        stop_met_fouten(fout)
    if als_json:
        click.echo(json.dumps([s.samenvatting() for s in lijst], ensure_ascii=False, indent=2))
    for s in lijst:
        if not als_json:
            click.echo(f"{s.id:<32} {s.besluittype:<30} versie {s.versie:<4} {s.samenvatting()['status']:<12} {s.titel}")
        if s.gewijzigd_na_vrijgave:
            click.echo(f"let op: {s.id}: het DOCX is gewijzigd na de vrijgave; geef het opnieuw vrij", err=True)
        if ontbreekt[s.id]:
            click.echo(f"let op: {s.id}: het gemeenteprofiel mist {', '.join(ontbreekt[s.id])}", err=True)


@main.command(help="Maak een document uit een sjabloon en een zaakbestand (YAML of JSON).")
@click.argument("sjabloon")
@click.option("--zaak", "zaak_pad", required=True, type=click.Path(path_type=Path), help="Zaakbestand (YAML of JSON).")
@click.option("--uit", default="uitvoer", type=click.Path(path_type=Path), show_default=True, help="Map voor het document.")
@click.option("--datum", callback=_datum, help="Dagtekening JJJJ-MM-DD (standaard: vandaag).")
@click.option("--forceer", is_flag=True, help="Geef het document vrij ondanks fouten in de Awb-controle (met --reden).")
@click.option("--reden", help="Waarom u het document toch vrijgeeft; wordt in het document vastgelegd.")
@click.option("--concept", is_flag=True, help="Maak een proefdocument uit een sjabloon dat nog niet is vrijgegeven; "
              "op elke pagina staat CONCEPT.")
@click.option("--door", help="Wie het document maakt (voor het register; standaard de gebruikersnaam).")
@met_gemeente
def genereer(sjabloon, zaak_pad, uit, datum, gemeente_pad, forceer, reden, concept, door):
    if forceer and not (reden or "").strip():
        click.echo("fout: --forceer vraagt om --reden \"...\": leg vast waarom het document toch weg mag.", err=True)
        sys.exit(2)
    try:
        resultaat = genereer_document(sjabloon, zaak_pad, uit, datum or dt.date.today(), gemeente_pad,
                                      reden.strip() if forceer else None, concept, door)
    except InvoerFout as fout:
        stop_met_fouten(fout)
    except VrijgaveGeweigerd as geweigerd:
        from checks.b1.rapport import als_tekst as b1_tekst
        click.echo(als_tekst(geweigerd.keuring.awb), err=True)
        if geweigerd.keuring.brief and not geweigerd.keuring.b1.b1:
            click.echo(b1_tekst(geweigerd.keuring.b1), err=True)
        click.echo("Niet vrijgegeven: de controle vond fouten. Er is niets geschreven. "
                   "Herstel de zaak of het sjabloon, of geef vrij met --forceer --reden \"...\".", err=True)
        sys.exit(1)
    for waarschuwing in resultaat.waarschuwingen:
        click.echo(f"waarschuwing: {waarschuwing}", err=True)
    if not resultaat.keuring.b1.b1:
        click.echo(f"waarschuwing: de tekst is niet op B1-niveau ({'; '.join(resultaat.keuring.b1.redenen)})", err=True)
    if resultaat.keuring.fouten:
        click.echo(f"let op: vrijgegeven ondanks fouten, reden vastgelegd: {reden}", err=True)
    if resultaat.concept:
        click.echo("let op: CONCEPT, het sjabloon is nog niet vrijgegeven; niet verzenden", err=True)
    click.echo(str(resultaat.pad))


@main.command(help="Maak het voorbeelddocument van elk sjabloon (van een sjabloon dat niet is vrijgegeven: als CONCEPT).")
@click.option("--uit", default="uitvoer", type=click.Path(path_type=Path), show_default=True)
@click.option("--datum", callback=_datum, help="Dagtekening JJJJ-MM-DD (standaard: vandaag).")
@met_gemeente
def voorbeelden(uit, datum, gemeente_pad):
    from generator.vrijgave.register import Register, database_url
    try:
        with Register(database_url(gemeenteprofiel(gemeente_pad))) as register:
            for sjabloon in catalogus():
                resultaat = genereer_document(sjabloon.id, sjabloon.voorbeeld, uit, datum or dt.date.today(), gemeente_pad,
                                              concept=True, register=register)
                click.echo(f"{resultaat.pad}{'  (CONCEPT)' if resultaat.concept else ''}")
    except InvoerFout as fout:
        stop_met_fouten(fout)


@main.command(help="Controleer besluiten (DOCX, PDF of tekst) op de onderdelen die de Awb vraagt.")
@click.argument("documenten", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--type", "besluittype", type=click.Choice(sorted(besluittypen())), help="Besluittype (anders herkend uit de tekst).")
@click.option("--json", "als_json", is_flag=True, help="Druk een JSON-lijst af, één object per document.")
@met_gemeente
def controleer(documenten, besluittype, als_json, gemeente_pad):
    rapporten, onleesbaar = [], []
    for pad in documenten:
        try:
            rapporten.append(awb_controleer(lees_document(pad), besluittype))
        except DocumentFout as fout:
            onleesbaar.append(str(fout))
    if als_json:
        click.echo(json.dumps([r.as_json() for r in rapporten], ensure_ascii=False, indent=2))
    else:
        click.echo("\n\n".join(als_tekst(r) for r in rapporten))
    for melding in onleesbaar:
        click.echo(f"fout: {melding}", err=True)
    sys.exit(2 if onleesbaar else 0 if all(r.vrijgave for r in rapporten) else 1)


DOCUMENTSOORTEN = (".docx", ".pdf", ".txt", ".md")


def _bestanden(paden) -> list[Path]:
    """Files as given, and the DOCX, PDF and text files in folders (the KCC's bulk run)."""
    lijst = []
    for pad in paden:
        if pad.is_dir():
            lijst += sorted(p for p in pad.rglob("*") if p.suffix.lower() in DOCUMENTSOORTEN and p.is_file())
        else:
            lijst.append(pad)
    return lijst


@main.command(help="Controleer brieven op taalniveau B1 (DOCX, PDF, tekst, of een map daarmee).")
@click.argument("paden", nargs=-1, type=click.Path(path_type=Path))
@click.option("--json", "als_json", is_flag=True, help="Druk één JSON-object per document af (een lijst).")
@click.option("--html", "html_pad", type=click.Path(path_type=Path), help="Schrijf een rapport als losse HTML-pagina.")
@click.option("--docx-opmerkingen", "docx_pad", type=click.Path(path_type=Path),
              help="Schrijf het (enige) DOCX terug met een Word-opmerking bij elke moeilijke zin.")
@click.option("--jsonl", "jsonl_pad", type=click.Path(path_type=Path),
              help="Lees regels {\"id\", \"tekst\"} en druk per regel {\"id\", \"score\", \"b1\", \"niveau\"} af.")
@met_gemeente
def b1(paden, als_json, html_pad, docx_pad, jsonl_pad, gemeente_pad):
    from checks.b1.controle import controleer_b1
    from checks.b1.rapport import als_html, docx_met_opmerkingen
    from checks.b1.rapport import als_tekst as b1_tekst

    if jsonl_pad:
        sys.exit(_b1_jsonl(jsonl_pad, controleer_b1))
    bestanden = _bestanden(paden)
    if not bestanden:
        click.echo("fout: geef een of meer bestanden of mappen, of --jsonl BESTAND.", err=True)
        sys.exit(2)
    rapporten, onleesbaar = [], []
    for pad in bestanden:
        try:
            rapporten.append((pad, controleer_b1(lees_document(pad))))
        except DocumentFout as fout:
            onleesbaar.append(str(fout))
    if als_json:
        click.echo(json.dumps([r.as_json() for _, r in rapporten], ensure_ascii=False, indent=2))
    else:
        click.echo("\n\n".join(b1_tekst(r) for _, r in rapporten))
        if len(rapporten) > 1:
            click.echo(f"\nSamenvatting: {sum(r.b1 for _, r in rapporten)} van de {len(rapporten)} brieven op B1-niveau.")
            for pad, r in rapporten:
                click.echo(f"  {'B1 ' if r.b1 else 'NEE'} {r.niveau} {r.score:5.0f}  {pad}")
    if html_pad:
        schrijf_atomisch(html_pad, als_html([r for _, r in rapporten]).encode("utf-8"))
    if docx_pad:
        docx_bronnen = [(p, r) for p, r in rapporten if p.suffix.lower() == ".docx"]
        if len(docx_bronnen) != 1:
            click.echo("fout: --docx-opmerkingen werkt met precies één DOCX-bestand.", err=True)
            sys.exit(2)
        pad, rapport = docx_bronnen[0]
        schrijf_atomisch(docx_pad, docx_met_opmerkingen(pad.read_bytes(), rapport))
    for melding in onleesbaar:
        click.echo(f"fout: {melding}", err=True)
    sys.exit(2 if onleesbaar else 0 if all(r.b1 for _, r in rapporten) else 1)


def _b1_jsonl(pad: Path, controleer_b1) -> int:
    """One JSON line in, one JSON line out; the model is loaded once for the whole file."""
    try:
        regels = pad.read_text(encoding="utf-8").splitlines()
    except OSError as fout:
        click.echo(f"fout: {pad}: kan het bestand niet lezen ({fout.strerror})", err=True)
        return 2
    uitkomsten, fouten = [], []
    for nummer, regel in enumerate(regels, start=1):
        if not regel.strip():
            continue
        try:
            item = json.loads(regel)
            tekst, sleutel = item["tekst"], item["id"]
        except (json.JSONDecodeError, KeyError, TypeError):
            fouten.append(f"{pad}: regel {nummer}: verwacht een JSON-object met \"id\" en \"tekst\"")
            continue
        rapport = controleer_b1(lees_tekst(str(tekst), str(sleutel)))
        uitkomsten.append(rapport.b1)
        click.echo(json.dumps({"id": sleutel, "score": round(rapport.score, 1), "b1": rapport.b1, "niveau": rapport.niveau}, ensure_ascii=False))
    for fout in fouten:
        click.echo(f"fout: {fout}", err=True)
    return 2 if fouten else 0 if all(uitkomsten) else 1


@main.command(help="Druk de checklist af voor een besluittype: wat er in het besluit moet staan.")
@click.argument("besluittype", type=click.Choice(sorted(besluittypen())))
@click.option("--markdown", is_flag=True, help="Als Markdown met afvinkvakjes.")
@met_gemeente
def checklist(besluittype, markdown, gemeente_pad):
    click.echo(maak_checklist(besluittype, markdown), nl=False)


@main.command(help="Bepaal de interventie volgens de interventiematrix van de Landelijke Handhavingsstrategie.")
@click.option("--gevolg", type=int, required=True, help="Gevolgen van de overtreding: 1 (vrijwel nihil) tot 4 (aanzienlijk).")
@click.option("--gedrag", required=True, help="Gedrag van de overtreder: A (goedwillend) tot D (crimineel).")
@click.option("--verzwarend", multiple=True, help="Verzwarend argument (mag vaker), zie content/interventiematrix.yaml.")
@click.option("--verzachtend", multiple=True, help="Verzachtend argument (mag vaker).")
@click.option("--json", "als_json", is_flag=True, help="Druk een JSON-object af.")
@met_gemeente
def interventie(gevolg, gedrag, verzwarend, verzachtend, als_json, gemeente_pad):
    from checks.interventie import InterventieFout, bepaal
    try:
        uitkomst = bepaal(gevolg, gedrag, list(verzwarend), list(verzachtend))
    except InterventieFout as fout:
        click.echo(f"fout: {fout}", err=True)
        sys.exit(2)
    if als_json:
        click.echo(json.dumps(uitkomst.as_json(), ensure_ascii=False, indent=2))
        return
    click.echo(f"Segment {uitkomst.segment} ({uitkomst.soort} segment).")
    for reden in uitkomst.redenen:
        click.echo(f"  {reden}")
    click.echo("Interventies, de lichtste eerst:")
    for keuze in uitkomst.interventies:
        click.echo(f"  - {keuze}")
    click.echo("Overleg met het Openbaar Ministerie: " + ("ja" if uitkomst.openbaar_ministerie else "nee"))
    if uitkomst.sjablonen:
        bestaand = {s.id for s in catalogus()}
        click.echo("Sjablonen: " + ", ".join(s if s in bestaand else f"{s} (nog niet in de catalogus)" for s in uitkomst.sjablonen))


@main.command("selecteer-afloop", help="Kies de vergunningen die binnen een aantal maanden aflopen (voor de herinnering).")
@click.argument("vergunningen", type=click.Path(path_type=Path))
@click.option("--peildatum", required=True, callback=_datum, help="Vanaf deze datum kijken (JJJJ-MM-DD).")
@click.option("--maanden", type=int, help="Zoveel maanden vooruit kijken (standaard uit het beleid: herinnering_afloop).")
@click.option("--uit", "uit_pad", type=click.Path(path_type=Path), help="Schrijf de gekozen rijen naar dit CSV-bestand (anders naar het scherm).")
@met_gemeente
def selecteer_afloop(vergunningen, peildatum, maanden, uit_pad, gemeente_pad):
    import csv
    import io

    from checks.content import load_yaml
    from generator.bulk.afloop import selecteer
    maanden = maanden or load_yaml("beleid.yaml")["herinnering_afloop"]["maanden"]
    try:
        kolommen, rijen = selecteer(vergunningen, peildatum, maanden)
    except InvoerFout as fout:
        stop_met_fouten(fout)
    buffer = io.StringIO()
    schrijver = csv.DictWriter(buffer, fieldnames=kolommen, lineterminator="\n")
    schrijver.writeheader()
    schrijver.writerows(rijen)
    if uit_pad:
        schrijf_atomisch(uit_pad, buffer.getvalue().encode("utf-8"))
        click.echo(f"{len(rijen)} vergunningen lopen af tussen {peildatum} en {maanden} maanden later: {uit_pad}")
    else:
        click.echo(buffer.getvalue(), nl=False)


@main.command(help="Bereken een termijn zoals de wet hem telt (Awb, Omgevingswet, Algemene termijnenwet). "
                   "SOORT is een termijnsoort uit content/termijnen.yaml, bijvoorbeeld bezwaar.")
@click.argument("soort")
@click.option("--datum", required=True, callback=_datum, help="Datum waarop de termijn begint te lopen (JJJJ-MM-DD).")
@click.option("--aantal", type=int, help="Aantal werkdagen (werkdagen) of weken (zelf gestelde termijnen).")
@click.option("--json", "als_json", is_flag=True, help="Druk een JSON-object af.")
@met_gemeente
def termijn(soort, datum, aantal, als_json, gemeente_pad):
    try:
        uitkomst = bereken(soort, datum, aantal)
    except TermijnFout as fout:
        click.echo(f"fout: {fout}", err=True)
        sys.exit(2)
    if als_json:
        click.echo(json.dumps(uitkomst.as_json(), ensure_ascii=False, indent=2))
        return
    click.echo(uitkomst.zin())
    for waarschuwing in uitkomst.waarschuwingen:
        click.echo(f"waarschuwing: {waarschuwing}", err=True)


@main.command(help="Controleer sjablonen voor vrijgave: syntaxis, velden, bouwstenen, grondslagen, en elke variant "
                   "van de brief door de Awb- en B1-controle. Zonder SJABLOON: de hele catalogus.")
@click.argument("sjablonen_ids", metavar="[SJABLOON]...", nargs=-1)
@click.option("--json", "als_json", is_flag=True, help="Druk een JSON-lijst af, één object per sjabloon.")
@click.option("--datum", callback=_datum, help="Dagtekening voor de varianten (standaard: vandaag).")
@met_gemeente
def lint(sjablonen_ids, als_json, datum, gemeente_pad):
    from generator.catalogus.lint import lint as lint_sjabloon
    from generator.catalogus.lint_rapport import als_tekst as lint_tekst
    try:
        ids = sjablonen_ids or [s.id for s in catalogus()]
    except InvoerFout as fout:
        stop_met_fouten(fout)
    rapporten = [lint_sjabloon(naam, datum or dt.date.today()) for naam in ids]
    if als_json:
        click.echo(json.dumps([r.as_json() for r in rapporten], ensure_ascii=False, indent=2))
    else:
        click.echo("\n\n".join(lint_tekst(r) for r in rapporten))
    sys.exit(0 if all(r.geslaagd for r in rapporten) else 1)


@main.command(help="Druk de tekst van een Word-sjabloon af, met de tags; voor git diff (zie docs/sjablonen.md).")
@click.argument("docx", type=click.Path(path_type=Path))
@met_gemeente
def tekst(docx, gemeente_pad):
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


@main.command(help="Geef een sjabloon vrij na de juridische en de communicatieve beoordeling (vier ogen). "
                   "Alleen als de lint slaagt; de versie gaat omhoog en de SHA-256 van het DOCX wordt vastgelegd.")
@click.argument("sjabloon")
@click.option("--juridisch", required=True, help="Naam van de jurist die het sjabloon beoordeelde.")
@click.option("--communicatief", required=True, help="Naam van de communicatieadviseur die het beoordeelde (een ander).")
@click.option("--opmerking", help="Wat er veranderde of wat de beoordelaars opmerkten.")
@click.option("--door", help="Wie de vrijgave uitvoert (standaard de gebruikersnaam).")
@click.option("--datum", callback=_datum, help="Dagtekening voor de varianten van de lint (standaard: vandaag).")
@met_gemeente
def vrijgeven(sjabloon, juridisch, communicatief, opmerking, door, datum, gemeente_pad):
    import getpass

    from generator.catalogus.lint_rapport import als_tekst as lint_tekst
    from generator.vrijgave.register import Register, database_url
    from generator.vrijgave.vier_ogen import LintMislukt
    from generator.vrijgave.vier_ogen import vrijgeven as geef_vrij
    try:
        with Register(database_url(gemeenteprofiel(gemeente_pad))) as register:
            vrijgave = geef_vrij(sjabloon, juridisch, communicatief, opmerking, door or getpass.getuser(), register, datum)
    except InvoerFout as fout:
        stop_met_fouten(fout)
    except LintMislukt as mislukt:
        click.echo(lint_tekst(mislukt.rapport), err=True)
        click.echo(f"Niet vrijgegeven: de lint vond {mislukt.rapport.fouten} fout(en). Er is niets veranderd.", err=True)
        sys.exit(1)
    s = vrijgave.sjabloon
    click.echo(f"{s.id} vrijgegeven: versie {vrijgave.vorige_versie} -> {s.versie}, SHA-256 {s.sha256[:12]}…, "
               f"beoordeeld door {juridisch.strip()} (juridisch) en {communicatief.strip()} (communicatief)")


@main.command(help="De kwartaalinventaris: per sjabloon status, versie, beoordelingen, B1 en Awb van het voorbeeld, "
                   "gebruik; met de totalen voor het dienstverleningsprogramma.")
@click.option("--html", "html_pad", type=click.Path(path_type=Path), help="Schrijf de inventaris als losse HTML-pagina.")
@click.option("--json", "als_json", is_flag=True, help="Druk een JSON-object af.")
@click.option("--datum", callback=_datum, help="Peildatum JJJJ-MM-DD (standaard: vandaag); het kwartaal eindigt hier.")
@met_gemeente
def inventaris(html_pad, als_json, datum, gemeente_pad):
    from generator.catalogus.inventaris import maak_inventaris
    from generator.catalogus.inventaris_rapport import als_html
    from generator.catalogus.inventaris_rapport import als_tekst as inventaris_tekst
    from generator.vrijgave.register import Register, database_url
    try:
        with Register(database_url(gemeenteprofiel(gemeente_pad))) as register:
            inv = maak_inventaris(register, datum or dt.date.today())
    except InvoerFout as fout:
        stop_met_fouten(fout)
    click.echo(json.dumps(inv.as_json(), ensure_ascii=False, indent=2) if als_json else inventaris_tekst(inv))
    if html_pad:
        schrijf_atomisch(html_pad, als_html(inv).encode("utf-8"))


def _opdrachten_uit_pakketten():
    from cli.bulk import bulk
    from cli.register import register
    from cli.web import web
    main.add_command(register)
    main.add_command(bulk)
    main.add_command(web)


_opdrachten_uit_pakketten()


if __name__ == "__main__":
    main()
