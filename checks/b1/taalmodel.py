"""The project's own Dutch spaCy model (checks/model/nl_sjabloonstraat, CC BY-SA 4.0), loaded once per process."""

from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

MODEL = Path(__file__).resolve().parent.parent / "model" / "nl_sjabloonstraat"
KALE_TOKENIZER = "sjabloonstraat.kale_tokenizer.v1"
_EEN_TEGELIJK = threading.Lock()    # one parse at a time per process: spaCy's vocabulary is not thread-safe


@lru_cache(maxsize=1)
def nlp():
    """The model, with a tokenizer that starts without rules: spaCy would otherwise first build the Dutch defaults'
    4,670 special cases and then replace them with the same ones from the model folder (0.3 s of every B1 check).
    The model's own tokenizer settings, special cases included, still come from disk."""
    import spacy
    from spacy.tokenizer import Tokenizer
    from spacy.util import registry

    registry.tokenizers.register(KALE_TOKENIZER, func=lambda: lambda taal: Tokenizer(taal.vocab))
    return spacy.load(os.environ.get("SJABLOON_MODEL", MODEL), config={"nlp": {"tokenizer": {"@tokenizers": KALE_TOKENIZER}}})


@contextmanager
def ontleed(zinnen: list[str]):
    """One spaCy Doc per sentence (the sentences come from checks.b1.zinnen, not from the parser), valid only
    inside the `with`: spaCy's memory zone then forgets the words it had not seen before (every name, number
    and address of a bulk run would otherwise stay in its vocabulary for good). Keep no Doc or Token after it.
    The tagger (XPOS) is skipped: the checks use the UD part of speech from the morphologizer.
    One thread at a time: a memory zone ending in one thread forgets the strings another thread's Doc still needs
    (spaCy error E018); more parses at once run in worker processes (checks.werkers)."""
    with _EEN_TEGELIJK, nlp().memory_zone():
        yield nlp().pipe(zinnen, batch_size=256, disable=["tagger"])
