"""Local accounts: a name, a password (argon2id hash) and roles, kept in the register's database. The embedded
default for a municipality without its own identity provider (`make demo` on one machine). Every change is written to
the register (soort `gebruiker`) in the same transaction; the password and its hash never are."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Boolean, Column, DateTime, Integer, MetaData, String, Table, Text, func, select

from generator.vullen.fouten import InvoerFout
from toegang.identiteit import LOKAAL, Identiteit
from toegang.rollen import controleer_rollen

MINIMUM_LENGTE = 12
MAXIMUM_LENGTE = 1024             # argon2 takes any length; a megabyte posted to the login page need not be hashed
NAAM = re.compile(r"[a-z0-9][a-z0-9._@-]{0,99}")
SOORT = "gebruiker"               # register entries of account changes

_HASHER = PasswordHasher()        # argon2id with the RFC 9106 low-memory profile (64 MiB, 3 passes)
_SCHIJN: tuple = (None, "")       # (hasher, stand-in hash): made at the first login, not at every import

# What the queries need to know of the table; the schema is made by migration 0002 of the register.
gebruikers = Table(
    "gebruikers", MetaData(),
    Column("id", Integer, primary_key=True), Column("naam", String), Column("volledige_naam", String),
    Column("wachtwoord_hash", String), Column("rollen", Text), Column("actief", Boolean),
    Column("aangemaakt", DateTime), Column("gewijzigd", DateTime),
)


class GebruikerFout(InvoerFout):
    """A name, password or account that cannot be used; the message says which field."""


@dataclass(frozen=True)
class Account:
    """What `lijst` shows of an account: no password, no hash."""
    naam: str
    volledige_naam: str | None
    rollen: tuple[str, ...]
    actief: bool
    aangemaakt: dt.datetime       # UTC, whole seconds
    gewijzigd: dt.datetime

    def identiteit(self) -> Identiteit:
        return Identiteit(subject=f"{LOKAAL}:{self.naam}", naam=self.volledige_naam or self.naam,
                          rollen=frozenset(self.rollen), bron=LOKAAL)

    def as_json(self) -> dict:
        return {"naam": self.naam, "volledige_naam": self.volledige_naam, "rollen": list(self.rollen),
                "actief": self.actief, "aangemaakt": self.aangemaakt.isoformat(), "gewijzigd": self.gewijzigd.isoformat()}


def controleer_naam(naam: str) -> str:
    """The account name in lower case, or GebruikerFout saying what a name may hold."""
    schoon = (naam or "").strip().lower()
    if not NAAM.fullmatch(schoon):
        raise GebruikerFout(f"naam '{naam}' kan niet: gebruik kleine letters, cijfers en . _ @ - (begin met een letter "
                            "of cijfer, ten hoogste 100 tekens), bijvoorbeeld a.devries")
    return schoon


def controleer_wachtwoord(wachtwoord: str) -> str:
    if len(wachtwoord or "") < MINIMUM_LENGTE:
        raise GebruikerFout(f"wachtwoord is te kort: gebruik minstens {MINIMUM_LENGTE} tekens (een zin van een paar "
                            "woorden is goed te onthouden)")
    if len(wachtwoord) > MAXIMUM_LENGTE:
        raise GebruikerFout(f"wachtwoord is te lang: ten hoogste {MAXIMUM_LENGTE} tekens")
    return wachtwoord


def _rollen(rollen) -> list[str]:
    namen = sorted(set(controleer_rollen(rollen or [])))
    if not namen:
        raise GebruikerFout("rol ontbreekt: geef minstens één rol (--rol), bijvoorbeeld zaakbehandelaar")
    return namen


def _schijn_hash() -> str:
    """Verified for a name that has no account, so a wrong name costs as long as a wrong password: timing does not
    tell which names exist. Made with the hasher in use, so its costs are those of a real account's hash."""
    global _SCHIJN
    if _SCHIJN[0] is not _HASHER:
        _SCHIJN = (_HASHER, _HASHER.hash("geen account met deze naam"))
    return _SCHIJN[1]


def nu() -> dt.datetime:
    """Naive UTC in whole seconds, as the register keeps its times."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def _account(rij) -> Account:
    return Account(naam=rij["naam"], volledige_naam=rij["volledige_naam"], rollen=tuple(json.loads(rij["rollen"])),
                   actief=bool(rij["actief"]), aangemaakt=rij["aangemaakt"], gewijzigd=rij["gewijzigd"])


class Gebruikers:
    def __init__(self, register):
        self.register = register

    def toevoegen(self, naam: str, wachtwoord: str, rollen: list[str], volledige_naam: str | None = None, *,
                  door: str) -> Identiteit:
        naam, rollen = controleer_naam(naam), _rollen(rollen)
        volledige_naam = (volledige_naam or "").strip() or None
        if volledige_naam and len(volledige_naam) > 200:
            raise GebruikerFout("volledige naam is te lang: ten hoogste 200 tekens")
        hash_ = _HASHER.hash(controleer_wachtwoord(wachtwoord))
        tijdstip = nu()

        def voeg_in(verbinding):
            if verbinding.scalar(select(gebruikers.c.id).where(gebruikers.c.naam == naam)) is not None:
                raise GebruikerFout(f"naam '{naam}' is al in gebruik (ook een uitgeschakeld account houdt zijn naam); "
                                    "kies een andere naam")
            verbinding.execute(gebruikers.insert().values(naam=naam, volledige_naam=volledige_naam,
                                                          wachtwoord_hash=hash_, rollen=json.dumps(rollen), actief=True,
                                                          aangemaakt=tijdstip, gewijzigd=tijdstip))

        self._leg_vast("toegevoegd", naam, door, voeg_in, rollen=rollen, volledige_naam=volledige_naam)
        return Account(naam, volledige_naam, tuple(rollen), True, tijdstip, tijdstip).identiteit()

    def aanmelden(self, naam: str, wachtwoord: str) -> Identiteit | None:
        """The identity when the name, password and account are right, else None (which of the three is not said)."""
        try:
            naam = controleer_naam(naam)
        except GebruikerFout:
            naam = None
        rij = self._rij(naam) if naam else None
        if len(wachtwoord or "") > MAXIMUM_LENGTE:
            wachtwoord, rij = "", None          # still verify the stand-in: a too long password costs the same
        try:
            _HASHER.verify(rij["wachtwoord_hash"] if rij else _schijn_hash(), wachtwoord or "")
        except (VerificationError, InvalidHashError):
            return None
        if rij is None or not rij["actief"]:
            return None
        if _HASHER.check_needs_rehash(rij["wachtwoord_hash"]):      # the costs went up since: store a stronger hash
            self._wijzig(naam, wachtwoord_hash=_HASHER.hash(wachtwoord))
        return _account(rij).identiteit()

    def identiteit(self, naam: str) -> Identiteit | None:
        """The identity of an active account, without its password: a session refreshes its roles with it."""
        rij = self._rij(naam)
        return _account(rij).identiteit() if rij and rij["actief"] else None

    def account(self, naam: str) -> Account | None:
        rij = self._rij(naam)
        return _account(rij) if rij else None

    def lijst(self) -> list[Account]:
        with self.register.engine.connect() as verbinding:
            return [_account(rij) for rij in verbinding.execute(select(gebruikers).order_by(gebruikers.c.naam)).mappings()]

    def aantal_actief(self) -> int:
        with self.register.engine.connect() as verbinding:
            return verbinding.scalar(select(func.count()).select_from(gebruikers).where(gebruikers.c.actief.is_(True)))

    def zet_rollen(self, naam: str, rollen: list[str], *, door: str) -> Identiteit:
        rollen = _rollen(rollen)
        naam = self.bestaand(naam)
        self._leg_vast("rollen", naam, door, lambda v: self._wijzig(naam, verbinding=v, rollen=json.dumps(rollen)),
                       rollen=rollen)
        return self.account(naam).identiteit()

    def uitschakelen(self, naam: str, *, door: str) -> None:
        naam = self.bestaand(naam)
        self._leg_vast("uitgeschakeld", naam, door, lambda v: self._wijzig(naam, verbinding=v, actief=False))

    def inschakelen(self, naam: str, *, door: str) -> None:
        """Undo uitschakelen (the same person returns, under the same name and subject)."""
        naam = self.bestaand(naam)
        self._leg_vast("ingeschakeld", naam, door, lambda v: self._wijzig(naam, verbinding=v, actief=True))

    def zet_wachtwoord(self, naam: str, wachtwoord: str, *, door: str) -> None:
        naam = self.bestaand(naam)
        hash_ = _HASHER.hash(controleer_wachtwoord(wachtwoord))
        self._leg_vast("wachtwoord", naam, door, lambda v: self._wijzig(naam, verbinding=v, wachtwoord_hash=hash_))

    def bestaand(self, naam: str) -> str:
        """The account name as stored, or GebruikerFout when there is no such account (before asking a password)."""
        naam = controleer_naam(naam)
        if self._rij(naam) is None:
            raise GebruikerFout(f"er is geen account '{naam}' (zie: sjabloon gebruiker lijst)")
        return naam

    def _rij(self, naam: str) -> dict | None:
        try:
            naam = controleer_naam(naam)
        except GebruikerFout:
            return None
        with self.register.engine.connect() as verbinding:
            rij = verbinding.execute(select(gebruikers).where(gebruikers.c.naam == naam)).mappings().first()
        return dict(rij) if rij else None

    def _wijzig(self, naam: str, verbinding=None, **waarden) -> None:
        opdracht = gebruikers.update().where(gebruikers.c.naam == naam).values(**waarden, gewijzigd=nu())
        if verbinding is not None:
            verbinding.execute(opdracht)
        else:
            with self.register.engine.begin() as eigen:
                eigen.execute(opdracht)

    def _leg_vast(self, handeling: str, naam: str, door: str, wijziging, **gegevens) -> None:
        """The change and the register entry that records it, in one transaction."""
        if not (door or "").strip():
            raise GebruikerFout("door ontbreekt: wie voert deze wijziging uit?")
        self.register.voeg_toe(SOORT, sjabloon_id="", sjabloon_versie="", sha256="", door=door.strip(),
                               gegevens={"handeling": handeling, "account": naam, "subject": f"{LOKAAL}:{naam}",
                                         **gegevens}, samen_met=wijziging)
