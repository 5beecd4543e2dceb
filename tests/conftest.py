import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

REPO = Path(__file__).resolve().parent.parent
SJABLOON = [str(Path(sys.executable).parent / "sjabloon")]


def docx_tekst(pad: Path) -> str:
    """All text of a DOCX: body paragraphs, tables, headers and footers."""
    doc = Document(str(pad))
    delen = [p.text for p in doc.paragraphs]
    for tabel in doc.tables:
        delen += [cel.text for rij in tabel.rows for cel in rij.cells]
    for sectie in doc.sections:
        delen += [p.text for p in sectie.header.paragraphs + sectie.footer.paragraphs]
    return "\n".join(delen)


def sjabloon_cli(*args, cwd=None, env=None):
    return subprocess.run(SJABLOON + [str(a) for a in args], capture_output=True, text=True, cwd=cwd, env=env)


def _kopie(tmp_path, monkeypatch, map_: str, variabele: str):
    kopie = tmp_path / map_
    shutil.copytree(REPO / map_, kopie)
    monkeypatch.setenv(variabele, str(kopie))
    return kopie


@pytest.fixture
def sjablonen_kopie(tmp_path, monkeypatch):
    """A private copy of the template catalogue, for tests that change templates."""
    return _kopie(tmp_path, monkeypatch, "templates", "SJABLOON_TEMPLATES")


@pytest.fixture
def content_kopie(tmp_path, monkeypatch):
    """A private copy of content/, for tests that change bouwstenen or other maintained data."""
    return _kopie(tmp_path, monkeypatch, "content", "SJABLOON_CONTENT")


@pytest.fixture(autouse=True)
def eigen_register(tmp_path, monkeypatch):
    """Every test writes to its own register database, never to ./register.sqlite."""
    url = f"sqlite:///{tmp_path / 'register.sqlite'}"
    monkeypatch.setenv("SJABLOON_DATABASE_URL", url)
    return url
