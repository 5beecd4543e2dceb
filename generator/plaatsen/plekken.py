"""The places themselves: for each, where the value came from (omgevingsvariabele, instellingenbestand,
gemeenteprofiel or standaard), so `sjabloon info` can tell the user why a place is what it is."""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from checks.content import REPO_ROOT
from generator.plaatsen.instellingen import InstellingenFout, lees

APP = "sjabloonstraat"
VOORBEELDCATALOGUS = REPO_ROOT / "templates"    # shipped with the code: only ever read, copied on first use
OMGEVING = {"instellingen": "SJABLOON_INSTELLINGEN", "catalogus": "SJABLOON_TEMPLATES",
            "register": "SJABLOON_DATABASE_URL", "uitvoer": "SJABLOON_UITVOER",
            "registersleutel": "SJABLOON_REGISTER_SLEUTELBESTAND", "registeranker": "SJABLOON_REGISTER_ANKER"}


@dataclass(frozen=True)
class Plek:
    waarde: str                 # a folder or file path, or the register's database URL
    bron: str                   # omgevingsvariabele, instellingenbestand, gemeenteprofiel or standaard
    via: str | None = None      # the variable or key that gave it

    @property
    def pad(self) -> Path:
        return Path(self.waarde)

    def als_json(self) -> dict:
        return {"waarde": self.waarde, "bron": self.bron, "via": self.via}


def instellingenbestand() -> Plek:
    """SJABLOON_INSTELLINGEN, else instellingen.toml in the user's configuration folder."""
    if gekozen := _omgeving("instellingen"):
        return Plek(os.path.abspath(os.path.expanduser(gekozen.waarde)), gekozen.bron, gekozen.via)
    import platformdirs
    return Plek(str(Path(platformdirs.user_config_dir(APP, appauthor=False)) / "instellingen.toml"), "standaard")


def lees_instellingen() -> dict[str, str]:
    """The places chosen in the settings file; raises InstellingenFout when it is wrong."""
    return lees(instellingenbestand().pad)


def catalogus_map(gebruik: bool = True) -> Plek:
    """The template catalogue. By default `sjablonen` in the user's data folder, made on first use as a copy of the
    example catalogue shipped with the code, so a release by the werkgroep never writes into the code.
    `gebruik=False` only names the place (sjabloon info): nothing is made or checked."""
    if gekozen := _omgeving("catalogus") or _bestand("catalogus"):
        if gebruik and not gekozen.pad.is_dir():       # a typo must not quietly start a new, empty catalogue
            if gekozen.bron == "instellingenbestand":
                raise InstellingenFout(f"{instellingenbestand().waarde}: catalogus: de map {gekozen.waarde} bestaat niet")
            raise InstellingenFout(f"{gekozen.waarde}: de catalogus (omgevingsvariabele {gekozen.via}) bestaat niet")
        return gekozen
    map_ = _gebruikersdata() / "sjablonen"
    if gebruik and not map_.is_dir():
        with _kan_niet_maken(map_, "de catalogus", "SJABLOON_TEMPLATES", "catalogus"):
            _kopieer_voorbeeldcatalogus(map_)
    return Plek(str(map_), "standaard")


def register_url(profiel: dict | None = None, gebruik: bool = True) -> Plek:
    """SJABLOON_DATABASE_URL, the gemeente profile's `register` (a choice for that gemeente wins over a user's
    general one), the settings file, else register.sqlite in the user's data folder: the same register in every
    folder a command runs from. `gebruik` creates that folder, which SQLite needs."""
    if gekozen := _omgeving("register"):
        return gekozen
    if waarde := (profiel or {}).get("register"):
        return Plek(str(waarde), "gemeenteprofiel", "register")
    if gekozen := _bestand("register"):
        return gekozen
    map_ = _gebruikersdata()
    if gebruik:
        with _kan_niet_maken(map_, "de map van het register", "SJABLOON_DATABASE_URL", "register"):
            map_.mkdir(parents=True, exist_ok=True)
    return Plek(f"sqlite:///{map_.as_posix()}/register.sqlite", "standaard")


def uitvoer_map() -> Plek:
    """Where generated documents go unless a command says --uit: by default Sjabloonstraat in the user's Documents
    folder (the writer creates it when it writes the first document)."""
    if gekozen := _omgeving("uitvoer") or _bestand("uitvoer"):
        return gekozen
    import platformdirs
    return Plek(str(Path(platformdirs.user_documents_dir()) / "Sjabloonstraat"), "standaard")


def registersleutel_bestand() -> Plek:
    """The register's key ring (generator/vrijgave/register/sleutelring.py): kept outside the database, by default
    beside the register in the user's data folder, made on first use with rights for the user alone."""
    return _omgeving("registersleutel") or _bestand("registersleutel") or Plek(
        str(_gebruikersdata() / "registersleutels"), "standaard")


def registeranker() -> Plek:
    """The anchor file: the register's head (number and hash) after every write, appended, outside the database."""
    return _omgeving("registeranker") or _bestand("registeranker") or Plek(
        str(_gebruikersdata() / "register-anker.jsonl"), "standaard")


def _omgeving(sleutel: str) -> Plek | None:
    variabele = OMGEVING[sleutel]
    waarde = os.environ.get(variabele)
    return Plek(waarde, "omgevingsvariabele", variabele) if waarde else None


def _bestand(sleutel: str) -> Plek | None:
    waarde = lees_instellingen().get(sleutel)
    return Plek(waarde, "instellingenbestand", sleutel) if waarde else None


@contextmanager
def _kan_niet_maken(map_: Path, wat: str, variabele: str, sleutel: str):
    try:
        yield
    except OSError as fout:
        raise InstellingenFout(f"{map_}: {wat} kan hier niet worden gemaakt ({fout.strerror}); kies een andere "
                               f"plek met {variabele} of met {sleutel} in {instellingenbestand().waarde}") from None


def _gebruikersdata() -> Path:
    import platformdirs
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def _kopieer_voorbeeldcatalogus(doel: Path) -> None:
    """Copy into a temporary folder beside `doel` and rename it: a second process starting at the same moment sees
    either no catalogue or a whole one. Files get the user's own rights, not the (maybe read-only) installed ones."""
    doel.parent.mkdir(parents=True, exist_ok=True)
    werkmap = Path(tempfile.mkdtemp(prefix=".sjablonen-", dir=doel.parent))
    try:
        kopie = werkmap / doel.name
        kopie.mkdir()
        for bron in sorted(VOORBEELDCATALOGUS.rglob("*")):         # a folder sorts before what it holds
            deel = bron.relative_to(VOORBEELDCATALOGUS)
            if any(naam.startswith((".", "~$")) or naam == "__pycache__" for naam in deel.parts):
                continue
            if bron.is_dir():
                (kopie / deel).mkdir()
            else:
                shutil.copyfile(bron, kopie / deel)
        try:
            kopie.rename(doel)
        except OSError:
            if not doel.is_dir():           # not another process that was just as quick
                raise
    finally:
        shutil.rmtree(werkmap, ignore_errors=True)
