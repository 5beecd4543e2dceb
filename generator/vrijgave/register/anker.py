"""The anchor file: after every write, the register's head (the number and hash of its last entry) as one JSON line,
appended to a file outside the database. The chain alone cannot show that its last entries were deleted or that
the table was emptied: what remains is a shorter chain that holds. The anchor file remembers how far it reached.

One file can serve several registers: each line names its register (the database URL without its password)."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from generator.plaatsen import instellingenbestand, registeranker
from generator.vullen.fouten import InvoerFout

GETOOND = 10                    # anchor problems listed one by one; the rest is counted


class AnkerFout(InvoerFout):
    """The anchor file cannot be opened or written."""


class Anker:
    def __init__(self, register: str, pad: Path | None = None):
        self.register = register
        self.pad = Path(pad) if pad else registeranker().pad.expanduser()

    def open(self) -> int:
        """Open for appending before the entry is written, so a file that cannot be written stops the write."""
        try:
            self.pad.parent.mkdir(parents=True, exist_ok=True)
            return os.open(self.pad, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        except OSError as fout:
            raise AnkerFout(f"{self.pad}: het ankerbestand van het register kan niet worden geopend ({fout.strerror}); "
                            f"kies een andere plek met SJABLOON_REGISTER_ANKER of met registeranker in "
                            f"{instellingenbestand().waarde}") from None

    def schrijf(self, descriptor: int, regel: int, hash_: str) -> None:
        """One line in one write() on a file opened O_APPEND: lines of writers at the same moment never mix."""
        tijdstip = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        tekst = json.dumps({"register": self.register, "regel": regel, "hash": hash_, "tijdstip": tijdstip},
                           ensure_ascii=False) + "\n"
        try:
            os.write(descriptor, tekst.encode())
            os.fsync(descriptor)
        except OSError as fout:
            raise AnkerFout(f"{self.pad}: het ankerbestand van het register kan niet worden bijgeschreven "
                            f"({fout.strerror}); de registerregel {regel} is wel vastgelegd") from None
        finally:
            os.close(descriptor)

    def koppen(self) -> tuple[dict[int, list[str]], list[str]]:
        """The heads this file recorded for this register (number -> its hashes: one, unless the number was
        deleted and given again), and its unreadable lines as problems."""
        koppen, problemen = {}, []
        try:
            bestand = self.pad.open(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return koppen, problemen
        except OSError as fout:
            return koppen, [f"ankerbestand {self.pad}: kan niet worden gelezen ({fout.strerror})"]
        with bestand:
            for nummer, tekst in enumerate(bestand, start=1):
                try:
                    gegevens = json.loads(tekst)
                    if gegevens["register"] == self.register:
                        hashes = koppen.setdefault(int(gegevens["regel"]), [])
                        if str(gegevens["hash"]) not in hashes:
                            hashes.append(str(gegevens["hash"]))
                except (ValueError, KeyError, TypeError):
                    problemen.append(f"ankerbestand {self.pad}: regel {nummer} is onleesbaar (gewijzigd?)")
        return koppen, problemen

    def controleer(self, hashes: dict[int, str]) -> list[str]:
        """Every head the anchor file recorded must still be in the register (`hashes`: number -> hash of each
        entry), with the same hash. Dutch messages, empty when all heads are there."""
        koppen, problemen = self.koppen()
        if koppen and not hashes:
            return problemen + [f"het register is leeg, maar het ankerbestand {self.pad} noemt regels tot en met "
                                f"regel {max(koppen)} (tabel geleegd?)"]
        laatste = max(hashes, default=0)
        afwijkend = []
        for regel, hash_ in sorted((regel, hash_) for regel, reeks in koppen.items() for hash_ in reeks):
            if regel > laatste:
                afwijkend.append(f"regel {regel} ontbreekt: het ankerbestand noemt hem als kop van het register "
                                 f"(hash {hash_[:12]}…), maar het register eindigt bij regel {laatste} "
                                 f"(laatste regels verwijderd?)")
            elif regel not in hashes:
                afwijkend.append(f"regel {regel} ontbreekt: het ankerbestand noemt hem als kop van het register "
                                 f"(regel verwijderd?)")
            elif hashes[regel] != hash_:
                afwijkend.append(f"regel {regel}: hash wijkt af van het ankerbestand ({hash_[:12]}…, nu "
                                 f"{hashes[regel][:12]}…): het register is herschreven")
        if len(afwijkend) > GETOOND:
            afwijkend = afwijkend[:GETOOND] + [f"… en nog {len(afwijkend) - GETOOND} koppen uit het ankerbestand "
                                               f"{self.pad} die niet meer kloppen"]
        return problemen + afwijkend
