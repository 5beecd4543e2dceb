"""What the register tests share: a register on the database under test, entries to fill it, raw SQL as an
attacker with write access to the database would use it."""

import pytest
from sqlalchemy import select, text

from generator.vrijgave.register import Register
from generator.vrijgave.register.opslag import registerregels
from generator.vrijgave.register.regel import bereken_hash

DOCUMENT = {"dagtekening": "2026-03-02", "brief": False, "forceer_reden": None,
            "awb": {"vrijgave": True, "bevindingen": []}, "b1": {"b1": True, "niveau": "B1", "score": 64.5}}


@pytest.fixture
def reg(database_url):
    with Register(database_url) as register:
        yield register


def document(reg, zaak="Z-2026-001", sjabloon="vergunning-verleend", **anders):
    velden = dict(sjabloon_id=sjabloon, sjabloon_versie="2", sha256="ab" * 32, door="m.jansen",
                  gegevens=DOCUMENT, zaaknummer=zaak) | anders
    return reg.voeg_toe("document", **velden)


def vul(reg, aantal=5):
    return [document(reg, zaak=f"Z-{i}") for i in range(1, aantal + 1)]


def sql(reg, opdracht, **waarden):
    with reg.engine.begin() as verbinding:
        verbinding.execute(text(opdracht), waarden)


def herbereken(reg, vanaf: int, sleutel: bytes | None, sleutel_id=...):
    """Rebuild the chain from entry `vanaf` on, as someone who can write the database would: each hash computed
    anew over the entry as it now stands (with `sleutel`, or a plain SHA-256 without one), each vorige_hash pointing
    at the new hash before it. `sleutel_id` other than ... is written into every rebuilt entry first."""
    c = registerregels.c
    with reg.engine.begin() as verbinding:
        rijen = [dict(r) for r in verbinding.execute(select(registerregels).order_by(c.id)).mappings()]
        vorige = None
        for rij in rijen:
            if rij["id"] >= vanaf:
                if sleutel_id is not ...:
                    rij["sleutel_id"] = sleutel_id
                rij["vorige_hash"] = vorige or rij["vorige_hash"]
                rij["hash"] = bereken_hash(rij, sleutel)
                verbinding.execute(registerregels.update().where(c.id == rij["id"]).values(
                    vorige_hash=rij["vorige_hash"], hash=rij["hash"], sleutel_id=rij["sleutel_id"]))
            vorige = rij["hash"]
