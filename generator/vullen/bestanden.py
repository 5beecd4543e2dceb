"""Read YAML or JSON data files with errors that name the file and the line; write files whole or not at all."""

from __future__ import annotations

import errno
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml

from checks.content import YAML_LOADER
from generator.vullen.fouten import InvoerFout


class _TekstLoader(YAML_LOADER):
    """The safe loader that leaves dates and decimal numbers as text, as the caseworker typed them: a bad date
    becomes a validation message, not a crash, and `15.000` stays fifteen thousand in Dutch (YAML would read the
    float 15.0, and the field's own reading, such as an amount's, never sees the dot)."""


_ALS_TEKST = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:float"}
_TekstLoader.yaml_implicit_resolvers = {
    teken: [(tag, regex) for tag, regex in resolvers if tag not in _ALS_TEKST]
    for teken, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def lees_gegevens(pad: Path) -> dict:
    """Parse a YAML or JSON file that must hold a mapping (naam: waarde)."""
    pad = Path(pad)
    try:
        tekst = pad.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InvoerFout(f"{pad}: bestand niet gevonden") from None
    except IsADirectoryError:
        raise InvoerFout(f"{pad}: dit is een map, geen bestand") from None
    except UnicodeDecodeError:
        raise InvoerFout(f"{pad}: geen tekstbestand in UTF-8") from None
    return ontleed_gegevens(tekst, str(pad), pad.suffix.lower() == ".json")


def ontleed_gegevens(tekst: str, naam: str, als_json: bool) -> dict:
    """YAML or JSON text that must hold a mapping; `naam` is the file name the messages give."""
    try:
        data = json.loads(tekst) if als_json else yaml.load(tekst, Loader=_TekstLoader)
    except json.JSONDecodeError as fout:
        raise InvoerFout(f"{naam}: regel {fout.lineno}: ongeldige JSON ({json_reden(fout)})") from None
    except yaml.YAMLError as fout:
        plek = getattr(fout, "problem_mark", None)
        waar = f"regel {plek.line + 1}: " if plek is not None else ""
        raise InvoerFout(f"{naam}: {waar}ongeldige YAML ({_yaml_reden(fout)})") from None
    except ValueError:          # int() refuses a number of more digits than Python allows (a hostile file)
        raise InvoerFout(f"{naam}: een getal heeft meer dan {sys.get_int_max_str_digits()} cijfers; is het een tekst, "
                         f"zet het dan tussen aanhalingstekens") from None
    if not isinstance(data, dict):
        raise InvoerFout(f"{naam}: de inhoud moet een groep velden zijn (naam: waarde)")
    return data


# Why the system refused to write, as a caseworker can act on it.
_SCHRIJFREDENEN = {errno.EACCES: "geen schrijfrechten", errno.EPERM: "geen schrijfrechten",
                   errno.EROFS: "de schijf is alleen te lezen", errno.ENOSPC: "de schijf is vol",
                   errno.EDQUOT: "de schijfruimte van deze gebruiker is op", errno.ENAMETOOLONG: "de naam is te lang",
                   errno.ENOTDIR: "een deel van het pad is een bestand, geen map",
                   errno.EEXIST: "een deel van het pad is een bestand, geen map",
                   errno.EISDIR: "er staat een map met die naam"}


def schrijfreden(fout: OSError) -> str:
    """Why the system refused to write or make a folder, in Dutch; its own text only when the reason is rare."""
    return _SCHRIJFREDENEN.get(fout.errno) or f"technisch: {fout.strerror or fout}"


def schrijffout(pad: Path, fout: OSError) -> InvoerFout:
    """A Dutch error naming what could not be written and why."""
    return InvoerFout(f"{pad}: kan hier niet schrijven ({schrijfreden(fout)})")


def eis_map(map_: Path, optie: str = "--uit") -> None:
    """The output folder can be one: refused before any work when it, or a folder above it, is a file."""
    for deel in (map_, *map_.parents):
        if deel.exists():
            if not deel.is_dir():
                raise InvoerFout(f"{optie} {map_}: {deel} is een bestand, geen map")
            return


# The parsers' messages (English) by how they begin, as the writer of a case file can act on them.
_JSON_REDENEN = {"Expecting value": "hier ontbreekt een waarde",
                 "Expecting property name": "een naam moet tussen dubbele aanhalingstekens staan",
                 "Expecting ',' delimiter": "hier ontbreekt een komma",
                 "Expecting ':' delimiter": "hier ontbreekt een dubbele punt",
                 "Unterminated string": "een tekst is niet gesloten met een aanhalingsteken",
                 "Extra data": "na het einde staat nog meer",
                 "Invalid control character": "een tab of regeleinde binnen een tekst",
                 "Invalid \\escape": "een onbekende code met \\ in een tekst",
                 "Invalid \\u": "een onbekende code met \\u in een tekst",
                 "Illegal trailing comma": "een komma te veel voor het einde"}
_YAML_REDENEN = {"did not find expected key": "de inspringing klopt niet, of een sleutel ontbreekt",
                 "did not find expected ',' or ']'": "een lijst tussen [ ] is niet gesloten",
                 "did not find expected ',' or '}'": "een groep tussen { } is niet gesloten",
                 "mapping values are not allowed": "een dubbele punt waar die niet mag; zet de tekst tussen "
                                                   "aanhalingstekens",
                 "found character '\\t'": "een tab; spring in met spaties",
                 "found character that cannot start any token": "een teken waarmee een waarde niet mag beginnen (zoals "
                                                                "een tab, @ of `); zet de tekst tussen aanhalingstekens",
                 "did not find expected '-' indicator": "de inspringing van een lijst klopt niet",
                 "found unexpected end of stream": "het bestand houdt midden in een waarde op; is een aanhalingsteken "
                                                   "niet gesloten?",
                 "could not find expected ':'": "na een naam ontbreekt de dubbele punt",
                 "did not find expected node content": "hier ontbreekt een waarde, of ze begint met een teken dat niet "
                                                       "mag; zet de tekst tussen aanhalingstekens",
                 "expected <block end>": "de inspringing klopt niet",
                 "found undefined alias": "een verwijzing (*naam) naar iets dat niet bestaat",
                 "found unknown escape character": "een onbekende code met \\ in een tekst tussen dubbele "
                                                   "aanhalingstekens"}


def json_reden(fout: json.JSONDecodeError) -> str:
    """Why the JSON parser stopped, in Dutch, with the character on its line."""
    reden = next((r for begin, r in _JSON_REDENEN.items() if fout.msg.startswith(begin)), "de opbouw klopt niet")
    return f"{reden}, teken {fout.colno}"


def _yaml_reden(fout: yaml.YAMLError) -> str:
    probleem, plek = getattr(fout, "problem", None) or "", getattr(fout, "problem_mark", None)
    reden = next((r for begin, r in _YAML_REDENEN.items() if probleem.startswith(begin)),
                 "controleer de inspringing, de dubbele punten, haakjes en aanhalingstekens")
    return f"{reden}, teken {plek.column + 1}" if plek is not None else reden


UMASK = os.umask(0o022)
os.umask(UMASK)


def schrijf_atomisch(pad: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename: never a half-written document."""
    with atomisch(pad) as bestand:
        bestand.write(data)


@contextmanager
def atomisch(pad: Path, **tekst):
    """A file to write that appears at `pad` only when the `with` ends without error; `tekst` (encoding, newline)
    opens it as text. For output too large to build in memory first, such as a manifest of 100,000 rows."""
    pad.parent.mkdir(parents=True, exist_ok=True)
    handle, tijdelijk = tempfile.mkstemp(dir=pad.parent, prefix=f".{pad.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w" if tekst else "wb", **tekst) as bestand:
            yield bestand
        os.chmod(tijdelijk, 0o666 & ~UMASK)          # mkstemp makes it private; a document gets the usual rights
        os.replace(tijdelijk, pad)
    except BaseException:
        Path(tijdelijk).unlink(missing_ok=True)
        raise


def namen(map_: Path, begin: str = "", eind: str = "") -> Iterator[os.DirEntry]:
    """The entries of `map_` whose name starts with `begin` and ends with `eind`, one by one: Path.glob first
    lists the whole folder, and the output folder of a bulk run holds a letter per row (450,000 in a city)."""
    with os.scandir(map_) as inhoud:
        yield from (e for e in inhoud if e.name.startswith(begin) and e.name.endswith(eind))


def ruim_halve_op(map_: Path) -> None:
    """Remove the temporary files `atomisch` left when the process was killed while writing."""
    for half in namen(map_, ".", ".tmp"):
        if half.is_file(follow_symlinks=False):
            os.unlink(half.path)
