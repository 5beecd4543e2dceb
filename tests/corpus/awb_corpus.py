"""The annotated Awb corpus (tests/corpus/awb/*.yaml): load a text, render it as DOCX, PDF or text, mutate it."""

from __future__ import annotations

import io
from pathlib import Path

import yaml

from checks.document import Document, lees_document

MAP = Path(__file__).parent / "awb"


def corpus() -> list[tuple[str, dict]]:
    return [(pad.stem, yaml.safe_load(pad.read_text(encoding="utf-8"))) for pad in sorted(MAP.glob("*.yaml"))]


def elementen_in(alineas: list[dict]) -> set[str]:
    return {e for a in alineas for e in a.get("elementen") or []}


def zonder(alineas: list[dict], element: str) -> list[dict]:
    """The mutation: every paragraph, heading or table that carries `element` removed."""
    return [a for a in alineas if element not in (a.get("elementen") or [])]


def als_document(naam: str, alineas: list[dict], formaat: str) -> Document:
    """Render the paragraphs in the given format and read them back as the checker would."""
    if formaat == "docx":
        return lees_document(f"{naam}.docx", _docx(alineas))
    if formaat == "pdf":
        return lees_document(f"{naam}.pdf", _pdf(alineas))
    return lees_document(f"{naam}.txt", _txt(alineas).encode("utf-8"))


def _txt(alineas: list[dict]) -> str:
    blokken = []
    for a in alineas:
        if "tabel" in a:
            blokken.append("\n".join("    ".join(str(c) for c in rij) for rij in a["tabel"]))
        else:
            blokken.append(str(a.get("kop") or a.get("tekst")))
    return "\n\n".join(blokken) + "\n"


def _docx(alineas: list[dict]) -> bytes:
    from docx import Document as Word
    word = Word()
    for a in alineas:
        if "kop" in a:
            word.add_heading(str(a["kop"]), level=2)
        elif "tabel" in a:
            rijen = a["tabel"]
            tabel = word.add_table(rows=len(rijen), cols=max(len(r) for r in rijen))
            for rij, cellen in zip(tabel.rows, rijen):
                for cel, tekst in zip(rij.cells, cellen):
                    cel.text = str(tekst)
        else:
            word.add_paragraph(str(a["tekst"]))
    uit = io.BytesIO()
    word.save(uit)
    return uit.getvalue()


def _pdf(alineas: list[dict]) -> bytes:
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    stijlen = getSampleStyleSheet()
    inhoud = []
    for a in alineas:
        if "kop" in a:
            inhoud.append(Paragraph(escape(str(a["kop"])), stijlen["Heading2"]))
        elif "tabel" in a:
            inhoud.append(Table([[str(c) for c in rij] for rij in a["tabel"]]))
        else:
            inhoud.append(Paragraph(escape(str(a["tekst"])).replace("\n", "<br/>"), stijlen["BodyText"]))
    uit = io.BytesIO()
    SimpleDocTemplate(uit, pagesize=A4).build(inhoud)
    return uit.getvalue()
