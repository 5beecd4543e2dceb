"""A bulk run: rows in, checked letters out, with a journal, a manifest, a list of bad rows and register entries.

Per row, in this order: the letter's file is written whole (temporary name, then rename); the journal records
the row (fsync); the register records the letter, stamping it in the same transaction with its entry's number and
the hash it chains on (in memory: the SHA-256 of the stamped letter is the entry's); once the entries are
committed, the stamped letters replace the unstamped ones, and the stamps are recorded beside the journal (fsync).
A run that stops anywhere is run again with the same command: letters the register recorded but that were not
stamped yet get the stamp of their own entry, rows in the journal whose file is intact are skipped, the rest is
made again, and rows the register missed are recorded (and stamped) then. So each row ends up as exactly one
letter and one register entry, and a letter on disk carries either no stamp or the stamp of its own entry: a
stamp reaches the disk only after its entry is committed."""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import itertools
import json
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack, closing
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from generator.bulk import archief, csvbestand
from generator.bulk.invoer import lees_rijen, tel_rijen
from generator.bulk.journaal import NAAM as JOURNAAL
from generator.bulk.journaal import Journaal
from generator.bulk.schijftabel import SchijfTabel
from generator.bulk.storing import gestopt_door_volle_schijf, schijf_vol
from generator.bulk.verdeeld import kies_motor
from generator.bulk.voortgang import Voortgang
from generator.bulk.werker import Instellingen, Taak, Werker, laad_vooraf, maak_reeks, start_proces
from generator.vrijgave.register import Register, RegisterFout, database_url
from generator.vrijgave.register.anker import AnkerFout
from generator.vrijgave.register.stempel import stempel
from generator.vullen.bestanden import eis_map, ruim_halve_op, schrijf_atomisch, schrijfreden
from generator.vullen.context import activeer_gemeente
from generator.vullen.fouten import InvoerFout
from generator.vullen.genereer import bestandsnaam, eis_vrijgave
from generator.vullen.sjabloon import laad
from generator.vullen.velden import subvelden, valideer

REEKS = 16                  # rows per task sent to a worker process
VASTLEGGEN_PER = 200        # rows per journal write and register transaction ...
VASTLEGGEN_NA = 2.0         # ... or after this many seconds
ENKELE_WAARDE = ("tekst", "getal", "datum", "bedrag", "keuze")     # field types a --sleutel may have


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
    pdf_timeout: float | None = None          # seconds LibreOffice may take to start or per letter (pdf.TIMEOUT)


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
    """Raises InvoerFout for bad input (nothing written), BulkGestopt when the surroundings stop the run (a full
    disk, LibreOffice): then what was finished is kept and the same command resumes."""
    try:
        return _voer_uit(opdracht, voortgang_naar)
    except Exception as fout:
        if schijf_vol(fout):
            raise gestopt_door_volle_schijf(Path(opdracht.uit)) from fout
        raise


def _voer_uit(opdracht: Opdracht, voortgang_naar) -> Uitslag:
    sjabloon = laad(opdracht.sjabloon)
    eis_vrijgave(sjabloon, opdracht.concept)
    gemeente = activeer_gemeente(opdracht.gemeente_pad)
    sleutelveld = opdracht.sleutel or sjabloon.sleutel
    _controleer_sleutel(sleutelveld, sjabloon)
    uit = Path(opdracht.uit)
    eis_map(uit)
    rijen = lees_rijen(opdracht.data, sjabloon.velden)         # a bad file stops here, before anything is written
    aantal = tel_rijen(opdracht.data)                          # ... and so does a bad line anywhere in it
    pdf_timeout = None
    if opdracht.pdf:
        from generator.bulk.pdf import eis_libreoffice, ingestelde_timeout
        eis_libreoffice()
        pdf_timeout = ingestelde_timeout(opdracht.pdf_timeout)
    verdeeld = kies_motor()          # None: the local pool; the Celery workers are checked before anything is written
    nieuw = not (uit / JOURNAAL).exists()
    dagtekening = opdracht.dagtekening or (dt.date.today() if nieuw else None)
    kenmerk = {"sjabloon": sjabloon.id, "versie": sjabloon.versie, "docx_sha256": sjabloon.docx_sha256,
               "manifest_sha256": sjabloon.manifest_inhoud_sha256,        # a deadline or field changed in between
               "gemeente": str(opdracht.gemeente_pad or "standaard"), "concept": opdracht.concept,
               "pdf": opdracht.pdf, "zip": opdracht.zip, "sleutel": sleutelveld or "rijnummer"}
    with ExitStack() as stapel:
        register = stapel.enter_context(Register(database_url(gemeente)))
        try:
            uit.mkdir(parents=True, exist_ok=True)
        except OSError as fout:
            raise InvoerFout(f"--uit: kan de map {uit} niet maken ({schrijfreden(fout)}); kies een andere map") from None
        datum = dagtekening.isoformat() if dagtekening else None
        journaal = stapel.enter_context(closing(Journaal(uit, kenmerk, datum)))
        run = _Run(sjabloon, sleutelveld, journaal, register, opdracht.door or getpass.getuser())
        if not nieuw:
            ruim_halve_op(uit)                      # left by a run that was killed while writing a file
            with run.vastgelegd() as vastgelegd:
                run.rond_stempels_af(vastgelegd)
                archief.controleer_bestanden(journaal, uit)
                run.uitslag.hersteld_in_register = run.herstel_register(vastgelegd)
        instellingen = Instellingen(sjabloon, opdracht.gemeente_pad, dt.date.fromisoformat(journaal.dagtekening), uit,
                                    opdracht.concept, opdracht.pdf, pdf_timeout,
                                    verdeeld and verdeeld.voor(journaal.run))
        with _Fouten(uit) as run.fouten:
            run.maak(rijen, Voortgang(aantal, voortgang_naar), opdracht.werkers, instellingen)
            run.uitslag.manifest = archief.schrijf_manifest(journaal, uit, opdracht.pdf)
            run.uitslag.fouten = run.fouten.sluit()
    if opdracht.zip:
        run.uitslag.archief = archief.pak_in(journaal, uit, run.uitslag.manifest)
    return run.uitslag


def _controleer_sleutel(sleutelveld: str | None, sjabloon) -> None:
    """The key names every letter's file: a field of one value (a text, number, date, amount or choice), not a
    group or list, whose value would be a whole dict in the file name."""
    if not sleutelveld:
        return
    if sleutelveld not in sjabloon.velden:
        raise InvoerFout(f"--sleutel: '{sleutelveld}' is geen veld van sjabloon {sjabloon.id}")
    spec = sjabloon.velden[sleutelveld]
    if spec.get("type") == "lijst" or subvelden(spec) is not None:
        enkel = [naam for naam, s in sjabloon.velden.items() if s.get("type") in ENKELE_WAARDE]
        raise InvoerFout(f"--sleutel: '{sleutelveld}' is een {spec.get('type')} met meer waarden, geen veld met één "
                         f"waarde; kies bijvoorbeeld {', '.join(enkel[:5])}")


class RegisterOnderbroken(RegisterFout):
    """The register could not record a batch of letters: those letters, and any a worker was still writing, are
    gone again; what was recorded before stays, and the same command goes on from there."""


class _Run:
    """What the steps of one run share: the template, the journal, the register, the error list, the tally."""

    def __init__(self, sjabloon, sleutelveld: str | None, journaal: Journaal, register: Register, door: str):
        self.sjabloon, self.sleutelveld, self.journaal, self.register, self.door = (
            sjabloon, sleutelveld, journaal, register, door)
        self.uitslag = Uitslag(dagtekening=journaal.dagtekening)
        self.fouten: _Fouten | None = None
        self.onderweg: set[str] = set()     # rows sent to a worker whose letter is not in the register yet

    def maak(self, rijen, voortgang: Voortgang, werkers: int, instellingen: Instellingen) -> None:
        wachtend: list = []
        laatst = time.monotonic()
        try:
            try:
                with closing(_verwerk(self.taken(rijen, voortgang), werkers, instellingen)) as reeksen:
                    for resultaten in reeksen:
                        wachtend += resultaten
                        for regel, _ in resultaten:
                            self.fouten.van_regel(regel)
                            self.uitslag.gemaakt += regel["status"] == "gemaakt"
                            self.uitslag.fout += regel["status"] != "gemaakt"
                        voortgang.stap(len(resultaten))
                        if len(wachtend) >= VASTLEGGEN_PER or time.monotonic() - laatst > VASTLEGGEN_NA:
                            klaar, wachtend, laatst = wachtend, [], time.monotonic()
                            self.leg_vast(klaar)
            finally:
                klaar, wachtend = wachtend, []
                self.leg_vast(klaar)                # also on Ctrl-C: what is done is kept
        except (RegisterFout, AnkerFout) as fout:   # the register could not be written: no letter without its entry
            weg = self._haal_weg(self.onderweg)
            raise RegisterOnderbroken([*fout.meldingen, f"{weg} brieven zonder registerregel zijn weggehaald; draai "
                                       "dezelfde opdracht opnieuw als het register weer werkt: klare rijen worden "
                                       "overgeslagen, de rest wordt alsnog gemaakt"]) from fout
        voortgang.einde()

    def taken(self, rijen, voortgang: Voortgang) -> Iterator[list[Taak]]:
        """Read and validate row after row; bad rows go to fouten.csv, finished rows are skipped, the rest is sent
        to the workers in small batches."""
        reeks: list[Taak] = []
        with SchijfTabel(self.journaal.pad.parent) as bestanden:     # file name -> row number: a key used twice
            for rij in rijen:
                taak = self._taak(rij, bestanden)
                if taak is None:
                    voortgang.stap()                # a bad or finished row: no worker needed
                    continue
                reeks.append(taak)
                self.onderweg.add(taak.sleutel)
                if len(reeks) >= REEKS:
                    yield reeks
                    reeks = []
        if reeks:
            yield reeks

    def _taak(self, rij, bestanden: SchijfTabel) -> Taak | None:
        """The work for one row, or None when the row is bad (listed in fouten.csv) or made by an earlier run."""
        if rij.fout:
            return self._fout(rij.nummer, "", [f"(rij): {rij.fout}"])
        zaak, problemen = valideer(self.sjabloon.velden, rij.zaak)
        sleutel = str(zaak.get(self.sleutelveld) or "") if self.sleutelveld else f"rij-{rij.nummer:06d}"
        naam = bestandsnaam(sleutel, self.sjabloon.id)
        if not problemen and (eerder := bestanden.get(naam)):
            problemen = [f"{self.sleutelveld}: '{sleutel}' kwam al voor in rij {eerder}; elke brief heeft een eigen "
                         "sleutel nodig"]
        gegevens_hash = hashlib.sha256(json.dumps(rij.zaak, sort_keys=True, default=str).encode()).hexdigest()
        klaar = self.journaal.klaar.get(sleutel)
        al_gemaakt = klaar is not None and klaar[1] == "gemaakt"
        if not problemen and al_gemaakt and klaar[0] != gegevens_hash:
            problemen = [f"(rij): de brief voor '{sleutel}' is in een eerdere run al gemaakt, maar de gegevens van deze "
                         "rij zijn daarna gewijzigd; maak hem opnieuw in een nieuwe map (--uit)"]
        if problemen:
            return self._fout(rij.nummer, sleutel, problemen)
        bestanden.zet(naam, rij.nummer)
        if al_gemaakt:
            self.uitslag.overgeslagen += 1
            return None
        return Taak(rij.nummer, sleutel, gegevens_hash, zaak)

    def _fout(self, nummer: int, sleutel: str, problemen: list[str]) -> None:
        for probleem in problemen:
            veld, _, melding = probleem.partition(": ")
            self.fouten.schrijf(nummer, sleutel, veld, melding)
        self.uitslag.fout += 1

    def leg_vast(self, resultaten: list) -> None:
        """The journal first, then the register: a letter the register missed is recorded on the next run."""
        if resultaten:
            regels = [regel | ({"register": gegevens} if gegevens else {}) for regel, gegevens in resultaten]
            self.journaal.schrijf(regels)
            self._registreer([regel for regel in regels if "register" in regel])
            self.onderweg.difference_update(regel["sleutel"] for regel, _ in resultaten)

    def _registreer(self, regels: list[dict]) -> None:
        """Record these journal lines' letters in the register, each stamped with its own entry inside the
        transaction; the stamped files take the letters' place once the entries are committed, then the stamps
        are recorded. A stop in between leaves unstamped letters of committed entries: rond_stempels_af."""
        if not regels:
            return
        uit = self.journaal.pad.parent
        letters = [(uit / regel["bestand"]).read_bytes() for regel in regels]
        gestempeld: list = [None] * len(regels)

        def stempel_in(positie: int, nummer: int, keten: str) -> str:
            letter = stempel(letters[positie], nummer, keten)
            gestempeld[positie] = nummer, letter, hashlib.sha256(letter).hexdigest()
            return gestempeld[positie][2]
        self.register.voeg_toe_reeks([self._registerregel(r, r["register"]) for r in regels], stempel=stempel_in)
        stempels = []
        for regel, (nummer, letter, sha256) in zip(regels, gestempeld):
            schrijf_atomisch(uit / regel["bestand"], letter)
            stempels.append({"sleutel": regel["sleutel"], "ongestempeld": regel["sha256"], "sha256": sha256,
                             "registerregel": nummer})
        self.journaal.schrijf_stempels(stempels)

    def _haal_weg(self, sleutels: set[str]) -> int:
        """Remove the letters (and PDFs) of these rows: made, but not in the register. The next run sees them
        missing and makes them again (archief.controleer_bestanden)."""
        weg = 0
        for sleutel in sleutels:
            naam = Path(bestandsnaam(sleutel, self.sjabloon.id))
            for bestand in (naam, naam.with_suffix(".pdf")):
                if (self.journaal.pad.parent / bestand).is_file():
                    (self.journaal.pad.parent / bestand).unlink()
                    weg += bestand.suffix == ".docx"
        return weg

    def vastgelegd(self) -> SchijfTabel:
        """This run's letters in the register: row key -> (id, sha256, vorige_hash) of its (last) entry. On disk:
        a resumed run of 450,000 rows would otherwise hold every entry of the template."""
        vastgelegd = SchijfTabel(self.journaal.pad.parent, waarden=3)
        vastgelegd.zet_veel((r.gegevens["bulk"]["sleutel"], (r.id, r.sha256, r.vorige_hash))
                            for r in self.register.doorloop(sjabloon=self.sjabloon.id, soort="document")
                            if (r.gegevens.get("bulk") or {}).get("run") == self.journaal.run)
        return vastgelegd

    def rond_stempels_af(self, vastgelegd: SchijfTabel) -> None:
        """Letters whose entries were committed but whose stamp was not recorded (the run stopped in between): the
        stamp of their own entry goes into the letter now, if the stamped letter then has the entry's SHA-256 (the
        stamp is the same bytes whenever it is made). A letter that gets no stamp so is made again."""
        stempels = []
        for regel in self._ongestempeld(vastgelegd):
            sleutel, (nummer, sha256, keten) = regel["sleutel"], vastgelegd.get(regel["sleutel"])
            pad = self.journaal.pad.parent / regel["bestand"]
            letter = pad.read_bytes() if pad.is_file() else b""
            if hashlib.sha256(letter).hexdigest() == regel["sha256"]:
                letter = stempel(letter, nummer, keten)
                if hashlib.sha256(letter).hexdigest() == sha256:
                    schrijf_atomisch(pad, letter)
            if hashlib.sha256(letter).hexdigest() == sha256:
                stempels.append({"sleutel": sleutel, "ongestempeld": regel["sha256"], "sha256": sha256,
                                 "registerregel": nummer})
            else:                                   # gone, changed, or its stamp does not give the entry's bytes
                self.journaal.klaar.pop(sleutel, None)
        if stempels:
            self.journaal.schrijf_stempels(stempels)

    def _ongestempeld(self, vastgelegd: SchijfTabel) -> list[dict]:
        """The rows whose last journal line is a made letter without a stamp while the register has an entry for
        it with other bytes: the few the run stopped on, not every row."""
        open_ = {}
        for regel in self.journaal.regels():
            vast = vastgelegd.get(regel["sleutel"])
            if (regel["status"] != "gemaakt" or "registerregel" in regel or vast is None
                    or vast[1] == regel["sha256"]):     # recorded as it is (a run from before the stamps)
                open_.pop(regel["sleutel"], None)
            else:
                open_[regel["sleutel"]] = regel
        return list(open_.values())

    def herstel_register(self, vastgelegd: SchijfTabel) -> int:
        """Letters in the journal that the register missed (the run stopped between the two): record and stamp
        them now. The journal line carries what the register needs."""
        missend = {r["sleutel"]: r for r in self.journaal.regels()
                   if r["status"] == "gemaakt" and r["sleutel"] not in vastgelegd}
        # a letter whose file is gone (removed because the register was down) is made again, not recorded as it was
        missend = {sleutel: r for sleutel, r in missend.items() if sleutel in self.journaal.klaar}
        self._registreer(list(missend.values()))
        return len(missend)

    def _registerregel(self, regel: dict, gegevens: dict) -> dict:
        bulk = {"run": self.journaal.run, "rij": regel["rij"], "sleutel": regel["sleutel"]}
        return {"soort": "document", "sjabloon_id": self.sjabloon.id, "sjabloon_versie": self.sjabloon.versie,
                "zaaknummer": gegevens["zaaknummer"], "sha256": gegevens["sha256"], "door": self.door,
                "gegevens": gegevens["gegevens"] | {"bulk": bulk}}


def _verwerk(taken: Iterator[list[Taak]], werkers: int, instellingen: Instellingen) -> Iterator[list]:
    """The results per batch, in the order of the rows. With more workers, a few batches per worker are under
    way at a time, so memory stays the same however long the file is."""
    if instellingen.verdeeld:                   # the batches go to Celery workers (generator/bulk/verdeeld.py)
        yield from instellingen.verdeeld.verwerk(taken, instellingen)
        return
    if werkers <= 1:
        werker = Werker(instellingen)
        try:
            for reeks in taken:
                for resultaat in werker.maak_reeks(reeks):     # row by row: a row made before a failure is recorded
                    yield [resultaat]
        finally:
            werker.sluit()
        return
    eerste = next(taken, None)
    if eerste is None:                          # every row was done before, or bad: no worker needed
        return
    voorgestart = _start_libreoffice(werkers, instellingen)
    try:
        laad_vooraf()
        context = get_context("fork")
        pool = ProcessPoolExecutor(werkers, mp_context=context, initializer=start_proces,
                                   initargs=(instellingen, voorgestart, context.Value("i", 0)))
        try:
            lopend: deque = deque()
            stop = None
            vast = list(voorgestart)            # the LibreOffices whose pipes this process still holds
            for reeks in itertools.chain([eerste], taken):
                lopend.append(pool.submit(maak_reeks, reeks))
                while vast:                     # the first submit forked every worker: they hold the pipes now
                    vast.pop().laat_los()
                if len(lopend) >= 3 * werkers:
                    if stop := (yield from _uitkomst(lopend.popleft())):
                        break
            while lopend:                   # after a stop too: what the other workers made is still recorded
                taak = lopend.popleft()
                if not (stop and taak.cancel()):
                    fout = yield from _uitkomst(taak)
                    stop = stop or fout
            if stop:
                raise stop
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    finally:
        for omzetter in voorgestart:
            omzetter.ruim_op()


def _start_libreoffice(werkers: int, instellingen: Instellingen) -> list:
    """With --pdf, one LibreOffice per worker, started before the language model is loaded: it takes about a
    second to get ready, on the core the loading leaves free, instead of after the workers are forked."""
    if not instellingen.pdf:
        return []
    from generator.bulk.pdf import PdfOmzetter
    return [PdfOmzetter(instellingen.pdf_timeout) for _ in range(werkers)]


def _uitkomst(taak):
    """Yield the rows a worker's batch made; return what stopped it (a full disk), if anything."""
    resultaten, fout = taak.result()
    if resultaten:
        yield resultaten
    return fout


class _Fouten:
    """fouten.csv, written as rows fail and put in place at the end (no fouten.csv when every row succeeded)."""

    def __init__(self, uit: Path):
        self.pad, self.tijdelijk = uit / "fouten.csv", uit / ".fouten.csv.tmp"
        self.aantal = 0

    def __enter__(self):
        self.bestand = self.tijdelijk.open("w", encoding=csvbestand.CODERING, newline="")
        self.schrijver = csvbestand.schrijver(self.bestand)
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
            try:
                self.bestand.close()              # may fail again on a full disk
            except OSError:
                pass
            self.tijdelijk.unlink(missing_ok=True)
