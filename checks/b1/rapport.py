"""The B1 check as a person reads it: a text report, a standalone HTML page, and the same DOCX with Word comments."""

from __future__ import annotations

import html
import io

from checks.b1.controle import B1Rapport
from checks.schrijfwijze import getal

REGEL_NAMEN = {
    "zin_te_lang": "lange zin", "moeilijk_woord": "moeilijk woord", "ambtelijk_woord": "ambtelijk woord",
    "passief": "lijdende vorm", "naamwoordstijl": "naamwoordstijl", "tangconstructie": "tangconstructie",
    "dubbele_ontkenning": "dubbele ontkenning", "afkorting": "afkorting", "vage_termijn": "vage termijn",
    "verwijzing_wetsartikel": "wetsartikel in de tekst", "onpersoonlijk": "onpersoonlijk",
}


def als_tekst(rapport: B1Rapport) -> str:
    if rapport.niet_te_beoordelen:
        return f"{rapport.bestand}: B1: niet te beoordelen ({rapport.niet_te_beoordelen})"
    oordeel = "B1: ja" if rapport.b1 else "B1: nee"
    m = rapport.maten
    regels = [f"{rapport.bestand}: {oordeel}, niveau {rapport.niveau}, score {rapport.score:.0f} van 100"]
    for reden in rapport.redenen:
        regels.append(f"  waarom niet: {reden}")
    if m.get("zinnen"):
        regels.append(f"  {m['zinnen']} zinnen, {getal(m['woorden_per_zin'])} woorden per zin, "
                      f"{getal(m['lettergrepen_per_woord'])} lettergrepen per woord, Flesch-Douma {getal(m['flesch_douma'])}")
    if rapport.niet_gescoord:
        regels.append(f"  {niet_gescoord_regel(rapport)}")
    for zin in sorted((z for z in rapport.zinnen if z.problemen), key=lambda z: z.score)[:10]:
        regels.append(f"  [{zin.positie}, score {zin.score:.0f}] {zin.tekst[:140]}")
        for p in zin.problemen:
            regels.append(f"      {REGEL_NAMEN.get(p.regel, p.regel)}: '{p.fragment[:60]}' - {p.suggestie}")
    for b in rapport.bevindingen:
        if not b.zin:
            regels.append(f"  {REGEL_NAMEN.get(b.regel, b.regel)}: {b.bericht} {b.suggestie}")
    return "\n".join(regels)


def als_html(rapporten: list[B1Rapport]) -> str:
    """One standalone page: per document the verdict and measures, the hardest five sentences first, then all
    sentences with the flagged ones highlighted and their suggestions."""
    delen = [HTML_KOP]
    if len(rapporten) > 1:
        delen += [HTML_OVERZICHT_KOP, *(html_rij(r) for r in rapporten), "</table>"]
    delen += [html_sectie(r) for r in rapporten]
    delen.append(HTML_STAART)
    return "\n".join(delen)


HTML_OVERZICHT_KOP = ("<h2>Overzicht</h2><table><tr><th>Bestand</th><th>B1</th><th>Niveau</th><th>Score</th>"
                      "<th>Zinnen met problemen</th></tr>")
HTML_STAART = "</main></body></html>"


def html_rij(r: B1Rapport) -> str:
    """The letter's row in the overview table."""
    if r.niet_te_beoordelen:
        return f"<tr><td>{_e(r.bestand)}</td><td>niet te beoordelen</td><td>–</td><td>–</td><td>–</td></tr>"
    return (f"<tr><td>{_e(r.bestand)}</td><td>{'ja' if r.b1 else 'nee'}</td><td>{r.niveau}</td>"
            f"<td>{r.score:.0f}</td><td>{sum(bool(z.problemen) for z in r.zinnen)}</td></tr>")


def html_sectie(r: B1Rapport) -> str:
    """The letter in full: verdict, measures, the five hardest sentences, the whole text with highlights."""
    if r.niet_te_beoordelen:
        return (f"<section><h2>{_e(r.bestand)}</h2><p class='oordeel nee'>Niet te beoordelen: "
                f"{_e(r.niet_te_beoordelen)}.</p></section>")
    delen = [f"<section><h2>{_e(r.bestand)}</h2><p class='oordeel {'ja' if r.b1 else 'nee'}'>"
             f"{'Op B1-niveau' if r.b1 else 'Niet op B1-niveau'}: niveau {r.niveau}, score {r.score:.0f} van 100.</p>"]
    if r.redenen:
        delen.append("<ul>" + "".join(f"<li>{_e(x)}</li>" for x in r.redenen) + "</ul>")
    if r.niet_gescoord:
        delen.append(f"<p><small>{_e(niet_gescoord_regel(r))}</small></p>")
    delen.append("<table class='maten'>" + "".join(f"<tr><th>{_e(k.replace('_', ' '))}</th><td>{getal(v)}</td></tr>" for k, v in r.maten.items()) + "</table>")
    moeilijkst = sorted((z for z in r.zinnen if z.problemen), key=lambda z: z.score)[:5]
    if moeilijkst:
        delen.append("<h3>De vijf moeilijkste zinnen</h3><ol>")
        for z in moeilijkst:
            delen.append(f"<li><mark>{_e(z.tekst)}</mark> <small>({_e(z.positie)}, score {z.score:.0f})</small>{_suggesties(z)}</li>")
        delen.append("</ol>")
    delen.append("<h3>De hele tekst</h3><div class='tekst'>")
    for z in r.zinnen:
        if z.problemen:
            delen.append(f"<mark title='{_e('; '.join(REGEL_NAMEN.get(p.regel, p.regel) for p in z.problemen))}'>{_e(z.tekst)}</mark> ")
        else:
            delen.append(f"{_e(z.tekst)} ")
    delen.append("</div>")
    algemeen = [b for b in r.bevindingen if not b.zin]
    if algemeen:
        delen.append("<h3>Over de hele brief</h3><ul>" + "".join(f"<li>{_e(b.bericht)} {_e(b.suggestie)}</li>" for b in algemeen) + "</ul>")
    delen.append("</section>")
    return "\n".join(delen)


def niet_gescoord_regel(rapport: B1Rapport) -> str:
    """One line on what the score left out: 'niet gescoord: 12 regels (adres, datum, ondertekening)'."""
    soorten = ", ".join(dict.fromkeys(n.soort for n in rapport.niet_gescoord))
    aantal = len(rapport.niet_gescoord)
    return f"niet gescoord: {aantal} {'regel' if aantal == 1 else 'regels'} ({soorten})"


def _suggesties(zin) -> str:
    return "<ul>" + "".join(f"<li><strong>{_e(REGEL_NAMEN.get(p.regel, p.regel))}</strong>: "
                            f"<q>{_e(p.fragment)}</q>. {_e(p.suggestie)}</li>" for p in zin.problemen) + "</ul>"


def _e(tekst) -> str:
    return html.escape(str(tekst), quote=True)


def docx_met_opmerkingen(docx: bytes, rapport: B1Rapport, auteur: str = "B1-controle") -> bytes:
    """The same DOCX with one Word comment per flagged sentence, anchored on exactly the words it is about.

    One finding: the comment range is that word or phrase. Several findings on one sentence: one comment that
    lists them in reading order, each with its words quoted, anchored from the first of those words to the last
    (so the highlight holds nothing the comment does not talk about, and Word puts the balloon at the first one;
    with a long-sentence finding that is the whole sentence). Runs are split at the fragment's edges with their
    formatting copied, so the document's text and look stay the same."""
    from docx import Document as Word

    word = Word(io.BytesIO(docx))
    alineas = _alle_alineas(word)
    index, vanaf = 0, 0
    for zin in rapport.zinnen:
        problemen = [p for p in zin.problemen if p.begin is not None]
        if not problemen or not zin.positie.startswith("alinea "):
            continue
        for nummer in range(index, len(alineas)):
            delen = _tekstdelen(alineas[nummer])
            tekst = "".join(t for _, t in delen)
            begin_zin = tekst.find(zin.tekst[:40], vanaf if nummer == index else 0)
            if begin_zin < 0:
                continue
            index, vanaf = nummer, begin_zin + 1
            plekken = [_plek_in(tekst, begin_zin, p) for p in problemen]
            runs = _runs_tussen(alineas[nummer], min(b for b, _ in plekken), max(e for _, e in plekken))
            if runs:
                word.add_comment(runs, text=_opmerking(sorted(problemen, key=lambda p: (p.begin, p.eind))),
                                 author=auteur, initials="B1")
            break
    uit = io.BytesIO()
    word.save(uit)
    return uit.getvalue()


def _opmerking(problemen: list) -> str:
    """One readable comment: the finding, or a short list when the sentence has several."""
    regels = [f"{REGEL_NAMEN.get(p.regel, p.regel)}: '{_kort(p.fragment)}'. {p.suggestie}" for p in problemen]
    if len(regels) == 1:
        return regels[0]
    return f"{len(regels)} punten in deze zin:\n" + "\n".join(f"- {r}" for r in regels)


def _kort(fragment: str) -> str:
    return fragment if len(fragment) <= 60 else fragment[:57] + "..."


def _plek_in(tekst: str, begin_zin: int, probleem) -> tuple[int, int]:
    """Where a finding's words stand in the paragraph: at the offset the check gives, or, if the paragraph's
    spacing differs from the checked text, the nearest place those words appear from the sentence on."""
    verwacht = begin_zin + probleem.begin
    if tekst[verwacht:verwacht + len(probleem.fragment)] == probleem.fragment:
        return verwacht, verwacht + len(probleem.fragment)
    gevonden = tekst.find(probleem.fragment, begin_zin)
    if gevonden >= 0:
        return gevonden, gevonden + len(probleem.fragment)
    return verwacht, verwacht + len(probleem.fragment)


def _alle_alineas(word) -> list:
    """Every paragraph of the body in reading order, also inside tables and content controls.

    The reader numbers paragraphs that python-docx's ``paragraphs`` does not list, so a flagged
    sentence is found by its text, searching on from the previous one."""
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    return [Paragraph(p, word._body) for p in word.element.body.iter(qn("w:p"))]


def _tekstdelen(alinea) -> list:
    """The paragraph's runs and hyperlinks in order, each with its text (python-docx's Paragraph.text is their join)."""
    return [(deel, deel.text) for deel in alinea.iter_inner_content()]


def _runs_tussen(alinea, begin: int, eind: int) -> list:
    """The runs that hold exactly the characters begin..eind of the paragraph, splitting runs at those edges.
    A hyperlink, or a run with more than text and tabs (a field, a picture, a page break), is taken whole."""
    from docx.text.run import Run

    gekozen, positie = [], 0
    for deel, tekst in _tekstdelen(alinea):
        start, positie = positie, positie + len(tekst)
        if positie <= begin or start >= eind or not tekst:
            continue
        if not isinstance(deel, Run):
            gekozen += deel.runs
        elif not _alleen_tekst(deel):
            gekozen.append(deel)
        else:
            run = deel
            if begin > start:
                run, start = _splits(run, begin - start), begin
            if positie > eind:
                _splits(run, eind - start)
            gekozen.append(run)
    return gekozen


def _alleen_tekst(run) -> bool:
    from docx.oxml.ns import qn
    return all(kind.tag in (qn("w:rPr"), qn("w:t"), qn("w:tab")) for kind in run._r)


def _splits(run, op: int):
    """Split a text run at a character: the run keeps the text before, a copy with the same formatting gets the
    rest and is returned."""
    import copy

    from docx.text.run import Run

    tekst = run.text
    kopie = copy.deepcopy(run._r)
    run._r.addnext(kopie)
    run.text = tekst[:op]
    rest = Run(kopie, run._parent)
    rest.text = tekst[op:]
    return rest


HTML_KOP = """<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>B1-rapport</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:Arial,Helvetica,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}
h1,h2,h3{color:#154273} table{border-collapse:collapse;margin:1rem 0} th,td{border:1px solid #bbb;padding:.3rem .6rem;text-align:left}
mark{background:#fde68a;padding:0 .1rem} .oordeel.ja{color:#0b6b2b;font-weight:bold} .oordeel.nee{color:#a4161a;font-weight:bold}
.tekst{border-left:4px solid #154273;padding-left:1rem} small{color:#555}
</style></head><body><main><h1>B1-rapport</h1>
<p>Zinnen met een gele markering zijn moeilijk voor lezers op taalniveau B1. Bij elke zin staat wat u anders kunt schrijven.</p>"""
