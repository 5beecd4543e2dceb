"""The three foundation templates pass the Awb check, and each mutation of their output fails it with the right element."""

import datetime as dt
import io
import re

import pytest
import yaml
from conftest import REPO
from docx import Document as Word

from checks.awb.controle import controleer
from checks.awb.regels import eis
from checks.document import lees_document
from generator.vullen.context import gemeenteprofiel, maak_context
from generator.vullen.render import vul_docx
from generator.vullen.sjabloon import laad
from generator.vullen.zaak import laad_zaak

ANNOTATIE = yaml.safe_load((REPO / "tests/corpus/sjablonen.yaml").read_text(encoding="utf-8"))


def voorbeeld_docx(sjabloon_id: str) -> tuple[bytes, str]:
    sjabloon = laad(sjabloon_id)
    zaak = laad_zaak(sjabloon.voorbeeld, sjabloon)
    context, _ = maak_context(sjabloon, zaak, dt.date(2026, 11, 23), gemeenteprofiel())
    return vul_docx(sjabloon.docx, context, sjabloon.id), sjabloon.besluittype


def zonder(document: bytes, patronen: list[str]) -> bytes:
    """Delete every body paragraph and table row whose text starts with one of the patterns."""
    word = Word(io.BytesIO(document))
    passend = [re.compile(p) for p in patronen]
    treft = lambda tekst: any(p.match(tekst.strip()) for p in passend)  # noqa: E731
    for alinea in list(word.paragraphs):
        if treft(alinea.text):
            alinea._element.getparent().remove(alinea._element)
    for tabel in word.tables:
        for rij in list(tabel.rows):
            if treft(" ".join(c.text for c in rij.cells)):
                rij._tr.getparent().remove(rij._tr)
    uit = io.BytesIO()
    word.save(uit)
    return uit.getvalue()


@pytest.mark.parametrize("sjabloon_id", sorted(ANNOTATIE))
def test_example_passes_with_every_element(sjabloon_id):
    document, besluittype = voorbeeld_docx(sjabloon_id)
    rapport = controleer(lees_document(f"{sjabloon_id}.docx", document), besluittype)
    assert [b.regel for b in rapport.bevindingen if b.ernst == "fout"] == []
    vereist = {e for e in rapport.elementen if eis(besluittype, e) == "verplicht"}
    assert {e for e in vereist if rapport.elementen[e]} == vereist
    assert rapport.vrijgave


MUTATIES = [(s, e) for s, elementen in sorted(ANNOTATIE.items()) for e in elementen]


@pytest.mark.parametrize("sjabloon_id, element", MUTATIES)
def test_each_mutation_reports_exactly_that_element(sjabloon_id, element):
    document, besluittype = voorbeeld_docx(sjabloon_id)
    gemuteerd = zonder(document, ANNOTATIE[sjabloon_id][element])
    rapport = controleer(lees_document(f"{sjabloon_id}-zonder-{element}.docx", gemuteerd), besluittype)
    ontbrekend = {e for e, aanwezig in rapport.elementen.items() if aanwezig is False}
    assert ontbrekend == {element}
    ernst = "fout" if eis(besluittype, element) == "verplicht" else "waarschuwing"
    assert element in {b.regel for b in rapport.bevindingen if b.ernst == ernst}
    assert rapport.vrijgave == (ernst != "fout")
