"""Termijnen as the law counts them: Awb, Omgevingswet and the Algemene termijnenwet (Atw).

The soorten, their lengths and legal bases, and the Atw feestdagen live in content/termijnen.yaml.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from checks.content import content_cache, load_yaml
from checks.schrijfwijze import datum as datum_tekst

ATW_MAX_DAGEN = 90  # art. 4, onder a, Atw: niet voor termijnen van meer dan 90 dagen, twaalf weken of drie maanden


class TermijnFout(ValueError):
    """A termijn that cannot be computed from what was given (Dutch message)."""


@dataclass
class Termijn:
    soort: str
    startdatum: dt.date
    einddatum: dt.date
    grondslag: str
    omschrijving: str
    verlengd_wegens: list[str] = field(default_factory=list)
    waarschuwingen: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "soort": self.soort,
            "startdatum": self.startdatum.isoformat(),
            "einddatum": self.einddatum.isoformat(),
            "verlengd_wegens": self.verlengd_wegens,
            "grondslag": self.grondslag,
            "waarschuwingen": self.waarschuwingen,
        }

    def zin(self) -> str:
        """One Dutch sentence for the caseworker."""
        tekst = f"{self.omschrijving[0].upper()}{self.omschrijving[1:]} eindigt op {datum_tekst(self.einddatum, weekdag=True)}"
        if self.verlengd_wegens:
            tekst += f" (verlengd wegens {', '.join(self.verlengd_wegens)})"
        return tekst + f"; grondslag: {self.grondslag}."


def soorten() -> dict:
    return load_yaml("termijnen.yaml")["soorten"]


@content_cache
def feestdagen(jaar: int) -> dict[dt.date, str]:
    """The algemeen erkende feestdagen of art. 3 Atw in one year, with the days gelijkgesteld by decree."""
    data = load_yaml("termijnen.yaml")["feestdagen"]
    dagen: dict[dt.date, str] = {}
    for vast in data["vast"]:
        maand, dag = map(int, vast["datum"].split("-"))
        dagen[dt.date(jaar, maand, dag)] = vast["naam"]
    pasen = easter(jaar)
    for relatief in data["rond_pasen"]:
        dagen[pasen + dt.timedelta(days=relatief["dagen"])] = relatief["naam"]
    koning = data["koningsdag"]
    if jaar >= koning["vanaf_jaar"]:
        maand, dag = map(int, koning["datum"].split("-"))
        koningsdag = dt.date(jaar, maand, dag)
        if koningsdag.weekday() == 6:
            maand, dag = map(int, koning["als_zondag"].split("-"))
            koningsdag = dt.date(jaar, maand, dag)
        dagen[koningsdag] = koning["naam"]
    for gelijk in data["gelijkgesteld"]:
        datum = _as_date(gelijk["datum"])
        if datum.year == jaar:
            dagen[datum] = f"met een feestdag gelijkgesteld bij het {gelijk['besluit']}"
    return dagen


def _as_date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def vrije_dag(dag: dt.date) -> str | None:
    """Why this day is not a working day in the sense of the Atw, or None when it is one."""
    naam = feestdagen(dag.year).get(dag)
    if naam:
        return f"{datum_tekst(dag, weekdag=True)}: {naam}"
    return datum_tekst(dag, weekdag=True) if dag.weekday() >= 5 else None


def atw_verlengen(start: dt.date, eind: dt.date) -> tuple[dt.date, list[str]]:
    """Extend a statutory term as art. 1 and art. 2 Atw require; `start` is the term's first day."""
    redenen: list[str] = []
    while reden := vrije_dag(eind):          # art. 1, eerste lid
        redenen.append(reden)
        eind += dt.timedelta(days=1)
    if (eind - start).days + 1 >= 3:          # art. 2: at least two days that are none of these
        while _werkdagen_in(start, eind) < 2:
            redenen.append("artikel 2 Algemene termijnenwet (minstens twee werkdagen)")
            eind += dt.timedelta(days=1)
            while reden := vrije_dag(eind):
                redenen.append(reden)
                eind += dt.timedelta(days=1)
    return eind, redenen


def _werkdagen_in(start: dt.date, eind: dt.date) -> int:
    return sum(1 for n in range((eind - start).days + 1) if not vrije_dag(start + dt.timedelta(days=n)))


def _atw_van_toepassing(regel: dict, eind_zonder_atw: dt.date, start: dt.date) -> bool:
    """Art. 4, onder a, Atw: not for terms in months beyond three, in more than twelve weeks or 90 days."""
    if regel.get("maanden") and regel["maanden"] > 3:
        return False
    if regel.get("weken") and regel["weken"] > 12:
        return False
    return (eind_zonder_atw - start).days + 1 <= ATW_MAX_DAGEN


def bereken(soort: str, datum: dt.date, aantal: int | None = None) -> Termijn:
    """Compute the last day of a termijn of this soort that runs from `datum` (see content/termijnen.yaml)."""
    if aantal is not None and aantal > (dt.date.max - datum).days:      # also no endless count of working days
        raise TermijnFout(f"een termijn van {aantal} dagen of weken vanaf {datum_tekst(datum)} eindigt na het jaar "
                          "9999; kies een kleiner aantal")
    try:
        return _bereken(soort, datum, aantal)
    except OverflowError:
        raise TermijnFout(f"de termijn vanaf {datum_tekst(datum)} eindigt na het jaar 9999; kies een andere datum of een "
                          "kleiner aantal") from None


def _bereken(soort: str, datum: dt.date, aantal: int | None) -> Termijn:
    regels = soorten()
    if soort not in regels:
        raise TermijnFout(f"onbekende termijnsoort '{soort}'; kies uit: {', '.join(regels)}")
    regel = regels[soort]
    start = datum + dt.timedelta(days=1) if regel.get("begint", "dag na") == "dag na" else datum
    eerste_dag_telt = start - dt.timedelta(days=1)

    if regel.get("werkdagen"):
        if not aantal or aantal < 1:
            raise TermijnFout(f"termijnsoort '{soort}' heeft --aantal nodig (een positief aantal werkdagen)")
        eind = eerste_dag_telt
        for _ in range(aantal):
            eind += dt.timedelta(days=1)
            while vrije_dag(eind):
                eind += dt.timedelta(days=1)
        return Termijn(soort, start, eind, regel["grondslag"], regel["omschrijving"].format(aantal=aantal))

    if regel.get("maanden"):
        eind = eerste_dag_telt + relativedelta(months=regel["maanden"])
    elif regel.get("dagen"):
        eind = eerste_dag_telt + dt.timedelta(days=regel["dagen"])
    else:
        weken = regel.get("weken") or aantal
        if aantal is not None and regel.get("weken") and regel.get("ten_hoogste"):
            if aantal < 1:
                raise TermijnFout(f"{regel['omschrijving']} is minstens 1 week; {aantal} kan niet")
            if aantal > regel["weken"]:
                raise TermijnFout(f"{regel['omschrijving']} is ten hoogste {regel['weken']} weken; {aantal} kan niet")
            weken = aantal
        elif aantal is not None and regel.get("weken") and aantal != regel["weken"]:
            raise TermijnFout(f"{regel['omschrijving']} is wettelijk {regel['weken']} weken; een ander --aantal kan niet")
        if not weken or weken < 1:
            raise TermijnFout(f"termijnsoort '{soort}' heeft --aantal nodig (het aantal weken dat u stelt)")
        eind = eerste_dag_telt + dt.timedelta(weeks=weken)

    termijn = Termijn(soort, start, eind, regel["grondslag"], regel["omschrijving"])
    if regel.get("wettelijk") == "ja":
        if _atw_van_toepassing(regel, eind, start):
            termijn.einddatum, termijn.verlengd_wegens = atw_verlengen(start, eind)
    elif reden := vrije_dag(eind):
        termijn.waarschuwingen.append(
            f"{regel['omschrijving']} eindigt op een dag die geen werkdag is: {reden}; "
            f"deze termijn stelt u zelf en wordt niet verlengd. Kies zo nodig een andere lengte.")
    return termijn
