"""Read a zaak from the Zaken API into a template's fields: the zaak, and only the lists its mapping uses (rollen,
zaakobjecten, eigenschappen), so a client ID needs no more than zaken.lezen and makes no needless calls."""

from __future__ import annotations

import re

from generator.vullen.fouten import InvoerFout
from generator.vullen.sjabloon import Sjabloon
from zgw.client import ZgwClient
from zgw.instellingen import ZgwInstellingen, zgw_instellingen
from zgw.veldkoppeling import Zaakdata, laad_koppeling, pas_toe

UUID = re.compile(r"[0-9A-Fa-f]{8}-?[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{12}")


def lees_zaak(client: ZgwClient, zaak_url: str, sjabloon: Sjabloon) -> tuple[dict, dict[str, str]]:
    """(gegevens, bronnen): the fields the zaak fills, nested as a case file, and per filled field (dotted) the ZGW
    source a message names. Fields the zaak cannot give are absent. InvoerFout (ZgwFout for a failed call)."""
    regels = laad_koppeling(sjabloon.map, sjabloon.velden)      # a template without a mapping fails before any call
    zaak_url = eis_zaak_url(client, zaak_url)
    nodig = {deel.bron.soort for regel in regels for deel in regel.delen if deel.bron is not None}
    zaak = client.haal(zaak_url)
    url = zaak.get("url") or zaak_url
    uuid = zaak.get("uuid") or url.rstrip("/").rsplit("/", 1)[-1]
    data = Zaakdata(
        zaak=zaak,
        rollen=client.lijst("zaken", "rollen", {"zaak": url}) if "rol" in nodig else [],
        zaakobjecten=client.lijst("zaken", "zaakobjecten", {"zaak": url}) if "zaakobject" in nodig else [],
        eigenschappen=client.lijst("zaken", f"zaken/{uuid}/zaakeigenschappen") if "eigenschap" in nodig else [])
    return pas_toe(regels, data)


def eis_zaak_url(client: ZgwClient | ZgwInstellingen, zaak_url: str) -> str:
    """A zaak of the configured Zaken API: the bearer token goes to no other server, and a wrong link (a document,
    a zaaktype) is named before it is fetched."""
    zaak_url = (zaak_url or "").strip()
    instellingen = client.instellingen if isinstance(client, ZgwClient) else client
    basis = instellingen.api_url("zaken").rstrip("/") + "/zaken/"
    rest = zaak_url[len(basis):].rstrip("/") if zaak_url.startswith(basis) else ""
    if not UUID.fullmatch(rest):
        raise InvoerFout(f"zaak-url: '{zaak_url}' is geen zaak in de Zaken API van het zaaksysteem; een zaak-URL "
                         f"begint met {basis} en eindigt op de uuid van de zaak")
    return zaak_url


def zaak_uit_zaaksysteem(zaak_url: str, sjabloon: Sjabloon, gebruiker: tuple[str, str]) -> tuple[dict, dict[str, str]]:
    """lees_zaak with the configured zaaksysteem; `gebruiker` (id, naam) goes into the audit trail of the register."""
    with ZgwClient(ingesteld(), gebruiker=gebruiker) as client:
        return lees_zaak(client, zaak_url, sjabloon)


def ingesteld() -> ZgwInstellingen:
    """The zaaksysteem's settings; InvoerFout saying how to configure it when it is not."""
    instellingen = zgw_instellingen()
    if instellingen is None:
        raise InvoerFout("zaak-url: het zaaksysteem is niet ingesteld; zet SJABLOON_ZGW_URL, SJABLOON_ZGW_CLIENT_ID "
                         "en SJABLOON_ZGW_SECRET, of een tabel [zgw] in het instellingenbestand (docs/zgw.md)")
    return instellingen
