"""The API documentation page /docs, served whole from this machine. FastAPI's own page loads Swagger UI from a CDN,
which the Content-Security-Policy blocks (and many municipal desktops have no internet), and starts it with an
inline script, which the policy blocks too. Here Swagger UI's files come from the fastapi-offline package, and the
page (web/paginas/api_documentatie.html) starts it with a script file of this site (statisch/api_documentatie.js)."""

from __future__ import annotations

from importlib.resources import files

from fastapi import Depends, FastAPI, Request
from fastapi.staticfiles import StaticFiles

from web.api import BESCHRIJVINGEN
from web.toegang import AANGEMELD, vereist
from web.weergave import toon

SWAGGER_UI = "/statisch/swagger-ui"      # swagger-ui-bundle.js and swagger-ui.css, as fastapi-offline ships them
OPENAPI = "/openapi.json"


def koppel(app: FastAPI) -> None:
    """Serve /docs and Swagger UI's files. Call before mounting /statisch, which would otherwise take their URLs.
    FastAPI's own pages must be off (docs_url=None, redoc_url=None): ReDoc cannot run under this policy at all, as
    it writes its styles inline. The OpenAPI document is served here too (openapi_url=None in the app), behind a
    login like every route but health, static files and the login pages."""
    app.mount(SWAGGER_UI, StaticFiles(directory=str(files("fastapi_offline") / "static")), name="swagger-ui")

    @app.get("/docs", include_in_schema=False, dependencies=[Depends(vereist(AANGEMELD))])
    async def api_documentatie(request: Request):
        return toon(request, "api_documentatie.html", {"swagger_ui": SWAGGER_UI, "openapi": OPENAPI})

    @app.get(OPENAPI, include_in_schema=False, dependencies=[Depends(vereist(AANGEMELD))])
    async def openapi_document():
        return app.openapi()

    van_fastapi = app.openapi

    def openapi() -> dict:
        if app.openapi_schema is None:
            _zonder_engels(van_fastapi())             # FastAPI keeps the document it made; changed here once
        return app.openapi_schema

    app.openapi = openapi


def _zonder_engels(document: dict) -> None:
    """What FastAPI puts in the OpenAPI document of its own accord, made to fit this API (in Dutch): a 422 'Validation
    Error' in its own shape (HTTPValidationError) for every operation with a parameter. The API answers a 422 only
    where it describes one itself, as {"detail": [...]} (web.fouten), so FastAPI's is left out. A title such as
    'Response Sjablonen Api Sjablonen Get' for an answer that is a list goes too (/docs shows the list's items).
    The checks' own dataclasses get a Dutch description instead of their docstring."""
    for pad in document.get("paths", {}).values():
        for bewerking in pad.values():
            antwoorden = bewerking.get("responses", {})
            if "HTTPValidationError" in str(antwoorden.get("422", {}).get("content")):
                del antwoorden["422"]
            for antwoord in antwoorden.values():
                for inhoud in antwoord.get("content", {}).values():
                    if inhoud.get("schema", {}).get("title", "").startswith("Response "):
                        del inhoud["schema"]["title"]
    schemas = document.get("components", {}).get("schemas", {})
    if "HTTPValidationError" not in str(document.get("paths")):
        for naam in ("HTTPValidationError", "ValidationError"):
            schemas.pop(naam, None)
    for naam, beschrijving in BESCHRIJVINGEN.items():
        if naam in schemas:
            schemas[naam]["description"] = beschrijving
