"""The project's own Dutch spaCy model (checks/model/nl_sjabloonstraat, CC BY-SA 4.0), loaded once per process."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

MODEL = Path(__file__).resolve().parent.parent / "model" / "nl_sjabloonstraat"


@lru_cache(maxsize=1)
def nlp():
    import spacy
    return spacy.load(os.environ.get("SJABLOON_MODEL", MODEL))


def analyseer(zinnen: list[str]) -> list:
    """One spaCy Doc per sentence (the sentences come from checks.b1.zinnen, not from the parser).
    The tagger (XPOS) is skipped: the checks use the UD part of speech from the morphologizer."""
    return list(nlp().pipe(zinnen, batch_size=256, disable=["tagger"]))
