"""Bouwstenen: standard text blocks in content/bouwstenen/*.md (Markdown with Jinja), inserted by a template with
{{p bouwsteen('naam') }} as Word paragraphs in that template's own styles."""

from __future__ import annotations

import re

from docx.enum.style import WD_STYLE_TYPE
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, pass_context
from jinja2.sandbox import SandboxedEnvironment
from markdown_it import MarkdownIt
from markupsafe import Markup

from checks.content import content_dir
from generator.vullen.fouten import RenderFout
from generator.vullen.opmaak import FILTERS
from generator.vullen.zaakregels import alleen_schrijfbaar

MARKDOWN = MarkdownIt("commonmark")
STIJLEN = {"h1": "Heading 1", "h2": "Heading 2", "h3": "Heading 3", "bullet": "List Bullet", "ordered": "List Number"}


def bouwsteen_functie(sjabloon: DocxTemplate, naam_sjabloon: str, als_xml: dict | None = None):
    """The Jinja global `bouwsteen(naam)` for one template being rendered. With `als_xml`, each distinct text is
    turned into Word paragraphs once and kept there as XML (bulk letters share their bouwstenen)."""
    tekst_omgeving = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, finalize=alleen_schrijfbaar)
    tekst_omgeving.filters.update(FILTERS)
    gelezen = {}                          # naam -> compiled bouwsteen, read once per template being filled
    stijlen: dict[str, str | None] = {}
    subdoc = None

    def stijl_id(naam: str | None) -> str | None:
        """The template's style id for a style name, looked up once: a search through all styles takes a while."""
        if naam not in stijlen:
            stijlen[naam] = sjabloon.docx.part.get_style_id(naam, WD_STYLE_TYPE.PARAGRAPH) if naam else None
        return stijlen[naam]

    @pass_context
    def bouwsteen(context, naam: str, **invulling):
        """`invulling` gives the bouwsteen extra values: bouwsteen('rechtsmiddelen-bezwaar', aan='de burgemeester')."""
        if naam not in gelezen:
            gelezen[naam] = tekst_omgeving.from_string(lees_bouwsteen(naam, naam_sjabloon))
        markdown = gelezen[naam].render({**context.get_all(), **invulling})
        if als_xml is not None and markdown in als_xml:
            return als_xml[markdown]
        nonlocal subdoc
        if subdoc is None:                # one subdocument, emptied for each text: opening one costs milliseconds
            subdoc = sjabloon.new_subdoc()
        for kind in list(subdoc.element.body):
            subdoc.element.body.remove(kind)
        _naar_alineas(markdown, subdoc, stijl_id)
        xml = Markup(str(subdoc))         # the paragraphs' Word XML, inserted as it is (also under autoescape)
        if als_xml is not None:
            als_xml[markdown] = xml
        return xml

    return bouwsteen


def lees_bouwsteen(naam: str, naam_sjabloon: str) -> str:
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", str(naam)):
        raise RenderFout(f"sjabloon {naam_sjabloon}: '{naam}' is geen geldige naam voor een bouwsteen")
    pad = content_dir() / "bouwstenen" / f"{naam}.md"
    if not pad.is_file():
        bekend = ", ".join(sorted(p.stem for p in pad.parent.glob("*.md") if p.stem != "README"))
        raise RenderFout(f"sjabloon {naam_sjabloon}: bouwsteen '{naam}' bestaat niet; bekende bouwstenen: {bekend}")
    return pad.read_text(encoding="utf-8")


def _naar_alineas(markdown: str, subdoc, stijl_id) -> None:
    """Headings, paragraphs and (numbered) lists, with bold and italic; nothing else."""
    lijst = None
    kop = None
    for token in MARKDOWN.parse(markdown):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            lijst = STIJLEN["bullet" if token.type == "bullet_list_open" else "ordered"]
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lijst = None
        elif token.type == "heading_open":
            kop = STIJLEN.get(token.tag, "Heading 2")
        elif token.type == "heading_close":
            kop = None
        elif token.type == "inline":
            alinea = subdoc.add_paragraph()
            alinea._p.style = stijl_id(kop or lijst)      # what add_paragraph(style=naam) does, without the search
            _runs(token.children or [], alinea)


def _runs(kinderen, alinea) -> None:
    vet = cursief = False
    for kind in kinderen:
        if kind.type in ("strong_open", "strong_close"):
            vet = kind.type == "strong_open"
        elif kind.type in ("em_open", "em_close"):
            cursief = kind.type == "em_open"
        elif kind.type in ("softbreak", "hardbreak"):
            alinea.add_run(" " if kind.type == "softbreak" else "\n")
        elif kind.content:
            run = alinea.add_run(kind.content)
            run.bold = vet or None
            run.italic = cursief or None
