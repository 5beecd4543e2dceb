"""A lookup table with one entry per row of a bulk run, kept in a temporary SQLite file instead of in memory.

A city writes to 450,000 households in one run; a dict with an entry per row (which rows an earlier run finished,
the stamps, the register entries of this run, the last journal line per row, the file names seen) then holds
hundreds of megabytes, and a resumed run held several of them at once. On disk each lookup costs microseconds
against milliseconds for a letter. The file is scratch: no journal, no fsync, one open transaction that is never
committed, removed when the table is closed (or, at the latest, when the process ends).

It lives in a hidden folder in the run's output folder, not in /tmp: that disk has room for the letters anyway,
and /tmp is often memory (tmpfs, the default since Debian 13). A run killed with kill -9 leaves its folder behind;
the next run in that output folder removes it (`ruim_op`)."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import weakref
from collections.abc import Iterable
from pathlib import Path

from generator.vullen.bestanden import namen


VOORVOEGSEL = ".sjabloon-tabel-"


class SchijfTabel:
    """Key -> value, in a scratch folder inside `map_`. A key of `sleutels` > 1 columns is a tuple; `get` gives a
    tuple when there are `waarden` > 1 columns. Writing a key again replaces its value: the later one wins."""

    def __init__(self, map_: Path, sleutels: int = 1, waarden: int = 1):
        self._map = tempfile.TemporaryDirectory(prefix=VOORVOEGSEL, dir=map_)
        self._db = sqlite3.connect(Path(self._map.name) / "tabel.sqlite")
        self._sluit = weakref.finalize(self, _sluit_en_wis, self._db, self._map)
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute("PRAGMA synchronous = OFF")
        self._sleutels, self._waarden = sleutels, waarden
        s = [f"s{i}" for i in range(sleutels)]
        w = [f"w{i}" for i in range(waarden)]
        self._db.execute(f"CREATE TABLE t ({', '.join(s + w)}, PRIMARY KEY ({', '.join(s)})) WITHOUT ROWID")
        waar = " AND ".join(f"{k} = ?" for k in s)
        self._zet = f"INSERT OR REPLACE INTO t VALUES ({', '.join('?' * (sleutels + waarden))})"
        self._zoek = f"SELECT {', '.join(w)} FROM t WHERE {waar}"
        self._wis = f"DELETE FROM t WHERE {waar}"
        self._bestaat = f"SELECT 1 FROM t WHERE {waar}"

    def zet(self, sleutel, waarde) -> None:
        self._db.execute(self._zet, (*self._rij(sleutel, self._sleutels), *self._rij(waarde, self._waarden)))

    def zet_veel(self, paren: Iterable[tuple]) -> None:
        """(key, value) pairs, in order: of a key written twice the later value stays."""
        self._db.executemany(self._zet, ((*self._rij(s, self._sleutels), *self._rij(w, self._waarden))
                                         for s, w in paren))

    def get(self, sleutel, standaard=None):
        rij = self._db.execute(self._zoek, self._rij(sleutel, self._sleutels)).fetchone()
        if rij is None:
            return standaard
        return rij if self._waarden > 1 else rij[0]

    def __contains__(self, sleutel) -> bool:
        return self._db.execute(self._bestaat, self._rij(sleutel, self._sleutels)).fetchone() is not None

    def pop(self, sleutel, standaard=None):
        waarde = self.get(sleutel, standaard)
        self._db.execute(self._wis, self._rij(sleutel, self._sleutels))
        return waarde

    def __len__(self) -> int:
        return self._db.execute("SELECT count(*) FROM t").fetchone()[0]

    def sluit(self) -> None:
        self._sluit()

    def __enter__(self) -> SchijfTabel:
        return self

    def __exit__(self, *_) -> None:
        self.sluit()

    @staticmethod
    def _rij(waarde, aantal: int) -> tuple:
        return tuple(waarde) if aantal > 1 else (waarde,)


def _sluit_en_wis(db: sqlite3.Connection, map_: tempfile.TemporaryDirectory) -> None:
    db.close()
    map_.cleanup()


def ruim_op(map_: Path) -> None:
    """Remove the tables a killed run left in `map_`; only while no run is using this folder."""
    for achtergelaten in namen(map_, VOORVOEGSEL):
        shutil.rmtree(achtergelaten.path, ignore_errors=True)
