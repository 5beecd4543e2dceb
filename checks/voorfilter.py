"""Which of many patterns can match a text, before searching it with each: most cannot, and saying so is cheap.

Every match of a pattern such as `(termijn|binnen) van zes weken` contains " van zes weken"; a text without that
piece cannot match, and needs no search. `vaste_stukken` reads those pieces from Python's own parse of the pattern,
so the filter says "cannot match" only where the pattern itself cannot: the search result is the same, only
skipped where it would have found nothing. A pattern without such pieces (`\\d+`) is always searched. A bulk letter
brings a few new paragraphs (a name, an address, a date) that each went through all 313 Awb element patterns;
with the filter most of those searches are a substring test.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import ahocorasick

from re import _constants as sre, _parser as sre_parse       # the parse re itself compiles from

_HERHALING = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def vaste_stukken(patroon: re.Pattern) -> frozenset[str] | None:
    """Pieces of text of which every match contains at least one, or None when the pattern has none that help
    (or ignores case: the pieces are compared exactly)."""
    if patroon.flags & re.IGNORECASE or not isinstance(patroon.pattern, str):
        return None
    try:
        boom = sre_parse.parse(patroon.pattern, patroon.flags)
    except (re.error, RecursionError):
        return None
    return _reeks(list(boom))


def _reeks(delen: list) -> frozenset[str] | None:
    """One after the other: each run of literal characters and each part's own pieces are required; keep the best."""
    beste, letters = None, []
    for op, waarde in delen + [(None, None)]:
        if op is sre.LITERAL:
            letters.append(chr(waarde))
            continue
        if letters:
            beste = _beter(beste, frozenset(["".join(letters)]))
            letters = []
        if op is not None:
            beste = _beter(beste, _deel(op, waarde))
    return beste


def _deel(op, waarde) -> frozenset[str] | None:
    if op is sre.SUBPATTERN:
        _, aan, _, delen = waarde
        return None if aan & re.IGNORECASE else _reeks(list(delen))
    if op is sre.ATOMIC_GROUP:
        return _reeks(list(waarde))
    if op in _HERHALING:
        minimum, _, delen = waarde
        return _reeks(list(delen)) if minimum >= 1 else None
    if op is sre.BRANCH:
        takken = [_reeks(list(tak)) for tak in waarde[1]]
        return None if any(t is None for t in takken) else frozenset().union(*takken)
    return None             # a class, an anchor, a lookaround, a backreference: no fixed text


def _beter(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The set whose shortest piece is longest (rarer in text), then the smaller set; never one with an empty piece."""
    kandidaten = [s for s in (a, b) if s and all(s)]
    return max(kandidaten, key=lambda s: (min(map(len, s)), -len(s)), default=None)


class Voorfilter:
    """For a fixed set of patterns: per text, the patterns that may match it. The pieces are found in one pass
    over the text (Aho-Corasick, pyahocorasick), overlapping ones included."""

    def __init__(self, patronen: Iterable[re.Pattern]):
        self.stukken = {p: vaste_stukken(p) for p in patronen}
        self.altijd = frozenset(p for p, s in self.stukken.items() if s is None)
        # the patterns by number: the filter collects numbers, as the hash of a compiled pattern runs over its
        # whole compiled code each time, and a text brings some twenty pieces
        self.patronen = list(self.stukken)
        nummer = {p: i for i, p in enumerate(self.patronen)}
        self._altijd = frozenset(nummer[p] for p in self.altijd)
        per_stuk: dict[str, list[int]] = {}
        for p, s in self.stukken.items():
            for stuk in s or ():
                per_stuk.setdefault(stuk, []).append(nummer[p])
        self._automaat = ahocorasick.Automaton()
        for stuk, nummers in per_stuk.items():
            self._automaat.add_word(stuk, tuple(nummers))
        if per_stuk:
            self._automaat.make_automaton()

    def mogelijk(self, tekst: str) -> set[re.Pattern]:
        return {self.patronen[i] for i in self.nummers(tekst)}

    def nummers(self, tekst: str) -> set[int]:
        """The numbers (in self.patronen) of the patterns that may match the text."""
        uitkomst = set(self._altijd)
        if self._automaat.kind == ahocorasick.AHOCORASICK:
            for _, nummers in self._automaat.iter(tekst):
                uitkomst.update(nummers)
        return uitkomst
