"""The JSON API under /api/: the same operations as the pages (sjablonen, genereer, controleer, b1), for other
programs. Described by the generated OpenAPI document at /openapi.json; tested against it with schemathesis."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from enum import Enum
from pathlib import PurePosixPath
from typing import Literal

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel, Field

from checks.awb.controle import Onderdeel
from checks.awb.controle import controleer as awb_controleer
from checks.awb.regels import besluittypen
from checks.b1.regels import Probleem
from checks.bevinding import Bevinding
from checks.document import Document, DocumentFout, lees_document, lees_tekst
from checks.werkers import controleer_b1
from generator.vullen.fouten import InvoerFout
from generator.vullen.genereer import eis_vrijgave, registreer, vrij_te_geven, vul_en_keur
from generator.vullen.keuring import ProcedureGeweigerd, VrijgaveGeweigerd, eis_procedure, procedure_van
from generator.vullen.sjabloon import catalogus
from generator.vullen.velden import valideer
from toegang.identiteit import Identiteit
from web.toegang import vereist
from web.veiligheid import MAX_VERZOEK, sjabloon_of_404, status

class Fout(BaseModel):
    detail: list[str] | dict | str = Field(description="Wat er mis is, in het Nederlands")


# Every operation asks a right (web.toegang): without a session, service key or token 401, without the right 403.
router = APIRouter(prefix="/api", tags=["api"], responses={
    401: {"model": Fout, "description": "Niet aangemeld: geef `Authorization: Bearer` met een sleutel (sjs_...) of "
                                         "een token van de identity provider"},
    403: {"model": Fout, "description": "Aangemeld, maar zonder het recht dat deze bewerking vraagt"}})
MAX_DOCUMENT = 10 * 1024 * 1024
GEEN_JSON = "De inhoud van het verzoek is geen geldige JSON"
VERZOEK_TE_GROOT = f"Het verzoek is groter dan {MAX_VERZOEK // (1024 * 1024)} MB"
TE_GROOT = f"{VERZOEK_TE_GROOT}, of het document is te groot om te lezen (een grens uit docs/betrouwbaarheid.md)"
GELUKT = "Gelukt"
# The checks' own dataclasses carry English docstrings for developers, which would become the schemas' descriptions
# in the OpenAPI document; a reader of /docs gets these (web.apidocs puts them in).
BESCHRIJVINGEN = {
    "Onderdeel": "Eén onderdeel zoals de controle het beoordeelde: aanwezig (met de tekst die het laat zien), "
                 "ontbreekt, of niet_vastgesteld (met de reden waarom dat uit de tekst niet blijkt).",
    "Bevinding": "Wat de controle vond: de regel, de ernst (fout, waarschuwing of info), het artikel of de B1-regel "
                 "waar het op steunt, wat er mis is, wat beter kan, en de tekst waar het over gaat en waar die staat.",
    "Probleem": "Wat beter kan voor taalniveau B1: de regel, de ernst, wat er mis is, wat beter kan, de woorden "
                "waar het over gaat, de hele zin en waar die woorden in de zin staan (begin en eind; leeg als het "
                "over de hele brief gaat).",
}
NIET_VRIJGEGEVEN = ('geef "concept": true voor een proefdocument (met CONCEPT op elke pagina), of laat de '
                    "sjablonenwerkgroep het sjabloon vrijgeven (juridisch en communicatief goedgekeurd)")


def _fouten(**beschrijvingen: str) -> dict:
    codes = {"onleesbaar": 400, "niet_gevonden": 404, "conflict": 409, "te_groot": 413, "ongeldig": 422}
    return {codes[soort]: {"model": Fout, "description": tekst} for soort, tekst in beschrijvingen.items()}


class SjabloonSamenvatting(BaseModel):
    id: str
    titel: str
    besluittype: str
    versie: str
    status: Literal["vrijgegeven", "concept"]


class SjabloonDetail(SjabloonSamenvatting):
    eigenaar: str
    velden: dict = Field(description="De gedeclareerde velden, zoals in sjabloon.yaml")


class AwbUitslag(BaseModel):
    bestand: str
    besluittype: str
    besluittype_herkend: bool
    zekerheid: float
    herkend_op: list[str]
    elementen: dict[str, bool | None]
    onderdelen: dict[str, Onderdeel] = Field(
        description="Per onderdeel dat voor dit type geldt: aanwezig (met het fragment dat het laat zien), ontbreekt, "
                    "of niet_vastgesteld (met de reden)")
    bevindingen: list[Bevinding]               # the checks' own dataclasses describe the findings
    vrijgave: bool


class B1Zin(BaseModel):
    tekst: str
    positie: str
    score: float
    problemen: list[Probleem]


class B1NietGescoord(BaseModel):
    tekst: str
    soort: str = Field(description="adres, kenmerk, datum, aanhef, groet, ondertekening, bezwaarclausule, ...")
    positie: str


class B1Uitslag(BaseModel):
    bestand: str
    b1: bool
    niveau: str
    score: float
    maten: dict
    redenen: list[str]
    zinnen: list[B1Zin]
    bevindingen: list[Probleem]
    niet_gescoord: list[B1NietGescoord] = Field(default_factory=list,
                                                description="Briefonderdelen en wettekst die niet meetellen")


class GenereerVerzoek(BaseModel):
    sjabloon: str = Field(max_length=64, description="Id van het sjabloon, zoals in GET /api/sjablonen")
    zaak: dict = Field(description="De zaakgegevens, met de velden van het sjabloon")
    dagtekening: dt.date | None = Field(None, description="Standaard: vandaag")
    concept: bool = Field(False, description="Proefdocument (CONCEPT) uit een sjabloon dat niet is vrijgegeven")
    forceer_reden: str | None = Field(None, max_length=2000, description="Waarom het document ondanks fouten weg mag")


class GenereerUitslag(BaseModel):
    bestand: str
    docx_base64: str
    sha256: str
    concept: bool
    waarschuwingen: list[str]
    procedure: list[Bevinding]                 # the zaak against the procedure rules of its besluittype
    awb: AwbUitslag
    b1: B1Uitslag


class DocumentVerzoek(BaseModel):
    bestandsnaam: str = Field("brief.txt", max_length=255, description="Naam met .docx, .pdf, .txt of .md")
    inhoud_base64: str | None = Field(None, max_length=MAX_DOCUMENT * 4 // 3 + 4, description="Het bestand, base64")
    tekst: str | None = Field(None, max_length=200_000, description="Of: de tekst zelf")


Besluittype = Enum("Besluittype", {naam: naam for naam in sorted(besluittypen())}, type=str)


class ControleerVerzoek(DocumentVerzoek):
    besluittype: Besluittype | None = Field(None, description="Anders herkend uit de tekst")


@router.get("/sjablonen", response_model=list[SjabloonSamenvatting], summary="De sjablonen in de catalogus",
            response_description=GELUKT)
def sjablonen(_: Identiteit = Depends(vereist("genereren"))):
    return [s.samenvatting() for s in catalogus()]


@router.get("/sjablonen/{sjabloon_id}", response_model=SjabloonDetail, summary="Een sjabloon met zijn velden",
            response_description=GELUKT, responses=_fouten(niet_gevonden="Onbekend sjabloon"))
def sjabloon(sjabloon_id: str, _: Identiteit = Depends(vereist("genereren"))):
    s = sjabloon_of_404(sjabloon_id)
    return s.samenvatting() | {"eigenaar": s.eigenaar, "velden": s.velden}


@router.post("/genereer", response_model=GenereerUitslag, summary="Maak een document uit een sjabloon en een zaak",
             response_description=GELUKT, responses=_fouten(onleesbaar=GEEN_JSON, niet_gevonden="Onbekend sjabloon",
                               te_groot=VERZOEK_TE_GROOT,
                               conflict="Sjabloon niet vrijgegeven, of de controle vond fouten (met de bevindingen)",
                               ongeldig="De zaak past niet bij de velden van het sjabloon (elk probleem apart)"))
def genereer(verzoek: GenereerVerzoek, request: Request, wie: Identiteit = Depends(vereist("genereren"))):
    s = sjabloon_of_404(verzoek.sjabloon)
    try:
        eis_vrijgave(s, verzoek.concept, uitweg=NIET_VRIJGEGEVEN)
    except InvoerFout as fout:
        raise HTTPException(409, fout.meldingen) from None
    zaak, problemen = valideer(s.velden, verzoek.zaak)
    if problemen:
        raise HTTPException(422, problemen)
    dagtekening, gemeente = verzoek.dagtekening or dt.date.today(), request.app.state.gemeente
    reden = (verzoek.forceer_reden or "").strip() or None
    try:
        procedure = procedure_van(s, zaak, dagtekening, gemeente)
        eis_procedure(procedure, reden)
        ontwerp = vul_en_keur(s, zaak, dagtekening, gemeente, "zaak", procedure)
        document = vrij_te_geven(ontwerp, reden)
    except ProcedureGeweigerd as geweigerd:
        raise HTTPException(409, {"melding": "niet vrijgegeven: de zaak past niet bij de procedure; herstel de zaak "
                                             "of geef forceer_reden",
                                  "fouten": [f"procedure:{b.regel}" for b in geweigerd.bevindingen if b.ernst == "fout"],
                                  "procedure": [b.as_json() for b in geweigerd.bevindingen]}) from None
    except VrijgaveGeweigerd as geweigerd:
        raise HTTPException(409, {"melding": "niet vrijgegeven: de controle vond fouten; herstel de zaak of geef "
                                             "forceer_reden", "fouten": geweigerd.keuring.fouten,
                                  "procedure": [b.as_json() for b in geweigerd.keuring.procedure],
                                  "awb": geweigerd.keuring.awb.as_json(), "b1": geweigerd.keuring.b1.as_json()}) from None
    except InvoerFout as fout:
        raise HTTPException(422, fout.meldingen) from None
    document = registreer(request.app.state.register, ontwerp, document, reden, wie.naam, wie.als_register())
    return {"bestand": ontwerp.bestandsnaam, "docx_base64": base64.b64encode(document).decode(),
            "sha256": hashlib.sha256(document).hexdigest(), "concept": ontwerp.concept,
            "waarschuwingen": ontwerp.waarschuwingen, "procedure": [b.as_json() for b in ontwerp.keuring.procedure],
            "awb": ontwerp.keuring.awb.as_json(),
            "b1": ontwerp.keuring.b1.as_json()}


@router.post("/controleer", response_model=AwbUitslag, summary="Controleer een besluit op de onderdelen die de Awb vraagt",
             response_description=GELUKT, responses=_fouten(onleesbaar=GEEN_JSON, te_groot=TE_GROOT,
                               ongeldig="Het verzoek of het document is niet te lezen, of gaat over een grens"))
def controleer(verzoek: ControleerVerzoek, _: Identiteit = Depends(vereist("awb_controleren"))):
    return awb_controleer(_document(verzoek), verzoek.besluittype and verzoek.besluittype.value).as_json()


@router.post("/b1", response_model=B1Uitslag, summary="Controleer een brief op taalniveau B1",
             response_description=GELUKT, responses=_fouten(onleesbaar=GEEN_JSON, te_groot=TE_GROOT,
                               ongeldig="Het verzoek of het document is niet te lezen, of gaat over een grens"))
def b1(verzoek: DocumentVerzoek, _: Identiteit = Depends(vereist("b1_controleren"))):
    return controleer_b1(_document(verzoek)).as_json()


def _document(verzoek: DocumentVerzoek) -> Document:
    naam = PurePosixPath(verzoek.bestandsnaam.replace("\\", "/")).name or "brief.txt"
    if (verzoek.inhoud_base64 is None) == (verzoek.tekst is None):
        raise HTTPException(422, ["geef precies één van inhoud_base64 en tekst"])
    if verzoek.tekst is not None:
        return lees_tekst(verzoek.tekst, naam)
    if not naam.lower().endswith((".docx", ".pdf", ".txt", ".md")):
        raise HTTPException(422, [f"bestandsnaam: {naam}: kies .docx, .pdf, .txt of .md"])
    try:
        inhoud = base64.b64decode(verzoek.inhoud_base64, validate=True)
    except ValueError:                                    # binascii.Error, or a character outside ASCII
        raise HTTPException(422, ["inhoud_base64: geen geldige base64"]) from None
    try:
        return lees_document(naam, inhoud)
    except DocumentFout as fout:
        raise HTTPException(status(fout), [str(fout)]) from None
