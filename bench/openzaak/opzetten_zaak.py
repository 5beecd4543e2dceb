"""Maak via de Zaken API een testzaak aan in de lokale Open Zaak, zoals een zaaksysteem dat zou doen.

Een natuurlijk persoon als initiator (met verblijfsadres), een behandelaar, een adres en een perceel als zaakobject,
en de eigenschappen Leges en Verzoeknummer. Idempotent: een zaak met identificatie OZ_ZAAK_ID wordt niet opnieuw
gemaakt. Schrijft de URL van de zaak naar stdout.
"""

import os
import sys
import time

import jwt
import requests

BASIS = os.environ["OZ_BASIS"]
RSIN = os.environ["OZ_RSIN"]
ZAAK_ID = os.environ.get("OZ_ZAAK_ID", "ZAAK-2026-0001")
CAT = f"{BASIS}/catalogi/api/v1"
ZRC = f"{BASIS}/zaken/api/v1"
ZAAKTYPE = f"{CAT}/zaaktypen/5f1bd2b0-0d8c-4a8e-9d61-000000000010"

token = jwt.encode(
    {
        "iss": os.environ["OZ_CLIENT_ID"],
        "client_id": os.environ["OZ_CLIENT_ID"],
        "iat": int(time.time()),
        "user_id": "opzetten",
        "user_representation": "Opzetscript",
    },
    os.environ["OZ_SECRET"],
    algorithm="HS256",
)
sessie = requests.Session()
sessie.headers.update(
    {"Authorization": f"Bearer {token}", "Accept-Crs": "EPSG:4326", "Content-Crs": "EPSG:4326"}
)


def post(pad, gegevens):
    antwoord = sessie.post(f"{ZRC}/{pad}", json=gegevens, timeout=30)
    if antwoord.status_code != 201:
        sys.exit(f"POST {pad} gaf {antwoord.status_code}: {antwoord.text}")
    return antwoord.json()


bestaand = sessie.get(f"{ZRC}/zaken", params={"identificatie": ZAAK_ID, "bronorganisatie": RSIN}, timeout=30)
bestaand.raise_for_status()
if bestaand.json()["results"]:
    print(bestaand.json()["results"][0]["url"])
    sys.exit(0)

zaak = post(
    "zaken",
    {
        "identificatie": ZAAK_ID,
        "bronorganisatie": RSIN,
        "verantwoordelijkeOrganisatie": RSIN,
        "zaaktype": ZAAKTYPE,
        "omschrijving": "een dakkapel aan de voorkant van uw woning",
        "startdatum": "2026-11-02",
        "vertrouwelijkheidaanduiding": "zaakvertrouwelijk",
    },
)
post(
    "rollen",
    {
        "zaak": zaak["url"],
        "betrokkeneType": "natuurlijk_persoon",
        "roltype": f"{CAT}/roltypen/5f1bd2b0-0d8c-4a8e-9d61-000000000020",
        "roltoelichting": "Aanvrager van de omgevingsvergunning",
        "betrokkeneIdentificatie": {
            "inpBsn": "999993653",
            "geslachtsnaam": "Jansen",
            "voorvoegselGeslachtsnaam": "",
            "voorletters": "J.",
            "voornamen": "Jan",
            "geslachtsaanduiding": "m",
            "verblijfsadres": {
                "aoaIdentificatie": "0363200000000001",
                "wplWoonplaatsNaam": "Rivierstad",
                "gorOpenbareRuimteNaam": "Dorpsstraat",
                "aoaPostcode": "1234AB",
                "aoaHuisnummer": 12,
                "aoaHuisletter": "a",
                "aoaHuisnummertoevoeging": "",
            },
        },
    },
)
post(
    "rollen",
    {
        "zaak": zaak["url"],
        "betrokkeneType": "medewerker",
        "roltype": f"{CAT}/roltypen/5f1bd2b0-0d8c-4a8e-9d61-000000000021",
        "roltoelichting": "Behandelaar",
        "betrokkeneIdentificatie": {
            "identificatie": "avries",
            "achternaam": "Vries",
            "voorletters": "A.",
            "voorvoegselAchternaam": "de",
        },
    },
)
post(
    "zaakobjecten",
    {
        "zaak": zaak["url"],
        "objectType": "adres",
        "relatieomschrijving": "Locatie van het project",
        "objectIdentificatie": {
            "identificatie": "0363200000000002",
            "wplWoonplaatsNaam": "Rivierstad",
            "gorOpenbareRuimteNaam": "Kerkweg",
            "huisnummer": 7,
            "huisletter": "",
            "huisnummertoevoeging": "bis",
            "postcode": "1234CD",
        },
    },
)
post(
    "zaakobjecten",
    {
        "zaak": zaak["url"],
        "objectType": "kadastrale_onroerende_zaak",
        "relatieomschrijving": "Perceel",
        "objectIdentificatie": {
            "kadastraleIdentificatie": "RVS00K123400000",
            "kadastraleAanduiding": "Rivierstad K 1234",
        },
    },
)
for uuid, waarde in [
    ("5f1bd2b0-0d8c-4a8e-9d61-000000000040", "385.00"),
    ("5f1bd2b0-0d8c-4a8e-9d61-000000000041", "OLO-2026-4711"),
]:
    post(
        f"zaken/{zaak['uuid']}/zaakeigenschappen",
        {"zaak": zaak["url"], "eigenschap": f"{CAT}/eigenschappen/{uuid}", "waarde": waarde},
    )
print(zaak["url"])
