"""The four-eyes release by people who log in at the municipality's OpenID provider (a real one, tests/oidc): anna
(jurist) and bob (communicatie) release a template together; carla, who holds both roles, gives one half only."""

from __future__ import annotations

import pytest
from test_oidc import bij_provider_aanmelden, provider, web  # noqa: F401  (the provider and the app as fixtures)

from generator.vrijgave.register import Register
from generator.vullen.sjabloon import laad
from web.veiligheid import CSRF_COOKIE

SJABLOON = "ontvangstbevestiging-melding"
PAD = f"/werkgroep/{SJABLOON}"


@pytest.fixture
def werkgroep(sjablonen_kopie, web, provider):  # noqa: F811
    """The app with the provider, on a copy of the catalogue; `als(gebruiker)` logs a person in at the provider."""
    def als(gebruiker: str) -> None:
        web.cookies.clear()
        terug = bij_provider_aanmelden(web, provider, gebruiker, volgende=PAD)
        assert terug.status_code == 303 and terug.headers["location"] == PAD, terug.text
        web.get("/")                                                 # a page: the CSRF cookie for the forms
    return web, als


def _keur(web, soort: str):  # noqa: F811
    return web.post(f"{PAD}/vrijgeven", data={"csrf": web.cookies.get(CSRF_COOKIE), "soort": soort},
                    follow_redirects=False)


def test_two_provider_users_release_a_template_together(werkgroep, provider, eigen_register):  # noqa: F811
    client, als = werkgroep
    als("anna")
    assert _keur(client, "communicatief").status_code == 403                # a jurist has no communication half
    assert _keur(client, "juridisch").headers["location"] == f"{PAD}?goedgekeurd=juridisch"
    assert not laad(SJABLOON).vrijgegeven
    als("bob")
    assert "Juridisch goedgekeurd door Anna de Jurist" in client.get(PAD).text
    assert _keur(client, "communicatief").headers["location"] == f"{PAD}?vrijgegeven=1"
    assert laad(SJABLOON).vrijgegeven
    with Register(eigen_register) as register:
        [vrijgave] = register.regels(soort="vrijgave")
    juridisch, communicatief = vrijgave.gegevens["juridisch"], vrijgave.gegevens["communicatief"]
    assert (juridisch["subject"], juridisch["naam"], juridisch["bron"]) == ("anna", "Anna de Jurist", provider.issuer)
    assert (communicatief["subject"], communicatief["bron"]) == ("bob", provider.issuer)
    assert vrijgave.door == "Bob van Communicatie"


def test_one_provider_user_with_both_roles_cannot_release_alone(werkgroep):
    client, als = werkgroep
    als("carla")
    pagina = client.get(PAD).text
    assert "Juridisch goedkeuren" in pagina and "Communicatief goedkeuren" in pagina
    assert _keur(client, "juridisch").status_code == 303
    geweigerd = _keur(client, "communicatief")
    assert geweigerd.status_code == 422 and "vier-ogenprincipe: Carla Tweepet gaf de juridische beoordeling" in geweigerd.text
    assert not laad(SJABLOON).vrijgegeven
    als("dirk")                                        # a zaakbehandelaar: no werkgroep, no half
    assert _keur(client, "communicatief").status_code == 403
