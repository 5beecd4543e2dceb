"""Engines below, interfaces on top: no module under generator/ or checks/ imports the command line or the web app,
checks/ imports nothing from generator/, and generator/ holds only subpackages (docs/architectuur.md)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
INTERFACES = ("cli", "web")


def geimporteerd(bestand: Path) -> set[str]:
    """Every module a file imports, anywhere in it (also inside a function), with relative imports resolved."""
    pakket = bestand.relative_to(REPO).with_suffix("").parts[:-1]
    namen = set()
    for knoop in ast.walk(ast.parse(bestand.read_text(encoding="utf-8"), str(bestand))):
        if isinstance(knoop, ast.Import):
            namen.update(alias.name for alias in knoop.names)
        elif isinstance(knoop, ast.ImportFrom):
            basis = ".".join(pakket[:len(pakket) - knoop.level + 1]) if knoop.level else ""
            module = ".".join(deel for deel in (basis, knoop.module or "") if deel)
            namen.add(module)
            namen.update(f"{module}.{alias.name}" for alias in knoop.names)
    return namen


def hoort_bij(module: str, pakketten: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in pakketten)


def overtredingen(map_: str, verboden: tuple[str, ...]) -> list[str]:
    return sorted(f"{bestand.relative_to(REPO)} importeert {module}"
                  for bestand in (REPO / map_).rglob("*.py")
                  for module in geimporteerd(bestand) if hoort_bij(module, verboden))


@pytest.mark.parametrize("map_, verboden", [
    ("generator", INTERFACES),
    ("checks", INTERFACES + ("generator",)),
    ("web", ("cli",)),
    ("nlp", INTERFACES + ("generator", "checks")),
    ("toegang", INTERFACES),
    ("zgw", INTERFACES),
])
def test_engines_do_not_import_what_sits_on_top(map_, verboden):
    assert overtredingen(map_, verboden) == []


def test_the_walk_sees_imports_inside_functions_and_relative_ones(tmp_path, monkeypatch):
    """The check above would pass on a walker that sees nothing; this one shows it sees what it must."""
    pakket = tmp_path / "generator" / "vullen"
    pakket.mkdir(parents=True)
    (pakket / "proef.py").write_text("from checks.awb import controle\n"
                                     "def f():\n    from web.app import maak_app\n"
                                     "from ..bulk import run\n", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "REPO", tmp_path)
    assert overtredingen("generator", INTERFACES) == ["generator/vullen/proef.py importeert web.app",
                                                     "generator/vullen/proef.py importeert web.app.maak_app"]
    assert "generator.bulk.run" in geimporteerd(pakket / "proef.py")
    assert "checks.awb.controle" in geimporteerd(pakket / "proef.py")


def test_the_command_line_composes_every_job():
    """The one place that imports everything really does: the web app and the bulk and register commands."""
    gebruikt = set().union(*(geimporteerd(b) for b in (REPO / "cli").glob("*.py")))
    for module in ("web.app", "generator.bulk.run", "generator.vrijgave.register", "generator.catalogus.lint"):
        assert any(hoort_bij(m, (module,)) for m in gebruikt), module


def test_generator_holds_only_subpackages():
    los = sorted(p.name for p in (REPO / "generator").glob("*.py") if p.name != "__init__.py")
    assert los == []
    for map_ in (p for p in (REPO / "generator").iterdir() if p.is_dir() and p.name != "__pycache__"):
        assert (map_ / "__init__.py").is_file(), f"{map_.name} is geen subpakket"


@pytest.mark.parametrize("pakket", ["generator", "generator/vullen", "generator/catalogus", "generator/vrijgave",
                                    "generator/bulk", "checks", "checks/awb", "checks/b1", "checks/werkers", "web", "nlp", "cli", "toegang",
                                    "zgw"])
def test_every_package_says_what_it_holds(pakket):
    tekst = ast.get_docstring(ast.parse((REPO / pakket / "__init__.py").read_text(encoding="utf-8")))
    assert tekst and 2 <= len(tekst.splitlines()) <= 5, pakket
