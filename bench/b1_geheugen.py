"""Memory and speed of `sjabloon b1` over many letters, and of `sjabloon b1 --jsonl`.

Run: .venv/bin/python bench/b1_geheugen.py [--aantallen 1000 10000] [--basis-jsonl 3700] [--repo /work/main]
     .venv/bin/python bench/b1_geheugen.py --maak 200 kcc-brieven    (only write letters to try the bulk check)
1. Writes 1,000 and 10,000 letters of about 150 words: one template with varied names, addresses, amounts and dates,
   and per letter a few sentences picked from variants (so some sentences repeat and the sentence cache is used,
   others are new). Each set as a folder of .txt files and as one ZIP.
2. Runs `sjabloon b1 MAP --json` and `sjabloon b1 BRIEVEN.zip --json` in a subprocess (stdout to a file) and reports
   peak RSS (ru_maxrss of the child) and letters per second. Goal: peak RSS for 10,000 letters less than 50 MB above
   that for 1,000.
3. Runs `sjabloon b1 --jsonl` with every sentence of data/ams-vereenvoudiging/zinnen-dev.csv (originals and
   rewrites, 1,408 lines of real municipal text that no template repeats) as a line, and reports words per second,
   start-up not counted (the time of a one-line run is subtracted). Baseline: 3,700 words per second (issue 20);
   goal 5,000.
Ratios are printed against the named baselines. `--repo /work/main` runs another checkout's CLI (a baseline).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from meting import eis, einde

REPO = Path(__file__).resolve().parent.parent
SJABLOON = [sys.executable, "-c", "import sys; from cli.sjabloon import main; sys.exit(main())"]
ZINNEN = REPO / "data" / "ams-vereenvoudiging" / "zinnen-dev.csv"
DOEL_VERSCHIL_MB = 50
BASIS_JSONL = 3700          # words per second of `b1 --jsonl` before this change (issue 20)
DOEL_JSONL = 5000

VOORNAMEN = ["Anna", "Mohammed", "Sanne", "Kees", "Fatima", "Jan", "Yara", "Pieter", "Noor", "Daan", "Ayşe", "Emre"]
ACHTERNAMEN = ["de Vries", "Jansen", "El Amrani", "Bakker", "Yılmaz", "Visser", "Smit", "Peters", "Mulder", "Bos"]
STRATEN = ["Kerkstraat", "Dorpsweg", "Molenlaan", "Stationsplein", "Beukenhof", "Havenkade", "Lindelaan"]
PLAATSEN = ["Rijnveld", "Oosterwijk", "Zandhoven", "Dijkzicht"]
ONDERWERPEN = ["parkeervergunning", "afvalcontainer", "kwijtschelding", "subsidie voor isolatie", "uittreksel"]
OPENING = [
    "Op {datum} hebben wij uw aanvraag voor een {onderwerp} ontvangen.",
    "U hebt op {datum} een {onderwerp} bij ons aangevraagd.",
    "Wij hebben uw aanvraag van {datum} over een {onderwerp} goed ontvangen.",
    "Bedankt voor uw aanvraag voor een {onderwerp}, die wij op {datum} kregen.",
]
MIDDEN = [
    "Wij hebben uw aanvraag bekeken. Alles is compleet.",
    "Teneinde uw aanvraag te kunnen beoordelen, dient u ons alsnog de ontbrekende gegevens te doen toekomen.",
    "Wij kijken nu of u aan de regels voldoet. Dat duurt ongeveer vier weken.",
    "Naar aanleiding van de beoordeling van uw aanvraag is door ons besloten dat de aanvraag wordt toegewezen.",
    "Uw aanvraag is toegewezen. U hoeft niets meer te doen.",
    "Indien u niet tijdig betaalt, zal overgegaan worden tot invordering van het verschuldigde bedrag.",
    "De {onderwerp} geldt vanaf {datum} voor een jaar.",
    "Wij hebben de aanvraag in behandeling genomen en zullen u zo spoedig mogelijk berichten omtrent de uitkomst.",
]
BEDRAG = [
    "U betaalt daarvoor {bedrag} euro.",
    "De kosten zijn {bedrag} euro. Dat heet leges.",
    "Het verschuldigde bedrag van {bedrag} euro dient binnen veertien dagen na dagtekening te worden voldaan.",
]
AMBTELIJK = (                # every tenth letter: the kind a writer must see first
    "Naar aanleiding van uw schrijven van {datum} inzake de {onderwerp} delen wij u mede dat, gelet op het bepaalde "
    "in de ter zake geldende verordening en met inachtneming van de door u overgelegde bescheiden, niet kan worden "
    "overgegaan tot inwilliging van het verzoek. Teneinde een hernieuwde beoordeling te bewerkstelligen, dient u "
    "zorg te dragen voor het alsnog doen toekomen van de ontbrekende stukken, bij gebreke waarvan de aanvraag "
    "buiten behandeling zal worden gelaten. Indien u zich met deze beslissing niet kunt verenigen, kan door u "
    "binnen de daartoe gestelde termijn een bezwaarschrift worden ingediend."
)
SLOT = [
    "Hebt u vragen? Bel ons dan op 14 0{netnummer}. Wij helpen u graag.",
    "Voor vragen kunt u contact opnemen met {medewerker} via telefoonnummer 14 0{netnummer}.",
    "Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken bezwaar maken. Hoe dat werkt, leest u op onze website.",
]


def brief(nummer: int, kans: random.Random) -> str:
    """One letter of about 150 words; the same seed gives the same letters."""
    invulling = {
        "naam": f"{kans.choice(VOORNAMEN)} {kans.choice(ACHTERNAMEN)}",
        "adres": f"{kans.choice(STRATEN)} {kans.randint(1, 300)}",
        "postcode": f"{kans.randint(1000, 9999)} {kans.choice('ABCDEFGHJK')}{kans.choice('LMNPRSTVWXZ')}",
        "plaats": kans.choice(PLAATSEN),
        "datum": f"{kans.randint(1, 28)} {kans.choice(['januari', 'maart', 'juni', 'oktober'])} 2026",
        "onderwerp": kans.choice(ONDERWERPEN),
        "bedrag": f"{kans.randint(20, 900)},{kans.randint(0, 99):02d}",
        "netnummer": kans.randint(10, 99),
        "medewerker": f"{kans.choice(VOORNAMEN)} {kans.choice(ACHTERNAMEN)}",
        "zaak": f"Z-2026-{nummer:06d}",
    }
    delen = [
        "{naam}\n{adres}\n{postcode} {plaats}",
        "Ons kenmerk: {zaak}\nDatum: {datum}",
        "Onderwerp: uw aanvraag voor een {onderwerp}",
        "Geachte heer, mevrouw {naam},",
        AMBTELIJK if nummer % 10 == 9 else kans.choice(OPENING) + " " + " ".join(kans.sample(MIDDEN, 4)),
        kans.choice(BEDRAG) + " Wij sturen u de rekening apart. "
        f"Uw klantnummer is {kans.randint(100000, 999999)} en uw huisnummer is {kans.randint(1, 300)}.",
        kans.choice(SLOT),
        "Met vriendelijke groet,\n\n{medewerker}\nTeam Vergunningen, gemeente {plaats}",
    ]
    return "\n\n".join(deel.format(**invulling) for deel in delen) + "\n"


def schrijf_brieven(aantal: int, map_: Path) -> tuple[Path, Path, int]:
    """A folder of `aantal` letters, the same letters in a ZIP, and in JSON lines ({"id", "tekst"}: the letter's
    body); returns the folder, the ZIP and the number of words."""
    kans = random.Random(20)
    map_.mkdir(parents=True)
    zip_pad = map_.with_suffix(".zip")
    woorden = 0
    with zipfile.ZipFile(zip_pad, "w", zipfile.ZIP_DEFLATED) as archief, \
            map_.with_suffix(".jsonl").open("w", encoding="utf-8") as regels:
        for nummer in range(aantal):
            tekst = brief(nummer, kans)
            woorden += len(tekst.split())
            (map_ / f"brief-{nummer:05d}.txt").write_text(tekst, encoding="utf-8")
            archief.writestr(f"brieven/brief-{nummer:05d}.txt", tekst)
            # the body's paragraphs as paragraphs: joined into one, the one with the bezwaar term would make the
            # whole text a bezwaarclausule (not scored: 'niet te beoordelen')
            romp = "\n\n".join(tekst.split("\n\n")[4:7])
            regels.write(json.dumps({"id": f"brief-{nummer:05d}", "tekst": romp}, ensure_ascii=False) + "\n")
    return map_, zip_pad, woorden


def draai(args: list, uitvoer: Path, repo: Path = REPO, fouten: Path | None = None) -> tuple[float, float, int, float]:
    """Run the CLI of checkout `repo` in a child; its seconds, its peak RSS in MB, its exit status and its CPU
    seconds (user + system: what one core spent, whatever else the machine was doing). stderr goes to `fouten`."""
    start = time.perf_counter()
    omgeving = dict(os.environ, PYTHONPATH=str(repo), OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    with uitvoer.open("wb") as uit, (fouten.open("wb") if fouten else open(os.devnull, "wb")) as fout:
        proces = subprocess.Popen([*SJABLOON, *map(str, args)], stdout=uit, stderr=fout, cwd=repo, env=omgeving)
        _, status, gebruik = os.wait4(proces.pid, 0)
    return (time.perf_counter() - start, gebruik.ru_maxrss / 1024, os.waitstatus_to_exitcode(status),
            gebruik.ru_utime + gebruik.ru_stime)


def tel_rapporten(pad: Path) -> int | str:
    """The number of reports in a --json output, counted in a child: parsing it here would grow this process, and
    a child started later inherits its parent's peak RSS (vfork + exec), which would spoil the next measurement."""
    uit = subprocess.run([sys.executable, "-c", "import json, sys; print(len(json.load(open(sys.argv[1], encoding='utf-8'))))",
                          str(pad)], capture_output=True, text=True)
    return int(uit.stdout) if uit.returncode == 0 else "geen geldige JSON:"


def jsonl_regels() -> list[str]:
    """Every original and rewritten sentence of the development pairs, one JSON line each."""
    with ZINNEN.open(encoding="utf-8", newline="") as bestand:
        rijen = list(csv.DictReader(bestand))
    teksten = [r["Complex"] for r in rijen] + [r["Simple"] for r in rijen]
    return [json.dumps({"id": n, "tekst": t}, ensure_ascii=False) for n, t in enumerate(teksten)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--aantallen", type=int, nargs="*", default=[1000, 10_000], help="letters per run; none: only --jsonl")
    parser.add_argument("--maak", nargs=2, metavar=("AANTAL", "MAP"), help="only write AANTAL letters to MAP, "
                        "MAP.zip and MAP.jsonl (for trying the bulk check) and stop")
    parser.add_argument("--repo", type=Path, default=REPO, help="the checkout whose CLI runs (default: this one)")
    parser.add_argument("--basis-jsonl", type=float, default=BASIS_JSONL, help="words/s of the baseline")
    opties = parser.parse_args()
    if opties.maak:
        schrijf_brieven(int(opties.maak[0]), Path(opties.maak[1]))
        return
    with tempfile.TemporaryDirectory() as werk:
        werk = Path(werk)
        piek = {}
        for aantal in opties.aantallen:
            map_, zip_pad, woorden = schrijf_brieven(aantal, werk / f"brieven-{aantal}")
            for soort, pad in (("map", map_), ("zip", zip_pad)):
                duur, rss, status, cpu = draai(["b1", pad, "--json"], werk / f"uit-{aantal}-{soort}.json", opties.repo)
                rapporten = tel_rapporten(werk / f"uit-{aantal}-{soort}.json")
                # status 1 is a letter not at B1 (every tenth is written so); anything else: the run failed
                eis(rapporten == aantal and status in (0, 1),
                    f"{soort}: {rapporten} rapporten voor {aantal} brieven, status {status}")
                piek[aantal, soort] = rss
                print(f"{aantal:>6} brieven ({soort}, {woorden:,} woorden): {duur:6.1f} s ({cpu:.1f} s CPU), "
                      f"{aantal / cpu:6.1f} brieven per CPU-seconde, piek-RSS {rss:6.1f} MB, status {status}")
        if len(opties.aantallen) >= 2:
            klein, groot = min(opties.aantallen), max(opties.aantallen)
            for soort in ("map", "zip"):
                verschil = piek[groot, soort] - piek[klein, soort]
                print(f"piek-RSS {groot} min {klein} ({soort}): {verschil:+.1f} MB "
                      f"(doel < {DOEL_VERSCHIL_MB} MB; verhouding {verschil / DOEL_VERSCHIL_MB:.2f})")

        invoer, een = werk / "regels.jsonl", werk / "een.jsonl"
        regels = jsonl_regels()
        invoer.write_text("\n".join(regels) + "\n", encoding="utf-8")
        een.write_text(regels[0] + "\n", encoding="utf-8")
        woorden = sum(len(json.loads(r)["tekst"].split()) for r in regels)
        opstart = min(draai(["b1", "--jsonl", een], werk / "een.out", opties.repo)[3] for _ in range(3))
        metingen = [draai(["b1", "--jsonl", invoer], werk / "regels.out", opties.repo, werk / "regels.err")
                    for _ in range(3)]
        cpu, status = min(m[3] for m in metingen), metingen[0][2]
        # a line without running text (a heading, 'xxx xxx xxx', only quoted law) gets no score but a message,
        # and status 2; every other line must be scored
        niet_te = (werk / "regels.err").read_text(encoding="utf-8").count("niet te beoordelen")
        eis(all(m[2] in (0, 1) or (m[2] == 2 and niet_te) for m in metingen),
            f"--jsonl gaf status {[m[2] for m in metingen]}")
        regels_uit = (werk / "regels.out").read_text(encoding="utf-8").count("\n")
        eis(regels_uit + niet_te == len(regels),
            f"--jsonl gaf {regels_uit} regels en {niet_te} 'niet te beoordelen' voor {len(regels)} zinnen")
        eis(cpu > opstart, "de run met alle zinnen kostte niet meer dan de opstart: er is niets gemeten")
        snelheid = woorden / (cpu - opstart)
        print(f"--jsonl: {len(regels)} regels, {woorden:,} woorden in {cpu - opstart:.2f} s CPU zonder opstart "
              f"({opstart:.2f} s CPU; beste van 3): {snelheid:,.0f} woorden/s, status {status}")
        print(f"verhouding jsonl tegen basis {opties.basis_jsonl:,.0f}: {snelheid / opties.basis_jsonl:.2f}; "
              f"tegen doel {DOEL_JSONL:,}: {snelheid / DOEL_JSONL:.2f}")
    einde()


if __name__ == "__main__":
    main()
