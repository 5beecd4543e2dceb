"""What every reader returns: a document as one flat list of paragraphs, each with where a person finds it."""

from __future__ import annotations

from dataclasses import dataclass, field


class DocumentFout(Exception):
    """A document that cannot be read (Dutch message with the file name)."""


@dataclass
class Alinea:
    tekst: str
    # where a person finds it: "alinea 12", "tabel 1, rij 2", "tekstvak 1", "pagina 2", "koptekst", "voettekst",
    # "voetnoot 3", "eindnoot 1"
    positie: str
    kop: bool = False
    klein: str = field(init=False, repr=False)   # the text in lower case, for the rule patterns

    def __post_init__(self):
        self.klein = self.tekst.lower()


@dataclass
class Document:
    bestand: str
    alineas: list[Alinea] = field(default_factory=list)

    @property
    def tekst(self) -> str:
        return "\n".join(a.tekst for a in self.alineas)
