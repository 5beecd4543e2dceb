"""`sjabloon lint`: is a template fit for release? Manifest, Jinja syntax (located in Word terms), variables against
the declared fields, bouwstenen and grondslagen keys, the example case against the procedure rules, and then every
case variant rendered and put through the Awb and B1 checks, with the {% if %} branches no variant reached.
The procedure rules judge only the example: a variant changes one field of it, and is no case that really happened."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field

from checks.awb.controle import controleer
from checks.awb.procedure import RegelFout, gelezen_velden, procedure_bevindingen
from checks.awb.regels import besluittypen
from checks.b1.controle import controleer_b1
from checks.document import lees_document
from checks.grondslagen import grondslagen
from generator.catalogus.sjabloongebruik import Gebruik, gebruik, ontbrekend_in_profiel
from generator.catalogus.syntaxis import TAG, kort, syntaxfouten
from generator.catalogus.takken import ALS_TAG, TakkenOmgeving, takken_omgeving
from generator.catalogus.zaakvarianten import Variant, varianten
from generator.vullen.bestanden import lees_gegevens
from generator.vullen.context import gemeenteprofiel, maak_context
from generator.vullen.fouten import InvoerFout
from generator.vullen.keuring import Keuring
from generator.vullen.render import vul_docx
from generator.vullen.sjabloon import GERESERVEERD, OnleesbaarSjabloon, Sjabloon, controleer_velden, laad
from generator.vullen.velden import subvelden, valideer, veldtypen


@dataclass
class LintBevinding:
    ernst: str                 # fout | waarschuwing
    code: str                  # syntaxis, manifest, niet_gedeclareerd, ongebruikt, bouwsteen, grondslag, ...
    melding: str
    plaats: str = ""
    varianten: list[str] = field(default_factory=list)


@dataclass
class LintRapport:
    sjabloon: str
    bevindingen: list[LintBevinding] = field(default_factory=list)
    varianten: int = 0
    takken: int = 0
    takken_bereikt: int = 0
    b1_score: float | None = None       # of the example, for the inventory
    awb_vrijgave: bool | None = None

    @property
    def fouten(self) -> int:
        return sum(b.ernst == "fout" for b in self.bevindingen)

    @property
    def onleesbaar(self) -> list[str]:
        """Why the template could not be read at all (unknown, manifest or Word file unreadable); empty when it could."""
        return [b.melding for b in self.bevindingen if b.code == "onleesbaar"]

    @property
    def geslaagd(self) -> bool:
        return self.fouten == 0

    def meld(self, ernst: str, code: str, melding: str, plaats: str = "", variant: str | None = None) -> None:
        """Add a finding; the same finding in several variants is one finding with those variants."""
        for bestaand in self.bevindingen:
            if (bestaand.ernst, bestaand.code, bestaand.melding, bestaand.plaats) == (ernst, code, melding, plaats):
                if variant and variant not in bestaand.varianten:
                    bestaand.varianten.append(variant)
                return
        self.bevindingen.append(LintBevinding(ernst, code, melding, plaats, [variant] if variant else []))

    def as_json(self) -> dict:
        return {"sjabloon": self.sjabloon, "geslaagd": self.geslaagd, "fouten": self.fouten,
                "waarschuwingen": len(self.bevindingen) - self.fouten, "varianten": self.varianten,
                "takken": self.takken, "takken_bereikt": self.takken_bereikt, "b1_score": self.b1_score,
                "awb_vrijgave": self.awb_vrijgave, "bevindingen": [asdict(b) for b in self.bevindingen]}


def lint(naam: str, dagtekening: dt.date | None = None, alleen_voorbeeld: bool = False) -> LintRapport:
    """`alleen_voorbeeld`: check the example case only (the inventory's B1 score and Awb result)."""
    rapport = LintRapport(str(naam))
    try:
        sjabloon = laad(naam)
    except InvoerFout as fout:
        for melding in fout.meldingen:
            rapport.meld("fout", "onleesbaar" if isinstance(fout, OnleesbaarSjabloon) else "manifest", melding)
        return rapport
    if (onleesbaar := sjabloon.docx_fout()):
        rapport.meld("fout", "onleesbaar", onleesbaar)
        return rapport
    _zgw_velden(sjabloon, rapport)
    for veldtype in sorted(_samengestelde_typen(sjabloon.velden)):
        for melding in controleer_velden(veldtypen()[veldtype], veldtype):
            rapport.meld("fout", "veldtype", f"content/veldtypen.yaml: {melding}")
    for plaats, melding in syntaxfouten(sjabloon.docx):
        rapport.meld("fout", "syntaxis", melding, plaats)
    if rapport.bevindingen:
        return rapport                      # a template that does not parse cannot be rendered
    gebruikt = gebruik(sjabloon.docx, sjabloon.id)
    _variabelen(sjabloon, gebruikt, rapport)
    if rapport.fouten:
        return rapport
    _varianten(sjabloon, gebruikt, dagtekening or sjabloon.voorbeeld_dagtekening or dt.date.today(), rapport, alleen_voorbeeld)
    return rapport


def _zgw_velden(sjabloon: Sjabloon, rapport: LintRapport) -> None:
    """The template's mapping from the zaaksysteem (zgw-velden.yaml, if it has one) must name its own fields and
    sources the mapping knows: a mistake there would leave a field empty or stop every `--zaak-url`."""
    from zgw.veldkoppeling import koppeling_pad, laad_koppeling
    if not koppeling_pad(sjabloon.map).is_file():
        return
    try:
        laad_koppeling(sjabloon.map, sjabloon.velden)
    except InvoerFout as fout:
        for melding in fout.meldingen:
            rapport.meld("fout", "zgw_velden", melding)


def _samengestelde_typen(velden: dict) -> set[str]:
    """The types from content/veldtypen.yaml (adres, persoon) that these fields use, also inside groups and lists."""
    typen = set()
    for spec in velden.values():
        for deel in (spec, spec.get("items")):
            if not isinstance(deel, dict):
                continue
            if deel.get("type") in veldtypen():
                typen.add(deel["type"])
            elif deel.get("type") == "groep":
                typen |= _samengestelde_typen(deel.get("velden") or {})
    return typen


def _variabelen(sjabloon: Sjabloon, gebruikt: Gebruik, rapport: LintRapport) -> None:
    alineas = lees_document(sjabloon.docx).alineas
    for naam in sorted(gebruikt.onbekende_bouwstenen):
        rapport.meld("fout", "bouwsteen", f"bouwsteen '{naam}' bestaat niet in content/bouwstenen/",
                     _waar(alineas, rf"bouwsteen\(\s*['\"]{re.escape(naam)}['\"]"))
    for sleutel in sorted(gebruikt.grondslagen - set(grondslagen())):
        rapport.meld("fout", "grondslag", f"grondslag '{sleutel}' staat niet in content/grondslagen.yaml",
                     _waar(alineas, rf"grondslag\(\s*['\"]{re.escape(sleutel)}['\"]"))
    for pad in sorted(gebruikt.paden - gebruikt.optioneel):
        if (melding := _niet_gedeclareerd(pad, sjabloon.velden)):
            rapport.meld("fout", "niet_gedeclareerd", melding, _waar(alineas, rf"(?<![\w.]){re.escape(pad)}(?![\w])"))
    in_termijnen = {str(v) for spec in sjabloon.termijnen.values() for v in spec.values()}
    try:
        in_procedure = gelezen_velden(sjabloon.besluittype)
    except RegelFout as fout:
        rapport.meld("fout", "procedure", str(fout))
        return
    for naam in sorted(set(sjabloon.velden) - gebruikt.namen - in_termijnen - in_procedure):
        rapport.meld("waarschuwing", "ongebruikt", f"veld '{naam}' staat in het manifest maar het sjabloon gebruikt het niet")
    for pad in ontbrekend_in_profiel(gebruikt, gemeenteprofiel(), sjabloon.besluittype):
        rapport.meld("waarschuwing", "profiel", f"'{pad}' staat niet in het gemeenteprofiel content/gemeente.yaml")


def _waar(alineas, patroon: str) -> str:
    """The first paragraph with a tag holding `patroon`, as the syntax check names it; '' when the template does not
    hold it itself (a bouwsteen does)."""
    for alinea in alineas:
        if any(re.search(patroon, tag.group(0)) for tag in TAG.finditer(alinea.tekst)):
            return f'{alinea.positie}: "{kort(alinea.tekst)}"'
    return ""


def _niet_gedeclareerd(pad: str, velden: dict) -> str | None:
    """A message when the template uses a field (or a part of one) that the manifest does not declare."""
    delen = pad.split(".")
    if delen[0] in GERESERVEERD:
        return None
    spec = {"type": "groep", "velden": velden}
    for nummer, deel in enumerate(delen):
        nested = subvelden(spec)
        if nested is None:
            return None                    # a part of a plain value (dagtekening.year): not a field
        if deel not in nested:
            waar = "in velden" if nummer == 0 else f"bij '{'.'.join(delen[:nummer])}'"
            return f"'{pad}' wordt gebruikt maar staat niet {waar} in het manifest"
        spec = nested[deel]
    return None


def _varianten(sjabloon: Sjabloon, gebruikt: Gebruik, dagtekening: dt.date, rapport: LintRapport,
               alleen_voorbeeld: bool = False) -> None:
    try:
        voorbeeld = lees_gegevens(sjabloon.voorbeeld)
    except InvoerFout as fout:
        for melding in fout.meldingen:
            rapport.meld("fout", "voorbeeld", melding)
        return
    gemeente = gemeenteprofiel()
    env = takken_omgeving()
    lijst = varianten(sjabloon.velden, voorbeeld, dagtekening - dt.timedelta(days=14))
    if alleen_voorbeeld:
        lijst = lijst[:1]
    for pad in sorted(p for p in gebruikt.optioneel if p.startswith("gemeente.") and p.count(".") == 1 and not alleen_voorbeeld):
        veld = pad.split(".")[1]                                 # a gemeente without logo, for instance
        lijst.append(Variant(f"gemeente zonder {veld}", voorbeeld, {k: v for k, v in gemeente.items() if k != veld}))
    for variant in lijst:
        _variant(sjabloon, variant, variant.gemeente or gemeente, dagtekening, env, rapport)
    rapport.varianten = len(lijst)
    rapport.takken, rapport.takken_bereikt = len(env.takken), len(env.bereikt & set(env.takken))
    _niet_bereikt(sjabloon, env, rapport)


def _variant(sjabloon: Sjabloon, variant: Variant, gemeente: dict, dagtekening: dt.date, env: TakkenOmgeving,
             rapport: LintRapport) -> None:
    is_voorbeeld = variant.naam == "voorbeeld"
    zaak, problemen = valideer(sjabloon.velden, variant.zaak)
    if problemen:
        for melding in problemen:
            rapport.meld("fout" if is_voorbeeld else "waarschuwing", "voorbeeld",
                         f"{sjabloon.voorbeeld.name}: {melding}" if is_voorbeeld else f"variant niet te maken: {melding}",
                         variant=None if is_voorbeeld else variant.naam)
        return
    if is_voorbeeld:
        for bevinding in procedure_bevindingen(sjabloon.besluittype, zaak, dagtekening, gemeente,
                                               sjabloon.bestuursorgaan(zaak)):
            rapport.meld(bevinding.ernst, f"procedure:{bevinding.regel}",
                         f"{sjabloon.voorbeeld.name}: {bevinding.fragment} ({bevinding.artikel}; regel {bevinding.regel})",
                         variant=variant.naam)
    try:
        context, _ = maak_context(sjabloon, zaak, dagtekening, gemeente)
        document = vul_docx(sjabloon.docx, context, sjabloon.id, env)
    except InvoerFout as fout:
        for melding in fout.meldingen:
            rapport.meld("fout", "vullen", melding, variant=variant.naam)
        return
    gelezen = lees_document(f"{sjabloon.id}.docx", document)
    keuring = Keuring(controleer(gelezen, sjabloon.besluittype), controleer_b1(gelezen),
                      besluittypen()[sjabloon.besluittype]["soort"] == "brief")
    if is_voorbeeld:
        rapport.b1_score, rapport.awb_vrijgave = round(keuring.b1.score, 1), keuring.awb.vrijgave
    for bevinding in keuring.awb.bevindingen:
        if bevinding.ernst == "fout" or is_voorbeeld:
            rapport.meld(bevinding.ernst, f"awb:{bevinding.regel}", bevinding.bericht, bevinding.positie, variant.naam)
    if not keuring.b1.b1:
        rapport.meld("fout" if keuring.brief else "waarschuwing", "b1",
                     f"de tekst is niet op B1-niveau ({'; '.join(keuring.b1.redenen)})", variant=variant.naam)


def _niet_bereikt(sjabloon: Sjabloon, env: TakkenOmgeving, rapport: LintRapport) -> None:
    tags = [a.positie for a in lees_document(sjabloon.docx).alineas if a.positie not in ("koptekst", "voettekst")
            for _ in ALS_TAG.finditer(a.tekst)]
    for sleutel, tak in env.takken.items():
        if sleutel in env.bereikt:
            continue
        plaats = "kop- of voettekst" if tak.in_kop else tags[tak.nummer] if tak.nummer < len(tags) else ""
        kant = "de anders-kant van" if tak.anders else "de tekst onder"
        rapport.meld("waarschuwing", "tak_niet_bereikt",
                     f"geen variant bereikt {kant} {{% if {tak.voorwaarde} %}}", plaats)
