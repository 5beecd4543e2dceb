"""The register in a database: append and read entries, and verify the hash chain. There is no update or delete."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import random
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Column, DateTime, Integer, MetaData, Table, Text, create_engine, exc, func, select, text

from generator.vrijgave.register import sleutelring
from generator.vrijgave.register.anker import Anker
from generator.vrijgave.register.regel import BEGIN, Regel, bereken_hash, canoniek
from generator.vrijgave.register.url import database_url, zonder_wachtwoord
from generator.vullen.fouten import InvoerFout

_MIGRATIE = threading.Lock()      # Alembic keeps its context in module globals: one migration run at a time
# The newest migration in migraties/versions/ (a test checks it against Alembic's head). A register already at this
# version opens without loading Alembic, which costs a third of a second at every command.
SCHEMAVERSIE = "0005"
PAGINA = 1000                     # entries per read when streaming (doorloop, controleer)
POGINGEN = 10                     # a concurrent writer took our predecessor: read the new last entry and try again

# What the queries need to know of the table; the schema itself (lengths, constraints, indexes) is made by the
# migrations in migraties/versions/.
registerregels = Table(
    "registerregels", MetaData(),
    Column("id", Integer, primary_key=True), Column("tijdstip", DateTime),
    *(Column(naam, Text) for naam in ("soort", "sjabloon_id", "sjabloon_versie", "zaaknummer", "sha256", "door",
                                      "gegevens", "vorige_hash", "hash", "sleutel_id")),
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
    def __init__(self, url: str | None = None, anker: Path | None = None):
        """`anker`: the anchor file, else the configured one (generator.plaatsen.registeranker)."""
        self.url = url or database_url()
        self.sleutels = sleutelring.laad()
        self.anker = Anker(zonder_wachtwoord(self.url), anker)
        self._schrijvend = threading.Lock()     # this process's writers one by one: the web app's threads share us
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
                 samen_met=None, stempel=None) -> Regel:
        """`samen_met(verbinding)`: a change elsewhere in this database (an account, a key) made in the same
        transaction as the entry that records it, so the register never misses a change nor records one that failed.
        `stempel(nummer, vorige_hash)`: puts the entry's number and the hash it chains on into the document (its
        metadata) once they are known, in the transaction, and gives the SHA-256 of the document as it goes out."""
        kolommen = _kolommen(soort=soort, sjabloon_id=sjabloon_id, sjabloon_versie=sjabloon_versie, sha256=sha256,
                             door=door, gegevens=gegevens, zaaknummer=zaaknummer, tijdstip=tijdstip)
        nieuw = self._in_keten([kolommen], lambda verbinding: verbinding.execute(
            registerregels.insert().values(**kolommen)).inserted_primary_key[0], eerst=samen_met,
            stempel=stempel and (lambda _, nummer, keten: stempel(nummer, keten)))
        return _regel(dict(kolommen, id=nieuw))

    def roteer_sleutel(self, door: str) -> Regel:
        """A new register key signs from now on (the old ones stay to verify); the entry that says so is the first
        it signs."""
        oud, nieuw = sleutelring.roteer()
        self.sleutels = sleutelring.laad()
        return self.voeg_toe("registersleutel", sjabloon_id="", sjabloon_versie="", sha256="", door=door,
                             gegevens={"handeling": "geroteerd", "sleutel": nieuw, "vorige_sleutel": oud})

    def voeg_toe_reeks(self, regels: list[dict], stempel=None) -> None:
        """Many entries (each with the arguments of voeg_toe) in one transaction, chained in this order: a bulk
        run records a batch of letters at once. `stempel(positie, nummer, vorige_hash)`: as voeg_toe's, for the
        document of regels[positie]."""
        if regels:
            kolommen = [_kolommen(**regel) for regel in regels]
            self._in_keten(kolommen, lambda verbinding: verbinding.execute(registerregels.insert(), kolommen),
                           stempel=stempel)

    def _in_keten(self, reeks: list[dict], schrijf, eerst=None, stempel=None):
        """Chain the entries to the last one in the register, sign them with the current register key and write
        them, in one transaction (after `eerst`); then append the new head to the anchor file."""
        c = registerregels.c
        anker = self.anker.open()           # a file that cannot be written stops us before the entry is made
        try:
            with self._schrijvend:        # SQLite has no row lock: without this, threads raced for the same id
                for poging in range(POGINGEN):
                    try:
                        with self.engine.begin() as verbinding:
                            # Writers queue on a row lock of the first entry (PostgreSQL, MySQL), so each reads the true
                            # last entry. Without such a lock (SQLite, an empty register) the unique vorige_hash refuses
                            # a fork.
                            verbinding.execute(select(c.id).where(c.vorige_hash == BEGIN).with_for_update())
                            if eerst is not None:
                                eerst(verbinding)
                            vorige = verbinding.scalar(select(c.hash).order_by(c.id.desc()).limit(1)) or BEGIN
                            if stempel is not None:
                                for kolommen, nummer in zip(reeks, _volgende_nummers(verbinding, len(reeks))):
                                    kolommen["id"] = nummer
                            for positie, kolommen in enumerate(reeks):
                                if stempel is not None:
                                    kolommen["sha256"] = stempel(positie, kolommen["id"], vorige)
                                kolommen["vorige_hash"], kolommen["sleutel_id"] = vorige, self.sleutels.huidig
                                kolommen["hash"] = vorige = bereken_hash(
                                    kolommen, sleutel=self.sleutels.sleutel(self.sleutels.huidig))
                            uitkomst = schrijf(verbinding)
                            kop = verbinding.execute(select(c.id, c.hash).order_by(c.id.desc()).limit(1)).one()
                        self.anker.schrijf(anker, kop.id, kop.hash)
                        anker = None
                        return uitkomst
                    except exc.IntegrityError:
                        if poging == POGINGEN - 1:
                            raise
                        time.sleep(random.uniform(0, 0.02 * (poging + 1)))     # let the other writer finish first
                    except exc.DBAPIError as fout:       # the database went away, is read-only, the disk is full ...
                        reden = str(fout.orig or fout).split("\n")[0]
                        raise RegisterFout(f"het register {zonder_wachtwoord(self.url)} kan niet worden bijgeschreven: "
                                           f"{reden}") from fout
        finally:
            if anker is not None:
                os.close(anker)

    def regels(self, zaak: str | None = None, sjabloon: str | None = None, soort: str | None = None,
               sinds: dt.datetime | None = None) -> list[Regel]:
        return list(self.doorloop(zaak, sjabloon, soort, sinds))

    def doorloop(self, zaak: str | None = None, sjabloon: str | None = None, soort: str | None = None,
                 sinds: dt.datetime | None = None) -> Iterator[Regel]:
        """The entries as `regels`, one by one from the database: a bulk run of 450,000 letters looks through its
        template's entries without holding them all."""
        c = registerregels.c
        vraag = select(registerregels).order_by(c.id)
        for kolom, waarde in ((c.zaaknummer, zaak), (c.sjabloon_id, sjabloon), (c.soort, soort)):
            if waarde is not None:
                vraag = vraag.where(kolom == waarde)
        if sinds is not None:
            vraag = vraag.where(c.tijdstip >= _utc(sinds))
        return map(_regel, self._stroom(vraag))

    def document(self, sha256: str) -> Regel | None:
        """The last document entry with this SHA-256: the entry a stored letter belongs to, or None."""
        c = registerregels.c
        rijen = self._rijen(select(registerregels).where(c.soort == "document", c.sha256 == sha256)
                            .order_by(c.id.desc()).limit(1))
        return _regel(rijen[0]) if rijen else None

    def aantal(self) -> int:
        with self.engine.connect() as verbinding:
            return verbinding.scalar(select(func.count()).select_from(registerregels))

    def controleer(self) -> list[str]:
        """Every place where the chain does not hold, where an entry's HMAC does not match its key, or where the
        register lost or changed a head the anchor file recorded; in Dutch, empty when the register is intact.
        Reads the entries one by one and keeps the hashes of the anchor's heads and of the last entry only."""
        koppen = self.anker.koppen()[0]
        problemen, vorige, gesleuteld, hashes = [], None, None, {}
        for rij in self._stroom(select(registerregels).order_by(registerregels.c.id)):
            if rij["id"] in koppen:
                hashes[rij["id"]] = rij["hash"]
            if rij["sleutel_id"] is not None:
                gesleuteld = gesleuteld or rij["id"]
            if probleem := self._hash_probleem(rij, gesleuteld):
                problemen.append(f"regel {rij['id']}: {probleem}")
            if vorige is None and rij["vorige_hash"] != BEGIN:
                problemen.append(f"regel {rij['id']}: keten gebroken: de eerste regel wijst naar een vorige regel "
                                 "(begin van het register verwijderd?)")
            elif vorige is not None and rij["vorige_hash"] != vorige["hash"]:
                problemen.append(f"regel {rij['id']}: keten gebroken: vorige_hash wijst niet naar regel {vorige['id']} "
                                 "(regel verwijderd of ingevoegd?)")
            vorige = rij
        if vorige is not None:                  # the anchor check needs the last number, and whether there is one
            hashes[vorige["id"]] = vorige["hash"]
        return problemen + self.anker.controleer(hashes)

    def _hash_probleem(self, rij: dict, gesleuteld: int | None) -> str | None:
        if rij["sleutel_id"] is None:
            if gesleuteld is not None:          # the keyed chain began at `gesleuteld`: nothing unkeyed comes after
                return (f"zonder registersleutel, na regel {gesleuteld} met sleutel: de regel is herschreven of "
                        f"toegevoegd zonder de sleutel")
            return None if bereken_hash(rij) == rij["hash"] else "inhoud gewijzigd (hash klopt niet)"
        sleutel = self.sleutels.sleutel(rij["sleutel_id"])
        if sleutel is None:
            return (f"getekend met registersleutel {rij['sleutel_id']}, die hier niet bekend is: de regel kan niet "
                    f"worden gecontroleerd (zet die sleutel in het sleutelbestand of in SJABLOON_REGISTER_SLEUTEL)")
        if bereken_hash(rij, sleutel) == rij["hash"]:
            return None
        if bereken_hash(rij) == rij["hash"]:
            return "hash opnieuw berekend zonder de registersleutel: de regel is herschreven"
        return "inhoud gewijzigd (hash klopt niet)"

    def controleer_document(self, inhoud: bytes, naam: str) -> list[str]:
        """Does this document belong to the register: the entry its metadata names is there, chains on the hash the
        document carries, and has the document's SHA-256? In Dutch, empty when it does."""
        from generator.vrijgave.register.stempel import lees_stempel
        nummer, keten = lees_stempel(inhoud)
        if nummer is None:
            return [f"{naam}: het document noemt geen registerregel in zijn eigenschappen (gemaakt vóór het anker, "
                    f"of de eigenschappen zijn gewist)"]
        [rij] = self._rijen(select(registerregels).where(registerregels.c.id == nummer)) or [None]
        if rij is None:
            return [f"{naam}: registerregel {nummer} die het document noemt, staat niet (meer) in het register "
                    f"(regel verwijderd?)"]
        problemen = []
        if rij["vorige_hash"] != keten:
            problemen.append(f"{naam}: de keten in het document ({keten[:12]}…) wijkt af van registerregel {nummer} "
                             f"({rij['vorige_hash'][:12]}…): het register is herschreven")
        if rij["sha256"] != hashlib.sha256(inhoud).hexdigest():
            problemen.append(f"{naam}: de SHA-256 van het document wijkt af van registerregel {nummer}: het document "
                             f"is na het maken gewijzigd")
        return problemen

    def _rijen(self, vraag) -> list[dict]:
        with self.engine.connect() as verbinding:
            return [dict(rij) for rij in verbinding.execute(vraag).mappings()]

    def _stroom(self, vraag) -> Iterator[dict]:
        """The rows of `vraag` (ordered by id) one by one, read a page at a time, each page in a read of its own:
        a reader that takes its time (a pager, a bulk run) never holds the database between pages. An open read
        on SQLite locks every writer out (`database is locked`)."""
        laatste = None
        while True:
            rijen = self._rijen((vraag if laatste is None else vraag.where(registerregels.c.id > laatste))
                                .limit(PAGINA))
            yield from rijen
            if len(rijen) < PAGINA:
                return
            laatste = rijen[-1]["id"]


def _volgende_nummers(verbinding, aantal: int) -> list[int]:
    """The numbers the next `aantal` entries get, rising, known before they are written (a document carries its
    own): PostgreSQL's sequence, elsewhere the ones after the last (writers are one at a time there; a second one
    with the same number is refused as a fork and tries again)."""
    if verbinding.dialect.name == "postgresql":
        return sorted(verbinding.scalars(text("SELECT nextval(pg_get_serial_sequence('registerregels', 'id')) "
                                              "FROM generate_series(1, :aantal)"), {"aantal": aantal}))
    laatste = verbinding.scalar(select(func.max(registerregels.c.id))) or 0
    return list(range(laatste + 1, laatste + 1 + aantal))


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
