"""No document is released without its register entry: when the register database is down (a PostgreSQL server
really stopped, an SQLite file opened read-only), `sjabloon genereer` and a bulk run leave no letter without an entry,
and say so in Dutch with exit 2. Once the database is back, the same command goes on, every row exactly once."""

import datetime as dt
import re

import pytest
from beoordelaars import maak_beoordelaars, vrijgeven_cli
from bulkdata import schrijf_csv
from click.testing import CliRunner
from conftest import REPO, sjabloon_cli

from generator.vrijgave.register import Register, RegisterFout

FACTUUR, HERINNERING = "factuur-leges", "herinnering-afloop-vergunning"
ZAAK = REPO / "templates/factuur-leges/voorbeeld.yaml"
DATUM = "2026-11-23"


@pytest.fixture
def vrijgegeven(sjablonen_kopie, eigen_register):
    """factuur-leges and the herinnering released (four eyes) in a copy of the catalogue: real documents, no
    CONCEPT. The release is recorded in the test's own SQLite register; the templates stay released whatever
    register the test then uses."""
    maak_beoordelaars(eigen_register)
    for sjabloon in (FACTUUR, HERINNERING):
        uitslag = vrijgeven_cli(sjabloon, "--datum", DATUM)
        assert uitslag.returncode == 0, uitslag.stderr
    return sjablonen_kopie


def genereer(uit):
    return sjabloon_cli("genereer", FACTUUR, "--zaak", ZAAK, "--uit", uit, "--datum", DATUM)


def test_genereer_met_gestopte_postgresql(vrijgegeven, eigen_postgresql, tmp_path, monkeypatch):
    url = eigen_postgresql.nieuwe_database()
    monkeypatch.setenv("SJABLOON_DATABASE_URL", url)
    assert genereer(tmp_path / "a").returncode == 0
    eigen_postgresql.stop()

    uitslag = genereer(tmp_path / "b")
    assert uitslag.returncode == 2
    assert uitslag.stderr.startswith(f"fout: het register {url} kan niet worden geopend: ")
    assert "Er is niets geschreven." in uitslag.stderr and "Traceback" not in uitslag.stderr
    assert not (tmp_path / "b").exists() or list((tmp_path / "b").iterdir()) == []

    eigen_postgresql.start()
    assert genereer(tmp_path / "b").returncode == 0
    with Register(url) as reg:
        assert len(reg.regels(soort="document")) == 2 and reg.controleer() == []


def test_postgresql_valt_weg_na_het_openen(vrijgegeven, eigen_postgresql, tmp_path):
    """The server stops between opening the register and writing the entry: the document never takes its name."""
    from generator.vullen.genereer import genereer as genereer_document
    url = eigen_postgresql.nieuwe_database()
    with Register(url) as reg:
        gemaakt = genereer_document(FACTUUR, ZAAK, tmp_path / "a", dt.date(2026, 11, 23), register=reg)
        assert gemaakt.pad.is_file() and not gemaakt.concept
        eigen_postgresql.stop()
        with pytest.raises(RegisterFout, match=re.escape(f"het register {url} kan niet worden bijgeschreven: ")):
            genereer_document(FACTUUR, ZAAK, tmp_path / "b", dt.date(2026, 11, 23), register=reg)
    assert list((tmp_path / "b").iterdir()) == []           # no document, no temporary file


def test_genereer_met_alleen_leesbare_sqlite(vrijgegeven, eigen_register, tmp_path, monkeypatch):
    pad = eigen_register.removeprefix("sqlite:///")
    monkeypatch.setenv("SJABLOON_DATABASE_URL", f"sqlite:///file:{pad}?mode=ro&uri=true")
    uitslag = genereer(tmp_path / "uit")
    assert uitslag.returncode == 2
    assert "kan niet worden bijgeschreven: attempt to write a readonly database" in uitslag.stderr
    assert "Traceback" not in uitslag.stderr
    assert list((tmp_path / "uit").iterdir()) == []
    with Register(eigen_register) as reg:
        assert reg.regels(soort="document") == []


def test_bulk_met_postgresql_die_halverwege_stopt(vrijgegeven, eigen_postgresql, tmp_path, monkeypatch):
    """A server that is down at the start: nothing is made. Stopped for real while the second batch is recorded: the
    first batch stays (letters and entries), the second batch's letters are removed; run again once the server is
    back: 30 letters more, none twice."""
    from cli.bulk import bulk
    from generator.bulk import run
    from generator.bulk.journaal import Journaal
    url = eigen_postgresql.nieuwe_database()
    monkeypatch.setenv("SJABLOON_DATABASE_URL", url)
    monkeypatch.setattr(run, "REEKS", 10)                 # batches of 10 rows, each recorded on its own
    monkeypatch.setattr(run, "VASTLEGGEN_PER", 10)
    monkeypatch.setattr(run, "VASTLEGGEN_NA", 1000)       # not sooner: a busy machine took 2 s for the first letter
    echt, schrijven = Journaal.schrijf, []

    def schrijf_en_stop(journaal, regels):
        schrijven.append(len(regels))
        if len(schrijven) == 2:
            eigen_postgresql.stop()
        echt(journaal, regels)
    monkeypatch.setattr(Journaal, "schrijf", schrijf_en_stop)
    data, uit = schrijf_csv(tmp_path / "rijen.csv", 40), tmp_path / "uit"
    opdracht = ["herinnering-afloop-vergunning", "--data", data, "--uit", uit, "--datum", DATUM]

    eigen_postgresql.stop()                             # down before the run: nothing is made at all
    niets = CliRunner().invoke(bulk, [str(a) for a in opdracht])
    assert niets.exit_code == 2 and f"fout: het register {url} kan niet worden geopend" in niets.stderr
    assert "Er is niets geschreven." in niets.stderr and not uit.exists()
    eigen_postgresql.start()

    eerst = CliRunner().invoke(bulk, [str(a) for a in opdracht])
    assert eerst.exit_code == 2, eerst.output
    assert f"fout: het register {url} kan niet worden bijgeschreven" in eerst.stderr
    assert "fout: 10 brieven zonder registerregel zijn weggehaald; draai dezelfde opdracht opnieuw" in eerst.stderr
    assert "Traceback" not in eerst.output and "Er is niets geschreven" not in eerst.stderr
    assert len(list(uit.glob("*.docx"))) == 10

    eigen_postgresql.start()
    monkeypatch.setattr(Journaal, "schrijf", echt)
    daarna = CliRunner().invoke(bulk, [str(a) for a in opdracht])
    assert daarna.exit_code == 0, daarna.output
    assert "30 brieven gemaakt, 10 al klaar uit een eerdere run" in daarna.stdout
    assert "alsnog in het register vastgelegd" not in daarna.stdout
    assert len(list(uit.glob("*.docx"))) == 40
    with Register(url) as reg:
        sleutels = [r.gegevens["bulk"]["sleutel"] for r in reg.regels(soort="document")]
        assert sorted(sleutels) == sorted({f"V-2023-{n:06d}" for n in range(1, 41)})      # each row exactly once
        assert reg.controleer() == []
        assert [p for brief in uit.glob("*.docx")                       # each carries its own entry's stamp
                for p in reg.controleer_document(brief.read_bytes(), brief.name)] == []
    assert sjabloon_cli("register", "controleer").stdout == "Register intact: 40 regels, keten klopt.\n"


def test_ankerbestand_dat_niet_open_kan(vrijgegeven, eigen_register, tmp_path, monkeypatch):
    """Without its anchor a write is not made: no entry, no document."""
    (tmp_path / "anker-is-een-map").mkdir()
    monkeypatch.setenv("SJABLOON_REGISTER_ANKER", str(tmp_path / "anker-is-een-map"))
    uitslag = genereer(tmp_path / "uit")
    assert uitslag.returncode == 2
    assert (f"fout: {tmp_path / 'anker-is-een-map'}: het ankerbestand van het register kan niet worden geopend"
            in uitslag.stderr)
    assert list((tmp_path / "uit").iterdir()) == []
    with Register(eigen_register) as reg:
        assert reg.regels(soort="document") == []
