"""The settings file (TOML): which places the user chose once. Read with the standard library's tomllib, checked
key by key, and kept per file and modification time, so a process reads it once."""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

from generator.vullen.fouten import InvoerFout

SLEUTELS = {        # key: what it chooses, and an example value
    "catalogus": ("de map met de sjablonen, één map per sjabloon", '"/srv/gemeente/sjablonen"'),
    "register": ("de database van het register, als URL", '"postgresql+psycopg://sjabloon@db.gemeente.local/register"'),
    "uitvoer": ("de map voor gemaakte documenten en bulkbrieven", '"~/Documenten/Besluiten"'),
    "registersleutel": ("het bestand met de sleutels van het register (buiten de database)",
                        '"/etc/sjabloonstraat/registersleutels"'),
    "registeranker": ("het ankerbestand: de kop van het register na elke schrijfactie",
                      '"/var/log/sjabloonstraat/register-anker.jsonl"'),
}
TABELLEN = {"zgw", "zaakgegevens", "documenten", "bulk"}   # tables read and checked elsewhere (zgw/instellingen.py,
                                                   # generator/vullen/zaakregels.py, leesgrenzen.py, bulk/verdeeld.py)
VOORBEELD = "\n".join(f"{sleutel} = {voorbeeld}" for sleutel, (_, voorbeeld) in SLEUTELS.items())


class InstellingenFout(InvoerFout):
    """The settings file cannot be read or has a wrong key or value; the message names the file and the key."""


def lees(pad: Path) -> dict[str, str]:
    """The chosen places from the settings file at `pad` (empty when there is none), with paths made absolute:
    `~` is the home folder, a relative path counts from the file's own folder."""
    try:
        stand = pad.stat()
    except FileNotFoundError:
        return {}
    except OSError as fout:
        raise InstellingenFout(f"{pad}: kan niet worden gelezen ({fout.strerror})") from None
    return dict(_lees(pad, stand.st_mtime_ns, stand.st_size))


def lees_tabel(pad: Path, naam: str) -> dict:
    """The table `[naam]` of the settings file at `pad` as it stands (empty when there is none); its keys are the
    business of the engine that reads it."""
    if not pad.is_file():
        return {}
    lees(pad)       # the same checks and messages for the file as a whole
    tabel = _toml(pad).get(naam, {})
    return dict(tabel)


def _toml(pad: Path) -> dict:
    import tomllib
    try:
        gegevens = tomllib.loads(pad.read_bytes().decode("utf-8"))
    except OSError as fout:
        raise InstellingenFout(f"{pad}: kan niet worden gelezen ({fout.strerror})") from None
    except UnicodeDecodeError:
        raise InstellingenFout(f"{pad}: is geen tekst in UTF-8; sla het bestand op als UTF-8") from None
    except tomllib.TOMLDecodeError as fout:
        plaats = re.search(r"line (\d+), column (\d+)", str(fout))
        waar = f"regel {plaats[1]}, kolom {plaats[2]}: " if plaats else ""
        raise InstellingenFout(f"{pad}: {waar}dit is geen geldige TOML; schrijf elke instelling als "
                               f"sleutel = \"waarde\", bijvoorbeeld:\n{VOORBEELD}") from None
    return gegevens


@functools.lru_cache(maxsize=8)
def _lees(pad: Path, _gewijzigd: int, _grootte: int) -> tuple[tuple[str, str], ...]:
    gegevens = _toml(pad)
    problemen, gekozen = [], {}
    for sleutel, waarde in gegevens.items():
        if sleutel in TABELLEN and isinstance(waarde, dict):
            continue
        if sleutel not in SLEUTELS:
            problemen.append(f"{pad}: {sleutel}: onbekende instelling; bekend zijn: {', '.join(SLEUTELS)}")
        elif not isinstance(waarde, str) or not waarde.strip():
            uitleg, voorbeeld = SLEUTELS[sleutel]
            problemen.append(f"{pad}: {sleutel}: verwacht tekst tussen aanhalingstekens ({uitleg}), "
                             f"bijvoorbeeld {sleutel} = {voorbeeld}")
        elif sleutel == "register" and not re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", waarde.strip()):
            problemen.append(f"{pad}: register: dit is geen database-URL; schrijf bijvoorbeeld "
                             f"register = \"sqlite:///register.sqlite\" (naast dit bestand) of "
                             f"register = {SLEUTELS['register'][1]}")
        elif sleutel == "register":
            gekozen[sleutel] = _sqlite_vanaf(pad.parent, waarde.strip())
        else:
            gekozen[sleutel] = str(_vanaf(pad.parent, waarde.strip()))
    if problemen:
        raise InstellingenFout(problemen)
    return tuple(gekozen.items())


def _vanaf(map_: Path, pad: str) -> Path:
    return Path(os.path.normpath(map_ / Path(pad).expanduser()))     # an absolute path stays as it is


def _sqlite_vanaf(map_: Path, url: str) -> str:
    """An SQLite URL with a relative path (or ~) points into the settings file's folder, not into whatever folder
    a command runs from: that was how every folder got its own empty register."""
    if not url.startswith("sqlite:///"):
        return url
    bestand, vraag, rest = url[len("sqlite:///"):].partition("?")
    if not bestand or bestand == ":memory:":
        return url
    return f"sqlite:///{_vanaf(map_, bestand).as_posix()}{vraag}{rest}"
