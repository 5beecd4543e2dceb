"""Where the maintained data lives: the repository's `content/` folder, or SJABLOON_CONTENT."""

import os
from functools import lru_cache
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent


def content_dir() -> Path:
    return Path(os.environ.get("SJABLOON_CONTENT", REPO_ROOT / "content"))


@lru_cache(maxsize=None)
def load_yaml(name: str) -> dict:
    """Read a YAML file from the content folder (cached: content does not change during a run)."""
    with open(content_dir() / name, encoding="utf-8") as handle:
        return yaml.safe_load(handle)
