"""Login via the municipality's identity provider (OpenID Connect), against a real provider: tests/oidc/provider.mjs
(npm oidc-provider on Node), started on a free loopback port. The settings, the mapping of groups to roles, and the
check of bearer tokens (signature against the provider's keys, iss, aud, exp, no 'none' or HMAC)."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import re
import subprocess
import sys
import time
import zlib

from urllib.parse import parse_qs, urljoin, urlparse

import httpx2
import pytest
from conftest import REPO, _vrije_poort
from joserfc import jwt
from joserfc.jwk import OctKey, RSAKey
from oidc_provider import CLIENT_ID, WACHTWOORD, code_via_login, pkce, start_provider, tokens_via_code_flow

from toegang.oidc import (Instellingen, OidcFout, ProviderOnbereikbaar, Rollenkoppeling, TokenControle, TokenFout,
                          ontdek)

TERUG = "http://testserver/aanmelden/terug"
GEHEIM = "een-sessiegeheim-alleen-voor-de-oidc-tests-0123456789"
SESSIE_COOKIE, CSRF_COOKIE = "sjabloon_sessie", "sjabloonstraat_csrf"


@pytest.fixture(scope="module")
def provider():
    with start_provider([TERUG]) as p:
        yield p


@pytest.fixture
def controle(provider):
    return TokenControle(Instellingen.uit_omgeving(provider.omgeving()))


def als_provider(provider, **claims) -> str:
    """A token signed with the provider's own key, with these claims over valid ones (for one wrong claim at a time)."""
    nu = int(time.time())
    inhoud = {"iss": provider.issuer, "aud": CLIENT_ID, "sub": "anna", "name": "Anna de Jurist", "iat": nu,
              "exp": nu + 300, "groups": ["sjabloonstraat-jurist"]} | claims
    return jwt.encode({"alg": "RS256", "kid": provider.sleutel.kid}, inhoud, provider.sleutel)


# --- settings and the roles mapping ----------------------------------------------------------------------------------

def test_zonder_issuer_geen_oidc():
    assert Instellingen.uit_omgeving({}) is None


def test_instellingen_noemen_de_ontbrekende_variabele():
    with pytest.raises(OidcFout, match="SJABLOON_OIDC_CLIENT_ID ontbreekt"):
        Instellingen.uit_omgeving({"SJABLOON_OIDC_ISSUER": "https://login.example.nl/realms/gemeente"})
    with pytest.raises(OidcFout, match="SJABLOON_OIDC_ISSUER moet een https-adres zijn"):
        Instellingen.uit_omgeving({"SJABLOON_OIDC_ISSUER": "http://login.example.nl", "SJABLOON_OIDC_CLIENT_ID": "x"})
    instellingen = Instellingen.uit_omgeving({"SJABLOON_OIDC_ISSUER": "https://login.example.nl/realms/gemeente/",
                                              "SJABLOON_OIDC_CLIENT_ID": "sjabloonstraat"})
    assert (instellingen.issuer, instellingen.audience, instellingen.client_secret) == (
        "https://login.example.nl/realms/gemeente", "sjabloonstraat", None)
    assert instellingen.rollen_pad.name == "oidc-rollen.yaml"


def test_koppeling_van_groepen_en_app_rollen():
    koppeling = Rollenkoppeling.laad(Instellingen.uit_omgeving({
        "SJABLOON_OIDC_ISSUER": "https://idp.example.nl", "SJABLOON_OIDC_CLIENT_ID": "x"}).rollen_pad)
    assert koppeling.rollen({"groups": ["sjabloonstraat-jurist", "sjabloonstraat-communicatie", "iets"]}) == {
        "jurist", "communicatie"}
    assert koppeling.rollen({"roles": ["sjabloonstraat-zaakbehandelaar"]}) == {"zaakbehandelaar"}   # Entra app role
    assert koppeling.rollen({"realm_access": {"roles": ["sjabloonstraat-kcc"]}}) == {"kcc"}       # Keycloak
    assert koppeling.rollen({"groups": "sjabloonstraat-beheerder"}) == {"beheerder"}
    assert koppeling.rollen({"groups": ["medewerkers"], "sub": "sjabloonstraat-jurist"}) == frozenset()


def test_koppeling_met_onbekende_rol_noemt_bestand_en_waarde(tmp_path):
    pad = tmp_path / "rollen.yaml"
    pad.write_text("claims: [groups]\nkoppeling:\n  gg-juristen: [juristen]\n", encoding="utf-8")
    with pytest.raises(OidcFout, match=r"rollen.yaml: koppeling 'gg-juristen': rol 'juristen' bestaat niet"):
        Rollenkoppeling.laad(pad)
    pad.write_text("koppeling: {}\n", encoding="utf-8")
    with pytest.raises(OidcFout, match="veld 'claims'"):
        Rollenkoppeling.laad(pad)


# --- the real provider ---------------------------------------------------------------------------------------------

def test_discovery(provider):
    document = ontdek(provider.issuer)
    assert document["issuer"] == provider.issuer and "S256" in document["code_challenge_methods_supported"]
    with pytest.raises(ProviderOnbereikbaar, match="antwoordt niet"):
        ontdek("http://127.0.0.1:9")


@pytest.mark.parametrize("gebruiker, naam, rollen", [
    ("anna", "Anna de Jurist", {"jurist"}),
    ("bob", "Bob van Communicatie", {"communicatie"}),
    ("carla", "Carla Tweepet", {"jurist", "communicatie"}),
    ("dirk", "Dirk Zaak", {"zaakbehandelaar"}),
    ("eva", "Eva Zonderrol", set()),
])
def test_toegangstoken_van_de_provider_geeft_identiteit(provider, controle, gebruiker, naam, rollen):
    token = tokens_via_code_flow(provider, gebruiker, TERUG)["access_token"]
    identiteit = controle.controleer(token)
    assert (identiteit.subject, identiteit.naam, identiteit.rollen, identiteit.bron) == (
        gebruiker, naam, rollen, provider.issuer)


def test_id_token_is_geen_toegangstoken(provider, controle):
    id_token = tokens_via_code_flow(provider, "anna", TERUG)["id_token"]
    with pytest.raises(TokenFout, match="ID-token"):
        controle.controleer(id_token)


def test_geldig_token_van_de_provider_sleutel(provider, controle):
    assert controle.controleer(als_provider(provider)).rollen == {"jurist"}


def test_verlopen_token(provider, controle):
    with pytest.raises(TokenFout, match="verlopen"):
        controle.controleer(als_provider(provider, iat=int(time.time()) - 3600, exp=int(time.time()) - 600))


def test_token_voor_een_andere_toepassing(provider, controle):
    with pytest.raises(TokenFout, match="niet voor deze toepassing"):
        controle.controleer(als_provider(provider, aud="een-andere-toepassing"))


def test_token_van_een_andere_issuer(provider, controle):
    with pytest.raises(TokenFout, match="andere identity provider"):
        controle.controleer(als_provider(provider, iss="https://nep.example.nl"))


def test_token_zonder_exp(provider, controle):
    token = als_provider(provider)
    claims = jwt.decode(token, provider.sleutel).claims
    del claims["exp"]
    with pytest.raises(TokenFout, match="mist de claim 'exp'"):
        controle.controleer(jwt.encode({"alg": "RS256", "kid": provider.sleutel.kid}, claims, provider.sleutel))


def test_token_met_een_verkeerde_sleutel(provider, controle):
    vreemd = RSAKey.generate_key(2048, private=True)
    for kid in (provider.sleutel.kid, "onbekende-sleutel"):            # posing as the provider's key, or another one
        token = jwt.encode({"alg": "RS256", "kid": kid}, jwt.decode(als_provider(provider), provider.sleutel).claims,
                           vreemd)
        with pytest.raises(TokenFout, match="handtekening"):
            controle.controleer(token)


def test_token_met_gewijzigde_inhoud(provider, controle):
    kop, _, handtekening = als_provider(provider).split(".")
    inhoud = base64.urlsafe_b64encode(json.dumps({
        "iss": provider.issuer, "aud": CLIENT_ID, "sub": "anna", "exp": int(time.time()) + 300,
        "groups": ["sjabloonstraat-beheerder"]}).encode()).rstrip(b"=").decode()
    with pytest.raises(TokenFout, match="handtekening"):
        controle.controleer(f"{kop}.{inhoud}.{handtekening}")


def _b64(gegevens: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(gegevens).encode()).rstrip(b"=").decode()


def test_alg_none_wordt_geweigerd(provider, controle):
    claims = jwt.decode(als_provider(provider), provider.sleutel).claims
    for alg in ("none", "None", "NONE"):
        with pytest.raises(TokenFout, match=f"algoritme '{alg}'"):
            controle.controleer(f"{_b64({'alg': alg, 'typ': 'JWT'})}.{_b64(claims)}.")


def test_hmac_met_de_publieke_sleutel_wordt_geweigerd(provider, controle):
    """The classic confusion: HS256 'signed' with the provider's public key as the secret."""
    claims = jwt.decode(als_provider(provider), provider.sleutel).claims
    publiek = json.dumps(provider.sleutel.as_dict(private=False)).encode()
    token = jwt.encode({"alg": "HS256", "kid": provider.sleutel.kid}, claims, OctKey.import_key(publiek))
    with pytest.raises(TokenFout, match="algoritme 'HS256'"):
        controle.controleer(token)


@pytest.mark.parametrize("onzin", ["", "abc", "a.b.c", "Bearer x.y.z"])
def test_geen_jwt(controle, onzin):
    with pytest.raises(TokenFout):
        controle.controleer(onzin)


def test_provider_onbereikbaar(monkeypatch):
    """No keys and no provider: refused (the app answers 401); within WACHT_NA_FOUT it is not asked again."""
    import toegang.oidc
    controle = TokenControle(Instellingen.uit_omgeving({"SJABLOON_OIDC_ISSUER": "http://127.0.0.1:9",
                                                        "SJABLOON_OIDC_CLIENT_ID": CLIENT_ID}))
    nu = int(time.time())
    token = jwt.encode({"alg": "RS256", "kid": "k"}, {"iss": "http://127.0.0.1:9", "aud": CLIENT_ID, "sub": "x",
                                                      "exp": nu + 60}, RSAKey.generate_key(2048, private=True))
    gevraagd = []
    echt = toegang.oidc.haal_json
    monkeypatch.setattr(toegang.oidc, "haal_json", lambda adres: gevraagd.append(adres) or echt(adres))
    for _ in range(3):
        with pytest.raises(ProviderOnbereikbaar):
            controle.controleer(token)
    assert gevraagd == ["http://127.0.0.1:9/.well-known/openid-configuration"]


def test_sleutels_blijven_bruikbaar_als_de_provider_wegvalt(monkeypatch):
    """Keys once fetched stay in use when the provider is gone at the next refresh: the API keeps working."""
    import toegang.oidc
    with start_provider([TERUG]) as eigen:
        controle = TokenControle(Instellingen.uit_omgeving(eigen.omgeving()))
        token = als_provider(eigen)
        assert controle.controleer(token).subject == "anna"
    eigen.proces.wait(timeout=10)
    monkeypatch.setattr(toegang.oidc, "BEWAARTIJD", 0)                  # time to refresh: the provider is gone
    assert controle.controleer(token).subject == "anna"
    vals = jwt.encode({"alg": "RS256", "kid": eigen.sleutel.kid}, jwt.decode(token, eigen.sleutel).claims,
                      RSAKey.generate_key(2048, private=True))
    with pytest.raises(TokenFout, match="handtekening"):                # and a forged token is still refused
        controle.controleer(vals)


# --- the web app with the provider (TestClient) ----------------------------------------------------------------------

@pytest.fixture
def web(provider, monkeypatch):
    """The web app configured for the real provider, as a TestClient (http://testserver)."""
    from fastapi.testclient import TestClient

    from web.app import maak_app
    for naam, waarde in provider.omgeving().items():
        monkeypatch.setenv(naam, waarde)
    monkeypatch.setenv("SJABLOON_SESSIEGEHEIM", GEHEIM)
    with TestClient(maak_app()) as client:
        yield client


def bij_provider_aanmelden(web, provider, gebruiker: str, volgende: str = "/"):
    """The browser's round trip as TestClient and httpx2 do it: our app sends us to the provider, we log in there with
    its form, the provider sends us back with a code; the answer of /aanmelden/terug."""
    naar = web.get("/aanmelden/oidc", params={"volgende": volgende}, follow_redirects=False)
    assert naar.status_code == 302, naar.text
    adres = naar.headers["location"]
    assert adres.startswith(f"{provider.issuer}/auth?")
    with httpx2.Client(timeout=10) as browser:
        antwoord = browser.get(adres, follow_redirects=True)
        assert "/interaction/" in str(antwoord.url), antwoord.text
        antwoord = browser.post(f"{antwoord.url}/login", data={"gebruikersnaam": gebruiker,
                                                                "wachtwoord": WACHTWOORD[gebruiker]})
        while not antwoord.headers["location"].startswith("http://testserver/"):
            antwoord = browser.get(urljoin(str(antwoord.url), antwoord.headers["location"]))
    return web.get(antwoord.headers["location"].removeprefix("http://testserver"), follow_redirects=False)


def test_aanmeldpagina_toont_de_knop(web):
    pagina = web.get("/aanmelden")
    assert pagina.status_code == 200 and 'action="/aanmelden/oidc"' in pagina.text and "(OpenID)" in pagina.text


def test_naar_de_provider_met_pkce_state_en_nonce(web, provider):
    naar = web.get("/aanmelden/oidc", follow_redirects=False)
    query = parse_qs(urlparse(naar.headers["location"]).query)
    assert query["code_challenge_method"] == ["S256"] and len(query["code_challenge"][0]) == 43
    assert query["state"][0] and query["nonce"][0] and "code_verifier" not in query
    assert query["redirect_uri"] == [TERUG] and query["client_id"] == [CLIENT_ID]
    assert query["scope"] == ["openid profile"] and query["response_type"] == ["code"]


def test_jurist_meldt_aan_en_ziet_de_werkgroep(web, provider):
    terug = bij_provider_aanmelden(web, provider, "anna", volgende="/werkgroep")
    assert terug.status_code == 303 and terug.headers["location"] == "/werkgroep"
    assert SESSIE_COOKIE in web.cookies
    pagina = web.get("/werkgroep")
    assert pagina.status_code == 200 and "Anna de Jurist" in pagina.text
    assert web.get("/", follow_redirects=False).status_code in (200, 303)
    assert web.get("/api/sjablonen").status_code == 403         # a jurist does not generate


def test_openbare_client_zonder_geheim(monkeypatch):
    """Without SJABLOON_OIDC_CLIENT_SECRET Sjabloonstraat is a public client: PKCE alone, and the login works."""
    from fastapi.testclient import TestClient

    from web.app import maak_app
    with start_provider([TERUG], openbaar=True) as openbaar:
        assert "SJABLOON_OIDC_CLIENT_SECRET" not in openbaar.omgeving()
        for naam, waarde in openbaar.omgeving().items():
            monkeypatch.setenv(naam, waarde)
        with TestClient(maak_app()) as web:
            terug = bij_provider_aanmelden(web, openbaar, "bob", volgende="/werkgroep")
            assert terug.status_code == 303 and terug.headers["location"] == "/werkgroep", terug.text
            assert "Bob van Communicatie" in web.get("/werkgroep").text


def test_zaakbehandelaar_via_app_rol(web, provider):
    assert bij_provider_aanmelden(web, provider, "dirk").status_code == 303
    assert web.get("/api/sjablonen").status_code == 200
    assert web.get("/werkgroep", follow_redirects=False).status_code == 403


def test_zonder_rol_geen_sessie(web, provider):
    terug = bij_provider_aanmelden(web, provider, "eva")
    assert terug.status_code == 403 and "Eva Zonderrol" in terug.text and "geen rol in Sjabloonstraat" in terug.text
    assert web.get("/werkgroep", follow_redirects=False).status_code == 303          # still to the login page


def test_antwoord_van_een_andere_aanmelding_geweigerd(web, provider):
    """A code and state that do not belong to this browser's login start no session: an unknown state, a made-up
    code, the provider's refusal, and a real code of someone else's login (an attacker's own code, slipped into
    the victim's browser): PKCE makes the provider refuse it, since our verifier does not fit its challenge."""
    def state():
        naar = web.get("/aanmelden/oidc", follow_redirects=False)
        assert naar.status_code == 302
        return parse_qs(urlparse(naar.headers["location"]).query)["state"][0]

    vreemde_code = code_via_login(provider, "carla", TERUG, pkce()[1])
    for query in (f"code=nep&state=ander-{state()}", f"code=nep&state={state()}",
                  f"error=access_denied&state={state()}", f"code={vreemde_code}&state={state()}"):
        antwoord = web.get(f"/aanmelden/terug?{query}", follow_redirects=False)
        assert antwoord.status_code == 400, (query, antwoord.text)
        assert "Aanmelden via de identity provider is niet gelukt" in antwoord.text
    assert web.get("/werkgroep", follow_redirects=False).status_code == 303


def test_provider_valt_weg_tijdens_het_aanmelden(monkeypatch):
    """The provider answered the start but is gone when the browser comes back: a Dutch 503, no session."""
    from fastapi.testclient import TestClient

    from web.app import maak_app
    with contextlib.ExitStack() as provider_loopt:
        eigen = provider_loopt.enter_context(start_provider([TERUG]))
        for naam, waarde in eigen.omgeving().items():
            monkeypatch.setenv(naam, waarde)
        with TestClient(maak_app()) as web:
            naar = web.get("/aanmelden/oidc", follow_redirects=False)
            state = parse_qs(urlparse(naar.headers["location"]).query)["state"][0]
            provider_loopt.close()                                      # the provider stops
            antwoord = web.get(f"/aanmelden/terug?code=iets&state={state}", follow_redirects=False)
            assert antwoord.status_code == 503 and "is nu niet bereikbaar" in antwoord.text
            assert web.get("/werkgroep", follow_redirects=False).status_code == 303


def test_bearer_token_op_de_api(web, provider):
    token = tokens_via_code_flow(provider, "dirk", TERUG)["access_token"]
    assert web.get("/api/sjablonen", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    anna = tokens_via_code_flow(provider, "anna", TERUG)["access_token"]
    assert web.get("/api/sjablonen", headers={"Authorization": f"Bearer {anna}"}).status_code == 403


def test_geweigerde_tokens_op_de_api_geven_401(web, provider):
    nu = int(time.time())
    goed = als_provider(provider, groups=["sjabloonstraat-zaakbehandelaar"])
    assert web.get("/api/sjablonen", headers={"Authorization": f"Bearer {goed}"}).status_code == 200
    claims = jwt.decode(goed, provider.sleutel).claims
    slecht = {
        "verlopen": als_provider(provider, groups=["sjabloonstraat-zaakbehandelaar"], iat=nu - 3600, exp=nu - 600),
        "verkeerde sleutel": jwt.encode({"alg": "RS256", "kid": provider.sleutel.kid}, claims,
                                        RSAKey.generate_key(2048, private=True)),
        "verkeerde aud": als_provider(provider, groups=["sjabloonstraat-zaakbehandelaar"], aud="ander"),
        "alg none": f"{_b64({'alg': 'none'})}.{_b64(claims)}.",
    }
    for reden, token in slecht.items():
        antwoord = web.get("/api/sjablonen", headers={"Authorization": f"Bearer {token}"})
        assert antwoord.status_code == 401, reden


def test_veranderde_sessiecookie_betekent_opnieuw_aanmelden(web, provider):
    bij_provider_aanmelden(web, provider, "anna")
    assert web.get("/werkgroep", follow_redirects=False).status_code == 200
    waarde = web.cookies[SESSIE_COOKIE]
    gepakt = waarde.startswith(".")                         # itsdangerous: a leading '.' means zlib-compressed
    inhoud, _, rest = waarde.removeprefix(".").partition(".")
    ruw = base64.urlsafe_b64decode(inhoud + "=" * (-len(inhoud) % 4))
    meer = json.loads(zlib.decompress(ruw) if gepakt else ruw)
    meer["identiteit"]["rollen"] = ["beheerder", "communicatie", "jurist"]            # a role added by hand
    vervalst = base64.urlsafe_b64encode(json.dumps(meer).encode()).rstrip(b"=").decode() + "." + rest
    web.cookies.clear()
    web.cookies.set(SESSIE_COOKIE, waarde)                          # the untouched cookie still works
    assert web.get("/werkgroep", follow_redirects=False).status_code == 200
    for cookie in (vervalst, waarde[:-2] + ("AA" if not waarde.endswith("AA") else "BB")):
        web.cookies.clear()
        web.cookies.set(SESSIE_COOKIE, cookie)
        antwoord = web.get("/werkgroep", follow_redirects=False)
        assert antwoord.status_code == 303 and antwoord.headers["location"].startswith("/aanmelden"), cookie


def test_afmelden_gaat_langs_de_provider(web, provider):
    bij_provider_aanmelden(web, provider, "bob")
    web.get("/aanmelden?afgemeld=1")
    afmelden = web.post("/afmelden", data={"csrf": web.cookies.get(CSRF_COOKIE)}, follow_redirects=False)
    assert afmelden.status_code == 303
    adres = afmelden.headers["location"]
    assert adres.startswith(f"{provider.issuer}/session/end?")
    query = parse_qs(urlparse(adres).query)
    assert query["client_id"] == [CLIENT_ID]
    assert query["post_logout_redirect_uri"] == ["http://testserver/aanmelden?afgemeld=1"]
    assert web.get("/werkgroep", follow_redirects=False).status_code == 303


def test_afmelden_na_een_herstart_vraagt_de_provider_zelf(web, provider):
    """A session from before a restart (the app has not fetched the provider's discovery document yet) still ends
    at the provider; a local account's logout stays on our own login page."""
    from aanmelden import sessiecookie

    from toegang.identiteit import Identiteit
    assert "end_session_endpoint" not in web.app.state.oidc.client.server_metadata
    for identiteit, naar in ((Identiteit("bob", "Bob", frozenset({"communicatie"}), provider.issuer),
                              f"{provider.issuer}/session/end?"),
                             (Identiteit("lokaal:bob", "Bob", frozenset({"communicatie"}), "lokaal"),
                              "/aanmelden?afgemeld=1")):
        web.cookies.clear()
        for naam, waarde in sessiecookie(identiteit, GEHEIM).items():
            web.cookies.set(naam, waarde)
        web.get("/aanmelden?afgemeld=1")                                   # the CSRF cookie
        afmelden = web.post("/afmelden", data={"csrf": web.cookies.get(CSRF_COOKIE)}, follow_redirects=False)
        assert afmelden.status_code == 303 and afmelden.headers["location"].startswith(naar)


def test_csp_staat_formulieren_naar_de_provider_toe(web, provider):
    csp = web.get("/aanmelden").headers["content-security-policy"]
    assert f"form-action 'self' {provider.issuer};" in csp


def test_provider_onbereikbaar_geeft_nederlandse_503(monkeypatch):
    from fastapi.testclient import TestClient

    from web.app import maak_app
    monkeypatch.setenv("SJABLOON_OIDC_ISSUER", f"http://127.0.0.1:{_vrije_poort()}")
    monkeypatch.setenv("SJABLOON_OIDC_CLIENT_ID", CLIENT_ID)
    with TestClient(maak_app()) as web:
        antwoord = web.get("/aanmelden/oidc")
        assert antwoord.status_code == 503
        assert "is nu niet bereikbaar" in antwoord.text and 'lang="nl"' in antwoord.text
        assert web.get("/aanmelden").status_code == 200                 # local accounts keep working


def test_zonder_instellingen_geen_oidc(monkeypatch):
    from fastapi.testclient import TestClient

    from web.app import maak_app
    monkeypatch.delenv("SJABLOON_OIDC_ISSUER", raising=False)
    with TestClient(maak_app()) as web:
        assert web.app.state.oidc is None and web.app.state.tokencontrole is None
        assert "/aanmelden/oidc" not in web.get("/aanmelden").text
        assert web.get("/aanmelden/oidc").status_code == 404


# --- the whole login in a real browser (Chromium via Playwright, as tests/test_web_browser.py) ------------------------

@pytest.fixture(scope="module")
def chromium():
    """Debian's Chromium, headless; skipped (or failed with SJABLOON_BROWSER_VERPLICHT=1) when it is missing."""
    from test_web_browser import CHROMIUM, CHROMIUM_ARGS, sync_playwright
    if sync_playwright is None or not CHROMIUM.exists():
        reden = "Playwright of Debians Chromium ontbreekt"
        if os.environ.get("SJABLOON_BROWSER_VERPLICHT") == "1":
            pytest.fail(f"browsertests verplicht (SJABLOON_BROWSER_VERPLICHT=1), maar {reden}", pytrace=False)
        pytest.skip(f"browsertests overgeslagen: {reden}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def webserver_met_provider(tmp_path_factory):
    """`sjabloon web` as its own process, configured for a provider that knows its redirect URI: (address, provider)."""
    map_ = tmp_path_factory.mktemp("oidc-web")
    poort = _vrije_poort()
    adres = f"http://127.0.0.1:{poort}"
    with start_provider([f"{adres}/aanmelden/terug"], [f"{adres}/aanmelden?afgemeld=1"]) as provider:
        env = os.environ | provider.omgeving() | {
            "SJABLOON_DATABASE_URL": f"sqlite:///{map_ / 'register.sqlite'}", "SJABLOON_SESSIEGEHEIM": GEHEIM}
        logpad = map_ / "webapp.log"
        with open(logpad, "wb") as log:
            proces = subprocess.Popen([sys.executable, "-m", "cli.sjabloon", "web", "--poort", str(poort)],
                                      cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            grens = time.monotonic() + 60
            while True:
                try:
                    if httpx2.get(f"{adres}/gezondheid", timeout=2).status_code == 200:
                        break
                except httpx2.HTTPError:
                    pass
                if proces.poll() is not None or time.monotonic() > grens:
                    pytest.fail(f"de webapp startte niet:\n{logpad.read_text(errors='replace')}")
                time.sleep(0.1)
            yield adres, provider
        finally:
            proces.terminate()
            proces.wait(timeout=15)


def schermafdruk(pagina, stap: str) -> None:
    """A screenshot of the step in test-artefacten/schermafdrukken/, beside those of tests/test_web_browser.py."""
    from test_web_browser import SCHERMAFDRUKKEN
    SCHERMAFDRUKKEN.mkdir(parents=True, exist_ok=True)
    pagina.screenshot(path=SCHERMAFDRUKKEN / f"oidc-{stap}.png", full_page=True)


def test_aanmelden_en_afmelden_in_de_browser(chromium, webserver_met_provider):
    """As a person: a page asks for a login, the button leads to the provider, its form, back to the page asked
    for; logging out passes the provider and ends on our login page. The real CSP applies (no bypass)."""
    from playwright.sync_api import expect
    adres, provider = webserver_met_provider
    context = chromium.new_context(base_url=adres, locale="nl-NL")
    pagina = context.new_page()
    pagina.set_default_timeout(30_000)
    expect.set_options(timeout=30_000)
    try:
        pagina.goto("/werkgroep")
        expect(pagina).to_have_url(re.compile(r"/aanmelden\?volgende=/werkgroep"))
        schermafdruk(pagina, "01-aanmeldpagina")
        pagina.get_by_role("button", name=re.compile(r"Aanmelden via .* \(OpenID\)")).click()
        expect(pagina).to_have_url(re.compile(re.escape(provider.issuer) + "/interaction/"))
        schermafdruk(pagina, "02-provider")
        pagina.get_by_label("Gebruikersnaam").fill("carla")
        pagina.get_by_label("Wachtwoord").fill("verkeerd")
        pagina.get_by_role("button", name="Inloggen").click()
        expect(pagina.get_by_role("alert")).to_contain_text("verkeerd wachtwoord")
        pagina.get_by_label("Gebruikersnaam").fill("carla")
        pagina.get_by_label("Wachtwoord").fill(WACHTWOORD["carla"])
        pagina.get_by_role("button", name="Inloggen").click()
        expect(pagina).to_have_url(f"{adres}/werkgroep")
        expect(pagina.get_by_text("Carla Tweepet")).to_be_visible()
        schermafdruk(pagina, "03-aangemeld")
        cookie = next(c for c in context.cookies() if c["name"] == SESSIE_COOKIE)
        assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"

        # a session cookie changed by hand counts as none: to the login page again
        context.add_cookies([{**cookie, "value": cookie["value"][:-4] + "abcd"}])
        pagina.goto("/werkgroep")
        expect(pagina).to_have_url(re.compile(r"/aanmelden\?volgende=/werkgroep"))
        pagina.get_by_role("button", name=re.compile(r"\(OpenID\)")).click()   # the provider still knows carla
        expect(pagina).to_have_url(f"{adres}/werkgroep")

        pagina.get_by_role("button", name="Afmelden").click()
        expect(pagina).to_have_url(re.compile(re.escape(provider.issuer) + "/session/end"))
        pagina.locator("button[name=logout][value=yes], button[value=yes]").first.click()
        expect(pagina).to_have_url(re.compile(r"/aanmelden\?afgemeld=1"))
        expect(pagina.get_by_text("U bent afgemeld")).to_be_visible()
        schermafdruk(pagina, "04-afgemeld")
        pagina.goto("/werkgroep")
        expect(pagina).to_have_url(re.compile(r"/aanmelden\?volgende=/werkgroep"))
    finally:
        context.close()


def test_sjabloon_web_stopt_bij_verkeerde_instellingen(tmp_path):
    """Wrong OpenID settings stop `sjabloon web` before it listens: a Dutch message naming the variable, exit 2."""
    from conftest import sjabloon_cli
    rollen = tmp_path / "rollen.yaml"
    rollen.write_text("claims: [groups]\nkoppeling:\n  gg-juristen: [juristen]\n", encoding="utf-8")
    for extra, verwacht in (
            ({"SJABLOON_OIDC_ISSUER": "http://login.example.nl", "SJABLOON_OIDC_CLIENT_ID": "x"},
             "SJABLOON_OIDC_ISSUER moet een https-adres zijn"),
            ({"SJABLOON_OIDC_ISSUER": "https://login.example.nl"}, "SJABLOON_OIDC_CLIENT_ID ontbreekt"),
            ({"SJABLOON_OIDC_ISSUER": "https://login.example.nl", "SJABLOON_OIDC_CLIENT_ID": "x",
              "SJABLOON_OIDC_ROLLEN": str(rollen)}, "rol 'juristen' bestaat niet")):
        uitslag = sjabloon_cli("web", "--poort", _vrije_poort(), env=os.environ | extra, cwd=tmp_path)
        assert uitslag.returncode == 2 and verwacht in uitslag.stderr, uitslag.stderr
