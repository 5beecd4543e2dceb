"""Where the zaaksysteem is and how Sjabloonstraat logs in to it: SJABLOON_ZGW_* variables, else the `[zgw]` table of
the settings file. A half configuration is an error that names what is missing; none at all means "not linked"."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from generator.vullen.fouten import InvoerFout

APIS = ("zaken", "documenten", "catalogi", "besluiten")
BASISPADEN = {api: f"/{api}/api/v1" for api in APIS}      # the standard base paths under a register's root (Open Zaak)
SLEUTELS = {         # key in the [zgw] table: its environment variable
    "url": "SJABLOON_ZGW_URL",
    **{f"{api}_url": f"SJABLOON_ZGW_{api.upper()}_URL" for api in APIS},
    "client_id": "SJABLOON_ZGW_CLIENT_ID", "secret": "SJABLOON_ZGW_SECRET",
    "timeout": "SJABLOON_ZGW_TIMEOUT", "pogingen": "SJABLOON_ZGW_POGINGEN",
}


@dataclass(frozen=True)
class ZgwInstellingen:
    zaken_url: str
    documenten_url: str
    catalogi_url: str
    besluiten_url: str
    client_id: str
    secret: str
    timeout: float = 10.0       # seconds per request
    pogingen: int = 3           # tries per request, the first included

    def api_url(self, api: str) -> str:
        return getattr(self, f"{api}_url")

    def zonder_geheim(self) -> dict:
        """What `sjabloon info` may show: everything but the secret, which is only said to be set."""
        return {**{f"{api}_url": self.api_url(api) for api in APIS}, "client_id": self.client_id,
                "secret": "ingesteld", "timeout": self.timeout, "pogingen": self.pogingen}


def zgw_instellingen() -> ZgwInstellingen | None:
    """The settings, or None when nothing of the ZGW link is configured. Environment wins over the settings file."""
    waarden, bronnen = {}, {}
    tabel, pad = _tabel()
    for sleutel, variabele in SLEUTELS.items():
        if (waarde := os.environ.get(variabele, "").strip()):
            waarden[sleutel], bronnen[sleutel] = waarde, f"omgevingsvariabele {variabele}"
        elif sleutel in tabel:
            waarden[sleutel], bronnen[sleutel] = tabel[sleutel], f"{pad}: [zgw] {sleutel}"
    if not waarden:
        return None
    problemen, urls = [], {}
    for api in APIS:
        if waarde := waarden.get(f"{api}_url"):
            urls[api] = _url(waarde, bronnen[f"{api}_url"], problemen)
        elif waarde := waarden.get("url"):
            urls[api] = _url(waarde, bronnen["url"], problemen).rstrip("/") + BASISPADEN[api]
        else:
            problemen.append(f"{SLEUTELS[f'{api}_url']} ontbreekt: de ZGW-koppeling is maar half ingesteld; geef "
                             f"SJABLOON_ZGW_URL (de basis van het zaaksysteem, bijvoorbeeld https://openzaak.gemeente.nl) "
                             f"of de URL van de {api.capitalize()} API")
    for sleutel in ("client_id", "secret"):
        if not waarden.get(sleutel):
            problemen.append(f"{SLEUTELS[sleutel]} ontbreekt: de ZGW-koppeling is maar half ingesteld; het zaaksysteem "
                             f"geeft de client-ID en het secret van de applicatie Sjabloonstraat")
    timeout = _getal(waarden, bronnen, "timeout", float, 10.0, problemen)
    pogingen = _getal(waarden, bronnen, "pogingen", int, 3, problemen)
    if problemen:
        raise InvoerFout(problemen)
    return ZgwInstellingen(**{f"{api}_url": urls[api].rstrip("/") for api in APIS}, client_id=waarden["client_id"],
                           secret=waarden["secret"], timeout=timeout, pogingen=pogingen)


def _url(waarde: str, bron: str, problemen: list) -> str:
    if not waarde.startswith(("http://", "https://")):
        problemen.append(f"{bron}: {waarde!r} is geen URL; schrijf bijvoorbeeld https://openzaak.gemeente.nl")
    return waarde


def _getal(waarden, bronnen, sleutel, soort, standaard, problemen):
    if sleutel not in waarden:
        return standaard
    try:
        getal = soort(waarden[sleutel])
    except (TypeError, ValueError):
        getal = None
    if getal is None or getal <= 0:
        soortnaam = "een geheel getal" if soort is int else "een getal (seconden)"
        problemen.append(f"{bronnen[sleutel]}: {waarden[sleutel]!r} is geen geldige waarde; verwacht {soortnaam} "
                         f"groter dan 0")
        return standaard
    return getal


def _tabel() -> tuple[dict, Path]:
    """The [zgw] table of the settings file (values as text) and the file's path, for messages."""
    from generator.plaatsen.plekken import instellingenbestand
    from generator.plaatsen.instellingen import lees_tabel
    pad = instellingenbestand().pad
    tabel = lees_tabel(pad, "zgw")
    onbekend = sorted(set(tabel) - set(SLEUTELS))
    if onbekend:
        raise InvoerFout(f"{pad}: [zgw] {onbekend[0]}: onbekende instelling; bekend zijn: {', '.join(SLEUTELS)}")
    return {sleutel: str(waarde) for sleutel, waarde in tabel.items()}, pad
