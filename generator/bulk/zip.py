"""Write a ZIP archive (the container of a DOCX) from entries that may already be compressed.

Python's zipfile compresses every entry again on every write. A bulk run writes the same styles, theme and
settings into each letter, so those entries are compressed once and copied as they are. Every entry carries the
same fixed time stamp, so the same letter made at the same moment gives the same bytes (and the same SHA-256); the
moment is in the letter's properties (docProps/core.xml) and SOURCE_DATE_EPOCH fixes it."""

from __future__ import annotations

import struct
import zipfile
import zlib
from dataclasses import dataclass

DATUM_1980 = (0, 33)          # DOS time 00:00, date 1980-01-01: the earliest a ZIP can say
DEFLATE = 8
STORED = 0


@dataclass(frozen=True)
class Item:
    naam: bytes
    crc: int
    grootte: int
    gecomprimeerd: bytes
    methode: int = DEFLATE
    datum: tuple[int, int] = DATUM_1980       # DOS time and date


def item(naam: str, data: bytes, niveau: int = 6, datum: tuple[int, int] = DATUM_1980) -> Item:
    """An entry compressed at `niveau`; 0 stores it as it is (a small part that differs in every letter, where
    setting up the compressor costs more than the bytes it saves)."""
    if niveau == 0:
        return Item(naam.encode("utf-8"), zlib.crc32(data), len(data), data, STORED, datum)
    pakker = zlib.compressobj(niveau, zlib.DEFLATED, -15)
    return Item(naam.encode("utf-8"), zlib.crc32(data), len(data), pakker.compress(data) + pakker.flush(), DEFLATE,
                datum)


def als_opgeslagen(bron: zipfile.ZipFile, inhoud: bytes, info: zipfile.ZipInfo) -> Item:
    """An entry of the archive `bron` (whose bytes are `inhoud`) as it is stored there: copied without decompressing
    and compressing it again (the register's stamp changes three small parts of a letter, not the large ones)."""
    jaar, maand, dag, uur, minuut, seconde = info.date_time
    datum = ((uur << 11) | (minuut << 5) | (seconde // 2), ((max(jaar, 1980) - 1980) << 9) | (maand << 5) | dag)
    if info.compress_type not in (DEFLATE, STORED) or info.flag_bits & 1:       # another method: compress again
        return item(info.filename, bron.read(info), datum=datum)
    naam_lengte, extra_lengte = struct.unpack_from("<HH", inhoud, info.header_offset + 26)
    begin = info.header_offset + 30 + naam_lengte + extra_lengte
    return Item(info.filename.encode("utf-8"), info.CRC, info.file_size, inhoud[begin:begin + info.compress_size],
                info.compress_type, datum)


def archief(items: list[Item]) -> bytes:
    """The ZIP bytes: each entry's local header and data, then the central directory."""
    stukken, centraal, positie = [], [], 0
    for i in items:
        tijd, datum = i.datum
        kop = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x800, i.methode, tijd, datum, i.crc,
                          len(i.gecomprimeerd), i.grootte, len(i.naam), 0) + i.naam
        centraal.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0x800, i.methode, tijd, datum, i.crc,
                                    len(i.gecomprimeerd), i.grootte, len(i.naam), 0, 0, 0, 0, 0, positie) + i.naam)
        stukken += [kop, i.gecomprimeerd]
        positie += len(kop) + len(i.gecomprimeerd)
    map_ = b"".join(centraal)
    einde = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(items), len(items), len(map_), positie, 0)
    return b"".join(stukken) + map_ + einde
