"""The HTML report of a bulk run, written while the run goes: each letter's overview row (and, for a small run, its
full section) goes to a temporary file at once, so no report is kept; at the end the page is put together with the
summary on top. A large run shows the summary, the letters that need a writer first in full, and one row per letter."""

from __future__ import annotations

import shutil
import tempfile
from typing import IO

from checks.b1.controle import B1Rapport
from checks.b1.rapport import HTML_KOP, HTML_OVERZICHT_KOP, HTML_STAART, html_rij, html_sectie
from checks.b1.samenvatting import Samenvatting

VOLLEDIG_TOT = 100          # up to this many letters every letter gets its full section


class HtmlVerslag:
    def __init__(self, aantal: int):
        self.volledig = aantal <= VOLLEDIG_TOT
        self.aantal = 0
        self._rijen = tempfile.TemporaryFile("w+", encoding="utf-8")
        self._secties = tempfile.TemporaryFile("w+", encoding="utf-8")

    def voeg_toe(self, rapport: B1Rapport) -> None:
        self.aantal += 1
        self._rijen.write(html_rij(rapport) + "\n")
        if self.volledig:
            self._secties.write(html_sectie(rapport) + "\n")

    def schrijf(self, doel: IO[str], samenvatting: Samenvatting) -> None:
        doel.write(HTML_KOP + "\n")
        if self.aantal > 1:
            doel.write(samenvatting.als_html() + "\n")
            if not self.volledig:
                eerst = [i.extra for i in samenvatting.eerst_naar_schrijver() if i.extra]
                if eerst:
                    doel.write("<h2>De brieven die eerst naar een schrijver moeten</h2>\n" + "\n".join(eerst) + "\n")
            doel.write(HTML_OVERZICHT_KOP + "\n")
            self._kopieer(self._rijen, doel)
            doel.write("</table>\n")
        elif samenvatting.onleesbaar:             # one letter read: no summary, but the others are named
            doel.write(samenvatting.onleesbaar_html() + "\n")
        self._kopieer(self._secties, doel)
        doel.write(HTML_STAART)

    @staticmethod
    def _kopieer(bron: IO[str], doel: IO[str]) -> None:
        bron.seek(0)
        shutil.copyfileobj(bron, doel)

    def sluit(self) -> None:
        self._rijen.close()
        self._secties.close()
