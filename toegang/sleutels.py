"""Named service keys, for systems such as a zaaksysteem that call the API: one role each, the secret shown once and
stored only as its SHA-256 (it is 32 random bytes, so a slow hash adds nothing), revoked by name. Every change is
written to the register (soort `sleutel`) in the same transaction."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import Boolean, Column, DateTime, Integer, MetaData, String, Table, select

from generator.vullen.fouten import InvoerFout
from toegang.gebruikers import NAAM, nu
from toegang.identiteit import SLEUTEL, Identiteit
from toegang.rollen import controleer_rollen

VOORVOEGSEL = "sjs_"              # tells a service key from a provider's token in `Authorization: Bearer`
SOORT = "sleutel"                 # register entries of key changes

# What the queries need to know of the table; the schema is made by migration 0002 of the register.
sleutels = Table(
    "sleutels", MetaData(),
    Column("id", Integer, primary_key=True), Column("naam", String), Column("hash", String), Column("rol", String),
    Column("actief", Boolean), Column("aangemaakt", DateTime), Column("ingetrokken", DateTime),
)


class SleutelFout(InvoerFout):
    """A key name or role that cannot be used; the message says which field."""


@dataclass(frozen=True)
class Sleutel:
    """What `lijst` shows of a key: never the secret or its hash."""
    naam: str
    rol: str
    actief: bool
    aangemaakt: dt.datetime       # UTC, whole seconds
    ingetrokken: dt.datetime | None

    def as_json(self) -> dict:
        return {"naam": self.naam, "rol": self.rol, "actief": self.actief, "aangemaakt": self.aangemaakt.isoformat(),
                "ingetrokken": self.ingetrokken.isoformat() if self.ingetrokken else None}


def _hash(geheim: str) -> str:
    return hashlib.sha256(geheim.encode()).hexdigest()


def _naam(naam: str) -> str:
    schoon = (naam or "").strip().lower()
    if not NAAM.fullmatch(schoon):
        raise SleutelFout(f"naam '{naam}' kan niet: gebruik kleine letters, cijfers en . _ @ - (begin met een letter "
                          "of cijfer, ten hoogste 100 tekens), bijvoorbeeld zaaksysteem")
    return schoon


def _sleutel(rij) -> Sleutel:
    return Sleutel(naam=rij["naam"], rol=rij["rol"], actief=bool(rij["actief"]), aangemaakt=rij["aangemaakt"],
                   ingetrokken=rij["ingetrokken"])


class Sleutels:
    def __init__(self, register):
        self.register = register

    def maak(self, naam: str, rol: str, *, door: str) -> str:
        """The secret, returned this once: only its hash is kept."""
        naam = _naam(naam)
        [rol] = controleer_rollen([rol]) or [None]
        if rol is None:
            raise SleutelFout("rol ontbreekt: een sleutel heeft één rol (--rol), bijvoorbeeld zaakbehandelaar")
        geheim = VOORVOEGSEL + secrets.token_urlsafe(32)

        def voeg_in(verbinding):
            if verbinding.scalar(select(sleutels.c.id).where(sleutels.c.naam == naam)) is not None:
                raise SleutelFout(f"naam '{naam}' is al in gebruik (ook een ingetrokken sleutel houdt zijn naam); "
                                  "kies een andere naam")
            verbinding.execute(sleutels.insert().values(naam=naam, hash=_hash(geheim), rol=rol, actief=True,
                                                        aangemaakt=nu(), ingetrokken=None))

        self._leg_vast("gemaakt", naam, door, voeg_in, rol=rol)
        return geheim

    def controleer(self, geheim: str) -> Identiteit | None:
        """The identity of an active key with this secret, else None."""
        if not (geheim or "").startswith(VOORVOEGSEL) or len(geheim) > 200:
            return None
        with self.register.engine.connect() as verbinding:
            rij = verbinding.execute(select(sleutels).where(sleutels.c.hash == _hash(geheim))).mappings().first()
        if rij is None or not rij["actief"]:
            return None
        return Identiteit(subject=f"{SLEUTEL}:{rij['naam']}", naam=rij["naam"], rollen=frozenset({rij["rol"]}),
                          bron=SLEUTEL)

    def intrekken(self, naam: str, *, door: str) -> None:
        naam = _naam(naam)

        def trek_in(verbinding):
            rij = verbinding.execute(select(sleutels).where(sleutels.c.naam == naam)).mappings().first()
            if rij is None:
                raise SleutelFout(f"er is geen sleutel '{naam}' (zie: sjabloon sleutel lijst)")
            if not rij["actief"]:
                raise SleutelFout(f"sleutel '{naam}' is al ingetrokken")
            verbinding.execute(sleutels.update().where(sleutels.c.naam == naam).values(actief=False,
                                                                                        ingetrokken=nu()))

        self._leg_vast("ingetrokken", naam, door, trek_in)

    def lijst(self) -> list[Sleutel]:
        with self.register.engine.connect() as verbinding:
            return [_sleutel(rij) for rij in verbinding.execute(select(sleutels).order_by(sleutels.c.naam)).mappings()]

    def _leg_vast(self, handeling: str, naam: str, door: str, wijziging, **gegevens) -> None:
        if not (door or "").strip():
            raise SleutelFout("door ontbreekt: wie voert deze wijziging uit?")
        self.register.voeg_toe(SOORT, sjabloon_id="", sjabloon_versie="", sha256="", door=door.strip(),
                               gegevens={"handeling": handeling, "sleutel": naam, "subject": f"{SLEUTEL}:{naam}",
                                         **gegevens}, samen_met=wijziging)
