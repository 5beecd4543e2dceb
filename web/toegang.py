"""Who is at the keyboard of the web app: the signed session cookie of a person, the bearer token or service key of
another program, and the guard every route declares (`vereist(recht)`). What a right means comes from toegang
(content/rollen.yaml); this module only asks."""

from __future__ import annotations

import logging
import os
import secrets
import threading
import time
from pathlib import Path
from urllib.parse import quote

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import RedirectResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.requests import HTTPConnection

from generator.vullen.fouten import InvoerFout
from toegang.identiteit import LOKAAL, Identiteit
from toegang.rollen import rollen_met

log = logging.getLogger("sjabloonstraat.web")

SESSIE_COOKIE = "sjabloon_sessie"
MAX_DUUR = 8 * 3600                  # seconds a login lasts, however busy the person is
SLEUTEL_VOORVOEGSEL = "sjs_"         # a service key (toegang.sleutels); any other bearer is a token of the provider
MIN_GEHEIM = 32                      # characters of SJABLOON_SESSIEGEHEIM
NIET_AANGEMELD = ("Niet aangemeld: stuur een sleutel (Authorization: Bearer sjs_...) of een token van de identity "
                  "provider.")


class Aanmelden(Exception):
    """A page asked without a login: answered with a redirect to /aanmelden (see koppel)."""

    def __init__(self, volgende: str):
        self.volgende = volgende


# --- the session cookie ---------------------------------------------------------------------------------------------

class Sessie:
    """ASGI middleware: scope['session'] from the cookie `sjabloon_sessie`, signed with the app's secret and dated
    (itsdangerous); written back only when it changed. HttpOnly, SameSite=Lax, Secure when the request came over
    https (or SJABLOON_COOKIE_SECURE=1 behind a proxy that does not say so). A cookie that does not verify (changed,
    signed with another secret, older than MAX_DUUR) counts as no session at all. Starlette's own SessionMiddleware
    cannot set Secure per request."""

    def __init__(self, app, geheim: str):
        self.app = app
        self.serializer = URLSafeTimedSerializer(geheim, salt="sjabloon-sessie")

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        cookie = HTTPConnection(scope).cookies.get(SESSIE_COOKIE)
        sessie = {}
        if cookie:
            try:
                sessie = self.serializer.loads(cookie, max_age=MAX_DUUR)
            except BadSignature:                       # also SignatureExpired
                log.info("sessiecookie geweigerd (ongeldige handtekening of verlopen)")
            if not isinstance(sessie, dict):
                sessie = {}
        scope["session"] = sessie
        begin = dict(sessie)

        async def verstuur(bericht):
            if bericht["type"] == "http.response.start" and scope["session"] != begin:
                bericht.setdefault("headers", [])
                bericht["headers"] = list(bericht["headers"]) + [(b"set-cookie", self._cookie(scope).encode("latin-1"))]
            await send(bericht)

        await self.app(scope, receive, verstuur)

    def _cookie(self, scope) -> str:
        veilig = "; Secure" if scope.get("scheme") in ("https", "wss") or os.environ.get("SJABLOON_COOKIE_SECURE") == "1" \
            else ""
        if not scope["session"]:
            return f"{SESSIE_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax{veilig}"
        waarde = self.serializer.dumps(scope["session"])
        return f"{SESSIE_COOKIE}={waarde}; Path=/; Max-Age={MAX_DUUR}; HttpOnly; SameSite=Lax{veilig}"


def sessiegeheim() -> str:
    """SJABLOON_SESSIEGEHEIM (the same on every server behind one address), else a random secret kept in the file
    `sessiegeheim` beside the settings file (mode 0600), made on first use: sessions survive a restart."""
    if (waarde := os.environ.get("SJABLOON_SESSIEGEHEIM")) is not None:
        if len(waarde) < MIN_GEHEIM:
            raise InvoerFout(f"SJABLOON_SESSIEGEHEIM: te kort ({len(waarde)} tekens); gebruik minstens {MIN_GEHEIM} "
                             "willekeurige tekens, bijvoorbeeld uit: python3 -c 'import secrets; "
                             "print(secrets.token_urlsafe(48))'")
        return waarde
    from generator.plaatsen import instellingenbestand
    pad = Path(instellingenbestand().waarde).with_name("sessiegeheim")
    try:
        pad.parent.mkdir(parents=True, exist_ok=True)
        try:
            beschrijver = os.open(pad, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:                                  # made before, or by a server starting beside us
            for _ in range(50):
                if len(geheim := pad.read_text(encoding="ascii").strip()) >= MIN_GEHEIM:
                    return geheim
                time.sleep(0.02)
            raise InvoerFout(f"{pad}: het sessiegeheim is te kort; verwijder het bestand, dan wordt een nieuw gemaakt")
        with os.fdopen(beschrijver, "w", encoding="ascii") as bestand:
            geheim = secrets.token_urlsafe(48)
            bestand.write(geheim + "\n")
        return geheim
    except OSError as fout:
        raise InvoerFout(f"{pad}: het sessiegeheim kan niet worden gelezen of gemaakt ({fout.strerror}); "
                         "zet SJABLOON_SESSIEGEHEIM") from None


class Afgemeld:
    """Sessions that were logged out, until they would have expired anyway: a copy of the cookie taken before the
    logout opens nothing after it. In the memory of this server process (one `sjabloon web`)."""

    def __init__(self):
        self._tot: dict[str, float] = {}
        self._slot = threading.Lock()

    def voeg_toe(self, sessie_id: str) -> None:
        with self._slot:
            nu = time.time()
            self._tot = {s: t for s, t in self._tot.items() if t > nu}
            self._tot[sessie_id] = nu + MAX_DUUR

    def bevat(self, sessie_id: str) -> bool:
        with self._slot:
            return self._tot.get(sessie_id, 0) > time.time()


def koppel(app: FastAPI) -> None:
    """The session layer and the redirect to the login page. Call after the app's other middleware, so the session
    is there for all of it."""
    app.add_middleware(Sessie, geheim=sessiegeheim())
    app.state.afgemeld = Afgemeld()

    @app.exception_handler(Aanmelden)
    async def naar_aanmelden(request: Request, uitzondering: Aanmelden):
        return RedirectResponse(f"/aanmelden?volgende={quote(uitzondering.volgende, safe='/')}", status_code=303)


# --- who is asking --------------------------------------------------------------------------------------------------

def meld_aan(request: Request, identiteit: Identiteit) -> None:
    """Start a session for this identity: a new session (nothing of before is kept) and a new CSRF token."""
    from web.veiligheid import nieuw_csrf_token
    request.session.clear()
    request.session["identiteit"] = {"subject": identiteit.subject, "naam": identiteit.naam,
                                     "rollen": sorted(identiteit.rollen), "bron": identiteit.bron, "sinds": time.time(),
                                     "id": secrets.token_urlsafe(16)}
    request.state.csrf, request.state.csrf_vernieuwd = nieuw_csrf_token(), True
    request.state.identiteit = identiteit
    log.info("aangemeld: %s (%s)", identiteit.subject, identiteit.bron)


def meld_af(request: Request) -> None:
    """End the session: the cookie is emptied and a new CSRF token is set."""
    from web.veiligheid import nieuw_csrf_token
    if isinstance(gegevens := request.session.get("identiteit"), dict):
        if gegevens.get("id"):
            request.app.state.afgemeld.voeg_toe(str(gegevens["id"]))
        log.info("afgemeld: %s", gegevens.get("subject"))
    request.session.clear()
    request.state.csrf, request.state.csrf_vernieuwd = nieuw_csrf_token(), True
    request.state.identiteit = None


def huidige_identiteit(request: Request) -> Identiteit | None:
    """The identity of this request: from `Authorization: Bearer` when the request has one (a service key, or a token
    of the OpenID provider when app.state.tokencontrole is set), else from the session. None when there is none or it
    does not hold (a wrong key, an expired login, an account that was disabled)."""
    kop = request.headers.get("authorization")
    if kop is not None:
        soort, _, token = kop.partition(" ")
        token = token.strip()
        return _van_token(request, token) if soort.lower() == "bearer" and token else None
    if "session" not in request.scope:
        return None
    return _van_sessie(request)


def _van_token(request: Request, token: str) -> Identiteit | None:
    if token.startswith(SLEUTEL_VOORVOEGSEL):
        from toegang.sleutels import Sleutels
        identiteit = Sleutels(request.app.state.register).controleer(token)
        if identiteit is None:
            log.info("sleutel geweigerd")
        return identiteit
    controle = getattr(request.app.state, "tokencontrole", None)
    if controle is None:
        return None
    try:
        return controle.controleer(token)
    except Exception as fout:         # toegang.oidc.TokenFout: a bad signature, issuer, audience or an expired token
        log.info("token geweigerd: %s", fout)
        return None


def _van_sessie(request: Request) -> Identiteit | None:
    gegevens = request.session.get("identiteit")
    if not isinstance(gegevens, dict):
        return None
    try:
        identiteit = Identiteit(str(gegevens["subject"]), str(gegevens["naam"]), frozenset(gegevens["rollen"]),
                                str(gegevens["bron"]))
        sinds, sessie_id = float(gegevens["sinds"]), str(gegevens["id"])
    except (KeyError, TypeError, ValueError):
        return None
    if not 0 <= time.time() - sinds < MAX_DUUR or request.app.state.afgemeld.bevat(sessie_id):
        return None
    if identiteit.bron == LOKAAL:          # an account may have been disabled, or given other roles, since the login
        from toegang.gebruikers import Gebruikers
        nu = Gebruikers(request.app.state.register).identiteit(identiteit.subject.removeprefix(f"{LOKAAL}:"))
        return nu if nu is not None and nu.is_zelfde(identiteit) else None
    return identiteit


# --- the guard ------------------------------------------------------------------------------------------------------

# Only so the OpenAPI document (and the Authorize button of /docs) says how the API is called; huidige_identiteit
# reads the header itself, also for pages.
BEARER = HTTPBearer(auto_error=False, scheme_name="sleutel_of_token",
                    description="Een sleutel (`sjabloon sleutel maak`, begint met sjs_) of een token van de identity "
                                "provider van de gemeente")


class Vereist:
    """A route's guard (FastAPI dependency): the identity of the request, which must have one of `rechten`; with
    none any logged-in identity will do. No identity: 401 under /api/, else a redirect to the login page. An identity
    without the right: 403 naming the right and the roles that give it."""

    def __init__(self, *rechten: str | None):
        self.rechten = tuple(r for r in rechten if r is not None)

    def __call__(self, request: Request, _: HTTPAuthorizationCredentials | None = Depends(BEARER)) -> Identiteit:
        identiteit = huidige_identiteit(request)
        if identiteit is None:
            if is_api(request):
                raise HTTPException(401, NIET_AANGEMELD, headers={"WWW-Authenticate": "Bearer"})
            raise Aanmelden(request.url.path + (f"?{request.url.query}" if request.url.query else ""))
        request.state.identiteit = identiteit
        if self.rechten and not any(identiteit.mag(recht) for recht in self.rechten):
            melding = weigering(self.rechten, identiteit)
            log.info("geweigerd: %s mist recht %s voor %s", identiteit.subject, "/".join(self.rechten),
                     request.url.path)
            if is_api(request):
                raise HTTPException(403, {"melding": melding, "rechten": list(self.rechten),
                                          "rollen_met_recht": _rollen_met(self.rechten)})
            raise HTTPException(403, melding)
        return identiteit

    def __repr__(self) -> str:
        return f"vereist({', '.join(map(repr, self.rechten))})"


def vereist(*rechten: str | None) -> Vereist:
    """The guard for a route: `Depends(vereist("genereren"))`; with more rights, any one of them is enough (a page
    for both reviewers); `vereist(AANGEMELD)`: any logged-in identity."""
    return Vereist(*rechten)


AANGEMELD = None           # vereist(AANGEMELD): any identity, no particular right (the start page, /docs)


def _rollen_met(rechten) -> list[str]:
    return list(dict.fromkeys(rol for recht in rechten for rol in rollen_met(recht)))


def weigering(rechten: tuple[str, ...], identiteit: Identiteit) -> str:
    """'U mag dit niet ...' in Dutch, with the right, the roles that give it and the roles the identity has."""
    rollen = _rollen_met(rechten)
    welk = " of ".join(f"'{r}'" for r in rechten)
    geven = (f"dat recht hoort bij de rol {' of '.join(rollen)}" if rollen else
             "geen rol geeft dat recht (content/rollen.yaml)")
    heeft = ", ".join(sorted(identiteit.rollen)) or "geen"
    return f"U mag dit niet: hiervoor is het recht {welk} nodig; {geven}. Uw rollen: {heeft}."


def is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def veilige_volgende(volgende: str | None) -> str:
    """Where to go after the login: a path on this site only (never '//elders' or 'https://elders')."""
    volgende = (volgende or "").strip()
    if not volgende.startswith("/") or volgende.startswith(("//", "/\\")) or any(t in volgende for t in "\r\n\\"):
        return "/"
    return volgende
