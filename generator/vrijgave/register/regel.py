"""One register entry as the program sees it, and the hash that chains it to the entry before."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from dataclasses import asdict, dataclass

BEGIN = "0" * 64                  # vorige_hash of the first entry


def canoniek(waarde) -> str:
    """JSON with one spelling per value: the same data always gives the same bytes, so the same hash."""
    return json.dumps(waarde, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def bereken_hash(kolommen: dict, sleutel: bytes | None = None) -> str:
    """Over every column but id and hash, with gegevens as stored (its canonical JSON text): an HMAC-SHA256 with
    `sleutel` (the key the column sleutel_id names), or a plain SHA-256 for an entry from before the keyed chain
    (sleutel_id empty: the column is then left out, so those entries keep the hash they were written with)."""
    inhoud = {k: v for k, v in kolommen.items() if k not in ("id", "hash")}
    if inhoud.get("sleutel_id") is None:
        inhoud.pop("sleutel_id", None)
    inhoud["tijdstip"] = inhoud["tijdstip"].isoformat()
    tekst = canoniek(inhoud).encode()
    if sleutel is None:
        return hashlib.sha256(tekst).hexdigest()
    return hmac.new(sleutel, tekst, hashlib.sha256).hexdigest()


def naam_van(persoon) -> str | None:
    """The name to show of a person in an entry's gegevens: an identity (Identiteit.als_register) or, in entries
    from before identities, the name that was typed."""
    if isinstance(persoon, dict):
        return persoon.get("naam") or persoon.get("subject")
    return persoon


@dataclass(frozen=True)
class Regel:
    id: int
    tijdstip: dt.datetime         # UTC, whole seconds
    soort: str                    # "vrijgave", "beoordeling" (half a release), "document", "zgw" (zaaksysteem) ...
    sjabloon_id: str
    sjabloon_versie: str
    zaaknummer: str | None
    sha256: str
    door: str
    gegevens: dict
    vorige_hash: str
    hash: str
    sleutel_id: str | None = None   # the register key that signed the hash (HMAC); None: plain SHA-256 (before 0004)

    def as_json(self) -> dict:
        return asdict(self) | {"tijdstip": self.tijdstip.isoformat()}
