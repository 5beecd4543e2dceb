"""Syllable count: checks/b1/lettergrepen.py against textstat's Dutch count (pyphen hyphenation) on the test list.

Run: .venv/bin/python bench/lettergrepen.py
Prints the accuracy of both on tests/test_b1_lettergrepen.py, the words textstat gets wrong, the speed of ours,
and last `verhouding: X` (our accuracy / textstat's accuracy).
"""

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

import textstat  # noqa: E402
from meting import eis, einde  # noqa: E402
from test_b1_lettergrepen import WOORDEN  # noqa: E402

from checks.b1.lettergrepen import lettergrepen  # noqa: E402


def main() -> None:
    textstat.set_lang("nl")
    eis(len(WOORDEN) >= 50, f"de testlijst heeft maar {len(WOORDEN)} woorden")
    eigen = sum(lettergrepen(w) == n for w, n in WOORDEN) / len(WOORDEN)
    fout = [(w, n, textstat.syllable_count(w)) for w, n in WOORDEN if textstat.syllable_count(w) != n]
    ander = 1 - len(fout) / len(WOORDEN)
    eis(ander > 0, "textstat telde geen enkel woord goed: de Nederlandse telling (pyphen) ontbreekt")
    print(f"woorden:            {len(WOORDEN)}")
    print(f"lettergrepen.py:    {eigen:.1%} goed")
    print(f"textstat (nl):      {ander:.1%} goed")
    print("textstat fout:      " + ", ".join(f"{w} {t} (is {n})" for w, n, t in fout))

    lettergrepen("gemeente")  # load the exceptions before timing
    woorden = [w for w, _ in WOORDEN] * 200
    tel = lettergrepen.__wrapped__          # the count itself, not the per-word memory around it
    begin = time.perf_counter()
    for woord in woorden:
        tel(woord)
    duur = time.perf_counter() - begin
    print(f"snelheid:           {len(woorden) / duur:,.0f} woorden per seconde".replace(",", "."))
    print(f"verhouding: {eigen / ander:.2f}" if ander else "verhouding: -")
    einde()


if __name__ == "__main__":
    main()
