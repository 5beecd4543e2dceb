"""The checks a worker process or the check service runs, by name, each first taking over the asking process's
content (word lists, rules, the gemeente's adjustments) when it is given."""

from __future__ import annotations

from checks.awb.controle import controleer
from checks.b1.controle import controleer_b1
from checks.content import neem_over


def b1(stand: dict | None, document):
    if stand is not None:
        neem_over(stand)
    return controleer_b1(document)


def awb_en_b1(stand: dict | None, document, besluittype: str):
    if stand is not None:
        neem_over(stand)
    return controleer(document, besluittype), controleer_b1(document)


def warm(stand: dict | None = None) -> bool:
    """Everything a first check would wait for: the model, the word frequencies, the compiled Awb patterns (with the
    asker's content when given, else this process's own)."""
    from checks.content import stand as eigen_stand
    from checks.document import lees_tekst
    zin = lees_tekst("Dit is een korte zin waarmee de controledienst opwarmt.", "warm.txt")
    awb_en_b1(stand or eigen_stand(), zin, None)
    return True


TAKEN = {"b1": b1, "awb_en_b1": awb_en_b1, "warm": warm}
