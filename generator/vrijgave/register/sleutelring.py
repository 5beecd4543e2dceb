"""The register's keys, kept outside the database: whoever can write the database but not read a key cannot make an
entry whose HMAC holds. Each key is known by its id, the first 16 hex digits of its SHA-256, so an entry names the
key that signed it without revealing it; old keys stay in the ring to verify the entries they signed.

Where the keys come from: SJABLOON_REGISTER_SLEUTEL (one or more keys, separated by commas; the last signs), and the
key file (SJABLOON_REGISTER_SLEUTELBESTAND, `registersleutel` in the settings file, else `registersleutels` in the
user's data folder: made on first use, readable by the user alone). One key per line; the last line signs."""

from __future__ import annotations

import hashlib
import os
import secrets
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.plaatsen import instellingenbestand, registersleutel_bestand
from generator.vullen.fouten import InvoerFout

OMGEVING = "SJABLOON_REGISTER_SLEUTEL"
MINSTE_LENGTE = 32              # characters of a key: 32 random hex digits are 128 bits
KOP = ("# De sleutels van het register van Sjabloonstraat (docs/register.md). Geheim houden, niet in de database\n"
       "# bewaren en niet wijzigen: één sleutel per regel, de laatste tekent nieuwe regels.\n")


class SleutelFout(InvoerFout):
    """A key file that cannot be read or made, is readable by others, or a key that is too short."""


def sleutel_id(sleutel: bytes) -> str:
    return hashlib.sha256(sleutel).hexdigest()[:16]


@dataclass(frozen=True)
class Sleutelring:
    sleutels: dict[str, bytes]      # id -> key
    huidig: str                     # the id of the key that signs new entries
    bestand: Path | None            # the key file, None when only the environment variable gave keys
    uit_omgeving: bool              # the signing key comes from SJABLOON_REGISTER_SLEUTEL

    def sleutel(self, id_: str) -> bytes | None:
        return self.sleutels.get(id_)


def laad() -> Sleutelring:
    """The key ring. Without a key in the environment, the key file is made when it does not exist yet."""
    omgeving = _uit_omgeving()
    pad = registersleutel_bestand().pad.expanduser()
    if not omgeving and not pad.exists():
        _maak(pad)
    uit_bestand = _lees(pad) if pad.exists() else []
    reeks = uit_bestand + omgeving
    if not reeks:
        raise SleutelFout(f"{pad}: het sleutelbestand van het register bevat geen sleutel; zet er één in "
                          f"(bijvoorbeeld met `sjabloon register sleutel-roteren`)")
    return Sleutelring({sleutel_id(s): s for s in reeks}, sleutel_id(reeks[-1]), pad if pad.exists() else None,
                       bool(omgeving))


def roteer() -> tuple[str, str]:
    """Add a new key at the end of the key file: it signs from now on; the old ones stay to verify.
    Returns (old id, new id)."""
    ring = laad()
    if ring.uit_omgeving:
        raise SleutelFout(f"de registersleutel komt uit de omgevingsvariabele {OMGEVING}; roteren doet u daar: zet "
                          f"een nieuwe sleutel achteraan, na een komma (de oude blijven nodig om oude regels te "
                          f"controleren)")
    nieuw = secrets.token_hex(32)
    descriptor = os.open(ring.bestand, os.O_WRONLY | os.O_APPEND)
    try:
        os.write(descriptor, f"{nieuw}\n".encode())
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    return ring.huidig, sleutel_id(nieuw.encode())


def _uit_omgeving() -> list[bytes]:
    waarde = os.environ.get(OMGEVING, "")
    sleutels = [deel.strip() for deel in waarde.split(",") if deel.strip()]
    if kort := [i for i, s in enumerate(sleutels, start=1) if len(s) < MINSTE_LENGTE]:
        raise SleutelFout(f"{OMGEVING}: sleutel {kort[0]} is korter dan {MINSTE_LENGTE} tekens; maak een sleutel met "
                          f"python3 -c \"import secrets; print(secrets.token_hex(32))\"")
    return [s.encode() for s in sleutels]


def _lees(pad: Path) -> list[bytes]:
    try:
        stand = pad.stat()
        if os.name == "posix" and stand.st_mode & (stat.S_IRWXG | stat.S_IRWXO):     # Windows has ACLs instead
            raise SleutelFout(f"{pad}: het sleutelbestand van het register is leesbaar of schrijfbaar voor anderen; "
                              f"geef alleen de eigenaar rechten: chmod 600 {pad}")
        tekst = pad.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as fout:
        raise SleutelFout(f"{pad}: het sleutelbestand van het register kan niet worden gelezen "
                          f"({getattr(fout, 'strerror', None) or fout})") from None
    sleutels = []
    for nummer, regel in enumerate(tekst.splitlines(), start=1):
        regel = regel.strip()
        if not regel or regel.startswith("#"):
            continue
        if len(regel) < MINSTE_LENGTE:
            raise SleutelFout(f"{pad}: regel {nummer}: de sleutel is korter dan {MINSTE_LENGTE} tekens")
        sleutels.append(regel.encode())
    return sleutels


def _maak(pad: Path) -> None:
    """Write the first key to a private temporary file and link it into place: a second process that starts at the
    same moment either links first (and we read its key) or finds ours, never a half-written file."""
    try:
        pad.parent.mkdir(parents=True, exist_ok=True)
        descriptor, tijdelijk = tempfile.mkstemp(dir=pad.parent, prefix=f".{pad.name}.")     # mode 0600
        try:
            os.write(descriptor, (KOP + secrets.token_hex(32) + "\n").encode())
            os.fsync(descriptor)
            os.close(descriptor)
            try:
                os.link(tijdelijk, pad)
            except FileExistsError:
                pass
        finally:
            Path(tijdelijk).unlink(missing_ok=True)
    except OSError as fout:
        raise SleutelFout(f"{pad}: het sleutelbestand van het register kan niet worden gemaakt ({fout.strerror}); "
                          f"kies een andere plek met SJABLOON_REGISTER_SLEUTELBESTAND of met registersleutel in "
                          f"{instellingenbestand().waarde}") from None
