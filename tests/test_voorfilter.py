"""The pre-filter skips a pattern's search only where the pattern cannot match (checks/voorfilter.py)."""

import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

sys.path.insert(0, str(Path(__file__).parent / "corpus"))

from awb_corpus import als_document, corpus  # noqa: E402

from checks.awb.controle import _element_patronen, _voorfilter, treffers  # noqa: E402
from checks.voorfilter import Voorfilter, vaste_stukken  # noqa: E402

PATRONEN = sorted(_voorfilter().stukken, key=lambda p: p.pattern)


@pytest.mark.parametrize("patroon, stukken", [
    (r"(termijn|binnen) van zes weken", {" van zes weken"}),
    (r"\bbezwaar\b", {"bezwaar"}),
    (r"(?:ab)?cd", {"cd"}),
    (r"(bezwaar|beroep)[^.]{0,40}(binnen|uiterlijk)", {"binnen", "uiterlijk"}),   # re splits off "be"
    (r"(?:x|yz)+w", {"w"}),
    (r"\d+", None),
    (r"a|\d", None),
    (r"(?:bezwaar)?\d", None),
    (r"(?i)bezwaar", None),                 # compared exactly, so a pattern that ignores case is always searched
    (r"(?=bezwaar)", None),
])
def test_fixed_pieces(patroon, stukken):
    assert vaste_stukken(re.compile(patroon)) == (frozenset(stukken) if stukken is not None else None)


def test_a_text_without_the_pieces_is_not_searched_and_one_with_them_is():
    met, zonder = re.compile(r"(termijn|binnen) van zes weken"), re.compile(r"\d+")
    filter_ = Voorfilter([met, zonder])
    assert filter_.mogelijk("u hebt zes weken de tijd") == {zonder} and zonder in filter_.altijd
    assert filter_.mogelijk("binnen van zes weken") == {met, zonder}


def test_almost_every_awb_pattern_has_pieces():
    """The gain rests on it: a pattern without pieces is searched in every new paragraph."""
    zonder = [p.pattern for p in PATRONEN if _voorfilter().stukken[p] is None]
    assert len(PATRONEN) > 250 and len(zonder) <= 5, zonder


def _corpus_alineas() -> list:
    return [alinea for naam, doc in corpus()
            for alinea in als_document(naam, doc["alineas"], doc["formaat"]).alineas]


def test_every_awb_pattern_that_matches_a_corpus_paragraph_is_let_through():
    alineas = _corpus_alineas()
    assert len(alineas) > 500
    gevonden = 0
    for alinea in alineas:
        mogelijk = _voorfilter().mogelijk(alinea.klein)
        for p in PATRONEN:
            if p.search(alinea.klein):
                gevonden += 1
                assert p in mogelijk, (p.pattern, alinea.klein)
    assert gevonden > 1000


def test_treffers_are_those_of_searching_every_pattern():
    for alinea in _corpus_alineas():
        t = treffers(alinea)
        for naam, patronen in _element_patronen().items():
            assert (naam in t.uitgezonderd) == any(p.search(alinea.klein) for p in patronen["niet_als"])
            assert (naam in t.koppen) == (alinea.kop and any(p.search(alinea.klein) for p in patronen["koppen"]))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.data())
def test_any_text_an_awb_pattern_matches_is_let_through(data):
    patroon = data.draw(st.sampled_from(PATRONEN))
    tekst = data.draw(st.from_regex(patroon))
    if patroon.search(tekst):
        assert patroon in _voorfilter().mogelijk(tekst)
