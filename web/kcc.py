"""The KCC's flow: a letter (DOCX, PDF, text file or pasted text) -> B1 report with every flagged sentence
highlighted and its suggestions -> the same DOCX back with Word comments. A ZIP of letters -> one row per letter."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import PurePosixPath

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import UploadFile

from checks.b1.controle import B1Rapport
from checks.b1.rapport import docx_met_opmerkingen
from checks.b1.stapel import BRIEFSOORTEN, is_brief
from checks.document import Document, DocumentFout, lees_document, lees_tekst
from checks.document.archief import lees_lid
from checks.werkers import controleer_b1
from toegang.identiteit import Identiteit
from web.toegang import vereist
from web.veiligheid import Afgekeurd, formulier, open_map, status
from web.voorbeeld import met_zinnen, passages
from web.weergave import DOCX, bewaard, bijlage, toon

router = APIRouter(include_in_schema=False)
MAX_TEKST = 200_000


@dataclass
class Controle:
    bestandsnaam: str
    document: Document
    rapport: B1Rapport
    docx: bytes | None                 # the letter as uploaded, when it was a DOCX


@dataclass
class Map:
    bestandsnaam: str
    regels: list                       # (letter name, token of its Controle or None, report or error)


@router.get("/b1", dependencies=[Depends(vereist("b1_controleren"))])
def b1_formulier(request: Request):
    return toon(request, "b1.html")


@router.post("/b1")
async def b1_controleer(request: Request, wie: Identiteit = Depends(vereist("b1_controleren"))):
    gegevens = await formulier(request)
    bestand, tekst = gegevens.get("bestand"), str(gegevens.get("tekst") or "")
    try:
        if isinstance(bestand, UploadFile) and bestand.filename:
            naam, inhoud = PurePosixPath(bestand.filename.replace("\\", "/")).name, await bestand.read()
            if naam.lower().endswith(".zip"):
                resultaat = await run_in_threadpool(_map, naam, inhoud, request.app.state.bewaar, wie)
                return RedirectResponse(f"/b1/map/{request.app.state.bewaar.bewaar(resultaat, wie)}", status_code=303)
            controle = await run_in_threadpool(_controleer, naam, inhoud)
        elif tekst.strip():
            if len(tekst) > MAX_TEKST:
                raise Afgekeurd(f"de tekst is te lang voor één brief (meer dan {MAX_TEKST} tekens)")
            controle = await run_in_threadpool(_controleer_tekst, tekst)
        else:
            raise Afgekeurd("kies een bestand of plak een tekst")
    except (Afgekeurd, DocumentFout) as fout:
        return toon(request, "b1.html", {"melding": str(fout), "tekst": tekst}, status(fout))
    return RedirectResponse(f"/b1/{request.app.state.bewaar.bewaar(controle, wie)}", status_code=303)


def _controleer(naam: str, inhoud: bytes) -> Controle:
    """`naam` may be a path in a ZIP ('brieven/a.docx'): messages name it whole."""
    if not naam.lower().endswith(BRIEFSOORTEN):
        raise Afgekeurd(f"{naam}: kies een DOCX, PDF of tekstbestand (.txt, .md), of een ZIP met zulke brieven")
    document = lees_document(naam, inhoud)
    return Controle(naam, document, controleer_b1(document), inhoud if naam.lower().endswith(".docx") else None)


def _controleer_tekst(tekst: str) -> Controle:
    document = lees_tekst(tekst.replace("\r\n", "\n"), "geplakte tekst")
    return Controle("geplakte tekst", document, controleer_b1(document), None)


def _map(naam: str, inhoud: bytes, bewaar, wie: Identiteit) -> Map:
    """Every letter in the ZIP, checked one by one; a letter that cannot be read, or is over a limit, gets its own
    error row that names it."""
    archief = open_map(inhoud, naam)
    regels = []
    for item in archief.infolist():
        brief = item.filename
        if item.is_dir() or not is_brief(brief):
            continue
        try:
            controle = _controleer(brief, lees_lid(archief, item, brief))
            regels.append((brief, bewaar.bewaar(controle, wie), controle.rapport))
        except (Afgekeurd, DocumentFout) as fout:
            regels.append((brief, None, str(fout)))
    if not regels:
        raise Afgekeurd(f"{naam}: er staat geen DOCX, PDF of tekstbestand in")
    return Map(naam, regels)


@router.get("/b1/map/{token}", dependencies=[Depends(vereist("b1_controleren"))])
def b1_map(request: Request, token: str):
    return toon(request, "b1_map.html", {"map": bewaard(request, token, Map)})


@router.get("/b1/{token}", dependencies=[Depends(vereist("b1_controleren"))])
def b1_rapport(request: Request, token: str):
    controle = bewaard(request, token, Controle)
    return toon(request, "b1_rapport.html", {
        "controle": controle, "token": token, "rapport": controle.rapport,
        "passages": met_zinnen(passages(controle.document), controle.rapport.zinnen),
        "algemeen": [b for b in controle.rapport.bevindingen if not b.zin]})


@router.get("/b1/{token}/opmerkingen.docx", dependencies=[Depends(vereist("b1_controleren"))])
async def b1_docx(request: Request, token: str):
    controle = bewaard(request, token, Controle)
    docx = await run_in_threadpool(_met_opmerkingen, controle)
    naam = PurePosixPath(controle.bestandsnaam).stem or "brief"
    return Response(docx, media_type=DOCX, headers=bijlage(f"{naam}-B1-opmerkingen.docx"))


def _met_opmerkingen(controle: Controle) -> bytes:
    """The letter as DOCX with a Word comment on each flagged sentence. A letter that was no DOCX (text, PDF)
    becomes a plain DOCX, one paragraph per paragraph read, checked again so every position is a paragraph of it
    (the sentences are known by then, so that is quick)."""
    if controle.docx:
        return docx_met_opmerkingen(controle.docx, controle.rapport)
    from docx import Document as Word
    word = Word()
    for alinea in controle.document.alineas:
        word.add_paragraph(alinea.tekst)
    uit = io.BytesIO()
    word.save(uit)
    docx = uit.getvalue()
    return docx_met_opmerkingen(docx, controleer_b1(lees_document("brief.docx", docx)))
