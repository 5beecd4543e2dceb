"""Releasing a template with the four-eyes rule: a jurist and a communication specialist, two different people
known to the program (an Identiteit from a local account or the municipality's OpenID provider, never a typed name),
neither the one who last changed the template, and only when the lint passes. The release covers what the reviewers
approved: it stores the DOCX's SHA-256 (`sha256`) and that of the manifest's content (`manifest_sha256`, without the
fields the release writes: Sjabloon.manifest_inhoud_sha256) in the manifest and sets status `vrijgegeven`; the first
release keeps the version the werkgroep wrote (a concept "1" is released as "1"), every later one bumps it. The
register records both identities and both hashes. A DOCX or manifest changed afterwards no longer matches its hash,
so the template counts as concept again until the next release.

Two ways to get there: `vrijgeven` with both identities at once (the CLI, after both passwords), or two
`beoordelen` calls, each recording one approval of the DOCX and the manifest as they are now (the web app: each
reviewer logged in on their own); the second approval by another person releases it."""

from __future__ import annotations

import datetime as dt
import re
import threading
from dataclasses import dataclass

from generator.catalogus.lint import LintRapport, lint
from generator.vullen.bestanden import schrijf_atomisch
from generator.vullen.fouten import InvoerFout
from generator.vullen.sjabloon import OnleesbaarSjabloon, Sjabloon, laad
from toegang.identiteit import SLEUTEL, Identiteit
from toegang.rollen import rollen_met

JURIDISCH, COMMUNICATIEF = "juridisch", "communicatief"
SOORTEN = (JURIDISCH, COMMUNICATIEF)
RECHT = {JURIDISCH: "juridisch_beoordelen", COMMUNICATIEF: "communicatief_beoordelen"}
BEOORDELING = {JURIDISCH: "de juridische beoordeling", COMMUNICATIEF: "de communicatieve beoordeling"}
# One release at a time in this process: two reviewers approving the two halves at the same moment in the web app
# would otherwise both see the other's approval and write two releases of one version.
_VRIJGAVE = threading.Lock()


class LintMislukt(Exception):
    def __init__(self, rapport: LintRapport):
        self.rapport = rapport
        super().__init__(f"{rapport.sjabloon}: de lint vond {rapport.fouten} fout(en)")


@dataclass
class Vrijgave:
    sjabloon: Sjabloon
    vorige_versie: str | None       # None at the first release
    lint: LintRapport


@dataclass
class Beoordeling:
    sjabloon: Sjabloon
    soort: str
    vrijgave: Vrijgave | None       # this approval completed the pair: the template is released
    wacht_op: str | None            # else the soort still missing (juridisch or communicatief)


def vrijgeven(naam: str, juridisch: Identiteit, communicatief: Identiteit, opmerking: str | None, register,
              dagtekening: dt.date | None = None, *, door: Identiteit | None = None) -> Vrijgave:
    """Both reviewers at once. Raises InvoerFout when a reviewer lacks the right, both are the same person (also one
    person holding both roles) or one of them last changed the template; LintMislukt when the lint fails.
    `door`: who carried the release out (the register's `door`); without it, both reviewers together."""
    with _VRIJGAVE:
        sjabloon = leesbaar(laad(naam))
        controleer_paar(sjabloon, juridisch, communicatief, register)
        rapport = _lint(sjabloon, dagtekening)
        return _leg_vast(sjabloon, juridisch, communicatief, opmerking, register, rapport, door)


def beoordelen(naam: str, identiteit: Identiteit, soort: str, register, opmerking: str | None = None,
               dagtekening: dt.date | None = None) -> Beoordeling:
    """Record one approval (register soort `beoordeling`) of the DOCX and the manifest as they are now. When another
    person already approved the other half of the same DOCX and manifest since the last release, the template is
    released at once (the lint runs first: when it fails nothing is recorded). The same person cannot give both
    halves."""
    if soort not in SOORTEN:
        raise InvoerFout(f"soort: '{soort}' bestaat niet; kies {' of '.join(SOORTEN)}")
    with _VRIJGAVE:
        return _beoordeel(naam, identiteit, soort, register, opmerking, dagtekening)


def _beoordeel(naam: str, identiteit: Identiteit, soort: str, register, opmerking: str | None,
               dagtekening: dt.date | None) -> Beoordeling:
    sjabloon = leesbaar(laad(naam))
    controleer_beoordelaar(sjabloon, identiteit, soort, register)
    if sjabloon.vrijgegeven:
        raise InvoerFout(f"{sjabloon.id} is al vrijgegeven (versie {sjabloon.versie}) en het DOCX en sjabloon.yaml "
                         "zijn sindsdien niet gewijzigd: er is niets te beoordelen")
    open_ = open_beoordelingen(sjabloon, register)
    ander = COMMUNICATIEF if soort == JURIDISCH else JURIDISCH
    if any(identiteit.is_zelfde(uit_register(r.gegevens["beoordelaar"])) for r in open_ if r.gegevens["soort"] == ander):
        raise InvoerFout(f"vier-ogenprincipe: {identiteit.naam} gaf {BEOORDELING[ander]} van dit DOCX al en kan niet "
                         f"ook {BEOORDELING[soort]} doen; vraag een tweede beoordelaar")
    al_gedaan = any(identiteit.is_zelfde(uit_register(r.gegevens["beoordelaar"]))
                    for r in open_ if r.gegevens["soort"] == soort)
    partner = next((r for r in reversed(open_) if r.gegevens["soort"] == ander), None)
    if partner is None:
        if al_gedaan:
            raise InvoerFout(f"{identiteit.naam} gaf {BEOORDELING[soort]} van dit DOCX al; "
                             f"het wacht op {BEOORDELING[ander]} door een ander")
        _teken(sjabloon, identiteit, soort, opmerking, register)
        return Beoordeling(sjabloon, soort, None, ander)
    tweede = uit_register(partner.gegevens["beoordelaar"])
    paar = (identiteit, tweede) if soort == JURIDISCH else (tweede, identiteit)
    controleer_paar(sjabloon, *paar, register)
    rapport = _lint(sjabloon, dagtekening)
    if not al_gedaan:
        _teken(sjabloon, identiteit, soort, opmerking, register)
    opmerkingen = "; ".join(o for o in (partner.gegevens.get("opmerking"), opmerking) if o) or None
    vrijgave = _leg_vast(sjabloon, *paar, opmerkingen, register, rapport, identiteit)
    return Beoordeling(vrijgave.sjabloon, soort, vrijgave, None)


def leesbaar(sjabloon: Sjabloon) -> Sjabloon:
    """A Word file that cannot be read is bad input, before anyone approves it (no approval of a missing file)."""
    if (fout := sjabloon.docx_fout()):
        raise OnleesbaarSjabloon(fout)
    return sjabloon


def open_beoordelingen(sjabloon: Sjabloon, register) -> list:
    """The approvals of the DOCX and the manifest as they are now, given after the template's last release (oldest
    first). The manifest's hash is in the entry's gegevens; an approval stored before it was (none there) does not
    say which manifest it saw, so it does not count."""
    laatste = max((r.id for r in register.doorloop(sjabloon=sjabloon.id, soort="vrijgave")), default=0)
    sha = sjabloon.docx_sha256          # by kind: a template's entries include every letter it made, bulk runs too
    return [r for r in register.doorloop(sjabloon=sjabloon.id, soort="beoordeling")
            if r.id > laatste and r.sha256 == sha
            and (r.gegevens or {}).get("manifest_sha256") == sjabloon.manifest_inhoud_sha256]


def controleer_beoordelaar(sjabloon: Sjabloon, identiteit: Identiteit, soort: str, register=None) -> None:
    """The reviewer has the right for this half and did not make the last change to the template."""
    if not isinstance(identiteit, Identiteit):
        raise InvoerFout(f"{soort}: {BEOORDELING[soort]} vraagt een aangemelde beoordelaar, geen getypte naam")
    if identiteit.bron == SLEUTEL:
        raise InvoerFout(f"{soort}: {identiteit.naam} is een sleutel van een systeem, geen persoon; "
                         f"{BEOORDELING[soort]} doet een mens die zich aanmeldt")
    if not identiteit.mag(RECHT[soort]):
        raise InvoerFout(f"{soort}: {identiteit.naam} mag {BEOORDELING[soort]} niet doen; daarvoor is de rol "
                         f"{' of '.join(rollen_met(RECHT[soort])) or '(geen)'} nodig (content/rollen.yaml)")
    if is_laatste_wijziger(sjabloon, identiteit, register):
        raise InvoerFout(f"vier-ogenprincipe: {identiteit.naam} wijzigde {sjabloon.id} het laatst (gewijzigd_door in "
                         f"sjabloon.yaml of het register) en kan het niet zelf beoordelen; vraag een andere beoordelaar")


def controleer_paar(sjabloon: Sjabloon, juridisch: Identiteit, communicatief: Identiteit, register=None) -> None:
    controleer_beoordelaar(sjabloon, juridisch, JURIDISCH, register)
    controleer_beoordelaar(sjabloon, communicatief, COMMUNICATIEF, register)
    if juridisch.is_zelfde(communicatief):
        raise InvoerFout(f"vier-ogenprincipe: {juridisch.naam} kan niet zowel de juridische als de communicatieve "
                         "beoordeling doen, ook niet met beide rollen; vraag een tweede beoordelaar")


def is_laatste_wijziger(sjabloon: Sjabloon, identiteit: Identiteit, register=None) -> bool:
    """The manifest's `gewijzigd_door` names this identity (its subject, and its bron when the manifest gives one),
    or the register has this identity putting the DOCX as it is now in place (soort `wijziging`): a manifest edited
    by hand afterwards does not wash the name out."""
    wijziger = sjabloon.gewijzigd_door
    if wijziger and wijziger["subject"] == identiteit.subject and wijziger.get("bron") in (None, identiteit.bron):
        return True
    if register is None:
        return False
    sha = sjabloon.docx_sha256
    return any(identiteit.is_zelfde(uit_register(r.gegevens["wijziger"]))
               for r in register.regels(sjabloon=sjabloon.id, soort="wijziging") if r.sha256 == sha)


def uit_register(gegevens: dict) -> Identiteit:
    """The identity an entry stored with Identiteit.als_register()."""
    return Identiteit(gegevens["subject"], gegevens["naam"], frozenset(gegevens.get("rollen") or ()), gegevens["bron"])


def _lint(sjabloon: Sjabloon, dagtekening: dt.date | None) -> LintRapport:
    rapport = lint(sjabloon.id, dagtekening)
    if not rapport.geslaagd:
        raise LintMislukt(rapport)
    return rapport


def _teken(sjabloon: Sjabloon, identiteit: Identiteit, soort: str, opmerking: str | None, register) -> None:
    register.voeg_toe("beoordeling", sjabloon_id=sjabloon.id, sjabloon_versie=sjabloon.versie,
                      sha256=sjabloon.docx_sha256, door=identiteit.naam,
                      gegevens={"soort": soort, "beoordelaar": identiteit.als_register(), "opmerking": opmerking,
                                "manifest_sha256": sjabloon.manifest_inhoud_sha256})


def _leg_vast(sjabloon: Sjabloon, juridisch: Identiteit, communicatief: Identiteit, opmerking: str | None, register,
              rapport: LintRapport, door: Identiteit | None) -> Vrijgave:
    vorige = None if eerste_vrijgave(sjabloon) else sjabloon.versie
    versie = sjabloon.versie if vorige is None else volgende_versie(vorige)
    register.voeg_toe("vrijgave", sjabloon_id=sjabloon.id, sjabloon_versie=versie, sha256=sjabloon.docx_sha256,
                      door=door.naam if door else f"{juridisch.naam} en {communicatief.naam}",
                      gegevens={"juridisch": juridisch.als_register(), "communicatief": communicatief.als_register(),
                                "opmerking": opmerking, "vorige_versie": vorige,
                                "manifest_sha256": sjabloon.manifest_inhoud_sha256,
                                "lint": {"waarschuwingen": len(rapport.bevindingen), "varianten": rapport.varianten,
                                         "b1_score": rapport.b1_score}})
    manifest = sjabloon.map / "sjabloon.yaml"
    tekst = manifest.read_text(encoding="utf-8")
    # the hashes of what was loaded, linted and approved: a file changed meanwhile no longer matches (concept)
    for sleutel, waarde in (("versie", f'"{versie}"'), ("status", "vrijgegeven"), ("sha256", sjabloon.docx_sha256),
                            ("manifest_sha256", sjabloon.manifest_inhoud_sha256)):
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
    """Set a top-level manifest field in place (a value given as a block below it goes too), keeping the werkgroep's
    comments and layout; add it after `status` when it is not there yet. Only for the fields the release does not
    cover (BUITEN_VRIJGAVE in generator/vullen/sjabloon.py)."""
    regel = re.compile(rf"^{sleutel}:.*(?:\n[ \t]+.*)*$", re.MULTILINE)
    if regel.search(manifest):
        return regel.sub(f"{sleutel}: {waarde}", manifest, count=1)
    return re.sub(r"^(status:.*)$", rf"\1\n{sleutel}: {waarde}", manifest, count=1, flags=re.MULTILINE)
