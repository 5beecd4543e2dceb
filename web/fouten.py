"""Every error answer in Dutch: a page in the app's own style for a browser, `{"detail": ...}` under /api/.

Starlette and FastAPI answer in English of their own ("Not Found", "Method Not Allowed", "Field required"). A message
the app wrote itself (a template that does not exist, an expired preview) is kept; the framework's words are replaced."""

from __future__ import annotations

import logging
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from web.api import GEEN_JSON
from web.toegang import NIET_AANGEMELD, huidige_identiteit
from web.veiligheid import KOPTEKSTEN, door_te_groot
from web.weergave import toon

TITELS = {400: "Dit verzoek is niet te lezen", 403: "Niet toegestaan", 404: "Niet gevonden", 405: "Dit kan hier niet",
          413: "Te groot", 422: "Dit klopt nog niet", 500: "Er ging iets mis", 503: "Nu niet beschikbaar"}
# What FastAPI's validation (Pydantic) means by each kind of error; {...} are the numbers it gives with it.
ONGELDIG = {
    "missing": "verplicht veld ontbreekt",
    "string_type": "moet een tekst zijn",
    "dict_type": "moet een object zijn ({{...}})",
    "model_type": "moet een object zijn ({{...}})",
    "model_attributes_type": "moet een object zijn ({{...}})",
    "list_type": "moet een lijst zijn ([...])",
    "bool_type": "moet true of false zijn",
    "bool_parsing": "moet true of false zijn",
    "int_type": "moet een geheel getal zijn",
    "int_parsing": "moet een geheel getal zijn",
    "int_from_float": "moet een geheel getal zijn",
    "float_type": "moet een getal zijn",
    "float_parsing": "moet een getal zijn",
    "date_type": "moet een datum zijn (JJJJ-MM-DD)",
    "date_parsing": "moet een datum zijn (JJJJ-MM-DD)",
    "date_from_datetime_parsing": "moet een datum zijn (JJJJ-MM-DD)",
    "date_from_datetime_inexact": "moet een datum zijn, zonder tijd (JJJJ-MM-DD)",
    "string_too_long": "is te lang: hoogstens {max_length} tekens",
    "string_too_short": "is te kort: minstens {min_length} tekens",
    "too_long": "heeft te veel onderdelen: hoogstens {max_length}",
    "too_short": "heeft te weinig onderdelen: minstens {min_length}",
    "greater_than": "moet groter zijn dan {gt}",
    "greater_than_equal": "moet minstens {ge} zijn",
    "less_than": "moet kleiner zijn dan {lt}",
    "less_than_equal": "mag hoogstens {le} zijn",
    "enum": "moet een van deze waarden zijn: {expected}",
    "literal_error": "moet een van deze waarden zijn: {expected}",
    "extra_forbidden": "onbekend veld",
}

log = logging.getLogger("sjabloonstraat.web")


def voeg_toe(app: FastAPI) -> None:
    """Answer every HTTP error, validation error and unexpected error of `app` in Dutch."""
    app.add_exception_handler(HTTPException, _http_fout)
    app.add_exception_handler(RequestValidationError, _ongeldig_verzoek)
    app.add_exception_handler(Exception, _onverwacht)


def _api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


async def _http_fout(request: Request, fout: HTTPException):
    if door_te_groot(fout):
        raise fout              # FastAPI's 400 for a body it could not read: BeperkGrootte answers 413 instead
    detail = fout.detail
    if fout.status_code == 400 and _api(request):      # FastAPI could not read the body: no UTF-8, nested too deep
        return await _niet_aangemeld(request) or _antwoord(request, 400, GEEN_JSON)
    if isinstance(detail, str) and detail == HTTPStatus(fout.status_code).phrase:      # the framework's own words
        detail = _standaard(request, fout)
    antwoord = _antwoord(request, fout.status_code, detail)
    antwoord.headers.update(fout.headers or {})          # Allow on a 405
    return antwoord


def _standaard(request: Request, fout: HTTPException) -> str:
    if fout.status_code == 404:
        return ("Dit adres bestaat niet in de API. De adressen staan op /docs." if _api(request) else
                "Deze pagina bestaat niet. Kijk of het adres klopt, of begin op de startpagina.")
    if fout.status_code == 405:
        toegestaan = (fout.headers or {}).get("Allow", "")
        if _api(request):
            return f"{request.method} kan niet op dit adres" + (f"; wel: {toegestaan}." if toegestaan else ".")
        return ("Deze pagina kan zo niet worden geopend. Ga terug naar de vorige pagina, of begin op de startpagina.")
    return f"Dit lukte niet (HTTP-status {fout.status_code})."


async def _niet_aangemeld(request: Request) -> JSONResponse | None:
    """FastAPI reads a JSON body before the route's guard runs: who is not logged in learns nothing of it (401)."""
    if _api(request) and await run_in_threadpool(huidige_identiteit, request) is None:
        return JSONResponse({"detail": NIET_AANGEMELD}, status_code=401, headers={"WWW-Authenticate": "Bearer"})
    return None


async def _ongeldig_verzoek(request: Request, fout: RequestValidationError):
    if antwoord := await _niet_aangemeld(request):
        return antwoord
    if any(f["type"] == "json_invalid" for f in fout.errors()):
        return _antwoord(request, 400, GEEN_JSON)      # the same 400 as any other body that cannot be read
    meldingen = [_ongeldig(f) for f in fout.errors()]
    if _api(request):
        return JSONResponse({"detail": meldingen}, status_code=422)
    return _antwoord(request, 422, "; ".join(meldingen))


def _ongeldig(fout: dict) -> str:
    """One validation error as 'veld: wat er mis is', in Dutch."""
    waar = ".".join(str(d) for d in fout["loc"][1:]) or "verzoek"
    context = {k: str(v).replace("' or '", "' of '") for k, v in (fout.get("ctx") or {}).items()}
    try:
        return f"{waar}: {ONGELDIG[fout['type']].format(**context)}"
    except (KeyError, IndexError, ValueError):
        return f"{waar}: ongeldige waarde"


async def _onverwacht(request: Request, fout: Exception):
    """A bug: the person sees a Dutch page, the log keeps the traceback (method and path only, as every log line)."""
    log.error("%s %s: onverwachte fout", request.method, request.url.path, exc_info=fout)
    antwoord = _antwoord(request, 500, "Er ging iets mis in Sjabloonstraat. Probeer het opnieuw; lukt het dan nog "
                                       "niet, meld het dan aan de beheerder.")
    for naam, waarde in KOPTEKSTEN.items():             # this answer passes no middleware that adds them
        antwoord.headers.setdefault(naam, waarde)
    return antwoord


def _antwoord(request: Request, status: int, melding):
    if _api(request):
        return JSONResponse({"detail": melding}, status_code=status)
    if not hasattr(request.state, "csrf"):
        request.state.csrf = ""
    return toon(request, "fout.html", {"status": status, "titel": TITELS.get(status, "Dit lukte niet"),
                                       "melding": melding}, status)
