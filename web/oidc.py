"""Logging in with the municipality's own identity provider (OpenID Connect): the authorization code flow with PKCE
(S256), state and nonce, by Authlib. /aanmelden/oidc sends the browser to the provider, /aanmelden/terug takes the
answer, checks the ID token (signature, iss, aud, exp, nonce) and starts the session (web.toegang.meld_aan).
Only when SJABLOON_OIDC_ISSUER is set; then the API also takes the provider's bearer tokens (toegang.oidc)."""

from __future__ import annotations

import logging
from urllib.parse import urlencode, urlsplit

import httpx2
from authlib.integrations.starlette_client import OAuth, OAuthError
from fastapi import APIRouter, FastAPI, HTTPException, Request
from fastapi.responses import RedirectResponse
from joserfc.errors import JoseError

from toegang.identiteit import Identiteit
from toegang.oidc import Instellingen, ProviderOnbereikbaar, Rollenkoppeling, TokenControle, TokenFout, ontdek
from web.toegang import huidige_identiteit, meld_aan, veilige_volgende

router = APIRouter(include_in_schema=False)
log = logging.getLogger("sjabloonstraat.web")

SCOPE = "openid profile"
VOLGENDE = "oidc_volgende"          # where to go after the login, kept in the session during the round trip
ONBEREIKBAAR = ("De identity provider van de gemeente ({adres}) is nu niet bereikbaar, dus aanmelden via OpenID lukt "
                "even niet. Probeer het over een paar minuten opnieuw. Blijft dit zo, meld het dan aan de beheerder "
                "of de servicedesk.")


class Oidc:
    """The configured provider: its Authlib client, its settings and the roles mapping (app.state.oidc)."""

    def __init__(self, instellingen: Instellingen, koppeling: Rollenkoppeling, naam: str | None = None):
        self.instellingen, self.koppeling, self.naam = instellingen, koppeling, naam
        instelling = {"scope": SCOPE, "code_challenge_method": "S256", "timeout": 10}
        if not instellingen.client_secret:            # a public client: PKCE alone proves the code is ours
            instelling["token_endpoint_auth_method"] = "none"
        self.oauth = OAuth()
        self.client = self.oauth.register(
            "gemeente", client_id=instellingen.client_id, client_secret=instellingen.client_secret,
            server_metadata_url=f"{instellingen.issuer}/.well-known/openid-configuration", client_kwargs=instelling)

    @property
    def issuer(self) -> str:
        return self.instellingen.issuer

    async def metadata(self) -> dict:
        """The discovery document (once; Authlib keeps it); its issuer must be the configured one."""
        try:
            metadata = await self.client.load_server_metadata()
        except (httpx2.HTTPError, ValueError):
            self.client.server_metadata.clear()
            raise HTTPException(503, ONBEREIKBAAR.format(adres=self.issuer)) from None
        if str(metadata.get("issuer", "")).rstrip("/") != self.issuer:
            self.client.server_metadata.clear()
            log.error("OpenID: het discoverydocument noemt een andere issuer dan SJABLOON_OIDC_ISSUER")
            raise HTTPException(503, ONBEREIKBAAR.format(adres=self.issuer))
        return metadata

    def afmeld_adres(self, request: Request) -> str | None:
        """Where /afmelden sends the browser (asked before the session is emptied): for a login that came from this
        provider, its end_session_endpoint (RP-initiated logout) and back to our login page; None for a local account,
        or when the provider has no such endpoint or does not answer (the local session ends either way)."""
        wie = huidige_identiteit(request)
        if wie is None or wie.bron != self.issuer:
            return None
        metadata = self.client.server_metadata
        if "end_session_endpoint" not in metadata:       # not fetched since a restart: one short look
            try:
                metadata = ontdek(self.issuer)
            except ProviderOnbereikbaar:
                return None
        if not (eind := metadata.get("end_session_endpoint")):
            return None
        terug = str(request.url_for("aanmelden_pagina").include_query_params(afgemeld=1))
        scheiding = "&" if "?" in eind else "?"
        return eind + scheiding + urlencode({"client_id": self.instellingen.client_id,
                                              "post_logout_redirect_uri": terug})


@router.get("/aanmelden/oidc")
async def oidc_start(request: Request, volgende: str = "/"):
    """To the provider: state, nonce and the PKCE verifier stay in the (signed) session until the answer comes."""
    oidc = _oidc(request)
    await oidc.metadata()
    request.session[VOLGENDE] = veilige_volgende(volgende)
    try:
        return await oidc.client.authorize_redirect(request, str(request.url_for("oidc_terug")))
    except httpx2.HTTPError:
        raise HTTPException(503, ONBEREIKBAAR.format(adres=oidc.issuer)) from None


@router.get("/aanmelden/terug", name="oidc_terug")
async def oidc_terug(request: Request):
    """The provider's answer: exchange the code (with the PKCE verifier), check the ID token, start the session."""
    oidc = _oidc(request)
    await oidc.metadata()
    try:
        token = await oidc.client.authorize_access_token(request)
    except httpx2.HTTPError:
        raise HTTPException(503, ONBEREIKBAAR.format(adres=oidc.issuer)) from None
    except (OAuthError, JoseError, ValueError) as fout:
        log.warning("OpenID: aanmelden mislukt (%s)", getattr(fout, "error", None) or type(fout).__name__)
        raise HTTPException(400, "Aanmelden via de identity provider is niet gelukt: het antwoord van de provider "
                                 "hoort niet bij deze aanmelding of is verlopen. Begin opnieuw op de aanmeldpagina.")
    claims = token.get("userinfo")
    if not claims:                       # no ID token, so nothing was checked about who this is
        log.warning("OpenID: de provider gaf geen ID-token")
        raise HTTPException(400, "Aanmelden via de identity provider is niet gelukt: de provider gaf geen ID-token.")
    try:
        identiteit = oidc.koppeling.identiteit(dict(claims), oidc.issuer)
    except TokenFout as fout:
        raise HTTPException(400, f"Aanmelden via de identity provider is niet gelukt: {fout}.") from None
    if not identiteit.rollen:
        log.info("OpenID: %s heeft geen rol in Sjabloonstraat", identiteit.subject)
        raise HTTPException(403, _zonder_rol(identiteit))
    volgende = veilige_volgende(request.session.get(VOLGENDE))
    meld_aan(request, identiteit)
    return RedirectResponse(volgende, status_code=303)


def _zonder_rol(identiteit: Identiteit) -> str:
    return (f"U bent bij de identity provider bekend als {identiteit.naam}, maar u heeft geen rol in Sjabloonstraat. "
            "Vraag de beheerder om u in de groep te zetten die bij uw rol hoort (zie content/oidc-rollen.yaml).")


def _oidc(request: Request) -> Oidc:
    oidc = getattr(request.app.state, "oidc", None)
    if oidc is None:
        raise HTTPException(404, "Aanmelden via OpenID is op deze server niet ingesteld.")
    return oidc


def koppel(app: FastAPI) -> None:
    """When SJABLOON_OIDC_ISSUER is set: the login routes, app.state.oidc (the login page shows the button) and
    app.state.tokencontrole (the API takes the provider's bearer tokens). Wrong settings stop the start (OidcFout)."""
    instellingen = Instellingen.uit_omgeving()
    app.include_router(router)
    if instellingen is None:
        return
    koppeling = Rollenkoppeling.laad(instellingen.rollen_pad)
    app.state.oidc = Oidc(instellingen, koppeling)
    app.state.tokencontrole = TokenControle(instellingen, koppeling)
    bron = "{0.scheme}://{0.netloc}".format(urlsplit(instellingen.issuer))

    @app.middleware("http")
    async def formulier_naar_provider(request: Request, call_next):
        """The login button and the logout form lead (via a redirect) to the provider: CSP form-action allows it."""
        antwoord = await call_next(request)
        csp = antwoord.headers.get("content-security-policy")
        if csp and "form-action 'self'" in csp:
            antwoord.headers["content-security-policy"] = csp.replace("form-action 'self'",
                                                                      f"form-action 'self' {bron}")
        return antwoord
