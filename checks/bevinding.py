"""A finding of a check: what is wrong or missing, where, under which rule, and what to do."""

from __future__ import annotations

from dataclasses import asdict, dataclass

ERNST = ("fout", "waarschuwing", "info")


@dataclass
class Bevinding:
    regel: str                 # element or rule name, e.g. "belangenafweging", "bezwaartermijn"
    ernst: str                 # fout | waarschuwing | info
    artikel: str               # the Awb article or B1 rule it rests on
    bericht: str               # what is wrong, in Dutch a caseworker understands
    suggestie: str             # what to write instead
    fragment: str = ""         # the text it concerns, or where it was expected
    positie: str = ""          # where in the document: "alinea 12", "pagina 2"

    def as_json(self) -> dict:
        return asdict(self)
