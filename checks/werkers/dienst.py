"""The check service: one resident process on this computer that keeps the language model loaded, so that a
command such as `sjabloon genereer` gets its Awb and B1 checks in a fraction of a second instead of loading the model
itself (about 1.5 s). The first command that finds no service starts one in the background and checks on its own;
the service stops by itself after a quiet period.

Only this user can reach it: its socket, key and lock live in a folder only the user may open (mode 0700), and a
client must prove the key (multiprocessing.connection's HMAC challenge) before anything is read. Its answers are
the same as the asking process would compute: each request carries the asker's content stand() (the service takes
it over) and a fingerprint of the check code and model (a service started from other code or another model stops
and the asker checks on its own). Whatever goes wrong with the service, the asker checks on its own."""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import hashlib
import os
import secrets
import stat
import subprocess
import sys
import threading
import time
import warnings
from multiprocessing.connection import AuthenticationError, Client, Listener
from pathlib import Path

STOP_NA = 1800.0         # seconds without a request after which the service stops
WACHTTIJD = 30.0         # seconds the asker waits for an answer before checking on its own
CODE = Path(__file__).resolve().parent.parent       # checks/: the code whose answers the service gives


def map_() -> Path:
    """SJABLOON_CONTROLEDIENST_MAP, else the user's runtime folder (platformdirs)."""
    if eigen := os.environ.get("SJABLOON_CONTROLEDIENST_MAP"):
        return Path(eigen)
    import platformdirs
    with warnings.catch_warnings():         # no XDG_RUNTIME_DIR: platformdirs warns and uses /tmp/runtime-UID
        warnings.simplefilter("ignore")
        return Path(platformdirs.user_runtime_dir("sjabloonstraat"))


def aan() -> bool:
    """SJABLOON_CONTROLEDIENST=uit keeps every check in the asking process."""
    return os.environ.get("SJABLOON_CONTROLEDIENST", "auto").strip().lower() not in {"uit", "0", "nee", "off"}


def vingerafdruk() -> str:
    """The check code, the Python and the model: a service from another version would give other answers."""
    from checks.b1.taalmodel import MODEL
    delen = [sys.executable, os.environ.get("SJABLOON_MODEL", str(MODEL))]
    for pad in sorted(CODE.rglob("*.py")):
        gegevens = pad.stat()
        delen.append(f"{pad}:{gegevens.st_mtime_ns}:{gegevens.st_size}")
    return hashlib.sha256("\n".join(delen).encode()).hexdigest()


def _eigen_map(pad: Path) -> bool:
    """The folder exists, is ours and nobody else may enter it (else: no service, never a shared one)."""
    try:
        pad.mkdir(mode=0o700, parents=True, exist_ok=True)
        gegevens = pad.stat()
    except OSError:
        return False
    return gegevens.st_uid == os.getuid() and not gegevens.st_mode & (stat.S_IRWXG | stat.S_IRWXO)


def _sleutel(pad: Path, maken: bool) -> bytes | None:
    bestand = pad / "sleutel"
    if maken and not bestand.exists():
        nieuw = pad / f"sleutel.{os.getpid()}"
        with open(os.open(nieuw, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as uit:
            uit.write(secrets.token_bytes(32))
        os.replace(nieuw, bestand)
    try:
        return bestand.read_bytes()
    except OSError:
        return None


class Dienst:
    """The asking side: voer_uit() asks the service, and gives None when it cannot (the caller then checks itself)."""

    def __init__(self, pad: Path | None = None, starten: bool = True):
        self.pad = pad or map_()
        self.starten = starten
        self._code = None

    def voer_uit(self, naam: str, stand: dict, *argumenten):
        from checks.werkers import taken
        antwoord = self.vraag(naam, stand, *argumenten)
        return antwoord[1] if antwoord else taken.TAKEN[naam](None, *argumenten)

    def vraag(self, naam: str, stand: dict, *argumenten) -> tuple[str, object] | None:
        if not _eigen_map(self.pad) or (sleutel := _sleutel(self.pad, maken=False)) is None:
            self.start()
            return None
        self._code = self._code or vingerafdruk()
        verzoek = {"code": self._code, "taak": naam, "stand": stand, "argumenten": argumenten}
        antwoord: list = []
        # In a thread, so that a service that hangs (even before it accepts: connecting and the key exchange have no
        # time limit of their own) costs the asker WACHTTIJD at most.
        gesprek = threading.Thread(target=self._gesprek, args=(sleutel, verzoek, antwoord), daemon=True)
        gesprek.start()
        gesprek.join(WACHTTIJD)
        if not antwoord:
            return None
        soort, uitkomst = antwoord[0]
        if soort in ("geen", "verouderd"):
            self.start()                     # none running, a stale socket, or other code: a new one for next time
        return (soort, uitkomst) if soort == "ok" else None

    def _gesprek(self, sleutel: bytes, verzoek: dict, antwoord: list) -> None:
        try:
            with Client(str(self.pad / "dienst.sock"), "AF_UNIX", authkey=sleutel) as verbinding:
                verbinding.send(verzoek)
                antwoord.append(verbinding.recv())
        except (OSError, EOFError, AuthenticationError):
            antwoord.append(("geen", None))

    def start(self) -> None:
        """Start a service in the background (it exits at once when another one holds the lock)."""
        if not self.starten or not _eigen_map(self.pad):
            return
        with open(self.pad / "dienst.log", "ab") as log:
            subprocess.Popen([sys.executable, "-m", "checks.werkers.dienst", "--map", str(self.pad)],
                             stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True,
                             cwd=self.pad, close_fds=True)

    def status(self) -> dict | None:
        """pid, start time, requests served and whether it runs this code, of the running service; or None (none is
        started for asking)."""
        antwoord = Dienst(self.pad, starten=False).vraag("status", {})
        return antwoord[1] if antwoord else None

    def stop(self) -> bool:
        """Ask the running service to stop; False when none ran."""
        return Dienst(self.pad, starten=False).vraag("stop", {}) is not None


def dien(pad: Path, stop_na: float = STOP_NA) -> int:
    """Serve requests one at a time until `stop_na` seconds pass without one, or a client asks to stop."""
    if not _eigen_map(pad):
        print(f"{pad}: deze map is niet alleen van deze gebruiker; de controledienst start niet", file=sys.stderr)
        return 2
    slot = open(pad / "dienst.lock", "w")
    try:
        fcntl.flock(slot, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return 0                             # another service runs
    from checks.werkers import taken
    sleutel = _sleutel(pad, maken=True)
    adres = pad / "dienst.sock"
    with contextlib.suppress(FileNotFoundError):
        adres.unlink()
    code = vingerafdruk()
    begin = time.time()
    laatste = [time.monotonic()]
    verzoeken = 0

    def bewaak():
        while time.monotonic() - laatste[0] < stop_na:
            time.sleep(min(5.0, stop_na / 4))
        _stop(adres)

    oude_umask = os.umask(0o177)             # the socket itself: only this user (the folder already is)
    try:
        luisteraar = Listener(str(adres), "AF_UNIX", authkey=sleutel)
    finally:
        os.umask(oude_umask)
    threading.Thread(target=bewaak, daemon=True).start()
    taken.warm()
    while True:
        try:
            verbinding = luisteraar.accept()
        except (AuthenticationError, OSError, EOFError):
            continue
        laatste[0] = time.monotonic()
        with verbinding:
            try:
                verzoek = verbinding.recv()
                if verzoek["taak"] == "stop":
                    verbinding.send(("ok", None))
                    _stop(adres)
                if verzoek["taak"] == "status":
                    verbinding.send(("ok", {"pid": os.getpid(), "sinds": begin, "verzoeken": verzoeken,
                                           "actueel": verzoek["code"] == code}))
                elif verzoek["code"] != code:
                    verbinding.send(("verouderd", None))
                    _stop(adres)
                else:
                    verzoeken += 1
                    verbinding.send(("ok", taken.TAKEN[verzoek["taak"]](verzoek["stand"], *verzoek["argumenten"])))
            except Exception as fout:        # the asker checks on its own and meets the same error there
                with contextlib.suppress(OSError):
                    verbinding.send(("fout", f"{type(fout).__name__}: {fout}"))
        laatste[0] = time.monotonic()


def _stop(adres: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        adres.unlink()
    os._exit(0)


if __name__ == "__main__":
    argumenten = argparse.ArgumentParser(description="De controledienst van Sjabloonstraat (start vanzelf).")
    argumenten.add_argument("--map", type=Path, default=None)
    argumenten.add_argument("--stop-na", type=float,
                            default=float(os.environ.get("SJABLOON_CONTROLEDIENST_STOP_NA", STOP_NA)))
    opties = argumenten.parse_args()
    sys.exit(dien(opties.map or map_(), opties.stop_na))
