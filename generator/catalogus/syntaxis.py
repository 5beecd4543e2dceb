"""Jinja syntax errors in a Word template, located as a Word user finds them: the paragraph and its text.

Word splits a tag over several runs when it is typed or corrected in pieces; the paragraph text joins the runs
again, so a split tag is read whole. Tags are checked one by one, and blocks ({% if %} ... {% endif %}) are
matched across paragraphs, so an error names the paragraph where it is, not a line in the document's XML."""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment

from checks.document import lees_document
from generator.catalogus.sjabloongebruik import jinja_bron
from generator.vullen.jinja_meldingen import syntaxmelding

TAG = re.compile(r"\{\{(.*?)\}\}|\{%(.*?)%\}|\{#.*?#\}", re.DOTALL)
OPENT = {"if", "for", "with", "filter", "macro", "call", "block", "raw", "autoescape"}
TUSSEN = {"elif": {"if"}, "else": {"if", "for"}}
ENKEL = {"set", "include", "import", "from", "do", "extends", "break", "continue", "cellbg", "colspan", "hm", "vm"}


def syntaxfouten(docx_pad: Path) -> list[tuple[str, str]]:
    """(where, message) for every syntax error; empty when the template parses."""
    env = SandboxedEnvironment()
    fouten: list[tuple[str, str]] = []
    open_blokken: list[tuple[str, str, str]] = []          # (keyword, where, tag)
    for alinea in lees_document(docx_pad).alineas:
        plaats = f'{alinea.positie}: "{kort(alinea.tekst)}"'
        fouten += [(plaats, m) for m in _losse_haken(alinea.tekst)]
        for tag in TAG.finditer(alinea.tekst):
            if tag.group(1) is not None:
                fouten += [(plaats, m) for m in _expressie(env, tag.group(1), tag.group(0))]
            elif tag.group(2) is not None:
                fouten += [(plaats, m) for m in _blok(env, tag.group(2), tag.group(0), plaats, open_blokken)]
    fouten += [(plaats, f"{tag} wordt nergens gesloten met {{% end{woord} %}}") for woord, plaats, tag in open_blokken]
    if not fouten:
        try:
            env.parse(jinja_bron(docx_pad))
        except TemplateSyntaxError as fout:
            fouten.append(("sjabloon", f"fout in een sjabloontag: {syntaxmelding(fout)}"))
    return fouten


def kort(tekst: str, lengte: int = 70) -> str:
    return tekst if len(tekst) <= lengte else tekst[:lengte - 1] + "…"


def _losse_haken(tekst: str) -> list[str]:
    zonder = TAG.sub("", tekst)
    meldingen = []
    for open_, dicht in (("{{", "}}"), ("{%", "%}")):
        if open_ in zonder:
            meldingen.append(f"'{open_}' zonder '{dicht}' in deze alinea (een tag moet in één alinea beginnen en eindigen)")
        elif dicht in zonder:
            meldingen.append(f"'{dicht}' zonder '{open_}' ervoor in deze alinea")
    return meldingen


def _expressie(env, inhoud: str, tag: str) -> list[str]:
    inhoud = re.sub(r"^[pr]\s", "", inhoud.strip())       # docxtpl's {{p ...}} and {{r ...}}
    try:
        env.parse("{{ " + inhoud + " }}")
    except TemplateSyntaxError as fout:
        return [f"{tag}: {syntaxmelding(fout)}"]
    return []


def _blok(env, inhoud: str, tag: str, plaats: str, open_blokken: list) -> list[str]:
    inhoud = re.sub(r"^-?\s*(p|r|tr|tc)\s", "", inhoud.strip()).strip("-+ ")
    woord, _, rest = inhoud.partition(" ")
    if woord in OPENT:
        open_blokken.append((woord, plaats, tag))
        return _voorwaarde(env, woord, rest, tag)
    if woord in TUSSEN:
        if not open_blokken or open_blokken[-1][0] not in TUSSEN[woord]:
            return [f"{tag} staat niet binnen een {{% if %}}" + (" of {% for %}" if woord == "else" else "")]
        return _voorwaarde(env, "if", rest, tag) if woord == "elif" else []
    if woord.startswith("end"):
        soort = woord[3:]
        if not open_blokken:
            return [f"{tag} sluit niets: er is geen open {{% {soort} %}}"]
        open_woord, open_plaats, open_tag = open_blokken.pop()
        if open_woord != soort:
            return [f"{tag} sluit {open_tag} uit {open_plaats.split(':')[0]}; verwacht {{% end{open_woord} %}}"]
        return []
    if woord not in ENKEL:
        return [f"{tag}: onbekend woord '{woord}' in een sjabloontag"]
    return []


def _voorwaarde(env, woord: str, rest: str, tag: str) -> list[str]:
    if woord not in ("if", "for"):
        return []
    try:
        env.parse("{% " + woord + " " + rest + " %}{% end" + woord + " %}")
    except TemplateSyntaxError as fout:
        return [f"{tag}: {syntaxmelding(fout)}"]
    return []
