"""Read YAML or JSON data files with errors that name the file and the line; write files whole or not at all."""

from __future__ import annotations

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
    """The safe loader that leaves dates as text, so a bad date becomes a validation message, not a crash."""


_TekstLoader.yaml_implicit_resolvers = {
    teken: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for teken, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def lees_gegevens(pad: Path) -> dict:
    """Parse a YAML or JSON file that must hold a mapping (naam: waarde)."""
    pad = Path(pad)
    try:
        tekst = pad.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InvoerFout(f"{pad}: bestand niet gevonden") from None
    except (UnicodeDecodeError, IsADirectoryError):
        raise InvoerFout(f"{pad}: geen tekstbestand in UTF-8") from None
    return ontleed_gegevens(tekst, str(pad), pad.suffix.lower() == ".json")


def ontleed_gegevens(tekst: str, naam: str, als_json: bool) -> dict:
    """YAML or JSON text that must hold a mapping; `naam` is the file name the messages give."""
    try:
        data = json.loads(tekst) if als_json else yaml.load(tekst, Loader=_TekstLoader)
    except json.JSONDecodeError as fout:
        raise InvoerFout(f"{naam}: regel {fout.lineno}: ongeldige JSON ({fout.msg})") from None
    except yaml.YAMLError as fout:
        regel = getattr(getattr(fout, "problem_mark", None), "line", None)
        waar = f"regel {regel + 1}: " if regel is not None else ""
        raise InvoerFout(f"{naam}: {waar}ongeldige YAML ({getattr(fout, 'problem', None) or fout})") from None
    except ValueError:          # int() refuses a number of more digits than Python allows (a hostile file)
        raise InvoerFout(f"{naam}: een getal heeft meer dan {sys.get_int_max_str_digits()} cijfers; is het een tekst, "
                         f"zet het dan tussen aanhalingstekens") from None
    if not isinstance(data, dict):
        raise InvoerFout(f"{naam}: de inhoud moet een groep velden zijn (naam: waarde)")
    return data


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
