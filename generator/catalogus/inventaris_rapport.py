"""The inventory as text for the terminal and as one standalone HTML page (generator/weergave/inventaris.html)."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from checks.schrijfwijze import datum, datum_kort
from generator.catalogus.inventaris import B1_DOEL, Inventaris
from generator.vullen.opmaak import FILTERS


def procent(aandeel: float | None) -> str:
    return "–" if aandeel is None else f"{aandeel * 100:.0f}%"


def als_tekst(inv: Inventaris) -> str:
    regels = [f"Inventaris sjablonen, kwartaal {datum(inv.sinds)} tot en met {datum(inv.peildatum)}", "",
              f"{'sjabloon':<32} {'status':<12} {'versie':<6} {'beoordeeld':<12} {'B1':>4} {'Awb':<8} {'docs':>5}"]
    for s in inv.sjablonen:
        beoordeeld = (datum_kort(s.beoordeeld_op) if s.beoordeeld_op else "nooit") + (" !" if s.herbeoordeling_nodig else "")
        b1 = f"{s.b1_score:.0f}" if s.b1_score is not None else "-"
        awb = "-" if s.awb_vrijgave is None else "in orde" if s.awb_vrijgave else "fout"
        regels.append(f"{s.id:<32} {s.status:<12} {s.versie:<6} {beoordeeld:<12} {b1:>4} {awb:<8} {s.documenten_kwartaal:>5}")
    onleesbaar = [f"  {s.id}: {melding}" for s in inv.sjablonen for melding in s.fouten]
    if onleesbaar:
        regels += ["", "Onleesbare sjablonen (herstel ze; zie sjabloon lint):", *onleesbaar]
    regels += ["", "! = beoordeling ouder dan een kwartaal of nooit gedaan: opnieuw laten beoordelen",
               f"Brieven op B1-niveau: {procent(inv.aandeel_b1)} ({inv.brieven_b1} van {inv.brieven}; doel {procent(B1_DOEL)})",
               f"Besluiten vrijgegeven ondanks een fout: {procent(inv.aandeel_geforceerd)} "
               f"({inv.besluiten_geforceerd} van {inv.besluiten})",
               f"Documenten dit kwartaal: {inv.documenten} (proefdocumenten niet meegeteld)"]
    return "\n".join(regels)


def als_html(inv: Inventaris) -> str:
    env = Environment(loader=FileSystemLoader(Path(__file__).parent / "weergave"), autoescape=select_autoescape(["html"]))
    env.filters.update(FILTERS)
    return env.get_template("inventaris.html").render(inv=inv, doel=B1_DOEL, procent=procent)
