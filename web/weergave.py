"""The page templates (web/paginas/, Jinja with autoescape: all output is escaped) and how a page is shown."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

from fastapi import HTTPException, Request
from fastapi.templating import Jinja2Templates

from checks.b1.rapport import REGEL_NAMEN, niet_gescoord_regel
from checks.schrijfwijze import getal
from generator.vullen.opmaak import FILTERS
from web.formulier import veld_id
from web.voorbeeld import anker

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MATEN = {"zinnen": "Zinnen", "woorden": "Woorden", "woorden_per_zin": "Woorden per zin",
         "lettergrepen_per_woord": "Lettergrepen per woord", "zeldzame_woorden": "Zeldzame woorden (aandeel)",
         "inhoudswoorden_per_bijzin": "Inhoudswoorden per bijzin", "afhankelijkheidslengte": "Afstand tussen bij elkaar horende woorden",
         "lijdende_vorm": "Zinnen in de lijdende vorm (aandeel)", "lange_zinnen": "Lange zinnen", "flesch_douma": "Flesch-Douma",
         "gemiddelde_zinscore": "Gemiddelde score van de zinnen", "moeilijkste_alineas": "Score van de moeilijkste alinea's",
         "zinnen_boven_b1": "Zinnen moeilijker dan B1 (aandeel)"}

paginas = Jinja2Templates(directory=Path(__file__).with_name("paginas"))
paginas.env.globals.update(anker=anker, veld_id=veld_id, niet_gescoord_regel=niet_gescoord_regel,
                           maatnaam=lambda maat: MATEN.get(maat, maat.replace("_", " ")),
                           regelnaam=lambda regel: REGEL_NAMEN.get(regel, regel.replace("_", " ")))
paginas.env.filters["ja_nee"] = lambda waarde: "ja" if waarde else "nee"
paginas.env.filters["getal"] = getal                   # 10,5 and 1.250, as Dutch writes numbers
paginas.env.filters.update(FILTERS)           # datum, datum_kort, bedrag: as the letters write them


def toon(request: Request, naam: str, context: dict | None = None, status: int = 200):
    """A page from web/paginas/, with the CSRF token its forms carry and who is logged in (`wie`: the menu shows
    what that identity may do)."""
    return paginas.TemplateResponse(request, naam, {"csrf": request.state.csrf, "wie": _wie(request),
                                                    **(context or {})}, status_code=status)


def _wie(request: Request):
    """The identity the route's guard found; on a page without a guard (an error page) the session's, if any."""
    if hasattr(request.state, "identiteit"):
        return request.state.identiteit
    from web.toegang import huidige_identiteit
    try:
        return huidige_identiteit(request)
    except Exception:                # an error page must show even when the register cannot be read
        return None


def bijlage(naam: str) -> dict:
    """A download's file name: plain ASCII for every browser, and the real name (with é and such) for the rest."""
    eenvoudig = re.sub(r"[^A-Za-z0-9._-]+", "-", naam) or "document"
    return {"Content-Disposition": f"attachment; filename=\"{eenvoudig}\"; filename*=UTF-8''{quote(naam)}"}


def bewaard(request: Request, token: str, soort: type):
    """What a token from an earlier page of the flow stands for, when the identity of the request made it (or may
    see everyone's documents); a Dutch 404 when it expired or is someone else's (the link alone gives nothing)."""
    item = request.app.state.bewaar.haal(token, request.state.identiteit)
    if not isinstance(item, soort):
        raise HTTPException(404, "Deze pagina is verlopen of bestaat niet (we bewaren een voorvertoning een uur). "
                                 "Begin opnieuw bij de catalogus.")
    return item
