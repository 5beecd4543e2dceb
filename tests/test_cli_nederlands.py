"""Click's own texts are Dutch: usage lines, option lists, help and error messages, for every command."""

import gettext
import re
from pathlib import Path

import click
import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from click.testing import CliRunner

from cli.nederlands import CATALOGUS
from cli.sjabloon import main

PO = CATALOGUS.with_suffix(".po")
ENGELS = re.compile(r"Usage|Options|Commands|Show this|Error|Try '|No such|required|Missing|Invalid|default:|"
                    r"\[OPTIONS\]|COMMAND|\bARGS\b|\bPATH\b|\bTEXT\b|INTEGER|FILENAME|does not|is not")


def _po():
    with open(PO, "rb") as bestand:
        return read_po(bestand)


def _opdrachten(groep=main, pad=()):
    for naam, opdracht in sorted(groep.commands.items()):
        yield (*pad, naam)
        if isinstance(opdracht, click.Group):
            yield from _opdrachten(opdracht, (*pad, naam))


def test_elke_tekst_van_click_is_vertaald():
    """Extracted from the installed Click: a new Click release with a new text fails here, not in front of a user."""
    catalogus = _po()
    klik = Path(click.__file__).parent
    ontbreekt = []
    for _bestand, _regel, bericht, _opm, _ctx in extract_from_dir(klik, method_map=[("**.py", "python")],
                                                                   keywords={"_": None, "ngettext": (1, 2)}):
        sleutel = bericht if isinstance(bericht, str) else bericht[0]
        item = catalogus.get(sleutel)
        if item is None or not all(item.string if isinstance(item.string, tuple) else (item.string,)):
            ontbreekt.append(sleutel)
    assert not ontbreekt


def test_mo_hoort_bij_po():
    """click.mo is what `make vertaling` makes of click.po: a translation changed in the .po only would not show."""
    with open(CATALOGUS, "rb") as bestand:
        mo = gettext.GNUTranslations(bestand)
    verschillen = []
    for item in _po():
        if not item.id:
            continue
        if isinstance(item.id, tuple):
            gekregen = (mo.ngettext(item.id[0], item.id[1], 1), mo.ngettext(item.id[0], item.id[1], 2))
        else:
            gekregen = mo.gettext(item.id)
        if gekregen != item.string:
            verschillen.append(item.id)
    assert not verschillen, "draai: make vertaling"


@pytest.mark.parametrize("opdracht", [(), *_opdrachten()], ids=lambda o: " ".join(o) or "sjabloon")
def test_hulp_is_nederlands(opdracht):
    uit = CliRunner().invoke(main, [*opdracht, "--help"], prog_name="sjabloon")
    assert uit.exit_code == 0
    assert uit.output.startswith("Gebruik: sjabloon")
    assert "Opties:" in uit.output and "Toon deze hulp en stop." in uit.output
    assert not ENGELS.search(uit.output), ENGELS.search(uit.output)


@pytest.mark.parametrize("argumenten, verwacht", [
    (["bestaat-niet"], "Typ 'sjabloon --help' voor hulp.\n\nFout: Onbekende opdracht 'bestaat-niet'."),
    (["genereer", "last-onder-dwangsom", "--zak", "x"],
     "Fout: Onbekende optie '--zak'. (Bedoelde u een van deze: '--zaak', '--zaak-url'?)"),
    (["genereer", "last-onder-dwangsom"], "fout: geef de zaak: --zaak BESTAND (een zaakbestand), --zaak-url URL"),
    (["vrijgeven", "last-onder-dwangsom"], "Fout: Optie ontbreekt '--juridisch'."),
    (["genereer"], "Fout: Argument ontbreekt 'SJABLOON'."),
    (["genereer", "x", "--zaak"], "Fout: Optie '--zaak' vraagt een waarde."),
    (["bulk", "x", "--data", "rijen.csv", "--werkers", "0"], "0 valt buiten het bereik 1<=x<=64."),
    (["termijn", "bezwaar", "--datum", "2026-12-17", "--aantal", "veel"], "'veel' is geen geldig getal."),
    (["checklist", "geen_type"], "Fout: Ongeldige waarde voor 'BESLUITTYPE': 'geen_type' is niet een van"),
])
def test_foutmeldingen_zijn_nederlands(argumenten, verwacht):
    uit = CliRunner().invoke(main, argumenten, prog_name="sjabloon")
    assert uit.exit_code == 2
    assert verwacht in uit.output
    assert not ENGELS.search(uit.output), ENGELS.search(uit.output)
