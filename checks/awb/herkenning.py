"""Which besluittype a text is, from the words of each type (content/awb/besluittypen/*.yaml: herkenning).

Where a word stands counts: in the title or onderwerp it says what the text is, in the dictum what is decided,
elsewhere it may be background (a gedoogbeschikking mentions the bestuursdwang it holds back). The weights per
place and the threshold under which the answer is `onbekend` are data (content/awb/elementen.yaml: herkenning).

Some types say what a text *is* whatever it is about: a beslissing op bezwaar about a last onder dwangsom, a
voornemen to impose one. Such a type has `voorrang` (a pattern and the places where it decides); when it is found
there, the types it goes before (`boven`) drop out, however many of their words the text uses.
"""

from __future__ import annotations

from dataclasses import dataclass

from checks.awb.regels import besluittypen, elementen, patroon
from checks.content import load_yaml
from checks.document import Document

ONBEKEND = "onbekend"       # the besluittype, when the text does not tell it clearly enough


@dataclass
class Herkenning:
    besluittype: str
    zekerheid: float        # the winner's share of the two best scores
    woorden: list[str]      # the words that decided, best first


def plekken(document: Document, clausule: set[int], dictum: set[int]) -> dict[str, str]:
    """The lower-cased text per place: titel (the first line of the body, onderwerp, betreft, headings in the first
    fifth), dictum, tekst (the rest, without the rechtsmiddelenclausule, whose words say nothing about the type)."""
    data = load_yaml("awb/elementen.yaml")["herkenning"]
    titelregel = patroon(data["titel"])
    grens = max(3, len(document.alineas) // 5)
    eerste = next((i for i, a in enumerate(document.alineas) if a.positie.startswith("alinea")), None)
    delen: dict[str, list[str]] = {"titel": [], "dictum": [], "tekst": []}
    for index, alinea in enumerate(document.alineas):
        if index in clausule:
            continue
        if index == eerste or titelregel.search(alinea.klein) or (alinea.kop and index < grens):
            delen["titel"].append(alinea.klein)
        elif index in dictum:
            delen["dictum"].append(alinea.klein)
        else:
            delen["tekst"].append(alinea.klein)
    return {plek: "\n".join(teksten) for plek, teksten in delen.items()}


def _met_termijn(document: Document, clausule: set[int]) -> bool:
    """A real rechtsmiddelenclausule says within which term (art. 3:45, tweede lid, Awb); a text that only mentions
    a bezwaarschrift (a besluitenlijst, a letter about a bezwaar) does not."""
    termijn = patroon(elementen()["rechtsmiddelenclausule"]["onderdelen"]["termijn"]["patroon"])
    return any(termijn.search(document.alineas[i].klein) for i in clausule)


def herken(document: Document, clausule: set[int], dictum: set[int]) -> Herkenning:
    data = load_yaml("awb/elementen.yaml")["herkenning"]
    teksten = plekken(document, clausule, dictum)
    typen = besluittypen()
    scores, opzij = [], set()
    for type_id, regels in typen.items():
        voorrang = regels.get("voorrang")
        if voorrang and any(patroon(voorrang["patroon"]).search(teksten[plek]) for plek in voorrang["plekken"]):
            opzij |= set(voorrang["boven"]) - {type_id}
    for type_id, regels in typen.items():
        if type_id in opzij:
            continue
        score, woorden = 0.0, []
        for item in regels.get("herkenning", []):
            gewogen = [(data["plekken"][plek] * item["gewicht"], m.group(0).strip())
                       for plek, tekst in teksten.items() if (m := patroon(item["patroon"]).search(tekst))]
            if gewogen:
                punten, woord = max(gewogen)
                score += punten
                woorden.append(woord)
        scores.append((score, type_id, woorden))
    scores.sort(key=lambda s: -s[0])
    beste, type_id, woorden = scores[0]
    tweede, tweede_id, _ = scores[1] if len(scores) > 1 else (0.0, "", [])
    if beste == 0:
        terugval = data["zonder_typewoorden"]
        if dictum and _met_termijn(document, clausule):
            return Herkenning(terugval["met_beslissing_en_clausule"], 0.0, ["beslissing en rechtsmiddelenclausule"])
        return Herkenning(terugval["anders"], 0.0, [])
    zekerheid = beste / (beste + tweede)
    if zekerheid < data["drempel"]:
        return Herkenning(ONBEKEND, zekerheid, woorden + [f"of {tweede_id}?"])
    return Herkenning(type_id, zekerheid, woorden)
