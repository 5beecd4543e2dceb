"""An HTTP client for the four ZGW APIs on httpx2: the standard's JWT (HS256, signed with the client's secret, fresh per
request so `iat` stays recent), timeouts, retries with exponential backoff, and Dutch errors naming API, URL and status.
A POST is retried only where the register cannot have made the object yet: a retry may otherwise create a duplicate."""

from __future__ import annotations

import time
import warnings
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx2 as httpx       # the project's HTTP client (httpx's maintained line, as in toegang/oidc.py)

from generator.vullen.fouten import InvoerFout
from zgw.instellingen import APIS, ZgwInstellingen

NAMEN = {api: f"{api.capitalize()} API" for api in APIS}
CRS = {"zaken"}                             # the APIs whose specs ask for Accept-Crs / Content-Crs (geometry)
OPNIEUW_GET = {429, 500, 502, 503, 504}     # worth another try: the server is busy or briefly gone
OPNIEUW_POST = {502, 503, 504}              # a proxy says the register was not reached: nothing was made
TOEGANG = (" — controleer SJABLOON_ZGW_CLIENT_ID en SJABLOON_ZGW_SECRET, en in het zaaksysteem de autorisaties van "
           "de applicatie (scopes per zaaktype, informatieobjecttype en besluittype)")
MAX_PAGINAS = 1000                          # a `next` that never ends must not loop forever


class ZgwFout(InvoerFout):
    """A call to a ZGW API failed. `status` is None when no answer came (network, timeout)."""

    def __init__(self, melding: str, *, api: str | None, url: str, status: int | None = None):
        self.api, self.url, self.status = api, url, status
        super().__init__(melding)


class ZgwClient:
    """One client per job (a command, a request). `gebruiker` = (id, naam) goes into the JWT for the audit trail;
    `wacht` is the first backoff in seconds (doubling per try), `slaap` lets tests see the waits."""

    def __init__(self, instellingen: ZgwInstellingen, *, transport: httpx.BaseTransport | None = None,
                 gebruiker: tuple[str, str] | None = None, wacht: float = 0.5, slaap=time.sleep):
        self.instellingen = instellingen
        self.gebruiker = gebruiker or ("sjabloonstraat", "Sjabloonstraat")
        self.wacht, self.slaap = wacht, slaap
        self._http = httpx.Client(transport=transport, timeout=instellingen.timeout, follow_redirects=False,
                                  headers={"Accept": "application/json"})

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.close()

    def close(self) -> None:
        self._http.close()

    def url(self, api: str, pad: str) -> str:
        """The absolute URL of `pad` (e.g. "/zaken" or "zaken/123") in `api`."""
        if api not in APIS:
            raise ValueError(f"onbekende ZGW API {api!r}; bekend zijn: {', '.join(APIS)}")
        return self.instellingen.api_url(api).rstrip("/") + "/" + pad.lstrip("/")

    def api_van(self, url: str) -> str:
        """Which configured API an absolute URL belongs to, by its prefix."""
        for api in APIS:
            basis = self.instellingen.api_url(api).rstrip("/") + "/"
            if url.startswith(basis) or url.rstrip("/") == basis.rstrip("/"):
                return api
        ingesteld = ", ".join(self.instellingen.api_url(api) for api in APIS)
        hint = ""
        if (api := self._api_van_pad(url)) is not None:     # same API, other host name: our token stays home
            hint = (f"; het pad is dat van de {NAMEN[api]}, maar op een ander adres: stel de URL van het zaaksysteem "
                    f"in zoals het zaaksysteem die zelf noemt (127.0.0.1 is niet localhost)")
        raise ZgwFout(f"{url}: deze URL hoort bij geen van de ingestelde ZGW API's ({ingesteld}){hint}", api=None,
                      url=url)

    def _api_van_pad(self, url: str) -> str | None:
        pad = urlsplit(url).path
        for api in APIS:
            basis = urlsplit(self.instellingen.api_url(api)).path.rstrip("/") + "/"
            if pad.startswith(basis):
                return api
        return None

    def haal(self, url: str, params: dict | None = None) -> dict:
        """GET an absolute URL; the API is found from its prefix."""
        return self._vraag("GET", self.api_van(url), url, params=params)

    def lijst(self, api: str, pad: str, params: dict | None = None) -> list[dict]:
        """Every item of a collection, following `next` over the pages; also takes a plain list as the answer."""
        url, items = self.url(api, pad), []
        for _ in range(MAX_PAGINAS):
            antwoord = self._vraag("GET", api, url, params=params)
            if isinstance(antwoord, list):
                return items + antwoord
            items += antwoord.get("results", [])
            if not (volgende := antwoord.get("next")):
                return items
            url, params = self._volgende(api, url, volgende), None      # `next` carries the query itself
        raise ZgwFout(f"{NAMEN[api]}: GET {self.url(api, pad)} gaf meer dan {MAX_PAGINAS} pagina's", api=api,
                      url=self.url(api, pad))

    def _volgende(self, api: str, url: str, volgende: str) -> str:
        """The next page on the configured address. A register behind a proxy may name itself otherwise in `next`
        (http for https, an inner host name): the same API path is fetched from the configured base; a link to
        anything else is refused, so the token never leaves for another server."""
        volgende = urljoin(url, volgende)
        basis = self.instellingen.api_url(api).rstrip("/")
        if volgende.startswith(basis + "/") or volgende.startswith(basis + "?"):
            return volgende
        delen, eigen = urlsplit(volgende), urlsplit(basis)
        if self._api_van_pad(volgende) != api:
            raise ZgwFout(f"{NAMEN[api]}: GET {url} wijst naar een volgende pagina buiten deze API: {volgende}",
                          api=api, url=url)
        return urlunsplit((eigen.scheme, eigen.netloc, delen.path, delen.query, ""))

    def maak(self, api: str, pad: str, gegevens: dict) -> dict:
        """POST JSON to a collection: the created object."""
        return self._vraag("POST", api, self.url(api, pad), json=gegevens)

    def _kopjes(self, api: str, methode: str) -> dict:
        kopjes = {"Authorization": f"Bearer {self._token()}"}
        if api in CRS:
            kopjes["Accept-Crs"] = "EPSG:4326"
            if methode == "POST":
                kopjes["Content-Crs"] = "EPSG:4326"
        return kopjes

    def _token(self) -> str:
        from joserfc import jwt
        from joserfc.jwk import OctKey
        gebruiker_id, naam = self.gebruiker
        claims = {"iss": self.instellingen.client_id, "client_id": self.instellingen.client_id, "iat": int(time.time()),
                  "user_id": gebruiker_id, "user_representation": naam}
        with warnings.catch_warnings():         # a short secret is the register's choice, not ours to refuse
            warnings.simplefilter("ignore")
            sleutel = OctKey.import_key(self.instellingen.secret.encode("utf-8"))
            return jwt.encode({"alg": "HS256", "typ": "JWT"}, claims, sleutel)

    def _vraag(self, methode: str, api: str, url: str, **opties):
        opnieuw = OPNIEUW_GET if methode == "GET" else OPNIEUW_POST
        pogingen = max(1, self.instellingen.pogingen)
        for poging in range(1, pogingen + 1):
            laatste = poging == pogingen
            try:
                antwoord = self._http.request(methode, url, headers=self._kopjes(api, methode), **opties)
            except httpx.TransportError as fout:
                # A POST whose request was sent may have been made: only a failure to connect is safe to repeat.
                veilig = methode == "GET" or isinstance(fout, (httpx.ConnectError, httpx.ConnectTimeout))
                if laatste or not veilig:
                    raise ZgwFout(f"{NAMEN[api]}: {methode} {url} is niet bereikbaar ({_netwerk(fout)})"
                                  f"{_na(poging)}", api=api, url=url) from None
                self.slaap(self._wachttijd(poging, None))
                continue
            if antwoord.status_code in opnieuw and not laatste:
                self.slaap(self._wachttijd(poging, antwoord))
                continue
            if antwoord.is_success:
                return _json(antwoord, api, methode, url)
            raise ZgwFout(f"{NAMEN[api]}: {methode} {url} gaf status {antwoord.status_code} "
                          f"({antwoord.reason_phrase or 'onbekend'}): {_uitleg(antwoord)}{_na(poging)}"
                          f"{TOEGANG if antwoord.status_code in (401, 403) else ''}",
                          api=api, url=url, status=antwoord.status_code)

    def _wachttijd(self, poging: int, antwoord: httpx.Response | None) -> float:
        wacht = self.wacht * 2 ** (poging - 1)
        if antwoord is not None and (retry := antwoord.headers.get("Retry-After", "")).isdigit():
            wacht = max(wacht, min(float(retry), 30.0))     # the server's own wish, within reason
        return wacht


def _json(antwoord: httpx.Response, api: str, methode: str, url: str):
    if antwoord.status_code == 204 or not antwoord.content:
        return {}
    try:
        return antwoord.json()
    except ValueError:
        raise ZgwFout(f"{NAMEN[api]}: {methode} {url} gaf status {antwoord.status_code}, maar het antwoord is geen "
                      f"JSON", api=api, url=url, status=antwoord.status_code) from None


def _uitleg(antwoord: httpx.Response) -> str:
    """The register's own words: a ZGW Fout carries title and detail, a ValidatieFout also invalidParams."""
    try:
        fout = antwoord.json()
    except ValueError:
        return antwoord.text.strip()[:300] or "geen toelichting"
    if not isinstance(fout, dict):
        return str(fout)[:300]
    delen = [str(fout.get("detail") or fout.get("title") or "").strip()]
    for parameter in fout.get("invalidParams") or []:
        delen.append(f"{parameter.get('name')}: {parameter.get('reason')}")
    return "; ".join(deel for deel in delen if deel) or "geen toelichting"


def _netwerk(fout: httpx.TransportError) -> str:
    if isinstance(fout, httpx.TimeoutException):
        return "geen antwoord binnen de ingestelde tijd (SJABLOON_ZGW_TIMEOUT)"
    if isinstance(fout, httpx.ConnectError):
        return f"geen verbinding: {fout}"
    return f"netwerkfout: {fout}"


def _na(poging: int) -> str:
    return f" (na {poging} pogingen)" if poging > 1 else ""
