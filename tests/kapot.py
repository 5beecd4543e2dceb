"""Broken templates for tests, made the way a werkgroep member breaks one: a copy of ontvangstbevestiging-melding
in the private catalogue copy (fixture sjablonen_kopie), with word/document.xml edited inside the zip."""

import shutil
import zipfile
from pathlib import Path

BRON = "ontvangstbevestiging-melding"


def kapot_sjabloon(catalogus: Path, naam: str, oud: str | None = None, nieuw: str = "", *,
                   xml: str | None = None) -> Path:
    """A copy named `naam` whose document.xml has `oud` replaced by `nieuw` (or is `xml`); its folder."""
    map_ = catalogus / naam
    shutil.copytree(catalogus / BRON, map_)
    manifest = map_ / "sjabloon.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(f"id: {BRON}", f"id: {naam}"), encoding="utf-8")
    if oud is None and xml is None:
        return map_
    with zipfile.ZipFile(catalogus / BRON / "sjabloon.docx") as bron:
        delen = {deel: bron.read(deel) for deel in bron.namelist()}
    document = delen["word/document.xml"].decode("utf-8")
    assert xml is not None or oud in document, oud
    delen["word/document.xml"] = (xml if xml is not None else document.replace(oud, nieuw, 1)).encode("utf-8")
    with zipfile.ZipFile(map_ / "sjabloon.docx", "w", zipfile.ZIP_DEFLATED) as docx:
        for deel, inhoud in delen.items():
            docx.writestr(deel, inhoud)
    return map_


def afgebroken_docx(catalogus: Path, naam: str) -> Path:
    """A copy whose Word file stops halfway (a download or copy that broke off): no zip any more."""
    docx = kapot_sjabloon(catalogus, naam) / "sjabloon.docx"
    docx.write_bytes(docx.read_bytes()[:docx.stat().st_size // 2])
    return docx.parent


def alleen(catalogus: Path, *namen: str) -> None:
    """Keep only these templates in the catalogue copy: a whole-catalogue run then takes seconds."""
    for map_ in catalogus.iterdir():
        if map_.is_dir() and map_.name not in namen:
            shutil.rmtree(map_)
