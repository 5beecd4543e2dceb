"""The journal of a bulk run: which rows are finished, kept in the output folder, so a run that stopped (crash,
Ctrl-C, power cut) goes on where it was and makes no letter twice.

A JSON Lines file: the first line says what the run is (template, version, dagtekening, ...), then one line per
finished row, written once its file is complete on disk, before its register entry is made. A line cut off by a
crash is ignored and overwritten.

Beside it, the stamps: per letter recorded in the register, its entry's number and the SHA-256 of the letter as
stamped with it (generator/vrijgave/register/stempel.py). A letter is stamped only after its journal line is
written, so the stamp is a second line; it goes in its own file, so the journal keeps one line per row.
`regels()` gives each row with the SHA-256 of its stamped file."""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

from generator.vullen.fouten import InvoerFout

NAAM = ".sjabloon-bulk-journaal.jsonl"
STEMPELS = ".sjabloon-bulk-stempels.jsonl"


class Journaal:
    def __init__(self, map_: Path, kenmerk: dict, dagtekening: str | None):
        """Open the journal in `map_`, or start one. `kenmerk` must match the one of an earlier run in this folder;
        `dagtekening` None takes the earlier run's (a resumed run keeps the date its first letters carry)."""
        self.pad = Path(map_) / NAAM
        self.stempelpad = Path(map_) / STEMPELS
        self.klaar: dict[str, tuple[str, str]] = {}   # of earlier runs: sleutel -> (hash of the row's data, status)
        if self.pad.exists():
            kop = self._lees()
            verschil = [f"{k}: eerder {kop['kenmerk'].get(k)!r}, nu {v!r}" for k, v in kenmerk.items()
                        if kop["kenmerk"].get(k) != v]
            if dagtekening and dagtekening != kop["dagtekening"]:
                verschil.append(f"dagtekening: eerder {kop['dagtekening']}, nu {dagtekening}")
            if verschil:
                raise InvoerFout([f"{map_}: deze map hoort bij een andere bulkrun; kies een andere map met --uit, "
                                  "of draai de opdracht zoals eerst"] + [f"  {v}" for v in verschil])
            self.run, self.dagtekening = kop["run"], kop["dagtekening"]
            if self.stempelpad.exists():
                for _ in _geldige_regels(self.stempelpad):
                    pass
        else:
            self.stempelpad.unlink(missing_ok=True)       # of a journal that was removed to start again
            if not dagtekening:
                raise ValueError("een nieuwe bulkrun heeft een dagtekening nodig")
            self.run, self.dagtekening = uuid.uuid4().hex, dagtekening
            try:
                self._voeg_toe([{"run": self.run, "kenmerk": kenmerk, "dagtekening": dagtekening}])
            except BaseException:             # a half header (full disk) would make the folder unusable
                self.pad.unlink(missing_ok=True)
                raise

    def _lees(self) -> dict:
        """Read the header and the finished rows; cut off a last line that a crash left half written."""
        kop = None
        for gegevens in _geldige_regels(self.pad):
            if kop is None:
                kop = gegevens
            else:
                self.klaar[gegevens["sleutel"]] = (gegevens["gegevens_hash"], gegevens["status"])
        if kop is None:
            raise InvoerFout(f"{self.pad}: het journaal van de vorige run is onleesbaar; verwijder het om opnieuw te beginnen")
        return kop

    def schrijf(self, regels: list[dict]) -> None:
        """Record finished rows; on disk (fsync) before this returns. `klaar` keeps only the rows of earlier runs
        (a row of this run does not come again), so a long run does not grow in memory."""
        self._voeg_toe(regels)

    def schrijf_stempels(self, stempels: list[dict]) -> None:
        """Record letters stamped with their register entry: {"sleutel", "ongestempeld" (the SHA-256 in the
        journal line), "sha256" (of the stamped file), "registerregel"}; on disk before this returns."""
        self._voeg_toe(stempels, self.stempelpad)

    def _voeg_toe(self, regels: list[dict], pad: Path | None = None) -> None:
        with (pad or self.pad).open("a", encoding="utf-8") as bestand:
            bestand.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in regels))
            bestand.flush()
            os.fsync(bestand.fileno())

    def regels(self) -> Iterator[dict]:
        """The finished rows in the order they were finished, read from disk (not kept in memory); a stamped letter
        with the SHA-256 of its stamped file and its "registerregel"."""
        with _Stempels(self.stempelpad) as gestempeld:
            with self.pad.open(encoding="utf-8") as bestand:
                next(bestand)
                for regel in map(json.loads, bestand):
                    if stempel := gestempeld.zoek(regel["sleutel"], regel.get("sha256")):
                        regel |= {"sha256": stempel[0], "registerregel": stempel[1]}
                    yield regel


class _Stempels:
    """The stamps file as a lookup by row key and unstamped SHA-256, a later stamp of the same letter winning.
    Kept in a temporary SQLite file, not in memory: as a dict the stamps of 100,000 rows held about 40 MB at the
    end of a run, when the manifest is written (bench/bulk.py --geheugen-n)."""

    def __init__(self, pad: Path):
        self.pad, self.map, self.db = pad, None, None

    def __enter__(self) -> _Stempels:
        if self.pad.exists():
            self.map = tempfile.TemporaryDirectory(prefix="sjabloon-stempels-")
            self.db = sqlite3.connect(Path(self.map.name) / "stempels.sqlite")
            self.db.execute("PRAGMA journal_mode = OFF")         # a scratch file: nothing to recover after a crash
            self.db.execute("PRAGMA synchronous = OFF")
            self.db.execute("CREATE TABLE stempel (sleutel TEXT, ongestempeld TEXT, sha256 TEXT, registerregel, "
                            "PRIMARY KEY (sleutel, ongestempeld)) WITHOUT ROWID")
            with self.pad.open(encoding="utf-8") as bestand, self.db:
                self.db.executemany("INSERT OR REPLACE INTO stempel VALUES (?, ?, ?, ?)",
                                    ((r["sleutel"], r["ongestempeld"], r["sha256"], r["registerregel"])
                                     for r in map(json.loads, bestand)))
        return self

    def zoek(self, sleutel: str, ongestempeld: str | None) -> tuple | None:
        """(SHA-256 of the stamped letter, registerregel), or None for a letter without a stamp."""
        if self.db is None or ongestempeld is None:
            return None
        return self.db.execute("SELECT sha256, registerregel FROM stempel WHERE sleutel = ? AND ongestempeld = ?",
                               (sleutel, ongestempeld)).fetchone()

    def __exit__(self, *_) -> None:
        if self.db is not None:
            self.db.close()
            self.map.cleanup()


def _geldige_regels(pad: Path) -> Iterator[dict]:
    """The lines of a JSON Lines file up to the first that a crash left half written; that one and any after it
    are cut off, so the next line appended starts on a line of its own."""
    goed = 0
    with pad.open("rb") as bestand:
        for regel in bestand:
            try:
                gegevens = json.loads(regel)
            except ValueError:
                break
            if not regel.endswith(b"\n"):
                break
            goed += len(regel)
            yield gegevens
    if goed < pad.stat().st_size:
        with pad.open("r+b") as bestand:
            bestand.truncate(goed)
