"""What a template sees: the validated case, the gemeente profile, the dagtekening and computed termijnen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from checks.awb.regels import besluittypen, bestuursorgaan, orgaan
from checks.content import content_dir, gebruik_aanpassingen
from checks.termijnen import TermijnFout, bereken
from checks.termijnen import soorten as termijnsoorten
from generator.vullen.bestanden import lees_gegevens
from generator.vullen.fouten import InvoerFout
from generator.vullen.sjabloon import Sjabloon


def gemeenteprofiel(pad: Path | None = None) -> dict:
    return lees_gegevens(Path(pad) if pad else content_dir() / "gemeente.yaml")


def activeer_gemeente(pad: Path | None = None) -> dict:
    """Load a gemeente profile and lay its `aanpassingen` over content/ for everything that follows."""
    pad = Path(pad) if pad else content_dir() / "gemeente.yaml"
    profiel = gemeenteprofiel(pad)
    aanpassingen = profiel.get("aanpassingen") or {}
    if not isinstance(aanpassingen, dict):
        raise InvoerFout(f"{pad}: aanpassingen: verwacht per contentbestand de waarden die afwijken")
    bestaand = {p.relative_to(content_dir()).as_posix() for p in content_dir().rglob("*.yaml")}
    fouten = [f"{pad}: aanpassingen: {naam}: dit bestand staat niet in {content_dir()}"
              for naam in aanpassingen if naam not in bestaand]
    fouten += [f"{pad}: aanpassingen: {naam}: verwacht de velden die afwijken, geen losse waarde"
               for naam, waarden in aanpassingen.items() if not isinstance(waarden, dict)]
    if fouten:
        raise InvoerFout(fouten)
    gebruik_aanpassingen(aanpassingen)
    return profiel


def maak_context(sjabloon: Sjabloon, zaak: dict, dagtekening: dt.date, gemeente: dict) -> tuple[dict, list[str]]:
    """Return the render context and the termijn warnings for the caseworker. `orgaan` is the bestuursorgaan that
    takes a besluit of this type, as the gemeente profile describes it; `besluittype` is the rule data of that type
    (content/awb/besluittypen/: titel, rechtsmiddel, belanghebbenden ...)."""
    context = dict(zaak, gemeente=gemeente, dagtekening=dagtekening, orgaan=bestuursorgaan_van(sjabloon, gemeente, zaak),
                   besluittype=besluittypen()[sjabloon.besluittype])
    context["termijnen"], waarschuwingen = bereken_termijnen(sjabloon, context)
    return context, waarschuwingen


def bereken_termijnen(sjabloon: Sjabloon, context: dict) -> tuple[dict, list[str]]:
    """The manifest's termijnen from the zaak's fields and the dagtekening in `context` (checks.termijnen counts
    them), with their warnings; a termijn the zaak does not give what it needs for is None. The zaaksysteem's
    Besluit takes its uiterlijke reactiedatum from here too (zgw/opslaan.py)."""
    termijnen, waarschuwingen = {}, []
    for naam, spec in sjabloon.termijnen.items():
        vanaf = _waarde(spec.get("vanaf", "dagtekening"), context, termijnen)
        aantal = _waarde(spec.get("aantal"), context)
        vaste_lengte = bool(termijnsoorten().get(spec["soort"], {}).get("weken"))   # an empty aantal means the law's length
        if vanaf is None or (isinstance(spec.get("aantal"), str) and aantal is None and not vaste_lengte):
            termijnen[naam] = None        # the case does not give what this termijn needs
            continue
        try:
            termijn = bereken(spec["soort"], vanaf, int(aantal) if aantal is not None else None)
        except TermijnFout as fout:
            raise InvoerFout(f"{sjabloon.id}: termijn '{naam}': {fout}") from None
        termijnen[naam] = termijn
        waarschuwingen += termijn.waarschuwingen
    return termijnen, waarschuwingen


def bestuursorgaan_van(sjabloon: Sjabloon, gemeente: dict, zaak: dict) -> dict:
    sleutel = sjabloon.bestuursorgaan(zaak) or bestuursorgaan(sjabloon.besluittype)
    gegevens = orgaan(gemeente, sjabloon.besluittype, sleutel)
    if not gegevens:
        raise InvoerFout(f"gemeenteprofiel: bestuursorganen.{sleutel} ontbreekt; dit besluit neemt dat orgaan "
                         "(naam, ondertekening, bezwaaradres)")
    return gegevens


def _waarde(verwijzing, context: dict, termijnen: dict | None = None):
    """A manifest reference: a field name (or 'dagtekening') is looked up, 'termijnen.NAAM' is the last day of a
    termijn computed above it in the manifest, and a number is taken as it is."""
    if isinstance(verwijzing, str) and verwijzing.startswith("termijnen."):
        eerder = (termijnen or {}).get(verwijzing.split(".", 1)[1])
        return eerder.einddatum if eerder else None
    return context.get(verwijzing) if isinstance(verwijzing, str) else verwijzing
