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
from generator.vullen.bestanden import json_reden
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
    return (_rij(nummer, kolommen, waarden, soort) for nummer, waarden in rijen)


def _rij(nummer: int, kolommen: list[str], waarden: list, soort: str) -> Rij:
    """A row of a CSV or Excel file as a case. A value beyond the last column has no field: the row is refused
    rather than that value silently dropped (empty cells there lose nothing); so is an Excel formula that was never
    computed (it would read as an empty cell) or gives an error (#N/B would be read as text)."""
    aantal = max((i + 1 for i, w in enumerate(waarden) if w is not None and str(w).strip()), default=0)
    if aantal > len(kolommen):
        hint = ("; staat er een scheidingsteken te veel, of een waarde met een puntkomma of komma zonder "
                "aanhalingstekens?" if soort == ".csv" else
                "; geef elke kolom met een waarde een naam in de eerste rij")
        return Rij(nummer, {}, f"rij {nummer} heeft {aantal} waarden, de kop {len(kolommen)} kolommen{hint}")
    for kolom, waarde in zip(kolommen, waarden):
        if isinstance(waarde, FormuleZonderWaarde):
            return Rij(nummer, {}, f"kolom '{kolom}': de cel heeft een formule zonder berekende waarde ({waarde}); "
                                   "open het bestand in Excel of LibreOffice en sla het op, of zet de waarde zelf in "
                                   "de cel")
        if isinstance(waarde, CelFout):
            return Rij(nummer, {}, f"kolom '{kolom}': de formule in de cel geeft een fout ({waarde}); herstel de "
                                   "formule of zet de waarde zelf in de cel")
    return Rij(nummer, uit_paden(dict(zip(kolommen, waarden))))


def tel_rijen(pad: Path) -> int:
    """How many rows the file holds, for the progress bar. For CSV and JSON Lines a pass over the whole file,
    run before anything is written: a byte that is no UTF-8 (or a line CSV cannot read) anywhere in the file stops
    the run here, naming its line, instead of halfway with a journal in --uit. For Excel the sheet's own dimension,
    which may count empty rows."""
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
    try:
        with pad.open(encoding="utf-8") as bestand:
            return sum(1 for regel in bestand if regel.strip())
    except UnicodeDecodeError:
        raise InvoerFout(f"{pad}: regel {_regel_niet_utf8(pad)}: geen tekst in UTF-8 (sla het bestand op in "
                         "UTF-8)") from None


def _regel_niet_utf8(pad: Path) -> int:
    """The line of the first byte that is no UTF-8. The reader decodes blocks of 8 KB, so the line it was at
    when the block failed can be far before it; this looks again, line by line (a line end is never part of a
    UTF-8 character)."""
    with Path(pad).open("rb") as bestand:
        for nummer, regel in enumerate(bestand, start=1):
            try:
                regel.decode("utf-8")
            except UnicodeDecodeError:
                return nummer
    return 1


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
        raise _geen_utf8(pad) from None
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
                raise _geen_utf8(pad) from None
            except csv.Error as fout:
                waarom = (f"een waarde is langer dan {csv.field_size_limit()} tekens (mist er een aanhalingsteken?)"
                          if "field limit" in str(fout) else "de regel is geen geldige CSV")
                raise InvoerFout(f"{pad}: regel {lezer.line_num + 1}: {waarom}") from None

    return kolommen, rijen()


def _geen_utf8(pad: Path) -> InvoerFout:
    return InvoerFout(f"{pad}: regel {_regel_niet_utf8(pad)}: geen tekst in UTF-8 (sla het bestand op als 'CSV UTF-8')")


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
    rijen = _bladrijen(boek)
    nummer, kop = next(rijen, (1, []))
    if nummer != 1 or not any(k is not None and str(k).strip() for k in kop):
        boek.close()
        raise InvoerFout(f"{pad}: het eerste werkblad is leeg; de eerste rij moet de kolomnamen geven")
    kolommen = [str(k).strip() if k is not None else "" for k in kop]
    while kolommen and not kolommen[-1]:
        kolommen.pop()

    def waarden():
        try:
            for nummer, rij in rijen:
                if any(w is not None and str(w).strip() for w in rij):
                    yield nummer, rij + [None] * (len(kolommen) - len(rij))
        finally:
            boek.close()

    return kolommen, waarden()


class FormuleZonderWaarde(str):
    """An Excel cell with a formula but no computed value, as a program that does not calculate writes it
    (openpyxl): the formula, so the row can be refused instead of read as empty."""


class CelFout(str):
    """An Excel cell whose formula gives an error (#DEEL/0!, #N/B): not a value for a letter."""


def _bladrijen(boek) -> Iterator[tuple[int, list]]:
    """(row number, values) of the first sheet's rows that are in the file, as openpyxl reads them with
    data_only, but a formula cell without a computed value is a FormuleZonderWaarde and an error a CelFout.
    openpyxl gives None both for such a cell and for an empty one, and reads the formula only without the value;
    so its own row parser is used here, told what the cell's XML says. A formula without a computed value has no
    <v>, or an empty one that is no text (openpyxl writes <v></v>); a formula that gives an empty text (Excel and
    LibreOffice write t="str" and <v></v>) is an empty cell."""
    from openpyxl.worksheet._reader import FORMULA_TAG, VALUE_TAG, WorkSheetParser

    class Cellen(WorkSheetParser):
        def parse_cell(self, element):
            cel = super().parse_cell(element)
            formule, waarde = element.find(FORMULA_TAG), element.find(VALUE_TAG)
            if cel["data_type"] == "e" and cel["value"] is not None:
                cel["value"] = CelFout(cel["value"])
            elif formule is not None and (waarde is None or (not waarde.text and element.get("t") != "str")):
                cel["value"] = FormuleZonderWaarde("=" + (formule.text or ""))
            return cel

    blad = boek.worksheets[0]
    with blad._get_source() as bron:
        lezer = Cellen(bron, blad._shared_strings, data_only=True, epoch=boek.epoch,
                       date_formats=boek._date_formats, timedelta_formats=boek._timedelta_formats)
        for nummer, cellen in lezer.parse():
            rij = [None] * max((cel["column"] for cel in cellen), default=0)
            for cel in cellen:
                rij[cel["column"] - 1] = cel["value"]
            yield nummer, rij


def _jsonl(pad: Path, velden: dict) -> Iterator[Rij]:
    """One JSON object per line; nested objects and dotted names both work."""
    with pad.open(encoding="utf-8-sig") as bestand:
        for nummer, regel in enumerate(bestand, start=1):
            if not regel.strip():
                continue
            try:
                object_ = json.loads(regel)
            except json.JSONDecodeError as fout:
                yield Rij(nummer, {}, f"ongeldige JSON ({json_reden(fout)})")
                continue
            except ValueError:      # int() refuses a number of more digits than Python allows
                yield Rij(nummer, {}, "ongeldige JSON (een getal met te veel cijfers; is het een tekst, zet het dan "
                                      "tussen aanhalingstekens)")
                continue
            if not isinstance(object_, dict):
                yield Rij(nummer, {}, "de regel moet een JSON-object zijn ({\"veld\": waarde, ...})")
                continue
            vlak = {k: v for k, v in object_.items() if "." in k or "[" in k}
            if fout := next((f"kolom '{k}': {r}" for k in vlak if (r := padfout(k, velden))), None):
                yield Rij(nummer, {}, fout)
                continue
            yield Rij(nummer, {k: v for k, v in object_.items() if k not in vlak} | uit_paden(vlak))

