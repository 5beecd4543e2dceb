"""Our B1 score side by side with LiNT-II (Dutch readability, Utrecht University) on the Amsterdam rewrite pairs.

Run: .venv/bin/python bench/b1_lint.py
Makes a venv of its own for LiNT-II (in a temporary folder, or in LINT_VENV if set, which is then kept for the next
run), installs lint_ii there from PyPI and tries to get the spaCy model it needs, nl_core_news_lg (from PyPI, then
with `spacy download`). Scores the pairs of bench/b1_ijking.py (documents 1-29, identical pairs skipped) with LiNT-II,
with our current score (checks.b1, in this venv: the mean sentence score of each side) and with Flesch-Douma
(textstat). Prints the share of pairs where the rewrite is judged easier, overall, where the rewrite has more words and
where it has fewer, and words per second. Without nl_core_news_lg, LiNT-II runs with our own model in its place
(labelled so). If LiNT-II cannot be installed or cannot score, it says why and exits 1: nothing was compared.
Last line: `verhouding: X`, our accuracy over LiNT-II's, on the pairs LiNT-II gives a score on both sides.
"""

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from b1_ijking import paren  # noqa: E402
from meting import eis, einde  # noqa: E402

LINT_II = "lint_ii==0.1.3"
# spaCy 3.7 (what lint_ii asks for on Python 3.11) imports click, which its dependencies no longer install (typer 0.29).
EXTRA = ["click"]
VOLLEDIG_MODEL = "nl_core_news_lg"
EIGEN_MODEL = REPO / "checks" / "model" / "nl_sjabloonstraat"


def stap(opdracht: list[str]) -> tuple[bool, str]:
    """Run one step; whether it worked and its last line of output (for a failed install: the registry's own words)."""
    uit = subprocess.run(opdracht, capture_output=True, text=True)
    regels = [r for r in (uit.stdout + uit.stderr).splitlines() if r.strip() and not r.startswith("WARNING")]
    return uit.returncode == 0, regels[-1].strip() if regels else ""


def lint_omgeving(map_: Path) -> tuple[Path | None, list[str]]:
    """The venv's Python with lint_ii installed (None if that failed), and what was tried with its outcome."""
    python = map_ / "bin" / "python"
    verslag = []
    if not python.exists():
        gelukt, regel = stap([sys.executable, "-m", "venv", str(map_)])
        verslag.append(f"venv maken in {map_}: {'gelukt' if gelukt else regel}")
        if not gelukt:
            return None, verslag
    gelukt, regel = stap([str(python), "-m", "pip", "install", "-q", LINT_II, *EXTRA])
    verslag.append(f"pip install {LINT_II} {' '.join(EXTRA)} (PyPI): {'gelukt' if gelukt else regel}")
    if not gelukt:
        return None, verslag
    if stap([str(python), "-c", f"import spacy, sys; sys.exit(not spacy.util.is_package('{VOLLEDIG_MODEL}'))"])[0]:
        verslag.append(f"{VOLLEDIG_MODEL}: al geïnstalleerd")
        return python, verslag
    for poging, opdracht in ((f"pip install {VOLLEDIG_MODEL} (PyPI)", ["-m", "pip", "install", "-q", VOLLEDIG_MODEL]),
                             (f"python -m spacy download {VOLLEDIG_MODEL} (GitHub-releases van spaCy)",
                              ["-m", "spacy", "download", VOLLEDIG_MODEL])):
        gelukt, regel = stap([str(python), *opdracht])
        verslag.append(f"{poging}: {'gelukt' if gelukt else 'mislukt: ' + regel}")
        if gelukt:
            break
    return python, verslag


def aandeel(goed: list[bool], keuze: list[bool]) -> float:
    """Share of the chosen pairs judged right."""
    gekozen = [g for g, k in zip(goed, keuze) if k]
    return sum(gekozen) / len(gekozen) if gekozen else float("nan")


def onze_scores(teksten: list[str]) -> tuple[list[float], float]:
    """Our score per text (mean sentence score, higher is easier) and the seconds it took, the model loaded first."""
    from checks.b1.analyse import analyseer_zinnen
    from checks.b1.zinnen import splits
    analyseer_zinnen(["Dit is een zin om het model te laden."])
    begin = time.perf_counter()
    scores = []
    for tekst in teksten:
        analyses = analyseer_zinnen(splits(tekst) or [tekst])
        scores.append(sum(a.score for a in analyses) / len(analyses))
    return scores, time.perf_counter() - begin


def lint_scores(python: Path, teksten: list[str]) -> dict | str:
    """LiNT-II's result for the texts (bench/lint_ii_score.py in its venv), or its last error line if it failed."""
    with tempfile.TemporaryDirectory() as tijdelijk:
        invoer, uitvoer = Path(tijdelijk) / "teksten.json", Path(tijdelijk) / "scores.json"
        invoer.write_text(json.dumps(teksten), encoding="utf-8")
        gelukt, regel = stap([str(python), str(REPO / "bench" / "lint_ii_score.py"), str(invoer), str(uitvoer),
                              str(EIGEN_MODEL)])
        return json.loads(uitvoer.read_text(encoding="utf-8")) if gelukt else regel


def main() -> None:
    data = paren()
    teksten = [c for _, c, _ in data] + [s for _, _, s in data]
    woorden = sum(len(t.split()) for t in teksten)
    langer = [len(s.split()) > len(c.split()) for _, c, s in data]
    korter = [len(s.split()) < len(c.split()) for _, c, s in data]
    n = len(data)

    with tempfile.TemporaryDirectory() as tijdelijk:
        python, verslag = lint_omgeving(Path(os.environ.get("LINT_VENV") or Path(tijdelijk) / "lint-venv"))
        print("LiNT-II installeren:")
        for regel in verslag:
            print(f"  {regel}")
        if not eis(python is not None, "LiNT-II kan hier niet worden geïnstalleerd; geen vergelijking"):
            einde()
        lint = lint_scores(python, teksten)
        if not eis(not isinstance(lint, str), f"LiNT-II is geïnstalleerd maar kan niet scoren: {lint}; geen vergelijking"):
            einde()
        eis(len(lint["scores"]) == len(teksten), f"LiNT-II gaf {len(lint['scores'])} scores voor {len(teksten)} teksten")

    ons, ons_seconden = onze_scores(teksten)
    import textstat
    textstat.set_lang("nl")
    begin = time.perf_counter()
    douma = [textstat.flesch_reading_ease(t) for t in teksten]
    douma_seconden = time.perf_counter() - begin

    lint_score = lint["scores"]
    beide = [None not in (lint_score[i], lint_score[n + i]) for i in range(n)]
    eis(sum(beide) >= n // 2, f"LiNT-II scoorde maar {sum(beide)} van de {n} paren aan beide kanten")
    rijen = [  # (name, right per pair, seconds); LiNT-II: higher is harder; ours and Flesch-Douma: higher is easier
        ("LiNT-II 0.1.3" + ("" if lint["model"] == VOLLEDIG_MODEL else f" met ons model i.p.v. {VOLLEDIG_MODEL}"),
         [beide[i] and lint_score[n + i] < lint_score[i] for i in range(n)], lint["seconden"]),
        ("Sjabloonstraat B1-score (huidige weging)", [ons[n + i] > ons[i] for i in range(n)], ons_seconden),
        ("Flesch-Douma (textstat)", [douma[n + i] > douma[i] for i in range(n)], douma_seconden),
    ]
    print(f"LiNT-II-model: {lint['model']}")
    print("LiNT-II-coëfficiënten: " + ", ".join(f"{k} {v:.3f}" for k, v in lint["coefficienten"].items()))
    print(f"{n} paren (documenten 1-29, identieke overgeslagen): {woorden} woorden; "
          f"LiNT-II gaf aan {n - sum(beide)} paren aan één of beide kanten geen score (geen persoonsvorm, "
          "inhoudswoord of bekend zelfstandig naamwoord)")
    uitslag = {}
    for titel, keuze in ((f"alle {n} paren (geen LiNT-II-score telt als fout)", [True] * n),
                         (f"de {sum(beide)} paren die LiNT-II aan beide kanten scoort", beide)):
        lang = [k and x for k, x in zip(keuze, langer)]
        kort = [k and x for k, x in zip(keuze, korter)]
        print(f"\n{titel}; herschrijving langer in {sum(lang)}, korter in {sum(kort)}")
        print(f"{'methode':<60} {'alles':>6} {'langer':>7} {'korter':>7} {'woorden/s':>10}")
        for naam, goed, seconden in rijen:
            uitslag[naam] = aandeel(goed, keuze)
            print(f"{naam:<60} {uitslag[naam]:>6.3f} {aandeel(goed, lang):>7.3f} {aandeel(goed, kort):>7.3f} "
                  f"{woorden / seconden:>10.0f}")
    # The ratio on the pairs LiNT-II can score: counting its missing scores as wrong would flatter ours.
    print(f"verhouding: {uitslag[rijen[1][0]] / uitslag[rijen[0][0]]:.2f}")
    einde()


if __name__ == "__main__":
    main()
