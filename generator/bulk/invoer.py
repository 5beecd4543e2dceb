"""Read bulk rows one at a time from CSV, XLSX or JSON Lines, as cases for a template.

A column name is a field path: `aanvrager.naam` fills the field naam of the group aanvrager, `posten[2].bedrag`
the bedrag of the second item of the list posten. An empty cell leaves the field out."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.bulk.csvbestand import CODERING, scheidingsteken
from generator.vullen.fouten import InvoerFout
from generator.vullen.velden import padfout, uit_paden

SOORTEN = (".csv", ".xlsx", ".jsonl")


@dataclass
class Rij:
    nummer: int              # as the user sees it: the line in a CSV or JSONL file, the row in Excel
    zaak: dict
    fout: str | None = None  # the row could not be read at all


def lees_rijen(pad: Path, velden: dict) -> Iterator[Rij]:
    """The rows of the file, read as they are needed. A bad file as a whole (missing, wrong kind, a column that
    is no declared field) raises InvoerFout before the first row."""
    pad = Path(pad)
    soort = pad.suffix.lower()
    if soort not in SOORTEN:
        raise InvoerFout(f"{pad}: onbekend soort bestand; gebruik CSV (.csv), Excel (.xlsx) of JSON Lines (.jsonl)")
    if not pad.is_file():
        raise InvoerFout(f"{pad}: bestand niet gevonden")
    if soort == ".jsonl":
        return _jsonl(pad, velden)
    kolommen, rijen = lees_csv(pad) if soort == ".csv" else _xlsx(pad)
    controleer_kolommen(pad, kolommen, velden)
    return (Rij(nummer, uit_paden(dict(zip(kolommen, waarden)))) for nummer, waarden in rijen)


def tel_rijen(pad: Path) -> int:
    """About how many rows the file holds, for the progress bar: a quick pass without validating (for Excel the
    sheet's own dimension, which may count empty rows)."""
    pad = Path(pad)
    if pad.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        boek = load_workbook(pad, read_only=True)
        try:
            return max((boek.worksheets[0].max_row or 1) - 1, 0)
        finally:
            boek.close()
    if pad.suffix.lower() == ".csv":
        return sum(1 for _ in lees_csv(pad)[1])
    with pad.open(encoding="utf-8") as bestand:
        return sum(1 for regel in bestand if regel.strip())


def controleer_kolommen(pad: Path, kolommen: list[str], velden: dict) -> None:
    fouten = [f"{pad.name}: kolom {nummer} ('{kolom}'): {reden}"
              for nummer, kolom in enumerate(kolommen, start=1) if (reden := padfout(kolom, velden))]
    dubbel = {k for k in kolommen if kolommen.count(k) > 1 and k}
    fouten += [f"{pad.name}: kolom '{k}' komt meer dan eens voor" for k in sorted(dubbel)]
    if fouten:
        raise InvoerFout(fouten)


def lees_csv(pad: Path):
    """Column names and a generator of (line number, values); ';' or ',', with or without a BOM, as Dutch Excel,
    other tools or `sjabloon selecteer-afloop` write it."""
    try:
        bestand = Path(pad).open(encoding=CODERING, newline="")
    except OSError as fout:
        raise InvoerFout(f"{pad}: kan het bestand niet lezen ({fout.strerror})") from None
    try:
        eerste = bestand.readline()
    except UnicodeDecodeError:
        bestand.close()
        raise InvoerFout(f"{pad}: geen tekst in UTF-8 (sla het bestand op als 'CSV UTF-8')") from None
    scheiding = scheidingsteken(eerste)
    kolommen = [k.strip() for k in next(csv.reader([eerste], delimiter=scheiding), [])]
    if not kolommen:
        bestand.close()
        raise InvoerFout(f"{pad}: het bestand is leeg; de eerste regel moet de kolomnamen geven")

    def rijen():
        with bestand:
            lezer = csv.reader(bestand, delimiter=scheiding)
            try:
                for waarden in lezer:
                    if any(w.strip() for w in waarden):
                        yield lezer.line_num + 1, waarden + [""] * (len(kolommen) - len(waarden))
            except UnicodeDecodeError:
                raise InvoerFout(f"{pad}: regel {lezer.line_num + 2}: geen tekst in UTF-8") from None

    return kolommen, rijen()


def _xlsx(pad: Path):
    """The first sheet, read in read-only mode: openpyxl then streams the rows instead of loading the workbook.
    An XLSX is a ZIP: its directory is checked against the reading limits first (a zip bomb is refused before
    anything is unpacked), and openpyxl parses its XML with defusedxml (no entities)."""
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    from checks.document import DocumentFout
    from checks.document.archief import open_zip, tabel_grenzen

    try:
        open_zip(pad, str(pad), tabel_grenzen()).close()
    except DocumentFout as fout:
        raise InvoerFout(str(fout)) from None
    try:
        boek = load_workbook(pad, read_only=True, data_only=True)
    except (InvalidFileException, BadZipFile, KeyError, OSError) as fout:
        raise InvoerFout(f"{pad}: geen geldig Excel-bestand ({fout})") from None
    rijen = boek.worksheets[0].iter_rows(values_only=True)
    kop = next(rijen, None)
    if not kop or not any(kop):
        boek.close()
        raise InvoerFout(f"{pad}: het eerste werkblad is leeg; de eerste rij moet de kolomnamen geven")
    kolommen = [str(k).strip() if k is not None else "" for k in kop]
    while kolommen and not kolommen[-1]:
        kolommen.pop()

    def waarden():
        try:
            for nummer, rij in enumerate(rijen, start=2):
                if any(w is not None and str(w).strip() for w in rij):
                    yield nummer, list(rij[:len(kolommen)]) + [None] * (len(kolommen) - len(rij))
        finally:
            boek.close()

    return kolommen, waarden()


def _jsonl(pad: Path, velden: dict) -> Iterator[Rij]:
    """One JSON object per line; nested objects and dotted names both work."""
    with pad.open(encoding="utf-8-sig") as bestand:
        for nummer, regel in enumerate(bestand, start=1):
            if not regel.strip():
                continue
            try:
                object_ = json.loads(regel)
            except json.JSONDecodeError as fout:
                yield Rij(nummer, {}, f"ongeldige JSON ({fout.msg}, teken {fout.colno})")
                continue
            if not isinstance(object_, dict):
                yield Rij(nummer, {}, "de regel moet een JSON-object zijn ({\"veld\": waarde, ...})")
                continue
            vlak = {k: v for k, v in object_.items() if "." in k or "[" in k}
            if fout := next((f"kolom '{k}': {r}" for k in vlak if (r := padfout(k, velden))), None):
                yield Rij(nummer, {}, fout)
                continue
            yield Rij(nummer, {k: v for k, v in object_.items() if k not in vlak} | uit_paden(vlak))
