"""Bulk over more machines: the run hands its row batches to Celery workers through a Redis broker instead of its
own worker processes (`[bulk] motor = "celery"`, or SJABLOON_BULK_MOTOR=celery; default "lokaal").

The run (the coordinator) keeps everything it keeps with the local pool: the journal, the register, the manifest,
fouten.csv, resumption. A worker (`sjabloon bulk-werker`, generator/bulk/verdeeld_werker.py) only does what a local
worker does (generator/bulk/werker.py) and sends the letters' bytes back, since a worker on another machine cannot
reach the output folder; the coordinator writes them (atomically) before they go to the journal.

Exactly once: a batch's task carries the run and its rows; a worker killed mid-batch gets its batch redelivered
(acks late, reject on worker lost, Redis's visibility timeout = `wachttijd`), and the coordinator sends a batch again
when no result came within `wachttijd`. Whichever result for a batch comes first counts and the batch's other tasks
are revoked and their results never read; within that result only rows of the batch count, each once, before
anything is written. So no row gets a second file or register entry. (Rows of earlier runs, in the journal, are
never sent.)

Same computation everywhere: every task carries the fingerprint of the template, content/, the gemeente profile
and the code (`stand`); a worker whose own differ refuses the batch and the run stops with a message naming what
differs. Messages are JSON (kombu's, with bytes and dates), never pickle: a broker message cannot run code."""

from __future__ import annotations

import hashlib
import os
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import click

from generator.bulk.storing import BulkGestopt, eis_ruimte
from generator.plaatsen.instellingen import InstellingenFout, lees_tabel
from generator.plaatsen.plekken import instellingenbestand
from generator.vullen.bestanden import schrijf_atomisch
from generator.vullen.fouten import InvoerFout

TABEL = "bulk"
MOTOREN = ("lokaal", "celery")
WACHTTIJD = 600.0           # seconds: a batch without result after this long is sent again (and Redis redelivers it)
WACHTRIJ = "sjabloon-bulk"
TAAK = "sjabloonstraat.bulk.maak_reeks"
PER_WERKER = 3              # batches under way per worker process, as with the local pool
ZOEK_WERKERS = 1.0          # seconds the coordinator listens for workers at the start
VOORBEELD = 'redis://:wachtwoord@bulk.gemeente.local:6379/0'


@dataclass(frozen=True)
class Motor:
    naam: str                       # "lokaal" or "celery"
    broker: str | None = None
    wachttijd: float = WACHTTIJD


def ingestelde_motor(broker: str | None = None) -> Motor:
    """The engine as configured: SJABLOON_BULK_MOTOR / _BROKER / _WACHTTIJD, else the `[bulk]` table of the settings
    file, else the local pool. `broker` (a command-line option) goes before both."""
    pad = instellingenbestand().pad
    tabel = lees_tabel(pad, TABEL)
    problemen = [f"{pad}: [{TABEL}] {sleutel}: onbekende instelling; bekend zijn: motor, broker, wachttijd"
                 for sleutel in tabel if sleutel not in ("motor", "broker", "wachttijd")]
    waarden = {}
    for sleutel in ("motor", "broker", "wachttijd"):
        variabele = f"SJABLOON_BULK_{sleutel.upper()}"
        if waarde := os.environ.get(variabele, "").strip():
            waarden[sleutel] = waarde, f"omgevingsvariabele {variabele}"
        elif sleutel in tabel:
            waarden[sleutel] = tabel[sleutel], f"{pad}: [{TABEL}] {sleutel}"
    if broker:
        waarden["broker"] = broker, "--broker"
    naam, bron = waarden.get("motor", ("lokaal", ""))
    if naam not in MOTOREN:
        problemen.append(f"{bron}: {naam!r} is geen bulkmotor; kies \"lokaal\" of \"celery\"")
    url, bron_url = waarden.get("broker", (None, ""))
    if url is not None and (not isinstance(url, str) or not url.startswith(("redis://", "rediss://"))):
        problemen.append(f"{bron_url}: {url!r} is geen Redis-URL; schrijf bijvoorbeeld broker = \"{VOORBEELD}\" "
                         "(of rediss:// voor TLS)")
    wachttijd, bron_wacht = waarden.get("wachttijd", (WACHTTIJD, ""))
    try:
        wachttijd = float(wachttijd) if not isinstance(wachttijd, bool) else 0.0
    except (TypeError, ValueError):
        wachttijd = 0.0
    if not wachttijd >= 1:
        problemen.append(f"{bron_wacht}: {waarden['wachttijd'][0]!r} is geen geldige wachttijd; verwacht een getal "
                         "(seconden) van minstens 1")
    if naam == "celery" and url is None and not problemen:
        problemen.append(f"bulkmotor celery heeft een broker nodig: zet broker = \"{VOORBEELD}\" onder [{TABEL}] in "
                         f"{pad}, of de omgevingsvariabele SJABLOON_BULK_BROKER")
    if problemen:
        raise InstellingenFout(problemen)
    return Motor(naam, url, wachttijd)


def maak_app(motor: Motor):
    """The Celery app of coordinator and workers: the same settings on both sides."""
    from celery import Celery

    app = Celery("sjabloonstraat", broker=motor.broker, backend=motor.broker, set_as_current=False)
    app.conf.update(
        task_serializer="json", result_serializer="json", accept_content=["json"], result_accept_content=["json"],
        task_acks_late=True, task_reject_on_worker_lost=True, worker_prefetch_multiplier=1,
        task_default_queue=WACHTRIJ, result_expires=max(3600, 4 * motor.wachttijd),
        broker_transport_options={"visibility_timeout": motor.wachttijd},
        broker_connection_retry_on_startup=True, broker_connection_timeout=5, redis_socket_connect_timeout=5,
        worker_hijack_root_logger=False, worker_send_task_events=False,
        worker_cancel_long_running_tasks_on_connection_loss=True,
    )
    return app


def broker_naam(url: str) -> str:
    """The broker URL without its password, for messages."""
    from kombu.utils.url import maybe_sanitize_url
    return maybe_sanitize_url(url)


def stand(sjabloon, gemeente_pad: Path | None) -> dict[str, str]:
    """What a worker must share with the run, each part as a SHA-256: the template's folder, content/, the gemeente
    profile and the code."""
    from checks.content import content_dir

    gemeente = Path(gemeente_pad) if gemeente_pad else content_dir() / "gemeente.yaml"
    return {"sjabloon": _map_hash(str(sjabloon.map), "*"), "content": _map_hash(str(content_dir()), "*"),
            "gemeente": hashlib.sha256(gemeente.read_bytes()).hexdigest(), "code": _code_hash()}


ONDERDELEN = {"sjabloon": "het sjabloon (map van het sjabloon)", "content": "content/ (regels en woordenlijsten)",
              "gemeente": "het gemeenteprofiel", "code": "de versie van Sjabloonstraat (de code)"}


def _map_hash(map_: str, patroon: str) -> str:
    totaal = hashlib.sha256()
    for pad in sorted(p for p in Path(map_).rglob(patroon) if p.is_file() and "__pycache__" not in p.parts):
        totaal.update(pad.relative_to(map_).as_posix().encode() + b"\0" + hashlib.sha256(pad.read_bytes()).digest())
    return totaal.hexdigest()


@lru_cache(maxsize=1)
def _code_hash() -> str:
    """The code this process runs (so kept for its lifetime): every module of the packages that make a letter."""
    import checks
    import generator
    import nlp
    return hashlib.sha256("".join(_map_hash(str(Path(p.__file__).parent), "*.py")
                                  for p in (generator, checks, nlp)).encode()).hexdigest()


def oorzaak(fout) -> str:
    """Why the connection to the broker failed, in Dutch where known (from the chain of causes), else the library's
    own text."""
    import socket

    from redis import exceptions

    ketting, stap = [], fout
    while stap is not None and len(ketting) < 6:        # kombu's error, redis-py's under it, the socket's under that
        ketting.append(stap)
        stap = stap.__cause__ or stap.__context__
    for soort, tekst in ((ConnectionRefusedError, "verbinding geweigerd"), (socket.gaierror, "onbekende host"),
                         ((ConnectionResetError, BrokenPipeError), "verbinding verbroken"),
                         ((TimeoutError, exceptions.TimeoutError), "geen antwoord"),
                         (exceptions.AuthenticationError, "wachtwoord geweigerd")):
        if any(isinstance(f, soort) for f in ketting):
            return f" ({tekst})"
    if str(fout) == "Connection closed by server.":
        return " (de broker sloot de verbinding)"
    return f" (melding: {fout})" if str(fout) else ""


def eis_broker(app, motor: Motor) -> None:
    """A clear error when Redis does not answer (refused, unknown host, wrong password, TLS)."""
    try:
        with app.connection_for_write() as verbinding:
            verbinding.ensure_connection(max_retries=1, timeout=5)
    except Exception as fout:       # kombu/redis raise many kinds
        raise _onbereikbaar(motor, fout) from None


def _onbereikbaar(motor: Motor, fout: Exception) -> InvoerFout:
    return InvoerFout(f"bulkmotor celery: de broker {broker_naam(motor.broker)} is niet bereikbaar "
                      f"({str(fout).replace(motor.broker, broker_naam(motor.broker))}); start Redis of controleer de "
                      "broker-URL (SJABLOON_BULK_BROKER of [bulk] broker)")


def eis_werkers(motor: Motor) -> int:
    """The number of worker processes listening on the broker; a clear error when the broker or no worker answers.
    Called before anything is written."""
    app = maak_app(motor)
    try:
        eis_broker(app, motor)
        try:
            antwoord = app.control.inspect(timeout=ZOEK_WERKERS).stats() or {}
        except Exception as fout:
            raise _onbereikbaar(motor, fout) from None
    finally:
        app.close()
    processen = sum(int((s.get("pool") or {}).get("max-concurrency") or 1) for s in antwoord.values())
    if not processen:
        raise InvoerFout(f"bulkmotor celery: geen bulkwerker luistert op {broker_naam(motor.broker)}; start er een "
                         f"met: sjabloon bulk-werker --broker {broker_naam(motor.broker)}")
    return processen


def _broker_fouten() -> tuple[type[BaseException], ...]:
    """What kombu and redis-py raise when Redis is gone (refused, reset, timed out)."""
    from kombu.exceptions import OperationalError
    from redis.exceptions import ConnectionError as VerbindingWeg, TimeoutError as TeLaat
    return OSError, OperationalError, VerbindingWeg, TeLaat


class _Geduld:
    """The run waits for a broker that went away for as long as a batch may take (`wachttijd`): the workers wait
    too and reconnect by themselves, and a batch lost with Redis's memory is sent again after `wachttijd`. Longer,
    and the run stops with what was done kept, as after any other stop."""

    def __init__(self, motor: Motor, melden):
        self.motor, self.melden, self.weg_sinds = motor, melden, None
        self.fouten = _broker_fouten()

    def probeer(self, actie):
        while True:
            try:
                uitkomst = actie()
            except (*self.fouten, RuntimeError) as fout:
                if not self.broker_weg(fout):
                    raise
                self._weg(fout)
                continue
            if self.weg_sinds is not None:
                self.weg_sinds = None
                self.melden(f"bulkmotor celery: de broker {broker_naam(self.motor.broker)} is terug; de run gaat verder")
            return uitkomst

    def broker_weg(self, fout: BaseException) -> bool:
        """A broker error, or Celery's result store giving up its reconnect to Redis (a RuntimeError "Celery
        must be restarted", raised from the broker error; its results are still read, key by key, once Redis is
        back)."""
        return isinstance(fout, self.fouten) or isinstance(fout.__cause__, self.fouten)

    def _weg(self, fout: Exception) -> None:
        self._meld_weg(fout)
        naam = broker_naam(self.motor.broker)
        if time.monotonic() - self.weg_sinds > self.motor.wachttijd:
            raise BulkGestopt(f"bulkmotor celery: de broker {naam} is al {self.motor.wachttijd:.0f} s weg; de run is "
                              "gestopt. Wat klaar was, is bewaard: start Redis en draai dezelfde opdracht opnieuw.")
        time.sleep(0.5)

    def _meld_weg(self, fout: Exception) -> None:
        if self.weg_sinds is None:
            self.weg_sinds = time.monotonic()
            self.melden(f"bulkmotor celery: de broker {broker_naam(self.motor.broker)} is weg{oorzaak(fout)}; de run "
                        f"wacht hoogstens {self.motor.wachttijd:.0f} s tot hij terug is")

    def als_het_kan(self, actie) -> None:
        """Tidying (forget a result, revoke a task): skipped when the broker is gone (kombu would wait for it for
        ever); nothing depends on it."""
        if self.weg_sinds is None:
            try:
                actie()
            except (*self.fouten, RuntimeError) as fout:
                if not self.broker_weg(fout):
                    raise
                self._meld_weg(fout)


class _Reeks:
    """One batch under way: its rows and every task sent for it (more than one after a timeout)."""

    def __init__(self, taken: list):
        self.taken, self.pogingen, self.verstuurd = taken, [], 0.0


def kies_motor() -> Verdeeld | None:
    """None for the local pool; else the Celery workers, checked (broker reachable, a worker listening) before the
    run writes anything."""
    motor = ingestelde_motor()
    if motor.naam == "lokaal":
        return None
    return Verdeeld(motor, eis_werkers(motor))


@dataclass
class Verdeeld:
    motor: Motor
    processen: int                  # worker processes found at the start
    run: str | None = None          # the journal's run id, carried by every task

    def voor(self, run: str) -> Verdeeld:
        self.run = run
        return self

    def verwerk(self, taken: Iterator[list], instellingen) -> Iterator[list]:
        return _verwerk(taken, instellingen, self.motor, self.processen, self.run)


def _verwerk(taken: Iterator[list], instellingen, motor: Motor, processen: int, run: str) -> Iterator[list]:
    """As run._verwerk: the results per batch in the order of the rows, the letters already written in the output
    folder. At most PER_WERKER batches per worker process are under way."""
    from celery import states

    app = maak_app(motor)
    sjabloon = instellingen.sjabloon
    gemeente = Path(instellingen.gemeente_pad).read_bytes() if instellingen.gemeente_pad else None
    opdracht = {"sjabloon": sjabloon.id, "concept": instellingen.concept,
                "dagtekening": instellingen.dagtekening.isoformat(), "pdf": instellingen.pdf,
                "pdf_timeout": instellingen.pdf_timeout, "gemeente": gemeente,
                "stand": stand(sjabloon, instellingen.gemeente_pad), "run": run}
    lopend: deque[_Reeks] = deque()
    geduld = _Geduld(motor, lambda melding: click.echo(melding, err=True))

    def verstuur(reeks: _Reeks) -> None:
        rijen = [{"rij": t.rij, "sleutel": t.sleutel, "gegevens_hash": t.gegevens_hash, "zaak": t.zaak}
                 for t in reeks.taken]
        reeks.pogingen.append(geduld.probeer(lambda: app.send_task(TAAK, args=[opdracht | {"taken": rijen}],
                                                                   queue=WACHTRIJ)))
        reeks.verstuurd = time.monotonic()

    def oogst(reeks: _Reeks) -> Iterator[list]:
        while True:
            klaar = geduld.probeer(lambda: next((p for p in reeks.pogingen if p.ready()), None))
            if klaar is not None and klaar.state != states.REVOKED:
                break
            if klaar is not None:               # a worker broke the batch off (it lost the broker): no answer
                reeks.pogingen.remove(klaar)
                verstuur(reeks)
            elif time.monotonic() - reeks.verstuurd > motor.wachttijd:
                verstuur(reeks)             # the worker may be gone: another one makes the batch
            time.sleep(0.01)
        # read both before forget(): a forgotten result is asked of Redis again, and reads PENDING (or fails when
        # Redis just went away)
        uitkomst, mislukt = geduld.probeer(lambda: (klaar.get(propagate=False), klaar.failed()))
        for poging in reeks.pogingen:          # a second answer for the same rows is not needed
            geduld.als_het_kan(lambda: poging.forget() if poging.ready() else poging.revoke())
        if mislukt:
            raise BulkGestopt(f"bulkwerker: onverwachte fout bij rij {reeks.taken[0].rij} tot {reeks.taken[-1].rij}: "
                              f"{uitkomst!r}; de run is gestopt. Wat klaar was, is bewaard; draai dezelfde opdracht "
                              "opnieuw.")
        if geweigerd := uitkomst.get("geweigerd"):
            raise BulkGestopt(f"bulkwerker {uitkomst['werker']} weigert de rijen: {geweigerd}. Geef elke werker "
                              "dezelfde versie van Sjabloonstraat, dezelfde content/, sjablonen en hetzelfde "
                              "gemeenteprofiel, en draai dezelfde opdracht opnieuw; wat klaar was, is bewaard.")
        open_ = {(t.rij, t.sleutel) for t in reeks.taken}    # a row not of this batch, or twice in it, is dropped
        resultaten = []
        for regel, gegevens, bestanden in uitkomst["resultaten"] if uitkomst.get("run") == run else []:
            if (regel["rij"], regel["sleutel"]) not in open_:
                continue
            open_.discard((regel["rij"], regel["sleutel"]))
            for naam, inhoud in bestanden.items():
                eis_ruimte(instellingen.uit, len(inhoud))
                schrijf_atomisch(instellingen.uit / naam, inhoud)
            resultaten.append((regel, gegevens))
        if resultaten:
            yield resultaten
        if uitkomst.get("stop"):
            raise BulkGestopt(uitkomst["stop"])
        if open_:                           # cannot happen with a worker of this version; never pass it silently
            raise BulkGestopt(f"bulkwerker: geen antwoord voor rij {', '.join(str(r) for r, _ in sorted(open_))}; de "
                              "run is gestopt. Wat klaar was, is bewaard; draai dezelfde opdracht opnieuw.")

    try:
        for taken_reeks in taken:
            reeks = _Reeks(taken_reeks)
            verstuur(reeks)
            lopend.append(reeks)
            if len(lopend) >= PER_WERKER * processen:
                yield from oogst(lopend.popleft())
        while lopend:
            yield from oogst(lopend.popleft())
    finally:                            # stopped (Ctrl-C, an error): the batches still queued are not made
        for reeks in lopend:
            for poging in reeks.pogingen:
                geduld.als_het_kan(poging.revoke)
        if geduld.weg_sinds is not None:   # results that will not come: dropping them must not ask the gone broker
            app.backend.on_result_fulfilled = lambda result: None
        geduld.als_het_kan(app.close)
