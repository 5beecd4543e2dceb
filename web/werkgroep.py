"""The werkgroep's flow: the inventory, a template's page (manifest, version, reviews, lint, example) and its
release by two reviewers: each logged-in reviewer approves the half their role allows (vier_ogen.beoordelen); the
second approval, by another person, releases the template."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import UploadFile

from checks.document import DocumentFout, lees_document
from generator.catalogus.inventaris import maak_inventaris
from generator.catalogus.inventaris_rapport import procent
from generator.catalogus.lint import lint
from generator.vrijgave.register.regel import naam_van
from generator.vrijgave.vier_ogen import RECHT, SOORTEN, LintMislukt, beoordelen, open_beoordelingen
from generator.vrijgave.wijziging import vervang_docx
from generator.vullen.context import maak_context
from generator.vullen.fouten import InvoerFout
from generator.vullen.render import vul_docx
from generator.vullen.zaak import laad_zaak
from toegang.identiteit import Identiteit
from web.toegang import vereist, weigering
from web.veiligheid import Afgekeurd, controleer_docx, formulier, sjabloon_of_404, status
from web.voorbeeld import passages
from web.weergave import DOCX, bijlage, toon

router = APIRouter(include_in_schema=False)
WIJZIGEN = "sjablonen_wijzigen"


def _onthouden(request: Request, sleutel: tuple, maak):
    """A result that only changes with the template (lint, example): kept per DOCX hash, manifest and day."""
    cache = request.app.state.cache
    if sleutel not in cache:
        if len(cache) > 200:
            cache.clear()
        cache[sleutel] = maak()
    return cache[sleutel]


def _toestand(sjabloon) -> tuple:
    return (sjabloon.id, sjabloon.docx_sha256, (sjabloon.map / "sjabloon.yaml").read_bytes(), dt.date.today())


@router.get("/werkgroep", dependencies=[Depends(vereist("catalogus_inzien"))])
async def inventaris(request: Request):
    def lint_voorbeeld(sjabloon, dag):
        return _onthouden(request, ("inventaris",) + _toestand(sjabloon),
                          lambda: lint(sjabloon.id, dag, alleen_voorbeeld=True))

    inv = await run_in_threadpool(maak_inventaris, request.app.state.register, dt.date.today(), lint_voorbeeld)
    return toon(request, "inventaris.html", {"inv": inv, "procent": procent})


@router.get("/werkgroep/{sjabloon_id}", dependencies=[Depends(vereist("catalogus_inzien"))])
async def sjabloon_pagina(request: Request, sjabloon_id: str, vrijgegeven: str = "", goedgekeurd: str = "",
                          gewijzigd: str = ""):
    sjabloon = sjabloon_of_404(sjabloon_id)
    return await _sjabloon_pagina(request, sjabloon, {"net_vrijgegeven": vrijgegeven, "net_gewijzigd": gewijzigd == "1",
                                                      "net_goedgekeurd": goedgekeurd if goedgekeurd in SOORTEN else ""})


async def _sjabloon_pagina(request: Request, sjabloon, extra: dict, status: int = 200):
    toestand = _toestand(sjabloon)
    rapport = await run_in_threadpool(_onthouden, request, ("lint",) + toestand, lambda: lint(sjabloon.id))
    voorbeeld, zonder_voorbeeld = await run_in_threadpool(_onthouden, request, ("voorbeeld",) + toestand,
                                                          lambda: _voorbeeld(request, sjabloon, rapport))
    register = request.app.state.register
    vrijgaven = await run_in_threadpool(register.regels, sjabloon=sjabloon.id, soort="vrijgave")
    open_ = await run_in_threadpool(open_beoordelingen, sjabloon, register)
    identiteit = request.state.identiteit
    return toon(request, "sjabloon.html", {
        "sjabloon": sjabloon, "lint": rapport, "voorbeeld": voorbeeld, "zonder_voorbeeld": zonder_voorbeeld,
        "naam_van": naam_van,
        "beoordelingen": list(reversed(vrijgaven)), "open_beoordelingen": open_,
        "mag_beoordelen": [soort for soort in SOORTEN if identiteit.mag(RECHT[soort])],
        "mag_wijzigen": identiteit.mag(WIJZIGEN), **extra}, status)


def _voorbeeld(request: Request, sjabloon, rapport) -> tuple[list, str]:
    """The example's passages, or none and why: a template the lint cannot read or parse, or one that cannot be
    filled, still gets its page, so the werkgroep sees the findings and can put a repaired Word file in place."""
    if rapport.onleesbaar or any(b.code == "syntaxis" for b in rapport.bevindingen):
        return [], "Geen voorbeeld: het sjabloon kan niet gelezen worden; zie de fouten van de lint hierboven."
    gemeente = request.app.state.gemeente
    dagtekening = sjabloon.voorbeeld_dagtekening or dt.date.today()
    try:
        context, _ = maak_context(sjabloon, laad_zaak(sjabloon.voorbeeld, sjabloon), dagtekening, gemeente)
        return passages(lees_document("voorbeeld.docx", vul_docx(sjabloon.docx, context, sjabloon.id))), ""
    except (InvoerFout, DocumentFout) as fout:
        return [], f"Geen voorbeeld: het sjabloon kan niet gevuld worden met de voorbeeldzaak ({fout})."


@router.post("/werkgroep/{sjabloon_id}/vrijgeven")
async def vrijgeven(request: Request, sjabloon_id: str, identiteit: Identiteit = Depends(vereist(*RECHT.values()))):
    """One half of the four-eyes release by the logged-in reviewer (form field `soort`: juridisch or communicatief);
    when another person gave the other half for this DOCX, the template is released."""
    sjabloon = sjabloon_of_404(sjabloon_id)
    gegevens = await formulier(request)
    soort = str(gegevens.get("soort") or "")
    opmerking = str(gegevens.get("opmerking") or "").strip() or None
    if soort in SOORTEN and not identiteit.mag(RECHT[soort]):
        raise HTTPException(403, weigering((RECHT[soort],), identiteit))
    meldingen = []
    try:
        uitkomst = await run_in_threadpool(beoordelen, sjabloon.id, identiteit, soort, request.app.state.register,
                                           opmerking)
        vervolg = (f"vrijgegeven={uitkomst.vrijgave.sjabloon.versie}" if uitkomst.vrijgave else f"goedgekeurd={soort}")
        return RedirectResponse(f"/werkgroep/{sjabloon.id}?{vervolg}", status_code=303)
    except InvoerFout as fout:
        meldingen.extend(fout.meldingen)
    except LintMislukt as mislukt:
        meldingen.append(f"De lint vond {mislukt.rapport.fouten} fout(en); herstel die eerst (zie hieronder).")
    return await _sjabloon_pagina(request, sjabloon, {"meldingen": meldingen, "invoer": {"opmerking": opmerking}}, 422)


@router.get("/werkgroep/{sjabloon_id}/sjabloon.docx", dependencies=[Depends(vereist("catalogus_inzien"))])
async def docx(sjabloon_id: str):
    """The template's Word file as it is now, to change it in Word."""
    sjabloon = sjabloon_of_404(sjabloon_id)
    if not sjabloon.docx.is_file():
        raise HTTPException(404, f"Sjabloon '{sjabloon.id}' heeft geen Word-bestand; zet een nieuw neer.")
    return Response(sjabloon.docx.read_bytes(), media_type=DOCX, headers=bijlage(f"{sjabloon.id}.docx"))


@router.post("/werkgroep/{sjabloon_id}/docx")
async def vervang(request: Request, sjabloon_id: str, identiteit: Identiteit = Depends(vereist(WIJZIGEN))):
    """A new Word file for the template: the manifest and the register name who put it there, and that person cannot
    review this version (vier_ogen)."""
    sjabloon = sjabloon_of_404(sjabloon_id)
    gegevens = await formulier(request)
    bestand = gegevens.get("bestand")
    meldingen, code = [], 422
    try:
        if not isinstance(bestand, UploadFile) or not bestand.filename:
            raise Afgekeurd("bestand: kies het nieuwe Word-bestand (DOCX)")
        if not bestand.filename.lower().endswith(".docx"):
            raise Afgekeurd(f"bestand: {bestand.filename} is geen Word-bestand; kies een DOCX")
        inhoud = await bestand.read()
        controleer_docx(inhoud, bestand.filename)
        await run_in_threadpool(vervang_docx, sjabloon.id, inhoud, identiteit, request.app.state.register)
        return RedirectResponse(f"/werkgroep/{sjabloon.id}?gewijzigd=1", status_code=303)
    except (Afgekeurd, DocumentFout) as fout:
        meldingen.append(f"bestand: {fout}" if isinstance(fout, DocumentFout) else str(fout))
        code = status(fout)
    except InvoerFout as fout:
        meldingen.extend(fout.meldingen)
    return await _sjabloon_pagina(request, sjabloon, {"wijzig_meldingen": meldingen}, code)
