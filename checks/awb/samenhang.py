"""Consistency checks beyond presence: do the parts of a beschikking agree with each other and with the law?"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from checks.awb.beleid import beleid_bevindingen
from checks.awb.regels import besluittypen, eis, elementen, patroon
from checks.bevinding import Bevinding
from checks.grondslagen import onbekende_artikelen
from checks.termijnen import MAANDEN, bereken, lange_datum


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
    bevindingen += _mandaat(vondsten)
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
    datums = []
    for gevonden in patroon("{DATUM}").finditer(tekst):
        woorden = gevonden.group(0).replace("e ", " ").split()
        try:
            if len(woorden) == 3:
                datums.append(dt.date(int(woorden[2]), MAANDEN.index(woorden[1].lower()) + 1, int(woorden[0])))
            else:
                dag, maand, jaar = map(int, gevonden.group(0).split("-"))
                datums.append(dt.date(jaar, maand, dag))
        except ValueError:
            continue
    return datums


def _dagtekening(vondsten) -> dt.date | None:
    for index in vondsten.plaatsen.get("dagtekening", []):
        if datums := _datums(vondsten.document.alineas[index].klein):
            return datums[0]
    return None


def _bevinding(vondsten, index: int, regel: str, ernst: str, artikel: str, bericht: str, suggestie: str) -> Bevinding:
    alinea = vondsten.document.alineas[index]
    return Bevinding(regel, ernst, artikel, bericht, suggestie, alinea.tekst[:240], alinea.positie)


def _clausule_onderdelen(vondsten) -> list[Bevinding]:
    clausule = vondsten.tekst("rechtsmiddelenclausule")
    eerste = vondsten.plaatsen["rechtsmiddelenclausule"][0]
    bevindingen = []
    for naam, onderdeel in elementen()["rechtsmiddelenclausule"]["onderdelen"].items():
        if not patroon(onderdeel["patroon"]).search(clausule):
            bevindingen.append(_bevinding(vondsten, eerste, f"rechtsmiddelenclausule_{naam}", onderdeel["ernst"],
                                          "artikel 3:45, tweede lid, Awb" if naam != "voorlopige_voorziening" else "artikel 8:81 Awb",
                                          onderdeel["bericht"], onderdeel["suggestie"]))
    return bevindingen


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
    juist = bereken("bezwaar", dagtekening).einddatum
    for index in vondsten.plaatsen["rechtsmiddelenclausule"]:
        for datum in _datums(vondsten.document.alineas[index].klein):
            if datum != juist and datum > dagtekening:
                return [_bevinding(
                    vondsten, index, "bezwaartermijn", "fout", "artikel 6:7 en 6:8 Awb, artikel 1 Algemene termijnenwet",
                    f"De laatste dag voor bezwaar of beroep in de tekst ({lange_datum(datum)}) klopt niet. Gerekend vanaf "
                    f"de dagtekening {lange_datum(dagtekening)} is dat {lange_datum(juist, weekdag=True)}.",
                    f"Zet {lange_datum(juist)} in de tekst, of laat de generator de datum berekenen.")]
    return []


def _begunstiging_na_dagtekening(vondsten, dagtekening: dt.date) -> list[Bevinding]:
    for index in vondsten.plaatsen["begunstigingstermijn"]:
        for datum in _datums(vondsten.document.alineas[index].klein):
            if datum <= dagtekening:
                return [_bevinding(
                    vondsten, index, "begunstigingstermijn_datum", "fout", "artikel 5:32a, tweede lid, Awb",
                    f"De begunstigingstermijn eindigt op {lange_datum(datum)}, niet na de dagtekening "
                    f"({lange_datum(dagtekening)}): de overtreder krijgt geen tijd om de last uit te voeren.",
                    "Stel een termijn die na de datum van het besluit eindigt.")]
    return []


def _bedragen(tekst: str) -> list[Decimal]:
    bedragen = []
    for gevonden in patroon("{BEDRAG}").finditer(tekst):
        cijfers = re.sub(r"[^\d,]", "", gevonden.group(0).replace(",-", "").replace(",--", ""))
        if cijfers:
            bedragen.append(Decimal(cijfers.replace(",", ".")))
    return bedragen


def _dwangsom_bedragen(vondsten) -> list[Bevinding]:
    if not vondsten.plaatsen.get("dwangsom_bedrag") or not vondsten.plaatsen.get("dwangsom_maximum"):
        return []
    maximum_tekst = vondsten.tekst("dwangsom_maximum")
    per_eenheid = [b for i in vondsten.plaatsen["dwangsom_bedrag"] for b in _bedragen(vondsten.document.alineas[i].klein)]
    maxima = [b for b in _bedragen(maximum_tekst)]
    if per_eenheid and maxima and max(maxima) < min(per_eenheid):
        index = vondsten.plaatsen["dwangsom_maximum"][0]
        return [_bevinding(vondsten, index, "dwangsom_maximum_hoogte", "fout", "artikel 5:32b, tweede lid, Awb",
                           f"Het maximum (€ {max(maxima)}) is lager dan het bedrag per eenheid (€ {min(per_eenheid)}).",
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


def _mandaat(vondsten) -> list[Bevinding]:
    plaatsen = vondsten.plaatsen.get("ondertekening", [])
    if not plaatsen:
        return []
    slot = vondsten.document.alineas[plaatsen[0]:plaatsen[-1] + 4]
    tekst = "\n".join(a.klein for a in slot)
    if patroon(elementen()["ondertekening"]["mandaatfuncties"]).search(tekst) and not re.search(r"\bnamens\b", tekst, re.IGNORECASE):
        return [_bevinding(vondsten, plaatsen[0], "mandaat_namens", "fout", "artikel 10:10 Awb",
                           "Het besluit is ondertekend door een medewerker, maar er staat niet namens welk bestuursorgaan.",
                           "Zet boven de naam 'namens het college van burgemeester en wethouders van [gemeente]'.")]
    return []


def _artikelen_bestaan(vondsten) -> list[Bevinding]:
    bevindingen = []
    for index, alinea in enumerate(vondsten.document.alineas):
        for citaat in onbekende_artikelen(alinea.tekst):
            bevindingen.append(_bevinding(
                vondsten, index, "onbekend_artikel", "waarschuwing", "artikel 3:47, tweede lid, Awb",
                f"Het artikel '{citaat}' staat niet in de grondslagen (content/grondslagen.yaml). Bestaat het, en is het juist geciteerd?",
                "Controleer het artikel op wetten.overheid.nl en laat het zo nodig aan content/grondslagen.yaml toevoegen."))
    return bevindingen
