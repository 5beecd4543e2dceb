"""A real OpenID Connect provider for the tests: tests/oidc/provider.mjs (the npm package oidc-provider on Node),
started on a free loopback port with a fresh RSA signing key, and stopped again. The test users and their
passwords are in provider.mjs: anna (jurist), bob (communicatie), carla (both), dirk (zaakbehandelaar, as app role),
eva (no role).

Skipped when Node or the package (`make oidc`) is missing, unless SJABLOON_OIDC_VERPLICHT=1: then it fails."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import secrets
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlparse

import httpx2
import pytest
from conftest import REPO, _vrije_poort
from joserfc.jwk import RSAKey

PROVIDER = REPO / "tests" / "oidc" / "provider.mjs"
MODULES = Path(os.environ.get("SJABLOON_OIDC_MODULES") or REPO / ".venv" / "oidc-provider" / "node_modules")
CLIENT_ID, CLIENT_SECRET = "sjabloonstraat", "testgeheim-van-de-client"
WACHTWOORD = {naam: f"{naam}-wachtwoord" for naam in ("anna", "bob", "carla", "dirk", "eva")}


@dataclass
class Provider:
    issuer: str
    client_id: str
    client_secret: str | None
    sleutel: RSAKey            # the provider's own signing key (private): a test can sign a token as the provider
    proces: subprocess.Popen

    def omgeving(self) -> dict[str, str]:
        """The SJABLOON_OIDC_* settings that point Sjabloonstraat at this provider."""
        return {"SJABLOON_OIDC_ISSUER": self.issuer, "SJABLOON_OIDC_CLIENT_ID": self.client_id,
                **({"SJABLOON_OIDC_CLIENT_SECRET": self.client_secret} if self.client_secret else {})}


def niet_beschikbaar(reden: str):
    if os.environ.get("SJABLOON_OIDC_VERPLICHT") == "1":
        pytest.fail(f"OpenID-tests verplicht (SJABLOON_OIDC_VERPLICHT=1), maar {reden}", pytrace=False)
    pytest.skip(f"OpenID-tests overgeslagen: {reden}")


@contextlib.contextmanager
def start_provider(redirect_uris: list[str], post_logout_redirect_uris: list[str] = (), openbaar: bool = False):
    """The provider on 127.0.0.1:<free port>, with one client for these redirect URIs: confidential (with a secret),
    or public (openbaar: no secret, PKCE only)."""
    node = shutil.which("node")
    if node is None:
        niet_beschikbaar("node ontbreekt (installeer de Debian-pakketten nodejs en npm: make systeem)")
    if not (MODULES / "oidc-provider").is_dir():
        niet_beschikbaar(f"het npm-pakket oidc-provider ontbreekt in {MODULES} (make oidc)")
    sleutel = RSAKey.generate_key(2048, private=True, parameters={"kid": secrets.token_hex(8)})
    poort = _vrije_poort()
    geheim = {"token_endpoint_auth_method": "none"} if openbaar else {"client_secret": CLIENT_SECRET}
    client = {"client_id": CLIENT_ID, **geheim, "redirect_uris": list(redirect_uris),
              "post_logout_redirect_uris": list(post_logout_redirect_uris) or [urljoin(redirect_uris[0], "/")],
              "grant_types": ["authorization_code"], "response_types": ["code"]}
    omgeving = os.environ | {"OIDC_MODULES": str(MODULES), "OIDC_CLIENTS": json.dumps([client]),
                             "OIDC_JWKS": json.dumps({"keys": [sleutel.as_dict(private=True, use="sig",
                                                                                 alg="RS256")]})}
    proces = subprocess.Popen([node, str(PROVIDER), str(poort)], env=omgeving, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    try:
        regels = []
        grens = time.monotonic() + 30
        while time.monotonic() < grens:
            regel = proces.stdout.readline()
            if not regel and proces.poll() is not None:
                pytest.fail(f"de OpenID-provider stopte met code {proces.returncode}:\n{''.join(regels)}")
            regels.append(regel)
            if regel.startswith("klaar "):
                break
        else:
            pytest.fail("de OpenID-provider startte niet binnen 30 s:\n" + "".join(regels))
        yield Provider(regel.split()[1], CLIENT_ID, None if openbaar else CLIENT_SECRET, sleutel, proces)
    finally:
        proces.terminate()
        try:
            proces.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proces.kill()
            proces.wait()


def code_via_login(provider: Provider, gebruiker: str, redirect_uri: str, challenge: str) -> str:
    """Log in with the provider's form and follow its redirects back: the authorization code for this challenge."""
    state = secrets.token_urlsafe(16)
    with httpx2.Client(base_url=provider.issuer, timeout=10) as web:
        antwoord = web.get("/auth", params={
            "client_id": provider.client_id, "response_type": "code", "scope": "openid profile",
            "redirect_uri": redirect_uri, "state": state, "nonce": secrets.token_urlsafe(16),
            "code_challenge": challenge, "code_challenge_method": "S256"})
        while antwoord.status_code in (302, 303) and antwoord.headers["location"].startswith("/"):
            antwoord = web.get(antwoord.headers["location"])
        assert antwoord.status_code == 200 and "/interaction/" in str(antwoord.url), antwoord.text
        antwoord = web.post(f"{antwoord.url.path}/login", data={
            "gebruikersnaam": gebruiker, "wachtwoord": WACHTWOORD[gebruiker]})
        for _ in range(10):
            assert antwoord.status_code in (302, 303), antwoord.text
            adres = urljoin(str(antwoord.url), antwoord.headers["location"])
            if adres.startswith(redirect_uri):
                break
            antwoord = web.get(adres)
    query = parse_qs(urlparse(adres).query)
    assert query["state"] == [state], query
    return query["code"][0]


def pkce() -> tuple[str, str]:
    """A PKCE verifier and its S256 challenge."""
    verifier = secrets.token_urlsafe(48)
    return verifier, base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()


def tokens_via_code_flow(provider: Provider, gebruiker: str, redirect_uri: str) -> dict:
    """The whole authorization code flow with PKCE as a program does it (log in with the form, follow the
    redirects, exchange the code): the token response with access_token and id_token."""
    verifier, challenge = pkce()
    code = code_via_login(provider, gebruiker, redirect_uri, challenge)
    tokens = httpx2.post(f"{provider.issuer}/token", auth=(provider.client_id, provider.client_secret), timeout=10,
                         data={"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri,
                               "code_verifier": verifier})
    assert tokens.status_code == 200, tokens.text
    return tokens.json()
