"""Who may do what in the web app (issue 21): every route of the app walked without a session (401 for the API, a
redirect to the login page for pages), with a role that lacks its right (403) and with one that has it; the login and
logout forms with their CSRF token and rate limit; the session cookie (flags, tampering, expiry, a disabled account);
service keys and bearer tokens on the API; documents only for their maker."""

from __future__ import annotations

import re
import time

import pytest
import yaml
from aanmelden import ALLE_ROLLEN, GEHEIM, WACHTWOORD, maak_account, meld_aan, sessiecookie
from conftest import REPO
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient
from starlette.routing import Mount

from generator.vrijgave.register import Register
from toegang.identiteit import Identiteit
from toegang.rollen import rollen, rollen_met
from toegang.sleutels import Sleutels
from web.app import maak_app
from web.toegang import MAX_DUUR, SESSIE_COOKIE, Vereist, vereist
from web.veiligheid import CSRF_COOKIE

# Routes anyone may ask: health, the login pages. Lane C's OpenID routes join this list.
OPEN = {("GET", "/gezondheid"), ("GET", "/aanmelden"), ("POST", "/aanmelden"), ("POST", "/afmelden"),
        ("GET", "/aanmelden/oidc"), ("GET", "/aanmelden/terug")}             # the last two: web/oidc.py
OPEN_MOUNTS = {"/statisch", "/statisch/swagger-ui"}          # static files: style sheet, script, Swagger UI's files
IDP = "https://login.voorbeeldgemeente.nl"                      # an identity that comes from an OpenID provider
CSRF = "csrf-token-van-de-proef"


@pytest.fixture
def geheim(monkeypatch):
    monkeypatch.setenv("SJABLOON_SESSIEGEHEIM", GEHEIM)


@pytest.fixture
def app(geheim):
    return maak_app()


@pytest.fixture
def client(app):
    with TestClient(app) as c:
        yield c


def _routes(app) -> list[tuple[str, str, object]]:
    """(method, path, rights) of every route; the rights are OPEN, () for any login, or the rights of which the route
    asks one. A route that neither declares its rights nor is in OPEN fails here: a new route must say who may use
    it."""
    lijst, niet_ingedeeld = [], []
    for route in iter_route_contexts(app.routes):
        if isinstance(route.original_route, Mount):
            assert route.path in OPEN_MOUNTS, f"onbekende mount {route.path}"
            continue
        dependant = getattr(route, "dependant", None)
        wachters = [d.call for d in dependant.dependencies if isinstance(d.call, Vereist)] if dependant else []
        for methode in sorted(route.methods - {"HEAD"}):
            if (methode, route.path) in OPEN:
                assert not wachters, f"{methode} {route.path} staat in OPEN maar vraagt een recht"
                lijst.append((methode, route.path, OPEN))
            elif len(wachters) == 1:
                lijst.append((methode, route.path, wachters[0].rechten))
            else:
                niet_ingedeeld.append(f"{methode} {route.path}")
    assert not niet_ingedeeld, f"routes zonder recht (vereist(...)) en niet open: {niet_ingedeeld}"
    return lijst


def _vraag(client, methode: str, pad: str, **kop):
    """One request to a route, its path parameters filled with an id that does not exist; a form gets a CSRF token
    that matches its cookie, an API call an empty JSON object."""
    adres = re.sub(r"\{[^}]+\}", "bestaat-niet", pad)
    client.cookies.set(CSRF_COOKIE, CSRF)
    if methode == "GET":
        return client.get(adres, headers=kop, follow_redirects=False)
    if adres.startswith("/api/"):
        return client.post(adres, json={}, headers=kop, follow_redirects=False)
    return client.post(adres, data={"csrf": CSRF}, headers=kop, follow_redirects=False)


def _met(client, identiteit: Identiteit | None):
    client.cookies.clear()
    if identiteit is not None:
        client.cookies.update(sessiecookie(identiteit))


def _identiteit(*rollen_: str) -> Identiteit:
    return Identiteit(f"sub-{'-'.join(rollen_) or 'geen'}", "Proef Persoon", frozenset(rollen_), IDP)


def test_every_route_is_classified_and_the_list_is_complete(app):
    routes = _routes(app)
    assert ("GET", "/gezondheid", OPEN) in routes and ("POST", "/api/genereer", ("genereren",)) in routes
    assert ("GET", "/", ()) in routes and ("GET", "/openapi.json", ()) in routes
    assert ("POST", "/werkgroep/{sjabloon_id}/vrijgeven", ("juridisch_beoordelen", "communicatief_beoordelen")) in routes
    assert len(routes) >= 28
    for _, _, rechten in routes:                 # every declared right is one that content/rollen.yaml gives
        assert rechten is OPEN or all(rollen_met(r) for r in rechten), rechten


def test_an_unclassified_route_fails_the_walk(app):
    @app.get("/vergeten")
    def vergeten():
        return {}
    with pytest.raises(AssertionError, match="GET /vergeten"):
        _routes(app)


def test_without_a_session_the_api_says_401_and_pages_go_to_the_login(client):
    for methode, pad, rechten in _routes(client.app):
        if rechten is OPEN:
            continue
        _met(client, None)
        antwoord = _vraag(client, methode, pad)
        if pad.startswith("/api/"):
            assert antwoord.status_code == 401, (methode, pad, antwoord.text)
            assert antwoord.headers["www-authenticate"] == "Bearer"
            assert "Niet aangemeld" in antwoord.json()["detail"]
            if methode == "POST":                    # FastAPI reads the body before the guard: still only 401
                for kapot in (b"{kapot", b'"\xff"', b"[" * 5000 + b"]" * 5000):     # no JSON, no UTF-8, too deep
                    antwoord = client.post(pad, content=kapot, headers={"content-type": "application/json"})
                    assert antwoord.status_code == 401, (pad, kapot[:8], antwoord.text)
        else:
            assert antwoord.status_code == 303, (methode, pad, antwoord.status_code)
            adres = re.sub(r"\{[^}]+\}", "bestaat-niet", pad)
            assert antwoord.headers["location"] == f"/aanmelden?volgende={adres}", (methode, pad)


def test_a_role_without_the_right_gets_403_naming_the_right_and_the_roles_that_give_it(client):
    getest = 0
    for methode, pad, rechten in _routes(client.app):
        if rechten is OPEN or not rechten:
            continue
        zonder = next(r for r in rollen() if not set(rechten) & rollen()[r].rechten)
        _met(client, _identiteit(zonder))
        antwoord = _vraag(client, methode, pad)
        assert antwoord.status_code == 403, (methode, pad, zonder, antwoord.status_code)
        if pad.startswith("/api/"):
            detail = antwoord.json()["detail"]
            assert detail["rechten"] == list(rechten) and detail["rollen_met_recht"] == rollen_met(rechten[0])
        else:
            assert f"het recht &#39;{rechten[0]}&#39;" in antwoord.text and rollen_met(rechten[0])[0] in antwoord.text
        getest += 1
    assert getest >= 20


def test_a_role_with_the_right_gets_through_the_guard(client):
    for methode, pad, rechten in _routes(client.app):
        if rechten is OPEN:
            continue
        rol = rollen_met(rechten[-1])[0] if rechten else "kcc"
        _met(client, _identiteit(rol))
        antwoord = _vraag(client, methode, pad)
        assert antwoord.status_code not in (401, 403), (methode, pad, rol, antwoord.status_code, antwoord.text[:300])
        assert not antwoord.headers.get("location", "").startswith("/aanmelden"), (methode, pad)


def test_open_routes_answer_without_a_session(client):
    assert client.get("/gezondheid").json() == {"status": "ok"}
    assert client.get("/statisch/stijl.css").status_code == 200
    assert client.get("/statisch/swagger-ui/swagger-ui.css").status_code == 200
    pagina = client.get("/aanmelden")
    assert pagina.status_code == 200 and "<h1>Aanmelden</h1>" in pagina.text and 'autocomplete="current-password"' in pagina.text
    assert "Hoofdmenu" not in pagina.text and "/afmelden" not in pagina.text       # no menu before the login
    assert client.post("/afmelden", data={"csrf": "fout"}).status_code == 403


def test_a_tampered_or_foreign_or_expired_session_cookie_is_no_session(client):
    goed = sessiecookie(_identiteit("zaakbehandelaar"))[SESSIE_COOKIE]
    client.cookies.set(SESSIE_COOKIE, goed)
    assert client.get("/sjablonen", follow_redirects=False).status_code == 200
    delen = goed.split(".")                    # [""] when compressed, payload, timestamp, signature
    inhoud = max(range(len(delen)), key=lambda i: len(delen[i]))

    def verander(deel: int) -> str:
        teken = delen[deel][5]
        return ".".join(d if i != deel else d[:5] + ("A" if teken != "A" else "B") + d[6:] for i, d in enumerate(delen))
    varianten = {
        "handtekening": verander(len(delen) - 1),
        "inhoud": verander(inhoud),
        "tijdstempel": verander(len(delen) - 2),
        "ander geheim": sessiecookie(_identiteit("zaakbehandelaar"), geheim="x" * 40)[SESSIE_COOKIE],
        "verlopen": sessiecookie(_identiteit("zaakbehandelaar"), sinds=time.time() - MAX_DUUR - 1)[SESSIE_COOKIE],
        "onzin": "geen-cookie",
    }
    for soort, waarde in varianten.items():
        client.cookies.clear()
        client.cookies.set(SESSIE_COOKIE, waarde)
        antwoord = client.get("/sjablonen", follow_redirects=False)
        assert antwoord.status_code == 303 and antwoord.headers["location"].startswith("/aanmelden"), soort
        assert client.get("/api/sjablonen").status_code == 401, soort


def test_login_with_a_local_account_sets_a_safe_cookie_and_shows_who_is_logged_in(client):
    maak_account(client.app, "fatima", ["zaakbehandelaar"], "Fatima el Amrani")
    client.get("/aanmelden")
    oud_csrf = client.cookies.get(CSRF_COOKIE)
    antwoord = client.post("/aanmelden", data={"naam": "fatima", "wachtwoord": WACHTWOORD, "csrf": oud_csrf,
                                               "volgende": "/sjablonen?zoek=last"}, follow_redirects=False)
    assert antwoord.status_code == 303 and antwoord.headers["location"] == "/sjablonen?zoek=last"
    cookie = next(c for c in antwoord.headers.get_list("set-cookie") if c.startswith(SESSIE_COOKIE + "="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie and f"Max-Age={MAX_DUUR}" in cookie
    assert client.cookies.get(CSRF_COOKIE) != oud_csrf                       # a new CSRF token after the login
    pagina = client.get("/").text
    assert "Aangemeld als Fatima el Amrani" in pagina and 'href="/sjablonen"' in pagina
    assert 'href="/werkgroep"' not in pagina and 'href="/b1"' not in pagina     # the menu shows what she may do
    assert client.get("/werkgroep").status_code == 403
    assert client.get("/aanmelden", follow_redirects=False).headers["location"] == "/"   # logged in already


def test_the_session_cookie_is_secure_over_https_and_when_configured(app, monkeypatch):
    with TestClient(app, base_url="https://testserver") as client:
        antwoord = meld_aan(client, "anna", ["jurist"])
        assert "Secure" in next(c for c in antwoord.headers.get_list("set-cookie") if c.startswith(SESSIE_COOKIE))
    monkeypatch.setenv("SJABLOON_COOKIE_SECURE", "1")
    with TestClient(app) as client:
        antwoord = meld_aan(client, "bob", ["communicatie"])
        assert "Secure" in next(c for c in antwoord.headers.get_list("set-cookie") if c.startswith(SESSIE_COOKIE))


def test_wrong_password_unknown_name_and_missing_csrf_are_refused_in_dutch(client):
    maak_account(client.app, "fatima", ["zaakbehandelaar"])
    client.get("/aanmelden")
    csrf = client.cookies.get(CSRF_COOKIE)
    for naam, wachtwoord in (("fatima", "verkeerd wachtwoord!"), ("niemand", WACHTWOORD)):
        antwoord = client.post("/aanmelden", data={"naam": naam, "wachtwoord": wachtwoord, "csrf": csrf})
        assert antwoord.status_code == 422 and "horen niet bij een actief account" in antwoord.text
        assert SESSIE_COOKIE not in client.cookies
    leeg = client.post("/aanmelden", data={"naam": "", "wachtwoord": "", "csrf": csrf})
    assert leeg.status_code == 422 and "Vul uw gebruikersnaam en uw wachtwoord in" in leeg.text
    zonder = client.post("/aanmelden", data={"naam": "fatima", "wachtwoord": WACHTWOORD})
    assert zonder.status_code == 403 and "verlopen of komt niet van deze site" in zonder.text
    assert SESSIE_COOKIE not in client.cookies


def test_too_many_wrong_passwords_make_that_name_wait_even_with_the_right_one(client):
    maak_account(client.app, "fatima", ["zaakbehandelaar"])
    maak_account(client.app, "anna", ["jurist"])
    client.get("/aanmelden")
    csrf = client.cookies.get(CSRF_COOKIE)
    for _ in range(5):
        assert client.post("/aanmelden", data={"naam": "fatima", "wachtwoord": "geraden wachtwoord", "csrf": csrf}
                           ).status_code == 422
    geblokkeerd = client.post("/aanmelden", data={"naam": "Fatima", "wachtwoord": WACHTWOORD, "csrf": csrf})
    assert geblokkeerd.status_code == 429 and "Probeer het over 15 minuten opnieuw" in geblokkeerd.text
    assert SESSIE_COOKIE not in client.cookies
    meld_aan(client, "anna", maak=False)                                # another name from here still may


def test_login_redirects_only_within_this_site(client):
    maak_account(client.app, "fatima", ["zaakbehandelaar"])
    for volgende, verwacht in (("//elders.example/x", "/"), ("https://elders.example/", "/"), ("/\\elders", "/"),
                               ("/b1", "/b1")):
        client.cookies.clear()
        client.get("/aanmelden")
        antwoord = client.post("/aanmelden", data={"naam": "fatima", "wachtwoord": WACHTWOORD, "volgende": volgende,
                                                   "csrf": client.cookies.get(CSRF_COOKIE)}, follow_redirects=False)
        assert antwoord.headers["location"] == verwacht, volgende


def test_logout_ends_the_session(client):
    meld_aan(client, "fatima", ["zaakbehandelaar"])
    assert client.get("/sjablonen").status_code == 200
    gestolen = client.cookies.get(SESSIE_COOKIE)
    assert client.post("/afmelden", data={"csrf": "geraden"}).status_code == 403      # CSRF on the logout too
    afgemeld = client.post("/afmelden", data={"csrf": client.cookies.get(CSRF_COOKIE)}, follow_redirects=False)
    assert afgemeld.status_code == 303 and afgemeld.headers["location"] == "/aanmelden?afgemeld=1"
    assert SESSIE_COOKIE not in client.cookies
    assert "U bent afgemeld" in client.get("/aanmelden?afgemeld=1").text
    assert client.get("/sjablonen", follow_redirects=False).status_code == 303
    client.cookies.set(SESSIE_COOKIE, gestolen)                 # a copy of the cookie taken before the logout
    assert client.get("/sjablonen", follow_redirects=False).status_code == 303


def test_a_disabled_account_or_changed_roles_count_from_the_next_request(client):
    from toegang.gebruikers import Gebruikers
    meld_aan(client, "fatima", ["zaakbehandelaar"])
    assert client.get("/sjablonen").status_code == 200
    gebruikers = Gebruikers(client.app.state.register)
    gebruikers.zet_rollen("fatima", ["kcc"], door="beheerder")
    assert client.get("/sjablonen").status_code == 403 and client.get("/b1").status_code == 200
    gebruikers.uitschakelen("fatima", door="beheerder")
    assert client.get("/b1", follow_redirects=False).status_code == 303


def test_service_keys_and_bearer_tokens_on_the_api(client):
    sleutels = Sleutels(client.app.state.register)
    geheim = sleutels.maak("zaaksysteem", "zaakbehandelaar", door="beheerder")
    met = {"Authorization": f"Bearer {geheim}"}
    assert client.get("/api/sjablonen", headers=met).status_code == 200
    assert client.post("/api/b1", json={"tekst": "Een zin."}, headers=met).status_code == 403
    assert client.get("/api/sjablonen", headers={"Authorization": f"Bearer {geheim}x"}).status_code == 401
    assert client.get("/api/sjablonen", headers={"Authorization": f"Basic {geheim}"}).status_code == 401
    sleutels.intrekken("zaaksysteem", door="beheerder")
    assert client.get("/api/sjablonen", headers=met).status_code == 401
    # Any other bearer goes to app.state.tokencontrole (web/oidc.py sets it); an error there is a 401.
    assert client.get("/api/sjablonen", headers={"Authorization": "Bearer eyJ.een.token"}).status_code == 401

    class Controle:
        def controleer(self, token):
            if token != "eyJ.goed.token":
                raise ValueError("handtekening klopt niet")
            return _identiteit("kcc")
    client.app.state.tokencontrole = Controle()
    assert client.post("/api/b1", json={"tekst": "Een zin."}, headers={"Authorization": "Bearer eyJ.goed.token"}
                       ).status_code == 200
    assert client.get("/api/sjablonen", headers={"Authorization": "Bearer eyJ.goed.token"}).status_code == 403
    assert client.post("/api/b1", json={"tekst": "x"}, headers={"Authorization": "Bearer eyJ.fout"}).status_code == 401


def test_a_document_is_only_for_its_maker(geheim, tmp_path):
    """A B1 report and a made document: another person with the same role gets a 404 for the same link; a role with
    `alle_documenten_inzien` (none by default; a gemeente can give it in its profile) sees it."""
    profiel = yaml.safe_load((REPO / "content" / "gemeente.yaml").read_text(encoding="utf-8"))
    profiel["aanpassingen"] = {"rollen.yaml": {"rollen": {"teamleider": {
        "omschrijving": "Ziet de documenten van het team.", "rechten": ["b1_controleren", "alle_documenten_inzien"]}}}}
    pad = tmp_path / "gemeente.yaml"
    pad.write_text(yaml.safe_dump(profiel, allow_unicode=True), encoding="utf-8")
    with TestClient(maak_app(pad)) as client:
        meld_aan(client, "kees", ["kcc"])
        rapport = client.post("/b1", data={"csrf": client.cookies.get(CSRF_COOKIE), "tekst": "Wij sturen u een brief."},
                              follow_redirects=False).headers["location"]
        assert client.get(rapport).status_code == 200
        client.cookies.clear()
        meld_aan(client, "karin", ["kcc"])
        anders = client.get(rapport)
        assert anders.status_code == 404 and "verlopen of bestaat niet" in anders.text
        assert client.get(rapport + "/opmerkingen.docx").status_code == 404
        client.cookies.clear()
        meld_aan(client, "tanja", ["teamleider"])
        assert client.get(rapport).status_code == 200


def test_the_register_keeps_the_logged_in_identity(client, eigen_register):
    sleutel = Sleutels(client.app.state.register).maak("zaaksysteem", "zaakbehandelaar", door="beheerder")
    from generator.vullen.bestanden import lees_gegevens
    from generator.vullen.sjabloon import laad
    zaak = lees_gegevens(laad("omgevingsvergunning-verleend").voorbeeld)
    antwoord = client.post("/api/genereer", headers={"Authorization": f"Bearer {sleutel}"},
                           json={"sjabloon": "omgevingsvergunning-verleend", "zaak": zaak, "concept": True,
                                 "door": "Iemand Anders"})                 # a typed name is ignored
    assert antwoord.status_code == 200
    with Register(eigen_register) as register:
        regel = register.regels(soort="document")[-1]
    assert regel.door == "zaaksysteem"
    assert regel.gegevens["identiteit"] == {"subject": "sleutel:zaaksysteem", "naam": "zaaksysteem", "bron": "sleutel",
                                            "rollen": ["zaakbehandelaar"]}


def test_all_roles_of_the_test_login_exist():
    assert set(ALLE_ROLLEN) <= set(rollen())


def test_sjabloon_web_warns_when_it_listens_beyond_this_computer_without_a_provider():
    from cli.web import waarschuwingen
    assert waarschuwingen("127.0.0.1", 1, oidc=False) == [] and waarschuwingen("::1", 2, oidc=False) == []
    assert waarschuwingen("localhost", 1, oidc=False) == [] and waarschuwingen("0.0.0.0", 3, oidc=True) == []
    buiten = waarschuwingen("0.0.0.0", 1, oidc=False)
    assert len(buiten) == 1 and "ook voor andere computers" in buiten[0] and "SJABLOON_COOKIE_SECURE=1" in buiten[0]
    leeg = waarschuwingen("127.0.0.1", 0, oidc=False)
    assert len(leeg) == 1 and "sjabloon gebruiker toevoegen NAAM --rol ROL" in leeg[0]


def test_sjabloon_web_prints_its_warnings_on_start(tmp_path):
    """The real command: on 0.0.0.0 with an empty register both warnings come before the server starts."""
    import os
    import subprocess
    import sys

    from conftest import _vrije_poort
    proces = subprocess.Popen([sys.executable, "-m", "cli.sjabloon", "web", "--host", "0.0.0.0", "--poort",
                               str(_vrije_poort())], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, env=os.environ | {"PYTHONPATH": str(REPO)})
    try:
        regels = [proces.stderr.readline() for _ in range(2)]
    finally:
        proces.terminate()
        proces.wait(timeout=30)
    assert "Let op: de webapp luistert op 0.0.0.0" in regels[0]
    assert "Er is nog geen account om mee aan te melden" in regels[1]


def test_the_hooks_for_the_openid_login(client):
    """What web/oidc.py plugs in (app.state.oidc): the login page shows its button, keeping where to go after; the
    logout asks it where the browser goes next (the provider's own logout) before the session is emptied."""
    assert 'action="/aanmelden/oidc"' not in client.get("/aanmelden").text

    class Oidc:
        naam = "Gemeente Voorbeeld"
        gelezen = None

        def afmeld_adres(self, request):
            self.gelezen = request.session["identiteit"]["subject"]
            return "https://login.voorbeeldgemeente.nl/afmelden"
    client.app.state.oidc = oidc = Oidc()
    pagina = client.get("/aanmelden?volgende=/b1").text
    assert 'action="/aanmelden/oidc"' in pagina and "Aanmelden via Gemeente Voorbeeld (OpenID)" in pagina
    assert 'name="volgende" value="/b1"' in pagina
    meld_aan(client, "fatima", ["kcc"])
    afgemeld = client.post("/afmelden", data={"csrf": client.cookies.get(CSRF_COOKIE)}, follow_redirects=False)
    assert afgemeld.headers["location"] == "https://login.voorbeeldgemeente.nl/afmelden"
    assert oidc.gelezen == "lokaal:fatima" and SESSIE_COOKIE not in client.cookies


def test_a_guard_with_two_rights_lets_either_through(client):
    """A page for both reviewers: vereist("juridisch_beoordelen", "communicatief_beoordelen")."""
    from fastapi import Depends

    @client.app.get("/beide", dependencies=[Depends(vereist("juridisch_beoordelen", "communicatief_beoordelen"))])
    def beide():
        return {"ok": True}
    for rol, status in (("jurist", 200), ("communicatie", 200), ("kcc", 403)):
        _met(client, _identiteit(rol))
        assert client.get("/beide").status_code == status, rol
    assert "het recht &#39;juridisch_beoordelen&#39; of &#39;communicatief_beoordelen&#39; nodig" in client.get("/beide").text


def test_the_start_page_of_a_role_without_pages_says_so(client):
    meld_aan(client, "bea", ["beheerder"])
    pagina = client.get("/").text
    assert "Uw rollen (beheerder) geven geen toegang tot de pagina" in pagina
    assert 'href="/sjablonen"' not in pagina and 'href="/b1"' not in pagina and 'href="/werkgroep"' not in pagina


def test_the_session_secret_is_made_once_in_a_private_file_and_a_short_one_is_refused(monkeypatch, eigen_plaatsen):
    import stat

    from generator.vullen.fouten import InvoerFout
    from web.toegang import sessiegeheim
    monkeypatch.delenv("SJABLOON_SESSIEGEHEIM", raising=False)
    eerste = sessiegeheim()
    pad = eigen_plaatsen / "config" / "sjabloonstraat" / "sessiegeheim"
    assert pad.read_text().strip() == eerste and len(eerste) >= 32
    assert stat.S_IMODE(pad.stat().st_mode) == 0o600
    assert sessiegeheim() == eerste                       # a restart keeps the sessions
    monkeypatch.setenv("SJABLOON_SESSIEGEHEIM", "kort")
    with pytest.raises(InvoerFout, match="SJABLOON_SESSIEGEHEIM: te kort"):
        sessiegeheim()


def test_a_session_survives_a_restart_of_the_app(monkeypatch):
    monkeypatch.delenv("SJABLOON_SESSIEGEHEIM", raising=False)
    with TestClient(maak_app()) as client:
        meld_aan(client, "fatima", ["kcc"])
        cookie = client.cookies.get(SESSIE_COOKIE)
    with TestClient(maak_app()) as client:
        client.cookies.set(SESSIE_COOKIE, cookie)
        assert client.get("/b1", follow_redirects=False).status_code == 200
