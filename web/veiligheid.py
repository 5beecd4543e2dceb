"""What keeps the web app safe: security headers, a CSRF token on every form, a limit on request size, ZIP-bomb
checks before a DOCX or ZIP upload is opened (the limits of checks.document.grenzen, as every interface has them),
and safe template ids."""

from __future__ import annotations

import hmac
import json
import re
import secrets
import zipfile

from fastapi import HTTPException, Request

from checks.document.archief import document_grenzen, map_grenzen, open_zip
from generator.vullen.sjabloon import catalogus

MAX_VERZOEK = 20 * 1024 * 1024          # bytes in one request (a folder of letters as ZIP fits)
CSRF_COOKIE = "sjabloonstraat_csrf"
KOPTEKSTEN = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}
SJABLOON_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")


class TeGroot(Exception):
    pass


class Afgekeurd(Exception):
    """An upload that is refused before it is read; the message is Dutch and names the file."""


class BeperkGrootte:
    """ASGI middleware: refuse a request body over MAX_VERZOEK with 413, also when it arrives without a length.
    Under /api/ the 413 is JSON ({"detail": ...}, as every API error), for a page plain text."""

    def __init__(self, app, maximum: int = MAX_VERZOEK):
        self.app, self.maximum = app, maximum

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        lengte = dict(scope["headers"]).get(b"content-length", b"0")
        if lengte.isdigit() and int(lengte) > self.maximum:
            return await self._weiger(scope, send)
        ontvangen = 0
        begonnen = overschreden = False

        async def ontvang():
            nonlocal ontvangen, overschreden
            bericht = await receive()
            ontvangen += len(bericht.get("body", b""))
            if ontvangen > self.maximum:
                overschreden = True
                raise TeGroot
            return bericht

        async def verstuur(bericht):
            nonlocal begonnen
            if overschreden and not begonnen:
                # A layer inside caught TeGroot and answered for itself: FastAPI turns any error while it reads a
                # JSON body into a 400. Past the limit the answer is 413 whatever became of the error.
                return
            begonnen = begonnen or bericht["type"] == "http.response.start"
            await send(bericht)

        try:
            await self.app(scope, ontvang, verstuur)
        except Exception:
            if not overschreden:        # past the limit, any error is TeGroot's doing, often wrapped in an
                raise                   # ExceptionGroup by a middleware that reads the body in a task group
        if overschreden and not begonnen:
            await self._weiger(scope, send)

    async def _weiger(self, scope, send):
        tekst = f"Het bestand is te groot: de grens is {self.maximum // (1024 * 1024)} MB per keer."
        if scope["path"].startswith("/api/"):
            soort, inhoud = b"application/json", json.dumps({"detail": tekst}, ensure_ascii=False).encode()
        else:
            soort, inhoud = b"text/plain; charset=utf-8", tekst.encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", soort), (b"content-length", str(len(inhoud)).encode()),
                                *[(k.lower().encode(), v.encode()) for k, v in KOPTEKSTEN.items()]]})
        await send({"type": "http.response.body", "body": inhoud})


def door_te_groot(fout: BaseException | None) -> bool:
    """Did `fout` come of a body over the limit (TeGroot), perhaps as the cause of another error or in a group?"""
    while fout is not None:
        if isinstance(fout, TeGroot):
            return True
        if isinstance(fout, BaseExceptionGroup):
            return any(door_te_groot(binnen) for binnen in fout.exceptions)
        fout = fout.__cause__ or fout.__context__
    return False


def open_map(data: bytes, naam: str) -> zipfile.ZipFile:
    """An uploaded ZIP of letters, opened only within the web's limits for one (web_zip_brieven and
    web_zip_uitgepakt_mb); raises DocumentFout."""
    return open_zip(data, naam, map_grenzen(web=True))


def controleer_docx(data: bytes, naam: str) -> None:
    """Refuse an uploaded DOCX whose ZIP directory is over the limits of one document, before anything reads it."""
    open_zip(data, naam, document_grenzen()).close()


def status(fout: Exception) -> int:
    """413 for a file over a size limit, 422 for every other refusal."""
    return 413 if getattr(fout, "te_groot", False) else 422



async def formulier(request: Request):
    """The posted form, after its CSRF token matched the cookie (a form from another site has no such token)."""
    gegevens = await request.form(max_files=1, max_fields=2000)
    verwacht = request.cookies.get(CSRF_COOKIE, "")
    gegeven = gegevens.get("csrf")
    if not verwacht or not isinstance(gegeven, str) or not hmac.compare_digest(verwacht, gegeven):
        raise HTTPException(403, "Dit formulier is verlopen of komt niet van deze site. Laad de pagina opnieuw en "
                                 "probeer het nog eens.")
    return gegevens


def nieuw_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def sjabloon_of_404(sjabloon_id: str):
    """A template id from a URL or request: only lowercase letters, digits and '-', and it must be in the catalogue
    (no path can reach outside templates/)."""
    if SJABLOON_ID.fullmatch(sjabloon_id or ""):
        for sjabloon in catalogus():
            if sjabloon.id == sjabloon_id:
                return sjabloon
    raise HTTPException(404, f"Sjabloon '{sjabloon_id[:64]}' bestaat niet in de catalogus.")
