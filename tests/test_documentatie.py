"""Every command the README and docs/ show runs as written, in order, in a fresh copy of the repository.

A runnable block is a fenced block marked `sh`. Its lines run one by one in the copy (`# ...` after a command is a
comment; `# status N` says the command is meant to end with status N, else 0). A block that must not run says why
in an HTML comment on the line before it: `<!-- niet uitvoeren: REDEN -->`. `sjabloon web` runs until it answers
on a free port. `make test` is skipped: it is what runs this test.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import REPO, _vrije_poort
from documentatie import opdrachten

BESTANDEN = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
NIET_KOPIEREN = shutil.ignore_patterns(".venv", ".git", "uitvoer", "__pycache__", ".pytest_cache", "*.sqlite", "*.egg-info")


def test_overgeslagen_blokken_zeggen_waarom():
    for bestand in BESTANDEN:
        _, redenen = opdrachten(bestand.read_text(encoding="utf-8"))
        assert all(redenen), f"{bestand.name}: <!-- niet uitvoeren: ... --> zonder reden"


def test_de_readme_toont_commandos():
    """The parser finds the README's own examples (else the test below would pass on nothing)."""
    gevonden = [o for o, _ in opdrachten((REPO / "README.md").read_text(encoding="utf-8"))[0]]
    assert "make demo" in gevonden
    assert any(o.startswith(".venv/bin/sjabloon genereer") for o in gevonden)


def _kopie(tmp_path: Path) -> Path:
    """The repository as a fresh clone has it, with a .venv of its own that borrows this venv's packages (so
    `make demo` finds it installed and never reinstalls into the real one) and runs the copy's code."""
    kopie = tmp_path / "sjabloonstraat"
    shutil.copytree(REPO, kopie, ignore=NIET_KOPIEREN)
    venv = kopie / ".venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    (next(venv.glob("lib/python*/site-packages")) / "geleend.pth").write_text(
        "\n".join([str(kopie), *(p for p in sys.path if p.endswith("site-packages"))]) + "\n", encoding="utf-8")
    script = venv / "bin" / "sjabloon"
    script.write_text(f"#!{venv / 'bin' / 'python'}\nimport sys\nfrom cli.sjabloon import main\nsys.exit(main())\n",
                      encoding="utf-8")
    script.chmod(0o755)
    (venv / ".geinstalleerd").touch()                                   # newer than pyproject.toml: installed
    subprocess.run(["git", "init", "-q", str(kopie)], check=True)       # docs/sjablonen.md: `git config` per clone
    return kopie


def _omgeving(tmp_path: Path) -> dict:
    """The test's environment (tests/conftest.py already points the user's folders and register into tmp_path),
    with a home folder of its own for anything else a command might keep there."""
    return dict(os.environ, HOME=str(tmp_path / "thuis"))


def _web(opdracht: str, kopie: Path, omgeving: dict) -> None:
    """`sjabloon web` serves until stopped: start it on a free port, wait for the start page, stop it."""
    poort = _vrije_poort()
    proces = subprocess.Popen(f"{opdracht} --poort {poort}", shell=True, cwd=kopie, env=omgeving,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{poort}/", timeout=2) as antwoord:
                    assert antwoord.status == 200
                    return
            except OSError:
                assert proces.poll() is None, f"{opdracht}: gestopt met status {proces.returncode}:\n{proces.stdout.read().decode()}"
                time.sleep(0.5)
        pytest.fail(f"{opdracht}: antwoordt na 60 s niet op http://127.0.0.1:{poort}/")
    finally:
        os.killpg(proces.pid, 15)
        proces.wait(timeout=30)


@pytest.mark.parametrize("bestand", BESTANDEN, ids=lambda p: p.relative_to(REPO).as_posix())
def test_elk_getoond_commando_werkt(bestand, tmp_path):
    lijst, _ = opdrachten(bestand.read_text(encoding="utf-8"))
    if not lijst:
        pytest.skip(f"{bestand.name} toont geen commando's")
    kopie = _kopie(tmp_path)
    omgeving = _omgeving(tmp_path)
    for opdracht, verwacht in lijst:
        if re.match(r"(\.venv/bin/)?sjabloon web\b", opdracht):
            _web(opdracht, kopie, omgeving)
            continue
        uit = subprocess.run(opdracht, shell=True, cwd=kopie, env=omgeving, capture_output=True, text=True, timeout=900)
        assert uit.returncode == verwacht, (f"{bestand.name}: `{opdracht}` gaf status {uit.returncode} (verwacht "
                                            f"{verwacht}):\n{uit.stdout[-2000:]}\n{uit.stderr[-3000:]}")
