"""The lint report as text for the werkgroep: verdict first, then each finding with where and in which variants."""

from __future__ import annotations

from generator.catalogus.lint import LintRapport

MAX_VARIANTEN = 3


def als_tekst(rapport: LintRapport) -> str:
    oordeel = "in orde" if rapport.geslaagd else "NIET in orde"
    regels = [f"{rapport.sjabloon}: {oordeel} ({rapport.fouten} fout(en), {len(rapport.bevindingen) - rapport.fouten} "
              f"waarschuwing(en); {rapport.varianten} varianten, {rapport.takken_bereikt} van {rapport.takken} takken bereikt)"]
    for b in sorted(rapport.bevindingen, key=lambda b: b.ernst != "fout"):
        plaats = f" [{b.plaats}]" if b.plaats else ""
        regels.append(f"  {b.ernst}: {b.melding}{plaats}")
        if b.varianten:
            meer = f" en {len(b.varianten) - MAX_VARIANTEN} andere" if len(b.varianten) > MAX_VARIANTEN else ""
            regels.append(f"      in variant: {'; '.join(b.varianten[:MAX_VARIANTEN])}{meer}")
    return "\n".join(regels)
