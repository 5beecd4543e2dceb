"""Measure the Awb check on real published decisions and on our own texts, against hand annotations.

Per text: the besluittype the check recognises (without --type) against the annotated type, and per element the
check's verdict (aanwezig / ontbreekt) against the annotation (ja / nee / na_knip). Counted only where the check gives
a verdict; 'niet vastgesteld' (the check says it cannot tell) and 'niet beoordeeld' (element not applicable for the
recognised type, while the text has it) are reported apart. A verdict 'ontbreekt' on an element that lies after the
cut of an incomplete text (na_knip) is a wrong 'ontbreekt' too.

The real texts stay outside the repository (../shared/data/besluiten, see bench/besluiten/README.md); the
annotations and our own texts are in bench/besluiten/. This bench runs outside `make test`.

Run: .venv/bin/python bench/awb_echt.py [--map PATH] [--helft ontwikkeling|rapport|alle] [--details] [--eigen VAN-TOT]
(--eigen measures only those own texts, without the real ones.)
"""

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from meting import eis, einde

from checks.awb.controle import controleer
from checks.document import lees_document

BENCH = ROOT / "bench" / "besluiten"
STANDAARD_MAP = Path(__file__).resolve().parents[1].parent / "shared/data/besluiten"
ELEMENTEN = ["feiten", "grondslag", "beoordeling", "belangenafweging", "zienswijze", "dictum", "ondertekening",
             "dagtekening", "rechtsmiddelenclausule", "overtreden_voorschrift", "herstelmaatregel",
             "begunstigingstermijn", "dwangsom_bedrag", "dwangsom_maximum"]
SOORTEN = ["tp", "fp", "fn", "tn", "knip", "nv", "nb"]   # knip: ontbreekt & na_knip; nv: niet vastgesteld; nb: niet beoordeeld


def oordeel(rapport, element: str):
    """The check's verdict: True (aanwezig), False (ontbreekt), 'nv' (niet vastgesteld) or None (not applicable)."""
    status = getattr(rapport, "status", None)
    if isinstance(status, dict):
        return {"aanwezig": True, "ontbreekt": False, "niet_vastgesteld": "nv"}.get(status.get(element))
    return rapport.elementen.get(element)


def soort(uitspraak, annotatie: str) -> str | None:
    if uitspraak is True:
        return "tp" if annotatie == "ja" else "fp"
    if uitspraak is False:
        return {"ja": "fn", "nee": "tn", "na_knip": "knip"}[annotatie]
    if uitspraak == "nv":
        return "nv"
    return "nb" if annotatie == "ja" else None


def deel(a: int, b: int) -> str:
    return f"{a / b:6.1%}" if b else "     -"


class Groep:
    def __init__(self, naam: str):
        self.naam, self.teksten, self.type_goed, self.onbekend = naam, 0, 0, 0
        self.telling = {e: Counter() for e in ELEMENTEN}

    def druk(self) -> None:
        print(f"\n== {self.naam}: {self.teksten} teksten")
        if not self.teksten:
            return
        print(f"type goed herkend: {self.type_goed}/{self.teksten} ({self.type_goed / self.teksten:.0%}); "
              f"'onbekend': {self.onbekend}")
        print(f"{'onderdeel':<24}{'tp':>4}{'fp':>4}{'fn':>4}{'tn':>4}{'knip':>5}{'nv':>4}{'nb':>4}"
              f"{'precisie':>10}{'recall':>8}")
        totaal = Counter()
        for e, c in self.telling.items():
            totaal += c
            print(f"{e:<24}" + "".join(f"{c[s]:>{5 if s == 'knip' else 4}}" for s in SOORTEN)
                  + f"{deel(c['tp'], c['tp'] + c['fp']):>10}{deel(c['tp'], c['tp'] + c['fn']):>8}")
        t = totaal
        print(f"micro: precisie {deel(t['tp'], t['tp'] + t['fp']).strip()}, recall {deel(t['tp'], t['tp'] + t['fn']).strip()}")
        fout = t["fn"] + t["knip"]
        print(f"onterecht 'ontbreekt': {fout}/{fout + t['tn']} {deel(fout, fout + t['tn']).strip()} "
              f"(waarvan na de knip: {t['knip']}); niet vastgesteld: {t['nv']}; niet beoordeeld: {t['nb']}")


def meet(map_: Path, annotaties: dict, groepen: list[Groep], details: bool) -> int:
    for naam, a in annotaties.items():
        rapport = controleer(lees_document(map_ / naam))
        for groep in groepen:
            groep.teksten += 1
            groep.type_goed += rapport.besluittype == a["type"]
            groep.onbekend += rapport.besluittype == "onbekend"
        afwijkingen = []
        for e in ELEMENTEN:
            uitspraak, annotatie = oordeel(rapport, e), a["elementen"][e]
            s = soort(uitspraak, annotatie)
            if s:
                for groep in groepen:
                    groep.telling[e][s] += 1
            if s in ("fp", "fn", "knip", "nb") or (s == "nv" and annotatie == "ja"):
                controle = {True: "aanwezig", False: "ontbreekt", "nv": "niet vastgesteld"}.get(uitspraak, "n.v.t.")
                waar = f" — waar: \"{a['waar'][e]}\"" if e in a.get("waar", {}) else ""
                afwijkingen.append(f"    {e}: annotatie {annotatie}, controle {controle}{waar}")
        if details:
            teken = "goed" if rapport.besluittype == a["type"] else "FOUT"
            print(f"{naam}\n  type: geannoteerd {a['type']}, herkend {rapport.besluittype} "
                  f"({rapport.zekerheid:.0%}) {teken}")
            print("\n".join(afwijkingen) or "    alle onderdelen in overeenstemming")
    return len(annotaties)


def main() -> None:
    parser = argparse.ArgumentParser(description="Awb-controle gemeten op echte en eigen besluiten.")
    parser.add_argument("--map", type=Path, default=STANDAARD_MAP, help="map met de echte teksten")
    parser.add_argument("--helft", choices=["ontwikkeling", "rapport", "alle"], default="alle")
    parser.add_argument("--details", action="store_true", help="per tekst het type en elk afwijkend onderdeel")
    parser.add_argument("--eigen", metavar="VAN-TOT", help="alleen de eigen teksten met deze nummers, bijvoorbeeld 27-42")
    args = parser.parse_args()
    begin = time.perf_counter()
    helften = ["ontwikkeling", "rapport"] if args.helft == "alle" else [args.helft]
    bronnen = [("eigen", BENCH / "eigen", yaml.safe_load((BENCH / "eigen" / "annotaties.yaml").read_text()))]
    if args.eigen:
        van, tot = (int(n) for n in args.eigen.split("-"))
        bronnen[0] = (*bronnen[0][:2], {n: a for n, a in bronnen[0][2].items() if van <= int(n[:2]) <= tot})
    elif args.map.is_dir():
        bronnen.insert(0, ("echt", args.map, yaml.safe_load((BENCH / "annotaties.yaml").read_text())))
    else:       # the bench says it measures real decisions: without them it did not
        eis(False, f"de map met echte besluiten ({args.map}) bestaat niet; alleen de eigen teksten zijn gemeten "
            "(geef --map, of --eigen om bewust alleen de eigen teksten te meten)")
    alle = Groep("alle teksten" if args.helft == "alle" else f"alle teksten, helft {args.helft}")
    groepen, aantal = [], 0
    for bron, map_, annotaties in bronnen:
        for helft in helften:
            groep = Groep(f"{bron} – {helft}")
            gekozen = {n: a for n, a in annotaties.items() if a["helft"] == helft}
            if args.details:
                print(f"\n-- {groep.naam}")
            aantal += meet(map_, gekozen, [groep, alle], args.details)
            groepen.append(groep)
    for groep in groepen + [alle]:
        groep.druk()
    duur = time.perf_counter() - begin
    eis(all(groep.teksten for groep in groepen), "een groep (bron en helft) zonder teksten: daar is niets gemeten")
    print(f"\n{aantal} teksten in {duur:.2f} s ({aantal / duur:.1f} teksten per seconde)")
    print("tp/fp/fn/tn: controle aanwezig/ontbreekt tegen annotatie ja/nee; knip: 'ontbreekt' na de knip van een "
          "afgebroken tekst; nv: niet vastgesteld; nb: niet beoordeeld terwijl de tekst het onderdeel heeft")
    einde()


if __name__ == "__main__":
    main()
