"""The template catalogue (generator.plaatsen says where: by default the user's own copy of templates/): one folder
per template with sjabloon.docx, sjabloon.yaml (manifest) and voorbeeld.yaml."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from checks.awb.regels import besluittypen
from checks.termijnen import soorten as termijnsoorten
from generator.plaatsen import catalogus_map
from generator.vullen.bestanden import lees_gegevens
from generator.vullen.fouten import InvoerFout
from generator.vullen.velden import SLEUTELS, bekende_typen, subvelden

VERPLICHT_IN_MANIFEST = ("id", "titel", "besluittype", "versie", "status", "eigenaar", "velden")
STATUSSEN = ("concept", "vrijgegeven")
GERESERVEERD = ("gemeente", "dagtekening", "termijnen", "orgaan", "besluittype")   # names the generator fills itself
# The manifest's `zgw:` block: how the zaaksysteem files a generated document (zgw/opslaan.py). The values of
# vertrouwelijkheidaanduiding are those of the Documenten API (VertrouwelijkheidaanduidingEnum).
ZGW_SLEUTELS = ("informatieobjecttype", "vertrouwelijkheidaanduiding", "besluittype", "reactietermijn")
# The manifest fields the release does not cover: those it writes itself (versie, status, both hashes), and
# gewijzigd_door, which is bookkeeping: it says who may not review, not what a letter says, and the four-eyes check
# reads it afresh at every approval (vier_ogen); a DOCX change that sets it changes the DOCX's hash anyway.
BUITEN_VRIJGAVE = ("versie", "status", "sha256", "manifest_sha256", "gewijzigd_door")
VERTROUWELIJKHEID = ("openbaar", "beperkt_openbaar", "intern", "zaakvertrouwelijk", "vertrouwelijk", "confidentieel",
                     "geheim", "zeer_geheim")


class OnleesbaarSjabloon(InvoerFout):
    """A template that does not exist, or whose manifest or Word file cannot be read: bad input (exit 2), where a
    manifest that reads but is incomplete is a finding of the lint (exit 1)."""


@dataclass
class Sjabloon:
    id: str
    titel: str
    besluittype: str
    versie: str
    status: str
    eigenaar: str
    velden: dict
    map: Path
    termijnen: dict = field(default_factory=dict)
    sha256: str | None = None       # of the DOCX as released (set by `sjabloon vrijgeven`)
    manifest_sha256: str | None = None          # of the manifest's content as released (manifest_inhoud_sha256)
    manifest_inhoud_sha256: str = ""            # of the manifest's content as loaded now
    sleutel: str | None = None      # the field that names each letter of a bulk run (else the row number)
    voorbeeld_dagtekening: dt.date | None = None    # the example is a case from the past: its own dagtekening
    bestuursorgaan_veld: str | None = None          # a zaak field naming the organ, instead of the besluittype's
    gewijzigd_door: dict | None = None  # who last changed it: {subject, bron, naam}; may not review it (vier ogen)
    zgw: dict | None = None         # {informatieobjecttype, vertrouwelijkheidaanduiding[, besluittype, reactietermijn]}

    def bestuursorgaan(self, zaak: dict) -> str | None:
        """The organ a zaak names in `bestuursorgaan_veld` (a beslissing op bezwaar is taken by the organ that took
        the contested decision, art. 6:4 and 7:11 Awb), or None: then the besluittype's organ applies."""
        if not self.bestuursorgaan_veld:
            return None
        waarde = zaak
        for deel in self.bestuursorgaan_veld.split("."):
            waarde = waarde.get(deel) if isinstance(waarde, dict) else None
        return str(waarde) if waarde else None

    @property
    def docx(self) -> Path:
        return self.map / "sjabloon.docx"

    @property
    def voorbeeld(self) -> Path:
        return self.map / "voorbeeld.yaml"

    @property
    def docx_sha256(self) -> str | None:
        """None when the DOCX is missing: it then differs from any released hash, and no approval can match it."""
        try:
            return hashlib.sha256(self.docx.read_bytes()).hexdigest()
        except OSError:
            return None

    def docx_fout(self) -> str | None:
        """Why the Word file cannot be read (missing, no zip, broken XML), in Dutch and naming the file; None when
        it can. The lint, the release and the inventory ask this first, so one broken file is a finding, not a crash."""
        return docx_leesfout(self.docx)

    @property
    def gewijzigd_sinds_vrijgave(self) -> list[str]:
        """What differs from what the reviewers approved: 'het DOCX', 'sjabloon.yaml' (empty when not released)."""
        if self.status != "vrijgegeven":
            return []
        return [wat for wat, anders in (("het DOCX", self.sha256 != self.docx_sha256),
                                        ("sjabloon.yaml", bool(self.manifest_sha256)
                                         and self.manifest_sha256 != self.manifest_inhoud_sha256)) if anders]

    @property
    def gewijzigd_na_vrijgave(self) -> bool:
        return bool(self.gewijzigd_sinds_vrijgave)

    @property
    def oude_vrijgave(self) -> bool:
        """Released by a version that stored only the DOCX's hash: what the manifest said then is unknown."""
        return self.status == "vrijgegeven" and not self.manifest_sha256

    @property
    def vrijgave_vervallen(self) -> str | None:
        """Why a template with status vrijgegeven counts as concept, for the user; None when it does not."""
        if self.oude_vrijgave:
            return ("de vrijgave dekte sjabloon.yaml nog niet: een oudere versie van Sjabloonstraat legde alleen het "
                    "DOCX vast")
        if gewijzigd := self.gewijzigd_sinds_vrijgave:
            return f"{' en '.join(gewijzigd)} {'zijn' if len(gewijzigd) > 1 else 'is'} gewijzigd na de vrijgave"
        return None

    @property
    def vrijgegeven(self) -> bool:
        """Released, and both the DOCX and the manifest are still the ones that were reviewed."""
        return self.status == "vrijgegeven" and self.vrijgave_vervallen is None

    def samenvatting(self) -> dict:
        return {"id": self.id, "titel": self.titel, "besluittype": self.besluittype,
                "versie": self.versie, "status": "vrijgegeven" if self.vrijgegeven else "concept"}


def sjablonen_dir() -> Path:
    """The catalogue: SJABLOON_TEMPLATES, the settings file, else the user's own copy (generator.plaatsen)."""
    return catalogus_map().pad


def catalogus() -> list[Sjabloon]:
    """The templates that can be read. One whose manifest cannot be read or is wrong is left out: it cannot make a
    letter, and the caseworkers' pages, the API and the other commands go on with the rest (`sjabloon lint`,
    `sjabloon sjablonen` and the inventory name it for the werkgroep)."""
    return lees_catalogus()[0]


def lees_catalogus() -> tuple[list[Sjabloon], dict[str, list[str]]]:
    """The readable templates, and per template that cannot be loaded why not (each loaded apart)."""
    lijst, onleesbaar = [], {}
    for sjabloon_id in sjabloon_ids():
        try:
            lijst.append(laad(sjabloon_id))
        except InvoerFout as fout:
            onleesbaar[sjabloon_id] = fout.meldingen
    return lijst, onleesbaar


def sjabloon_ids() -> list[str]:
    """The ids of the catalogue's templates (folders with a sjabloon.yaml), without reading them: the werkgroep's
    commands over the whole catalogue load each one apart, so one broken template does not stop the others."""
    return [map_.name for map_ in sorted(sjablonen_dir().iterdir()) if (map_ / "sjabloon.yaml").is_file()]


def docx_leesfout(pad: Path) -> str | None:
    """Why a template's Word file cannot be read, in Dutch (None when it can): read as the generator reads it."""
    import zipfile

    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    from checks.document import DocumentFout, lees_document
    if not pad.is_file():
        return f"{pad}: het Word-bestand ontbreekt; zet sjabloon.docx in de map van het sjabloon"
    try:
        Document(str(pad))
        lees_document(pad)
    except (zipfile.BadZipFile, PackageNotFoundError):
        return f"{pad}: geen geldig Word-bestand; het is beschadigd of onvolledig (geen zip-archief)"
    except KeyError as fout:
        return f"{pad}: geen geldig Word-bestand; het onderdeel {fout} ontbreekt"
    except etree.XMLSyntaxError as fout:
        regel, kolom = fout.position if fout.position else (None, None)
        waar = f" (regel {regel}, kolom {kolom})" if regel else ""
        return f"{pad}: geen geldig Word-bestand; de XML erin is beschadigd{waar}"
    except DocumentFout as fout:
        return str(fout)
    except (OSError, ValueError):
        return f"{pad}: geen geldig Word-bestand; het kan niet gelezen worden"
    return None


def laad(naam: str | Path) -> Sjabloon:
    """Load a template by id (a folder in templates/) or by the path of its folder."""
    map_ = Path(naam)
    if not (map_ / "sjabloon.yaml").is_file():
        if "/" in str(naam) or "\\" in str(naam) or str(naam).startswith("."):
            raise OnleesbaarSjabloon(f"{naam}: geen sjabloonmap (sjabloon.yaml ontbreekt)")
        map_ = sjablonen_dir() / str(naam)
    manifest_pad = map_ / "sjabloon.yaml"
    if not manifest_pad.is_file():
        bekend = ", ".join(s.name for s in sorted(sjablonen_dir().iterdir()) if (s / "sjabloon.yaml").is_file())
        raise OnleesbaarSjabloon(f"sjabloon '{naam}' bestaat niet; bekende sjablonen: {bekend}")
    try:
        manifest = lees_gegevens(manifest_pad)
    except InvoerFout as fout:
        raise OnleesbaarSjabloon(fout.meldingen) from None
    problemen = controleer_manifest(manifest, map_)
    if problemen:
        raise InvoerFout([f"{manifest_pad}: {p}" for p in problemen])
    return Sjabloon(
        id=manifest["id"], titel=manifest["titel"], besluittype=manifest["besluittype"],
        versie=str(manifest["versie"]), status=manifest["status"], eigenaar=manifest["eigenaar"],
        velden=manifest["velden"], termijnen=manifest.get("termijnen") or {}, map=map_, sha256=manifest.get("sha256"),
        manifest_sha256=manifest.get("manifest_sha256"), manifest_inhoud_sha256=manifest_inhoud_sha256(manifest),
        sleutel=manifest.get("sleutel"),
        voorbeeld_dagtekening=dt.date.fromisoformat(str(manifest["voorbeeld_dagtekening"]))
        if manifest.get("voorbeeld_dagtekening") else None,
        bestuursorgaan_veld=manifest.get("bestuursorgaan_veld"),
        gewijzigd_door=wijziger(manifest.get("gewijzigd_door")),
        zgw=manifest.get("zgw") or None,
    )


def manifest_inhoud_sha256(manifest: dict) -> str:
    """The SHA-256 of what the reviewers approve in sjabloon.yaml: its parsed content without BUITEN_VRIJGAVE, as
    canonical JSON. Comments, quoting and layout do not count (the release rewrites its own fields in place); the
    order of the keys does, since the program follows it (a termijn builds on the ones before it)."""
    inhoud = {sleutel: waarde for sleutel, waarde in manifest.items() if sleutel not in BUITEN_VRIJGAVE}
    # dates stay text (lees_gegevens); a value JSON has no type for (a YAML !!binary) counts by its repr
    tekst = json.dumps(inhoud, ensure_ascii=False, separators=(",", ":"), default=repr)
    return hashlib.sha256(tekst.encode("utf-8")).hexdigest()


def wijziger(waarde) -> dict | None:
    """The manifest's `gewijzigd_door` as {subject, bron, naam}: a mapping with at least `subject`, or just the
    subject ('lokaal:anna'); then any bron matches."""
    if not waarde:
        return None
    if isinstance(waarde, str):
        return {"subject": waarde.strip(), "bron": None, "naam": waarde.strip()}
    return {"subject": str(waarde["subject"]), "bron": waarde.get("bron"),
            "naam": str(waarde.get("naam") or waarde["subject"])}


def controleer_manifest(manifest: dict, map_: Path) -> list[str]:
    """Problems with a manifest, as 'veld: melding' lines (empty when it is complete)."""
    problemen = [f"{sleutel}: verplicht veld ontbreekt" for sleutel in VERPLICHT_IN_MANIFEST if not manifest.get(sleutel)]
    if manifest.get("id") and manifest["id"] != map_.name:
        problemen.append(f"id: '{manifest['id']}' moet gelijk zijn aan de mapnaam '{map_.name}'")
    if manifest.get("status") and manifest["status"] not in STATUSSEN:
        problemen.append(f"status: '{manifest['status']}' moet een van {', '.join(STATUSSEN)} zijn")
    velden = manifest.get("velden") or {}
    if not isinstance(velden, dict):
        return problemen + ["velden: moet een groep velden zijn (naam: {type: ..., verplicht: ..., omschrijving: ...})"]
    for naam in GERESERVEERD:
        if naam in velden:
            problemen.append(f"velden.{naam}: deze naam vult de generator zelf; kies een andere naam")
    problemen += controleer_velden(velden, "velden")
    problemen += _controleer_termijnen(manifest.get("termijnen") or {}, velden)
    if manifest.get("voorbeeld_dagtekening") and not _is_datum(manifest["voorbeeld_dagtekening"]):
        problemen.append(f"voorbeeld_dagtekening: '{manifest['voorbeeld_dagtekening']}' is geen datum; schrijf JJJJ-MM-DD")
    if (veld := manifest.get("bestuursorgaan_veld")) and not _is_veld(veld, velden):
        problemen.append(f"bestuursorgaan_veld: '{veld}' is geen veld van dit sjabloon")
    if (w := manifest.get("gewijzigd_door")) is not None and not (
            (isinstance(w, str) and w.strip()) or (isinstance(w, dict) and str(w.get("subject") or "").strip()
                                                   and set(w) <= {"subject", "bron", "naam"})):
        problemen.append("gewijzigd_door: schrijf wie het sjabloon het laatst wijzigde als {subject: ..., bron: ..., "
                         "naam: ...} of alleen het subject, bijvoorbeeld lokaal:anna")
    if "zgw" in manifest:
        problemen += _controleer_zgw(manifest["zgw"], manifest.get("termijnen") or {}, manifest.get("besluittype"))
    if (sleutel := manifest.get("sleutel")) is not None and not (velden.get(sleutel) or {}).get("verplicht"):
        problemen.append(f"sleutel: '{sleutel}' moet een verplicht veld zijn (de sleutel benoemt elke brief in een bulkrun)")
    return problemen


def _controleer_zgw(zgw, termijnen: dict, besluittype: str | None) -> list[str]:
    """The `zgw:` block names the types as the Catalogi API spells their omschrijving; whether they exist there is
    for `sjabloon zgw test` to say, which asks the zaaksysteem."""
    if not isinstance(zgw, dict):
        return ["zgw: verwacht {informatieobjecttype: ..., vertrouwelijkheidaanduiding: ..., besluittype: ...}"]
    problemen = [f"zgw: onbekende sleutel '{sleutel}'; bekend zijn: {', '.join(ZGW_SLEUTELS)}"
                 for sleutel in zgw if sleutel not in ZGW_SLEUTELS]
    for sleutel in ("informatieobjecttype", "vertrouwelijkheidaanduiding"):
        if not str(zgw.get(sleutel) or "").strip():
            problemen.append(f"zgw.{sleutel}: verplicht veld ontbreekt")
    if (waarde := zgw.get("vertrouwelijkheidaanduiding")) and waarde not in VERTROUWELIJKHEID:
        problemen.append(f"zgw.vertrouwelijkheidaanduiding: '{waarde}' moet een van {', '.join(VERTROUWELIJKHEID)} zijn")
    for sleutel in ("informatieobjecttype", "besluittype", "reactietermijn"):
        if sleutel in zgw and not (isinstance(zgw[sleutel], str) and zgw[sleutel].strip()):
            problemen.append(f"zgw.{sleutel}: verwacht een tekst (de omschrijving in de Catalogi API)"
                             if sleutel != "reactietermijn" else "zgw.reactietermijn: verwacht de naam van een termijn")
    soort = (besluittypen().get(besluittype) or {}).get("soort")
    if zgw.get("besluittype") and soort and soort != "besluit":
        problemen.append(f"zgw.besluittype: alleen bij een besluit; besluittype {besluittype} is een {soort}")
    if (termijn := zgw.get("reactietermijn")) and isinstance(termijn, str):
        if not zgw.get("besluittype"):
            problemen.append("zgw.reactietermijn: alleen bij een besluit (zgw.besluittype)")
        if termijn not in termijnen:
            problemen.append(f"zgw.reactietermijn: '{termijn}' staat niet in termijnen")
    return problemen


def _is_veld(pad: str, velden: dict) -> bool:
    huidig = velden
    for deel in pad.split("."):
        if not isinstance(huidig, dict) or deel not in huidig:
            return False
        huidig = subvelden(huidig[deel]) if isinstance(huidig[deel], dict) else None
    return True


def _is_datum(waarde) -> bool:
    try:
        dt.date.fromisoformat(str(waarde))
    except ValueError:
        return False
    return True


def controleer_velden(velden: dict, pad: str) -> list[str]:
    """Problems with declared fields (of a manifest, or a composite type in content/veldtypen.yaml)."""
    problemen = []
    for naam, spec in velden.items():
        veldpad = f"{pad}.{naam}"
        if not isinstance(spec, dict) or spec.get("type") not in bekende_typen():
            problemen.append(f"{veldpad}: type ontbreekt of is onbekend; kies uit: {', '.join(sorted(bekende_typen()))}")
            continue
        problemen += _sleutels(spec, veldpad)
        if not spec.get("omschrijving"):
            problemen.append(f"{veldpad}: omschrijving ontbreekt")
        problemen += _zaakregels(spec, veldpad)
        if spec["type"] == "keuze" and not spec.get("waarden"):
            problemen.append(f"{veldpad}: een keuzeveld heeft 'waarden' nodig")
        for ander, waarden in (spec.get("verplicht_bij") or {}).items():
            keuzes = [str(w) for w in (velden.get(ander) or {}).get("waarden") or []]
            if not keuzes:
                problemen.append(f"{veldpad}.verplicht_bij: '{ander}' is geen keuzeveld naast dit veld")
            elif onbekend := [str(w) for w in (waarden if isinstance(waarden, list) else [waarden]) if str(w) not in keuzes]:
                problemen.append(f"{veldpad}.verplicht_bij: {', '.join(onbekend)} is geen waarde van '{ander}'")
        if spec["type"] == "groep":
            problemen += controleer_velden(subvelden(spec), veldpad)
        if spec["type"] == "lijst" and isinstance(spec.get("items"), dict):
            items = spec["items"]
            problemen += _sleutels(items, f"{veldpad}.items") + _zaakregels(items, f"{veldpad}.items")
            if items.get("type") == "groep":
                problemen += controleer_velden(subvelden(items), f"{veldpad}.items")
            elif items.get("type") not in bekende_typen() - {"lijst"}:
                problemen.append(f"{veldpad}.items: type ontbreekt of is onbekend")
    return problemen


def _sleutels(spec: dict, veldpad: str) -> list[str]:
    """Unknown or empty keys of one field spec. The usual cause is a comma in an unquoted description inside
    {...}: YAML ends the description at the comma, and the rest becomes a key without a value."""
    leeg = [sleutel for sleutel, waarde in spec.items() if waarde is None or waarde == ""]
    afgebroken = [str(sleutel) for sleutel in leeg if sleutel not in SLEUTELS]
    problemen = []
    if afgebroken and isinstance(spec.get("omschrijving"), str):
        heel = ", ".join([spec["omschrijving"], *afgebroken])
        problemen.append(f"{veldpad}: de omschrijving is bij een komma afgebroken ('{afgebroken[0]}' werd een eigen "
                         f"sleutel zonder waarde); zet de omschrijving tussen aanhalingstekens: omschrijving: \"{heel}\"")
    elif afgebroken:
        problemen.append(f"{veldpad}: sleutel zonder waarde: {', '.join(afgebroken)}; staat er een komma in een tekst? "
                         f"Zet die tekst dan tussen aanhalingstekens")
    for sleutel in spec:
        if sleutel not in SLEUTELS and sleutel not in leeg:
            problemen.append(f"{veldpad}: onbekende sleutel '{sleutel}'; bekend zijn: {', '.join(SLEUTELS)}")
        elif sleutel in SLEUTELS and sleutel in leeg and sleutel != "omschrijving":
            problemen.append(f"{veldpad}.{sleutel}: heeft geen waarde")
    return problemen


def _zaakregels(spec: dict, veldpad: str) -> list[str]:
    """max_lengte and tekstvak (generator/vullen/zaakregels.py) have the right kind of value."""
    problemen = []
    lengte = spec.get("max_lengte")
    if lengte is not None and (isinstance(lengte, bool) or not isinstance(lengte, int) or lengte < 1):
        problemen.append(f"{veldpad}.max_lengte: verwacht een geheel getal groter dan 0 (het grootste aantal tekens)")
    if "tekstvak" in spec and (spec["tekstvak"] is not None and not isinstance(spec["tekstvak"], bool)):
        problemen.append(f"{veldpad}.tekstvak: verwacht true of false")
    elif spec.get("tekstvak") and spec.get("type") != "tekst":
        problemen.append(f"{veldpad}.tekstvak: alleen een veld van type tekst kan een tekstvak zijn")
    return problemen


def _controleer_termijnen(termijnen: dict, velden: dict) -> list[str]:
    problemen, eerder = [], set()
    for naam, spec in termijnen.items():
        if not isinstance(spec, dict) or spec.get("soort") not in termijnsoorten():
            problemen.append(f"termijnen.{naam}: soort ontbreekt of is onbekend; kies uit: {', '.join(termijnsoorten())}")
            continue
        for sleutel in ("vanaf", "aantal"):
            verwijzing = spec.get(sleutel)
            if isinstance(verwijzing, str) and verwijzing.startswith("termijnen."):
                if verwijzing.split(".", 1)[1] not in eerder:
                    problemen.append(f"termijnen.{naam}.{sleutel}: '{verwijzing}' moet eerder in de lijst termijnen staan")
            elif isinstance(verwijzing, str) and verwijzing != "dagtekening" and verwijzing not in velden:
                problemen.append(f"termijnen.{naam}.{sleutel}: veld '{verwijzing}' staat niet in velden")
        eerder.add(naam)
    return problemen
