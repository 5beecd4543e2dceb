"""What a bulk run leaves behind: manifest.csv (one line per row that was made or checked, with its verdicts),
and with --zip one archive brieven.zip with the letters and the manifest."""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Iterator
from pathlib import Path

from generator.bulk import csvbestand
from generator.bulk.journaal import Journaal
from generator.bulk.schijftabel import SchijfTabel

ARCHIEF = "brieven.zip"
KOLOMMEN = ["rij", "sleutel", "status", "bestand", "sha256", "b1", "b1_niveau", "b1_score", "awb", "awb_bevindingen"]
PDF_KOLOMMEN = ["pdf", "pdf_sha256"]


def laatste_regels(journaal: Journaal) -> Iterator[dict]:
    """Each row's last journal line, in the journal's order: a row made again (its file was lost) counts once."""
    with SchijfTabel(journaal.pad.parent) as laatste:              # row key -> position of its last line
        laatste.zet_veel((regel["sleutel"], positie) for positie, regel in enumerate(journaal.regels()))
        for positie, regel in enumerate(journaal.regels()):
            if laatste.get(regel["sleutel"]) == positie:
                yield regel


def gemaakte_brieven(journaal: Journaal) -> Iterator[dict]:
    """The last journal line of each row whose letter was made."""
    return (regel for regel in laatste_regels(journaal) if regel["status"] == "gemaakt")


def controleer_bestanden(journaal: Journaal, uit: Path) -> None:
    """Before resuming: a finished row whose file is gone or changed is not finished; it is made again."""
    bestaand = open_archief(uit)
    for regel in gemaakte_brieven(journaal):
        for naam, sha in ((regel["bestand"], regel["sha256"]), (regel.get("pdf"), regel.get("pdf_sha256"))):
            if naam and _sha(lees_brief(uit, bestaand, naam)) != sha:
                journaal.klaar.pop(regel["sleutel"], None)


def schrijf_manifest(journaal: Journaal, uit: Path, pdf: bool) -> Path:
    kolommen = KOLOMMEN + (PDF_KOLOMMEN if pdf else [])
    pad = uit / "manifest.csv"
    with csvbestand.schrijf(pad, kolommen) as schrijver:          # streamed: 100,000 rows stay on disk
        for regel in laatste_regels(journaal):
            waarden = regel | {"b1": _ja_nee(regel.get("b1")), "awb": _ja_nee(regel.get("awb")),
                               "awb_bevindingen": ", ".join(regel.get("awb_bevindingen", []))}
            schrijver.writerow([waarden.get(k, "") if waarden.get(k) is not None else "" for k in kolommen])
    return pad


def pak_in(journaal: Journaal, uit: Path, manifest: Path) -> Path:
    """brieven.zip with every letter made (also those of earlier runs into this folder) and the manifest; the
    loose files go once the archive is complete."""
    eerder = open_archief(uit)
    pad = uit / ARCHIEF
    tijdelijk = uit / f".{ARCHIEF}.tmp"
    with zipfile.ZipFile(tijdelijk, "w", zipfile.ZIP_DEFLATED) as nieuw:
        for naam in _bestanden(journaal):
            if (uit / naam).is_file():
                nieuw.write(uit / naam, naam)
            else:
                nieuw.writestr(naam, eerder.read(naam))
        nieuw.write(manifest, manifest.name)
    if eerder:
        eerder.close()
    tijdelijk.replace(pad)
    for naam in _bestanden(journaal):          # every loose one is in the archive now
        (uit / naam).unlink(missing_ok=True)
    return pad


def _bestanden(journaal: Journaal) -> Iterator[str]:
    for regel in gemaakte_brieven(journaal):
        yield from filter(None, (regel["bestand"], regel.get("pdf")))


def open_archief(uit: Path) -> zipfile.ZipFile | None:
    """The run's brieven.zip, if it has one."""
    return zipfile.ZipFile(uit / ARCHIEF) if (uit / ARCHIEF).is_file() else None


def lees_brief(uit: Path, archief: zipfile.ZipFile | None, naam: str) -> bytes | None:
    """A letter (or its PDF) as made: loose in the output folder, else in brieven.zip; None when in neither."""
    if (uit / naam).is_file():
        return (uit / naam).read_bytes()
    try:                                    # not `in namelist()`: that copies every name, for every letter
        return archief.read(naam) if archief else None
    except KeyError:
        return None


def _sha(inhoud: bytes | None) -> str | None:
    return hashlib.sha256(inhoud).hexdigest() if inhoud is not None else None


def _ja_nee(waarde) -> str:
    return "" if waarde is None else "ja" if waarde else "nee"
