"""Releasing a template with the four-eyes rule: a jurist and a communication specialist, two different people,
and only when the lint passes. The release stores the DOCX's SHA-256 in the manifest and sets status `vrijgegeven`;
the first release keeps the version the werkgroep wrote (a concept "1" is released as "1"), every later one bumps it.
The register records who reviewed it. A DOCX changed afterwards no longer matches its hash, so the template counts
as concept again until the next release."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from generator.catalogus.lint import LintRapport, lint
from generator.vullen.fouten import InvoerFout
from generator.vullen.bestanden import schrijf_atomisch
from generator.vullen.sjabloon import Sjabloon, laad


class LintMislukt(Exception):
    def __init__(self, rapport: LintRapport):
        self.rapport = rapport
        super().__init__(f"{rapport.sjabloon}: de lint vond {rapport.fouten} fout(en)")


@dataclass
class Vrijgave:
    sjabloon: Sjabloon
    vorige_versie: str | None       # None at the first release
    lint: LintRapport


def vrijgeven(naam: str, juridisch: str, communicatief: str, opmerking: str | None, door: str,
              register, dagtekening: dt.date | None = None) -> Vrijgave:
    """Raises InvoerFout when the reviewers are missing or the same person, LintMislukt when the lint fails."""
    juridisch, communicatief = (juridisch or "").strip(), (communicatief or "").strip()
    if not juridisch or not communicatief:
        raise InvoerFout("vrijgeven vraagt twee beoordelaars: --juridisch NAAM en --communicatief NAAM")
    if juridisch.casefold() == communicatief.casefold():
        raise InvoerFout(f"vier-ogenprincipe: '{juridisch}' kan niet zowel de juridische als de communicatieve "
                         "beoordeling doen; vraag een tweede beoordelaar")
    sjabloon = laad(naam)
    rapport = lint(sjabloon.id, dagtekening)
    if not rapport.geslaagd:
        raise LintMislukt(rapport)
    vorige = None if eerste_vrijgave(sjabloon) else sjabloon.versie
    versie = sjabloon.versie if vorige is None else volgende_versie(vorige)
    register.voeg_toe("vrijgave", sjabloon_id=sjabloon.id, sjabloon_versie=versie, sha256=sjabloon.docx_sha256, door=door,
                      gegevens={"juridisch": juridisch, "communicatief": communicatief, "opmerking": opmerking,
                                "vorige_versie": vorige, "lint": {"waarschuwingen": len(rapport.bevindingen),
                                "varianten": rapport.varianten, "b1_score": rapport.b1_score}})
    manifest = sjabloon.map / "sjabloon.yaml"
    tekst = manifest.read_text(encoding="utf-8")
    for sleutel, waarde in (("versie", f'"{versie}"'), ("status", "vrijgegeven"), ("sha256", sjabloon.docx_sha256)):
        tekst = zet_veld(tekst, sleutel, waarde)
    schrijf_atomisch(manifest, tekst.encode("utf-8"))
    return Vrijgave(laad(sjabloon.id), vorige, rapport)


def eerste_vrijgave(sjabloon: Sjabloon) -> bool:
    """Never released: a concept without a stored hash. Its version is the one the werkgroep gave it."""
    return sjabloon.status == "concept" and not sjabloon.sha256


def volgende_versie(versie: str) -> str:
    """'1' -> '2', '1.4' -> '1.5'; the last number goes up."""
    delen = str(versie).split(".")
    if not delen[-1].isdigit():
        raise InvoerFout(f"versie '{versie}' eindigt niet op een getal; zet in sjabloon.yaml bijvoorbeeld versie: \"1\"")
    return ".".join(delen[:-1] + [str(int(delen[-1]) + 1)])


def zet_veld(manifest: str, sleutel: str, waarde: str) -> str:
    """Set a top-level manifest field in place, keeping the werkgroep's comments and layout; add it after
    `status` when it is not there yet."""
    regel = re.compile(rf"^{sleutel}:.*$", re.MULTILINE)
    if regel.search(manifest):
        return regel.sub(f"{sleutel}: {waarde}", manifest, count=1)
    return re.sub(r"^(status:.*)$", rf"\1\n{sleutel}: {waarde}", manifest, count=1, flags=re.MULTILINE)
