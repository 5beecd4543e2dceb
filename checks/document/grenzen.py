"""The limits on reading one document (and a ZIP of letters), as data: what a user's file may hold before it is
refused, in every interface alike. The defaults stand here; an interface lays the configured values over them once
at start (`gebruik_grenzen`, from generator.plaatsen.leesgrenzen: environment variables or the `[documenten]` table
of the settings file).

The time limit is a deadline the readers check while they work (between blocks of XML, paragraphs, PDF operators),
not a signal or a child process: a signal only reaches the main thread (the web app reads in worker threads), and a
process per document costs more than reading most letters. What a reader cannot interrupt (inflating one ZIP entry,
libxml2 parsing one block of 64 kB) is bounded by the size limits, so a check always comes soon."""

from __future__ import annotations

import time
from dataclasses import dataclass

from checks.document.model import DocumentFout

MB = 1024 * 1024


@dataclass(frozen=True)
class Leesgrenzen:
    # one document (DOCX, PDF, text), wherever it comes from
    bestand_mb: int = 50                    # bytes of the file itself
    uitgepakt_mb: int = 100                 # a DOCX unpacked, all entries together
    bestanden: int = 1000                   # entries in a DOCX
    verhouding: int = 100                   # unpacked over packed size of one entry over 1 MB
    xml_diepte: int = 200                   # nesting of XML elements (libxml2 itself stops at 256)
    xml_elementen: int = 2_000_000          # XML elements in all parts of one DOCX together (memory)
    pdf_paginas: int = 1000                 # pages of a PDF
    seconden: float = 10.0                  # time to read one document
    # a ZIP of letters on the command line (sjabloon b1) and in bulk
    zip_brieven: int = 100_000              # entries
    zip_uitgepakt_mb: int = 4096            # all letters unpacked
    # a ZIP of letters in the web app (KCC), which reads it during one request
    web_zip_brieven: int = 1000
    web_zip_uitgepakt_mb: int = 100


# What each limit is, in the words of a refusal ("de grens voor ... is N"), and whether it is about size (413).
UITLEG = {
    "bestand_mb": ("de grootte van het bestand", "MB", True),
    "uitgepakt_mb": ("de uitgepakte grootte", "MB", True),
    "bestanden": ("het aantal onderdelen in het bestand", "", False),
    "verhouding": ("hoe sterk een onderdeel ingepakt mag zijn", "keer", False),
    "xml_diepte": ("de nesting van de XML", "niveaus", False),
    "xml_elementen": ("het aantal XML-elementen", "", False),
    "pdf_paginas": ("het aantal pagina's", "", False),
    "seconden": ("de leestijd per document", "seconden", False),
    "entiteiten": ("entiteiten in XML", "", False),          # rules, not numbers: no DTD at all,
    "pdf_lezer": ("de PDF-lezer", "", False),                # and pypdf's own limits
    "zip_brieven": ("het aantal bestanden in een ZIP", "", False),
    "zip_uitgepakt_mb": ("de uitgepakte grootte van een ZIP", "MB", True),
    "web_zip_brieven": ("het aantal bestanden in een ZIP", "", False),
    "web_zip_uitgepakt_mb": ("de uitgepakte grootte van een ZIP", "MB", True),
}
STANDAARD = Leesgrenzen()
_actief = STANDAARD


class GrensFout(DocumentFout):
    """A document over one of the limits. `grens` is the limit's key, `te_groot` says it is about size (the web
    answers 413, else 422); the message names the file, the limit, its value and the setting that changes it."""

    def __init__(self, naam: str, grens: str, wat: str, waarde: float | None):
        uitleg, eenheid, self.te_groot = UITLEG[grens]
        self.grens = grens
        if waarde is None:                  # a rule, not a number to set
            super().__init__(f"{naam}: {wat}")
            return
        getal = f"{waarde:g}" if isinstance(waarde, float) else f"{waarde:_}".replace("_", ".")
        eenheid = "seconde" if eenheid == "seconden" and waarde == 1 else eenheid
        super().__init__(f"{naam}: {wat}; de grens voor {uitleg} is {getal}{' ' + eenheid if eenheid else ''} "
                         f"(instelling {grens})")


def gebruik_grenzen(grenzen: Leesgrenzen) -> None:
    """Read every document from now on within `grenzen` (one process serves one configuration)."""
    global _actief
    _actief = grenzen


def actieve_grenzen() -> Leesgrenzen:
    return _actief


class Lezing:
    """Reading one document: its name for messages, the limits, the deadline and the XML elements counted so far."""

    def __init__(self, naam: str, grenzen: Leesgrenzen | None = None):
        self.naam = naam
        self.grenzen = grenzen or _actief
        self.eind = time.monotonic() + self.grenzen.seconden
        self.elementen = 0

    def op_tijd(self) -> None:
        """Raise GrensFout once the time to read this document is up; cheap enough to call per element."""
        if time.monotonic() > self.eind:
            raise GrensFout(self.naam, "seconden", "het lezen duurt te lang", self.grenzen.seconden)

    def grootte(self, bytes_: int, grens: str = "bestand_mb") -> None:
        if bytes_ > getattr(self.grenzen, grens) * MB:
            raise GrensFout(self.naam, grens, "te groot", getattr(self.grenzen, grens))
