"""`sjabloon b1`: the B1 check on letters, one at a time or in bulk (a folder or ZIP of thousands of letters,
streamed with constant memory), and `--jsonl` as a scoring mode for pipelines."""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path

import click

from cli.opties import met_gemeente

VOORTGANG_VANAF = 5          # a run of more letters shows a progress bar on stderr
JSONL_BATCH = 256            # lines checked together (their sentences go through the model in one call)


@click.command(help="Controleer brieven op taalniveau B1 (DOCX, PDF, tekst, of een map of ZIP daarmee). "
                    "Status: 0 als alle brieven B1 zijn, 1 als een brief dat niet is, 2 bij een onleesbaar bestand.")
@click.argument("paden", nargs=-1, type=click.Path(path_type=Path))
@click.option("--json", "als_json", is_flag=True, help="Druk één JSON-object per document af (een lijst).")
@click.option("--html", "html_pad", type=click.Path(path_type=Path),
              help="Schrijf een rapport als losse HTML-pagina (bij veel brieven: samenvatting en één rij per brief).")
@click.option("--samenvatting", "samenvatting_pad", type=click.Path(path_type=Path),
              help="Schrijf de samenvatting (aantal op B1, meest voorkomende problemen, eerst naar een schrijver) als JSON.")
@click.option("--docx-opmerkingen", "docx_pad", type=click.Path(path_type=Path),
              help="Schrijf het (enige) DOCX terug met een Word-opmerking bij elke moeilijke zin.")
@click.option("--jsonl", "jsonl_pad", type=click.Path(path_type=Path),
              help="Scoor regels {\"id\", \"tekst\"}: per regel {\"id\", \"score\", \"b1\", \"niveau\"}. "
                   "Status 0 als elke regel gescoord is (het oordeel staat in de regels), 2 bij een onleesbare regel.")
@met_gemeente
def b1(paden, als_json, html_pad, samenvatting_pad, docx_pad, jsonl_pad, gemeente_pad):
    from checks.b1.stapel import bronnen
    from checks.document import DocumentFout
    from checks.document.archief import map_grenzen

    if jsonl_pad:
        if paden:
            _stop(f"--jsonl en brieven gaan niet samen: geef --jsonl {jsonl_pad} zonder "
                  f"{', '.join(map(str, paden))}, of de brieven zonder --jsonl.")
        sys.exit(_jsonl(jsonl_pad))
    for optie, pad in (("--html", html_pad), ("--samenvatting", samenvatting_pad), ("--docx-opmerkingen", docx_pad)):
        if pad is not None and pad.is_dir():          # before any work: a long run would end in a traceback
            _stop(f"{optie}: {pad} is een map; geef de naam van het bestand dat geschreven moet worden.")
    try:
        lijst = bronnen(paden, map_grenzen())
    except DocumentFout as fout:
        _stop(str(fout))
    if not lijst:
        _stop("geef een of meer brieven, mappen of ZIP-bestanden met brieven, of --jsonl BESTAND." if not paden
              else f"geen DOCX-, PDF- of tekstbestanden gevonden in {', '.join(map(str, paden))}.")
    docx_bron = None
    if docx_pad:
        docx_bronnen = [b for b in lijst if b.soort == ".docx"]
        if len(docx_bronnen) != 1:
            _stop("--docx-opmerkingen werkt met precies één DOCX-bestand.")
        docx_bron = docx_bronnen[0]
    sys.exit(_stapel(lijst, als_json, html_pad, samenvatting_pad, docx_pad, docx_bron))


def _stop(melding: str):
    click.echo(f"fout: {melding}", err=True)
    sys.exit(2)


def _stapel(lijst, als_json, html_pad, samenvatting_pad, docx_pad, docx_bron) -> int:
    """Check the letters one batch at a time; print each report as it comes; files are written at the end."""
    from checks.b1.rapport import als_tekst, docx_met_opmerkingen, html_sectie
    from checks.b1.samenvatting import Samenvatting
    from checks.b1.stapel import controleer_stapel
    from checks.b1.verslag import HtmlVerslag
    from generator.vullen.bestanden import atomisch, schrijf_atomisch

    samenvatting = Samenvatting()
    verslag = HtmlVerslag(len(lijst)) if html_pad else None
    fouten, alle_b1, docx_uit, getoond = [], True, None, 0
    schrijf = sys.stdout.write
    with _voortgang(len(lijst), als_json) as balk:
        if als_json:
            schrijf("[")
        for bron, rapport, fout in controleer_stapel(lijst):
            balk.update(1)
            if rapport is not None and rapport.niet_te_beoordelen:
                # nothing to judge: its report says so, but it counts as unreadable (status 2), not as a letter
                fout = f"{bron.naam}: {rapport.niet_te_beoordelen}; de brief is niet te beoordelen"
            if fout:
                fouten.append(fout)
                samenvatting.fout(bron.naam, fout.removeprefix(f"{bron.naam}: "))
                if rapport is None:
                    continue
            else:
                alle_b1 &= rapport.b1
                samenvatting.voeg_toe(rapport, (lambda r=rapport: html_sectie(r)) if verslag and not verslag.volledig
                                      else None, bron.naam)
                if verslag:
                    verslag.voeg_toe(rapport)
                if bron is docx_bron:
                    docx_uit = docx_met_opmerkingen(bron.inhoud(), rapport)
            getoond += 1
            if als_json:
                tekst = json.dumps(rapport.as_json(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
                schrijf(("\n  " if getoond == 1 else ",\n  ") + tekst)
            else:
                schrijf(("" if getoond == 1 else "\n\n") + als_tekst(rapport))
        schrijf("\n]\n" if als_json and getoond else "]\n" if als_json else "\n")
    if not als_json and samenvatting.brieven > 1:
        schrijf("\n" + samenvatting.als_tekst() + "\n")
    sys.stdout.flush()
    if not samenvatting.brieven:              # no letter read and judged: no report that holds none
        if verslag:
            verslag.sluit()
        verslag = samenvatting_pad = None
    if verslag:
        with atomisch(html_pad, encoding="utf-8") as doel:
            verslag.schrijf(doel, samenvatting)
        verslag.sluit()
    if samenvatting_pad:
        schrijf_atomisch(samenvatting_pad, json.dumps(samenvatting.as_json(), ensure_ascii=False, indent=2).encode("utf-8"))
    if docx_uit is not None:
        schrijf_atomisch(docx_pad, docx_uit)
    for melding in fouten:
        click.echo(f"fout: {melding}", err=True)
    return 2 if fouten else 0 if alle_b1 else 1


class _Stil:
    def update(self, stappen: int) -> None:
        pass


def _voortgang(aantal: int, als_json: bool):
    """A progress bar on stderr (stdout stays clean for --json) for a run of more than a few letters; not while
    text reports scroll past on the same terminal."""
    if aantal <= VOORTGANG_VANAF or (not als_json and sys.stdout.isatty()):
        return contextlib.nullcontext(_Stil())
    return click.progressbar(length=aantal, label=f"B1-controle van {aantal} brieven", file=sys.stderr,
                             show_pos=True, show_eta=True)


def _jsonl(pad: Path) -> int:
    """Score every line {"id", "tekst"}; one line out per line in, in order. The verdicts are in the lines, so the
    status is 0 when every line was scored and 2 when a line (or the file) could not be read."""
    from checks.document import lees_tekst
    from checks.document.redenen import leesreden

    fouten, batch = [], []
    try:
        with pad.open("rb") as bestand:
            for nummer, ruw in enumerate(bestand, start=1):
                try:
                    regel = ruw.decode("utf-8-sig" if nummer == 1 else "utf-8")
                    if not regel.strip():
                        continue
                    item = json.loads(regel)
                    tekst, sleutel = item["tekst"], item["id"]
                except UnicodeDecodeError:
                    fouten.append(f"{pad}: regel {nummer}: geen tekst in UTF-8")
                    continue
                except (json.JSONDecodeError, KeyError, TypeError):
                    fouten.append(f"{pad}: regel {nummer}: verwacht een JSON-object met \"id\" en \"tekst\"")
                    continue
                if not isinstance(tekst, str):          # a number or list would be scored as its str()
                    fouten.append(f"{pad}: regel {nummer}: tekst is geen tekst (een JSON-string)")
                    continue
                batch.append((sleutel, nummer, lees_tekst(tekst, str(sleutel))))
                if len(batch) >= JSONL_BATCH:
                    fouten += _scoor(batch, pad)
                    batch = []
    except OSError as fout:
        fouten.append(f"{pad}: kan het bestand niet lezen ({leesreden(fout)})")
    fouten += _scoor(batch, pad)
    for fout in fouten:
        click.echo(f"fout: {fout}", err=True)
    return 2 if fouten else 0


def _scoor(batch: list, pad: Path) -> list[str]:
    """Print the scores of a batch of lines; a line without running text to judge gets no score but a message
    (returned), like an unreadable line: a score of 100 for an empty text would pass it as B1."""
    from checks.b1.stapel import controleer_reeks
    rapporten = controleer_reeks([document for _, _, document in batch])
    sys.stdout.write("".join(json.dumps({"id": sleutel, "score": round(r.score, 1), "b1": r.b1, "niveau": r.niveau},
                                        ensure_ascii=False) + "\n"
                             for (sleutel, _, _), r in zip(batch, rapporten) if not r.niet_te_beoordelen))
    sys.stdout.flush()
    return [f"{pad}: regel {nummer}: {r.niet_te_beoordelen}; de tekst is niet te beoordelen"
            for (_, nummer, _), r in zip(batch, rapporten) if r.niet_te_beoordelen]
