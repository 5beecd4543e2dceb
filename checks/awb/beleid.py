"""Gemeente policy checked with the Awb check (content/beleid.yaml): warm contact before a high dwangsom, a
maximum above the economic gain, no implicit gedogen through a long begunstigingstermijn, and the gedoogstrategie."""

from __future__ import annotations

import re

from checks.awb.regels import patroon
from checks.bevinding import Bevinding
from checks.content import load_yaml
from checks.schrijfwijze import bedrag, getal

TERMIJN_WEKEN = re.compile(r"(\d+|een|twee|drie|vier|vijf|zes|acht|tien|twaalf|zestien|twintig|zesentwintig|dertig|vijftig|tweeënvijftig)\s+weken")
GETALLEN = {"een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "acht": 8, "tien": 10, "twaalf": 12,
            "zestien": 16, "twintig": 20, "zesentwintig": 26, "dertig": 30, "vijftig": 50, "tweeënvijftig": 52}


ONTKENNING = re.compile(r"\b(geen|niet|nooit)\b")


def _zin_rond(tekst: str, positie: int) -> tuple[int, int]:
    """Start and end of the sentence around a position."""
    begin = max(tekst.rfind(".", 0, positie), tekst.rfind("\n", 0, positie)) + 1
    einde = min((i for i in (tekst.find(".", positie), tekst.find("\n", positie)) if i >= 0), default=len(tekst))
    return begin, einde


def beleid_bevindingen(vondsten, besluittype: str, bedragen) -> list[Bevinding]:
    """`bedragen` turns text into euro amounts (shared with the dwangsom consistency check). A gemeente's own
    values come in through its profile's `aanpassingen` of beleid.yaml."""
    beleid = load_yaml("beleid.yaml")
    tekst = "\n".join(a.klein for a in vondsten.document.alineas)
    bevindingen: list[Bevinding] = []
    maximum = max(bedragen(vondsten.tekst("dwangsom_maximum")), default=None)

    regel = beleid["warm_contact"]
    if besluittype in regel["besluittypen"] and maximum and maximum > regel["maximum_boven"] and not patroon(regel["patroon"]).search(tekst):
        bevindingen.append(Bevinding("beleid_warm_contact", "fout", "gemeentelijk beleid", regel["bericht"].format(grens=getal(regel["maximum_boven"])),
                                     regel["suggestie"], vondsten.tekst("dwangsom_maximum")[:200]))
    regel = beleid["economisch_voordeel"]
    if besluittype in regel["besluittypen"] and maximum and (gevonden := patroon(regel["patroon"]).search(tekst)):
        voordeel = max(bedragen(gevonden.group(0)), default=None)
        if voordeel and maximum <= voordeel:
            bevindingen.append(Bevinding("beleid_economisch_voordeel", "waarschuwing", "artikel 5:32b, derde lid, Awb; gemeentelijk beleid",
                                         regel["bericht"].format(maximum=bedrag(maximum, teken=False),
                                                               voordeel=bedrag(voordeel, teken=False)), regel["suggestie"], gevonden.group(0)))
    regel = beleid["begunstigingstermijn"]
    if besluittype in regel["besluittypen"]:
        for woord in TERMIJN_WEKEN.findall(vondsten.tekst("begunstigingstermijn")):
            weken = int(woord) if woord.isdigit() else GETALLEN[woord]
            if weken > regel["max_weken"]:
                bevindingen.append(Bevinding("beleid_impliciet_gedogen", "waarschuwing", "gemeentelijk beleid",
                                             regel["bericht"].format(grens=regel["max_weken"]), regel["suggestie"], f"{woord} weken"))
                break
    regel = beleid["gedogen"]
    if besluittype in regel["besluittypen"]:
        for uitsluiting in regel["uitgesloten"]:
            for gevonden in patroon(uitsluiting["patroon"]).finditer(tekst):
                zin = _zin_rond(tekst, gevonden.start())
                if ONTKENNING.search(tekst[zin[0]:gevonden.start()]):
                    continue                          # "er is geen sprake van recidive"
                if uitsluiting.get("tenzij") and patroon(uitsluiting["tenzij"]).search(tekst[zin[0]:zin[1]]):
                    continue                          # "een tijdelijke woonunit zonder vergunning geplaatst"
                bevindingen.append(Bevinding("beleid_gedogen_uitgesloten", "fout", "gedoogstrategie", uitsluiting["bericht"],
                                             regel["suggestie"], gevonden.group(0)))
                break
        for eis in regel["vereist"]:
            if not patroon(eis["patroon"]).search(tekst):
                bevindingen.append(Bevinding("beleid_gedogen_onvolledig", "fout", "gedoogstrategie", eis["bericht"],
                                             regel["suggestie"], "(niet gevonden in het document)"))
    return bevindingen
