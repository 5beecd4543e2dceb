"""The caseworker's flow: catalogue -> form (or a case file) -> preview with the Awb and B1 findings beside it ->
release (an override on a fout needs a reason, which is registered) -> download DOCX, and PDF when LibreOffice is
there."""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass
from pathlib import Path

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import UploadFile

from checks.document import lees_document
from generator.vullen.bestanden import lees_gegevens, ontleed_gegevens
from generator.vullen.fouten import InvoerFout
from generator.vullen.genereer import Ontwerp, registreer, vrij_te_geven, vul_en_keur
from generator.vullen.sjabloon import Sjabloon, catalogus
from generator.vullen.velden import valideer
from generator.vullen.zaak import samen
from toegang.identiteit import Identiteit
from web.formulier import bouw, fouten_per_veld, foutoverzicht, veld_id, zaak_uit_formulier
from web.toegang import AANGEMELD, vereist
from web.veiligheid import formulier, sjabloon_of_404
from web.voorbeeld import passages
from web.weergave import DOCX, bewaard, bijlage, toon

router = APIRouter(include_in_schema=False)
MAX_ZAAKBESTAND = 1024 * 1024


@dataclass
class Gemaakt:
    ontwerp: Ontwerp
    document: bytes
    door: str
    reden: str | None
    zaaksysteem: tuple[bool, list[str]] | None = None    # stored on the zaak? and the lines saying what happened


@router.get("/", dependencies=[Depends(vereist(AANGEMELD))])
def start(request: Request):
    return toon(request, "start.html")


@router.get("/sjablonen", dependencies=[Depends(vereist("genereren"))])
def catalogus_pagina(request: Request, zoek: str = ""):
    woorden = zoek.lower().split()
    lijst = [s for s in catalogus()
             if all(w in f"{s.titel} {s.besluittype.replace('_', ' ')} {s.id}".lower() for w in woorden)]
    return toon(request, "catalogus.html", {"sjablonen": lijst, "zoek": zoek})


@router.get("/sjablonen/{sjabloon_id}/maken", dependencies=[Depends(vereist("genereren"))])
def formulier_pagina(request: Request, sjabloon_id: str, voorbeeld: bool = False):
    sjabloon = sjabloon_of_404(sjabloon_id)
    waarden = lees_gegevens(sjabloon.voorbeeld) if voorbeeld else {}
    dagtekening = (voorbeeld and sjabloon.voorbeeld_dagtekening) or dt.date.today()    # the example is a past case
    return _formulier(request, sjabloon, waarden, dagtekening.isoformat())


@router.post("/sjablonen/{sjabloon_id}/maken")
async def maak(request: Request, sjabloon_id: str, wie: Identiteit = Depends(vereist("genereren"))):
    sjabloon = sjabloon_of_404(sjabloon_id)
    gegevens = await formulier(request)
    dagtekening = str(gegevens.get("dagtekening") or dt.date.today().isoformat())
    bestand = gegevens.get("zaakbestand")
    try:
        data = await _zaakbestand(bestand) if isinstance(bestand, UploadFile) and bestand.filename else \
            zaak_uit_formulier(gegevens)
    except InvoerFout as fout:
        return _formulier(request, sjabloon, {}, dagtekening, algemeen=fout.meldingen, status=422)
    actie = str(gegevens.get("actie") or "")
    zaak_url = str(gegevens.get("zaak_url") or "").strip()
    if actie.startswith("toevoegen:"):                      # one more item in a list, nothing checked yet
        return _formulier(request, sjabloon, data, dagtekening, extra={actie.split(":", 1)[1]: 1}, zaak_url=zaak_url)
    if actie == "zaak_ophalen":
        return await _zaak_ophalen(request, sjabloon, data, dagtekening, zaak_url, wie)
    try:
        datum = dt.date.fromisoformat(dagtekening)
    except ValueError:
        return _formulier(request, sjabloon, data, dagtekening, status=422,
                          algemeen=[f"dagtekening: '{dagtekening}' is geen datum (JJJJ-MM-DD)"])
    zaak, problemen = valideer(sjabloon.velden, data)
    if zaak_url:
        problemen += _zaak_url_problemen(zaak_url)
    if problemen:
        per_veld, algemeen = fouten_per_veld(problemen)
        return _formulier(request, sjabloon, data, dagtekening, per_veld, algemeen, status=422, zaak_url=zaak_url)
    try:
        ontwerp = await run_in_threadpool(vul_en_keur, sjabloon, zaak, datum, request.app.state.gemeente, "zaak")
    except InvoerFout as fout:
        return _formulier(request, sjabloon, data, dagtekening, algemeen=fout.meldingen, status=422, zaak_url=zaak_url)
    ontwerp.zaak_url = zaak_url or None
    return RedirectResponse(f"/ontwerpen/{request.app.state.bewaar.bewaar(ontwerp, wie)}", status_code=303)


async def _zaak_ophalen(request: Request, sjabloon: Sjabloon, data: dict, dagtekening: str, zaak_url: str,
                        wie: Identiteit):
    """Fill the form from the zaak in the zaaksysteem; what the caseworker already typed stays (it wins, as a case
    file does on the command line). A wrong value from the zaak is shown at its field with its ZGW source; what is
    still missing is not reported yet: the caseworker fills it in."""
    from zgw.zaak_lezen import zaak_uit_zaaksysteem
    if not zaak_url:
        return _formulier(request, sjabloon, data, dagtekening, {}, ["Zaak-URL: vul de URL van de zaak in"],
                          status=422, zaak_url=zaak_url)
    try:
        uit_zaak, bronnen = await run_in_threadpool(zaak_uit_zaaksysteem, zaak_url, sjabloon, (wie.subject, wie.naam))
    except InvoerFout as fout:
        return _formulier(request, sjabloon, data, dagtekening, algemeen=fout.meldingen, status=422, zaak_url=zaak_url)
    waarden = samen(uit_zaak, data)
    uit_de_zaak = {pad: bron for pad, bron in bronnen.items() if pad not in _ingevuld(data)}
    _, problemen = valideer(sjabloon.velden, waarden)
    per_veld = {pad: f"{melding} (uit het zaaksysteem: {uit_de_zaak[pad]})"
                for pad, melding in fouten_per_veld(problemen)[0].items() if pad in uit_de_zaak}
    aantal = len(uit_de_zaak)
    gevuld = f"Uit de zaak ingevuld: {aantal} {'veld' if aantal == 1 else 'velden'}. Vul aan wat ontbreekt."
    return _formulier(request, sjabloon, waarden, dagtekening, per_veld, status=422 if per_veld else 200,
                      zaak_url=zaak_url, gevuld=gevuld)


def _zaak_url_problemen(zaak_url: str) -> list[str]:
    """The Zaak-URL the document is made for, checked as the fetch checks it (no call): a zaak of the configured
    Zaken API. Its message stands above the form."""
    from zgw.zaak_lezen import eis_zaak_url, ingesteld
    try:
        eis_zaak_url(ingesteld(), zaak_url)
    except InvoerFout as fout:
        return [f"Zaak-URL: {m.removeprefix('zaak-url: ')}" for m in fout.meldingen]
    return []


def _ingevuld(data: dict, boven: str = "") -> set[str]:
    """The field paths the caseworker typed a value in (nested case data from the form)."""
    paden = set()
    for naam, waarde in data.items():
        pad = f"{boven}.{naam}" if boven else naam
        paden |= _ingevuld(waarde, pad) if isinstance(waarde, dict) else {pad}
    return paden


async def _zaakbestand(bestand: UploadFile) -> dict:
    naam = Path(bestand.filename or "zaak").name
    inhoud = await bestand.read(MAX_ZAAKBESTAND + 1)
    if len(inhoud) > MAX_ZAAKBESTAND:
        raise InvoerFout(f"{naam}: een zaakbestand is hooguit 1 MB")
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvoerFout(f"{naam}: geen tekstbestand in UTF-8 (YAML of JSON)") from None
    return ontleed_gegevens(tekst, naam, naam.lower().endswith(".json"))


def _formulier(request: Request, sjabloon: Sjabloon, waarden: dict, dagtekening: str, fouten: dict | None = None,
               algemeen: list[str] | None = None, extra: dict | None = None, status: int = 200, zaak_url: str = "",
               gevuld: str = ""):
    onderdelen = bouw(sjabloon.velden, waarden, fouten or {}, extra)
    overzicht = foutoverzicht(onderdelen)
    getoond = {id_ for id_, _ in overzicht}
    elders = [f"{pad}: {melding}" for pad, melding in (fouten or {}).items() if veld_id(pad) not in getoond]
    return toon(request, "formulier.html", {"sjabloon": sjabloon, "onderdelen": onderdelen, "dagtekening": dagtekening,
                                            "algemeen": (algemeen or []) + elders, "fouten": overzicht,
                                            "zaaksysteem": _zaaksysteem(sjabloon), "zaak_url": zaak_url,
                                            "gevuld": gevuld}, status)


def _zaaksysteem(sjabloon: Sjabloon) -> bool:
    """Does the form offer 'Haal de zaak op': a zaaksysteem is configured and the template has a mapping."""
    from zgw.instellingen import zgw_instellingen
    from zgw.veldkoppeling import koppeling_pad
    try:
        return koppeling_pad(sjabloon.map).is_file() and zgw_instellingen() is not None
    except InvoerFout:
        return False            # a half configuration: the fetch would only give its error; `sjabloon info` shows it


@router.get("/ontwerpen/{token}", dependencies=[Depends(vereist("genereren"))])
def voorvertoning(request: Request, token: str):
    ontwerp = bewaard(request, token, Ontwerp)
    return toon(request, "voorvertoning.html", _voorvertoning(ontwerp) | {"token": token})


def _voorvertoning(ontwerp: Ontwerp) -> dict:
    keuring = ontwerp.keuring
    b1_zinnen = [z for z in keuring.b1.zinnen if z.problemen]
    posities = {b.positie for b in keuring.awb.bevindingen} | {z.positie for z in b1_zinnen}
    return {"ontwerp": ontwerp, "keuring": keuring, "b1_zinnen": b1_zinnen,
            "passages": passages(lees_document(ontwerp.bestandsnaam, ontwerp.document), posities)}


@router.post("/ontwerpen/{token}/vrijgeven")
async def vrijgeven(request: Request, token: str, wie: Identiteit = Depends(vereist("genereren"))):
    ontwerp = bewaard(request, token, Ontwerp)
    gegevens = await formulier(request)
    reden = str(gegevens.get("reden") or "").strip()
    meldingen = []
    if ontwerp.keuring.fouten and not reden:
        meldingen.append("De controle vond fouten. Herstel de zaak, of leg vast waarom het document toch weg mag.")
    if meldingen:
        return toon(request, "voorvertoning.html", _voorvertoning(ontwerp) | {
            "token": token, "meldingen": meldingen, "reden": reden}, 422)
    reden = reden if ontwerp.keuring.fouten else None
    document = vrij_te_geven(ontwerp, reden)
    document = await run_in_threadpool(registreer, request.app.state.register, ontwerp, document, reden, wie.naam,
                                       wie.als_register())
    opslag = await run_in_threadpool(_sla_op, request, ontwerp, document, wie) if ontwerp.zaak_url else None
    gemaakt = Gemaakt(ontwerp, document, wie.naam, reden, opslag)
    return RedirectResponse(f"/documenten/{request.app.state.bewaar.bewaar(gemaakt, wie)}", status_code=303)


def _sla_op(request: Request, ontwerp: Ontwerp, document: bytes, wie: Identiteit) -> tuple[bool, list[str]]:
    """Store the released document on its zaak (zgw/opslaan.py). It is made and registered whatever happens here: an
    outage or a refusal leaves it in the outbox (`sjabloon zgw opnieuw`), a template that cannot be stored says why."""
    from zgw.client import ZgwClient
    from zgw.instellingen import zgw_instellingen
    from zgw.opslaan import sla_op
    try:
        if (instellingen := zgw_instellingen()) is None:
            raise InvoerFout("het zaaksysteem is niet ingesteld (docs/zgw.md)")
        with ZgwClient(instellingen, gebruiker=(wie.subject, wie.naam)) as client:
            opslag = sla_op(client, ontwerp.zaak_url, ontwerp.sjabloon, document, ontwerp.bestandsnaam, ontwerp.zaak,
                            request.app.state.register, dagtekening=ontwerp.dagtekening,
                            gemeente=request.app.state.gemeente, door=wie.naam, concept=ontwerp.concept)
    except InvoerFout as fout:
        return False, [f"Niet opgeslagen in het zaaksysteem: {melding}" for melding in fout.meldingen]
    return opslag.afgeleverd, opslag.regels()


@router.get("/documenten/{token}", dependencies=[Depends(vereist("genereren"))])
def document_pagina(request: Request, token: str):
    from generator.bulk.pdf import beschikbaar
    return toon(request, "document.html", {"gemaakt": bewaard(request, token, Gemaakt), "token": token,
                                           "pdf": beschikbaar()})


@router.get("/documenten/{token}/docx", dependencies=[Depends(vereist("genereren"))])
def download_docx(request: Request, token: str):
    gemaakt = bewaard(request, token, Gemaakt)
    return Response(gemaakt.document, media_type=DOCX, headers=bijlage(gemaakt.ontwerp.bestandsnaam))


@router.get("/documenten/{token}/pdf", dependencies=[Depends(vereist("genereren"))])
async def download_pdf(request: Request, token: str):
    gemaakt = bewaard(request, token, Gemaakt)
    try:
        pdf = await run_in_threadpool(_als_pdf, gemaakt)
    except InvoerFout as fout:
        raise HTTPException(503, f"Een PDF kan nu niet worden gemaakt: {fout}") from None
    return Response(pdf, media_type="application/pdf",
                    headers=bijlage(Path(gemaakt.ontwerp.bestandsnaam).with_suffix(".pdf").name))


def _als_pdf(gemaakt: Gemaakt) -> bytes:
    from generator.bulk.pdf import PdfOmzetter
    omzetter = PdfOmzetter()
    try:
        with tempfile.TemporaryDirectory() as map_:
            pad = Path(map_) / gemaakt.ontwerp.bestandsnaam
            pad.write_bytes(gemaakt.document)
            return omzetter.zet_om(pad)
    finally:
        omzetter.sluit()
