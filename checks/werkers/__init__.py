"""Where the document checks run: in this process (the default), in a pool of worker processes (the web app, so
that requests at the same moment are checked side by side, each worker with its own language model), or in the
resident check service on this computer (the command line, so that one `sjabloon genereer` need not load the
model). Wherever they run, they compute with this process's content: the worker takes over its stand()."""

from __future__ import annotations

from checks.awb.controle import Rapport
from checks.b1.controle import B1Rapport
from checks.document import Document
from checks.werkers import taken

_uitvoerder = None      # None: here; else pool.Werkers or dienst.Dienst, with voer_uit(naam, stand, *argumenten)


def gebruik(uitvoerder) -> None:
    """Run the checks from now on with `uitvoerder` (None: in this process)."""
    global _uitvoerder
    _uitvoerder = uitvoerder


def controleer_b1(document: Document) -> B1Rapport:
    return _voer_uit("b1", document)


def controleer_awb_b1(document: Document, besluittype: str) -> tuple[Rapport, B1Rapport]:
    return _voer_uit("awb_en_b1", document, besluittype)


def _voer_uit(naam: str, *argumenten):
    if _uitvoerder is None:
        return taken.TAKEN[naam](None, *argumenten)
    from checks.content import stand
    return _uitvoerder.voer_uit(naam, stand(), *argumenten)
