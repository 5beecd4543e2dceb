"""Which {% if %} branches of a template a render went through. The lint renders a template once per case variant
with an environment that marks the start of every branch (also the empty 'else' of an if without one), so it can
say which branches no variant reached."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from jinja2 import nodes
from jinja2.sandbox import SandboxedEnvironment

from generator.vullen.render import omgeving

ALS_TAG = re.compile(r"\{%-?\s*(?:p|r|tr|tc)?\s*(?:if|elif)\s+(.*?)\s*-?%\}", re.DOTALL)


@dataclass(frozen=True)
class Tak:
    voorwaarde: str      # the condition as written in the tag: "uitkomst == 'toewijzing'"
    anders: bool         # the else side of the if (written, or empty when the if has no elif)
    in_kop: bool         # in a header or footer rather than the body
    nummer: int          # the how-manieth if or elif tag of its part


class TakkenOmgeving(SandboxedEnvironment):
    """Each part docxtpl renders (body, headers, footers) is parsed here; every branch gets a key
    '<part>:<N>.tak' or '<part>:<N>.anders' in `takken`, and a render adds the keys it reaches to `bereikt`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.takken: dict[str, Tak] = {}
        self.bereikt: set[str] = set()
        self.globals["_tak"] = self.bereikt.add

    def _parse(self, source, name, filename):
        boom = super()._parse(source, name, filename)
        deel = hashlib.sha1(source.encode("utf-8")).hexdigest()[:10]
        voorwaarden = ALS_TAG.findall(source)
        alle = list(boom.find_all(nodes.If))
        elifs = {id(tak) for knoop in alle for tak in knoop.elif_}
        for nummer, knoop in enumerate(alle):
            voorwaarde = voorwaarden[nummer] if len(voorwaarden) == len(alle) else f"voorwaarde {nummer + 1}"
            in_kop = "<w:body" not in source
            self._markeer(knoop.body, f"{deel}:{nummer}.tak", Tak(voorwaarde, False, in_kop, nummer), knoop.lineno)
            # the empty else after an elif chain is usually unreachable by design (every value has its branch)
            if id(knoop) not in elifs and (knoop.else_ or not knoop.elif_):
                self._markeer(knoop.else_, f"{deel}:{nummer}.anders", Tak(voorwaarde, True, in_kop, nummer), knoop.lineno)
        boom.set_environment(self)
        return boom

    def _markeer(self, takinhoud: list, sleutel: str, tak: Tak, regel: int) -> None:
        self.takken[sleutel] = tak
        takinhoud.insert(0, nodes.ExprStmt(nodes.Call(nodes.Name("_tak", "load"), [nodes.Const(sleutel)], [], None, None),
                                           lineno=regel))


def takken_omgeving() -> TakkenOmgeving:
    return omgeving(TakkenOmgeving)
