"""The package as pip builds it: setuptools warns about nothing (no folder it would guess to be a package), and the
wheel holds every file of the packages, so the pages, statics, language model and migrations are all declared."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile

import pytest
from conftest import REPO

PAKKETTEN = ("generator", "checks", "web", "cli", "toegang", "zgw")
WAARSCHUWING = re.compile(r"\w*Warning: |^\s*!!\s*$", re.M)     # how setuptools frames its warnings


def _bronbestanden() -> list[str]:
    """The files of the packages that belong to the project: tracked or new, not ignored (no __pycache__)."""
    try:
        uit = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", *PAKKETTEN], cwd=REPO,
                             capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("geen git-checkout: kan niet bepalen welke bestanden bij het project horen")
    return sorted(regel for regel in uit.stdout.splitlines() if (REPO / regel).is_file())


def test_the_wheel_holds_every_file_of_the_packages_and_the_build_warns_of_nothing(tmp_path):
    bron, wiel = tmp_path / "bron", tmp_path / "wiel"
    bestanden = _bronbestanden()
    for naam in bestanden + ["pyproject.toml", "README.md", "LICENSE"]:
        (bron / naam).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / naam, bron / naam)
    bouw = subprocess.run([sys.executable, "-m", "pip", "wheel", "-v", "--no-deps", "-w", str(wiel), str(bron)],
                          capture_output=True, text=True, timeout=900)
    uitvoer = bouw.stdout + bouw.stderr
    if bouw.returncode and "satisfies the requirement setuptools" in uitvoer:
        pytest.skip("setuptools voor de build is niet te halen (geen verbinding met PyPI)")
    assert bouw.returncode == 0, uitvoer[-3000:]
    assert not WAARSCHUWING.search(uitvoer), "\n".join(r for r in uitvoer.splitlines() if "arning" in r or "!!" in r)
    (pakket,) = wiel.glob("sjabloonstraat-*.whl")
    with zipfile.ZipFile(pakket) as archief:
        inhoud = sorted(n for n in archief.namelist() if ".dist-info/" not in n)
    assert inhoud == bestanden
    assert "checks/model/nl_sjabloonstraat/parser/model" in inhoud and "web/statisch/api_documentatie.js" in inhoud
