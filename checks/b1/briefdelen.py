"""The parts of a letter that are not running text: letterhead and address, reference lines, date, salutation,
greeting and signature, page header and footer, the bezwaarclausule and quoted law. The letter's B1 score leaves
them out and reports them as not scored.

The patterns are data (content/b1/brief.yaml). The date, the signature and the rechtsmiddelenclausule are recognised
with the Awb check's own patterns (content/awb/elementen.yaml), so the two checks agree on what they are."""

from __future__ import annotations

from dataclasses import dataclass

from checks.awb.regels import elementen, kop_patroon, patroon
from checks.content import load_yaml
from checks.document import Alinea, Document

BUITEN_DE_TEKST = ("koptekst", "voettekst")     # positions the reader gives the page header and footer


@dataclass(frozen=True)
class NietGescoord:
    tekst: str
    soort: str        # adres, kenmerk, datum, aanhef, groet, ondertekening, koptekst, voettekst, bezwaarclausule, ...
    positie: str

    def as_json(self) -> dict:
        return {"tekst": self.tekst, "soort": self.soort, "positie": self.positie}


def briefdelen(document: Document) -> dict[int, str]:
    """Per paragraph index that is not running text: its kind. Later rules do not relabel a paragraph."""
    data = load_yaml("b1/brief.yaml")
    alineas = document.alineas
    delen: dict[int, str] = {i: a.positie for i, a in enumerate(alineas) if a.positie in BUITEN_DE_TEKST}
    romp = [i for i in range(len(alineas)) if i not in delen]
    _briefhoofd(alineas, romp, delen, data)
    _slot(alineas, romp, delen, data)
    _korte_regels(alineas, romp, delen, data)
    _secties_en_zinnen(alineas, romp, delen, "bezwaarclausule", _clausule(data))
    _secties_en_zinnen(alineas, romp, delen, "wettekst", data["wettekst"])
    toch = set(data.get("toch_scoren") or [])
    return {i: soort for i, soort in sorted(delen.items()) if soort not in toch}


def niet_gescoord(document: Document, delen: dict[int, str]) -> list[NietGescoord]:
    return [NietGescoord(document.alineas[i].tekst, soort, document.alineas[i].positie) for i, soort in delen.items()]


def _woorden(alinea: Alinea) -> int:
    return len(alinea.tekst.split())


def _soort(alinea: Alinea, data: dict, soorten: tuple[str, ...] = ("datum", "kenmerk", "adres")) -> str | None:
    """The first kind of furniture whose patterns this line matches (datum also by the Awb dagtekening patterns)."""
    for soort in soorten:
        if any(patroon(p).search(alinea.klein) for p in data["soorten"].get(soort, [])):
            return soort
        if soort == "datum" and any(patroon(p).search(alinea.klein) for p in _awb(data, "datum").get("zinnen", [])):
            return soort
    return None


def _awb(data: dict, soort: str) -> dict:
    return elementen()[data["awb_onderdelen"][soort]]


def _briefhoofd(alineas: list[Alinea], romp: list[int], delen: dict[int, str], data: dict) -> None:
    """Everything before the salutation ('Geachte ...') is letterhead. Without a salutation, the leading block of
    short lines is, as far as its lines match a kind of furniture (a title there stays running text)."""
    aanhef = patroon(data["aanhef"])
    begin = next((i for i in romp
                  if aanhef.search(alineas[i].klein) and _woorden(alineas[i]) <= data["regel_max_woorden"]), None)
    if begin is not None:
        delen[begin] = "aanhef"
        for i in romp:
            if i < begin:
                delen[i] = _soort(alineas[i], data) or "briefhoofd"
        return
    for i in romp:
        if _woorden(alineas[i]) > data["regel_max_woorden"]:
            break
        if soort := _soort(alineas[i], data):
            delen[i] = soort


def _slot(alineas: list[Alinea], romp: list[int], delen: dict[int, str], data: dict) -> None:
    """The greeting, and the short lines after it (names, functions, 'namens het college'); in the closing part of the
    letter also a list of enclosures, and signature lines without a greeting (the Awb check's ondertekening phrases)."""
    definitie = _awb(data, "ondertekening")
    groet = patroon(definitie["groet"])
    zinnen = [patroon(z) for z in definitie.get("zinnen", [])]
    kort = data["regel_max_woorden"]
    lijsten = {soort: patroon(p) for soort, p in data.get("lijst_na", {}).items()}
    begin_slot = int(len(romp) * (1 - data["slot_deel"]))
    for plek, i in enumerate(romp[begin_slot:], start=begin_slot):
        soort = next((s for s, p in lijsten.items()
                      if _woorden(alineas[i]) <= kort and p.search(alineas[i].klein)), None)
        if soort and i not in delen:
            delen[i] = soort
            _korte_regels_na(alineas, romp[plek + 1:], delen, soort, data)
    for plek, i in enumerate(romp):
        if i in delen or not groet.search(alineas[i].klein.strip()):
            continue
        delen[i] = "groet"
        _korte_regels_na(alineas, romp[plek + 1:], delen, "ondertekening", data)
    for i in romp[begin_slot:]:
        if i not in delen and _woorden(alineas[i]) <= kort and any(z.search(alineas[i].klein) for z in zinnen):
            delen[i] = "ondertekening"


def _korte_regels_na(alineas: list[Alinea], volgende: list[int], delen: dict[int, str], soort: str, data: dict) -> None:
    """The short lines that follow (a signature, a list of enclosures), up to a longer one or a question."""
    for j in volgende[: data["ondertekening_max_regels"]]:
        if j in delen or _woorden(alineas[j]) > data["regel_max_woorden"] or alineas[j].tekst.rstrip().endswith("?"):
            break
        delen[j] = soort


def _korte_regels(alineas: list[Alinea], romp: list[int], delen: dict[int, str], data: dict) -> None:
    """A reference line or a date on a line of its own, anywhere ('Bijlage: situatietekening')."""
    for i in romp:
        if i not in delen and _woorden(alineas[i]) <= data["regel_max_woorden"]:
            if soort := _soort(alineas[i], data, ("datum", "kenmerk")):
                delen[i] = soort


def _clausule(data: dict) -> dict:
    """The Awb rechtsmiddelenclausule as headings and phrases; without a heading a phrase counts only with the term
    it gives ('binnen zes weken', `vereist`), so a sentence that just mentions 'uw bezwaarschrift' stays running
    text."""
    definitie = _awb(data, "bezwaarclausule")
    termijn = definitie["onderdelen"]["termijn"]["patroon"]
    return {"koppen": definitie.get("koppen", []), "niet_als": definitie.get("niet_als", []),
            "zinnen": definitie.get("zinnen", []), "vereist": termijn,
            "vervolg": definitie.get("zinnen", []) + [termijn]}


def _secties_en_zinnen(alineas: list[Alinea], romp: list[int], delen: dict[int, str], soort: str,
                       definitie: dict) -> None:
    """Paragraphs under one of the headings, and paragraphs with one of the phrases. A paragraph right after one of
    them belongs to it when it is an item of a list it opens ('Zet in uw bezwaarschrift:') or has a 'vervolg' phrase;
    under a heading the first paragraph always does. Other running text ends the part ('Onze excuses voor ...' after
    the clause is the writer's own), and 'niet_als' phrases keep a paragraph out ('u kunt nog geen bezwaar maken').
    A phrase counts only in a paragraph that also matches `vereist`, when the definition has one (searched once
    per paragraph, not once per phrase)."""
    koppen = [kop_patroon(k) for k in definitie.get("koppen", [])]
    zinnen = [patroon(z) for z in definitie.get("zinnen", [])]
    vereist = patroon(definitie["vereist"]) if definitie.get("vereist") else None
    vervolg = [patroon(z) for z in definitie.get("vervolg", [])]
    niet_als = [patroon(z) for z in definitie.get("niet_als", [])]
    onder_kop, eerste, vorige = False, False, False
    for i in romp:
        alinea = alineas[i]
        if alinea.kop:
            onder_kop = eerste = any(k.search(alinea.klein) for k in koppen)
            vorige = onder_kop and delen.setdefault(i, soort) == soort
            continue
        if i in delen:
            vorige = delen[i] == soort
            continue
        lijst = vorige and alineas[i - 1].tekst.rstrip().endswith((":", ";"))
        verder = lijst or vorige and any(z.search(alinea.klein) for z in vervolg)
        raak = eerste or verder or (any(z.search(alinea.klein) for z in zinnen)
                                    and (vereist is None or vereist.search(alinea.klein) is not None))
        onder_kop, eerste = onder_kop and raak, False
        vorige = raak and not any(n.search(alinea.klein) for n in niet_als)
        if vorige:
            delen[i] = soort
