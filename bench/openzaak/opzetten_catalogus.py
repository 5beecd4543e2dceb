"""Zet de catalogus en de toegang klaar in de lokale Open Zaak (idempotent, vaste UUID's).

Draait in Open Zaak's eigen Django: `manage.py shell < opzetten_catalogus.py` (zie opzetten.sh).
De typen dragen de omschrijvingen die de sjablonen van Sjabloonstraat in hun `zgw:` blok noemen.
"""

import os
from datetime import date, timedelta

from django.contrib.sites.models import Site
from vng_api_common.authorizations.models import Applicatie, Autorisatie
from vng_api_common.models import JWTSecret

from openzaak.accounts.models import User
from openzaak.components.catalogi.models import (
    BesluitType,
    Catalogus,
    Eigenschap,
    EigenschapSpecificatie,
    InformatieObjectType,
    RolType,
    StatusType,
    ZaakObjectType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)

BASIS = os.environ["OZ_BASIS"]  # http://127.0.0.1:8930
RSIN = os.environ["OZ_RSIN"]
CLIENT_ID = os.environ["OZ_CLIENT_ID"]
SECRET = os.environ["OZ_SECRET"]
BEGIN = date(2024, 1, 1)

site = Site.objects.get_current()
site.domain = BASIS.split("://", 1)[1]
site.name = "Open Zaak lokaal"
site.save()

if not User.objects.filter(username="admin").exists():
    User.objects.create_superuser("admin", "admin@example.com", os.environ["OZ_ADMIN_WACHTWOORD"])

catalogus, _ = Catalogus.objects.update_or_create(
    uuid="5f1bd2b0-0d8c-4a8e-9d61-000000000001",
    defaults=dict(
        naam="Sjabloonstraat testcatalogus",
        domein="SJABL",
        rsin=RSIN,
        contactpersoon_beheer_naam="Team Sjabloonstraat",
    ),
)

zaaktype, _ = ZaakType.objects.update_or_create(
    uuid="5f1bd2b0-0d8c-4a8e-9d61-000000000010",
    defaults=dict(
        identificatie="OMGEVINGSVERGUNNING",
        zaaktype_omschrijving="Omgevingsvergunning aanvragen",
        vertrouwelijkheidaanduiding="zaakvertrouwelijk",
        doel="Een omgevingsvergunning verlenen of weigeren.",
        aanleiding="Een aanvraag om een omgevingsvergunning.",
        indicatie_intern_of_extern="extern",
        handeling_initiator="aanvragen",
        onderwerp="Omgevingsvergunning",
        handeling_behandelaar="behandelen",
        doorlooptijd_behandeling=timedelta(days=56),
        opschorting_en_aanhouding_mogelijk=True,
        verlenging_mogelijk=True,
        verlengingstermijn=timedelta(days=42),
        publicatie_indicatie=False,
        versiedatum=BEGIN,
        verantwoordelijke=RSIN,
        referentieproces_naam="Omgevingsvergunning",
        producten_of_diensten=["https://example.com/producten/omgevingsvergunning"],
        datum_begin_geldigheid=BEGIN,
        catalogus=catalogus,
        concept=False,
    ),
)

for n, (uuid, omschrijving, generiek) in enumerate(
    [
        ("5f1bd2b0-0d8c-4a8e-9d61-000000000020", "Aanvrager", "initiator"),
        ("5f1bd2b0-0d8c-4a8e-9d61-000000000021", "Behandelaar", "behandelaar"),
    ]
):
    RolType.objects.update_or_create(
        uuid=uuid,
        defaults=dict(zaaktype=zaaktype, omschrijving=omschrijving, omschrijving_generiek=generiek),
    )

for volgnummer, (uuid, omschrijving) in enumerate(
    [
        ("5f1bd2b0-0d8c-4a8e-9d61-000000000030", "Ontvangen"),
        ("5f1bd2b0-0d8c-4a8e-9d61-000000000031", "Afgehandeld"),
    ],
    start=1,
):
    StatusType.objects.update_or_create(
        uuid=uuid,
        defaults=dict(
            zaaktype=zaaktype, statustype_omschrijving=omschrijving, statustypevolgnummer=volgnummer
        ),
    )

for uuid, naam, formaat, lengte in [
    ("5f1bd2b0-0d8c-4a8e-9d61-000000000040", "Leges", "getal", "10"),
    ("5f1bd2b0-0d8c-4a8e-9d61-000000000041", "Verzoeknummer", "tekst", "40"),
]:
    bestaand = Eigenschap.objects.filter(uuid=uuid).first()
    spec = bestaand.specificatie_van_eigenschap if bestaand else EigenschapSpecificatie()
    spec.formaat, spec.lengte, spec.kardinaliteit = formaat, lengte, "1"
    spec.save()
    Eigenschap.objects.update_or_create(
        uuid=uuid,
        defaults=dict(
            eigenschapnaam=naam,
            definitie=naam,
            specificatie_van_eigenschap=spec,
            zaaktype=zaaktype,
        ),
    )

for uuid, objecttype in [
    ("5f1bd2b0-0d8c-4a8e-9d61-000000000050", "adres"),
    ("5f1bd2b0-0d8c-4a8e-9d61-000000000051", "kadastrale_onroerende_zaak"),
]:
    ZaakObjectType.objects.update_or_create(
        uuid=uuid,
        defaults=dict(
            zaaktype=zaaktype,
            ander_objecttype=False,
            objecttype=f"https://example.com/objecttypen/{objecttype}",
            relatie_omschrijving=objecttype,
            datum_begin_geldigheid=BEGIN,
        ),
    )

iots = {}
for volgnummer, (uuid, omschrijving) in enumerate(
    [
        ("5f1bd2b0-0d8c-4a8e-9d61-000000000060", "Ontvangstbevestiging"),
        ("5f1bd2b0-0d8c-4a8e-9d61-000000000061", "Besluit omgevingsvergunning"),
        ("5f1bd2b0-0d8c-4a8e-9d61-000000000062", "Herinnering"),        # bulk: herinnering-afloop-vergunning
    ],
    start=1,
):
    iot, _ = InformatieObjectType.objects.update_or_create(
        uuid=uuid,
        defaults=dict(
            omschrijving=omschrijving,
            informatieobjectcategorie="brief",
            vertrouwelijkheidaanduiding="zaakvertrouwelijk",
            catalogus=catalogus,
            datum_begin_geldigheid=BEGIN,
            concept=False,
        ),
    )
    ZaakTypeInformatieObjectType.objects.update_or_create(
        zaaktype=zaaktype,
        informatieobjecttype=iot,
        defaults=dict(volgnummer=volgnummer, richting="uitgaand"),
    )
    iots[omschrijving] = iot

besluittype, _ = BesluitType.objects.update_or_create(
    uuid="5f1bd2b0-0d8c-4a8e-9d61-000000000070",
    defaults=dict(
        omschrijving="Omgevingsvergunning verleend",
        besluitcategorie="vergunning",
        reactietermijn=timedelta(weeks=6),
        publicatie_indicatie=False,
        catalogus=catalogus,
        datum_begin_geldigheid=BEGIN,
        concept=False,
    ),
)
besluittype.zaaktypen.set([zaaktype])
besluittype.informatieobjecttypen.set([iots["Besluit omgevingsvergunning"]])

# De applicatie van Sjabloonstraat: alleen wat een documentgenerator nodig heeft, per type.
JWTSecret.objects.update_or_create(identifier=CLIENT_ID, defaults=dict(secret=SECRET))
applicatie, _ = Applicatie.objects.update_or_create(
    uuid="5f1bd2b0-0d8c-4a8e-9d61-000000000080",
    defaults=dict(client_ids=[CLIENT_ID], label="Sjabloonstraat", heeft_alle_autorisaties=False),
)
applicatie.autorisaties.all().delete()
api = BASIS + "/catalogi/api/v1"
Autorisatie.objects.create(applicatie=applicatie, component="ztc", scopes=["catalogi.lezen"])
Autorisatie.objects.create(
    applicatie=applicatie,
    component="zrc",
    scopes=["zaken.lezen", "zaken.aanmaken", "zaken.bijwerken"],
    zaaktype=f"{api}/zaaktypen/{zaaktype.uuid}",
    max_vertrouwelijkheidaanduiding="zeer_geheim",
)
for iot in iots.values():
    Autorisatie.objects.create(
        applicatie=applicatie,
        component="drc",
        scopes=["documenten.lezen", "documenten.aanmaken"],
        informatieobjecttype=f"{api}/informatieobjecttypen/{iot.uuid}",
        max_vertrouwelijkheidaanduiding="zeer_geheim",
    )
Autorisatie.objects.create(
    applicatie=applicatie,
    component="brc",
    scopes=["besluiten.lezen", "besluiten.aanmaken"],
    besluittype=f"{api}/besluittypen/{besluittype.uuid}",
)
print("catalogus klaar:", f"{api}/zaaktypen/{zaaktype.uuid}")
