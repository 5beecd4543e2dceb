"""The municipality's own identity provider, via OpenID Connect (Entra ID, ADFS, Keycloak): its settings, its
discovery document, which of its groups or app roles give which role here (content/oidc-rollen.yaml), and the check
of a bearer token an API caller sends. The browser login itself is in web/oidc.py."""

from __future__ import annotations

import base64
import json
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import httpx2
import yaml
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from checks.content import content_dir
from generator.vullen.fouten import InvoerFout
from toegang.identiteit import Identiteit
from toegang.rollen import RolFout, controleer_rollen

ISSUER = "SJABLOON_OIDC_ISSUER"
CLIENT_ID = "SJABLOON_OIDC_CLIENT_ID"
CLIENT_SECRET = "SJABLOON_OIDC_CLIENT_SECRET"
ROLLEN = "SJABLOON_OIDC_ROLLEN"
AUDIENCE = "SJABLOON_OIDC_AUDIENCE"
# Only signatures with a public key: never 'none', never an HMAC whose 'secret' would be the provider's public key.
ALGORITMEN = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"]
WACHTTIJD = 10          # seconds for one request to the provider
BEWAARTIJD = 3600       # seconds the provider's keys are kept before they are fetched again
SLEUTELS_OPNIEUW = 60   # at most once a minute the keys again, when a token names a key we do not know (rotation)
WACHT_NA_FOUT = 10      # seconds before the provider is asked again after it did not answer
SPELING = 60            # seconds of clock difference with the provider that exp/nbf/iat tolerate


class OidcFout(InvoerFout):
    """The OpenID settings or the roles mapping are wrong; the message names the variable or the field."""


class ProviderOnbereikbaar(Exception):
    """The provider did not answer (or not with its discovery document or keys)."""


class TokenFout(Exception):
    """A bearer token that is refused: bad signature, expired, for another audience or issuer, unsafe algorithm.
    The message is Dutch and safe to show to the caller (401)."""


@dataclass(frozen=True)
class Instellingen:
    issuer: str
    client_id: str
    client_secret: str | None
    rollen_pad: Path
    audience: str                  # the aud an access token for this API carries (Entra ID: the client id too)

    @classmethod
    def uit_omgeving(cls, omgeving=None) -> Instellingen | None:
        """The settings from the SJABLOON_OIDC_* variables; None when no issuer is set (local accounts only)."""
        omgeving = os.environ if omgeving is None else omgeving
        issuer = omgeving.get(ISSUER, "").strip().rstrip("/")
        if not issuer:
            return None
        if not issuer.startswith(("https://", "http://127.0.0.1", "http://localhost")):
            raise OidcFout(f"{ISSUER} moet een https-adres zijn (nu '{issuer}'); alleen op deze machine mag http")
        client_id = omgeving.get(CLIENT_ID, "").strip()
        if not client_id:
            raise OidcFout(f"{CLIENT_ID} ontbreekt: de client-id die de identity provider aan Sjabloonstraat gaf")
        pad = Path(omgeving.get(ROLLEN) or content_dir() / "oidc-rollen.yaml")
        return cls(issuer, client_id, omgeving.get(CLIENT_SECRET) or None, pad,
                   omgeving.get(AUDIENCE, "").strip() or client_id)


@dataclass(frozen=True)
class Rollenkoppeling:
    """Which claim values (groups, app roles) give which roles; the file is data the municipality maintains."""
    claims: tuple[str, ...]        # claim names, a dot for nesting (Keycloak: realm_access.roles)
    koppeling: dict[str, frozenset[str]]
    subject: str = "sub"           # the claim that identifies a person for good (Entra ID: oid)

    @classmethod
    def laad(cls, pad: Path) -> Rollenkoppeling:
        try:
            gegevens = yaml.safe_load(Path(pad).read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as fout:
            raise OidcFout(f"{pad}: is niet te lezen ({fout})") from None
        claims = gegevens.get("claims")
        if not isinstance(claims, list) or not all(isinstance(c, str) and c for c in claims):
            raise OidcFout(f"{pad}: veld 'claims' moet een lijst van claimnamen zijn, bijvoorbeeld [roles, groups]")
        koppeling = gegevens.get("koppeling")
        if not isinstance(koppeling, dict):
            raise OidcFout(f"{pad}: veld 'koppeling' moet per groep of app-rol de rollen geven")
        rollen = {}
        for waarde, namen in koppeling.items():
            namen = [namen] if isinstance(namen, str) else namen
            try:
                rollen[str(waarde)] = frozenset(controleer_rollen(namen or []))
            except (RolFout, TypeError) as fout:
                raise OidcFout(f"{pad}: koppeling '{waarde}': {fout}") from None
        return cls(tuple(claims), rollen, str(gegevens.get("subject") or "sub"))

    def rollen(self, claims: dict) -> frozenset[str]:
        """The roles the claims of a token give; values no one mapped give nothing."""
        gevonden = set()
        for naam in self.claims:
            waarde = claims
            for deel in naam.split("."):
                waarde = waarde.get(deel) if isinstance(waarde, dict) else None
            waarden = [waarde] if isinstance(waarde, str) else waarde if isinstance(waarde, list) else []
            for w in waarden:
                gevonden |= self.koppeling.get(str(w), frozenset())
        return frozenset(gevonden)

    def identiteit(self, claims: dict, issuer: str) -> Identiteit:
        """The person the claims (of an ID token or access token) describe; bron is the issuer."""
        subject = claims.get(self.subject) or claims.get("sub")
        if not isinstance(subject, str) or not subject:
            raise TokenFout(f"het token mist de claim '{self.subject}' die de persoon aanwijst")
        naam = claims.get("name") or claims.get("preferred_username") or subject
        return Identiteit(subject, str(naam), self.rollen(claims), issuer)


def haal_json(adres: str) -> dict:
    """A JSON document from the provider, or ProviderOnbereikbaar naming the address."""
    try:
        antwoord = httpx2.get(adres, timeout=WACHTTIJD, follow_redirects=False)
        antwoord.raise_for_status()
        return antwoord.json()
    except (httpx2.HTTPError, ValueError) as fout:
        raise ProviderOnbereikbaar(f"de identity provider antwoordt niet op {adres} ({type(fout).__name__})") from None


def ontdek(issuer: str) -> dict:
    """The provider's discovery document; its issuer must be exactly the configured one (no mix-up of providers)."""
    document = haal_json(f"{issuer}/.well-known/openid-configuration")
    if str(document.get("issuer", "")).rstrip("/") != issuer or "jwks_uri" not in document:
        raise ProviderOnbereikbaar(f"{issuer} gaf een discoverydocument van een andere issuer of zonder jwks_uri")
    return document


class TokenControle:
    """Checks a bearer token (a JWT access token of the provider) and says whose it is.

    The signature must verify against the provider's published keys (fetched from its jwks_uri, again when a token
    names an unknown key), and iss, aud, exp must match; 'none' and HMAC algorithms are never accepted."""

    def __init__(self, instellingen: Instellingen, koppeling: Rollenkoppeling | None = None):
        self.instellingen = instellingen
        self.koppeling = koppeling or Rollenkoppeling.laad(instellingen.rollen_pad)
        self._sleutels: KeySet | None = None
        self._gehaald = self._mislukt = -WACHT_NA_FOUT
        self._slot = threading.Lock()

    def _haal_sleutels(self, opnieuw: bool = False) -> KeySet:
        """The provider's keys: kept for BEWAARTIJD, again sooner when a token names an unknown key. When the
        provider does not answer, the keys we have stay in use, and it is not asked again within WACHT_NA_FOUT (so
        a provider that is down does not make every API call wait for it)."""
        with self._slot:
            nu = time.monotonic()
            oud = nu - self._gehaald
            nodig = self._sleutels is None or oud > BEWAARTIJD or (opnieuw and oud > SLEUTELS_OPNIEUW)
            if nodig and nu - self._mislukt > WACHT_NA_FOUT:
                try:
                    document = ontdek(self.instellingen.issuer)
                    try:
                        self._sleutels = KeySet.import_key_set(haal_json(document["jwks_uri"]))
                    except (JoseError, ValueError, TypeError, KeyError) as fout:
                        raise ProviderOnbereikbaar(f"de sleutels van de identity provider zijn niet te lezen "
                                                   f"({type(fout).__name__})") from None
                    self._gehaald = nu
                except ProviderOnbereikbaar:
                    self._mislukt = nu
                    if self._sleutels is None:
                        raise
            if self._sleutels is None:
                raise ProviderOnbereikbaar(f"de sleutels van {self.instellingen.issuer} zijn nog niet opgehaald: de "
                                           f"identity provider antwoordde net niet")
            return self._sleutels

    def controleer(self, token: str) -> Identiteit:
        kop = _kop(token)
        if kop is None:
            raise TokenFout("het token is geen JWT")
        if kop.get("alg") not in ALGORITMEN:
            raise TokenFout(f"het token gebruikt algoritme '{kop.get('alg')}'; alleen ondertekening met een "
                            f"publieke sleutel wordt aanvaard")
        sleutels = self._haal_sleutels()
        if kop.get("kid") and not any(k.kid == kop["kid"] for k in sleutels.keys):
            sleutels = self._haal_sleutels(opnieuw=True)     # perhaps the provider rotated its keys
        try:
            gelezen = jwt.decode(token, sleutels, algorithms=ALGORITMEN)
        except (JoseError, ValueError) as fout:
            raise TokenFout(f"de handtekening van het token klopt niet met de sleutels van de identity provider "
                            f"({type(fout).__name__})") from None
        claims = gelezen.claims
        regels = jwt.JWTClaimsRegistry(leeway=SPELING, iss={"essential": True, "value": self.instellingen.issuer},
                                       aud={"essential": True, "value": self.instellingen.audience},
                                       exp={"essential": True})
        try:
            regels.validate(claims)
        except JoseError as fout:
            raise TokenFout(_uitleg(fout, claims, self.instellingen)) from None
        if "nonce" in claims:                # an ID token (of a browser login) is no key to the API
            raise TokenFout("dit is een ID-token; stuur het toegangstoken (access token) van de identity provider")
        return self.koppeling.identiteit(claims, self.instellingen.issuer)


def _kop(token: str) -> dict | None:
    """The JOSE header of a compact JWT, read before any check (to refuse 'none' and HMAC by name)."""
    delen = token.split(".")
    if len(delen) != 3:
        return None
    try:
        kop = json.loads(base64.urlsafe_b64decode(delen[0] + "=" * (-len(delen[0]) % 4)))
    except (ValueError, UnicodeError):
        return None
    return kop if isinstance(kop, dict) else None


def _uitleg(fout: JoseError, claims: dict, instellingen: Instellingen) -> str:
    """A Dutch reason for a refused claim, naming it."""
    naam = getattr(fout, "claim", None) or ""
    if fout.error == "expired_token":
        return "het token is verlopen (exp); vraag een nieuw token aan bij de identity provider"
    if naam == "aud":
        return f"het token is niet voor deze toepassing bedoeld (aud moet '{instellingen.audience}' zijn)"
    if naam == "iss":
        return f"het token komt van een andere identity provider (iss '{claims.get('iss')}')"
    if fout.error == "missing_claim":
        return f"het token mist de claim '{naam}'"
    return f"het token wordt geweigerd ({fout.error} {naam})".strip()
