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
import uuid
from collections.abc import Iterator
from pathlib import Path

from generator.bulk import schijftabel
from generator.bulk.schijftabel import SchijfTabel
from generator.vullen.fouten import InvoerFout

NAAM = ".sjabloon-bulk-journaal.jsonl"
STEMPELS = ".sjabloon-bulk-stempels.jsonl"


class Journaal:
    def __init__(self, map_: Path, kenmerk: dict, dagtekening: str | None):
        """Open the journal in `map_`, or start one. `kenmerk` must match the one of an earlier run in this folder;
        `dagtekening` None takes the earlier run's (a resumed run keeps the date its first letters carry)."""
        self.pad = Path(map_) / NAAM
        self.stempelpad = Path(map_) / STEMPELS
        schijftabel.ruim_op(self.pad.parent)                  # what a run killed in this folder left behind
        self.klaar = SchijfTabel(self.pad.parent, waarden=2)  # of earlier runs: sleutel -> (data hash, status)
        try:
            if self.pad.exists():
                self._ga_verder(kenmerk, dagtekening)
            else:
                self._begin(kenmerk, dagtekening)
        except BaseException:
            self.close()
            raise

    def _ga_verder(self, kenmerk: dict, dagtekening: str | None) -> None:
        kop = self._lees()
        verschil = [f"{k}: eerder {kop['kenmerk'].get(k)!r}, nu {v!r}" for k, v in kenmerk.items()
                    if kop["kenmerk"].get(k) != v]
        if dagtekening and dagtekening != kop["dagtekening"]:
            verschil.append(f"dagtekening: eerder {kop['dagtekening']}, nu {dagtekening}")
        if verschil:
            raise InvoerFout([f"{self.pad.parent}: deze map hoort bij een andere bulkrun; kies een andere map met "
                              "--uit, of draai de opdracht zoals eerst"] + [f"  {v}" for v in verschil])
        self.run, self.dagtekening = kop["run"], kop["dagtekening"]
        if self.stempelpad.exists():
            for _ in _geldige_regels(self.stempelpad):
                pass

    def _begin(self, kenmerk: dict, dagtekening: str | None) -> None:
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
        regels = _geldige_regels(self.pad)
        kop = next(regels, None)
        self.klaar.zet_veel((r["sleutel"], (r["gegevens_hash"], r["status"])) for r in regels)
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
        gestempeld = SchijfTabel(self.pad.parent, sleutels=2, waarden=2)   # (sleutel, unstamped SHA-256) -> stamp
        with gestempeld, self.pad.open(encoding="utf-8") as bestand:
            if self.stempelpad.exists():        # a later stamp of the same letter wins
                with self.stempelpad.open(encoding="utf-8") as stempels:
                    gestempeld.zet_veel(((r["sleutel"], r["ongestempeld"]), (r["sha256"], r["registerregel"]))
                                        for r in map(json.loads, stempels))
            next(bestand)
            for regel in map(json.loads, bestand):
                if stempel := gestempeld.get((regel["sleutel"], regel.get("sha256"))):
                    regel |= {"sha256": stempel[0], "registerregel": stempel[1]}
                yield regel

    def close(self) -> None:
        """Remove the scratch file of `klaar` (contextlib.closing)."""
        self.klaar.sluit()


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
