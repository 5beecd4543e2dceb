"""Login via the municipality's identity provider (OpenID Connect), against a real provider: tests/oidc/provider.mjs
(npm oidc-provider on Node), started on a free loopback port. The settings, the mapping of groups to roles, and the
check of bearer tokens (signature against the provider's keys, iss, aud, exp, no 'none' or HMAC)."""

from __future__ import annotations

import base64
import json
import time

import pytest
from joserfc import jwt
from joserfc.jwk import OctKey, RSAKey
from oidc_provider import CLIENT_ID, start_provider, tokens_via_code_flow

from toegang.oidc import (Instellingen, OidcFout, ProviderOnbereikbaar, Rollenkoppeling, TokenControle, TokenFout,
                          ontdek)

TERUG = "http://testserver/aanmelden/terug"


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


def test_provider_onbereikbaar():
    controle = TokenControle(Instellingen.uit_omgeving({"SJABLOON_OIDC_ISSUER": "http://127.0.0.1:9",
                                                        "SJABLOON_OIDC_CLIENT_ID": CLIENT_ID}))
    nu = int(time.time())
    token = jwt.encode({"alg": "RS256", "kid": "k"}, {"iss": "http://127.0.0.1:9", "aud": CLIENT_ID, "sub": "x",
                                                      "exp": nu + 60}, RSAKey.generate_key(2048, private=True))
    with pytest.raises(ProviderOnbereikbaar):
        controle.controleer(token)
