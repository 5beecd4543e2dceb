"""Logging a test's client in to the web app as a person would: a local account in the app's own register, then the
login form with its CSRF token. And, for identities that come from elsewhere (an OpenID provider), a session cookie
signed the way the app signs it."""

from __future__ import annotations

import secrets
import time

from itsdangerous import URLSafeTimedSerializer

from toegang.gebruikers import Gebruikers
from toegang.identiteit import Identiteit
from web.toegang import SESSIE_COOKIE
from web.veiligheid import CSRF_COOKIE

WACHTWOORD = "correct paard batterij niet"
ALLE_ROLLEN = ("zaakbehandelaar", "kcc", "jurist", "communicatie")      # every page of the app, not beheren
GEHEIM = "een-sessiegeheim-alleen-voor-de-tests-0123456789"


def maak_account(app, naam: str, rollen=ALLE_ROLLEN, volledige_naam: str | None = None) -> Identiteit:
    """A local account in the register of a started app (inside `with TestClient(app)`)."""
    return Gebruikers(app.state.register).toevoegen(naam, WACHTWOORD, list(rollen), volledige_naam, door="test")


def meld_aan(client, naam: str = "fatima", rollen=ALLE_ROLLEN, volledige_naam: str | None = None, *,
             maak: bool = True, wachtwoord: str = WACHTWOORD):
    """Log `client` in through the login form (making the account first, unless maak=False); the 303 answer."""
    if maak:
        maak_account(client.app, naam, rollen, volledige_naam)
    client.get("/aanmelden")                                        # the login page sets the CSRF cookie
    antwoord = client.post("/aanmelden", data={"naam": naam, "wachtwoord": wachtwoord,
                                               "csrf": client.cookies.get(CSRF_COOKIE)}, follow_redirects=False)
    assert antwoord.status_code == 303, antwoord.text
    return antwoord


def sessiecookie(identiteit: Identiteit, geheim: str = GEHEIM, sinds: float | None = None) -> dict:
    """The cookie of a session for `identiteit` (say one from an OpenID provider, which has no local account), signed
    as web.toegang.Sessie signs it; the app must run with SJABLOON_SESSIEGEHEIM=geheim."""
    waarde = URLSafeTimedSerializer(geheim, salt="sjabloon-sessie").dumps({"identiteit": {
        "subject": identiteit.subject, "naam": identiteit.naam, "rollen": sorted(identiteit.rollen),
        "bron": identiteit.bron, "sinds": time.time() if sinds is None else sinds, "id": secrets.token_urlsafe(16)}})
    return {SESSIE_COOKIE: waarde}
