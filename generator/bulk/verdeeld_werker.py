"""`sjabloon bulk-werker`: a Celery worker that makes the letters of row batches sent by a bulk run on any machine
(generator/bulk/verdeeld.py). It makes them as a local worker does (generator/bulk/werker.py), in a folder of its
own, and returns each letter's bytes (and its PDF's) instead of leaving them: the run writes them."""

from __future__ import annotations

import datetime as dt
import shutil
import socket
import tempfile
from pathlib import Path

from generator.bulk.verdeeld import ONDERDELEN, TAAK, WACHTRIJ, Motor, eis_broker, maak_app, stand
from generator.bulk.werker import Instellingen, Taak, Werker

_huidig: tuple | None = None            # (key of the run's settings, Werker, its folder): one per worker process
_alleen_gemeente: str | None = None     # SHA-256 of the profile given with --gemeente: only runs with that one


def maak_reeks(opdracht: dict) -> dict:
    """The task: {"run", "resultaten": [[journal line, register data, {file name: bytes}], ...], "stop"}; or
    {"geweigerd", "werker"} when this worker's template, content/, gemeente profile or code differ from the run's."""
    werker = _werker(opdracht)
    if isinstance(werker, str):
        return {"run": opdracht["run"], "geweigerd": werker, "werker": socket.gethostname()}
    resultaten, stop = [], None
    try:
        for regel, gegevens in werker.maak_reeks([Taak(**taak) for taak in opdracht["taken"]]):
            bestanden = {}
            for sleutel in ("bestand", "pdf"):
                if naam := regel.get(sleutel):
                    pad = werker.i.uit / naam
                    bestanden[naam] = pad.read_bytes()
                    pad.unlink()
            resultaten.append([regel, gegevens, bestanden])
    except Exception as fout:           # a full disk here, LibreOffice that will not start: the run stops
        stop = f"bulkwerker {socket.gethostname()}: {getattr(fout, 'melding', None) or fout}"
    return {"run": opdracht["run"], "resultaten": resultaten, "stop": stop}


def _werker(opdracht: dict) -> Werker | str:
    """This process's Werker for the run's settings (made once per run), or why this worker refuses the run."""
    global _huidig
    sleutel = repr({k: v for k, v in opdracht.items() if k != "taken"})
    if _huidig and _huidig[0] == sleutel:
        return _huidig[1]
    _sluit()
    if _alleen_gemeente and opdracht["stand"]["gemeente"] != _alleen_gemeente:
        return "het gemeenteprofiel van de run is niet het profiel dat deze werker met --gemeente kreeg"
    from generator.vullen.fouten import InvoerFout
    from generator.vullen.sjabloon import laad

    map_ = Path(tempfile.mkdtemp(prefix="sjabloon-bulkwerker-"))
    gemeente_pad = None
    if opdracht["gemeente"] is not None:
        gemeente_pad = map_ / ".gemeente.yaml"
        gemeente_pad.write_bytes(opdracht["gemeente"])
    try:
        sjabloon = laad(opdracht["sjabloon"])
        eigen = stand(sjabloon, gemeente_pad)
    except (InvoerFout, OSError) as fout:
        shutil.rmtree(map_, ignore_errors=True)
        return f"sjabloon {opdracht['sjabloon']} is hier niet te laden ({fout})"
    if verschil := [ONDERDELEN[k] for k, v in opdracht["stand"].items() if eigen.get(k) != v]:
        shutil.rmtree(map_, ignore_errors=True)
        werkwoord = "wijkt" if len(verschil) == 1 else "wijken"
        return f"{' en '.join(verschil)} van deze werker {werkwoord} af van die van de run"
    werker = Werker(Instellingen(sjabloon, gemeente_pad, dt.date.fromisoformat(opdracht["dagtekening"]), map_,
                                 opdracht["concept"], opdracht["pdf"], opdracht["pdf_timeout"]))
    _huidig = sleutel, werker, map_
    return werker


def _sluit(**_) -> None:
    global _huidig
    if _huidig:
        _, werker, map_ = _huidig
        _huidig = None
        werker.sluit()                  # its LibreOffice
        shutil.rmtree(map_, ignore_errors=True)


def start(broker: str, gelijktijdig: int, wachttijd: float, gemeente_pad: Path | None = None) -> int:
    """Run the worker until Ctrl-C or SIGTERM; its exit status. InvoerFout when the broker does not answer at the
    start (later, Celery reconnects by itself). With `gemeente_pad` it makes only the rows of runs with that profile
    (the profile itself always comes with the run's task)."""
    import hashlib
    import os

    global _alleen_gemeente
    if gemeente_pad:
        _alleen_gemeente = hashlib.sha256(Path(gemeente_pad).read_bytes()).hexdigest()

    from celery.signals import worker_process_shutdown

    from generator.bulk import werkermeldingen

    motor = Motor("celery", broker, wachttijd)
    app = maak_app(motor)
    eis_broker(app, motor)
    app.task(name=TAAK)(maak_reeks)
    worker_process_shutdown.connect(_sluit, weak=False)
    werkermeldingen.richt_in(broker)
    with werkermeldingen.bij_het_maken():
        werker = app.Worker(hostname=f"bulkwerker-{os.getpid()}@{socket.gethostname()}", concurrency=gelijktijdig,
                            pool_cls="prefork", queues=[WACHTRIJ], loglevel="WARNING", quiet=True,
                            without_gossip=True, without_mingle=True, optimization="fair")
    werker.start()
    werkermeldingen.schrijf("gestopt")
    return werker.exitcode or 0
