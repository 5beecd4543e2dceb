"""A template's Word file replaced by a werkgroep member the program knows (an Identiteit): the new DOCX, the
manifest's `gewijzigd_door` naming that person (so they cannot review this version: vier_ogen) and a register entry
`wijziging`. A released template counts as concept again, since its hash no longer matches."""

from __future__ import annotations

import hashlib
import json

from checks.document import DocumentFout, lees_document
from generator.vrijgave.vier_ogen import zet_veld
from generator.vullen.bestanden import schrijf_atomisch
from generator.vullen.fouten import InvoerFout
from generator.vullen.sjabloon import Sjabloon, laad
from toegang.identiteit import Identiteit


def vervang_docx(naam: str, inhoud: bytes, identiteit: Identiteit, register) -> Sjabloon:
    """Raises InvoerFout (field `bestand`) when the bytes are no readable DOCX or the same file as now."""
    sjabloon = laad(naam)
    try:
        lees_document("sjabloon.docx", inhoud)
    except DocumentFout as fout:
        raise InvoerFout(f"bestand: {fout}") from None
    vorige, nieuw = sjabloon.docx_sha256, hashlib.sha256(inhoud).hexdigest()
    if nieuw == vorige:
        raise InvoerFout("bestand: dit is hetzelfde Word-bestand als het huidige; er is niets gewijzigd")
    wijziger = {"subject": identiteit.subject, "bron": identiteit.bron, "naam": identiteit.naam}
    manifest = sjabloon.map / "sjabloon.yaml"
    # the manifest first: a DOCX that failed to follow leaves a stricter manifest, never a change without its name
    tekst = zet_veld(manifest.read_text(encoding="utf-8"), "gewijzigd_door", json.dumps(wijziger, ensure_ascii=False))
    schrijf_atomisch(manifest, tekst.encode("utf-8"))
    schrijf_atomisch(sjabloon.docx, inhoud)
    register.voeg_toe("wijziging", sjabloon_id=sjabloon.id, sjabloon_versie=sjabloon.versie, sha256=nieuw,
                      door=identiteit.naam, gegevens={"wijziger": identiteit.als_register(), "vorige_sha256": vorige})
    return laad(sjabloon.id)
