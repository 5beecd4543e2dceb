"""Dutch syllable count (lettergrepen) for the B1 check and the Flesch-Douma score.

Rules: every vowel sound is one syllable. Sounds written with several letters (aa, ij, ooi, ...) count once;
a vowel with a diaeresis (ideeën, België) starts a new syllable; a hyphen or apostrophe separates parts
(e-mail, auto's); "y" is a vowel, except at the start of a word before a vowel (yoga); "qu" is "kw".
Words the rules miscount (loanwords mostly) are listed in content/b1/lettergrepen.yaml.

Not a word, 0 syllables: numbers (anything with a digit), abbreviations with a period inside (a.u.b., d.w.z.)
and letters without a vowel (bv, nr). The caller decides how to count those; a number has no fixed count.
Acronyms with a vowel are counted as written (WOZ 1; AWB 1, though spoken a-wee-bee).
"""

from __future__ import annotations

import re
import unicodedata

from checks.content import content_cache, load_yaml

# Vowel sounds of more than one letter, longest first; each is one syllable. "ieuw" keeps serieus (se-ri-eus)
# apart from nieuw. No "eau": geautomatiseerd is ge-au-to-..., so bureau and cadeau are exceptions.
SOUNDS = ("ieuw", "aai", "eeu", "oei", "ooi", "aa", "ee", "oo", "uu", "ie", "oe", "eu", "ui", "ij", "ei",
          "ou", "au", "ai", "oi", "ay", "ey", "oy")
SOUND = re.compile("|".join(SOUNDS) + "|[aeiouy]")
VOWEL = re.compile("[aeiouy]")
PUNCTUATION = " \t\n.,;:!?()[]{}\"'«»“”‘’„"
WOORDEN_BEWAARD = 50_000    # distinct words whose count is kept (a few MB at most)


@content_cache(maximum=WOORDEN_BEWAARD)     # another gemeente's exceptions give other counts
def lettergrepen(woord: str) -> int:
    """The number of syllables of a Dutch word, case-insensitive; 0 for numbers and abbreviations. Kept per
    word as written: the words of a bulk run's letters repeat."""
    woord = woord.strip(PUNCTUATION)
    if not woord or "." in woord or any(teken.isdigit() for teken in woord):
        return 0
    return sum(_count_part(deel) for deel in re.split(r"[^a-z]+", _plain(woord)) if deel)


def rule_count(part: str) -> int:
    """Syllables of a part (lower-case a-z) by the rules alone, without the exceptions."""
    part = re.sub(r"^y(?=[aeiou])", "j", part.replace("qu", "kw"))
    return len(SOUND.findall(part))


@content_cache
def exceptions() -> dict[str, int]:
    """The exceptions from content/b1/lettergrepen.yaml, longest first (so 'websitebeheer' finds 'website')."""
    data = load_yaml("b1/lettergrepen.yaml")["uitzonderingen"]
    return {woord.lower(): int(aantal) for woord, aantal in sorted(data.items(), key=lambda wa: -len(wa[0]))}


@content_cache
def _any_exception() -> re.Pattern:
    """Matches where any listed exception occurs (an empty list matches everywhere, so the loop decides)."""
    return re.compile("|".join(re.escape(woord) for woord in exceptions()))


def _count_part(part: str) -> int:
    """Syllables of a part: a listed exception inside it counts as listed, the rest by the rules.

    An exception counts inside a compound (teamleider) and before a plural -s (teams), not before a bare -n or -t
    (updaten, geüpdatet: there the final e of 'update' is spoken, so the rules decide).
    """
    if not _any_exception().search(part):          # most parts: one regex pass instead of a find per exception
        return rule_count(part)
    for woord, aantal in exceptions().items():
        begin = part.find(woord)
        if begin < 0:
            continue
        before, after = part[:begin], part[begin + len(woord):]
        if (not before or VOWEL.search(before)) and (after in ("", "s") or VOWEL.search(after)):
            return _count_part(before) + aantal + _count_part(after)
    return rule_count(part)


def _plain(woord: str) -> str:
    """Lower case without accents (één -> een); a diaeresis becomes a '-' before its vowel (ideeën -> idee-en)."""
    letters: list[str] = []
    for teken in unicodedata.normalize("NFD", woord.lower()):
        if teken == "\u0308" and letters:
            letters.insert(len(letters) - 1, "-")
        elif not unicodedata.combining(teken):
            letters.append(teken)
    return "".join(letters)
