"""The procedure check: does the case history behind a decision hold, whatever its text says? A hearing before the
bezwaarschrift arrived, an invordering above the maximum, a verdaging after the term: a court annuls those.

The rules are data, one file per besluittype in content/awb/procedure/ (read docs/procedure.md for their language).
Each rule says when it applies (`als`) and what must then hold (`eis`), in comparisons of dates, amounts, names and
choices from the zaak; deadlines come from checks.termijnen. A fact the zaak leaves empty decides nothing: a rule
that cannot be judged stays silent."""

from __future__ import annotations

import datetime as dt
import operator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from checks.awb.namen import zelfde_persoon
from checks.awb.regels import orgaan
from checks.bevinding import Bevinding
from checks.content import content_cache, content_dir, load_yaml
from checks.schrijfwijze import bedrag as bedrag_tekst
from checks.schrijfwijze import datum as datum_tekst
from checks.termijnen import TermijnFout, bereken

MAP = "awb/procedure"
ERNST = ("fout", "waarschuwing")
VERPLICHT = ("regel", "artikel", "ernst", "velden", "eis", "omschrijving", "bericht", "suggestie")
EIGEN_NAMEN = ("dagtekening", "gemeente", "orgaan")   # not zaak fields: `gemeente.…` reads the gemeente profile,
                                                       # `orgaan.…` the bestuursorgaan of the besluittype in it

# comparison: (test, words when it holds, words when it does not)
DATUM = {"voor": (operator.lt, "ligt vóór", "ligt niet vóór"), "uiterlijk": (operator.le, "ligt niet na", "ligt na"),
         "na": (operator.gt, "ligt na", "ligt niet na"), "niet_voor": (operator.ge, "ligt niet vóór", "ligt vóór")}
GETAL = {"ten_hoogste": (operator.le, "is niet meer dan", "is meer dan"),
         "ten_minste": (operator.ge, "is niet minder dan", "is minder dan"),
         "gelijk_aan": (operator.eq, "is gelijk aan", "is niet gelijk aan")}
LOGICA = ("alle", "een_van", "niet", "elk")
ENKEL = ("gelijk", "leeg", "gevuld", "persoon")


class RegelFout(ValueError):
    """A procedure rule file that cannot be read as written; the message names the file and the rule."""


@dataclass
class Uitkomst:
    waar: bool | None             # None: a fact it needs is empty, so nothing is decided
    feiten: list[str]


# ---------------------------------------------------------------------------------------------------------- rules

@content_cache
def regelset(besluittype: str) -> dict:
    """The procedure rules of a besluittype, checked on load: {'berekend': {...}, 'regels': [...]}."""
    if not (content_dir() / MAP / f"{besluittype}.yaml").is_file():
        return {"berekend": {}, "regels": []}
    naam = f"{MAP}/{besluittype}.yaml"
    data = load_yaml(naam) or {}
    berekend = data.get("berekend") or {}
    regels = data.get("regels") or []
    problemen = [] if data.get("besluittype") == besluittype else [f"besluittype: moet '{besluittype}' zijn"]
    gezien = set()
    for nummer, regel in enumerate(regels, start=1):
        problemen += [f"regel {regel.get('regel', nummer)}: {p}" for p in _controleer_regel(regel, berekend, gezien)]
    if problemen:
        raise RegelFout("; ".join(f"content/{naam}: {p}" for p in problemen))
    return {"berekend": berekend, "regels": regels}


def procedureregels(besluittype: str) -> list[dict]:
    return regelset(besluittype)["regels"]


def gelezen_velden(besluittype: str) -> set[str]:
    """The first part of every zaak field the rules read (the lint counts these fields as used)."""
    return {veld.split(".")[0].split("[")[0] for regel in procedureregels(besluittype) for veld in regel["velden"]}


def controleer_regel(regel: dict, berekend: dict | None = None) -> None:
    """Raise RegelFout when one rule is not written as the rule language asks (for editors and tests)."""
    if problemen := _controleer_regel(regel, berekend or {}, set()):
        raise RegelFout(f"regel {regel.get('regel')}: " + "; ".join(problemen))


def _controleer_regel(regel: dict, berekend: dict, gezien: set) -> list[str]:
    if not isinstance(regel, dict):
        return ["moet een groep zijn (regel: ..., artikel: ..., ...)"]
    problemen = [f"{sleutel} ontbreekt" for sleutel in VERPLICHT if not regel.get(sleutel)]
    if regel.get("regel") in gezien:
        problemen.append("deze naam staat er twee keer")
    gezien.add(regel.get("regel"))
    if regel.get("ernst") and regel["ernst"] not in ERNST:
        problemen.append(f"ernst '{regel['ernst']}' moet fout of waarschuwing zijn")
    if problemen:
        return problemen
    gebruikt: set[str] = set()
    for deel in ("als", "eis"):
        if deel in regel:
            problemen += [f"{deel}: {p}" for p in _controleer_toets(regel[deel], berekend, gebruikt)]
    uitgewerkt: set[str] = set()
    while berekenden := [n for n in gebruikt if n in berekend]:     # a computed value may use another
        for naam in berekenden:
            gebruikt.discard(naam)
            if naam not in uitgewerkt:
                uitgewerkt.add(naam)
                _verwijzingen(berekend[naam], berekend, gebruikt)
    niet_genoemd = sorted(v for v in gebruikt if v not in regel["velden"])
    if niet_genoemd:
        problemen.append(f"leest {', '.join(niet_genoemd)}; zet die velden ook in 'velden'")
    return problemen


def _controleer_toets(toets, berekend: dict, gebruikt: set) -> list[str]:
    if not isinstance(toets, dict) or not toets:
        return [f"'{toets}' is geen toets"]
    if "alle" in toets or "een_van" in toets:
        delen = toets.get("alle", toets.get("een_van"))
        if not isinstance(delen, list):
            return ["alle/een_van: verwacht een lijst toetsen"]
        return [p for deel in delen for p in _controleer_toets(deel, berekend, gebruikt)]
    if "niet" in toets:
        return _controleer_toets(toets["niet"], berekend, gebruikt)
    if "elk" in toets:
        problemen = [p for deel in ("als", "eis") if deel in toets for p in _controleer_toets(toets[deel], berekend, gebruikt)]
        gebruikt.add(toets["elk"])
        return problemen + ([] if "eis" in toets else ["elk: 'eis' ontbreekt"])
    if "gelijk" in toets:
        gebruikt.update(v for v in toets["gelijk"] if not str(v).startswith("."))
        return [] if isinstance(toets["gelijk"], dict) else ["gelijk: verwacht {veld: waarde}"]
    if "leeg" in toets or "gevuld" in toets:
        _verwijzingen(toets.get("leeg", toets.get("gevuld")), berekend, gebruikt)
        return []
    if "persoon" in toets:
        if "niet_dezelfde_als" not in toets:
            return ["persoon: 'niet_dezelfde_als' ontbreekt"]
        _verwijzingen(toets["persoon"], berekend, gebruikt)
        _verwijzingen(toets["niet_dezelfde_als"], berekend, gebruikt)
        return []
    soort = "datum" if "datum" in toets else "bedrag" if "bedrag" in toets else "getal" if "getal" in toets else None
    ops = DATUM if soort == "datum" else GETAL
    gevonden = [op for op in ops if op in toets]
    if soort is None or len(gevonden) != 1:
        bekend = ", ".join(("datum + " + "/".join(DATUM), "bedrag of getal + " + "/".join(GETAL),
                            *LOGICA, *ENKEL))
        return [f"onbekende toets {sorted(toets)}; bekend: {bekend}"]
    _verwijzingen(toets[soort], berekend, gebruikt)
    _verwijzingen(toets[gevonden[0]], berekend, gebruikt)
    return []


def _verwijzingen(waarde, berekend: dict, gebruikt: set) -> None:
    """Collect the zaak fields a value reads (a field, a list of fallbacks, a termijn or a computation)."""
    if isinstance(waarde, list):
        for deel in waarde:
            _verwijzingen(deel, berekend, gebruikt)
    elif isinstance(waarde, dict):
        for sleutel, deel in waarde.items():
            if sleutel not in ("termijn", "per_eenheid", "telt_als", "datumveld"):
                _verwijzingen(deel, berekend, gebruikt)
    elif isinstance(waarde, str) and not waarde.startswith("."):      # '.datum': a field of the item under `elk`
        kop = waarde.split(".")[0]
        if kop in berekend:
            gebruikt.add(kop)
        elif kop not in EIGEN_NAMEN:
            gebruikt.add(waarde)


# ------------------------------------------------------------------------------------------------------ the zaak

class Zaakgegevens:
    """What a rule can read: the zaak's fields, the dagtekening, the gemeente profile, the computed values, and
    inside `elk` the fields of one list item."""

    def __init__(self, zaak: dict, dagtekening: dt.date, gemeente: dict, berekend: dict, orgaan: dict | None = None,
                 item: dict | None = None, itempad: str = "", cache: dict | None = None):
        self.zaak, self.dagtekening, self.gemeente, self.berekend = zaak, dagtekening, gemeente, berekend
        self.orgaan = orgaan or {}
        self.item, self.itempad = item, itempad
        self._cache = {} if cache is None else cache

    def voor_item(self, item: dict, itempad: str) -> Zaakgegevens:
        return Zaakgegevens(self.zaak, self.dagtekening, self.gemeente, self.berekend, self.orgaan, item, itempad,
                            self._cache)

    def waarde(self, verwijzing) -> tuple[object, str]:
        """(value, how a feit names it): 'hoorzitting_datum (1 juli 2026)'."""
        if isinstance(verwijzing, list):                      # the first that is filled in
            for deel in verwijzing:
                gevonden = self.waarde(deel)
                if not _leeg(gevonden[0]):
                    return gevonden
            return None, " of ".join(str(d) for d in verwijzing)
        if isinstance(verwijzing, dict) and "termijn" in verwijzing:
            return self._termijn(verwijzing)
        if isinstance(verwijzing, (int, float, Decimal)) and not isinstance(verwijzing, bool):
            return verwijzing, _tekst(verwijzing)
        if not isinstance(verwijzing, str):
            return verwijzing, str(verwijzing)
        waarde, naam = self._opzoeken(verwijzing)
        return waarde, naam if _leeg(waarde) else f"{naam} ({_tekst(waarde)})"

    def _opzoeken(self, pad: str) -> tuple[object, str]:
        if pad.startswith("."):
            return _pad(self.item or {}, pad[1:].split(".")), f"{self.itempad}{pad}"
        kop, *rest = pad.split(".")
        if kop == "dagtekening":
            return self.dagtekening, "dagtekening"
        if kop == "gemeente":
            return _pad(self.gemeente, rest), pad
        if kop == "orgaan":
            return _pad(self.orgaan, rest), pad
        if kop in self.berekend:
            if kop not in self._cache:
                self._cache[kop] = self._bereken(self.berekend[kop])
            return _pad(self._cache[kop], rest) if rest else self._cache[kop], pad
        return _pad(self.zaak, pad.split(".")), pad

    def _bereken(self, spec: dict):
        if "termijn" in spec:
            return self._termijn(spec)[0]
        if "dwangsommen" in spec:
            return verbeurde_dwangsommen(self, spec["dwangsommen"])
        raise RegelFout(f"berekend: onbekende berekening {sorted(spec)}; bekend: termijn, dwangsommen")

    def _termijn(self, spec: dict) -> tuple[dt.date | None, str]:
        vanaf, _ = self.waarde(spec.get("vanaf", "dagtekening"))
        aantal, _ = self.waarde(spec["aantal"]) if "aantal" in spec else (None, "")
        if vanaf is None or not isinstance(vanaf, dt.date):
            return None, f"einde van de termijn {spec['termijn']}"
        try:
            termijn = bereken(spec["termijn"], vanaf, int(aantal) if aantal not in (None, "") else None)
        except (TermijnFout, ValueError):
            return None, f"einde van de termijn {spec['termijn']}"
        return termijn.einddatum, f"het einde van {termijn.omschrijving} ({_tekst(termijn.einddatum)})"


def verbeurde_dwangsommen(gegevens: Zaakgegevens, spec: dict) -> dict | None:
    """Which dwangsommen the controles show as forfeited: each period of `per_eenheid[eenheid]` days after the
    begunstigingstermijn in which a controle found the last not carried out counts once (a period of null days:
    each such controle counts once), and the total stops at the maximum. Returns aantal, bedrag and eerste (the
    first day of the first forfeited period: from that day the verjaring runs)."""
    eenheid, _ = gegevens.waarde(spec["eenheid"])
    na, _ = gegevens.waarde(spec["na"])
    per, _ = gegevens.waarde(spec["bedrag"])
    maximum, _ = gegevens.waarde(spec["maximum"])
    lijst, _ = gegevens.waarde(spec["controles"])
    if eenheid not in spec["per_eenheid"] or not isinstance(na, dt.date) or per is None or not isinstance(lijst, list):
        return None
    dagen = spec["per_eenheid"][eenheid]
    veld = spec["datumveld"]
    tellen = [item for item in lijst if isinstance(item, dict)
              and all(str(item.get(naam)) == str(waarde) for naam, waarde in spec["telt_als"].items())
              and isinstance(item.get(veld), dt.date) and item[veld] > na]
    if dagen:                              # period 0 runs from the day after `na` for `dagen` days
        perioden = sorted({((item[veld] - na).days - 1) // dagen for item in tellen})
        begin = [na + dt.timedelta(days=1 + periode * dagen) for periode in perioden]
    else:
        begin = sorted(item[veld] for item in tellen)
    totaal = _getal(per) * len(begin)
    if maximum is not None:
        totaal = min(totaal, _getal(maximum))
    return {"aantal": len(begin), "bedrag": totaal, "eerste": begin[0] if begin else None}


# ----------------------------------------------------------------------------------------------------- evaluation

def toets(regel, gegevens: Zaakgegevens) -> Uitkomst:
    if "alle" in regel or "een_van" in regel:
        uitkomsten = [toets(deel, gegevens) for deel in regel.get("alle", regel.get("een_van"))]
        beslissend = False if "alle" in regel else True
        if any(u.waar is beslissend for u in uitkomsten):
            return Uitkomst(beslissend, [f for u in uitkomsten if u.waar is beslissend for f in u.feiten])
        if any(u.waar is None for u in uitkomsten):
            return Uitkomst(None, [])
        return Uitkomst(not beslissend, [f for u in uitkomsten for f in u.feiten])
    if "niet" in regel:
        binnen = toets(regel["niet"], gegevens)
        return Uitkomst(None if binnen.waar is None else not binnen.waar, binnen.feiten)
    if "elk" in regel:
        return _elk(regel, gegevens)
    if "gelijk" in regel:
        return _gelijk(regel["gelijk"], gegevens)
    if "leeg" in regel or "gevuld" in regel:
        waarde, naam = gegevens.waarde(regel.get("leeg", regel.get("gevuld")))
        leeg = _leeg(waarde)
        return Uitkomst(leeg if "leeg" in regel else not leeg, [f"{naam} is {'leeg' if leeg else 'ingevuld'}"])
    if "persoon" in regel:
        een, naam_een = gegevens.waarde(regel["persoon"])
        ander, naam_ander = gegevens.waarde(regel["niet_dezelfde_als"])
        if _leeg(een) or _leeg(ander):
            return Uitkomst(None, [])
        if zelfde_persoon(str(een), str(ander)):
            return Uitkomst(False, [f"{naam_een} en {naam_ander} zijn dezelfde persoon"])
        return Uitkomst(True, [f"{naam_een} is een ander dan {naam_ander}"])
    return _vergelijk(regel, gegevens)


def _vergelijk(regel: dict, gegevens: Zaakgegevens) -> Uitkomst:
    soort = "datum" if "datum" in regel else "bedrag" if "bedrag" in regel else "getal"
    ops = DATUM if soort == "datum" else GETAL
    op = next(o for o in ops if o in regel)
    links, naam_links = gegevens.waarde(regel[soort])
    rechts, naam_rechts = gegevens.waarde(regel[op])
    if soort == "datum":
        links, rechts = _datum(links), _datum(rechts)
    else:
        links, rechts = _getal(links), _getal(rechts)
    if links is None or rechts is None:
        return Uitkomst(None, [])
    test, ja, nee = ops[op]
    waar = test(links, rechts)
    return Uitkomst(waar, [f"{naam_links} {ja if waar else nee} {naam_rechts}"])


def _gelijk(verwacht: dict, gegevens: Zaakgegevens) -> Uitkomst:
    """Every field has one of its values; an empty field has none of them (so `niet: {gelijk: ...}` holds)."""
    feiten, oordeel = [], True
    for veld, waarden in verwacht.items():
        waarde, naam = gegevens.waarde(veld)
        naam = naam.split(" (")[0]
        goed = not _leeg(waarde) and str(waarde) in {str(w) for w in (waarden if isinstance(waarden, list) else [waarden])}
        oordeel = oordeel and goed
        feiten.append(f"{naam} is leeg" if _leeg(waarde) else f"{naam} is '{waarde}'")
    return Uitkomst(oordeel, feiten)


def _elk(regel: dict, gegevens: Zaakgegevens) -> Uitkomst:
    lijst, naam = gegevens.waarde(regel["elk"])
    if not isinstance(lijst, list):
        return Uitkomst(None, [])
    fout, onbekend = [], False
    for nummer, item in enumerate(lijst, start=1):
        binnen = gegevens.voor_item(item if isinstance(item, dict) else {}, f"{naam}[{nummer}]")
        if "als" in regel and toets(regel["als"], binnen).waar is not True:
            continue
        uitkomst = toets(regel["eis"], binnen)
        onbekend = onbekend or uitkomst.waar is None
        if uitkomst.waar is False:
            fout += uitkomst.feiten
    return Uitkomst(False, fout) if fout else Uitkomst(None if onbekend else True, [])


def procedure_bevindingen(besluittype: str, zaak: dict, dagtekening: dt.date, gemeente: dict | None = None,
                          bestuursorgaan: str | None = None) -> list[Bevinding]:
    """Every rule of this besluittype that applies to the zaak and does not hold, as a finding: `fragment` says
    what the zaak shows ('hoorzitting_datum (1 juli 2026) ligt vóór bezwaar_datum (20 juli 2026)'), `positie` the
    fields it read. `bestuursorgaan` overrides the besluittype's organ (a beslissing op bezwaar is taken by the organ
    that took the contested decision)."""
    regels = regelset(besluittype)
    gegevens = Zaakgegevens(zaak, dagtekening, gemeente or {}, regels["berekend"],
                            orgaan(gemeente or {}, besluittype, bestuursorgaan))
    bevindingen = []
    for regel in regels["regels"]:
        als = toets(regel["als"], gegevens) if "als" in regel else Uitkomst(True, [])
        if als.waar is not True:
            continue
        eis = toets(regel["eis"], gegevens)
        if eis.waar is False:
            bevindingen.append(Bevinding(regel["regel"], regel["ernst"], regel["artikel"], regel["bericht"],
                                         regel["suggestie"], "; ".join(eis.feiten + als.feiten),
                                         "zaak: " + ", ".join(regel["velden"])))
    return bevindingen


# --------------------------------------------------------------------------------------------------------- values

def _pad(data, delen: list[str]):
    for deel in delen:
        if not isinstance(data, dict):
            return None
        data = data.get(deel)
    return data


def _leeg(waarde) -> bool:
    return waarde is None or waarde == "" or waarde == [] or waarde == {}


def _datum(waarde) -> dt.date | None:
    if isinstance(waarde, dt.datetime):
        return waarde.date()
    if isinstance(waarde, dt.date):
        return waarde
    try:
        return dt.date.fromisoformat(str(waarde)) if waarde not in (None, "") else None
    except ValueError:
        return None


def _getal(waarde) -> Decimal | None:
    if waarde is None or isinstance(waarde, bool) or waarde == "":
        return None
    try:
        return Decimal(str(waarde))
    except InvalidOperation:
        return None


def _tekst(waarde) -> str:
    if isinstance(waarde, dt.date):
        return datum_tekst(waarde)
    if isinstance(waarde, Decimal):
        return bedrag_tekst(waarde)
    return str(waarde)
