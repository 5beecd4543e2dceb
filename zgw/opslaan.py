"""Store a generated document in the zaaksysteem, after the gates passed: the document (and its PDF/A) as
EnkelvoudigInformatieObject linked to the zaak, and for a besluit the Besluit with its BesluitInformatieObject.

Everything goes into the outbox first (zgw/uitgaand.py) and every step looks up what an earlier attempt may already
have made before it creates anything, so an outage or a lost answer never loses a document nor makes a second one.
The delivered URLs go into the register (soort `zgw`)."""

from __future__ import annotations

import base64
import datetime as dt
import getpass
import hashlib
from dataclasses import dataclass, field

from generator.vullen.context import bereken_termijnen, gemeenteprofiel
from generator.vullen.fouten import InvoerFout
from generator.vullen.sjabloon import Sjabloon, laad
from zgw.client import ZgwFout
from zgw.uitgaand import AFGELEVERD, WACHTEND, AlAfgeleverd, Uitgaand, Wachtrij

SOORT = "zgw"                     # register entries of documents delivered to the zaaksysteem
TAAL = "dut"                      # ISO 639-2/B, as the Documenten API asks (the issue wrote `nld`, the 639-2/T code)
FORMAAT = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "pdf": "application/pdf"}
STORING = (429, 500, 502, 503, 504)
NIET_GEPROBEERD = "niet geprobeerd: het zaaksysteem was in deze run al onbereikbaar"


class OpslagFout(InvoerFout):
    """The zaaksysteem cannot take this document as configured (a type the catalogue lacks); kept in the outbox."""


@dataclass
class Opslag:
    """What became of one store: delivered (with the URLs), or waiting in the outbox, and why."""
    uitgaand_id: int
    identificatie: str
    urls: dict[str, str] = field(default_factory=dict)
    afgeleverd: bool = False
    fout: str | None = None       # the zaaksysteem's answer when not (yet) delivered
    storing: bool = False         # an outage (network, 5xx, 429) rather than a refusal

    def regels(self) -> list[str]:
        """The lines the caseworker reads."""
        if self.afgeleverd:
            return [f"zaaksysteem: {stap}: {url}" for stap, url in self.urls.items()]
        wat = "het zaaksysteem is niet bereikbaar" if self.storing else "het zaaksysteem weigert het document"
        return [f"zaaksysteem: {wat}: {self.fout}",
                f"zaaksysteem: het document wacht in de wachtrij (nummer {self.uitgaand_id}); "
                "`sjabloon zgw opnieuw` levert het af"]

    def as_json(self) -> dict:
        return {"uitgaand": self.uitgaand_id, "identificatie": self.identificatie, "afgeleverd": self.afgeleverd,
                "urls": self.urls, "fout": self.fout, "storing": self.storing}


def rsin(gemeente: dict) -> str:
    """The gemeente's RSIN from its profile (field `rsin`): nine digits passing the elfproef."""
    waarde = str(gemeente.get("rsin") or "").strip()
    if not waarde:
        raise InvoerFout("gemeenteprofiel: rsin ontbreekt; het zaaksysteem vraagt het RSIN van de gemeente "
                         "(9 cijfers) als bronorganisatie")
    cijfers = [int(c) for c in waarde] if waarde.isdigit() and len(waarde) == 9 else None
    if cijfers is None or sum(c * w for c, w in zip(cijfers, (9, 8, 7, 6, 5, 4, 3, 2, -1))) % 11:
        raise InvoerFout(f"gemeenteprofiel: rsin '{waarde}' is geen RSIN: verwacht 9 cijfers die de elfproef doorstaan")
    return waarde


def controleer(sjabloon: Sjabloon, gemeente: dict) -> None:
    """Before anything is generated: can a document of this template be stored at all? InvoerFout if not."""
    if not sjabloon.zgw:
        raise InvoerFout(f"sjabloon {sjabloon.id}: het manifest heeft geen blok zgw: (informatieobjecttype, "
                         "vertrouwelijkheidaanduiding); zonder dat kan het document niet in het zaaksysteem")
    rsin(gemeente)


def identificatie_van(zaak_url: str, sjabloon_id: str, document: bytes) -> str:
    """Stable for this document on this zaak: storing it again finds the first one instead of adding a second."""
    sleutel = "\n".join((zaak_url, sjabloon_id, hashlib.sha256(document).hexdigest()))
    return f"sjs-{hashlib.sha256(sleutel.encode()).hexdigest()[:24]}"


def sla_op(client, zaak_url: str, sjabloon: Sjabloon | str, document: bytes, bestandsnaam: str, gegevens: dict,
           register, pdf: bytes | None = None, *, dagtekening: dt.date | None = None, gemeente: dict | None = None,
           auteur: str | None = None, door: str | None = None, concept: bool = False,
           afleveren: bool = True) -> Opslag:
    """Store a document that passed the gates; never raises for the zaaksysteem being down or refusing: then the
    document waits in the outbox and the Opslag says why. InvoerFout for a template or profile that cannot be
    stored (controleer). `gegevens` is the validated zaak; a concept is stored as in_bewerking and gets no Besluit.
    `afleveren=False` only queues it (a bulk store after the zaaksysteem went down: no use trying each letter)."""
    sjabloon = laad(sjabloon) if isinstance(sjabloon, str) else sjabloon
    gemeente = gemeente if gemeente is not None else gemeenteprofiel()
    controleer(sjabloon, gemeente)
    if client.api_van(zaak_url) != "zaken":         # a URL elsewhere in the register, or in no configured API
        raise InvoerFout(f"zaak-url: {zaak_url} is geen zaak in de ingestelde Zaken API "
                         f"({client.url('zaken', 'zaken/')}...)")
    dagtekening = dagtekening or dt.date.today()
    metadata = {
        "titel": sjabloon.titel[:200], "auteur": (auteur or gemeente.get("naam") or "")[:200],
        "creatiedatum": dagtekening.isoformat(), "bronorganisatie": rsin(gemeente),
        "informatieobjecttype": sjabloon.zgw["informatieobjecttype"],
        "vertrouwelijkheidaanduiding": sjabloon.zgw["vertrouwelijkheidaanduiding"],
        "status": "in_bewerking" if concept else "definitief",
        "pdf_bestandsnaam": bestandsnaam.rsplit(".", 1)[0] + ".pdf" if pdf is not None else None,
        "sjabloon_versie": sjabloon.versie, "zaaknummer": gegevens.get("zaaknummer"),
        "door": door or getpass.getuser(), "besluit": None if concept else besluit_van(sjabloon, gegevens, dagtekening),
    }
    wachtrij = Wachtrij(register)
    uitgaand = wachtrij.plaats(identificatie=identificatie_van(zaak_url, sjabloon.id, document), zaak_url=zaak_url,
                               sjabloon=sjabloon.id, bestandsnaam=bestandsnaam, inhoud=document, pdf=pdf,
                               metadata=metadata)
    if not afleveren and uitgaand.status != AFGELEVERD:
        return Opslag(uitgaand.id, uitgaand.identificatie, dict(uitgaand.resultaat), storing=True,
                      fout=NIET_GEPROBEERD)
    return lever_af(client, register, uitgaand)


def besluit_van(sjabloon: Sjabloon, gegevens: dict, dagtekening: dt.date) -> dict | None:
    """The Besluit's dates: taken, in force and sent on the dagtekening; the uiterlijke reactiedatum is the end of
    the manifest's zgw.reactietermijn as the termijnen module counts it (for most besluiten: the bezwaartermijn)."""
    if not sjabloon.zgw.get("besluittype"):
        return None
    besluit = {"besluittype": sjabloon.zgw["besluittype"], "datum": dagtekening.isoformat(),
               "ingangsdatum": dagtekening.isoformat(), "verzenddatum": dagtekening.isoformat()}
    if naam := sjabloon.zgw.get("reactietermijn"):
        termijn = bereken_termijnen(sjabloon, dict(gegevens, dagtekening=dagtekening))[0].get(naam)
        if termijn is not None:
            besluit["uiterlijkeReactiedatum"] = termijn.einddatum.isoformat()
    return besluit


def opnieuw(client, register) -> list[Opslag]:
    """Try every document still in the outbox again, oldest first; once the zaaksysteem turns out to be down, the
    rest is left for the next time instead of each waiting out the client's retries."""
    resultaten = []
    for uitgaand in Wachtrij(register).lijst(WACHTEND):
        if resultaten and resultaten[-1].storing:
            resultaten.append(Opslag(uitgaand.id, uitgaand.identificatie, dict(uitgaand.resultaat), storing=True,
                                     fout=NIET_GEPROBEERD))
        else:
            resultaten.append(lever_af(client, register, uitgaand))
    return resultaten


def lever_af(client, register, uitgaand: Uitgaand) -> Opslag:
    """Do the steps an earlier attempt has not done; on success mark it delivered together with the register
    entry that records the URLs, in one transaction."""
    wachtrij = Wachtrij(register)
    if uitgaand.status == AFGELEVERD:
        return Opslag(uitgaand.id, uitgaand.identificatie, dict(uitgaand.resultaat), afgeleverd=True)
    urls = dict(uitgaand.resultaat)

    def bewaar(stap: str, url: str) -> None:
        urls[stap] = url
        wachtrij.stap(uitgaand.id, stap, url)

    try:
        _stappen(client, uitgaand, urls, bewaar)
    except ZgwFout as fout:
        wachtrij.mislukt(uitgaand.id, str(fout))
        return Opslag(uitgaand.id, uitgaand.identificatie, urls, fout=str(fout),
                      storing=fout.api is not None and (fout.status is None or fout.status in STORING))
    except OpslagFout as fout:
        wachtrij.mislukt(uitgaand.id, str(fout))
        return Opslag(uitgaand.id, uitgaand.identificatie, urls, fout=str(fout))
    try:
        _leg_vast(register, wachtrij, uitgaand, urls)
    except AlAfgeleverd:
        pass                        # a simultaneous attempt recorded it; the lookups made sure nothing is doubled
    return Opslag(uitgaand.id, uitgaand.identificatie, urls, afgeleverd=True)


def _leg_vast(register, wachtrij: Wachtrij, uitgaand: Uitgaand, urls: dict) -> None:
    meta = uitgaand.metadata
    register.voeg_toe(SOORT, sjabloon_id=uitgaand.sjabloon, sjabloon_versie=meta["sjabloon_versie"],
                      sha256=hashlib.sha256(uitgaand.inhoud).hexdigest(), door=meta["door"],
                      zaaknummer=meta.get("zaaknummer"),
                      gegevens={"bestand": uitgaand.bestandsnaam, "zaak": uitgaand.zaak_url,
                                "identificatie": uitgaand.identificatie, "urls": urls,
                                "pogingen": uitgaand.pogingen + 1},
                      samen_met=lambda verbinding: wachtrij.afgeleverd(uitgaand.id, verbinding))


def _stappen(client, uitgaand: Uitgaand, urls: dict, bewaar) -> None:
    meta, zaak_url = uitgaand.metadata, uitgaand.zaak_url
    catalogus = _Catalogus(client, zaak_url)
    if "informatieobjecttype" not in urls:
        bewaar("informatieobjecttype", catalogus.type("informatieobjecttypen", meta["informatieobjecttype"]))
    if meta.get("besluit"):
        # Before anything is made: a register links a document to a Besluit only when the besluittype allows the
        # document's type; found out at the last step, it would leave a document and a Besluit that never meet.
        if "besluittype" not in urls:
            bewaar("besluittype", catalogus.type("besluittypen", meta["besluit"]["besluittype"]))
        if "document" not in urls:
            _past_bij_besluittype(client, urls["besluittype"], urls["informatieobjecttype"], meta)
    bestanden = [("document", uitgaand.identificatie, uitgaand.bestandsnaam, uitgaand.inhoud, "docx")]
    if uitgaand.pdf is not None:
        bestanden.append(("pdf", f"{uitgaand.identificatie}-pdf", meta["pdf_bestandsnaam"], uitgaand.pdf, "pdf"))
    for stap, identificatie, naam, inhoud, soort in bestanden:
        if stap not in urls:
            bewaar(stap, _document(client, meta, urls["informatieobjecttype"], identificatie, naam, inhoud, soort))
        if f"{stap}_zaak" not in urls:
            bewaar(f"{stap}_zaak", _koppeling(client, "zaken", "zaakinformatieobjecten",
                                              {"zaak": zaak_url, "informatieobject": urls[stap]}))
    if not meta.get("besluit"):
        return
    if "besluit" not in urls:
        bewaar("besluit", _besluit(client, meta, urls["besluittype"], uitgaand.identificatie, zaak_url))
    for stap, *_ in bestanden:
        if f"{stap}_besluit" not in urls:
            bewaar(f"{stap}_besluit", _koppeling(client, "besluiten", "besluitinformatieobjecten",
                                                 {"besluit": urls["besluit"], "informatieobject": urls[stap]}))


def _past_bij_besluittype(client, besluittype_url: str, informatieobjecttype_url: str, meta: dict) -> None:
    """OpslagFout when the besluittype names the informatieobjecttypen it allows and the letter's type is not one."""
    toegestaan = client.haal(besluittype_url).get("informatieobjecttypen") or []
    if toegestaan and informatieobjecttype_url not in toegestaan:
        raise OpslagFout(f"informatieobjecttype '{meta['informatieobjecttype']}' hoort niet bij het besluittype "
                         f"'{meta['besluit']['besluittype']}': het zaaksysteem zou de besluitbrief niet aan het "
                         "besluit koppelen; er is niets aangemaakt. Pas zgw.informatieobjecttype in het manifest aan "
                         "of vraag de beheerder van het zaaksysteem het type bij het besluittype te zetten")


class _Catalogus:
    """The types of the catalogue the zaak's zaaktype belongs to, by omschrijving (fetched once, when needed)."""

    def __init__(self, client, zaak_url: str):
        self.client, self.zaak_url, self._zaaktype = client, zaak_url, None

    @property
    def zaaktype(self) -> dict:
        if self._zaaktype is None:
            self._zaaktype = self.client.haal(self.client.haal(self.zaak_url)["zaaktype"])
        return self._zaaktype

    def type(self, soort: str, omschrijving: str) -> str:
        vandaag = dt.date.today().isoformat()
        gevonden = [t for t in self.client.lijst("catalogi", soort, {
                        "catalogus": self.zaaktype["catalogus"], "omschrijving": omschrijving, "status": "definitief"})
                    if t.get("omschrijving") == omschrijving and t.get("catalogus") == self.zaaktype["catalogus"]
                    and str(t.get("beginGeldigheid") or "") <= vandaag
                    and (not t.get("eindeGeldigheid") or str(t["eindeGeldigheid"]) >= vandaag)]
        naam = soort[:-1]
        if not gevonden:
            raise OpslagFout(f"{naam} '{omschrijving}' staat niet (geldig en gepubliceerd) in de catalogus "
                             f"{self.zaaktype['catalogus']} van het zaaktype; pas zgw.{naam} in het manifest aan "
                             "of vraag de beheerder van het zaaksysteem het type te publiceren")
        url = gevonden[0]["url"]
        toegestaan = self.zaaktype.get(soort) or []
        if toegestaan and url not in toegestaan:
            zaaktype = self.zaaktype.get("omschrijving") or self.zaaktype.get("url")
            raise OpslagFout(f"{naam} '{omschrijving}' hoort niet bij het zaaktype {zaaktype}; vraag de beheerder "
                             "van het zaaksysteem het toe te voegen")
        return url


def _zoek(client, api: str, pad: str, filter_: dict) -> list[dict]:
    """What a collection holds that matches every filter value (checked here too, not only trusted to the server)."""
    return [item for item in client.lijst(api, pad, filter_) if all(item.get(k) == v for k, v in filter_.items())]


def _vind_of_maak(client, api: str, pad: str, zoek: dict, gegevens: dict) -> str:
    """The URL of the object an earlier attempt made (found by `zoek`), else of a new one. When the POST fails, look
    once more: its answer may have been lost after the register made the object (or the client's own retry of it
    was refused as a duplicate)."""
    if bestaand := _zoek(client, api, pad, zoek):
        return bestaand[0]["url"]
    try:
        return client.maak(api, pad, gegevens)["url"]
    except ZgwFout as fout:
        try:
            bestaand = _zoek(client, api, pad, zoek)
        except ZgwFout:
            raise fout from None
        if bestaand:
            return bestaand[0]["url"]
        raise


def _document(client, meta: dict, informatieobjecttype: str, identificatie: str, bestandsnaam: str, inhoud: bytes,
              soort: str) -> str:
    """The EnkelvoudigInformatieObject, known by identificatie and bronorganisatie."""
    zoek = {"identificatie": identificatie, "bronorganisatie": meta["bronorganisatie"]}
    return _vind_of_maak(client, "documenten", "enkelvoudiginformatieobjecten", zoek, dict(
        zoek, creatiedatum=meta["creatiedatum"], titel=meta["titel"], auteur=meta["auteur"], taal=TAAL,
        status=meta["status"], vertrouwelijkheidaanduiding=meta["vertrouwelijkheidaanduiding"], formaat=FORMAAT[soort],
        bestandsnaam=bestandsnaam, informatieobjecttype=informatieobjecttype,
        inhoud=base64.b64encode(inhoud).decode("ascii")))


def _koppeling(client, api: str, pad: str, gegevens: dict) -> str:
    """A ZaakInformatieObject or BesluitInformatieObject, known by the pair it links."""
    return _vind_of_maak(client, api, pad, gegevens, gegevens)


def _besluit(client, meta: dict, besluittype: str, identificatie: str, zaak_url: str) -> str:
    """The Besluit, known by identificatie and verantwoordelijkeOrganisatie."""
    zoek = {"identificatie": identificatie, "verantwoordelijkeOrganisatie": meta["bronorganisatie"]}
    return _vind_of_maak(client, "besluiten", "besluiten", zoek, dict(
        {k: v for k, v in meta["besluit"].items() if k != "besluittype"}, besluittype=besluittype, zaak=zaak_url,
        **zoek))
