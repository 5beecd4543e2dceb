"""Bouwstenen: standard text blocks in content/bouwstenen/*.md (Markdown with Jinja), inserted by a template with
{{p bouwsteen('naam') }} as Word paragraphs in that template's own styles."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

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
        xml = Markup(naar_xml(markdown, stijl_id))   # Word paragraphs, inserted as they are (also under autoescape)
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


def naar_xml(markdown: str, stijl_id) -> str:
    """The Word XML of the paragraphs, written as text, element for element what python-docx's
    add_paragraph/add_run make (tests/test_bouwstenen.py holds them equal): building them as python-docx objects
    for every bulk letter took most of the time of its bouwsteen."""
    uit = []
    for stijl, kinderen in alineas(markdown):
        stijl = stijl_id(stijl)
        eigenschappen = f'<w:pPr><w:pStyle w:val="{_attribuut(stijl)}"/></w:pPr>' if stijl else "<w:pPr/>"
        uit.append(f"<w:p>{eigenschappen}{_runs(kinderen)}</w:p>")
    return "".join(uit)


def alineas(markdown: str):
    """Headings, paragraphs and (numbered) lists, with bold and italic; nothing else: per paragraph its style name
    (None for body text) and its inline tokens."""
    lijst, kop = None, None
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
            yield kop or lijst, token.children or []


def runs(kinderen):
    """Per run of a paragraph's inline tokens: its text and (bold, italic), or None for a line break or the space
    of a soft break, which carry no formatting."""
    vet = cursief = False
    for kind in kinderen:
        if kind.type in ("strong_open", "strong_close"):
            vet = kind.type == "strong_open"
        elif kind.type in ("em_open", "em_close"):
            cursief = kind.type == "em_open"
        elif kind.type in ("softbreak", "hardbreak"):
            yield (" " if kind.type == "softbreak" else "\n"), None
        elif kind.content:
            yield kind.content, (vet, cursief)


def _runs(kinderen) -> str:
    uit = []
    for tekst, opmaak in runs(kinderen):
        if opmaak is None:
            uit.append(f"<w:r>{_inhoud(tekst)}</w:r>")
        else:
            vet = ("<w:b/>" if opmaak[0] else "") + ("<w:i/>" if opmaak[1] else "")
            uit.append(f"<w:r>{f'<w:rPr>{vet}</w:rPr>' if vet else '<w:rPr/>'}{_inhoud(tekst)}</w:r>")
    return "".join(uit)


NIET_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
STUKKEN = re.compile(r"([^\t\r\n]+)|(\t)|[\r\n]")


def _inhoud(tekst: str) -> str:
    """A run's text as python-docx writes it: a tab is <w:tab/>, a line end <w:br/>, the rest <w:t> (preserving
    spaces at its ends); a character XML cannot hold is refused, as lxml refuses it."""
    if NIET_IN_XML.search(tekst):
        raise ValueError("All strings must be XML compatible: Unicode or ASCII, no NULL bytes or control characters")
    delen = []
    for stuk, tab in (m.groups() for m in STUKKEN.finditer(tekst)):
        if stuk:
            ruimte = ' xml:space="preserve"' if len(stuk.strip()) < len(stuk) else ""
            delen.append(f"<w:t{ruimte}>{escape(stuk)}</w:t>")
        else:
            delen.append("<w:tab/>" if tab else "<w:br/>")
    return "".join(delen)


def _attribuut(waarde: str) -> str:
    return escape(waarde, {'"': "&quot;"})
