"""A bulk run: rows in, checked letters out, with a journal, a manifest, a list of bad rows and register entries.

Per row, in this order: the letter's file is written whole (temporary name, then rename); the journal records
the row (fsync); the register records the letter. A run that stops anywhere is run again with the same command:
rows in the journal whose file is intact are skipped, the rest is made again, and rows the register missed are
recorded then. So each row ends up as exactly one letter and one register entry."""

from __future__ import annotations

import csv
import datetime as dt
import getpass
import hashlib
import json
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from generator.bulk import archief
from generator.bulk.invoer import lees_rijen, tel_rijen
from generator.bulk.journaal import NAAM as JOURNAAL, Journaal
from generator.bulk.voortgang import Voortgang
from generator.bulk.werker import Instellingen, Taak, Werker, maak_reeks, start_proces
from generator.catalogus import laad
from generator.context import activeer_gemeente
from generator.errors import InvoerFout
from generator.genereer import bestandsnaam, eis_vrijgave
from generator.register import Register, database_url
from generator.velden import valideer

REEKS = 16                  # rows per task sent to a worker process
VASTLEGGEN_PER = 200        # rows per journal write and register transaction ...
VASTLEGGEN_NA = 2.0         # ... or after this many seconds
CSV_OPMAAK = {"delimiter": ";", "lineterminator": "\r\n"}     # as Dutch Excel reads and writes CSV


@dataclass
class Opdracht:
    sjabloon: str
    data: Path
    uit: Path
    werkers: int = 1
    pdf: bool = False
    zip: bool = False
    gemeente_pad: Path | None = None
    concept: bool = False
    dagtekening: dt.date | None = None
    door: str | None = None
    sleutel: str | None = None


@dataclass
class Uitslag:
    gemaakt: int = 0          # letters made in this run
    overgeslagen: int = 0     # already made by an earlier run of this folder
    fout: int = 0             # rows that gave no letter: bad data, or the letter failed a check
    manifest: Path | None = None
    fouten: Path | None = None
    archief: Path | None = None
    dagtekening: str = ""
    hersteld_in_register: int = 0


def voer_uit(opdracht: Opdracht, voortgang_naar=None) -> Uitslag:
    sjabloon = laad(opdracht.sjabloon)
    eis_vrijgave(sjabloon, opdracht.concept)
    gemeente = activeer_gemeente(opdracht.gemeente_pad)
    sleutelveld = opdracht.sleutel or sjabloon.sleutel
    if sleutelveld and sleutelveld not in sjabloon.velden:
        raise InvoerFout(f"--sleutel: '{sleutelveld}' is geen veld van sjabloon {sjabloon.id}")
    rijen = lees_rijen(opdracht.data, sjabloon.velden)         # a bad file stops here, before anything is written
    if opdracht.pdf:
        from generator.bulk.pdf import eis_libreoffice
        eis_libreoffice()
    uit = Path(opdracht.uit)
    nieuw = not (uit / JOURNAAL).exists()
    dagtekening = opdracht.dagtekening or (dt.date.today() if nieuw else None)
    kenmerk = {"sjabloon": sjabloon.id, "versie": sjabloon.versie, "docx_sha256": sjabloon.docx_sha256,
               "gemeente": str(opdracht.gemeente_pad or "standaard"), "concept": opdracht.concept,
               "pdf": opdracht.pdf, "zip": opdracht.zip, "sleutel": sleutelveld or "rijnummer"}
    door = opdracht.door or getpass.getuser()
    with Register(database_url(gemeente)) as register:
        uit.mkdir(parents=True, exist_ok=True)
        journaal = Journaal(uit, kenmerk, dagtekening.isoformat() if dagtekening else None)
        uitslag = Uitslag(dagtekening=journaal.dagtekening)
        if not nieuw:
            for half in uit.glob(".*.tmp"):        # left by a run that was killed while writing a file
                half.unlink()
            archief.controleer_bestanden(journaal, uit)
            uitslag.hersteld_in_register = _herstel_register(journaal, register, sjabloon, door)
        instellingen = Instellingen(sjabloon, opdracht.gemeente_pad, dt.date.fromisoformat(journaal.dagtekening), uit,
                                    opdracht.concept, opdracht.pdf)
        with _Fouten(uit) as fouten:
            _maak(opdracht, rijen, sjabloon, sleutelveld, journaal, register, fouten, uitslag, instellingen, door,
                  voortgang_naar)
            uitslag.manifest = archief.schrijf_manifest(journaal, uit, opdracht.pdf)
            uitslag.fouten = fouten.sluit()
    if opdracht.zip:
        uitslag.archief = archief.pak_in(journaal, uit, uitslag.manifest)
    return uitslag


def _maak(opdracht, rijen, sjabloon, sleutelveld, journaal, register, fouten, uitslag, instellingen, door,
          voortgang_naar) -> None:
    voortgang = Voortgang(tel_rijen(opdracht.data), voortgang_naar)
    taken = _taken(rijen, sjabloon.velden, sleutelveld, sjabloon.id, journaal, fouten, uitslag, voortgang)
    wachtend: list = []
    laatst = time.monotonic()
    try:
        for resultaten in _verwerk(taken, opdracht.werkers, instellingen):
            wachtend += resultaten
            for regel, _ in resultaten:
                fouten.van_regel(regel)
                uitslag.gemaakt += regel["status"] == "gemaakt"
                uitslag.fout += regel["status"] != "gemaakt"
            voortgang.stap(len(resultaten))
            if len(wachtend) >= VASTLEGGEN_PER or time.monotonic() - laatst > VASTLEGGEN_NA:
                klaar, wachtend, laatst = wachtend, [], time.monotonic()
                _leg_vast(klaar, journaal, register, sjabloon, door)
    finally:
        _leg_vast(wachtend, journaal, register, sjabloon, door)         # also on Ctrl-C: what is done is kept
    voortgang.einde()


def _taken(rijen, velden: dict, sleutelveld: str | None, sjabloon_id: str, journaal: Journaal, fouten: "_Fouten",
           uitslag: Uitslag, voortgang: Voortgang) -> Iterator[list[Taak]]:
    """Read and validate row after row; bad rows go to fouten.csv, finished rows are skipped, the rest is sent
    to the workers in small batches."""
    bestanden: dict[str, int] = {}
    reeks: list[Taak] = []
    for rij in rijen:
        if rij.fout:
            fouten.schrijf(rij.nummer, "", "(rij)", rij.fout)
            uitslag.fout += 1
            voortgang.stap()
            continue
        zaak, problemen = valideer(velden, rij.zaak)
        sleutel = str(zaak.get(sleutelveld) or "") if sleutelveld else f"rij-{rij.nummer:06d}"
        if not problemen and (eerder := bestanden.get(bestandsnaam(sleutel, sjabloon_id))):
            problemen = [f"{sleutelveld}: '{sleutel}' kwam al voor in rij {eerder}; elke brief heeft een eigen sleutel nodig"]
        gegevens_hash = hashlib.sha256(json.dumps(rij.zaak, sort_keys=True, default=str).encode()).hexdigest()
        klaar = journaal.klaar.get(sleutel)
        if not problemen and klaar and klaar[1] == "gemaakt" and klaar[0] != gegevens_hash:
            problemen = [f"(rij): de brief voor '{sleutel}' is in een eerdere run al gemaakt, maar de gegevens van deze "
                         "rij zijn daarna gewijzigd; maak hem opnieuw in een nieuwe map (--uit)"]
        if problemen:
            for probleem in problemen:
                veld, _, melding = probleem.partition(": ")
                fouten.schrijf(rij.nummer, sleutel, veld, melding)
            uitslag.fout += 1
            voortgang.stap()
            continue
        bestanden[bestandsnaam(sleutel, sjabloon_id)] = rij.nummer
        if klaar and klaar[1] == "gemaakt":
            uitslag.overgeslagen += 1
            voortgang.stap()
            continue
        reeks.append(Taak(rij.nummer, sleutel, gegevens_hash, zaak))
        if len(reeks) >= REEKS:
            yield reeks
            reeks = []
    if reeks:
        yield reeks


def _verwerk(taken: Iterator[list[Taak]], werkers: int, instellingen: Instellingen) -> Iterator[list]:
    """The results per batch, in the order of the rows. With more workers, a few batches per worker are under
    way at a time, so memory stays the same however long the file is."""
    if werkers <= 1:
        werker = Werker(instellingen)
        try:
            for reeks in taken:
                yield [werker.maak(taak) for taak in reeks]
        finally:
            werker.sluit()
        return
    pool = ProcessPoolExecutor(werkers, mp_context=get_context("fork"), initializer=start_proces,
                               initargs=(instellingen,))
    try:
        lopend: deque = deque()
        for reeks in taken:
            lopend.append(pool.submit(maak_reeks, reeks))
            if len(lopend) >= 3 * werkers:
                yield lopend.popleft().result()
        while lopend:
            yield lopend.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _leg_vast(resultaten: list, journaal: Journaal, register: Register, sjabloon, door: str) -> None:
    if not resultaten:
        return
    journaal.schrijf([regel | ({"register": gegevens} if gegevens else {}) for regel, gegevens in resultaten])
    register.voeg_toe_reeks([_registerregel(regel, gegevens, sjabloon, door, journaal.run)
                             for regel, gegevens in resultaten if gegevens])


def _registerregel(regel: dict, gegevens: dict, sjabloon, door: str, run: str) -> dict:
    bulk = {"run": run, "rij": regel["rij"], "sleutel": regel["sleutel"]}
    return {"soort": "document", "sjabloon_id": sjabloon.id, "sjabloon_versie": sjabloon.versie,
            "zaaknummer": gegevens["zaaknummer"], "sha256": gegevens["sha256"], "door": door,
            "gegevens": gegevens["gegevens"] | {"bulk": bulk}}


def _herstel_register(journaal: Journaal, register: Register, sjabloon, door: str) -> int:
    """Letters in the journal that the register missed (the run stopped between the two): record them now.
    The journal line carries what the register needs."""
    vastgelegd = {r.gegevens["bulk"]["sleutel"] for r in register.regels(sjabloon=sjabloon.id, soort="document")
                  if (r.gegevens.get("bulk") or {}).get("run") == journaal.run}
    missend = {}
    for regel in journaal.regels():
        if regel["status"] == "gemaakt" and regel["sleutel"] not in vastgelegd:
            missend[regel["sleutel"]] = regel
    register.voeg_toe_reeks([_registerregel(r, r["register"], sjabloon, door, journaal.run) for r in missend.values()])
    return len(missend)


class _Fouten:
    """fouten.csv, written as rows fail and put in place at the end (no fouten.csv when every row succeeded)."""

    def __init__(self, uit: Path):
        self.pad, self.tijdelijk = uit / "fouten.csv", uit / ".fouten.csv.tmp"
        self.aantal = 0

    def __enter__(self):
        self.bestand = self.tijdelijk.open("w", encoding="utf-8-sig", newline="")
        self.schrijver = csv.writer(self.bestand, **CSV_OPMAAK)
        self.schrijver.writerow(["rij", "sleutel", "veld", "melding"])
        return self

    def schrijf(self, rij: int, sleutel: str, veld: str, melding: str) -> None:
        self.schrijver.writerow([rij, sleutel, veld, melding])
        self.aantal += 1

    def van_regel(self, regel: dict) -> None:
        for veld, melding in regel.get("fouten", []):
            self.schrijf(regel["rij"], regel["sleutel"], veld, melding)

    def sluit(self) -> Path | None:
        self.bestand.close()
        if self.aantal:
            self.tijdelijk.replace(self.pad)
            return self.pad
        self.tijdelijk.unlink()
        self.pad.unlink(missing_ok=True)          # from an earlier run whose bad rows are now fixed
        return None

    def __exit__(self, soort, *_):
        if soort is not None:                     # stopped: keep no half list
            self.bestand.close()
            self.tijdelijk.unlink(missing_ok=True)
