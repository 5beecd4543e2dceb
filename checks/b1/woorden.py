"""The word lists the KCC maintains in content/b1/, and how common a Dutch word is (wordfreq, Zipf scale)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checks.content import content_cache, load_yaml

WOORD_MET_PUNT = re.compile(r"[\w.]+")
# Technical limit: a word longer than this is not split into compounds. Splitting tries every split point and
# recurses, so its cost grows with the cube of the length (a 60,000-letter 'word' took minutes); the longest Dutch
# compounds in real text have about 50 letters, and a longer string is no word a reader knows either.
MAX_SAMENSTELLING = 80


@dataclass(frozen=True)
class Vervanging:
    woord: str           # the ambtelijk word or phrase, lower case
    alternatief: str
    let_op: str | None
    gescheiden: str | None = None     # the advice when a separable verb is split: 'delen u mede' -> 'delen ... mee'
    vormen: tuple[str, ...] = ()      # patterns for split or conjugated forms: 'stellen u ... in kennis'

    @property
    def patroon(self) -> re.Pattern:
        return _patroon(self.woord)


@lru_cache(maxsize=None)
def _patroon(woord: str) -> re.Pattern:
    """The word, not as the start of a longer word; compiled on first use (a letter meets few of the list's words)."""
    return re.compile(rf"{re.escape(woord)}(?![\w-])")


@content_cache
def ambtelijk() -> dict[str, tuple[Vervanging, ...]]:
    """Ambtelijke words and phrases with their plain alternative, by their first word, longest first
    (so a phrase wins over the word it starts with, and a sentence is checked only against candidates)."""
    per_eerste: dict[str, list[Vervanging]] = {}
    for item in load_yaml("b1/ambtelijk.yaml")["woorden"]:
        woord = str(item["woord"]).lower().strip()
        per_eerste.setdefault(re.split(r"[\s-]", woord)[0], []).append(
            Vervanging(woord, str(item["alternatief"]), item.get("let_op"), item.get("gescheiden"),
                       tuple(item.get("vormen") or ())))
    return {eerste: tuple(sorted(lijst, key=lambda v: -len(v.woord))) for eerste, lijst in per_eerste.items()}


@content_cache
def ambtelijk_per_woord() -> dict[str, Vervanging]:
    """Every entry by its word or phrase: a separable verb ('mededelen') is looked up whole."""
    return {v.woord: v for lijst in ambtelijk().values() for v in lijst}


@content_cache
def ambtelijke_vormen() -> tuple[tuple[Vervanging, re.Pattern], ...]:
    """The entries that also have split or conjugated forms, with each form's compiled pattern."""
    return tuple((v, re.compile(vorm)) for v in ambtelijk_per_woord().values() for vorm in v.vormen)


def ambtelijk_in(klein: str) -> list[tuple[Vervanging, int, int]]:
    """The ambtelijke words and phrases in a lower-cased sentence, as (entry, start, end), not overlapping."""
    gevonden, bezet_tot = [], 0
    lijst = ambtelijk()
    for woord in WOORD_MET_PUNT.finditer(klein):
        geheel = woord.group(0)
        kaal = geheel.rstrip(".")
        if kaal not in lijst and geheel not in lijst:
            continue                            # most words: no entry starts with them
        if woord.start() < bezet_tot:
            continue
        vormen = dict.fromkeys((kaal, geheel))     # 'reeds.' and 'o.a.'
        for vervanging in (v for vorm in vormen for v in lijst.get(vorm, ())):
            if not klein.startswith(vervanging.woord, woord.start()):
                continue                        # the pattern is the word itself and a word boundary: not here
            if treffer := vervanging.patroon.match(klein, woord.start()):
                gevonden.append((vervanging, treffer.start(), treffer.end()))
                bezet_tot = treffer.end()
                break
    return gevonden


@content_cache
def juridische_termen() -> dict[str, dict]:
    """Each form of a legal term (term and varianten, lower case) -> the entry with its plain explanation."""
    termen = {}
    for item in load_yaml("b1/juridische_termen.yaml")["termen"]:
        for vorm in [item["term"], *(item.get("varianten") or [])]:
            termen[str(vorm).lower()] = item
    return termen


@content_cache
def afkortingen() -> dict[str, dict]:
    return {a["afkorting"].lower(): a for a in load_yaml("b1/afkortingen.yaml")["afkortingen"]}


@lru_cache(maxsize=200_000)
def zipf(woord: str) -> float:
    """How common a word is: 7 for the most common words, 3 for about once per million words, 0 for unknown."""
    from wordfreq import zipf_frequency
    return zipf_frequency(woord, "nl")


def samenstelling_bekend(woord: str, drempel: float, delen: int = 3) -> bool:
    """A compound of common words (aanvraagformulier = aanvraag + formulier) is not a difficult word.
    Splits into at most `delen` parts; a linking s (bestemmingsplan) is allowed after the left part. A word of
    more than MAX_SAMENSTELLING letters is not split."""
    woord = woord.lower()
    if zipf(woord) >= drempel:
        return True
    if delen < 2 or len(woord) > MAX_SAMENSTELLING:
        return False
    for i in range(3, len(woord) - 2):
        links, rechts = woord[:i], woord[i:]
        linker_bekend = zipf(links) >= drempel or (links.endswith("s") and zipf(links[:-1]) >= drempel)
        if linker_bekend and samenstelling_bekend(rechts, drempel, delen - 1):
            return True
    return False
