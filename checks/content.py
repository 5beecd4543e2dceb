"""Where the maintained data lives: the repository's `content/` folder, or SJABLOON_CONTENT, with a gemeente's
own adjustments laid over it (profile field `aanpassingen`: content file name -> the values that differ)."""

import copy
import os
from functools import lru_cache
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
# libyaml's parser when PyYAML was built with it: the same YAML, read about ten times faster (start-up time)
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_aanpassingen: dict[str, dict] = {}
_wissers: list = []     # empties every cache of values derived from content when the adjustments change


def content_dir() -> Path:
    return Path(os.environ.get("SJABLOON_CONTENT", REPO_ROOT / "content"))


def content_cache(functie=None, *, maximum: int | None = None):
    """lru_cache for a value derived from content: emptied when another gemeente's adjustments apply. With
    `maximum` (as @content_cache(maximum=N)), at most that many results are kept, the least recently used go."""
    if functie is None:
        return lambda functie: content_cache(functie, maximum=maximum)
    bewaard = lru_cache(maxsize=maximum)(functie)
    _wissers.append(bewaard.cache_clear)
    return bewaard


def bij_wissel(wisser) -> None:
    """Register another cache to empty when the adjustments change (e.g. the B1 per-sentence memory)."""
    _wissers.append(wisser)


def gebruik_aanpassingen(aanpassingen: dict | None) -> None:
    """Apply a gemeente's adjustments from now on (one process serves one gemeente at a time)."""
    global _aanpassingen
    if (aanpassingen or {}) != _aanpassingen:
        _aanpassingen = copy.deepcopy(aanpassingen or {})
        for wisser in _wissers:
            wisser()


def stand() -> dict:
    """What this process's content-derived values rest on: the content folder, the gemeente's adjustments and each
    content file's size and modification time. A worker process (checks.werkers) that takes it over computes with
    the same word lists and rules as the process that asked, and forgets what it derived when a file changed."""
    map_ = content_dir()
    bestanden = sorted((str(p.relative_to(map_)), p.stat().st_mtime_ns, p.stat().st_size)
                       for p in map_.rglob("*") if p.is_file())
    return {"map": str(map_), "aanpassingen": copy.deepcopy(_aanpassingen), "bestanden": bestanden}


_overgenomen: dict = {}


def neem_over(andere: dict) -> None:
    """Compute from now on as the process whose stand() this is."""
    global _overgenomen
    if andere == _overgenomen:
        return
    os.environ["SJABLOON_CONTENT"] = andere["map"]
    gebruik_aanpassingen(andere["aanpassingen"])
    for wisser in _wissers:         # another folder or a changed file: nothing derived before still holds
        wisser()
    _overgenomen = copy.deepcopy(andere)


def samengevoegd(basis, eigen):
    """`eigen` over `basis`: mappings merge key by key, all else (lists, numbers, text) is replaced whole."""
    if isinstance(basis, dict) and isinstance(eigen, dict):
        return {**basis, **{k: samengevoegd(basis.get(k), v) for k, v in eigen.items()}}
    return basis if eigen is None else eigen


@content_cache
def load_yaml(name: str) -> dict:
    """Read a YAML file from the content folder, with the active gemeente's adjustments (cached)."""
    with open(content_dir() / name, encoding="utf-8") as handle:
        return samengevoegd(yaml.load(handle, Loader=YAML_LOADER), _aanpassingen.get(name))
