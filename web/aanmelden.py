"""The login page for local accounts (sjabloon gebruiker toevoegen), and logging out. Both forms carry the CSRF token;
a name that keeps failing from one address waits a while (Pogingen). The login via the municipality's own OpenID
provider (web/oidc.py) shows its button here when app.state.oidc is set."""

from __future__ import annotations

import logging
import threading
import time

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse

from web.toegang import huidige_identiteit, meld_aan, meld_af, veilige_volgende
from web.veiligheid import formulier
from web.weergave import toon

router = APIRouter(include_in_schema=False)
log = logging.getLogger("sjabloonstraat.web")

MAX_POGINGEN = 5                 # failed logins per name and address ...
VENSTER = 15 * 60                # ... within this many seconds; then that name waits from that address


class Pogingen:
    """Failed logins per (name, address) in memory: enough to stop guessing a password through the form, without a
    way for someone else to lock out an account from elsewhere (the address is part of the key)."""

    def __init__(self, maximum: int = MAX_POGINGEN, venster: float = VENSTER):
        self.maximum, self.venster = maximum, venster
        self._mislukt: dict[tuple[str, str], list[float]] = {}
        self._slot = threading.Lock()

    def wachttijd(self, sleutel: tuple[str, str]) -> float:
        """Seconds until this name may try again from this address; 0 when it may now."""
        with self._slot:
            tijden = self._recent(sleutel)
            return tijden[0] + self.venster - time.monotonic() if len(tijden) >= self.maximum else 0.0

    def mislukt(self, sleutel: tuple[str, str]) -> None:
        with self._slot:
            self._recent(sleutel).append(time.monotonic())
            if len(self._mislukt) > 10_000:                   # never grows without bound
                for oud in [k for k, v in self._mislukt.items() if not v]:
                    del self._mislukt[oud]

    def gelukt(self, sleutel: tuple[str, str]) -> None:
        with self._slot:
            self._mislukt.pop(sleutel, None)

    def _recent(self, sleutel) -> list[float]:
        grens = time.monotonic() - self.venster
        tijden = [t for t in self._mislukt.get(sleutel, []) if t > grens]
        self._mislukt[sleutel] = tijden
        return tijden


def _pagina(request: Request, volgende: str, status: int = 200, **extra):
    oidc = getattr(request.app.state, "oidc", None)
    return toon(request, "aanmelden.html", {"volgende": volgende, "oidc_aan": oidc is not None,
                                            "oidc_naam": getattr(oidc, "naam", None) or
                                            (request.app.state.gemeente or {}).get("naam"), **extra}, status)


@router.get("/aanmelden")
def aanmelden_pagina(request: Request, volgende: str = "/", afgemeld: bool = False):
    volgende = veilige_volgende(volgende)
    if not afgemeld and huidige_identiteit(request) is not None:
        return RedirectResponse(volgende, status_code=303)
    return _pagina(request, volgende, afgemeld=afgemeld)


@router.post("/aanmelden")
async def aanmelden(request: Request):
    gegevens = await formulier(request)
    naam, wachtwoord = str(gegevens.get("naam") or "").strip(), str(gegevens.get("wachtwoord") or "")
    volgende = veilige_volgende(str(gegevens.get("volgende") or "/"))
    if not naam or not wachtwoord:
        return _pagina(request, volgende, 422, naam=naam, melding="Vul uw gebruikersnaam en uw wachtwoord in.")
    sleutel = (naam.lower(), request.client.host if request.client else "")
    pogingen: Pogingen = request.app.state.pogingen
    if (wachten := pogingen.wachttijd(sleutel)) > 0:
        minuten = max(1, round(wachten / 60))
        log.warning("aanmelden geweigerd: te veel mislukte pogingen")
        return _pagina(request, volgende, 429, naam=naam,
                       melding=f"Te vaak een verkeerd wachtwoord voor deze naam. Probeer het over {minuten} "
                               f"{'minuut' if minuten == 1 else 'minuten'} opnieuw.")
    from toegang.gebruikers import Gebruikers
    identiteit = await run_in_threadpool(Gebruikers(request.app.state.register).aanmelden, naam, wachtwoord)
    if identiteit is None:
        pogingen.mislukt(sleutel)
        log.warning("aanmelden mislukt")                 # not the name: it may be a password typed in the wrong box
        return _pagina(request, volgende, 422, naam=naam,
                       melding="Deze gebruikersnaam en dit wachtwoord horen niet bij een actief account.")
    pogingen.gelukt(sleutel)
    meld_aan(request, identiteit)
    return RedirectResponse(volgende, status_code=303)


@router.post("/afmelden")
async def afmelden(request: Request):
    """End the session. When the login came from the OpenID provider, app.state.oidc may send the browser on to the
    provider's own logout (`afmeld_adres(request)`, asked before the session is emptied: it may read from it)."""
    await formulier(request)
    oidc = request.app.state.oidc
    adres = oidc.afmeld_adres(request) if oidc is not None and hasattr(oidc, "afmeld_adres") else None
    meld_af(request)
    return RedirectResponse(adres or "/aanmelden?afgemeld=1", status_code=303)
