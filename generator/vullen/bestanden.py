"""Read YAML or JSON data files with errors that name the file and the line."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from generator.vullen.fouten import InvoerFout


class _TekstLoader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text, so a bad date becomes a validation message, not a crash."""


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
    if not isinstance(data, dict):
        raise InvoerFout(f"{naam}: de inhoud moet een groep velden zijn (naam: waarde)")
    return data
