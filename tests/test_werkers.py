"""Where the checks run: in threads of one process, in worker processes (the web app) and in the resident check
service (the command line) they give the answers this process would give, with this process's content."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import AuthenticationError, Client

import pytest
from aanmelden import meld_aan
from fastapi.testclient import TestClient

from checks import werkers
from checks.b1.taalmodel import MODEL
from checks.content import gebruik_aanpassingen, stand
from checks.document import lees_tekst
from checks.werkers import taken
from checks.werkers.dienst import Dienst, dien
from checks.werkers.pool import Werkers
from web.app import maak_app

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AMBTELIJK = ("Wij hebben uw aanvraag voor een vergunning op 3 november ontvangen. Indien u nog vragen heeft over "
             "deze aanvraag, dan kunt u ons bellen. Wij nemen binnen acht weken een besluit over uw aanvraag.")
ZONDER_AMBTELIJK = {"b1/ambtelijk.yaml": {"woorden": []}}


def _brief(tekst: str = AMBTELIJK):
    return lees_tekst(tekst, "brief.txt")


def _regels(rapport) -> set[str]:
    return {p.regel for z in rapport.zinnen for p in z.problemen}


@pytest.fixture
def hier():
    """The checks in this process afterwards, whatever a test set."""
    yield
    werkers.gebruik(None)
    gebruik_aanpassingen(None)


def test_threads_of_one_process_check_side_by_side_without_errors(hier):
    # 200 letters at once from 16 threads: one model shared by threads gave spaCy error E018 (issue 23)
    documenten = [_brief(f"Wij hebben de aanvraag Z-{i}-{i * 7} van mevrouw Pietersen{i} ontvangen. U krijgt binnen "
                         f"acht weken een besluit over de vergunning voor de Kerkstraat {i}.") for i in range(200)]
    with ThreadPoolExecutor(16) as pool:
        rapporten = list(pool.map(werkers.controleer_b1, documenten))
    assert [r.as_json() for r in rapporten[:3]] == [werkers.controleer_b1(d).as_json() for d in documenten[:3]]


def test_worker_processes_answer_as_this_process_with_its_adjustments_and_survive_a_killed_worker(hier):
    pool = Werkers(2)
    try:
        werkers.gebruik(pool)
        document = _brief()
        daar = werkers.controleer_b1(document)
        assert daar.as_json() == taken.b1(None, document).as_json()
        assert "ambtelijk_woord" in _regels(daar)
        gebruik_aanpassingen(ZONDER_AMBTELIJK)         # a gemeente without the word list: the workers follow
        zonder = werkers.controleer_b1(document)
        assert "ambtelijk_woord" not in _regels(zonder)
        assert zonder.as_json() == taken.b1(None, document).as_json()
        awb, b1 = werkers.controleer_awb_b1(document, "brief")
        assert b1.as_json() == zonder.as_json() and awb.bestand == "brief.txt"
        for proces in list(pool._pool._processes.values()):       # a worker killed (out of memory, an operator)
            proces.kill()
            proces.join()
        assert werkers.controleer_b1(document).as_json() == zonder.as_json()
    finally:
        pool.stop()


def test_the_web_app_with_worker_processes_answers_requests_at_the_same_moment(hier):
    with TestClient(maak_app(werkers=2)) as client:
        meld_aan(client)
        teksten = [f"Wij hebben uw brief van {d} november gekregen. U hoort binnen twee weken van ons." for d in range(1, 25)]
        with ThreadPoolExecutor(12) as pool:
            antwoorden = list(pool.map(lambda t: client.post("/api/b1", json={"tekst": t}), teksten))
    assert [a.status_code for a in antwoorden] == [200] * len(teksten)
    assert antwoorden[0].json()["zinnen"] == taken.b1(None, lees_tekst(teksten[0], "brief.txt")).as_json()["zinnen"]


@pytest.fixture
def dienstmap(tmp_path):
    map_ = tmp_path / "d"
    assert len(str(map_ / "dienst.sock")) < 100           # a Unix socket's path is short
    yield map_
    Dienst(map_, starten=False).stop()


def _wacht_op(dienst: Dienst, anders_dan: int | None = None) -> dict:
    einde = time.monotonic() + 90
    while time.monotonic() < einde:
        if (status := dienst.status()) is not None and status["pid"] != anders_dan:
            return status
        time.sleep(0.3)
    raise AssertionError(f"de controledienst kwam niet: {(dienst.pad / 'dienst.log').read_text()}")


def test_the_service_answers_as_this_process_would_and_follows_a_changed_word_list(dienstmap, content_kopie, hier):
    dienst = Dienst(dienstmap)
    dienst.start()
    _wacht_op(dienst)
    assert oct(dienstmap.stat().st_mode & 0o777) == "0o700" and (dienstmap / "sleutel").stat().st_mode & 0o077 == 0
    document = _brief()
    soort, daar = dienst.vraag("b1", stand(), document)
    assert soort == "ok" and daar.as_json() == taken.b1(stand(), document).as_json()
    assert "ambtelijk_woord" in _regels(daar)
    lijst = content_kopie / "b1" / "ambtelijk.yaml"       # a KCC writer edits the word list while the service runs
    lijst.write_text(lijst.read_text(encoding="utf-8").replace('{woord: "indien", ', '{woord: "indien-niet", '),
                     encoding="utf-8")
    _, na = dienst.vraag("b1", stand(), document)
    assert na.as_json() == taken.b1(stand(), document).as_json()
    assert "ambtelijk_woord" not in _regels(na)


def test_a_service_of_another_model_stops_and_the_asker_checks_itself(dienstmap, monkeypatch, hier):
    monkeypatch.setenv("SJABLOON_MODEL", f"{MODEL}/.")      # the same model, named otherwise: another fingerprint
    dienst = Dienst(dienstmap)
    dienst.start()
    oud = _wacht_op(dienst)["pid"]
    monkeypatch.delenv("SJABLOON_MODEL")
    document = _brief()
    assert dienst.vraag("b1", stand(), document) is None
    assert dienst.voer_uit("b1", stand(), document).as_json() == taken.b1(None, document).as_json()
    assert _wacht_op(dienst, anders_dan=oud)["pid"] != oud      # the asker started a service of its own code


def test_a_client_without_the_key_is_refused_and_the_service_stays(dienstmap, hier):
    dienst = Dienst(dienstmap)
    dienst.start()
    pid = _wacht_op(dienst)["pid"]
    with pytest.raises((AuthenticationError, EOFError, ConnectionError)):
        with Client(str(dienstmap / "dienst.sock"), "AF_UNIX", authkey=b"geraden" * 4) as verbinding:
            verbinding.send({"taak": "stop"})
    assert dienst.status()["pid"] == pid


def test_no_service_in_a_folder_others_may_enter(tmp_path, capsys, hier):
    gedeeld = tmp_path / "gedeeld"
    gedeeld.mkdir(mode=0o755)
    gedeeld.chmod(0o755)
    assert dien(gedeeld, stop_na=1) == 2
    assert "niet alleen van deze gebruiker" in capsys.readouterr().err
    dienst = Dienst(gedeeld)
    assert dienst.voer_uit("b1", stand(), _brief()).as_json() == taken.b1(None, _brief()).as_json()
    assert not (gedeeld / "dienst.sock").exists() and not (gedeeld / "dienst.log").exists()


def test_an_idle_service_stops_by_itself(dienstmap):
    proces = subprocess.Popen([sys.executable, "-m", "checks.werkers.dienst", "--map", str(dienstmap), "--stop-na", "2"],
                              cwd=REPO)
    assert proces.wait(timeout=120) == 0
    assert not (dienstmap / "dienst.sock").exists()


def test_genereer_starts_the_service_and_the_next_genereer_uses_it(dienstmap, tmp_path):
    omgeving = dict(os.environ, SJABLOON_CONTROLEDIENST="auto", SJABLOON_CONTROLEDIENST_MAP=str(dienstmap))
    sjabloon = [sys.executable, "-c", "import sys; from cli.sjabloon import main; sys.exit(main())"]
    genereer = [*sjabloon, "genereer", "ontvangstbevestiging-aanvraag", "--concept", "--uit", str(tmp_path / "uit"),
                "--zaak", os.path.join(REPO, "templates", "ontvangstbevestiging-aanvraag", "voorbeeld.yaml")]
    eerste = subprocess.run(genereer, env=omgeving, capture_output=True, text=True, cwd=tmp_path)
    assert eerste.returncode == 0, eerste.stderr
    start = subprocess.run([*sjabloon, "controledienst", "start"], env=omgeving, capture_output=True, text=True)
    assert start.stdout.strip() == "De controledienst draait.", start.stderr
    voor = Dienst(dienstmap).status()["verzoeken"]
    tweede = subprocess.run(genereer, env=omgeving, capture_output=True, text=True, cwd=tmp_path)
    assert tweede.returncode == 0 and tweede.stderr == eerste.stderr and tweede.stdout == eerste.stdout
    assert Dienst(dienstmap).status()["verzoeken"] == voor + 1
    stop = subprocess.run([*sjabloon, "controledienst", "stop"], env=omgeving, capture_output=True, text=True)
    assert stop.stdout.strip() == "De controledienst is gestopt."
    status = subprocess.run([*sjabloon, "controledienst", "status"], env=omgeving, capture_output=True, text=True)
    assert status.returncode == 1 and status.stdout.strip() == "De controledienst draait niet."


def test_a_service_that_hangs_costs_the_asker_the_waiting_time_only(dienstmap, monkeypatch, hier):
    import socket

    from checks.werkers import dienst as dienstmodule
    dienstmap.mkdir(mode=0o700)
    (dienstmap / "sleutel").write_bytes(b"s" * 32)
    (dienstmap / "sleutel").chmod(0o600)
    hangt = socket.socket(socket.AF_UNIX)              # listens, never accepts: a service stuck in a long check
    hangt.bind(str(dienstmap / "dienst.sock"))
    hangt.listen()
    monkeypatch.setattr(dienstmodule, "WACHTTIJD", 1.0)
    begin = time.monotonic()
    document = _brief()
    assert Dienst(dienstmap, starten=False).voer_uit("b1", stand(), document).as_json() == taken.b1(None, document).as_json()
    assert time.monotonic() - begin < 60
    hangt.close()
