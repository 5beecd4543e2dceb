"""The werkgroep's flow: the inventory, a template's page (manifest, version, reviews, lint, example) and its
release by two reviewers."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse

from checks.document import lees_document
from generator.catalogus.inventaris import maak_inventaris
from generator.catalogus.inventaris_rapport import procent
from generator.catalogus.lint import lint
from generator.vrijgave.vier_ogen import LintMislukt
from generator.vrijgave.vier_ogen import vrijgeven as geef_vrij
from generator.vullen.context import maak_context
from generator.vullen.fouten import InvoerFout
from generator.vullen.render import vul_docx
from generator.vullen.zaak import laad_zaak
from web.toegang import vereist
from web.veiligheid import formulier, sjabloon_of_404
from web.voorbeeld import passages
from web.weergave import toon

router = APIRouter(include_in_schema=False)


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
async def sjabloon_pagina(request: Request, sjabloon_id: str, vrijgegeven: str = ""):
    sjabloon = sjabloon_of_404(sjabloon_id)
    return await _sjabloon_pagina(request, sjabloon, {"net_vrijgegeven": vrijgegeven})


async def _sjabloon_pagina(request: Request, sjabloon, extra: dict, status: int = 200):
    toestand = _toestand(sjabloon)
    rapport = await run_in_threadpool(_onthouden, request, ("lint",) + toestand, lambda: lint(sjabloon.id))
    voorbeeld = await run_in_threadpool(_onthouden, request, ("voorbeeld",) + toestand, lambda: _voorbeeld(request, sjabloon))
    beoordelingen = [r for r in request.app.state.register.regels(sjabloon=sjabloon.id, soort="vrijgave")]
    return toon(request, "sjabloon.html", {"sjabloon": sjabloon, "lint": rapport, "voorbeeld": voorbeeld,
                                           "beoordelingen": list(reversed(beoordelingen)), **extra}, status)


def _voorbeeld(request: Request, sjabloon) -> list:
    gemeente = request.app.state.gemeente
    dagtekening = sjabloon.voorbeeld_dagtekening or dt.date.today()
    context, _ = maak_context(sjabloon, laad_zaak(sjabloon.voorbeeld, sjabloon), dagtekening, gemeente)
    return passages(lees_document("voorbeeld.docx", vul_docx(sjabloon.docx, context, sjabloon.id)))


@router.post("/werkgroep/{sjabloon_id}/vrijgeven", dependencies=[Depends(vereist("juridisch_beoordelen"))])
async def vrijgeven(request: Request, sjabloon_id: str):
    sjabloon = sjabloon_of_404(sjabloon_id)
    gegevens = await formulier(request)
    velden = {naam: str(gegevens.get(naam) or "").strip() for naam in ("juridisch", "communicatief", "opmerking", "door")}
    meldingen = []
    if not velden["door"]:
        meldingen.append("Vul uw naam in bij 'Vrijgegeven door'.")
    if not meldingen:
        try:
            vrijgave = await run_in_threadpool(geef_vrij, sjabloon.id, velden["juridisch"], velden["communicatief"],
                                               velden["opmerking"] or None, velden["door"], request.app.state.register)
            return RedirectResponse(f"/werkgroep/{sjabloon.id}?vrijgegeven={vrijgave.sjabloon.versie}", status_code=303)
        except InvoerFout as fout:
            meldingen.extend(fout.meldingen)
        except LintMislukt as mislukt:
            meldingen.append(f"De lint vond {mislukt.rapport.fouten} fout(en); herstel die eerst (zie hieronder).")
    return await _sjabloon_pagina(request, sjabloon, {"meldingen": meldingen, "invoer": velden}, 422)
