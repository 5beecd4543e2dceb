"""Calibrate and test the score of a whole letter on real rewrites by the City of Amsterdam (data/ams-vereenvoudiging/).

Run: .venv/bin/python bench/b1_brieven.py [--schrijf]
Documents 1-29 of the development pairs are rebuilt as whole letters: the Complex sentences of a document in order
are the original, the Simple ones the rewrite (three rows to a paragraph, the same for both). Each is checked twice:
bare, and wrapped in the same letter furniture (letterhead, address, date, kenmerk, salutation, a bezwaarclausule in
the usual legal wording, greeting, signature). A writer would call the rewrite plainer in every document; the bench
counts for how many documents of at least 3 sentences the letter score agrees ('wint').

The aggregation parameters (content/b1/brief.yaml: oordeel) are fitted on the odd documents and reported on the
even ones (fixed split, chosen up front), and once more leave-one-document-out. The named baseline is the old method:
the mean sentence score over every line of at least four words. With --schrijf the parameters fitted on the odd
documents are written to content/b1/brief.yaml; rerun it after the sentence score changes. The last line is
`verhouding: X`: the new method's wins over the baseline's (furnished letters, all documents, leave-one-out).
"""

import argparse
import csv
import datetime as dt
import itertools
import re
import statistics
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from meting import eis, einde  # noqa: E402

from checks.b1.analyse import analyseer_zinnen  # noqa: E402
from checks.b1.briefscore import brief_score  # noqa: E402
from checks.b1.controle import controleer_b1  # noqa: E402
from checks.b1.zinnen import splits  # noqa: E402
from checks.document import lees_document, lees_tekst  # noqa: E402
from generator.vullen.genereer import genereer  # noqa: E402
from generator.vullen.sjabloon import catalogus  # noqa: E402

DATA = REPO / "data" / "ams-vereenvoudiging" / "zinnen-dev.csv"
BRIEF = REPO / "content" / "b1" / "brief.yaml"
RIJEN_PER_ALINEA = 3
MIN_ZINNEN = 3
B1 = 50

KOP = """Gemeente Amsterdam
Stadsdeel Nieuw-West
Postbus 2003
1000 CA Amsterdam

De heer J.P. de Groot
Slotermeerlaan 103-2
1064 HB Amsterdam

Ons kenmerk: NW-2025-0187
Uw kenmerk: -
Datum: 14 maart 2025
Onderwerp: Informatie over uw buurt
Contactpersoon: mevrouw A. Yilmaz
Telefoon: 14 020

Geachte heer De Groot,
"""

SLOT = """Bezwaar
Tegen dit besluit kan een belanghebbende op grond van artikel 7:1 van de Algemene wet bestuursrecht binnen zes weken na de dag van verzending van dit besluit een bezwaarschrift indienen bij het college van burgemeester en wethouders van Amsterdam, Postbus 202, 1000 AE Amsterdam. Het bezwaarschrift moet zijn ondertekend en bevat ten minste de naam en het adres van de indiener, de dagtekening, een omschrijving van het besluit waartegen het bezwaar is gericht en de gronden van het bezwaar. Indien onverwijlde spoed, gelet op de betrokken belangen, dat vereist, kan de voorzieningenrechter van de rechtbank Amsterdam worden verzocht een voorlopige voorziening te treffen.

Met vriendelijke groet,

namens het college van burgemeester en wethouders van Amsterdam,

drs. M.A. van der Linden
afdelingsmanager Wonen en Leefomgeving

Bijlage: kaart van de buurt
"""

ROOSTER = {"gewicht_moeilijkste": [i / 10 for i in range(11)], "moeilijkste_alineas": [1, 2, 3],
           "straf": [0.0, 0.25, 0.5, 1.0, 2.0], "toegestaan": [0.0, 0.1, 0.2, 0.3]}


def documenten() -> dict[int, list[tuple[str, str]]]:
    rijen: dict[int, list[tuple[str, str]]] = {}
    with open(DATA, encoding="utf-8") as bestand:
        for r in csv.DictReader(bestand):
            rijen.setdefault(int(r["Document ID"]), []).append((r["Complex"].strip(), r["Simple"].strip()))
    return rijen


def als_brief(zinnen: list[str], meubels: bool) -> str:
    alineas = [" ".join(zinnen[i:i + RIJEN_PER_ALINEA]) for i in range(0, len(zinnen), RIJEN_PER_ALINEA)]
    romp = "\n\n".join(alineas)
    return f"{KOP}\n{romp}\n\n{SLOT}" if meubels else romp


def oude_score(tekst: str) -> float:
    """The old method: the mean sentence score over every line of at least four words (five for a heading)."""
    zinnen = []
    for alinea in lees_tekst(tekst).alineas:
        for stuk in alinea.tekst.split(" | "):
            if len(stuk.split()) >= (5 if alinea.kop else 4):
                zinnen += splits(stuk)
    analyses = analyseer_zinnen(zinnen)
    return sum(a.score for a in analyses) / len(analyses) if analyses else 100.0


def meet(tekst: str) -> dict:
    rapport = controleer_b1(lees_tekst(tekst, "brief"))
    return {"zinnen": [(z.score, z.positie) for z in rapport.zinnen], "oud": oude_score(tekst),
            "niet_gescoord": len(rapport.niet_gescoord)}


def wint(metingen: dict, weging: dict, ids, variant: str) -> list[int]:
    """The documents in `ids` where the rewrite scores easier than the original."""
    return [d for d in ids if brief_score(metingen[d][variant]["plain"]["zinnen"], weging).score
            > brief_score(metingen[d][variant]["orig"]["zinnen"], weging).score]


def oordelen(metingen: dict, weging: dict, ids) -> int:
    """How often the verdict is the one the rewriters gave: the rewrite at B1, the original not."""
    return sum((brief_score(metingen[d]["kaal"]["plain"]["zinnen"], weging).score >= B1)
               + (brief_score(metingen[d]["kaal"]["orig"]["zinnen"], weging).score < B1) for d in ids)


def scheiding(metingen: dict, weging: dict, ids) -> float:
    """Mean score gain of the rewrite over its spread: how consistently the score separates the two versions."""
    winst = [brief_score(metingen[d]["kaal"]["plain"]["zinnen"], weging).score
             - brief_score(metingen[d]["kaal"]["orig"]["zinnen"], weging).score for d in ids]
    return statistics.mean(winst) / (statistics.pstdev(winst) + 1e-9)


def pas_aan(metingen: dict, ids, eigen: dict) -> dict:
    """Among the grid points that keep every example letter of the templates at B1 (they are written for B1 and the
    generator refuses a letter that is not): the most wins (bare and furnished), then the most verdicts the
    rewriters would give, then the most consistent separation."""
    beste = None
    for waarden in itertools.product(*ROOSTER.values()):
        weging = dict(zip(ROOSTER, waarden))
        if any(brief_score(zinnen, weging).score < B1 for zinnen in eigen.values()):
            continue
        winst = len(wint(metingen, weging, ids, "kaal")) + len(wint(metingen, weging, ids, "brief"))
        sleutel = (winst, oordelen(metingen, weging, ids), scheiding(metingen, weging, ids))
        if beste is None or sleutel > beste[0]:
            beste = (sleutel, weging)
    return beste[1]


def eigen_brieven() -> dict[str, list[tuple[float, str]]]:
    """The example letter of every template, as the generator writes it: its scored sentences."""
    uit = Path(tempfile.mkdtemp())
    brieven = {}
    for sjabloon in catalogus():
        dag = sjabloon.voorbeeld_dagtekening or dt.date(2026, 11, 23)
        resultaat = genereer(sjabloon.id, sjabloon.voorbeeld, uit / sjabloon.id, dag, concept=True, forceer_reden=None)
        brieven[sjabloon.id] = [(z.score, z.positie) for z in controleer_b1(lees_document(resultaat.pad)).zinnen]
    return brieven


def schrijf(weging: dict, op: int, totaal: int, test_winst: int, test_totaal: int) -> None:
    tekst = BRIEF.read_text(encoding="utf-8")
    blok = (f"oordeel:   # geijkt op de oneven documenten; op de even documenten wint de herschrijving in {test_winst} van "
            f"de {test_totaal} ({op} van {totaal} in de ijkset)\n"
            + "".join(f"  {k}: {v}\n" for k, v in weging.items()))
    BRIEF.write_text(re.sub(r"(?ms)^oordeel:.*\Z", blok, tekst), encoding="utf-8")
    print(f"geschreven: {BRIEF.relative_to(REPO)}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--schrijf", action="store_true")
    args = parser.parse_args()
    rijen = documenten()
    metingen = {d: {v: {kant: meet(als_brief([r[i] for r in paren], v == "brief"))
                        for kant, i in (("orig", 0), ("plain", 1))} for v in ("kaal", "brief")}
                for d, paren in rijen.items()}
    genoeg = [d for d in metingen if len(metingen[d]["kaal"]["orig"]["zinnen"]) >= MIN_ZINNEN]
    ijk = [d for d in genoeg if d % 2 == 1]
    toets = [d for d in genoeg if d % 2 == 0]
    eigen = eigen_brieven()
    eis(len(ijk) >= 5 and len(toets) >= 5, f"te weinig documenten: {len(ijk)} om te ijken, {len(toets)} om te toetsen")
    eis(len(eigen) > 0, "geen voorbeeldbrieven van de sjablonen gelezen")
    weging = pas_aan(metingen, ijk, eigen)
    loo = {d: pas_aan(metingen, [e for e in genoeg if e != d], eigen) for d in genoeg}

    print(f"{len(genoeg)} documenten met minstens {MIN_ZINNEN} zinnen; geijkt op de {len(ijk)} oneven, getoetst op de "
          f"{len(toets)} even; parameters: {weging}")
    print("doc zinnen | nieuw kaal: orig plain | nieuw brief: orig plain wint | oud brief: orig plain wint | niet gescoord")
    for d in sorted(genoeg):
        m = metingen[d]
        nk = [brief_score(m["kaal"][k]["zinnen"], weging).score for k in ("orig", "plain")]
        nb = [brief_score(m["brief"][k]["zinnen"], weging).score for k in ("orig", "plain")]
        ob = [m["brief"][k]["oud"] for k in ("orig", "plain")]
        deel = "ijk " if d in ijk else "toets"
        print(f"{d:>3} {deel} {len(m['kaal']['orig']['zinnen']):>3} | {nk[0]:5.1f} {nk[1]:5.1f} | {nb[0]:5.1f} {nb[1]:5.1f} "
              f"{'ja ' if nb[1] > nb[0] else 'NEE'} | {ob[0]:5.1f} {ob[1]:5.1f} {'ja ' if ob[1] > ob[0] else 'NEE'} | "
              f"{m['brief']['orig']['niet_gescoord']}")

    def oud_wint(ids, variant):
        return [d for d in ids if metingen[d][variant]["plain"]["oud"] > metingen[d][variant]["orig"]["oud"]]

    for naam, ids in (("toets (even)", toets), ("ijk (oneven)", ijk)):
        print(f"{naam:<14} nieuw kaal {len(wint(metingen, weging, ids, 'kaal')):>2}/{len(ids)}, "
              f"nieuw brief {len(wint(metingen, weging, ids, 'brief')):>2}/{len(ids)}, "
              f"oud kaal {len(oud_wint(ids, 'kaal')):>2}/{len(ids)}, oud brief {len(oud_wint(ids, 'brief')):>2}/{len(ids)}")
    loo_winst = [d for d in genoeg if d in wint(metingen, loo[d], [d], "brief")]
    oud = oud_wint(genoeg, "brief")
    print(f"laat-een-weg   nieuw brief {len(loo_winst)}/{len(genoeg)} (verloren: "
          f"{', '.join(str(d) for d in genoeg if d not in loo_winst)}); oud brief (gemiddelde over regels) "
          f"{len(oud)}/{len(genoeg)} (verloren: {', '.join(str(d) for d in genoeg if d not in oud)})")
    b1_orig = sum(brief_score(metingen[d]["brief"]["orig"]["zinnen"], weging).score >= B1 for d in genoeg)
    b1_plain = sum(brief_score(metingen[d]["brief"]["plain"]["zinnen"], weging).score >= B1 for d in genoeg)
    oud_orig = sum(metingen[d]["brief"]["orig"]["oud"] >= B1 for d in genoeg)
    oud_plain = sum(metingen[d]["brief"]["plain"]["oud"] >= B1 for d in genoeg)
    print(f"op B1 (score >= {B1}), met briefonderdelen: nieuw orig {b1_orig}, plain {b1_plain}; "
          f"oud orig {oud_orig}, plain {oud_plain} (van {len(genoeg)})")
    laagste = min(eigen, key=lambda s: brief_score(eigen[s], weging).score)
    print(f"voorbeeldbrieven van de sjablonen op B1: {sum(brief_score(z, weging).score >= B1 for z in eigen.values())}"
          f"/{len(eigen)} (laagste: {laagste}, {brief_score(eigen[laagste], weging).score:.1f})")
    if args.schrijf:
        schrijf(weging, len(wint(metingen, weging, ijk, "brief")), len(ijk), len(wint(metingen, weging, toets, "brief")),
                len(toets))
    eis(len(oud) > 0, "de basislijn won geen enkel document: de verhouding zou door niets delen")
    print(f"verhouding: {len(loo_winst) / max(len(oud), 1):.2f}")
    einde()


if __name__ == "__main__":
    main()
