"""What a KCC team lead wants after a bulk run: how many letters pass, the most frequent problems with an example
each, and the letters that need a writer first. Built letter by letter in bounded memory (counts and a top list,
never the reports themselves), written as text, HTML or JSON."""

from __future__ import annotations

import heapq
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape

from checks.b1.controle import B1Rapport
from checks.b1.maten import drempels
from checks.b1.rapport import REGEL_NAMEN

MAX_SOORTEN = 20_000        # distinct (rule, fragment) counted; beyond it the ones seen in only one letter go
MAX_ONLEESBAAR = 1_000      # unreadable files named with their reason (bounded memory); beyond it only counted


@dataclass
class Probleemsoort:
    regel: str
    fragment: str                  # '' for a rule whose fragment is no words of the sentence (zin_te_lang)
    brieven: int = 0
    keer: int = 0
    voorbeeld: str = ""            # a sentence where it occurs ('' for a finding on the whole letter)
    woorden: str = ""              # the fragment as first written (the key is lower case)
    voorbeeld_brief: str = ""      # the letter of the first occurrence


@dataclass(order=True)
class Eerst:
    """A letter for the 'writer first' list; sorts the most urgent first."""
    sleutel: tuple
    bestand: str = field(compare=False)
    niveau: str = field(compare=False)
    score: float = field(compare=False)
    moeilijke_zinnen: int = field(compare=False)
    zinnen: int = field(compare=False)
    moeilijkste_zin: str = field(compare=False)
    extra: object = field(compare=False, default=None)       # what the caller keeps with it (an HTML section)


class Samenvatting:
    def __init__(self, top: int = 10):
        self.top = top
        self.brieven = self.op_b1 = self.onleesbaar = 0
        self.onleesbare: list[tuple[str, str]] = []     # (file, reason), the first MAX_ONLEESBAAR
        self.soorten: dict[tuple[str, str], Probleemsoort] = {}
        self._eerst: list[tuple] = []             # heap of the top letters, the least urgent on top

    def voeg_toe(self, rapport: B1Rapport, extra: Callable[[], object] | None = None, naam: str = "") -> None:
        """Count one letter (`naam`: where to find it, else the report's file name); `extra` makes what to keep
        with it when it joins the 'writer first' list."""
        self.brieven += 1
        self.op_b1 += rapport.b1
        gezien = set()
        for probleem in rapport.bevindingen:
            sleutel = (probleem.regel, _fragment(probleem.fragment, probleem.zin))
            soort = self.soorten.get(sleutel)
            if soort is None:
                soort = self.soorten[sleutel] = Probleemsoort(
                    *sleutel, voorbeeld=probleem.zin, woorden=probleem.fragment if sleutel[1] else "",
                    voorbeeld_brief=naam or rapport.bestand)
            soort.keer += 1
            if sleutel not in gezien:
                gezien.add(sleutel)
                soort.brieven += 1
        if len(self.soorten) > MAX_SOORTEN:
            self.soorten = {k: s for k, s in self.soorten.items() if s.brieven > 1}
        if not rapport.b1:
            self._eerst_bij(rapport, extra, naam or rapport.bestand)

    def _eerst_bij(self, rapport: B1Rapport, extra, naam: str) -> None:
        grens = drempels()["niveaus"]["B1"]
        moeilijk = [z for z in rapport.zinnen if z.score < grens]
        sleutel = (-len(moeilijk), rapport.score)
        if len(self._eerst) >= self.top and tuple(-x for x in sleutel) <= self._eerst[0][0]:
            return                                   # less urgent than every letter on the list
        moeilijkste = min(rapport.zinnen, key=lambda z: z.score).tekst if rapport.zinnen else ""
        item = Eerst(sleutel, naam, rapport.niveau, rapport.score, len(moeilijk), len(rapport.zinnen),
                     moeilijkste, extra() if extra else None)
        heapq.heappush(self._eerst, (tuple(-x for x in sleutel), -self.brieven, item))
        if len(self._eerst) > self.top:
            heapq.heappop(self._eerst)

    def fout(self, bestand: str = "", reden: str = "") -> None:
        """A file that could not be read, or a letter without running text to judge: counted, and named with its
        reason (so the team lead's report shows which file to look at)."""
        self.onleesbaar += 1
        if bestand and len(self.onleesbare) < MAX_ONLEESBAAR:
            self.onleesbare.append((bestand, reden))

    def meest_voorkomend(self, aantal: int = 10) -> list[Probleemsoort]:
        return sorted(self.soorten.values(), key=lambda s: (-s.brieven, -s.keer, s.regel, s.fragment))[:aantal]

    def eerst_naar_schrijver(self) -> list[Eerst]:
        return sorted(item for _, _, item in self._eerst)

    def als_tekst(self) -> str:
        regels = [f"Samenvatting: {self.op_b1} van de {self.brieven} brieven op B1-niveau."]
        if self.onleesbaar:
            regels.append(f"  {_onleesbaar(self.onleesbaar)} (zie de foutmeldingen).")
            regels += [f"    {bestand}: {reden}" for bestand, reden in self.onleesbare]
            if self.onleesbaar > len(self.onleesbare):
                regels.append(f"    en nog {self.onleesbaar - len(self.onleesbare)} (zie de foutmeldingen)")
        if self.soorten:
            regels.append("De meest voorkomende problemen:")
            for nummer, soort in enumerate(self.meest_voorkomend(), start=1):
                regels.append(f"  {nummer:2}. {_naam(soort)}: in {soort.brieven} {'brief' if soort.brieven == 1 else 'brieven'} ({soort.keer} keer)")
                regels.append(f"      {_voorbeeld(soort)}")
        eerst = self.eerst_naar_schrijver()
        if eerst:
            regels.append("Eerst naar een schrijver:")
            for nummer, item in enumerate(eerst, start=1):
                regels.append(f"  {nummer:2}. {item.bestand}: niveau {item.niveau}, score {item.score:.0f}, "
                              f"{item.moeilijke_zinnen} van de {item.zinnen} zinnen te moeilijk")
                regels.append(f"      moeilijkste zin: {_kort(item.moeilijkste_zin)}")
        return "\n".join(regels)

    def als_html(self) -> str:
        delen = [f"<h2>Samenvatting</h2><p><strong>{self.op_b1} van de {self.brieven} brieven</strong> zijn op B1-niveau."
                 + (f" {_onleesbaar(self.onleesbaar)}." if self.onleesbaar else "") + "</p>"]
        if self.soorten:
            delen.append("<h3>De meest voorkomende problemen</h3><table><tr><th>Probleem</th><th>Brieven</th>"
                         "<th>Keer</th><th>Voorbeeld</th></tr>")
            delen += [f"<tr><td>{escape(_naam(s))}</td><td>{s.brieven}</td><td>{s.keer}</td>"
                      f"<td>{escape(_voorbeeld(s, kop=False))}</td></tr>" for s in self.meest_voorkomend()]
            delen.append("</table>")
        delen.append(self.onleesbaar_html())
        eerst = self.eerst_naar_schrijver()
        if eerst:
            delen.append("<h3>Eerst naar een schrijver</h3><table><tr><th>Brief</th><th>Niveau</th><th>Score</th>"
                         "<th>Te moeilijke zinnen</th><th>Moeilijkste zin</th></tr>")
            delen += [f"<tr><td>{escape(i.bestand)}</td><td>{i.niveau}</td><td>{i.score:.0f}</td>"
                      f"<td>{i.moeilijke_zinnen} van {i.zinnen}</td><td>{escape(_kort(i.moeilijkste_zin))}</td></tr>"
                      for i in eerst]
            delen.append("</table>")
        return "\n".join(d for d in delen if d)

    def onleesbaar_html(self) -> str:
        """The files that could not be read or judged, each with its reason ('' when there are none)."""
        if not self.onleesbaar:
            return ""
        rest = self.onleesbaar - len(self.onleesbare)
        return (f"<h3>Niet gelezen of niet te beoordelen</h3><p>{_onleesbaar(self.onleesbaar)}.</p><ul>"
                + "".join(f"<li>{escape(bestand)}: {escape(reden)}</li>" for bestand, reden in self.onleesbare)
                + (f"<li>en nog {rest} (zie de foutmeldingen)</li>" if rest else "") + "</ul>")

    def as_json(self) -> dict:
        return {
            "brieven": self.brieven, "op_b1": self.op_b1, "onleesbaar": self.onleesbaar,
            "onleesbare_bestanden": [{"bestand": bestand, "reden": reden} for bestand, reden in self.onleesbare],
            "problemen": [{"regel": s.regel, "fragment": s.fragment, "brieven": s.brieven, "keer": s.keer,
                           "voorbeeld": s.voorbeeld, "voorbeeld_brief": s.voorbeeld_brief}
                          for s in self.meest_voorkomend()],
            "eerst_naar_schrijver": [{"bestand": i.bestand, "niveau": i.niveau, "score": round(i.score, 1),
                                      "moeilijke_zinnen": i.moeilijke_zinnen, "zinnen": i.zinnen,
                                      "moeilijkste_zin": i.moeilijkste_zin} for i in self.eerst_naar_schrijver()],
        }


def _fragment(fragment: str, zin: str) -> str:
    """The words a problem is about, in lower case, when they are words of its sentence; '' when the fragment
    describes the sentence instead ('24 woorden ...'), so those count as one problem."""
    return fragment.lower() if fragment and zin and fragment.lower() in zin.lower() else ""


def _naam(soort: Probleemsoort) -> str:
    """'ambtelijk woord 'Teneinde'': the words as the letter wrote them (the count goes by lower case)."""
    naam = REGEL_NAMEN.get(soort.regel, soort.regel)
    return f"{naam} '{soort.woorden or soort.fragment}'" if soort.fragment else naam


def _voorbeeld(soort: Probleemsoort, kop: bool = True) -> str:
    """A sentence where it occurs, or for a finding on the whole letter (onpersoonlijk) the letter it is in."""
    if soort.voorbeeld:
        return f"bijvoorbeeld: {_kort(soort.voorbeeld)}" if kop else _kort(soort.voorbeeld)
    return f"bijvoorbeeld in {soort.voorbeeld_brief}" if kop else f"in {soort.voorbeeld_brief}"


def _kort(tekst: str, lengte: int = 160) -> str:
    return tekst if len(tekst) <= lengte else tekst[:lengte - 1].rstrip() + "…"


def _onleesbaar(aantal: int) -> str:
    return "1 bestand kon niet worden gelezen" if aantal == 1 else f"{aantal} bestanden konden niet worden gelezen"
