"""A bulk worker checks a batch of letters together: their new sentences go through the language model in one
batch. Every letter's report, journal line and file must be what checking it alone gives."""

import datetime as dt

from bulkdata import rijen

from checks.b1 import analyse
from checks.b1.controle import bereid_voor, controleer_b1
from checks.document import lees_document
from generator.bulk.renderer import VoorbereidSjabloon
from generator.bulk.werker import Instellingen, Taak, Werker
from generator.vullen.context import activeer_gemeente, maak_context
from generator.vullen.sjabloon import laad
from generator.vullen.velden import uit_paden, valideer

HERINNERING = "herinnering-afloop-vergunning"
DAG = dt.date(2026, 11, 23)


def _zaken(aantal: int) -> list[dict]:
    sjabloon = laad(HERINNERING)
    zaken = []
    for rij in rijen(aantal):
        zaak, problemen = valideer(sjabloon.velden, uit_paden(rij))
        assert not problemen
        zaken.append(zaak)
    return zaken


def _brieven(aantal: int):
    """Real herinneringen: each differs in holder, address, permit and dates, so several sentences differ."""
    sjabloon, gemeente = laad(HERINNERING), activeer_gemeente(None)
    renderer = VoorbereidSjabloon(sjabloon.docx.read_bytes(), sjabloon.id, gemeente)
    return [lees_document(f"{nummer}.docx", renderer.vul(maak_context(sjabloon, zaak, DAG, gemeente)[0]))
            for nummer, zaak in enumerate(_zaken(aantal))]


def test_reports_are_the_same_whether_the_sentences_were_parsed_together_or_alone(monkeypatch):
    brieven = _brieven(12)
    alleen = []
    for brief in brieven:
        analyse._geheugen.clear()                           # nothing from another letter
        alleen.append(controleer_b1(brief).as_json())
    eigen = [{z["tekst"] for z in rapport["zinnen"]} for rapport in alleen]
    assert len(set.union(*eigen)) > len(eigen[0]) + 10      # the letters' own sentences differ (names, dates, ...)

    analyse._geheugen.clear()
    bereid_voor(brieven)
    ontleed = []
    echt = analyse.ontleed
    monkeypatch.setattr(analyse, "ontleed", lambda zinnen: ontleed.extend(zinnen) or echt(zinnen))
    samen = [controleer_b1(brief).as_json() for brief in brieven]
    assert ontleed == []                                    # after bereid_voor, checking parses no sentence
    assert samen == alleen


def test_a_batch_gives_the_same_rows_and_letters_as_one_row_at_a_time(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")
    sjabloon = laad(HERINNERING)
    taken = [Taak(nummer, f"V-{nummer}", f"hash-{nummer}", zaak) for nummer, zaak in enumerate(_zaken(10), 1)]

    def werker(map_):
        map_.mkdir()
        return Werker(Instellingen(sjabloon, None, DAG, map_, concept=True, pdf=False))

    analyse._geheugen.clear()
    alleen = werker(tmp_path / "alleen")
    per_rij = []
    for taak in taken:
        analyse._geheugen.clear()
        per_rij.append(alleen.maak(taak))
    analyse._geheugen.clear()
    in_reeks = list(werker(tmp_path / "reeks").maak_reeks(taken))
    assert in_reeks == per_rij
    assert all(regel["status"] == "gemaakt" for regel, _ in in_reeks)
    for regel, _ in in_reeks:
        bestand = regel["bestand"]
        assert (tmp_path / "reeks" / bestand).read_bytes() == (tmp_path / "alleen" / bestand).read_bytes()
