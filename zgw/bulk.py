"""The letters of a bulk run (`sjabloon bulk`), each stored on its own zaak through the same outbox as one document:
the run's manifest.csv says which letters were made, a list says which zaak each letter (by its sleutel) belongs to,
and the register confirms each letter passed the checks."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from generator.bulk.archief import lees_brief, open_archief
from generator.bulk.csvbestand import scheidingsteken
from generator.vullen.fouten import InvoerFout
from generator.vullen.sjabloon import laad
from zgw.opslaan import sla_op

KOLOMMEN = ("sleutel", "zaak_url")


def lees_zaken(pad: Path) -> dict[str, str]:
    """sleutel -> zaak URL from a CSV file with the columns sleutel and zaak_url (';' or ',', UTF-8 with or without
    BOM, as Excel saves it)."""
    try:
        tekst = Path(pad).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as fout:
        raise InvoerFout(f"--zaken: {pad} kan niet worden gelezen: {fout}") from None
    regels = tekst.splitlines()
    lezer = csv.DictReader(regels, delimiter=scheidingsteken(regels[0] if regels else ""))
    ontbreekt = [k for k in KOLOMMEN if k not in (lezer.fieldnames or [])]
    if ontbreekt:
        raise InvoerFout(f"--zaken: {Path(pad).name}: kolom {', '.join(ontbreekt)} ontbreekt; de kolommen zijn "
                         f"{' en '.join(KOLOMMEN)}")
    return {rij["sleutel"].strip(): rij["zaak_url"].strip() for rij in lezer if (rij.get("zaak_url") or "").strip()}


@dataclass
class Telling:
    """What became of the run's letters: delivered, queued (refused or after an outage), and the sleutels without a
    zaak."""
    afgeleverd: int = 0
    in_wachtrij: int = 0
    geweigerd: int = 0
    zonder: list[str] = field(default_factory=list)


def sla_bulk_op(client, register, map_: Path, zaken: dict[str, str], gemeente: dict, door: str | None = None,
                voortgang=None) -> Telling:
    """Store every letter the run made that has a zaak. After the first outage the rest is only queued
    (`sjabloon zgw opnieuw` delivers it). `voortgang(nummer, totaal, sleutel, opslag)` hears of each letter.
    Letter by letter: the manifest is read as it goes, and each letter's register entry is looked up by its
    SHA-256 (indexed), so a run of 450,000 letters is not first read into memory."""
    map_ = Path(map_)
    if not (map_ / "manifest.csv").is_file():
        raise InvoerFout(f"{map_}: geen manifest.csv; geef de map van een run van sjabloon bulk")
    totaal = sum(1 for _ in _gemaakt(map_))
    archief = open_archief(map_)
    sjablonen, telling, bereikbaar = {}, Telling(), True
    try:
        for nummer, rij in enumerate(_gemaakt(map_), start=1):
            if not (zaak_url := zaken.get(rij["sleutel"])):
                telling.zonder.append(rij["sleutel"])
                continue
            inhoud = _lees(map_, archief, rij["bestand"])
            regel = register.document(hashlib.sha256(inhoud).hexdigest())
            if regel is None:
                raise InvoerFout(f"{rij['bestand']}: deze brief staat niet (zo) in het register; alleen brieven die "
                                 "sjabloon bulk maakte, gaan naar het zaaksysteem")
            sjabloon = sjablonen.get(regel.sjabloon_id) or sjablonen.setdefault(regel.sjabloon_id,
                                                                                laad(regel.sjabloon_id))
            opslag = sla_op(client, zaak_url, sjabloon, inhoud, rij["bestand"], {"zaaknummer": regel.zaaknummer},
                            register, _lees(map_, archief, rij["pdf"]) if rij.get("pdf") else None,
                            dagtekening=dt.date.fromisoformat(regel.gegevens["dagtekening"]), gemeente=gemeente,
                            auteur=door, door=door, concept=bool(regel.gegevens.get("concept")), afleveren=bereikbaar)
            bereikbaar = bereikbaar and not (opslag.storing and not opslag.afgeleverd)
            telling.afgeleverd += opslag.afgeleverd
            telling.in_wachtrij += not opslag.afgeleverd
            telling.geweigerd += not opslag.afgeleverd and not opslag.storing
            if voortgang:
                voortgang(nummer, totaal, rij["sleutel"], opslag)
    finally:
        if archief:
            archief.close()
    return telling


def _gemaakt(map_: Path) -> Iterator[dict]:
    """The manifest's rows whose letter was made, one by one."""
    with open(map_ / "manifest.csv", encoding="utf-8-sig", newline="") as bestand:
        yield from (r for r in csv.DictReader(bestand, delimiter=";") if r.get("status") == "gemaakt")


def _lees(map_: Path, archief: zipfile.ZipFile | None, naam: str) -> bytes:
    if (inhoud := lees_brief(map_, archief, naam)) is None:
        raise InvoerFout(f"{naam}: staat niet in {map_} (en niet in brieven.zip)")
    return inhoud
