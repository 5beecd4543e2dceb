"""What a template uses, read from its Jinja without rendering: the dotted value paths (zaak.aanvrager.naam,
gemeente.iban), the bouwstenen and the grondslagen keys. The profile check and the lint build on this."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.oxml import parse_xml
from docxtpl import DocxTemplate
from jinja2 import nodes
from jinja2.sandbox import SandboxedEnvironment

from checks.awb.regels import orgaan
from generator.vullen.bouwstenen import lees_bouwsteen
from generator.vullen.fouten import RenderFout

FUNCTIES = {"bouwsteen", "grondslag", "betaalcode", "logo", "loop", "range", "namespace"}


def jinja_bron(docx_pad: Path) -> str:
    """The template's Jinja source as docxtpl renders it: body, headers and footers, tags split by Word rejoined."""
    sjabloon = DocxTemplate(str(docx_pad))
    document = Document(str(docx_pad))
    delen = [sjabloon.patch_xml(sjabloon.xml_to_string(document._element.body))]
    for relatie in document.part.rels.values():
        if relatie.reltype in (DocxTemplate.HEADER_URI, DocxTemplate.FOOTER_URI) and relatie.target_part.blob:
            delen.append(sjabloon.patch_xml(sjabloon.xml_to_string(parse_xml(relatie.target_part.blob))))
    return "".join(delen)


@dataclass
class Gebruik:
    paden: set[str] = field(default_factory=set)          # 'aanvrager.naam', 'orgaan.bezwaaradres.postbus'
    bouwstenen: set[str] = field(default_factory=set)
    grondslagen: set[str] = field(default_factory=set)
    optioneel: set[str] = field(default_factory=set)       # paths only used after `is defined`
    onbekende_bouwstenen: set[str] = field(default_factory=set)

    @property
    def namen(self) -> set[str]:
        """The top-level names: what the case, the profile or the generator must provide."""
        return {pad.split(".")[0] for pad in self.paden}


def gebruik(docx_pad: Path, naam_sjabloon: str = "") -> Gebruik:
    """Everything the template and its bouwstenen use (bouwstenen are read once each)."""
    resultaat = Gebruik()
    _verzamel(SandboxedEnvironment().parse(jinja_bron(docx_pad)), resultaat)
    gelezen: set[str] = set()
    while nieuw := resultaat.bouwstenen - gelezen:
        for naam in nieuw:
            gelezen.add(naam)
            try:
                _verzamel(SandboxedEnvironment().parse(lees_bouwsteen(naam, naam_sjabloon)), resultaat)
            except RenderFout:
                resultaat.onbekende_bouwstenen.add(naam)
    return resultaat


def _verzamel(boom: nodes.Template, resultaat: Gebruik) -> None:
    """Dotted paths of loaded names, minus names the template sets itself ({% for x in ... %}, {% set %}) and
    names it only uses after asking `is defined` (a bouwsteen's own parameters, such as `aan`)."""
    eigen = {n.name for n in boom.find_all(nodes.Name) if n.ctx in ("store", "param")} | FUNCTIES
    gevraagd = {_pad(t.node) for t in boom.find_all(nodes.Test) if t.name == "defined"} - {None}
    eigen |= {pad for pad in gevraagd if "." not in pad}
    resultaat.optioneel |= gevraagd
    for aanroep in boom.find_all(nodes.Call):
        if isinstance(aanroep.node, nodes.Name) and aanroep.args and isinstance(aanroep.args[0], nodes.Const):
            if aanroep.node.name == "bouwsteen":
                resultaat.bouwstenen.add(str(aanroep.args[0].value))
            elif aanroep.node.name == "grondslag":
                resultaat.grondslagen.add(str(aanroep.args[0].value))
    _paden(boom, resultaat.paden, eigen)


def _paden(knoop: nodes.Node, paden: set[str], eigen: set[str], onder_aanroep: bool = False) -> None:
    pad = _pad(knoop)
    if pad and pad.split(".")[0] not in eigen:
        # x.items() uses x, not a field 'items'
        paden.add(pad.rsplit(".", 1)[0] if onder_aanroep and "." in pad else pad)
        return
    for kind in knoop.iter_child_nodes():
        _paden(kind, paden, eigen, isinstance(knoop, nodes.Call) and kind is knoop.node)


def _pad(knoop: nodes.Node) -> str | None:
    if isinstance(knoop, nodes.Name) and knoop.ctx == "load":
        return knoop.name
    if isinstance(knoop, nodes.Getattr):
        basis = _pad(knoop.node)
        return f"{basis}.{knoop.attr}" if basis else None
    if isinstance(knoop, nodes.Getitem) and isinstance(knoop.arg, nodes.Const) and isinstance(knoop.arg.value, str):
        basis = _pad(knoop.node)
        return f"{basis}.{knoop.arg.value}" if basis else None
    return None


def ontbrekend_in_profiel(gebruikt: Gebruik, profiel: dict, besluittype: str) -> list[str]:
    """The gemeente.* and orgaan.* paths a template needs that the profile does not give (orgaan: the bestuursorgaan
    of the template's besluittype, under bestuursorganen in the profile)."""
    ontbreekt = []
    for pad in sorted(p for p in gebruikt.paden - gebruikt.optioneel if p.startswith(("gemeente.", "orgaan."))):
        waarde = profiel if pad.startswith("gemeente.") else orgaan(profiel, besluittype)
        for deel in pad.split(".")[1:]:
            waarde = waarde.get(deel) if isinstance(waarde, dict) else None
        if waarde is None:
            ontbreekt.append(pad)
    return ontbreekt
