"""One bulk worker: fills the prepared template for a row, checks the letter and writes it (and its PDF).

Each worker process holds its own prepared template, check caches and LibreOffice process for the whole run."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from checks.b1.controle import bereid_voor
from checks.document import Document, lees_document
from generator.bulk.renderer import VoorbereidSjabloon
from generator.bulk.storing import BulkGestopt, eis_ruimte
from generator.vullen.concept import markeer_concept
from generator.vullen.context import activeer_gemeente, maak_context
from generator.vullen.fouten import InvoerFout
from generator.vullen.genereer import bestandsnaam, registergegevens
from generator.vullen.keuring import VrijgaveGeweigerd, keur, procedure_van
from generator.vullen.bestanden import schrijf_atomisch
from generator.vullen.sjabloon import Sjabloon


@dataclass
class Taak:
    rij: int
    sleutel: str
    gegevens_hash: str
    zaak: dict


@dataclass
class _Gevuld:
    """A row between filling and checking: its journal line so far, its procedure findings, its letter."""
    regel: dict
    procedure: list
    naam: str
    document: bytes
    gelezen: Document


@dataclass
class Instellingen:
    sjabloon: Sjabloon
    gemeente_pad: Path | None
    dagtekening: dt.date
    uit: Path
    concept: bool
    pdf: bool
    pdf_timeout: float | None = None          # seconds (generator.bulk.pdf.ingestelde_timeout)
    verdeeld: object | None = None            # generator.bulk.verdeeld.Verdeeld: the rows go to Celery workers


class Werker:
    def __init__(self, instellingen: Instellingen, pdf=None):
        """`pdf`: a PdfOmzetter the run started for this worker (else one is started here when the run makes PDFs)."""
        self.i = instellingen
        self.gemeente = activeer_gemeente(instellingen.gemeente_pad)
        docx = instellingen.sjabloon.docx.read_bytes()
        if instellingen.concept and not instellingen.sjabloon.vrijgegeven:
            docx = markeer_concept(docx)          # marked once in the template: the same header in every letter
        self.renderer = VoorbereidSjabloon(docx, instellingen.sjabloon.id, self.gemeente)
        self.pdf = pdf
        if instellingen.pdf and pdf is None:
            from generator.bulk.pdf import PdfOmzetter
            self.pdf = PdfOmzetter(instellingen.pdf_timeout)

    def sluit(self) -> None:
        if self.pdf:
            self.pdf.sluit()

    def maak(self, taak: Taak) -> tuple[dict, dict | None]:
        """The journal line for this row, and the register data when a letter was written."""
        return next(self.maak_reeks([taak]))

    def maak_reeks(self, taken: list[Taak]) -> Iterator[tuple[dict, dict | None]]:
        """maak() for each row, in order. All rows of the batch are filled and read first, and their sentences go
        through the language model in one batch (checks.b1.controle.bereid_voor); then each letter is checked and
        written in turn, so a row written before a failure is still reported."""
        gevuld = [self._vul(taak) for taak in taken]
        bereid_voor([stap.gelezen for stap in gevuld if isinstance(stap, _Gevuld)])
        for taak, stap in zip(taken, gevuld):
            yield self._keur_en_schrijf(taak, stap) if isinstance(stap, _Gevuld) else stap

    def _vul(self, taak: Taak) -> _Gevuld | tuple[dict, None]:
        """The filled letter of a row as bytes and as the checks read it, or the row's result when it fails here."""
        regel = {"rij": taak.rij, "sleutel": taak.sleutel, "gegevens_hash": taak.gegevens_hash}
        sjabloon = self.i.sjabloon
        try:
            procedure = procedure_van(sjabloon, taak.zaak, self.i.dagtekening, self.gemeente)
        except InvoerFout as fout:
            return regel | {"status": "fout", "fouten": [["(procedureregels)", m] for m in fout.meldingen]}, None
        if fouten := [b for b in procedure if b.ernst == "fout"]:          # the row's zaak breaks the procedure
            return regel | {"status": "afgekeurd", "fouten": [[b.positie.removeprefix("zaak: "),
                                                               f"{b.fragment}: {b.bericht} ({b.artikel})"]
                                                              for b in fouten]}, None
        try:
            context, _ = maak_context(sjabloon, taak.zaak, self.i.dagtekening, self.gemeente)
            document = self.renderer.vul(context)
        except InvoerFout as fout:
            return regel | {"status": "fout", "fouten": [["(sjabloon)", m] for m in fout.meldingen]}, None
        naam = bestandsnaam(taak.sleutel, sjabloon.id)
        return _Gevuld(regel, procedure, naam, document, lees_document(naam, document))

    def _keur_en_schrijf(self, taak: Taak, gevuld: _Gevuld) -> tuple[dict, dict | None]:
        regel, naam, document, sjabloon = gevuld.regel, gevuld.naam, gevuld.document, self.i.sjabloon
        try:
            _, keuring = keur(naam, document, sjabloon.besluittype, procedure=gevuld.procedure,
                              gelezen=gevuld.gelezen)
        except VrijgaveGeweigerd as geweigerd:
            keuring = geweigerd.keuring
        regel |= {"b1": keuring.b1.b1, "b1_niveau": keuring.b1.niveau, "b1_score": round(keuring.b1.score, 1),
                  "awb": keuring.awb.vrijgave,
                  "awb_bevindingen": [f"{b.regel} ({b.ernst})" for b in keuring.awb.bevindingen]}
        if keuring.fouten:
            return regel | {"status": "afgekeurd", "fouten": [["(controle)", f"de brief is niet vrijgegeven: {r}"]
                                                              for r in keuring.fouten]}, None
        eis_ruimte(self.i.uit, len(document))
        schrijf_atomisch(self.i.uit / naam, document)
        regel |= {"status": "gemaakt", "bestand": naam, "sha256": hashlib.sha256(document).hexdigest()}
        if self.pdf:
            pdf_naam = Path(naam).with_suffix(".pdf").name
            from generator.bulk.pdf import INSTALLEER, PdfOnbeschikbaar
            try:
                pdf = self.pdf.zet_om(self.i.uit / naam)
                eis_ruimte(self.i.uit, len(pdf))
                schrijf_atomisch(self.i.uit / pdf_naam, pdf)
            except PdfOnbeschikbaar as fout:      # no row can get its PDF now: stop, resume later
                (self.i.uit / naam).unlink()
                raise BulkGestopt(f"--pdf: {fout}; de run is gestopt. Wat klaar was, is bewaard. Controleer "
                                  f"LibreOffice ({INSTALLEER}) en draai dezelfde opdracht opnieuw.") from None
            except InvoerFout as fout:            # no letter without its PDF: the row is made again next run
                (self.i.uit / naam).unlink()
                return regel | {"status": "fout", "fouten": [["(pdf)", m] for m in fout.meldingen]}, None
            except BaseException:                 # a full disk, a LibreOffice that will not start: the run stops
                (self.i.uit / naam).unlink()
                raise
            regel |= {"pdf": pdf_naam, "pdf_sha256": hashlib.sha256(pdf).hexdigest()}
        concept = not sjabloon.vrijgegeven
        gegevens = registergegevens(naam, self.i.dagtekening, keuring, None, concept)
        return regel, {"zaaknummer": taak.zaak.get("zaaknummer"), "sha256": regel["sha256"], "gegevens": gegevens}


_werker: Werker | None = None


def laad_vooraf() -> None:
    """In the main process, before the pool forks: the language model, word frequencies and compiled Awb patterns
    (what checks.werkers.taken.warm loads, here with this process's content as it is), so every worker starts with
    them (shared copy-on-write) instead of loading them itself: about 2.3 s of CPU per worker, on shared cores."""
    from checks.document import lees_tekst
    from checks.werkers.taken import awb_en_b1
    awb_en_b1(None, lees_tekst("Dit is een korte zin waarmee de werkers opwarmen.", "warm.txt"), None)


def start_proces(instellingen: Instellingen, voorgestart: list | None = None, teller=None) -> None:
    """Initializer of a worker process: Ctrl-C is handled by the main process, which stops the workers.
    `voorgestart`: the LibreOffices the run started before forking, one per worker; `teller` (a shared integer)
    hands each worker its own."""
    import signal
    from multiprocessing.util import Finalize

    global _werker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_stop_zonder_run, args=(os.getppid(),), daemon=True).start()
    pdf = None
    if voorgestart:
        with teller.get_lock():
            pdf, teller.value = voorgestart[teller.value], teller.value + 1
        pdf.neem_over(voorgestart)
    _werker = Werker(instellingen, pdf)
    Finalize(_werker, _werker.sluit, exitpriority=10)        # runs when the pool ends this process


def _stop_zonder_run(run: int) -> None:
    """End this worker when the run that started it is gone: after `kill -9` nobody stops it, and it would wait
    for work for ever, holding its memory (and the run's output pipes)."""
    while os.getppid() == run:
        time.sleep(0.5)
    os._exit(1)


def maak_reeks(taken: list[Taak]) -> tuple[list[tuple[dict, dict | None]], Exception | None]:
    """The results of the rows made, and what stopped the batch (a full disk): the rows made before it are still
    recorded in the journal, so the resumed run does not make them again."""
    resultaten = []
    try:
        for resultaat in _werker.maak_reeks(taken):
            resultaten.append(resultaat)
    except Exception as fout:
        return resultaten, fout
    return resultaten, None
