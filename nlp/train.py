"""Train the Dutch model nl_sjabloonstraat from the UD Dutch treebanks.

Usage: python -m nlp.train --data DIR --out DIR [--max-minutes N] [--max-steps N] [--work DIR]

DIR for --data is the `ud-dutch` folder (UD_Dutch-Alpino/, UD_Dutch-LassySmall/). Training uses one
CPU thread, a fixed seed and nlp/config.cfg; the best checkpoint on the dev sentences is written to
--out together with LICENSE.md and NAUWKEURIGHEID.md.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import spacy  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402
from spacy.training.initialize import init_nlp  # noqa: E402
from spacy.training.loop import train as train_loop  # noqa: E402
from spacy.util import load_config, registry  # noqa: E402

from nlp import data, report  # noqa: E402

CONFIG = Path(__file__).with_name("config.cfg")
SENTENCES_PER_DOC = 10
MODEL_META = {
    "name": "sjabloonstraat",
    "version": "1.0.0",
    "description": "Dutch tagger, morphologizer, lemmatizer and parser for the Sjabloonstraat B1 checks.",
    "license": "CC BY-SA 4.0",
    "author": "Sjabloonstraat",
    "sources": [
        {"name": "UD_Dutch-Alpino", "url": "https://github.com/UniversalDependencies/UD_Dutch-Alpino", "license": "CC BY-SA 4.0"},
        {"name": "UD_Dutch-LassySmall", "url": "https://github.com/UniversalDependencies/UD_Dutch-LassySmall", "license": "CC BY-SA 4.0"},
    ],
}


class TimeUp(Exception):
    """Raised by the time-limit callback; the best checkpoint so far is kept."""


@registry.callbacks("sjabloonstraat.time_limit.v1")
def time_limit(max_minutes: float):
    """before_update callback that stops training after `max_minutes`."""
    start = time.monotonic()

    def check(nlp, info):
        if time.monotonic() - start > max_minutes * 60:
            raise TimeUp(f"time limit of {max_minutes} minutes reached at step {info['step']}")

    return check


def write_corpora(data_dir: Path, corpus_dir: Path) -> dict:
    """Write train.spacy, dev.spacy and dev-<treebank>.spacy; return the split statistics."""
    train, dev, stats = data.load_split(data_dir)
    vocab = spacy.blank("nl").vocab
    corpus_dir.mkdir(parents=True, exist_ok=True)
    DocBin(docs=data.to_docs(vocab, train, SENTENCES_PER_DOC)).to_disk(corpus_dir / "train.spacy")
    all_dev = []
    for name, sentences in dev.items():
        DocBin(docs=data.to_docs(vocab, sentences, 1)).to_disk(corpus_dir / f"dev-{name}.spacy")
        all_dev += sentences
    DocBin(docs=data.to_docs(vocab, all_dev, 1)).to_disk(corpus_dir / "dev.spacy")
    return stats


def train(corpus_dir: Path, output_dir: Path, max_minutes: float, max_steps: int | None) -> float:
    """Train with nlp/config.cfg; return the training time in seconds."""
    overrides = {"paths.train": str(corpus_dir / "train.spacy"), "paths.dev": str(corpus_dir / "dev.spacy")}
    if max_steps is not None:
        overrides["training.max_steps"] = max_steps
    config = load_config(CONFIG, overrides=overrides, interpolate=False)
    config["training"]["before_update"] = {"@callbacks": "sjabloonstraat.time_limit.v1", "max_minutes": max_minutes}
    nlp = init_nlp(config)
    output_dir.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    try:
        train_loop(nlp, output_dir)
    except TimeUp as stop:
        print(f"Stopped: {stop}", flush=True)
    return time.monotonic() - start


def export(best_dir: Path, out_dir: Path) -> spacy.Language:
    """Save the best checkpoint as a clean, self-contained model directory."""
    nlp = spacy.load(best_dir)
    nlp.config["training"]["before_update"] = None
    nlp.config["paths"].update({"train": None, "dev": None})
    nlp.meta.update(MODEL_META)
    keep = {"LICENSE.md", "NAUWKEURIGHEID.md"}
    if out_dir.exists():
        for item in out_dir.iterdir():
            if item.name not in keep:
                shutil.rmtree(item) if item.is_dir() else item.unlink()
    out_dir.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out_dir)
    return spacy.load(out_dir)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True, help="the ud-dutch folder")
    parser.add_argument("--out", type=Path, required=True, help="where to write the model")
    parser.add_argument("--max-minutes", type=float, default=30, help="stop training after this many minutes")
    parser.add_argument("--max-steps", type=int, default=None, help="override training.max_steps")
    parser.add_argument("--work", type=Path, default=None, help="keep corpora and checkpoints here")
    args = parser.parse_args()

    work = args.work or Path(tempfile.mkdtemp(prefix="nl_sjabloonstraat-"))
    stats = write_corpora(args.data, work / "corpus")
    print(json.dumps(stats), flush=True)
    seconds = train(work / "corpus", work / "training", args.max_minutes, args.max_steps)
    nlp = export(work / "training" / "model-best", args.out)
    report.write(nlp, args.out, work / "corpus", stats, seconds, CONFIG)
    if args.work is None:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
