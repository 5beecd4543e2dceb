"""The FastAPI app: pages for caseworkers, KCC and werkgroep, and the JSON API under /api/, over the same engine
and the same register as the command line."""

from __future__ import annotations

import logging
import time
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles

from generator.plaatsen.leesgrenzen import activeer_leesgrenzen
from generator.vrijgave.register import Register, database_url
from generator.vullen.context import activeer_gemeente
from web import aanmelden, api, apidocs, fouten, kcc, oidc, toegang, werkgroep, zaakbehandelaar
from web.bewaar import Bewaarplaats
from web.veiligheid import CSRF_COOKIE, KOPTEKSTEN, BeperkGrootte, nieuw_csrf_token

log = logging.getLogger("sjabloonstraat.web")


def maak_app(gemeente_pad: Path | None = None, werkers: int = 0, draden: int | None = None) -> FastAPI:
    """`werkers`: worker processes for the Awb and B1 checks (checks.werkers.pool); 0 checks in the server's own
    threads, one parse at a time. Documents are read here, within the limits, before a worker sees them.
    `draden`: requests worked on at once (the rest wait their turn); each rendered document holds some megabytes, so
    this bounds the server's memory under load. None keeps the framework's 40."""
    activeer_leesgrenzen()                  # every upload is read within the configured limits
    gemeente = activeer_gemeente(gemeente_pad)

    @asynccontextmanager
    async def levensloop(app: FastAPI):
        if draden:
            anyio.to_thread.current_default_thread_limiter().total_tokens = draden
        with Register(database_url(gemeente)) as register, _controlewerkers(werkers):
            app.state.register = register
            yield

    app = FastAPI(title="Sjabloonstraat", version="1", lifespan=levensloop, docs_url=None, redoc_url=None,
                  openapi_url=None,                   # served by apidocs, behind a login
                  description="Beschikkingen en brieven maken uit zaakgegevens, en ze controleren op de Awb en op "
                              "taalniveau B1. De pagina's zijn voor mensen; /api/ is voor andere programma's, met "
                              "`Authorization: Bearer` en een sleutel (sjabloon sleutel maak) of een token van de "
                              "identity provider.")
    app.state.gemeente, app.state.gemeente_pad = gemeente, gemeente_pad
    app.state.bewaar = Bewaarplaats()
    app.state.cache = {}
    app.state.pogingen = aanmelden.Pogingen()
    app.state.tokencontrole = None          # web/oidc.py sets these when an OpenID provider is configured
    app.state.oidc = None
    apidocs.koppel(app)                      # /docs from this machine; before /statisch, which holds its files
    app.mount("/statisch", StaticFiles(directory=Path(__file__).with_name("statisch")), name="statisch")
    for module in (aanmelden, zaakbehandelaar, kcc, werkgroep, api):
        app.include_router(module.router)

    @app.get("/gezondheid", include_in_schema=False)
    def gezondheid():
        """Open, for a load balancer or monitor: the app answers (nothing about its data)."""
        return {"status": "ok"}

    @app.middleware("http")
    async def beveilig_en_log(request: Request, call_next):
        begin = time.perf_counter()
        request.state.csrf = request.cookies.get(CSRF_COOKIE) or nieuw_csrf_token()
        antwoord = await call_next(request)
        if CSRF_COOKIE not in request.cookies or getattr(request.state, "csrf_vernieuwd", False):
            antwoord.set_cookie(CSRF_COOKIE, request.state.csrf, httponly=True, samesite="strict")
        for naam, waarde in KOPTEKSTEN.items():
            antwoord.headers.setdefault(naam, waarde)
        antwoord.headers.setdefault("Cache-Control", "no-store")
        # Only method, path and status: no query string, form or file, so no BSN or name can reach the log.
        log.info("%s %s %s %.0f ms", request.method, request.url.path, antwoord.status_code,
                 (time.perf_counter() - begin) * 1000)
        return antwoord

    fouten.voeg_toe(app)                   # Dutch pages and API bodies for 404, 405, 422, 500 ...

    oidc.koppel(app)                           # the municipality's OpenID provider, when SJABLOON_OIDC_ISSUER is set
    toegang.koppel(app)                        # the session, around the above: every layer sees who is asking
    app.add_middleware(BeperkGrootte)          # added last: the outermost layer, before anything reads the body
    return app


@contextmanager
def _controlewerkers(aantal: int):
    if aantal <= 0:
        yield
        return
    from checks import werkers
    from checks.werkers.pool import Werkers
    pool = Werkers(aantal)
    pool.warm()
    werkers.gebruik(pool)
    try:
        yield
    finally:
        werkers.gebruik(None)
        pool.stop()
