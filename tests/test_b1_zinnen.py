"""Sentence splitting that does not break at Dutch abbreviations, initials, numbers or enumerations."""

import pytest

from checks.b1.zinnen import splits


@pytest.mark.parametrize("tekst, zinnen", [
    ("Op grond van art. 5:32 Awb leggen wij u een last op. U moet o.a. de schuur verwijderen.",
     ["Op grond van art. 5:32 Awb leggen wij u een last op.", "U moet o.a. de schuur verwijderen."]),
    ("Wij sturen deze brief t.a.v. mevr. J.H. de Vries. Zij woont op nr. 12. Dat is alles!",
     ["Wij sturen deze brief t.a.v. mevr. J.H. de Vries.", "Zij woont op nr. 12.", "Dat is alles!"]),
    ("Het bedrag is € 1.250,00. Zie artikel 5.1 van de Omgevingswet. Klaar?",
     ["Het bedrag is € 1.250,00.", "Zie artikel 5.1 van de Omgevingswet.", "Klaar?"]),
    ("Bouw bijv. een schuur. Mr. A. Jansen tekent.", ["Bouw bijv. een schuur.", "Mr. A. Jansen tekent."]),
    ("1. Eerste punt\n2. Tweede punt. Derde zin.", ["1. Eerste punt", "2. Tweede punt.", "Derde zin."]),
    ("Wij hebben op 5 jan. 2026 uw brief ontvangen. Dank u.", ["Wij hebben op 5 jan. 2026 uw brief ontvangen.", "Dank u."]),
    ("Dit is één zin zonder punt", ["Dit is één zin zonder punt"]),
])
def test_splits(tekst, zinnen):
    assert splits(tekst) == zinnen
