"""The quarterly inventory for management: per template its status, version, last reviews (due again after one
quarter), the B1 score and Awb result of its example, and how often it was used; with the programme's totals."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import asdict, dataclass, field

from dateutil.relativedelta import relativedelta

from generator.catalogus.lint import lint
from generator.vrijgave.register.regel import naam_van
from generator.vullen.fouten import InvoerFout
from generator.vullen.sjabloon import laad, sjabloon_ids

B1_DOEL = 0.80          # the service programme: 80% of the letters at B1
ONLEESBAAR = "onleesbaar"   # the status of a template whose manifest or Word file cannot be read


@dataclass
class Regel:
    id: str
    titel: str
    besluittype: str
    status: str
    versie: str
    juridisch: str | None            # name of the last juridische reviewer (an identity's naam)
    communicatief: str | None
    beoordeeld_op: str | None        # date of the last release (both reviews)
    herbeoordeling_nodig: bool       # never reviewed, or longer ago than one quarter
    b1_score: float | None
    awb_vrijgave: bool | None
    documenten_kwartaal: int
    fouten: list[str] = field(default_factory=list)   # why the template cannot be read (status "onleesbaar")


@dataclass
class Inventaris:
    peildatum: str
    sinds: str
    sjablonen: list[Regel]
    documenten: int                  # generated in the last quarter
    brieven: int
    brieven_b1: int
    besluiten: int
    besluiten_geforceerd: int

    @property
    def aandeel_b1(self) -> float | None:
        return self.brieven_b1 / self.brieven if self.brieven else None

    @property
    def aandeel_geforceerd(self) -> float | None:
        return self.besluiten_geforceerd / self.besluiten if self.besluiten else None

    def as_json(self) -> dict:
        return asdict(self) | {"aandeel_b1": self.aandeel_b1, "b1_doel": B1_DOEL,
                               "aandeel_geforceerd": self.aandeel_geforceerd}


def maak_inventaris(register, peildatum: dt.date, lint_voorbeeld=None) -> Inventaris:
    """`lint_voorbeeld(sjabloon, dagtekening)` may give a kept result (the web app keeps one per DOCX and manifest);
    the example is linted at its own dagtekening (None), not at the peildatum of the quarter."""
    lint_voorbeeld = lint_voorbeeld or (lambda sjabloon, dag: lint(sjabloon.id, dag, alleen_voorbeeld=True))
    sinds = peildatum - relativedelta(months=3)
    begin = dt.datetime.combine(sinds, dt.time())
    per_sjabloon, soorten = _tel_documenten(register, begin)
    vrijgaven = register.regels(soort="vrijgave")
    regels = []
    for sjabloon_id in sjabloon_ids():
        laatste = next((v for v in reversed(vrijgaven) if v.sjabloon_id == sjabloon_id), None)
        beoordeling = (laatste and naam_van(laatste.gegevens.get("juridisch")),
                       laatste and naam_van(laatste.gegevens.get("communicatief")),
                       laatste and laatste.tijdstip.date().isoformat(),
                       laatste is None or laatste.tijdstip.date() < sinds)
        try:
            sjabloon = laad(sjabloon_id)
        except InvoerFout as fout:              # one unreadable manifest: that row says why, the others stay
            regels.append(Regel(sjabloon_id, sjabloon_id, "", ONLEESBAAR, "", *beoordeling, None, None,
                                per_sjabloon[sjabloon_id], fout.meldingen))
            continue
        if (fout := sjabloon.docx_fout()):
            regels.append(Regel(sjabloon.id, sjabloon.titel, sjabloon.besluittype, ONLEESBAAR, sjabloon.versie,
                                *beoordeling, None, None, per_sjabloon[sjabloon.id], [fout]))
            continue
        voorbeeld = lint_voorbeeld(sjabloon, None)
        regels.append(Regel(sjabloon.id, sjabloon.titel, sjabloon.besluittype,
                            "vrijgegeven" if sjabloon.vrijgegeven else "concept", sjabloon.versie, *beoordeling,
                            voorbeeld.b1_score, voorbeeld.awb_vrijgave, per_sjabloon[sjabloon.id]))
    return Inventaris(peildatum.isoformat(), sinds.isoformat(), regels, per_sjabloon.total(), soorten["brieven"],
                      soorten["brieven_b1"], soorten["besluiten"], soorten["besluiten_geforceerd"])


def _tel_documenten(register, begin: dt.datetime) -> tuple[Counter, Counter]:
    """The documents since `begin` that were not drafts, counted per template id and per kind ("brieven",
    "brieven_b1", "besluiten", "besluiten_geforceerd"), entry by entry: a city's bulk runs put hundreds of
    thousands in a quarter."""
    per_sjabloon, soorten = Counter(), Counter()
    for document in register.doorloop(soort="document", sinds=begin):
        gegevens = document.gegevens
        if gegevens.get("concept"):
            continue
        per_sjabloon[document.sjabloon_id] += 1
        if gegevens.get("brief"):
            soorten["brieven"] += 1
            soorten["brieven_b1"] += bool(gegevens.get("b1", {}).get("b1"))
        else:
            soorten["besluiten"] += 1
            soorten["besluiten_geforceerd"] += bool(gegevens.get("forceer_reden"))
    return per_sjabloon, soorten
