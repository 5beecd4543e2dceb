"""Is the zaaksysteem reachable, and does its catalogue hold the types the templates name? One cheap GET per API
(a filter that finds nothing, or the catalogues), then each type looked up by its omschrijving, as storing will."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from zgw.client import NAMEN, ZgwClient, ZgwFout

PROEVEN = {     # api: (collection, filter): each answers with (nearly) nothing, so the check stays cheap
    "zaken": ("zaken", {"identificatie": "sjabloonstraat-verbindingstest"}),
    "documenten": ("enkelvoudiginformatieobjecten", {"identificatie": "sjabloonstraat-verbindingstest"}),
    "catalogi": ("catalogussen", {"pageSize": 1}),
    "besluiten": ("besluiten", {"identificatie": "sjabloonstraat-verbindingstest"}),
}
TYPEN = {"informatieobjecttype": "informatieobjecttypen", "besluittype": "besluittypen"}


@dataclass(frozen=True)
class Bevinding:
    onderwerp: str          # "Zaken API", or 'informatieobjecttype "Beschikking"'
    in_orde: bool
    toelichting: str        # the URL that answered, or what is wrong

    def als_json(self) -> dict:
        return {"onderwerp": self.onderwerp, "in_orde": self.in_orde, "toelichting": self.toelichting}


def controleer_verbinding(client: ZgwClient) -> list[Bevinding]:
    """One finding per API: reachable with these credentials, or the client's Dutch error."""
    bevindingen = []
    for api, (collectie, filter_) in PROEVEN.items():
        url = client.url(api, collectie)
        try:
            client.haal(url, params=filter_)
        except ZgwFout as fout:
            bevindingen.append(Bevinding(NAMEN[api], False, str(fout)))
        else:
            bevindingen.append(Bevinding(NAMEN[api], True, client.instellingen.api_url(api)))
    return bevindingen


def controleer_typen(client: ZgwClient, typen: dict[tuple[str, str], list[str]]) -> list[Bevinding]:
    """Each (soort, omschrijving) the templates name (soort informatieobjecttype or besluittype; the value lists the
    templates that name it) must exist in the Catalogi API and be published."""
    bevindingen, vandaag = [], dt.date.today().isoformat()     # a new version of a type ends the old one's validity
    for (soort, omschrijving), sjablonen in sorted(typen.items()):
        onderwerp = f'{soort} "{omschrijving}" ({", ".join(sorted(sjablonen))})'
        try:
            gepubliceerd = client.lijst("catalogi", TYPEN[soort], {"omschrijving": omschrijving, "status": "definitief",
                                                                   "datumGeldigheid": vandaag})
            concept = [] if gepubliceerd else client.lijst("catalogi", TYPEN[soort],
                                                           {"omschrijving": omschrijving, "status": "concept"})
        except ZgwFout as fout:
            bevindingen.append(Bevinding(onderwerp, False, str(fout)))
            continue
        if len(gepubliceerd) == 1:
            bevindingen.append(Bevinding(onderwerp, True, gepubliceerd[0]["url"]))
        elif gepubliceerd:
            bevindingen.append(Bevinding(onderwerp, False, f"{len(gepubliceerd)} gepubliceerde typen met deze "
                                         f"omschrijving in de Catalogi API; maak de omschrijving uniek of kies er één"))
        elif concept:
            bevindingen.append(Bevinding(onderwerp, False, "bestaat alleen als concept in de Catalogi API; publiceer "
                                         "het type, anders weigert het zaaksysteem documenten van dit type"))
        else:
            bevindingen.append(Bevinding(onderwerp, False, "niet gevonden in de Catalogi API; controleer de "
                                         f"omschrijving in het zgw-blok van het manifest ({soort})"))
    return bevindingen
