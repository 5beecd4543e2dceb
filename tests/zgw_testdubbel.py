"""ZgwTestdubbel: a TEST DOUBLE of a ZGW register (Zaken, Documenten, Catalogi, Besluiten), not a register. An ASGI app
served by uvicorn in a thread on a free 127.0.0.1 port, in memory. It checks EVERY request it receives and EVERY
response it sends against the official specifications (tests/data/zgw/, Open Zaak 1.30.0) with openapi-core: each
violation lands in `schendingen`, and the `zgw_dubbel` fixture fails the test when that list is not empty.

It answers the calls a document generator makes (tests/data/zgw/README.md), checks the JWT like a register
(HS256 with the client's secret, iss and client_id), checks that referenced objects exist and a zaak-document pair is
unique, and can fail on purpose: `storing(aantal, status)` answers the next requests with an error, `uit()`/`aan()`
closes and reopens the port."""

from __future__ import annotations

import base64
import copy
import datetime as dt
import functools
import json
import socket
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import parse_qsl

SPECS = Path(__file__).resolve().parent / "data" / "zgw"
APIS = ("zaken", "documenten", "catalogi", "besluiten")
CLIENT_ID, SECRET = "sjabloonstraat-test", "een-geheim-van-de-testdubbel-32tekens"
SOORTEN = {      # collection: (api, schema of one object in the spec)
    "zaken": ("zaken", "Zaak"), "rollen": ("zaken", "Rol"), "zaakobjecten": ("zaken", "ZaakObject"),
    "zaakeigenschappen": ("zaken", "ZaakEigenschap"), "zaakinformatieobjecten": ("zaken", "ZaakInformatieObject"),
    "informatieobjecttypen": ("catalogi", "InformatieObjectType"), "besluittypen": ("catalogi", "BesluitType"),
    "zaaktypen": ("catalogi", "ZaakType"), "catalogussen": ("catalogi", "Catalogus"),
    "enkelvoudiginformatieobjecten": ("documenten", "EnkelvoudigInformatieObject"),
    "besluiten": ("besluiten", "Besluit"), "besluitinformatieobjecten": ("besluiten", "BesluitInformatieObject"),
}
VERWIJZINGEN = {   # a field of a created object: the collection its URL must point into
    "zaak": "zaken", "informatieobject": "enkelvoudiginformatieobjecten", "besluit": "besluiten",
    "besluittype": "besluittypen", "informatieobjecttype": "informatieobjecttypen", "zaaktype": "zaaktypen",
}
GEEN = object()


@functools.lru_cache(maxsize=None)
def spec(api: str) -> tuple:
    """(openapi-core OpenAPI, the spec as a dict) for an API, read once per test session. The two references to the
    VNG Catalogi spec on raw.githubusercontent.com sit in `_expand` (expanded zaaktype/informatieobjecttype, which the
    client never asks for); offline they become a plain object."""
    import yaml
    from openapi_core import Config, OpenAPI
    laders = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    gegevens = _zonder_externe_verwijzingen(yaml.load((SPECS / f"{api}-openapi.yaml").read_text("utf-8"), Loader=laders))
    _herstel_url_filters(gegevens)
    # A ZGW error is JSON in application/problem+json, which openapi-core does not read as JSON by itself.
    config = Config(extra_media_type_deserializers={"application/problem+json": json.loads})
    return OpenAPI.from_dict(gegevens, config=config), gegevens


def _herstel_url_filters(gegevens: dict) -> None:
    """Erratum in Open Zaak's generated specs: query filters described as "URL-referentie naar ..." (zaak on /rollen,
    zaaktype on /informatieobjecttypen, ...) are typed `integer`, yet Open Zaak and the VNG specs take a URL
    (string, format uri). The double reads them as the VNG standard does; everything else stays as published."""
    for operaties in gegevens["paths"].values():
        for operatie in operaties.values():
            for parameter in operatie.get("parameters", []) if isinstance(operatie, dict) else ():
                if (parameter.get("in") == "query" and parameter.get("schema", {}).get("type") == "integer"
                        and parameter.get("description", "").startswith("URL-referentie")):
                    parameter["schema"] = {"type": "string", "format": "uri"}


def _zonder_externe_verwijzingen(knoop):
    if isinstance(knoop, dict):
        if str(knoop.get("$ref", "")).startswith("http"):
            return {"type": "object"}
        return {sleutel: _zonder_externe_verwijzingen(waarde) for sleutel, waarde in knoop.items()}
    if isinstance(knoop, list):
        return [_zonder_externe_verwijzingen(waarde) for waarde in knoop]
    return knoop


class ZgwTestdubbel:
    def __init__(self, client_id: str = CLIENT_ID, secret: str = SECRET):
        self.client_id, self.secret = client_id, secret
        self.objecten: dict[str, dict[str, dict]] = {soort: {} for soort in SOORTEN}
        self.inhoud: dict[str, bytes] = {}           # EIO url: the document's bytes
        self._aangemaakt: dict[str, list[dict]] = {soort: [] for soort in SOORTEN}
        self.schendingen: list[str] = []
        self.verzoeken: list[dict] = []               # every request: methode, url, kopjes, claims
        self.paginagrootte = 100
        self.adres_in_links: str | None = None        # how the register names itself in `next` (behind a proxy)
        self._storingen: list[tuple[int, bool]] = []
        self._slot = threading.Lock()
        self.poort = _vrije_poort()
        self.basis = f"http://127.0.0.1:{self.poort}"
        self._server = self._draad = None
        for api in APIS:
            spec(api)
        self.catalogus = self._bewaar("catalogussen", {"domein": "SJABL", "rsin": "002220647",
                                                      "contactpersoonBeheerNaam": "Testdubbel"})

    # ---- serving -------------------------------------------------------------------------------------------------
    def start(self) -> "ZgwTestdubbel":
        self.aan()
        return self

    def aan(self) -> None:
        """Open the port (again): the register is reachable."""
        import uvicorn
        if self._server is not None:
            return
        self._server = uvicorn.Server(uvicorn.Config(self._app, host="127.0.0.1", port=self.poort, log_level="error",
                                                     lifespan="off", access_log=False, interface="asgi3"))
        self._draad = threading.Thread(target=self._server.run, daemon=True)
        self._draad.start()
        grens = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > grens or not self._draad.is_alive():
                raise RuntimeError(f"de ZGW-testdubbel start niet op poort {self.poort}")
            time.sleep(0.01)

    def uit(self) -> None:
        """Close the port: connection refused, as when the register is down."""
        if self._server is None:
            return
        self._server.should_exit = True
        self._draad.join(10)
        self._server = self._draad = None

    stop = uit

    def storing(self, aantal: int = 1, status: int = 503, *, verwerkt: bool = False) -> None:
        """The next `aantal` requests get `status`. `verwerkt=True`: the request is carried out first and only the
        answer is lost (a POST that made its object, yet the client saw a 503)."""
        with self._slot:
            self._storingen += [(status, verwerkt)] * aantal

    def url(self, api: str, pad: str = "") -> str:
        return f"{self.basis}/{api}/api/v1/{pad.lstrip('/')}".rstrip("/")

    def omgeving(self) -> dict[str, str]:
        """The SJABLOON_ZGW_* variables that point Sjabloonstraat at this double."""
        return {"SJABLOON_ZGW_URL": self.basis, "SJABLOON_ZGW_CLIENT_ID": self.client_id,
                "SJABLOON_ZGW_SECRET": self.secret}

    def instellingen(self, **anders):
        from zgw.instellingen import ZgwInstellingen
        return ZgwInstellingen(**({f"{api}_url": self.url(api) for api in APIS} | {"client_id": self.client_id,
                                  "secret": self.secret} | anders))

    # ---- filling the register ------------------------------------------------------------------------------------
    def voeg_type_toe(self, soort: str, omschrijving: str, **velden) -> str:
        """A published type in the catalogue: soort is informatieobjecttypen, besluittypen or zaaktypen."""
        if soort not in ("informatieobjecttypen", "besluittypen", "zaaktypen"):
            raise ValueError(f"onbekend soort type {soort!r}")
        vandaag = dt.date.today().isoformat()
        gegevens = {"catalogus": self.catalogus, "omschrijving": omschrijving, "concept": False,
                    "beginGeldigheid": "2020-01-01", "versiedatum": vandaag, "zaaktypen": [], "besluittypen": [],
                    "informatieobjecttypen": [], "vertrouwelijkheidaanduiding": "openbaar"} | velden
        if soort == "informatieobjecttypen":
            gegevens.setdefault("informatieobjectcategorie", "brief")
        return self._bewaar(soort, gegevens)

    def voeg_zaak_toe(self, identificatie: str = "ZAAK-2026-0000001", *, omschrijving: str = "Omgevingsvergunning "
                      "voor het bouwen van een dakkapel", zaaktype: str | None = None, bronorganisatie: str = "002220647",
                      initiator: dict | None = GEEN, rollen: list[dict] = (), zaakobjecten: list[dict] = (),
                      eigenschappen: dict | None = None, **velden) -> str:
        """A zaak with an initiator (a natuurlijk persoon with a verblijfsadres, unless `initiator` says otherwise or
        is None), further rollen and zaakobjecten (dicts in the spec's shape) and eigenschappen {naam: waarde}."""
        zaaktype = zaaktype or self.voeg_type_toe("zaaktypen", "Omgevingsvergunning", identificatie="OMG-1")
        zaak = self._bewaar("zaken", {"identificatie": identificatie, "bronorganisatie": bronorganisatie,
                                      "omschrijving": omschrijving, "zaaktype": zaaktype,
                                      "verantwoordelijkeOrganisatie": bronorganisatie, "startdatum": "2026-11-02",
                                      "registratiedatum": "2026-11-02", "vertrouwelijkheidaanduiding": "openbaar"} | velden)
        alle_rollen = list(rollen)
        if initiator is not None:
            alle_rollen.insert(0, _samen(self.standaard_initiator(), initiator if initiator is not GEEN else {}))
        for rol in alle_rollen:
            self._bewaar("rollen", {"zaak": zaak, "roltype": self.url("catalogi", f"roltypen/{uuid.uuid4()}"),
                                    "roltoelichting": rol.get("omschrijving", "betrokkene")} | rol)
        for zaakobject in zaakobjecten:
            self._bewaar("zaakobjecten", {"zaak": zaak, "objectType": "adres"} | zaakobject)
        for naam, waarde in (eigenschappen or {}).items():
            self._bewaar("zaakeigenschappen", {"zaak": zaak, "naam": naam, "waarde": str(waarde),
                                               "eigenschap": self.url("catalogi", f"eigenschappen/{uuid.uuid4()}")},
                         url=f"{zaak}/zaakeigenschappen/{uuid.uuid4()}")
        self.objecten["zaken"][zaak]["rollen"] = [r["url"] for r in self.objecten["rollen"].values() if r["zaak"] == zaak]
        self.objecten["zaken"][zaak]["zaakobjecten"] = [o["url"] for o in self.objecten["zaakobjecten"].values()
                                                       if o["zaak"] == zaak]
        self.objecten["zaken"][zaak]["eigenschappen"] = [e["url"] for e in self.objecten["zaakeigenschappen"].values()
                                                        if e["zaak"] == zaak]
        return zaak

    @staticmethod
    def standaard_initiator() -> dict:
        return {"betrokkeneType": "natuurlijk_persoon", "omschrijvingGeneriek": "initiator",
                "omschrijving": "Aanvrager", "roltoelichting": "Aanvrager van de vergunning",
                "betrokkeneIdentificatie": {
                    "inpBsn": "999993653", "voornamen": "Anna", "voorletters": "A.", "voorvoegselGeslachtsnaam": "de",
                    "geslachtsnaam": "Vries", "geslachtsaanduiding": "v",
                    "verblijfsadres": {"aoaIdentificatie": "0344200000123456", "wplWoonplaatsNaam": "Utrecht",
                                       "gorOpenbareRuimteNaam": "Oudegracht", "aoaPostcode": "3511 AB",
                                       "aoaHuisnummer": 12, "aoaHuisletter": "", "aoaHuisnummertoevoeging": ""}}}

    def aangemaakt(self, soort: str) -> list[dict]:
        """The objects of a collection that clients created (POST), in order."""
        return copy.deepcopy(self._aangemaakt[soort])

    def _bewaar(self, soort: str, gegevens: dict, *, url: str | None = None) -> str:
        api, schema = SOORTEN[soort]
        sleutel = str(uuid.uuid4())
        url = url or self.url(api, f"{soort}/{sleutel}")
        gegevens = {"url": url, "uuid": url.rstrip("/").rsplit("/", 1)[-1]} | gegevens
        self.objecten[soort][url] = vul_aan(spec(api)[1], {"$ref": f"#/components/schemas/{schema}"}, gegevens, self.url(api))
        return url

    # ---- the app -------------------------------------------------------------------------------------------------
    async def _app(self, scope, receive, send):
        if scope["type"] != "http":
            return
        lichaam = b""
        while True:
            bericht = await receive()
            lichaam += bericht.get("body", b"")
            if not bericht.get("more_body"):
                break
        status, kopjes, antwoord = self._behandel(scope, lichaam)
        await send({"type": "http.response.start", "status": status,
                    "headers": [(k.lower().encode(), v.encode()) for k, v in kopjes.items()]})
        await send({"type": "http.response.body", "body": antwoord})

    def _behandel(self, scope, lichaam: bytes):
        from openapi_core.testing import MockRequest, MockResponse
        methode, pad = scope["method"], scope["path"]
        kopjes = {k.decode("latin-1").title(): v.decode("latin-1") for k, v in scope["headers"]}
        query = parse_qsl(scope.get("query_string", b"").decode(), keep_blank_values=True)
        api = pad.strip("/").split("/", 1)[0]
        self.verzoeken.append({"methode": methode, "url": self.basis + pad, "query": dict(query), "kopjes": kopjes,
                               "claims": self._claims(kopjes)})
        if api not in APIS:
            return self._fout(api, 404, "not_found", "Niet gevonden.", pad, valideer=None)
        verzoek = MockRequest(self.basis, methode.lower(), pad, args=query, headers=kopjes, data=lichaam or None,
                              content_type=kopjes.get("Content-Type", "application/json").split(";")[0])
        try:
            spec(api)[0].validate_request(verzoek)
        except Exception as fout:       # noqa: BLE001 — every kind of violation is reported the same way
            self.schendingen.append(f"verzoek {methode} {pad}: {_uitleg(fout)}")
            return self._fout(api, 400, "invalid", "Het verzoek klopt niet met de specificatie.", pad, valideer=None)
        with self._slot:
            storing = self._storingen.pop(0) if self._storingen else None
        if storing and not storing[1]:
            return self._fout(api, storing[0], "storing", "Storing (testdubbel).", pad, valideer=None)
        if (claims_fout := self._controleer_jwt(kopjes)):
            return self._fout(api, 403, "not_authenticated", claims_fout, pad, valideer=verzoek)
        if api == "zaken" and methode == "GET" and _is_zaak_pad(pad) and "Accept-Crs" not in kopjes:
            # As Open Zaak: a zaak may carry a geometry, so reading one needs the CRS (lane Z4 saw 412 here)
            return self._fout(api, 412, "precondition_failed", "'Accept-Crs' header ontbreekt", pad, valideer=verzoek)
        status, antwoord = self._verwerk(api, methode, pad, dict(query), lichaam)
        if storing:
            return self._fout(api, storing[0], "storing", "Storing (testdubbel) na verwerking.", pad, valideer=None)
        soort = "application/problem+json" if status >= 400 else "application/json"     # as the specs declare
        kopjes_uit = {"Content-Type": soort, "API-version": spec(api)[1]["info"]["version"]}
        if api == "zaken" and status < 400:
            kopjes_uit["Content-Crs"] = "EPSG:4326"
        data = json.dumps(antwoord).encode()
        try:
            spec(api)[0].validate_response(verzoek, MockResponse(data, status, headers=kopjes_uit, content_type=soort))
        except Exception as fout:       # noqa: BLE001
            self.schendingen.append(f"antwoord {methode} {pad} ({status}): {_uitleg(fout)}")
        return status, kopjes_uit, data

    def _fout(self, api, status, code, detail, pad, *, valideer, parameters=None):
        titel = {400: "Bad Request", 403: "Forbidden", 404: "Not Found", 412: "Precondition Failed"}.get(status, "Fout")
        fout = {"type": f"https://testdubbel.invalid/fouten/{code}", "code": code, "title": titel, "status": status,
                "detail": detail, "instance": f"urn:uuid:{uuid.uuid4()}"}
        if parameters is not None:
            fout["invalidParams"] = [{"name": naam, "code": "invalid", "reason": reden} for naam, reden in parameters]
        data = json.dumps(fout).encode()
        kopjes = {"Content-Type": "application/problem+json"}
        if valideer is not None:
            from openapi_core.testing import MockResponse
            try:
                spec(api)[0].validate_response(valideer, MockResponse(data, status, headers=kopjes,
                                                                      content_type="application/problem+json"))
            except Exception as fout_:       # noqa: BLE001
                self.schendingen.append(f"foutantwoord {pad} ({status}): {_uitleg(fout_)}")
        return status, kopjes, data

    def _claims(self, kopjes: dict) -> dict | None:
        from joserfc import jwt
        from joserfc.jwk import OctKey
        waarde = kopjes.get("Authorization", "")
        if not waarde.startswith("Bearer "):
            return None
        try:
            import warnings
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return dict(jwt.decode(waarde[7:], OctKey.import_key(self.secret.encode()), algorithms=["HS256"]).claims)
        except Exception:       # noqa: BLE001 — a wrong signature is a refused request, not a crash
            return None

    def _controleer_jwt(self, kopjes: dict) -> str | None:
        claims = self._claims(kopjes)
        if claims is None:
            return "Geen geldig JWT (HS256, ondertekend met het secret van de client)."
        if claims.get("client_id") != self.client_id or claims.get("iss") != self.client_id:
            return f"Onbekende client_id {claims.get('client_id')!r}."
        if abs(time.time() - float(claims.get("iat", 0))) > 300:
            return "Het JWT is verlopen (iat)."
        return None

    def _verwerk(self, api, methode, pad, query, lichaam):
        delen = pad.strip("/").split("/")[3:]           # after <api>/api/v1
        soort = delen[0] if delen else ""
        if methode == "GET" and len(delen) == 3 and delen[0] == "zaken" and delen[2] == "zaakeigenschappen":
            zaak = self.url("zaken", f"zaken/{delen[1]}")
            return 200, [e for e in self.objecten["zaakeigenschappen"].values() if e["zaak"] == zaak]
        if soort not in SOORTEN or SOORTEN[soort][0] != api:
            return 404, _fout_inhoud(404, "not_found", "Niet gevonden.")
        if methode == "GET" and len(delen) == 2:
            gevonden = self.objecten[soort].get(self.url(api, f"{soort}/{delen[1]}"))
            return (200, gevonden) if gevonden else (404, _fout_inhoud(404, "not_found", "Niet gevonden."))
        if methode == "GET" and len(delen) == 1:
            return 200, self._lijst(api, soort, query)
        if methode == "POST" and len(delen) == 1:
            return self._maak(api, soort, json.loads(lichaam or b"{}"))
        return 405, _fout_inhoud(405, "method_not_allowed", "Niet toegestaan.")

    def _lijst(self, api, soort, query):
        pagina = int(query.pop("page", 1))
        query.pop("pageSize", None)
        query.pop("expand", None)
        status = query.pop("status", "definitief" if api == "catalogi" else None)
        items = [o for o in self.objecten[soort].values() if all(_past(o, k, v) for k, v in query.items())]
        if status == "definitief":
            items = [o for o in items if not o.get("concept")]
        elif status == "concept":
            items = [o for o in items if o.get("concept")]
        if not _gepagineerd(api, soort):
            return items
        begin = (pagina - 1) * self.paginagrootte
        volgende = begin + self.paginagrootte < len(items)
        rest = "&".join(f"{k}={v}" for k, v in query.items())

        def link(nummer):
            eigen = self.url(api, soort).replace(self.basis, self.adres_in_links or self.basis, 1)
            return f"{eigen}?{rest + '&' if rest else ''}page={nummer}"
        return {"count": len(items), "next": link(pagina + 1) if volgende else None,
                "previous": link(pagina - 1) if pagina > 1 else None,
                "results": items[begin:begin + self.paginagrootte]}

    def _maak(self, api, soort, gegevens):
        problemen = [(veld, f"de URL {gegevens[veld]} bestaat niet in dit register")
                     for veld, doel in VERWIJZINGEN.items()
                     if veld in gegevens and soort != doel and gegevens[veld] not in self.objecten[doel]]
        if soort in ("zaakinformatieobjecten", "besluitinformatieobjecten"):
            paar = "zaak" if soort == "zaakinformatieobjecten" else "besluit"
            if any(o[paar] == gegevens.get(paar) and o["informatieobject"] == gegevens.get("informatieobject")
                   for o in self.objecten[soort].values()):
                problemen.append(("nonFieldErrors", f"de combinatie {paar} en informatieobject bestaat al"))
        if soort == "enkelvoudiginformatieobjecten":
            if any(o["identificatie"] == gegevens.get("identificatie") and o["bronorganisatie"] ==
                   gegevens.get("bronorganisatie") for o in self.objecten[soort].values()):
                problemen.append(("identificatie", "deze identificatie bestaat al bij deze bronorganisatie"))
        if soort == "besluiten" and gegevens.get("identificatie"):       # unique per organisation, as in Open Zaak
            if any(o["identificatie"] == gegevens["identificatie"] and o["verantwoordelijkeOrganisatie"] ==
                   gegevens.get("verantwoordelijkeOrganisatie") for o in self.objecten[soort].values()):
                problemen.append(("identificatie", "deze identificatie bestaat al bij deze verantwoordelijke organisatie"))
        if problemen:
            return 400, _fout_inhoud(400, "invalid", "Ongeldige invoer.", problemen)
        sleutel = str(uuid.uuid4())
        url = self.url(api, f"{soort}/{sleutel}")
        if soort == "enkelvoudiginformatieobjecten":
            inhoud = base64.b64decode(gegevens.get("inhoud") or b"")
            self.inhoud[url] = inhoud
            gegevens = gegevens | {"inhoud": f"{url}/download?versie=1", "bestandsomvang": len(inhoud), "versie": 1,
                                   "locked": False, "beginRegistratie": _nu(), "bestandsdelen": []}
            gegevens.setdefault("identificatie", f"DOCUMENT-{sleutel[:8]}")
        if soort == "zaakinformatieobjecten":
            gegevens = gegevens | {"aardRelatieWeergave": "Hoort bij, omgekeerd: kent", "registratiedatum": _nu()}
        if soort == "besluiten":
            gegevens.setdefault("identificatie", f"BESLUIT-{sleutel[:8]}")
        self._bewaar(soort, gegevens, url=url)
        self._aangemaakt[soort].append(copy.deepcopy(self.objecten[soort][url]))
        return 201, self.objecten[soort][url]


def vul_aan(spec_: dict, schema: dict, gegevens=GEEN, basis: str = "http://testdubbel.invalid"):
    """`gegevens` completed with every property the schema requires (and that the caller left out) by a plain value
    of the right type, so each stored object is whole in the spec's eyes. Without `gegevens`: a value for the schema."""
    schema = _los_op(spec_, schema)
    if "allOf" in schema and "properties" not in schema:
        samen = {k: v for k, v in schema.items() if k != "allOf"}
        for deel in schema["allOf"]:
            deel = _los_op(spec_, deel)
            if "allOf" in deel:
                deel = _plat(spec_, deel)
            samen["properties"] = samen.get("properties", {}) | deel.get("properties", {})
            samen["required"] = samen.get("required", []) + deel.get("required", [])
            samen.update({k: v for k, v in deel.items() if k not in ("properties", "required", "description", "title")})
        if not samen.get("properties"):
            samen.pop("properties", None)
        schema = samen
    if "oneOf" in schema:
        keuze = schema["oneOf"][0]
        if isinstance(gegevens, dict) and (onderscheid := schema.get("discriminator")):
            keuze = {"$ref": onderscheid["mapping"].get(gegevens.get(onderscheid["propertyName"]), keuze.get("$ref"))}
        return vul_aan(spec_, keuze, gegevens, basis)
    if gegevens is not GEEN:
        if isinstance(gegevens, dict) and "properties" in schema:
            uit = dict(gegevens)
            for naam, sub in schema["properties"].items():
                if naam in uit and isinstance(uit[naam], dict):
                    uit[naam] = vul_aan(spec_, sub, uit[naam], basis)
            for naam in schema.get("required", []):
                if naam not in uit:
                    uit[naam] = vul_aan(spec_, schema["properties"].get(naam, {}), GEEN, basis)
            return uit
        return gegevens
    if schema.get("nullable"):
        return None
    if "enum" in schema:
        return schema["enum"][0]
    soort = schema.get("type", "object" if "properties" in schema else "string")
    if soort == "object":
        return vul_aan(spec_, schema, {}, basis) if "properties" in schema else {}
    if soort == "array":
        return []
    if soort == "boolean":
        return False
    if soort in ("integer", "number"):
        return schema.get("minimum", 0)
    formaat = schema.get("format")
    if formaat == "uri":
        return f"{basis}/voorbeeld/{uuid.uuid4()}"
    if formaat == "uuid":
        return str(uuid.uuid4())
    if formaat == "date":
        return "2026-01-01"
    if formaat == "date-time":
        return _nu()
    if formaat == "duration":
        return "P42D"
    return "x" * max(1, schema.get("minLength", 1))


def _plat(spec_, schema):
    samen = {"properties": {}, "required": []}
    for deel in schema.get("allOf", []):
        deel = _los_op(spec_, deel)
        deel = _plat(spec_, deel) if "allOf" in deel else deel
        samen["properties"] |= deel.get("properties", {})
        samen["required"] += deel.get("required", [])
    samen["properties"] |= schema.get("properties", {})
    return samen


def _los_op(spec_, schema):
    while "$ref" in schema:
        doel = spec_
        for deel in schema["$ref"].lstrip("#/").split("/"):
            doel = doel[deel]
        schema = doel | {k: v for k, v in schema.items() if k != "$ref"}
    return schema


@functools.lru_cache(maxsize=None)
def _gepagineerd(api: str, soort: str) -> bool:
    operatie = spec(api)[1]["paths"].get(f"/{soort}", {}).get("get", {})
    schema = operatie.get("responses", {}).get("200", {}).get("content", {}).get("application/json", {}).get("schema", {})
    return "Paginated" in schema.get("$ref", "")


def _is_zaak_pad(pad: str) -> bool:
    """/zaken/api/v1/zaken or /zaken/api/v1/zaken/{uuid}: the reads that return a zaak (with its zaakgeometrie)."""
    delen = pad.strip("/").split("/")[3:]
    return delen[:1] == ["zaken"] and len(delen) <= 2


def _past(object_: dict, filter_: str, waarde: str) -> bool:
    """A list filter as the registers apply it: equal to the attribute, or one of a list (zaaktype=X on
    informatieobjecttypen looks in `zaaktypen`). A filter the object has no attribute for is not applied."""
    for naam in (filter_, filter_ + "n"):
        if naam in object_:
            gevonden = object_[naam]
            return waarde in map(str, gevonden) if isinstance(gevonden, list) else str(gevonden) == waarde
    return True


def _fout_inhoud(status, code, detail, parameters=None):
    fout = {"type": f"https://testdubbel.invalid/fouten/{code}", "code": code,
            "title": {400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed"}.get(status, "Fout"),
            "status": status, "detail": detail, "instance": f"urn:uuid:{uuid.uuid4()}"}
    if parameters is not None:
        fout["invalidParams"] = [{"name": naam, "code": "invalid", "reason": reden} for naam, reden in parameters]
    return fout


def _samen(basis: dict, erbij: dict) -> dict:
    uit = dict(basis)
    for sleutel, waarde in erbij.items():
        uit[sleutel] = _samen(uit[sleutel], waarde) if isinstance(waarde, dict) and isinstance(uit.get(sleutel), dict) \
            else waarde
    return uit


def _uitleg(fout: Exception) -> str:
    delen = [f"{type(fout).__name__}: {fout}"]
    oorzaak = fout.__cause__ or fout.__context__
    while oorzaak is not None:
        delen.append(f"{type(oorzaak).__name__}: {oorzaak}")
        for schemafout in getattr(oorzaak, "schema_errors", ())[:5]:
            delen.append(f"  {'/'.join(map(str, schemafout.absolute_path))}: {schemafout.message}")
        oorzaak = oorzaak.__cause__
    return "\n".join(delen)


def _nu() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
