"""Consistency checks beyond presence: do the parts of a beschikking agree with each other and with the law?"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from functools import lru_cache

from checks.awb.beleid import beleid_bevindingen
from checks.awb.regels import (
    besluittypen,
    bestuursorgaan_regels,
    bestuursorganen,
    eis,
    elementen,
    patroon,
    tekst_cache,
    tekstregels,
)
from checks.bevinding import Bevinding
from checks.content import content_cache
from checks.grondslagen import onbekende_artikelen
from checks.schrijfwijze import bedrag as bedrag_tekst
from checks.schrijfwijze import datum as datum_tekst
from checks.schrijfwijze import maandnamen
from checks.termijnen import bereken
from checks.voorfilter import vaste_stukken


def samenhang(vondsten, besluittype: str) -> list[Bevinding]:
    regels = besluittypen()[besluittype]
    bevindingen: list[Bevinding] = []
    dagtekening = _dagtekening(vondsten)
    if vondsten.plaatsen.get("rechtsmiddelenclausule") and eis(besluittype, "rechtsmiddelenclausule"):
        bevindingen += _clausule_onderdelen(vondsten)
        bevindingen += _soort_rechtsmiddel(vondsten, regels["rechtsmiddel"])
        if dagtekening:
            bevindingen += _bezwaartermijn(vondsten, dagtekening)
    if dagtekening and vondsten.plaatsen.get("begunstigingstermijn") and eis(besluittype, "begunstigingstermijn"):
        bevindingen += _begunstiging_na_dagtekening(vondsten, dagtekening)
    if eis(besluittype, "dwangsom_maximum"):
        bevindingen += _dwangsom_bedragen(vondsten)
    bevindingen += beleid_bevindingen(vondsten, besluittype, _bedragen)
    bevindingen += _zienswijze_derde(vondsten, regels)
    bevindingen += _mandaat(vondsten, besluittype)
    bevindingen += _bestuursorgaan(vondsten, besluittype)
    bevindingen += _tekstregels(vondsten, besluittype)
    bevindingen += _artikelen_bestaan(vondsten)
    if regels["soort"] == "brief" and vondsten.plaatsen.get("dictum") and not vondsten.plaatsen.get("rechtsmiddelenclausule"):
        eerste = vondsten.plaatsen["dictum"][0]
        bevindingen.append(Bevinding(
            "besluit_als_brief", "waarschuwing", "artikel 1:3 en 3:45 Awb",
            "Deze brief lijkt een besluit te bevatten, maar heeft geen rechtsmiddelenclausule.",
            "Is het een besluit? Kies dan het juiste besluittype en neem de bezwaarclausule op.",
            vondsten.document.alineas[eerste].tekst[:200], vondsten.document.alineas[eerste].positie))
    return bevindingen


def _datums(tekst: str) -> list[dt.date]:
    return list(_datums_in(tekst))


@tekst_cache
def _datums_in(tekst: str) -> tuple[dt.date, ...]:
    return tuple(datum for gevonden in patroon("{DATUM}").finditer(tekst) if (datum := _als_datum(gevonden.group(0))))


def _als_datum(tekst: str) -> dt.date | None:
    """A date in one of the forms of {DATUM}: '3 maart 2026', 'di 3 mrt. 2026', '3-3-2026', '3/3/2026', '2026-03-03'.
    A weekday before it is ignored; a month is its name or an abbreviation of it: letters of the name, in order,
    beginning with its first ('mrt', 'sept')."""
    getallen = [int(g) for g in re.findall(r"\d+", tekst)]
    namen = re.findall(r"[a-z]{3,}", tekst.lower())
    maand = next((i + 1 for naam in namen for i, m in enumerate(maandnamen()) if _afkorting_van(naam, m)), None)
    try:
        if maand and len(getallen) >= 2:
            return dt.date(getallen[-1], maand, getallen[0])
        if len(getallen) == 3:
            dag, tussen, jaar = (getallen if getallen[2] > 31 else list(reversed(getallen)))
            return dt.date(jaar, tussen, dag)
    except ValueError:
        pass
    return None


def _afkorting_van(kort: str, naam: str) -> bool:
    letters = iter(naam)
    return kort[0] == naam[0] and all(letter in letters for letter in kort)


def _dagtekening(vondsten) -> dt.date | None:
    for index in vondsten.plaatsen.get("dagtekening", []):
        if datums := _datums(vondsten.document.alineas[index].klein):
            return datums[0]
    return None


def _bevinding(vondsten, index: int, regel: str, ernst: str, artikel: str, bericht: str, suggestie: str) -> Bevinding:
    alinea = vondsten.document.alineas[index]
    return Bevinding(regel, ernst, artikel, bericht, suggestie, alinea.tekst[:240], alinea.positie)


def _clausule_onderdelen(vondsten) -> list[Bevinding]:
    eerste = vondsten.plaatsen["rechtsmiddelenclausule"][0]
    onderdelen = elementen()["rechtsmiddelenclausule"]["onderdelen"]
    return [_bevinding(vondsten, eerste, f"rechtsmiddelenclausule_{naam}", onderdelen[naam]["ernst"],
                       onderdelen[naam]["artikel"], onderdelen[naam]["bericht"], onderdelen[naam]["suggestie"])
            for naam in _ontbrekende_onderdelen(vondsten.tekst("rechtsmiddelenclausule"))]


@tekst_cache
def _ontbrekende_onderdelen(clausule: str) -> tuple[str, ...]:
    """The parts of the clausule its text lacks, in the order of the rules (letters share their clausule)."""
    return tuple(naam for naam, onderdeel in elementen()["rechtsmiddelenclausule"]["onderdelen"].items()
                 if not patroon(onderdeel["patroon"]).search(clausule))


def _soort_rechtsmiddel(vondsten, rechtsmiddel: str) -> list[Bevinding]:
    clausule = vondsten.tekst("rechtsmiddelenclausule")
    eerste = vondsten.plaatsen["rechtsmiddelenclausule"][0]
    if rechtsmiddel == "beroep" and "beroep" not in clausule:
        return [_bevinding(vondsten, eerste, "rechtsmiddel_soort", "fout", "artikel 7:1 en 8:1 Awb",
                           "Tegen een beslissing op bezwaar staat beroep open bij de rechtbank, niet opnieuw bezwaar.",
                           "Vervang de bezwaarclausule door de clausule 'beroep bij de rechtbank'.")]
    if rechtsmiddel == "bezwaar" and "bezwaar" not in clausule:
        return [_bevinding(vondsten, eerste, "rechtsmiddel_soort", "fout", "artikel 7:1 Awb",
                           "Tegen dit besluit staat eerst bezwaar open, maar de clausule noemt alleen beroep.",
                           "Gebruik de clausule 'bezwaar maken' met het adres van het bestuursorgaan.")]
    return []


def _bezwaartermijn(vondsten, dagtekening: dt.date) -> list[Bevinding]:
    juist = _einde_bezwaar(dagtekening)
    for index in vondsten.plaatsen["rechtsmiddelenclausule"]:
        for datum in _datums(vondsten.document.alineas[index].klein):
            if datum != juist and datum > dagtekening:
                return [_bevinding(
                    vondsten, index, "bezwaartermijn", "fout", "artikel 6:7 en 6:8 Awb, artikel 1 Algemene termijnenwet",
                    f"De laatste dag voor bezwaar of beroep in de tekst ({datum_tekst(datum)}) klopt niet. Gerekend vanaf "
                    f"de dagtekening {datum_tekst(dagtekening)} is dat {datum_tekst(juist, weekdag=True)}.",
                    f"Zet {datum_tekst(juist)} in de tekst, of laat de generator de datum berekenen.")]
    return []


@tekst_cache
def _einde_bezwaar(dagtekening: dt.date) -> dt.date:
    """The last day for bezwaar: the same for every letter of one day."""
    return bereken("bezwaar", dagtekening).einddatum


def _begunstiging_na_dagtekening(vondsten, dagtekening: dt.date) -> list[Bevinding]:
    for index in vondsten.plaatsen["begunstigingstermijn"]:
        for datum in _datums(vondsten.document.alineas[index].klein):
            if datum <= dagtekening:
                return [_bevinding(
                    vondsten, index, "begunstigingstermijn_datum", "fout", "artikel 5:32a, tweede lid, Awb",
                    f"De begunstigingstermijn eindigt op {datum_tekst(datum)}, niet na de dagtekening "
                    f"({datum_tekst(dagtekening)}): de overtreder krijgt geen tijd om de last uit te voeren.",
                    "Stel een termijn die na de datum van het besluit eindigt.")]
    return []


def _bedragen(tekst: str) -> list[Decimal]:
    bedragen = []
    for gevonden in patroon("{BEDRAG}").finditer(tekst):
        cijfers = re.sub(r"[^\d,]", "", gevonden.group(0).replace(",-", "").replace(",--", ""))
        if cijfers:
            bedragen.append(Decimal(cijfers.replace(",", ".")))
    return bedragen


def _bedragen_in_zinnen(vondsten, element: str) -> list[Decimal]:
    """The amounts inside the element's own phrases (what its patterns in elementen.yaml match), not every amount of
    the paragraphs that carry it: the paragraph with the dwangsom may also hold the motivering's cost estimate or an
    earlier amount, and those must not hide a dwangsom above its maximum."""
    zinnen = [patroon(z) for z in elementen()[element].get("zinnen", [])]
    return [bedrag for index in vondsten.plaatsen.get(element, []) for zin in zinnen
            for gevonden in zin.finditer(vondsten.document.alineas[index].klein) for bedrag in _bedragen(gevonden.group(0))]


def _dwangsom_bedragen(vondsten) -> list[Bevinding]:
    if not vondsten.plaatsen.get("dwangsom_bedrag") or not vondsten.plaatsen.get("dwangsom_maximum"):
        return []
    per_eenheid, maxima = _bedragen_in_zinnen(vondsten, "dwangsom_bedrag"), _bedragen_in_zinnen(vondsten, "dwangsom_maximum")
    if per_eenheid and maxima and max(maxima) < max(per_eenheid):
        index = vondsten.plaatsen["dwangsom_maximum"][0]
        return [_bevinding(vondsten, index, "dwangsom_maximum_hoogte", "fout", "artikel 5:32b, tweede lid, Awb",
                           f"Het maximum ({bedrag_tekst(max(maxima))}) is lager dan het bedrag per eenheid "
                           f"({bedrag_tekst(max(per_eenheid))}).",
                           "Stel een maximum vast dat minstens zo hoog is als het bedrag per week, dag of overtreding.")]
    return []


def _zienswijze_derde(vondsten, regels: dict) -> list[Bevinding]:
    """A decision adverse to someone who did not apply needs that person's zienswijze (art. 4:8 Awb)."""
    if vondsten.plaatsen.get("zienswijze") or eis(regels["id"], "zienswijze") == "verplicht":
        return []
    tekst = "\n".join(a.klein for a in vondsten.document.alineas)
    for bron in regels.get("zienswijze_verplicht_als", []):
        if gevonden := patroon(bron).search(tekst):
            return [Bevinding(
                "zienswijze_derde", "fout", "artikel 4:8 Awb",
                "Dit besluit is nadelig voor een belanghebbende die er niet om vroeg, maar er staat niet in dat die "
                "een zienswijze kon geven.",
                "Vermeld dat de belanghebbende vooraf zijn zienswijze kon geven, wat hij zei, en hoe u daarmee omging.",
                gevonden.group(0))]
    return []


def _slot(vondsten) -> str:
    """The lower-cased signature block: from the first signature paragraph to three paragraphs after the last."""
    plaatsen = vondsten.plaatsen.get("ondertekening", [])
    return "\n".join(a.klein for a in vondsten.document.alineas[plaatsen[0]:plaatsen[-1] + 4]) if plaatsen else ""


@tekst_cache
def _zonder_namens(slot: str) -> bool:
    """A signature block with a mandated official's function, but without 'namens' (letters share their block)."""
    return bool(patroon(elementen()["ondertekening"]["mandaatfuncties"]).search(slot)
                and not re.search(r"\bnamens\b", slot, re.IGNORECASE))


def _eigen_orgaan(besluittype: str) -> dict:
    return bestuursorganen().get(besluittypen()[besluittype].get("bestuursorgaan") or "college") or {}


def _mandaat(vondsten, besluittype: str) -> list[Bevinding]:
    plaatsen = vondsten.plaatsen.get("ondertekening", [])
    if not plaatsen:
        return []
    if _zonder_namens(_slot(vondsten)):
        namens = _eigen_orgaan(besluittype).get("namens", "namens het college van burgemeester en wethouders van [gemeente]")
        return [_bevinding(vondsten, plaatsen[0], "mandaat_namens", "fout", "artikel 10:10 Awb",
                           "Het besluit is ondertekend door een medewerker, maar er staat niet namens welk bestuursorgaan.",
                           f"Zet boven de naam '{namens}'.")]
    return []


def _bestuursorgaan(vondsten, besluittype: str) -> list[Bevinding]:
    """The signature and the bezwaar address name the bestuursorgaan of the type, not another one (art. 6:4, 10:10
    Awb): which organen may not stand in its place, and the articles, are data (elementen.yaml: bestuursorganen)."""
    eigen = _eigen_orgaan(besluittype)
    andere = [bestuursorganen()[o] for o in eigen.get("niet") or [] if o in bestuursorganen()]
    if not andere:
        return []
    regels, alineas = bestuursorgaan_regels(), vondsten.document.alineas

    def bevinding(soort: str, index: int, ander: dict, artikel: str, fragment: str) -> Bevinding:
        regel = regels[soort]
        woorden = {"eigen": eigen["naam"], "ander": ander["naam"], "namens": eigen.get("namens", eigen["naam"])}
        return Bevinding(regel["regel"], "fout", artikel, regel["bericht"].format(**woorden),
                         regel["suggestie"].format(**woorden), fragment[:240], alineas[index].positie)

    bevindingen = []
    plaatsen = vondsten.plaatsen.get("ondertekening", [])
    if plaatsen and (ander := _ander_in_slot(_slot(vondsten), besluittype)):
        slot = " / ".join(a.tekst for a in alineas[plaatsen[0]:plaatsen[-1] + 4])
        bevindingen.append(bevinding("ondertekening", plaatsen[0], bestuursorganen()[ander],
                                     eigen["artikel_ondertekening"], slot))
    if besluittypen()[besluittype]["rechtsmiddel"] == "bezwaar":
        for index in vondsten.plaatsen.get("rechtsmiddelenclausule", []):
            if ander := _ander_als_adres(alineas[index].klein, besluittype):
                bevindingen.append(bevinding("bezwaar", index, bestuursorganen()[ander], eigen["artikel_bezwaar"],
                                             alineas[index].tekst))
                break
    return bevindingen


def _genoemd(tekst: str, besluittype: str) -> str | None:
    """The other orgaan (its key) this text names while it does not name the type's own, or None."""
    eigen = _eigen_orgaan(besluittype)
    if patroon(eigen["patroon"]).search(tekst):
        return None
    return next((o for o in eigen.get("niet") or []
                 if o in bestuursorganen() and patroon(bestuursorganen()[o]["patroon"]).search(tekst)), None)


_ander_in_slot = tekst_cache(_genoemd)      # letters share their signature block


@tekst_cache
def _ander_als_adres(klein: str, besluittype: str) -> str | None:
    """For one clausule paragraph: the other orgaan named in its first sentence that says where the bezwaar goes."""
    adres = patroon(bestuursorgaan_regels()["adreszin"])
    return next((ander for zin in _zinnen(klein) if adres.search(zin) and (ander := _genoemd(zin, besluittype))), None)


AFKORTING = re.compile(r"\b(?:t\.a\.v|o\.a|bijv|nr|mr|drs|ir|dhr|mevr|art|i\.v\.m|m\.b\.t|z\.s\.m|e\.d)\.")
ZINGRENS = re.compile(r"(?<=[.!?;])\s+|\n")


@lru_cache(maxsize=4096)      # letters from one template share most paragraphs
def _zinnen(tekst: str) -> tuple[str, ...]:
    """The sentences of a text; the full stops of 't.a.v.', 'bijv.' and the like do not end one."""
    beschermd = AFKORTING.sub(lambda m: m.group(0).replace(".", "\0"), tekst)
    return tuple(zin.replace("\0", ".") for zin in ZINGRENS.split(beschermd) if zin.strip())


def _tekstregels(vondsten, besluittype: str) -> list[Bevinding]:
    return [b for naam, regel in tekstregels(besluittype).items() if (b := _tekstregel(vondsten, naam, regel))]


def _tekstregel(vondsten, naam: str, regel: dict) -> Bevinding | None:
    """One text rule (elementen.yaml explains the keys): als/tenzij decide whether it applies; then an eis that
    must be there, or a verboden pattern no sentence may carry; with neither, applying is the finding."""
    alineas = vondsten.document.alineas
    weg = {i for element in regel.get("niet_in") or [] for i in vondsten.plaatsen.get(element, [])}
    buiten = [i for i in range(len(alineas)) if i not in weg]
    waar = [i for i in vondsten.plaatsen.get(regel["waar"], []) if i not in weg] if regel.get("waar") else buiten

    def samen(plaatsen: list[int]) -> str:
        return "\n".join(alineas[i].klein for i in plaatsen)

    if not waar or any(patroon(p).search(samen(buiten)) for p in regel.get("tenzij") or []):
        return None
    als = [patroon(p) for p in regel.get("als") or []]
    eis_patroon = patroon(regel["eis"]) if regel.get("eis") else None

    def bevinding(index: int | None) -> Bevinding:
        tekst = "(niet gevonden in het document)" if index is None else alineas[index].tekst
        return Bevinding(naam, regel.get("ernst", "fout"), regel["artikel"], regel["bericht"].strip(),
                         regel["suggestie"].strip(), tekst[:240], "" if index is None else alineas[index].positie)

    if regel.get("per_alinea"):
        for volgnummer, index in enumerate(waar):
            if als and all(p.search(alineas[index].klein) for p in als) and (
                    eis_patroon is None or not eis_patroon.search(samen(waar[volgnummer:volgnummer + 2]))):
                return bevinding(index)
        return None
    if not all(p.search(samen(waar)) for p in als):
        return None
    if regel.get("verboden"):
        return next((bevinding(index) for index in waar
                     if _verboden_zin(alineas[index].klein, regel["verboden"], regel.get("behalve_in_zin"))), None)
    if eis_patroon is not None:
        return None if eis_patroon.search(samen(waar)) else bevinding(None)
    return bevinding(next((i for i in waar if als and als[0].search(alineas[i].klein)), waar[0]))


@tekst_cache
def _verboden_zin(klein: str, verboden: str, behalve: str | None) -> bool:
    """Whether a sentence of this paragraph carries the verboden pattern without the behalve_in_zin one. A sentence
    is a piece of the paragraph: without a piece every match contains (checks.voorfilter), none can match."""
    stukken = _vaste_stukken(verboden)
    if stukken and "\0" not in klein and not any(stuk in klein for stuk in stukken):
        return False
    verboden_patroon = patroon(verboden)
    behalve_patroon = patroon(behalve) if behalve else None
    return any(verboden_patroon.search(zin) and not (behalve_patroon and behalve_patroon.search(zin))
               for zin in _zinnen(klein))


@content_cache
def _vaste_stukken(bron: str) -> frozenset[str] | None:
    return vaste_stukken(patroon(bron))


def _artikelen_bestaan(vondsten) -> list[Bevinding]:
    bevindingen = []
    for index, alinea in enumerate(vondsten.document.alineas):
        for citaat in onbekende_artikelen(alinea.tekst):
            bevindingen.append(_bevinding(
                vondsten, index, "onbekend_artikel", "waarschuwing", "artikel 3:47, tweede lid, Awb",
                f"Het artikel '{citaat}' staat niet in de grondslagen (content/grondslagen.yaml). Bestaat het, en is het juist geciteerd?",
                "Controleer het artikel op wetten.overheid.nl en laat het zo nodig aan content/grondslagen.yaml toevoegen."))
    return bevindingen
