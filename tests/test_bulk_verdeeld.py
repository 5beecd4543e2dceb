"""`sjabloon bulk` over more machines: the batches go through a real Redis to two `sjabloon bulk-werker` processes,
each with its own environment and folders (two machines). The same letters as the local pool; each row exactly
once when a worker or the run itself is killed; a worker with other content is refused; a worker that loses the
broker says so in Dutch and works on when it is back."""

import json
import logging
import os
import re
import shutil
import signal
import subprocess
import time
import uuid
from collections import Counter
from pathlib import Path

import pytest
from bulkdata import pdfs_van_de_run, schrijf_csv
from conftest import REPO, SJABLOON, docx_tekst, sjabloon_cli
from processen import met_merk, opdrachtregel, pdf_verplicht
from test_bulk import HERINNERING, _bulk, _csv, _elk_gestempeld, _journaalregels, _register, _zonder_stempel
from verdeeldhulp import Werkers, app, start_redis, stop_redis, vrije_poort

from generator.bulk.journaal import NAAM as JOURNAAL

WACHTTIJD = "5"         # seconds: a killed worker's batch is sent again (and redelivered by Redis) after this long


@pytest.fixture
def redis_server(tmp_path):
    """A Redis of this test only: its own port and folder, nothing saved; stopped at the end. A test may stop it and
    start it again on the same port: {"proces", "url", "poort"}."""
    if not shutil.which("redis-server"):
        reden = "redis-server ontbreekt (apt-get install redis-server; `make test` als root installeert het)"
        if os.environ.get("SJABLOON_REDIS_VERPLICHT") == "1":
            pytest.fail(f"Redis verplicht (SJABLOON_REDIS_VERPLICHT=1), maar {reden}")
        pytest.skip(reden)
    proces, url = start_redis(tmp_path / "redis")
    server = {"proces": proces, "url": url, "poort": int(url.rsplit(":", 1)[1].split("/")[0])}
    try:
        yield server
    finally:
        stop_redis(server["proces"])


@pytest.fixture
def broker(redis_server, monkeypatch):
    """The runs of this test use the Celery engine on that Redis."""
    url = redis_server["url"]
    for variabele, waarde in (("SJABLOON_BULK_MOTOR", "celery"), ("SJABLOON_BULK_BROKER", url),
                              ("SJABLOON_BULK_WACHTTIJD", WACHTTIJD)):
        monkeypatch.setenv(variabele, waarde)
    return url


@pytest.fixture
def werkers(broker, tmp_path):
    groep = Werkers(broker, tmp_path, WACHTTIJD)
    try:
        yield groep
    finally:
        groep.stop_alle()


def _taken_per_werker(url: str) -> dict:
    verbinding = app(url)
    try:
        return {knoop: sum((s.get("total") or {}).values())
                for knoop, s in (verbinding.control.inspect(timeout=2).stats() or {}).items()}
    finally:
        verbinding.close()


def _zonder_tijd(brief: Path) -> dict:
    """A letter's parts but its stamp and the moment it was made (docProps/core.xml created, modified)."""
    delen = _zonder_stempel(brief)
    kern = delen["docProps/core.xml"]
    delen["docProps/core.xml"] = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\1", kern)
    return delen


def _journaal(uit: Path) -> list[dict]:
    return [json.loads(r) for r in (uit / JOURNAAL).read_text(encoding="utf-8").splitlines()[1:]]


def _elke_rij_een_keer(uit: Path, aantal: int) -> None:
    sleutels = Counter(f"V-2023-{n:06d}" for n in range(1, aantal + 1))
    assert Counter(r["sleutel"] for r in _journaal(uit)) == sleutels
    manifest = _csv(uit / "manifest.csv")
    assert Counter(r["sleutel"] for r in manifest) == sleutels
    assert len(list(uit.glob("*.docx"))) == aantal and not list(uit.glob(".*.tmp"))
    geregistreerd = Counter(r["gegevens"]["bulk"]["sleutel"] for r in _register()
                            if r["gegevens"]["bulk"]["run"] == json.loads((uit / JOURNAAL).open().readline())["run"])
    assert geregistreerd == sleutels
    assert sjabloon_cli("register", "controleer").returncode == 0
    _elk_gestempeld(uit, manifest)


def test_two_workers_make_the_same_letters_as_the_local_pool(tmp_path, werkers, monkeypatch):
    aantal = 40                                     # three batches: each worker gets at least one
    data = schrijf_csv(tmp_path / "rijen.csv", aantal)
    namen = [werkers.start("machine-1"), werkers.start("machine-2")]
    verdeeld = _bulk(data, tmp_path / "verdeeld")
    assert verdeeld.returncode == 0, verdeeld.stderr
    assert f"{aantal} brieven gemaakt" in verdeeld.stdout
    gedaan = _taken_per_werker(werkers.url)
    assert all(gedaan.get(naam, 0) >= 1 for naam in namen), gedaan
    with monkeypatch.context() as m:
        m.setenv("SJABLOON_BULK_MOTOR", "lokaal")
        lokaal = _bulk(data, tmp_path / "lokaal")
    assert lokaal.returncode == 0, lokaal.stderr
    manifesten = {}
    for uit in ("verdeeld", "lokaal"):
        manifesten[uit] = sorted(_csv(tmp_path / uit / "manifest.csv"), key=lambda r: r["sleutel"])
        _elke_rij_een_keer(tmp_path / uit, aantal)
    zonder_hash = [{k: v for k, v in r.items() if k not in ("sha256", "registerregel")} for r in manifesten["lokaal"]]
    assert [{k: v for k, v in r.items() if k not in ("sha256", "registerregel")} for r in manifesten["verdeeld"]] \
        == zonder_hash
    for regel in manifesten["lokaal"]:
        verdeeld_brief, lokaal_brief = tmp_path / "verdeeld" / regel["bestand"], tmp_path / "lokaal" / regel["bestand"]
        assert _zonder_tijd(verdeeld_brief) == _zonder_tijd(lokaal_brief)
        assert docx_tekst(verdeeld_brief) == docx_tekst(lokaal_brief)
    per_run = Counter(r["gegevens"]["bulk"]["run"] for r in _register())
    assert sorted(per_run.values()) == [aantal, aantal]


def test_a_worker_killed_mid_batch_leaves_every_row_made_exactly_once(tmp_path, werkers):
    aantal = 64
    data, uit = schrijf_csv(tmp_path / "rijen.csv", aantal), tmp_path / "uit"
    slachtoffer = werkers.start("machine-1")
    werkers.start("machine-2")
    verbinding = app(werkers.url)
    run = subprocess.Popen(SJABLOON + ["bulk", HERINNERING, "--data", str(data), "--uit", str(uit), "--concept",
                                       "--datum", "2026-11-23"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True)
    try:
        einde = time.monotonic() + 120
        while not (verbinding.control.inspect(destination=[slachtoffer], timeout=0.5).active() or {}).get(slachtoffer):
            assert run.poll() is None and time.monotonic() < einde, "machine-1 kreeg geen reeks"
        werkers.dood("machine-1")                  # mid-batch: its batch is unacknowledged
        uitvoer, fout = run.communicate(timeout=240)
    finally:
        verbinding.close()
        if run.poll() is None:
            run.kill()
    assert run.returncode == 0, fout
    assert f"{aantal} brieven gemaakt" in uitvoer
    _elke_rij_een_keer(uit, aantal)


def _wacht_op(log: Path, patroon: str) -> None:
    einde = time.monotonic() + 60
    while not re.search(patroon, log.read_text(encoding="utf-8"), re.M):
        assert time.monotonic() < einde, f"{patroon!r} niet in:\n{log.read_text(encoding='utf-8')}"
        time.sleep(0.05)


def test_a_worker_that_loses_the_broker_says_so_in_dutch_and_works_on(tmp_path, redis_server, werkers):
    """Redis stops under a running worker and starts again on the same port: the worker says so in Dutch, one line
    with the time each, none of Celery's English texts, and makes a run's letters again."""
    werkers.start("machine-1")
    log = tmp_path / "machine-1" / "log"
    _wacht_op(log, r": verbonden met de broker redis://127\.0\.0\.1:\d+/0; wacht op reeksen$")
    stop_redis(redis_server["proces"])
    _wacht_op(log, r": verbinding met de broker redis://127\.0\.0\.1:\d+/0 verbroken")
    _wacht_op(log, r": de broker \S+ is niet bereikbaar \(verbinding geweigerd\); opnieuw proberen over 2 s "
                   r"\(poging 1 van 100\)$")
    redis_server["proces"], _ = start_redis(tmp_path / "redis", redis_server["poort"])
    _wacht_op(log, r": weer verbonden met de broker redis://127\.0\.0\.1:\d+/0$")
    data, uit = schrijf_csv(tmp_path / "rijen.csv", 4), tmp_path / "uit"
    uitslag = _bulk(data, uit)
    assert uitslag.returncode == 0, uitslag.stderr
    _elke_rij_een_keer(uit, 4)
    werkers.stop_alle()                                     # SIGTERM
    regels = log.read_text(encoding="utf-8").splitlines()
    assert regels[0].startswith("Bulkwerker start: broker ")
    assert all(re.match(r"bulkwerker \d\d:\d\d:\d\d: ", r) for r in regels[1:]), regels
    assert [r[21:] for r in regels[-2:]] == ["stopt (SIGTERM)", "gestopt"]
    tekst = "\n".join(regels)
    for engels in ("Connection to broker lost", "Cannot connect", "Trying again", "Warm shutdown", "superuser",
                   "melding van"):
        assert engels not in tekst
    assert ("let op: de bulkwerker draait als root;" in tekst) == (os.geteuid() == 0)


# Rows for a run that Redis stops under: the journal is first written after 2 s or 200 rows
# (generator.bulk.run.VASTLEGGEN_NA, VASTLEGGEN_PER), and the run must still be busy then. At 96 rows a worker was
# sometimes done by that time; at 320 the run ended soon after the first write, and on a faster machine the first
# write comes after 200 rows, leaving only 120.
HALVERWEGE = 800


def _run_tot_halverwege(werkers, tmp_path, aantal: int) -> tuple[subprocess.Popen, Path, Path]:
    """A run through one worker, once the journal holds its first rows."""
    data, uit = schrijf_csv(tmp_path / "rijen.csv", aantal), tmp_path / "uit"
    werkers.start("machine-1")
    run = subprocess.Popen(SJABLOON + ["bulk", HERINNERING, "--data", str(data), "--uit", str(uit), "--concept",
                                       "--datum", "2026-11-23"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True)
    einde = time.monotonic() + 120
    while _journaalregels(uit) < 16:
        assert run.poll() is None and time.monotonic() < einde, "de run kwam niet op gang"
        time.sleep(0.05)
    return run, data, uit


def _geen_engels(tekst: str) -> None:
    for engels in ("Traceback", "Error", "Connection", "Retry", "Trying"):
        assert engels not in tekst, tekst


def test_a_run_waits_for_a_broker_that_comes_back(tmp_path, redis_server, werkers):
    """Redis stops under a running run and comes back empty (it saves nothing) on the same port: the run says so in
    Dutch, sends again what Redis forgot, and finishes with every row once."""
    aantal = HALVERWEGE
    run, _, uit = _run_tot_halverwege(werkers, tmp_path, aantal)
    try:
        stop_redis(redis_server["proces"])
        time.sleep(2)
        redis_server["proces"], _ = start_redis(tmp_path / "redis", redis_server["poort"])
        uitvoer, fout = run.communicate(timeout=240)
    finally:
        if run.poll() is None:
            run.kill()
    assert run.returncode == 0, fout
    assert f"{aantal} brieven gemaakt" in uitvoer
    assert re.search(r"^bulkmotor celery: de broker redis://127\.0\.0\.1:\d+/0 is weg \(.*\); de run wacht hoogstens "
                     r"5 s tot hij terug is$", fout, re.M), fout
    assert "is terug; de run gaat verder" in fout
    _geen_engels(fout)
    _elke_rij_een_keer(uit, aantal)


def test_a_run_whose_broker_stays_away_stops_and_resumes_later(tmp_path, redis_server, werkers):
    aantal = HALVERWEGE
    run, data, uit = _run_tot_halverwege(werkers, tmp_path, aantal)
    try:
        stop_redis(redis_server["proces"])
        uitvoer, fout = run.communicate(timeout=120)
    finally:
        if run.poll() is None:
            run.kill()
    assert run.returncode == 1, fout
    assert "is al 5 s weg; de run is gestopt. Wat klaar was, is bewaard: start Redis en draai dezelfde opdracht " \
           "opnieuw." in fout
    _geen_engels(fout)
    gedaan = _journaalregels(uit)
    assert 16 <= gedaan < aantal
    redis_server["proces"], _ = start_redis(tmp_path / "redis", redis_server["poort"])
    _wacht_op(tmp_path / "machine-1" / "log", r": weer verbonden met de broker ")
    tweede = _bulk(data, uit)
    assert tweede.returncode == 0, tweede.stderr
    assert f"{aantal - gedaan} brieven gemaakt, {gedaan} al klaar" in tweede.stdout
    _elke_rij_een_keer(uit, aantal)


class _OpgegevenResultaten:
    """Celery's own result consumer (celery.backends.asynchronous) whose reconnect to Redis fails: it raises the
    RuntimeError 'The Celery application must be restarted' from the connection error."""

    def __init__(self, keer: int):
        from celery.backends.asynchronous import BaseResultConsumer
        from redis.exceptions import ConnectionError as VerbindingWeg

        class Consument(BaseResultConsumer):
            _connection_errors = (VerbindingWeg,)

            def __init__(self):             # no backend: only reconnect_on_error is used
                pass

            def _reconnect(self):
                raise VerbindingWeg("Error 111 connecting to 127.0.0.1:6379.") from ConnectionRefusedError(111, "")

        self.consument, self.keer, self.fout = Consument(), keer, VerbindingWeg

    def __call__(self):
        if self.keer == 0:
            return "klaar"
        self.keer -= 1
        with self.consument.reconnect_on_error():
            raise self.fout("Connection closed by server.")


def test_a_result_store_that_gives_up_reconnecting_is_the_broker_gone_too():
    """Under load, Celery's result store may give up its own reconnect before the run's wait is over (seen in
    make test): the run waits for Redis as for any broker error, goes on when it is back, stops in Dutch when it
    stays away; another RuntimeError is not taken for a lost broker."""
    from generator.bulk.storing import BulkGestopt
    from generator.bulk.verdeeld import Motor, _Geduld

    meldingen: list[str] = []
    motor = Motor("celery", "redis://127.0.0.1:6379/0", wachttijd=1)
    assert _Geduld(motor, meldingen.append).probeer(_OpgegevenResultaten(keer=2)) == "klaar"
    assert "is weg (verbinding geweigerd)" in meldingen[0] and "is terug; de run gaat verder" in meldingen[-1]
    with pytest.raises(BulkGestopt, match="is al 1 s weg; de run is gestopt. Wat klaar was, is bewaard"):
        _Geduld(motor, meldingen.append).probeer(_OpgegevenResultaten(keer=100))
    with pytest.raises(RuntimeError, match="iets anders"):
        _Geduld(motor, meldingen.append).probeer(lambda: (_ for _ in ()).throw(RuntimeError("iets anders")))


def test_a_broker_gone_while_tidying_is_said_before_it_is_back():
    """Redis may go away just while the run tidies up (forgets a result): the run says it is gone then, not only
    that it is back; and it tidies no more until the broker answers again."""
    from generator.bulk.verdeeld import Motor, _Geduld

    meldingen: list[str] = []
    geduld = _Geduld(Motor("celery", "redis://127.0.0.1:6379/0", wachttijd=1), meldingen.append)
    geduld.als_het_kan(_OpgegevenResultaten(keer=1))
    geduld.als_het_kan(lambda: meldingen.append("opgeruimd"))
    assert geduld.probeer(lambda: "klaar") == "klaar"
    assert len(meldingen) == 2, meldingen
    assert "is weg (" in meldingen[0] and meldingen[1].endswith("is terug; de run gaat verder")


def test_a_batch_that_failed_on_its_worker_stops_the_run_in_dutch(tmp_path, redis_server, monkeypatch):
    """A task that raised on its worker (not a stop the worker reports in its answer) stops the run, naming the rows.
    The real Celery result store on a real Redis; the worker is replaced by one that fails every task. The outcome is
    read before the result is forgotten: read after, it was PENDING (and with Redis gone at that moment, an English
    traceback, seen in CI)."""
    import datetime as dt

    from generator.bulk import verdeeld
    from generator.bulk.storing import BulkGestopt
    from generator.bulk.werker import Instellingen, Taak
    from generator.vullen.sjabloon import laad

    echte_app = verdeeld.maak_app

    def met_falende_werker(motor):
        celery = echte_app(motor)

        def send_task(naam, args, queue):
            taak = str(uuid.uuid4())
            celery.backend.mark_as_failure(taak, MemoryError("geheugen vol"))
            return celery.AsyncResult(taak)

        celery.send_task = send_task
        return celery

    monkeypatch.setattr(verdeeld, "maak_app", met_falende_werker)
    motor = verdeeld.Motor("celery", redis_server["url"], wachttijd=5)
    instellingen = Instellingen(laad(HERINNERING), None, dt.date(2026, 11, 23), tmp_path, True, False)
    reeks = [Taak(rij, f"V-{rij}", "0" * 64, {}) for rij in (2, 3)]
    with pytest.raises(BulkGestopt, match=r"^bulkwerker: onverwachte fout bij rij 2 tot 3: MemoryError\('geheugen "
                                          r"vol'\); de run is gestopt\. Wat klaar was, is bewaard"):
        list(verdeeld._verwerk(iter([reeks]), instellingen, motor, processen=1, run="r1"))


def test_ctrl_c_twice_says_each_step_once_in_dutch(tmp_path, werkers):
    """The first Ctrl-C: warm shutdown, and what a second one does; the second: cold shutdown, and what a third one
    does. Both hints once each (the second used to repeat the first)."""
    werkers.start("machine-1")
    log = tmp_path / "machine-1" / "log"
    pid = werkers.processen["machine-1"].pid
    os.kill(pid, signal.SIGINT)
    _wacht_op(log, r": stopt \(Ctrl-C\)$")
    os.kill(pid, signal.SIGINT)                         # while it is still stopping (an idle worker takes 1 to 2 s)
    _wacht_op(log, r": gestopt$")
    assert [r[21:] for r in log.read_text(encoding="utf-8").splitlines()[-5:]] == [
        "nogmaals Ctrl-C breekt de lopende reeksen af", "stopt (Ctrl-C)",
        "nogmaals Ctrl-C stopt de bulkwerker meteen, zonder op te ruimen",
        "stopt meteen (Ctrl-C): de lopende reeksen worden afgebroken", "gestopt"]


def test_an_unknown_celery_message_keeps_its_text_behind_a_dutch_prefix():
    from generator.bulk.werkermeldingen import Meldingen

    url = "redis://:geheim@127.0.0.1:6379/0"
    meldingen = Meldingen(url)

    def regel(niveau, tekst, *args):
        return meldingen.vertaal(logging.LogRecord("celery.worker.nieuw", niveau, __file__, 1, tekst, args, None))

    assert regel(logging.WARNING, "Something new at %s", url) == \
        "melding van Celery: Something new at redis://:**@127.0.0.1:6379/0"
    assert regel(logging.INFO, "Task %s received", "x") is None


def test_the_killed_run_resumes_through_the_workers(tmp_path, werkers):
    # the journal is written per 200 rows (or after 2 s): at 160 rows two workers had made every letter before the
    # first write, so the kill came too late (twice in two runs on a 2-core AMD EPYC)
    aantal = 640
    data, uit = schrijf_csv(tmp_path / "rijen.csv", aantal), tmp_path / "uit"
    werkers.start("machine-1")
    werkers.start("machine-2")
    run = subprocess.Popen(SJABLOON + ["bulk", HERINNERING, "--data", str(data), "--uit", str(uit), "--concept",
                                       "--datum", "2026-11-23"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    start = time.monotonic()
    while _journaalregels(uit) < 16 and run.poll() is None and time.monotonic() - start < 120:
        time.sleep(0.05)
    run.kill()
    run.wait()
    gedaan = _journaalregels(uit)
    assert 16 <= gedaan < aantal, "the run was not stopped halfway"
    tweede = _bulk(data, uit)
    assert tweede.returncode == 0, tweede.stderr
    assert f"{aantal - gedaan} brieven gemaakt, {gedaan} al klaar" in tweede.stdout
    _elke_rij_een_keer(uit, aantal)


def test_the_pdfs_come_back_from_the_worker_as_pdf_a(tmp_path, werkers):
    """The worker converts on its own machine and sends the PDF's bytes; the run writes them. Nothing of the
    letters stays in the worker's own folders."""
    pdf_verplicht()
    merk = f"SJABLOON_TESTRUN={uuid.uuid4().hex}"           # inherited by the worker's processes, LibreOffice too
    werkers.start("machine-1", SJABLOON_TESTRUN=merk.partition("=")[2])
    data, uit = schrijf_csv(tmp_path / "rijen.csv", 4), tmp_path / "uit"
    uitslag = _bulk(data, uit, "--pdf")
    assert uitslag.returncode == 0, uitslag.stderr
    assert any(b"soffice" in opdrachtregel(pid) for pid in met_merk(merk))    # the worker's own LibreOffice
    pdfs_van_de_run(uit, _csv(uit / "manifest.csv"), 4)   # PDF/A-2b as far as checkable, tagged, the row's text
    _elke_rij_een_keer(uit, 4)
    achtergebleven = [p for p in (tmp_path / "machine-1/tmp").rglob("*") if p.suffix in (".docx", ".pdf")]
    assert list((tmp_path / "machine-1/tmp").glob("sjabloon-bulkwerker-*"))       # where it made them
    assert not achtergebleven
    werkers.stop_alle()                                     # Ctrl-C of the worker stops its LibreOffice too
    einde = time.monotonic() + 20
    while met_merk(merk) and time.monotonic() < einde:
        time.sleep(0.1)
    assert not met_merk(merk)


def test_a_worker_with_other_content_is_refused(tmp_path, werkers):
    andere = tmp_path / "andere-content"
    shutil.copytree(REPO / "content", andere)
    beleid = andere / "beleid.yaml"
    beleid.write_text(beleid.read_text(encoding="utf-8") + "\n# een andere stand\n", encoding="utf-8")
    werkers.start("machine-1", SJABLOON_CONTENT=str(andere))
    data, uit = schrijf_csv(tmp_path / "rijen.csv", 8), tmp_path / "uit"
    geweigerd = _bulk(data, uit)
    assert geweigerd.returncode == 1
    assert "weigert de rijen: content/ (regels en woordenlijsten) van deze werker wijkt af van die van de run" \
        in geweigerd.stderr
    assert not list(uit.glob("*.docx")) and _journaalregels(uit) == 0
    werkers.stop_alle()
    werkers.start("machine-2")
    tweede = _bulk(data, uit)
    assert tweede.returncode == 0, tweede.stderr
    _elke_rij_een_keer(uit, 8)


def test_a_worker_for_one_gemeente_makes_only_that_gemeentes_runs(tmp_path, werkers):
    profiel = REPO / "content" / "gemeenten" / "rivierstad.yaml"
    werkers.start("machine-1", "--gemeente", str(profiel))
    data = schrijf_csv(tmp_path / "rijen.csv", 4)
    geweigerd = _bulk(data, tmp_path / "standaard")
    assert geweigerd.returncode == 1
    assert "weigert de rijen: het gemeenteprofiel van de run is niet het profiel dat deze werker met --gemeente " \
           "kreeg" in geweigerd.stderr
    assert not list((tmp_path / "standaard").glob("*.docx"))
    eigen = _bulk(data, tmp_path / "rivierstad", "--gemeente", str(profiel))
    assert eigen.returncode == 0, eigen.stderr
    _elke_rij_een_keer(tmp_path / "rivierstad", 4)


def test_without_a_worker_or_broker_the_run_writes_nothing(tmp_path, broker, monkeypatch):
    data, uit = schrijf_csv(tmp_path / "rijen.csv", 3), tmp_path / "uit"
    zonder = _bulk(data, uit)
    assert zonder.returncode == 2
    assert f"geen bulkwerker luistert op {broker}; start er een met: sjabloon bulk-werker --broker {broker}" \
        in zonder.stderr
    nergens = f"redis://:geheim@127.0.0.1:{vrije_poort()}/0"
    monkeypatch.setenv("SJABLOON_BULK_BROKER", nergens)
    onbereikbaar = _bulk(data, uit)
    assert onbereikbaar.returncode == 2 and "niet bereikbaar" in onbereikbaar.stderr
    assert "geheim" not in onbereikbaar.stderr
    assert not uit.exists()
    werker = sjabloon_cli("bulk-werker", "--broker", nergens)
    assert werker.returncode == 2 and "is niet bereikbaar" in werker.stderr and "geheim" not in werker.stderr


def test_the_engine_setting_is_checked(tmp_path, eigen_plaatsen):
    instellingen = eigen_plaatsen / "config/sjabloonstraat/instellingen.toml"
    instellingen.parent.mkdir(parents=True, exist_ok=True)
    data, uit = schrijf_csv(tmp_path / "rijen.csv", 2), tmp_path / "uit"
    instellingen.write_text('[bulk]\nmotor = "celery"\n', encoding="utf-8")
    uitslag = _bulk(data, uit)
    assert uitslag.returncode == 2
    assert f"bulkmotor celery heeft een broker nodig: zet broker = " in uitslag.stderr
    instellingen.write_text('[bulk]\nmotor = "dask"\nbroker = "http://x"\nwachtijd = 3\n', encoding="utf-8")
    uitslag = _bulk(data, uit)
    assert uitslag.returncode == 2
    assert f"{instellingen}: [bulk] motor: 'dask' is geen bulkmotor" in uitslag.stderr
    assert f"{instellingen}: [bulk] broker: 'http://x' is geen Redis-URL" in uitslag.stderr
    assert f"{instellingen}: [bulk] wachtijd: onbekende instelling" in uitslag.stderr
    assert not uit.exists()
