"""The API documentation page /docs, served whole from this machine. FastAPI's own page loads Swagger UI from a CDN,
which the Content-Security-Policy blocks (and many municipal desktops have no internet), and starts it with an
inline script, which the policy blocks too. Here Swagger UI's files come from the fastapi-offline package, and the
page (web/paginas/api_documentatie.html) starts it with a script file of this site (statisch/api_documentatie.js)."""

from __future__ import annotations

from importlib.resources import files

from fastapi import Depends, FastAPI, Request
from fastapi.staticfiles import StaticFiles

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
