"""One beschikking or brief from one case: load, validate, enrich, render, write."""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import re
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

from checks.bevinding import Bevinding
from generator.vrijgave.register import Register, database_url
from generator.vrijgave.register.stempel import stempel
from generator.vullen.concept import markeer_concept
from generator.vullen.context import activeer_gemeente, maak_context
from generator.vullen.fouten import InvoerFout
from generator.vullen.keuring import Keuring, eis_procedure, geef_vrij, keuring_van, procedure_van
from generator.vullen.bestanden import atomisch, eis_map, schrijffout
from generator.vullen.render import vul_docx
from generator.vullen.sjabloon import Sjabloon, laad
from generator.vullen.zaak import laad_zaak


@dataclass
class Resultaat:
    pad: Path
    waarschuwingen: list[str]
    keuring: Keuring
    concept: bool
    zaak: dict | None = None        # the validated zaak: storing in the zaaksysteem counts the Besluit's dates with it


def genereer(sjabloon_naam: str, zaak_pad: Path | None, uit: Path, dagtekening: dt.date,
             gemeente_pad: Path | None = None, forceer_reden: str | None = None,
             concept: bool = False, door: str | None = None, register: Register | None = None,
             zaaksysteem: tuple[dict, dict[str, str]] | None = None) -> Resultaat:
    """Everything is checked before anything is written; the DOCX appears whole or not at all, and only once it is
    recorded in the register (if recording fails, there is no DOCX).

    Raises ProcedureGeweigerd when the zaak breaks a procedure rule and VrijgaveGeweigerd when a check of the
    document finds a fout (Awb; B1 for a brief), each unless a forceer_reden is given; InvoerFout for a template
    that is not released, unless `concept`: then every page is marked CONCEPT. `zaaksysteem` is (gegevens, bronnen)
    read from the zaaksysteem (zgw.zaak_lezen): the case file, when given too, wins where both give a value."""
    eis_map(Path(uit))
    sjabloon = laad(sjabloon_naam)
    eis_vrijgave(sjabloon, concept)
    zaak = laad_zaak(zaak_pad, sjabloon, zaaksysteem)
    gemeente = activeer_gemeente(gemeente_pad)
    procedure = procedure_van(sjabloon, zaak, dagtekening, gemeente)
    eis_procedure(procedure, forceer_reden)
    ontwerp = vul_en_keur(sjabloon, zaak, dagtekening, gemeente, Path(zaak_pad).stem if zaak_pad else "zaak",
                          procedure)
    document = vrij_te_geven(ontwerp, forceer_reden)
    pad = Path(uit) / ontwerp.bestandsnaam
    # The document takes its name only after its register entry is committed: a register that cannot be written
    # (a stopped database, a read-only file) leaves no document behind.
    try:
        with nullcontext(register) if register else Register(database_url(gemeente)) as open_register, \
                atomisch(pad) as bestand:
            bestand.write(registreer(open_register, ontwerp, document, forceer_reden, door))
    except OSError as fout:
        raise schrijffout(pad, fout) from fout
    return Resultaat(pad, ontwerp.waarschuwingen, ontwerp.keuring, ontwerp.concept, ontwerp.zaak)


@dataclass
class Ontwerp:
    """A filled and checked document before release: what a preview shows."""
    sjabloon: Sjabloon
    zaak: dict
    dagtekening: dt.date
    document: bytes
    bestandsnaam: str
    keuring: Keuring
    waarschuwingen: list[str]
    zaak_url: str | None = None     # the zaak in the zaaksysteem it is made for: where storing it puts it

    @property
    def concept(self) -> bool:
        return not self.sjabloon.vrijgegeven


def vul_en_keur(sjabloon: Sjabloon, zaak: dict, dagtekening: dt.date, gemeente: dict, naam_zonder_zaaknummer: str,
                procedure: list[Bevinding] | None = None) -> Ontwerp:
    """Fill the template with a validated case and run all checks (the procedure rules too, unless their findings
    are given); nothing is refused or written yet."""
    if procedure is None:
        procedure = procedure_van(sjabloon, zaak, dagtekening, gemeente)
    context, waarschuwingen = maak_context(sjabloon, zaak, dagtekening, gemeente)
    document = vul_docx(sjabloon.docx, context, sjabloon.id)
    naam = bestandsnaam(zaak.get("zaaknummer") or naam_zonder_zaaknummer, sjabloon.id)
    return Ontwerp(sjabloon, zaak, dagtekening, document, naam,
                   keuring_van(naam, document, sjabloon.besluittype, procedure), waarschuwingen)


def vrij_te_geven(ontwerp: Ontwerp, forceer_reden: str | None) -> bytes:
    """The document as it goes out; raises VrijgaveGeweigerd on a fout without a reason. CONCEPT on every page
    of a document from a template that is not released."""
    document = geef_vrij(ontwerp.document, ontwerp.keuring, forceer_reden)
    return markeer_concept(document) if ontwerp.concept else document


def registreer(register: Register, ontwerp: Ontwerp, document: bytes, forceer_reden: str | None, door: str | None,
               identiteit: dict | None = None) -> bytes:
    """Record the document and return it as it goes out: with its register entry number and the chain hash it
    chains on in its metadata (generator/vrijgave/register/stempel.py). `door` is the name people read;
    `identiteit` (Identiteit.als_register() of who was logged in, from the web app) is kept in `gegevens`, so the
    register says who it was, not only what name stood there."""
    gegevens = registergegevens(ontwerp.bestandsnaam, ontwerp.dagtekening, ontwerp.keuring, forceer_reden,
                                ontwerp.concept)
    if identiteit is not None:
        gegevens["identiteit"] = identiteit
    gestempeld = [document]

    def stempel_in(nummer: int, keten: str) -> str:
        gestempeld[0] = stempel(document, nummer, keten)
        return hashlib.sha256(gestempeld[0]).hexdigest()
    register.voeg_toe("document", sjabloon_id=ontwerp.sjabloon.id, sjabloon_versie=ontwerp.sjabloon.versie,
                      zaaknummer=ontwerp.zaak.get("zaaknummer"), sha256=hashlib.sha256(document).hexdigest(),
                      door=door or getpass.getuser(), gegevens=gegevens, stempel=stempel_in)
    return gestempeld[0]


def eis_vrijgave(sjabloon: Sjabloon, concept: bool, uitweg: str | None = None) -> None:
    """Nobody generates from a draft: a template that is not released gives only a CONCEPT document, on request.
    `uitweg`: what the user can do about it in their interface; without it, the command line's options."""
    if not sjabloon.vrijgegeven and not concept:
        reden = sjabloon.vrijgave_vervallen or f"status {sjabloon.status}"     # which file changed, or an old release
        opnieuw = "opnieuw " if sjabloon.status == "vrijgegeven" else ""
        uitweg = uitweg or (f"maak een proefdocument met --concept, of laat het sjabloon {opnieuw}vrijgeven "
                            f"(sjabloon vrijgeven {sjabloon.id} --juridisch ... --communicatief ...)")
        raise InvoerFout(f"sjabloon {sjabloon.id} is niet vrijgegeven ({reden}); {uitweg}")


def registergegevens(bestand: str, dagtekening: dt.date, keuring: Keuring, forceer_reden: str | None, concept: bool) -> dict:
    """What the register keeps of a generated document: both verdicts with their findings, and any override."""
    return {"bestand": bestand, "dagtekening": dagtekening.isoformat(), "brief": keuring.brief, "concept": concept,
            "awb": {"vrijgave": keuring.awb.vrijgave, "besluittype": keuring.awb.besluittype,
                    "bevindingen": [b.as_json() for b in keuring.awb.bevindingen]},
            "b1": {"b1": keuring.b1.b1, "niveau": keuring.b1.niveau, "score": round(keuring.b1.score, 1),
                   "redenen": keuring.b1.redenen},
            "procedure": [b.as_json() for b in keuring.procedure],
            "fouten": keuring.fouten, "forceer_reden": forceer_reden}


def bestandsnaam(zaaknummer: str, sjabloon_id: str) -> str:
    veilig = re.sub(r"[^A-Za-z0-9._-]+", "-", str(zaaknummer)).strip("-.") or "zaak"
    return f"{veilig}_{sjabloon_id}.docx"
