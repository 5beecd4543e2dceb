"""The outbox: every document bound for the zaaksysteem is kept in the register's database (table zgw_uitgaand,
migration 0003) before the first call, and stays there until each step is done. A step's URL is saved the moment
it succeeds, so a retry (`sjabloon zgw opnieuw`) goes on where the last attempt stopped."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import Column, DateTime, Integer, LargeBinary, MetaData, String, Table, Text, select

WACHTEND = "wachtend"             # not (yet) delivered: an outage or a refusal; `zgw opnieuw` tries it again
AFGELEVERD = "afgeleverd"

# What the queries need to know of the table; the schema is made by migration 0003 of the register.
zgw_uitgaand = Table(
    "zgw_uitgaand", MetaData(),
    Column("id", Integer, primary_key=True), Column("aangemaakt", DateTime), Column("gewijzigd", DateTime),
    Column("identificatie", String), Column("zaak_url", String), Column("sjabloon", String),
    Column("bestandsnaam", String), Column("inhoud", LargeBinary), Column("pdf", LargeBinary),
    Column("metadata", Text), Column("status", String), Column("pogingen", Integer), Column("laatste_fout", Text),
    Column("resultaat", Text),
)


class AlAfgeleverd(Exception):
    """Another attempt delivered this entry first."""


@dataclass(frozen=True)
class Uitgaand:
    id: int
    aangemaakt: dt.datetime       # UTC, whole seconds
    gewijzigd: dt.datetime
    identificatie: str
    zaak_url: str
    sjabloon: str
    bestandsnaam: str
    inhoud: bytes
    pdf: bytes | None
    metadata: dict
    status: str
    pogingen: int
    laatste_fout: str | None
    resultaat: dict               # step -> URL in the zaaksysteem

    def as_json(self) -> dict:
        """What `sjabloon zgw wachtrij --json` shows: no file contents."""
        return {"id": self.id, "aangemaakt": self.aangemaakt.isoformat(), "gewijzigd": self.gewijzigd.isoformat(),
                "identificatie": self.identificatie, "zaak_url": self.zaak_url, "sjabloon": self.sjabloon,
                "bestandsnaam": self.bestandsnaam, "status": self.status, "pogingen": self.pogingen,
                "laatste_fout": self.laatste_fout, "resultaat": self.resultaat}


def nu() -> dt.datetime:
    """Naive UTC in whole seconds, as the register keeps its times."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def _uitgaand(rij) -> Uitgaand:
    return Uitgaand(**dict(rij, inhoud=bytes(rij["inhoud"]), pdf=bytes(rij["pdf"]) if rij["pdf"] is not None else None,
                           metadata=json.loads(rij["metadata"]), resultaat=json.loads(rij["resultaat"])))


class Wachtrij:
    def __init__(self, register):
        self.engine = register.engine

    def plaats(self, *, identificatie: str, zaak_url: str, sjabloon: str, bestandsnaam: str, inhoud: bytes,
               pdf: bytes | None, metadata: dict) -> Uitgaand:
        """Keep a document before anything is sent. The same identificatie twice (the same document stored again)
        gives the entry that is already there, so one document is never delivered twice."""
        with self.engine.begin() as verbinding:
            rij = verbinding.execute(select(zgw_uitgaand).where(
                zgw_uitgaand.c.identificatie == identificatie)).mappings().first()
            if rij is None:
                tijdstip = nu()
                verbinding.execute(zgw_uitgaand.insert().values(
                    aangemaakt=tijdstip, gewijzigd=tijdstip, identificatie=identificatie, zaak_url=zaak_url,
                    sjabloon=sjabloon, bestandsnaam=bestandsnaam, inhoud=inhoud, pdf=pdf,
                    metadata=json.dumps(metadata, ensure_ascii=False), status=WACHTEND, pogingen=0, laatste_fout=None,
                    resultaat="{}"))
        return self.haal(identificatie)

    def haal(self, identificatie: str) -> Uitgaand | None:
        rijen = self._rijen(select(zgw_uitgaand).where(zgw_uitgaand.c.identificatie == identificatie))
        return rijen[0] if rijen else None

    def lijst(self, status: str | None = None) -> list[Uitgaand]:
        vraag = select(zgw_uitgaand).order_by(zgw_uitgaand.c.id)
        if status is not None:
            vraag = vraag.where(zgw_uitgaand.c.status == status)
        return self._rijen(vraag)

    def stap(self, id_: int, stap: str, url: str) -> None:
        """One step succeeded: its URL is kept at once (a read and a write in one transaction)."""
        with self.engine.begin() as verbinding:
            resultaat = json.loads(verbinding.scalar(select(zgw_uitgaand.c.resultaat).where(zgw_uitgaand.c.id == id_)))
            resultaat[stap] = url
            verbinding.execute(zgw_uitgaand.update().where(zgw_uitgaand.c.id == id_).values(
                resultaat=json.dumps(resultaat, ensure_ascii=False), gewijzigd=nu()))

    def mislukt(self, id_: int, fout: str) -> None:
        with self.engine.begin() as verbinding:
            verbinding.execute(zgw_uitgaand.update().where(zgw_uitgaand.c.id == id_).values(
                pogingen=zgw_uitgaand.c.pogingen + 1, laatste_fout=fout, gewijzigd=nu()))

    def afgeleverd(self, id_: int, verbinding) -> None:
        """Marked delivered in the transaction that writes the register entry (Register.voeg_toe's samen_met).
        Raises AlAfgeleverd when another attempt (a second `zgw opnieuw` at the same time) was first: that
        transaction, with its register entry, is then undone, so the register records one delivery."""
        gedaan = verbinding.execute(zgw_uitgaand.update().where(
            zgw_uitgaand.c.id == id_, zgw_uitgaand.c.status == WACHTEND).values(
            status=AFGELEVERD, pogingen=zgw_uitgaand.c.pogingen + 1, laatste_fout=None, gewijzigd=nu()))
        if gedaan.rowcount != 1:
            raise AlAfgeleverd(id_)

    def _rijen(self, vraag) -> list[Uitgaand]:
        with self.engine.connect() as verbinding:
            return [_uitgaand(rij) for rij in verbinding.execute(vraag).mappings()]
