"""Score texts with LiNT-II. Runs INSIDE the LiNT-II venv that bench/b1_lint.py makes (not in the repo's venv).

Run: LINT_VENV/bin/python bench/lint_ii_score.py TEKSTEN.json UITVOER.json [VERVANGEND_MODEL]
TEKSTEN.json is a JSON list of texts; UITVOER.json gets {"model", "coefficienten", "scores", "seconden"}.
LiNT-II loads spaCy's nl_core_news_lg. Only if that model is not installed and VERVANGEND_MODEL (a spaCy model folder)
is given, that model is loaded in its place; the formula then uses the coefficients LiNT-II publishes for
nl_core_news_lg of the installed spaCy version (the package's coefficients.json); nothing is refitted here.
"""

import contextlib
import json
import sys
import time

import spacy

VOLLEDIG_MODEL = "nl_core_news_lg"


def vervang_model(map_: str) -> str:
    """Make spacy.load('nl_core_news_lg') load the model in `map_`, with the version whose published coefficients
    LiNT-II should use (the installed spaCy's major.minor, as nl_core_news_lg is versioned)."""
    versie = ".".join(spacy.about.__version__.split(".")[:2]) + ".0"
    echt_laden = spacy.load

    def laden(naam, *args, **kwargs):
        if naam != VOLLEDIG_MODEL:
            return echt_laden(naam, *args, **kwargs)
        nlp = echt_laden(map_, *args, **kwargs)
        nlp.meta["version"] = versie
        return nlp

    spacy.load = laden
    return f"{map_} in plaats van {VOLLEDIG_MODEL} (coëfficiënten van {VOLLEDIG_MODEL} {versie})"


def main() -> None:
    teksten_pad, uitvoer_pad = sys.argv[1], sys.argv[2]
    vervanger = sys.argv[3] if len(sys.argv) > 3 else None
    if spacy.util.is_package(VOLLEDIG_MODEL):
        model = VOLLEDIG_MODEL
    elif vervanger:
        model = vervang_model(vervanger)
    else:
        sys.exit(f"{VOLLEDIG_MODEL} is niet geïnstalleerd en er is geen vervangend model gegeven")
    with contextlib.redirect_stdout(sys.stderr):    # LiNT-II prints while loading its model
        from lint_ii import ReadabilityAnalysis
        from lint_ii.linguistic_data import nlp_model
    with open(teksten_pad, encoding="utf-8") as bestand:
        teksten = json.load(bestand)
    begin = time.perf_counter()
    scores = [ReadabilityAnalysis.from_text(tekst).lint.score for tekst in teksten]
    seconden = time.perf_counter() - begin
    with open(uitvoer_pad, "w", encoding="utf-8") as bestand:
        json.dump({"model": model, "coefficienten": nlp_model.COEFFICIENTS, "scores": scores, "seconden": seconden},
                  bestand)


if __name__ == "__main__":
    main()
