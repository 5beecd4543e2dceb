"""What `sjabloon bulk-werker` prints while it runs: one Dutch line with the time for each thing Celery, kombu or
Python would tell the terminal in English (broker lost, retrying, back, stopping, running as root).

Celery's own hooks carry it: the `setup_logging` signal puts one handler on the root logger that maps Celery's and
kombu's known log records, by logger and format string, to Dutch; `worker_shutting_down` says why the worker stops.
A record it does not know is still shown, as `melding van Celery: ...` with the English text, so nothing is lost.
Two things have no hook: the SecurityWarning that Celery raises while the worker is made (caught around that), and
the shutdown texts Celery writes straight to the terminal with celery.apps.worker.safe_say (replaced in this
process only)."""

from __future__ import annotations

import logging
import os
import re
import time
import warnings
from contextlib import contextmanager

from generator.bulk.verdeeld import broker_naam, oorzaak

_TEKENS = {"SIGINT": "Ctrl-C"}
_EENHEDEN = {"second": "s", "minute": "min", "hour": "uur", "day": "dag"}     # celery.utils.time.TIME_UNITS
_STIL = {"worker: Warm shutdown (MainProcess)", "worker: Cold shutdown (MainProcess)"}  # worker_shutting_down says it
_GEZEGD = {
    "worker: Hitting Ctrl+C again will initiate cold shutdown, terminating all running tasks!":
        "nogmaals Ctrl-C breekt de lopende reeksen af",
    # the second Ctrl-C starts the cold shutdown (worker_shutting_down says so); a third one ends the worker by force
    "worker: Hitting Ctrl+C again will terminate all running tasks!": "nogmaals Ctrl-C stopt de bulkwerker meteen, "
                                                                     "zonder op te ruimen",
    "Waiting gracefully for cold shutdown to complete...": "wacht tot de afgebroken reeksen zijn opgeruimd",
}


def schrijf(tekst: str) -> None:
    """One line on stderr, written at once (also from a signal handler or a pool process)."""
    os.write(2, f"bulkwerker {time.strftime('%H:%M:%S')}: {_een_regel(tekst)}\n".encode())


def _een_regel(tekst: str) -> str:
    return re.sub(r"\s*\n\s*", " ", str(tekst).strip())


def _reeksen(aantal: int) -> str:
    return f"{aantal} {'reeks' if aantal == 1 else 'reeksen'}"


class Meldingen(logging.Handler):
    """Celery's and kombu's log records as Dutch lines; the broker named without its password."""

    def __init__(self, broker: str):
        super().__init__()
        self.url, self.broker = broker, broker_naam(broker)
        self.verbonden = False          # connected before: the next "Connected to" is a reconnection

    def emit(self, record: logging.LogRecord) -> None:
        try:
            tekst = self.vertaal(record)
        except Exception:
            self.handleError(record)
            return
        if tekst:
            schrijf(tekst)

    def vertaal(self, record: logging.LogRecord) -> str | None:
        from billiard.exceptions import WorkerLostError
        from celery.utils.log import get_multiprocessing_logger
        from celery.worker import request
        from celery.worker.consumer import connection, consumer
        from kombu.transport.virtual import base

        sjabloon, args = record.msg, record.args if isinstance(record.args, tuple) else ()
        if record.name == consumer.logger.name:
            if sjabloon == "%s (%r)" and args[:1] == (consumer.CONNECTION_RETRY,):
                return f"verbinding met de broker {self.broker} verbroken{oorzaak(args[1])}; opnieuw verbinden"
            if sjabloon == consumer.CONNECTION_ERROR and len(args) == 3 and (stap := _opnieuw(args[2])):
                return f"de broker {self.broker} is niet bereikbaar{oorzaak(args[1])}; {stap}"
            if sjabloon == consumer.TERMINATING_TASK_ON_RESTART_AFTER_A_CONNECTION_LOSS:
                return ("een lopende reeks wordt afgebroken: na het verbreken van de verbinding kan de werker haar niet "
                        "meer afmelden; de run stuurt haar opnieuw (meteen, of na de wachttijd als de broker haar vergat)")
            if sjabloon == "Failed to cancel active request %r after connection loss" and record.exc_info:
                return f"het afbreken van die reeks gaf een fout{oorzaak(record.exc_info[1])}"
        elif record.name == connection.logger.name and sjabloon == "Connected to %s":
            eerder, self.verbonden = self.verbonden, True
            return (f"weer verbonden met de broker {self.broker}" if eerder
                    else f"verbonden met de broker {self.broker}; wacht op reeksen")
        elif record.name == request.logger.name and sjabloon == "Task handler raised error: %r" \
                and isinstance(args[0], WorkerLostError):   # acks late, reject on worker lost: Celery requeues it
            return ("een lopende reeks is afgebroken omdat haar werkproces stopte; ze gaat terug naar de broker en "
                    "wordt opnieuw gemaakt")
        elif record.name == get_multiprocessing_logger().name and sjabloon == "Process %r pid:%r exited with %r":
            return f"het werkproces met pid {args[1]} is gestopt: {_status(args[2])}"
        elif record.name == base.logger.name and (terug := _teruggegeven(record.getMessage())) is not None:
            return (f"{_reeksen(terug)} die nog niet klaar {'was' if terug == 1 else 'waren'}, "
                    f"{'gaat' if terug == 1 else 'gaan'} terug naar de broker")
        if record.levelno < logging.WARNING:
            return None
        bron = "Python" if record.name == "py.warnings" else "Celery"
        tekst = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:      # its type and first line, not the traceback
            tekst += f" ({record.exc_info[0].__name__}: {str(record.exc_info[1]).strip().partition(chr(10))[0]})"
        return f"melding van {bron}: {tekst.replace(self.url, self.broker)}"


def _opnieuw(stap: str) -> str | None:
    """Celery's next step after a failed connection (consumer.CONNECTION_RETRY_STEP and the like) in Dutch."""
    if stap == "Trying to reconnect...":
        return "opnieuw verbinden"
    gevonden = re.fullmatch(r"Trying again (?:in (?P<getal>[\d.]+) (?P<eenheid>second|minute|hour|day)s?|now)\.\.\. "
                            r"\((?P<poging>\d+)/(?P<van>\w+)\)", stap)
    if not gevonden:
        return None
    wanneer = "meteen"
    if gevonden["getal"]:
        wanneer = f"over {float(gevonden['getal']):g} {_EENHEDEN[gevonden['eenheid']]}"
    van = f" van {gevonden['van']}" if gevonden["van"].isdigit() else ""
    return f"opnieuw proberen {wanneer} (poging {gevonden['poging']}{van})"


def _status(status: str) -> str:
    """billiard's human_status ("signal 15 (SIGTERM)", "exitcode 1") in Dutch."""
    return re.sub(r"^exitcode ", "status ", re.sub(r"^signal ", "signaal ", status))


def _teruggegeven(tekst: str) -> int | None:
    """The number in kombu's RESTORING_FMT (unacknowledged messages given back when the channel closes)."""
    from kombu.transport.virtual.base import RESTORING_FMT

    voor, _, na = RESTORING_FMT.partition("{0!r}")
    gevonden = re.fullmatch(re.escape(voor) + r"(\d+)" + re.escape(na), tekst)
    return int(gevonden[1]) if gevonden else None


def richt_in(broker: str) -> None:
    """Before the worker is made: Dutch lines for Celery's log, its shutdown and its own terminal texts."""
    import celery.apps.worker
    from celery.signals import setup_logging, worker_shutting_down

    meldingen = Meldingen(broker)

    def logging_inrichten(**_) -> None:       # in place of Celery's own logging setup
        from celery.utils.log import get_multiprocessing_logger
        from celery.worker.consumer import connection
        from kombu.transport.virtual import base

        for logger, niveau in ((logging.getLogger(), logging.WARNING), (get_multiprocessing_logger(), logging.ERROR)):
            if not any(isinstance(h, Meldingen) for h in logger.handlers):     # billiard's does not propagate
                logger.addHandler(meldingen)
            logger.setLevel(niveau)
        for logger in (connection.logger, base.logger):     # their INFO lines: connected, messages given back
            logger.setLevel(logging.INFO)

    setup_logging.connect(logging_inrichten, weak=False)
    worker_shutting_down.connect(_stopt, weak=False)
    celery.apps.worker.safe_say = _zeg


def _stopt(sig: str, how: str, **_) -> None:
    from celery.worker import state

    teken = _TEKENS.get(sig, sig)
    bezig = len(state.active_requests)
    if how == "Cold":
        schrijf(f"stopt meteen ({teken}): de lopende reeksen worden afgebroken")
    elif bezig:         # made to the end, unless its pool process got the signal too (kill of the process group)
        schrijf(f"stopt ({teken}): neemt geen nieuwe reeksen meer aan; {_reeksen(bezig)} nog bezig")
    else:
        schrijf(f"stopt ({teken})")


def _zeg(tekst: str, f=None) -> None:
    """celery.apps.worker.safe_say in Dutch."""
    if tekst not in _STIL:
        schrijf(_GEZEGD.get(tekst) or f"melding van Celery: {tekst}")


@contextmanager
def bij_het_maken():
    """Around making the Celery worker: its warnings (Celery's SecurityWarning for root) as Dutch lines."""
    from celery.platforms import ASSUMING_ROOT, ROOT_DISCOURAGED

    with warnings.catch_warnings(record=True) as gevangen:
        warnings.simplefilter("always")
        yield
    for waarschuwing in gevangen:
        tekst = str(waarschuwing.message)
        if tekst.startswith(ROOT_DISCOURAGED.partition("{")[0]):
            wie = "als root" if 0 in (os.getuid(), os.geteuid()) else "in de groep sudo of wheel"
            schrijf(f"let op: de bulkwerker draait {wie}; start hem liever als een gewone gebruiker zonder "
                    "beheerrechten")
        elif tekst == ASSUMING_ROOT:
            schrijf("let op: de groep van deze gebruiker bestaat niet; Celery neemt aan dat de bulkwerker "
                    "beheerrechten heeft")
        else:
            schrijf(f"melding van Python: {waarschuwing.category.__name__}: {tekst}")
