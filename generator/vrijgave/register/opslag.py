"""The register in a database: append and read entries, and verify the hash chain. There is no update or delete."""

from __future__ import annotations

import datetime as dt
import json
import random
import threading
import time
from pathlib import Path

from sqlalchemy import Column, DateTime, Integer, MetaData, Table, Text, create_engine, exc, select, text

from generator.vrijgave.register.regel import BEGIN, Regel, bereken_hash, canoniek
from generator.vrijgave.register.url import database_url, zonder_wachtwoord
from generator.vullen.fouten import InvoerFout

_MIGRATIE = threading.Lock()      # Alembic keeps its context in module globals: one migration run at a time
# The newest migration in migraties/versions/ (a test checks it against Alembic's head). A register already at this
# version opens without loading Alembic, which costs a third of a second at every command.
SCHEMAVERSIE = "0003"
POGINGEN = 10                     # a concurrent writer took our predecessor: read the new last entry and try again

# What the queries need to know of the table; the schema itself (lengths, constraints, indexes) is made by the
# migrations in migraties/versions/.
registerregels = Table(
    "registerregels", MetaData(),
    Column("id", Integer, primary_key=True), Column("tijdstip", DateTime),
    *(Column(naam, Text) for naam in ("soort", "sjabloon_id", "sjabloon_versie", "zaaknummer", "sha256", "door",
                                      "gegevens", "vorige_hash", "hash")),
)


class RegisterFout(InvoerFout):
    """The register database cannot be opened."""


def migratie_config():
    """Alembic's settings without an alembic.ini: the migrations ship inside this package."""
    from alembic.config import Config
    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migraties"))
    return config


def _schemaversie(engine) -> str | None:
    """The migration the database is at, or None for a new database (no alembic_version table yet)."""
    with engine.connect() as verbinding:
        try:
            return verbinding.scalar(text("SELECT version_num FROM alembic_version"))
        except exc.DBAPIError:
            return None


class _SchemaOnbekend(Exception):
    """The database is at a migration this code does not know (made by a newer version)."""


def _migreer(engine) -> None:
    from alembic import command
    from alembic.util import CommandError
    try:
        with _MIGRATIE, engine.begin() as verbinding:
            config = migratie_config()
            config.attributes["connection"] = verbinding
            command.upgrade(config, "head")
    except CommandError as fout:
        raise _SchemaOnbekend(str(fout)) from fout


class Register:
    def __init__(self, url: str | None = None):
        self.url = url or database_url()
        try:
            self.engine = create_engine(self.url)
            if _schemaversie(self.engine) != SCHEMAVERSIE:
                _migreer(self.engine)
        except (exc.SQLAlchemyError, ImportError, _SchemaOnbekend) as fout:
            reden = str(fout).split("\n")[0]
            raise RegisterFout(f"het register {zonder_wachtwoord(self.url)} kan niet worden geopend: {reden}") from fout

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.engine.dispose()

    def voeg_toe(self, soort: str, *, sjabloon_id: str, sjabloon_versie: str, sha256: str, door: str,
                 gegevens: dict, zaaknummer: str | None = None, tijdstip: dt.datetime | None = None,
                 samen_met=None) -> Regel:
        """`samen_met(verbinding)`: a change elsewhere in this database (an account, a key) made in the same
        transaction as the entry that records it, so the register never misses a change nor records one that failed."""
        kolommen = _kolommen(soort=soort, sjabloon_id=sjabloon_id, sjabloon_versie=sjabloon_versie, sha256=sha256,
                             door=door, gegevens=gegevens, zaaknummer=zaaknummer, tijdstip=tijdstip)
        nieuw = self._in_keten([kolommen], lambda verbinding: verbinding.execute(
            registerregels.insert().values(**kolommen)).inserted_primary_key[0], eerst=samen_met)
        return _regel(dict(kolommen, id=nieuw))

    def voeg_toe_reeks(self, regels: list[dict]) -> None:
        """Many entries (each with the arguments of voeg_toe) in one transaction, chained in this order: a bulk
        run records a batch of letters at once."""
        if regels:
            kolommen = [_kolommen(**regel) for regel in regels]
            self._in_keten(kolommen, lambda verbinding: verbinding.execute(registerregels.insert(), kolommen))

    def _in_keten(self, reeks: list[dict], schrijf, eerst=None):
        """Chain the entries to the last one in the register and write them, in one transaction (after `eerst`)."""
        c = registerregels.c
        for poging in range(POGINGEN):
            try:
                with self.engine.begin() as verbinding:
                    # Writers queue on a row lock of the first entry (PostgreSQL, MySQL), so each reads the true last
                    # entry. Without such a lock (SQLite, an empty register) the unique vorige_hash refuses a fork.
                    verbinding.execute(select(c.id).where(c.vorige_hash == BEGIN).with_for_update())
                    if eerst is not None:
                        eerst(verbinding)
                    vorige = verbinding.scalar(select(c.hash).order_by(c.id.desc()).limit(1)) or BEGIN
                    for kolommen in reeks:
                        kolommen["vorige_hash"] = vorige
                        kolommen["hash"] = vorige = bereken_hash(kolommen)
                    return schrijf(verbinding)
            except exc.IntegrityError:
                if poging == POGINGEN - 1:
                    raise
                time.sleep(random.uniform(0, 0.02 * (poging + 1)))     # let the other writer finish first

    def regels(self, zaak: str | None = None, sjabloon: str | None = None, soort: str | None = None,
               sinds: dt.datetime | None = None) -> list[Regel]:
        c = registerregels.c
        vraag = select(registerregels).order_by(c.id)
        for kolom, waarde in ((c.zaaknummer, zaak), (c.sjabloon_id, sjabloon), (c.soort, soort)):
            if waarde is not None:
                vraag = vraag.where(kolom == waarde)
        if sinds is not None:
            vraag = vraag.where(c.tijdstip >= _utc(sinds))
        return [_regel(rij) for rij in self._rijen(vraag)]

    def controleer(self) -> list[str]:
        """Every place where the chain does not hold, in Dutch; empty when the register is intact."""
        problemen, vorige = [], None
        for rij in self._rijen(select(registerregels).order_by(registerregels.c.id)):
            if bereken_hash(rij) != rij["hash"]:
                problemen.append(f"regel {rij['id']}: inhoud gewijzigd (hash klopt niet)")
            if vorige is None and rij["vorige_hash"] != BEGIN:
                problemen.append(f"regel {rij['id']}: keten gebroken: de eerste regel wijst naar een vorige regel "
                                 "(begin van het register verwijderd?)")
            elif vorige is not None and rij["vorige_hash"] != vorige["hash"]:
                problemen.append(f"regel {rij['id']}: keten gebroken: vorige_hash wijst niet naar regel {vorige['id']} "
                                 "(regel verwijderd of ingevoegd?)")
            vorige = rij
        return problemen

    def _rijen(self, vraag) -> list[dict]:
        with self.engine.connect() as verbinding:
            return [dict(rij) for rij in verbinding.execute(vraag).mappings()]


def _kolommen(soort: str, sjabloon_id: str, sjabloon_versie: str, sha256: str, door: str, gegevens: dict,
              zaaknummer: str | None = None, tijdstip: dt.datetime | None = None) -> dict:
    return dict(tijdstip=_utc(tijdstip or dt.datetime.now(dt.UTC)), soort=soort, sjabloon_id=sjabloon_id,
                sjabloon_versie=str(sjabloon_versie), zaaknummer=zaaknummer, sha256=sha256, door=door,
                gegevens=canoniek(gegevens))


def _utc(tijdstip: dt.datetime) -> dt.datetime:
    """Naive UTC in whole seconds: SQLite and PostgreSQL then give back exactly what was hashed."""
    if tijdstip.tzinfo is not None:
        tijdstip = tijdstip.astimezone(dt.UTC).replace(tzinfo=None)
    return tijdstip.replace(microsecond=0)


def _regel(kolommen: dict) -> Regel:
    return Regel(**dict(kolommen, gegevens=json.loads(kolommen["gegevens"])))
