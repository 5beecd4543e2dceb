"""Fill a DOCX template (docxtpl conventions) in a sandbox, with undefined variables as errors and XML escaping."""

from __future__ import annotations

import io
import re
from contextlib import contextmanager
from pathlib import Path

from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from checks.grondslagen import grondslagen
from generator.vullen.betaling import betaalcode_functie, logo_functie
from generator.vullen.bouwstenen import bouwsteen_functie
from generator.vullen.eigenschappen import zet_eigenschappen, zet_taal
from generator.vullen.fouten import RenderFout
from generator.vullen.jinja_meldingen import ontbreekt_melding, syntaxmelding
from generator.vullen.lijsten import herstart_lijsten
from generator.vullen.opmaak import FILTERS
from generator.vullen.zaakregels import alleen_schrijfbaar


def omgeving(klasse: type[SandboxedEnvironment] = SandboxedEnvironment) -> SandboxedEnvironment:
    """Sandboxed: no Python internals; StrictUndefined: no letter with a hole; autoescape: `&` and `<` stay valid XML;
    finalize: no printed value with a character a document cannot hold. `klasse` lets the lint use a subclass that
    records which branches a render reached."""
    env = klasse(undefined=StrictUndefined, autoescape=True, finalize=alleen_schrijfbaar)
    env.filters.update(FILTERS)
    env.globals["grondslag"] = grondslag
    return env


def grondslag(sleutel: str, lid: str | None = None, onder: str | None = None) -> str:
    """{{ grondslag('awb_5_32') }} -> 'artikel 5:32 van de Algemene wet bestuursrecht' (content/grondslagen.yaml);
    {{ grondslag('awb_7_11', lid='tweede') }} -> 'artikel 7:11, tweede lid, van de Algemene wet bestuursrecht'."""
    gegevens = grondslagen().get(sleutel)
    if gegevens is None:
        raise RenderFout(f"grondslag '{sleutel}' staat niet in content/grondslagen.yaml")
    citaat = gegevens["citaat"]
    if lid or onder:
        artikel, rest = citaat.split(" van ", 1)
        delen = [artikel] + ([f"{lid} lid"] if lid else []) + ([f"onder {onder}"] if onder else [])
        citaat = ", ".join(delen) + ", van " + rest
    return citaat


def vul_docx(docx_pad: Path, context: dict, naam: str, env: SandboxedEnvironment | None = None) -> bytes:
    """Render the DOCX template at docx_pad and return the document's bytes."""
    sjabloon = DocxTemplate(str(docx_pad))
    env = met_functies(env or omgeving(), sjabloon, context.get("gemeente") or {}, naam)
    with vertaalde_fouten(naam, docx_pad):
        sjabloon.render(context, jinja_env=env, autoescape=True)
    herstart_lijsten(sjabloon.docx)
    zet_taal(sjabloon.docx.styles.element)
    zet_eigenschappen(sjabloon.docx.core_properties._element, context, naam)
    uitvoer = io.BytesIO()
    sjabloon.save(uitvoer)
    return uitvoer.getvalue()


def met_functies(env: SandboxedEnvironment, sjabloon: DocxTemplate, gemeente: dict, naam: str,
                 bouwsteen_xml: dict | None = None) -> SandboxedEnvironment:
    """The template functions that need the DOCX: bouwsteen(), betaalcode() and logo().
    `bouwsteen_xml` keeps each distinct bouwsteen text as Word XML, for a renderer that fills many letters."""
    env.globals["bouwsteen"] = bouwsteen_functie(sjabloon, naam, bouwsteen_xml)
    env.globals["betaalcode"] = betaalcode_functie(sjabloon, gemeente, naam)
    env.globals["logo"] = logo_functie(sjabloon, gemeente, naam)
    return env


@contextmanager
def vertaalde_fouten(naam: str, docx_pad: Path | None = None):
    """Jinja's and the filters' errors as one RenderFout in Dutch, with the variable and where it is used."""
    try:
        yield
    except UndefinedError as fout:
        melding, variabele = ontbreekt_melding(fout)
        plaats = _plaats(docx_pad, variabele) if docx_pad and variabele else ""
        raise RenderFout(f"sjabloon {naam}: variabele '{variabele}' heeft geen waarde{plaats} ({melding})" if variabele
                         else f"sjabloon {naam}: {melding}") from None
    except SecurityError as fout:
        raise RenderFout(f"sjabloon {naam}: niet toegestaan in een sjabloon: {fout}") from None
    except TemplateSyntaxError as fout:
        raise RenderFout(f"sjabloon {naam}: fout in een sjabloontag: {syntaxmelding(fout)}") from None
    except TemplateError as fout:
        raise RenderFout(f"sjabloon {naam}: kan niet gevuld worden: {fout}") from None
    except (ValueError, TypeError, ArithmeticError) as fout:     # a filter given an empty or wrong value
        raise RenderFout(f"sjabloon {naam}: een waarde past niet bij de opmaak in het sjabloon ({fout})") from None


def _plaats(docx_pad: Path, variabele: str) -> str:
    """Where in the Word document the variable is used, as Word shows it: ' in alinea N: "..."' (or a table row,
    header, footer), or '' when not found."""
    from checks.document import DocumentFout, lees_document
    try:
        alineas = lees_document(docx_pad).alineas
    except DocumentFout:
        return ""
    for alinea in alineas:
        if re.search(rf"[{{%][^}}%]*\b{re.escape(variabele)}\b", alinea.tekst):
            return f' in {alinea.positie}: "{alinea.tekst.strip()[:80]}"'
    return ""
