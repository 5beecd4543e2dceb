"""Precision and recall of each B1 rule on sentences annotated by hand (bench/b1_regels/*.yaml).

Run: .venv/bin/python bench/b1_regels.py [--fouten] [--toets]
Each sentence is checked on its own, as in a letter (the sentence rules plus the context rules: legal terms and
article references). A finding is correct when the annotation names the same rule for words that overlap it
('*' = the whole sentence). Per rule and ernst: findings, correct, precision; per rule: annotated, found, recall.
The sentences are split in two: 'ontwikkel' (the rules were fixed looking at these) and 'toets' (not looked at
while fixing: every second sentence of eigen.yaml, the even documents of ams.yaml).
--fouten prints the wrong and missed findings of 'ontwikkel' (add --toets for those of 'toets' too).
The last line is `verhouding: X`: the lowest precision of a rule that warns (ernst waarschuwing, at least 3
findings) on 'toets', over the aim of 0.8.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import yaml

from meting import eis, einde

from checks.b1.analyse import analyseer_zinnen
from checks.b1.controle import _in_context

MAP = Path(__file__).resolve().parent / "b1_regels"
DOEL = 0.8


def zinnen() -> list[dict]:
    """The annotated sentences, each with its part ('ontwikkel' or 'toets') and its expected (rules, start, end)."""
    alle = []
    for bestand in sorted(MAP.glob("*.yaml")):
        for nummer, item in enumerate(yaml.safe_load(bestand.read_text(encoding="utf-8"))["zinnen"]):
            zin = item["zin"]
            if "bron" in item and item["bron"].startswith("ams"):
                deel = "toets" if int(item["bron"].split()[1]) % 2 == 0 else "ontwikkel"
            else:
                deel = "toets" if nummer % 2 else "ontwikkel"
            verwacht = []
            for regels, fragmenten in (item.get("verwacht") or {}).items():
                for fragment in fragmenten:
                    begin = 0 if fragment == "*" else zin.lower().find(fragment.lower())
                    if begin < 0:
                        sys.exit(f"{bestand.name}: '{fragment}' staat niet in de zin: {zin}")
                    eind = len(zin) if fragment == "*" else begin + len(fragment)
                    verwacht.append((tuple(regels.split("|")), begin, eind))
            alle.append({"zin": zin, "deel": deel, "bron": item.get("bron") or item.get("stijl"), "verwacht": verwacht})
    return alle


def bevindingen(zin: str) -> list:
    [analyse] = analyseer_zinnen([zin])
    return [p for p in _in_context(analyse, "", zin.lower()) if p.begin is not None]


def overlapt(a_begin, a_eind, b_begin, b_eind) -> bool:
    return a_begin < b_eind and b_begin < a_eind


def tel(items: list[dict], fouten: bool) -> tuple[dict, dict]:
    """Precision per (rule, ernst); recall per rule (an annotated item is found when a finding of one of its
    rules overlaps it, whatever its ernst)."""
    precisie = defaultdict(lambda: {"bevindingen": 0, "juist": 0})
    recall = defaultdict(lambda: {"geannoteerd": 0, "gevonden": 0})
    for item in items:
        gevonden = bevindingen(item["zin"])
        for p in gevonden:
            rij = precisie[(p.regel, p.ernst)]
            rij["bevindingen"] += 1
            if any(p.regel in regels and overlapt(p.begin, p.eind, b, e) for regels, b, e in item["verwacht"]):
                rij["juist"] += 1
            elif fouten:
                print(f"  onterecht {p.regel} ({p.ernst}) '{p.fragment}' in: {item['zin']}")
        for regels, b, e in item["verwacht"]:
            treffers = [p for p in gevonden if p.regel in regels and overlapt(p.begin, p.eind, b, e)]
            rij = recall[treffers[0].regel if treffers else regels[0]]
            rij["geannoteerd"] += 1
            rij["gevonden"] += bool(treffers)
            if fouten and not treffers:
                print(f"  gemist    {'|'.join(regels)} '{item['zin'][b:e]}' in: {item['zin']}")
    return precisie, recall


def tabel(naam: str, precisie: dict, recall: dict, aantal: int) -> None:
    print(f"\n{naam} ({aantal} zinnen)")
    print(f"{'regel':<24}{'ernst':<14}{'bevindingen':>12}{'juist':>7}{'precisie':>10}   |{'geannoteerd':>13}{'gevonden':>10}{'recall':>8}")
    regels = sorted({r for r, _ in precisie} | set(recall))
    for regel in regels:
        ernsten = sorted(e for r, e in precisie if r == regel) or ["-"]
        for nummer, ernst in enumerate(ernsten):
            p = precisie.get((regel, ernst), {"bevindingen": 0, "juist": 0})
            waarde = f"{p['juist'] / p['bevindingen']:.2f}" if p["bevindingen"] else "-"
            links = f"{regel:<24}{ernst:<14}{p['bevindingen']:>12}{p['juist']:>7}{waarde:>10}   |"
            r = recall.get(regel, {"geannoteerd": 0, "gevonden": 0})
            rechts = "" if nummer else (f"{r['geannoteerd']:>13}{r['gevonden']:>10}"
                                        f"{(r['gevonden'] / r['geannoteerd']) if r['geannoteerd'] else 0:>8.2f}")
            print(links + rechts)


def main() -> None:
    fouten, ook_toets = "--fouten" in sys.argv, "--toets" in sys.argv
    alle = zinnen()
    delen = {deel: [i for i in alle if i["deel"] == deel] for deel in ("ontwikkel", "toets")}
    for deel, items in delen.items():
        eis(len(items) >= 20, f"deel '{deel}' heeft maar {len(items)} zinnen")
    tellingen = {}
    for deel, items in delen.items():
        laten_zien = fouten and (deel == "ontwikkel" or ook_toets)
        if laten_zien:
            print(f"Fouten in '{deel}':")
        tellingen[deel] = tel(items, laten_zien)
    for deel, items in delen.items():
        tabel(f"Deel '{deel}'", *tellingen[deel], len(items))
    samen = [defaultdict(lambda: defaultdict(int)), defaultdict(lambda: defaultdict(int))]
    for telling in tellingen.values():
        for som, deel in zip(samen, telling):
            for sleutel, rij in deel.items():
                for veld, waarde in rij.items():
                    som[sleutel][veld] += waarde
    tabel("Alle zinnen", *samen, len(alle))
    waarschuwend = [r["juist"] / r["bevindingen"] for (_, ernst), r in tellingen["toets"][0].items()
                    if ernst == "waarschuwing" and r["bevindingen"] >= 3]
    # no warning rule with 3 findings on 'toets': then no precision was measured, and 1.00 would be a claim
    eis(waarschuwend, "geen waarschuwende regel had minstens 3 bevindingen op 'toets'")
    laagste = min(waarschuwend, default=1.0)
    print(f"\nlaagste precisie van een waarschuwende regel (toets, minstens 3 bevindingen): {laagste:.2f}; doel {DOEL}")
    print(f"verhouding: {laagste / DOEL:.2f}")
    einde()


if __name__ == "__main__":
    main()
