import os
import shutil
import socket
import subprocess
import sys
import tempfile
import uuid
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


# A developer's own identity provider must not reach the tests: tests/test_oidc.py sets these for its own provider.
OIDC_INSTELLINGEN = ("SJABLOON_OIDC_ISSUER", "SJABLOON_OIDC_CLIENT_ID", "SJABLOON_OIDC_CLIENT_SECRET",
                     "SJABLOON_OIDC_ROLLEN", "SJABLOON_OIDC_AUDIENCE")
# A developer's own bulk engine (a Celery broker) must not take the tests' bulk runs: test_bulk_verdeeld sets its own.
BULK_INSTELLINGEN = ("SJABLOON_BULK_MOTOR", "SJABLOON_BULK_BROKER", "SJABLOON_BULK_WACHTTIJD")
# The register's key and anchor file of a developer's own environment must not reach the tests either.
REGISTER_INSTELLINGEN = ("SJABLOON_REGISTER_SLEUTEL", "SJABLOON_REGISTER_SLEUTELBESTAND", "SJABLOON_REGISTER_ANKER")


def _plaatsen_in(gebruiker: Path, zet, wis) -> Path:
    """platformdirs points into `gebruiker` (on Linux it reads these XDG variables): the settings file, the user's
    catalogue and register and the Documents folder are never the real home's; no SJABLOON_* place of the
    developer's own environment leaks in. No test meets a resident check service (checks.werkers.dienst) unless it
    starts its own: the checks stay in the test's processes."""
    zet("SJABLOON_CONTROLEDIENST", "uit")
    zet("XDG_RUNTIME_DIR", str(gebruiker / "run"))
    for variabele, map_ in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"), ("XDG_DOCUMENTS_DIR", "Documenten")):
        zet(variabele, str(gebruiker / map_))
    for variabele in ("SJABLOON_INSTELLINGEN", "SJABLOON_TEMPLATES", "SJABLOON_UITVOER", "SJABLOON_CONTROLEDIENST_MAP",
                      "SJABLOON_WERKERS", *BULK_INSTELLINGEN, *REGISTER_INSTELLINGEN, *OIDC_INSTELLINGEN):
        wis(variabele)
    return gebruiker


def pytest_configure(config):
    """Collecting already reads the catalogue (parametrize over it) and builds the web app: until a test's own
    eigen_plaatsen applies, the whole run has one temporary user folder."""
    sessie = Path(tempfile.mkdtemp(prefix="sjabloon-gebruiker-"))
    config.add_cleanup(lambda: shutil.rmtree(sessie, ignore_errors=True))
    _plaatsen_in(sessie, os.environ.__setitem__, lambda variabele: os.environ.pop(variabele, None))


@pytest.fixture(autouse=True)
def eigen_plaatsen(tmp_path, monkeypatch):
    """Each test its own user folder: settings file, catalogue, register and Documents (see _plaatsen_in)."""
    return _plaatsen_in(tmp_path / "gebruiker", monkeypatch.setenv,
                        lambda variabele: monkeypatch.delenv(variabele, raising=False))


BEWAAKT = ("templates", "content")            # the real catalogue and maintained data: tests change copies only
MAG_ONTSTAAN = {".hypothesis", ".pytest_cache", "test-artefacten"}      # caches and the browser tests' screenshots


def _stand() -> tuple:
    """Each file of the real catalogue and content/ with its time and size, and the names in the checkout's top folder."""
    bestanden = {str(p.relative_to(REPO)): (s.st_mtime_ns, s.st_size)
                 for map_ in BEWAAKT for p in (REPO / map_).rglob("*") if (s := p.stat())}
    return bestanden, {p.name for p in REPO.iterdir()} - MAG_ONTSTAAN


@pytest.fixture(autouse=True)
def laat_de_checkout_ongemoeid():
    """Fails the test that changed the real catalogue or content/ (a release into templates/) or left something in
    the checkout (a register.sqlite or uitvoer/ in the folder the tests run from): two runs at once would collide."""
    bestanden, namen = _stand()
    yield
    nu_bestanden, nu_namen = _stand()
    gewijzigd = sorted(k for k in bestanden.keys() | nu_bestanden.keys() if bestanden.get(k) != nu_bestanden.get(k))
    if gewijzigd or nu_namen != namen:
        pytest.fail(f"de test veranderde de checkout {REPO}: {', '.join(gewijzigd + sorted(nu_namen ^ namen))}")


@pytest.fixture(autouse=True)
def eigen_register(tmp_path, monkeypatch):
    """Every test writes to its own register database, never to ./register.sqlite."""
    url = f"sqlite:///{tmp_path / 'register.sqlite'}"
    monkeypatch.setenv("SJABLOON_DATABASE_URL", url)
    return url


def _postgresql_bin() -> Path | None:
    """The folder with initdb and pg_ctl: pg_config's, else the newest /usr/lib/postgresql/*/bin."""
    try:
        pg_config = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=True)
        mappen = [Path(pg_config.stdout.strip())]
    except (OSError, subprocess.CalledProcessError):
        mappen = []
    mappen += sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name), reverse=True)
    return next((m for m in mappen if (m / "initdb").exists() and (m / "pg_ctl").exists()), None)


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresqlServer:
    """A private PostgreSQL server on 127.0.0.1 (trust auth, data in a temp folder, own free port). `stop` and
    `start` take it down and up again, for tests of a database that goes away."""

    def __init__(self):
        self.bin = _postgresql_bin()
        if self.bin is None:
            raise LookupError("geen initdb/pg_ctl gevonden (installeer het Debian-pakket postgresql)")
        self.basis = Path(tempfile.mkdtemp(prefix="sjabloon-pg-"))
        self.data, self.als, self.poort = self.basis / "data", [], _vrije_poort()
        try:
            self.data.mkdir()
            if os.geteuid() == 0:                      # initdb refuses to run as root: run the server as postgres
                self.als = ["runuser", "-u", "postgres", "--"]
                self.basis.chmod(0o755)
                shutil.chown(self.data, "postgres", "postgres")
            subprocess.run(self.als + [str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust",
                                       "-E", "UTF8", "--locale=C"], check=True, capture_output=True, text=True)
            with open(self.data / "postgresql.conf", "a") as conf:
                conf.write(f"port = {self.poort}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\n"
                           "fsync = off\n")
            self.start()
        except BaseException:
            self.weg()
            raise

    def start(self) -> None:
        subprocess.run(self.als + [str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.data / "log.txt"),
                                   "-w", "start"], check=True, capture_output=True, text=True)

    def stop(self) -> None:
        subprocess.run(self.als + [str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"],
                       capture_output=True)

    def weg(self) -> None:
        self.stop()
        shutil.rmtree(self.basis, ignore_errors=True)

    def nieuwe_database(self) -> str:
        """A new, empty database on this server: its URL."""
        from sqlalchemy import create_engine, text
        server = f"postgresql+psycopg://postgres@127.0.0.1:{self.poort}"
        naam = f"register_{uuid.uuid4().hex[:12]}"
        beheer = create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
        with beheer.connect() as verbinding:
            verbinding.execute(text(f"CREATE DATABASE {naam}"))
        beheer.dispose()
        return f"{server}/{naam}"


def _postgresql() -> PostgresqlServer:
    """A new private server. Skipped when PostgreSQL is not installed, unless SJABLOON_PG_VERPLICHT=1 (`make test`
    as root): then it fails."""
    def niet_beschikbaar(reden):
        if os.environ.get("SJABLOON_PG_VERPLICHT") == "1":
            pytest.fail(f"PostgreSQL verplicht (SJABLOON_PG_VERPLICHT=1), maar {reden}")
        pytest.skip(f"PostgreSQL-tests overgeslagen: {reden}")

    try:
        import psycopg  # noqa: F401
    except ImportError:
        niet_beschikbaar("psycopg ontbreekt (pip install -e '.[dev]')")
    try:
        return PostgresqlServer()
    except LookupError as fout:
        niet_beschikbaar(str(fout))
    except (OSError, subprocess.CalledProcessError) as fout:
        niet_beschikbaar(f"de server start niet: {getattr(fout, 'stderr', '') or fout}")


@pytest.fixture(scope="session")
def postgresql_server():
    """The private PostgreSQL server of this test session."""
    server = _postgresql()
    yield server
    server.weg()


@pytest.fixture
def eigen_postgresql():
    """A private PostgreSQL server for this test alone, which the test may stop and start (a database that goes
    away) without touching the session's server."""
    server = _postgresql()
    yield server
    server.weg()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, eigen_register, monkeypatch):
    """A fresh, empty register database: SQLite, and a new database on the private PostgreSQL server.
    Also set as SJABLOON_DATABASE_URL, so commands under test use it."""
    if request.param == "sqlite":
        return eigen_register
    url = request.getfixturevalue("postgresql_server").nieuwe_database()
    monkeypatch.setenv("SJABLOON_DATABASE_URL", url)
    return url


ZGW_INSTELLINGEN = ("SJABLOON_ZGW_URL", "SJABLOON_ZGW_ZAKEN_URL", "SJABLOON_ZGW_DOCUMENTEN_URL",
                    "SJABLOON_ZGW_CATALOGI_URL", "SJABLOON_ZGW_BESLUITEN_URL", "SJABLOON_ZGW_CLIENT_ID",
                    "SJABLOON_ZGW_SECRET", "SJABLOON_ZGW_TIMEOUT", "SJABLOON_ZGW_POGINGEN")


@pytest.fixture(autouse=True)
def geen_zaaksysteem(monkeypatch):
    """A developer's own zaaksysteem must not reach the tests: only the test double (zgw_dubbel) or a test sets these."""
    for variabele in ZGW_INSTELLINGEN:
        monkeypatch.delenv(variabele, raising=False)


@pytest.fixture
def zgw_dubbel(monkeypatch):
    """The ZGW test double (tests/zgw_testdubbel.py) running on a free port, with SJABLOON_ZGW_* pointing at it (also
    for CLI tests in a subprocess). Fails the test when any request or response broke the official specifications."""
    from zgw_testdubbel import ZgwTestdubbel
    dubbel = ZgwTestdubbel().start()
    for variabele, waarde in dubbel.omgeving().items():
        monkeypatch.setenv(variabele, waarde)
    yield dubbel
    dubbel.uit()
    if dubbel.schendingen:
        pytest.fail("de ZGW-testdubbel zag verzoeken of antwoorden die de specificatie schenden:\n"
                    + "\n\n".join(dubbel.schendingen))
