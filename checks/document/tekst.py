"""Plain text and Markdown: paragraphs are separated by blank lines; wrapped lines are joined again.

Markdown headings ('## Besluit', 'Besluit' underlined with '===') and a line in bold throughout ('**Besluit**')
are headings without their marks; list items stay paragraphs of their own; a short line that looks like a heading
('BESLUIT:', '3.1 Toetsing', 'II. Besluit') is one too. A text that lost its paragraph marks (one long line, as some
data sets hold decisions) is cut into sentences."""

from __future__ import annotations

import re

from checks.document.grenzen import Lezing
from checks.document.kop import korte_vetregel, lijkt_kop
from checks.document.model import Alinea, Document
from checks.document.regels import in_zinnen, regels_naar_alineas

_MD_KOP = re.compile(r"^ {0,3}#{1,6}\s+(.*?)(\s+#+)?\s*$")
_MD_VET = re.compile(r"^\s*(\*\*|__)(?P<tekst>[^*_\s].*?)\1(?P<rest>:?)\s*$")
_MD_ONDERSTREEPT = re.compile(r"^ {0,3}(=+|-+)\s*$")      # the line under a Markdown heading
_MD_LIJN = re.compile(r"^ {0,3}([-*_])(\s*\1){2,}\s*$")   # --- *** ___: a horizontal rule, no text


def lees_tekst(tekst: str, bestand: str = "tekst", lezing: Lezing | None = None) -> Document:
    """`lezing`: the deadline, checked per block (a file read by lees_document; pasted text is short)."""
    document = Document(bestand)

    def voeg_toe(stuk: str, kop: bool | None = None) -> None:
        nummer = len(document.alineas) + 1
        document.alineas.append(Alinea(stuk, f"alinea {nummer}", lijkt_kop(stuk) if kop is None else kop))

    def lopende_tekst(regels: list[str]) -> None:
        for stuk, _ in regels_naar_alineas(regels):
            for zin in in_zinnen(stuk):
                voeg_toe(zin)

    tekst = tekst.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    for blok in re.split(r"\n\s*\n", tekst):
        if lezing:
            lezing.op_tijd()
        regels: list[str] = []
        for regel in blok.split("\n"):
            if not regel.strip():
                continue
            if _MD_ONDERSTREEPT.match(regel) and len(regels) == 1 and len(regels[0].split()) <= 12:
                kop = regels.pop().strip()
                lopende_tekst(regels)
                regels = []
                voeg_toe(kop, True)
            elif _MD_LIJN.match(regel):
                lopende_tekst(regels)
                regels = []
            elif (gevonden := _MD_KOP.match(regel)) and gevonden.group(1):
                lopende_tekst(regels)
                regels = []
                voeg_toe(gevonden.group(1), True)
            elif gevonden := _MD_VET.match(regel):
                vet = gevonden.group("tekst").strip() + gevonden.group("rest")
                if korte_vetregel(vet):
                    lopende_tekst(regels)
                    regels = []
                    voeg_toe(vet, True)
                else:
                    regels.append(vet)
            else:
                regels.append(regel)
        lopende_tekst(regels)
    return document
