"""A Redis and `sjabloon bulk-werker` processes for one test or bench (tests/test_bulk_verdeeld.py,
bench/verdeeld.py): each on its own port and in its own folders, found again by their process id, never by name."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

SJABLOON = [str(Path(sys.executable).parent / "sjabloon")]


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_redis(map_: Path, poort: int | None = None) -> tuple[subprocess.Popen, str]:
    """A redis-server on a free port (or on `poort`, to start it again) that saves nothing (its folder `map_`), and
    its URL once it answers."""
    map_.mkdir(parents=True, exist_ok=True)
    poort = poort or vrije_poort()
    proces = subprocess.Popen(["redis-server", "--port", str(poort), "--bind", "127.0.0.1", "--save", "",
                               "--appendonly", "no", "--dir", str(map_)], stdout=subprocess.DEVNULL)
    einde = time.monotonic() + 20
    while True:
        try:
            with socket.create_connection(("127.0.0.1", poort), timeout=1) as s:
                s.sendall(b"PING\r\n")
                if s.recv(16).startswith(b"+PONG"):
                    return proces, f"redis://127.0.0.1:{poort}/0"
        except OSError:
            pass
        if proces.poll() is not None or time.monotonic() > einde:
            stop_redis(proces)
            raise RuntimeError("redis-server start niet")
        time.sleep(0.05)


def stop_redis(proces: subprocess.Popen) -> None:
    proces.terminate()
    try:
        proces.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proces.kill()
        proces.wait()


def app(url: str):
    from generator.bulk.verdeeld import Motor, maak_app
    return maak_app(Motor("celery", url, 5))


class Werkers:
    """`sjabloon bulk-werker` processes, each a machine of its own: its own home, settings, register and temporary
    folders (no access to the run's), in its own process group so killing it kills its pool too."""

    def __init__(self, url: str, map_: Path, wachttijd: str | None = None):
        self.url, self.map, self.wachttijd, self.processen = url, map_, wachttijd, {}

    def start(self, naam: str, *argumenten: str, **omgeving) -> str:
        """Start one (with these extra command-line arguments) and wait until it answers on the broker; its node
        name."""
        thuis = self.map / naam
        env = {k: v for k, v in os.environ.items() if not k.startswith(("SJABLOON_", "XDG_"))}
        env |= {"XDG_CONFIG_HOME": str(thuis / "config"), "XDG_DATA_HOME": str(thuis / "data"),
                "XDG_RUNTIME_DIR": str(thuis / "run"), "TMPDIR": str(thuis / "tmp"), "HOME": str(thuis),
                "SJABLOON_CONTROLEDIENST": "uit", **omgeving}
        if self.wachttijd:
            env["SJABLOON_BULK_WACHTTIJD"] = self.wachttijd
        (thuis / "tmp").mkdir(parents=True)
        with open(thuis / "log", "w") as log:
            proces = subprocess.Popen(SJABLOON + ["bulk-werker", "--broker", self.url, *argumenten], env=env, cwd=thuis,
                                      stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        self.processen[naam] = proces
        knoop = f"bulkwerker-{proces.pid}@{socket.gethostname()}"
        verbinding = app(self.url)
        try:
            einde = time.monotonic() + 90
            while not verbinding.control.ping(destination=[knoop], timeout=0.5):
                if proces.poll() is not None or time.monotonic() > einde:
                    raise RuntimeError(f"de bulkwerker {naam} meldt zich niet: {(thuis / 'log').read_text()}")
        finally:
            verbinding.close()
        return knoop

    def dood(self, naam: str) -> None:
        """kill -9 of the machine: the worker and its pool processes at once."""
        proces = self.processen.pop(naam)
        os.killpg(proces.pid, signal.SIGKILL)
        proces.wait()

    def stop_alle(self) -> None:
        for naam in list(self.processen):
            proces = self.processen.pop(naam)
            try:
                os.killpg(proces.pid, signal.SIGTERM)
                proces.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proces.kill()
                proces.wait()
            except ProcessLookupError:
                proces.wait()
            try:                                    # pool processes a worker left behind
                os.killpg(proces.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
