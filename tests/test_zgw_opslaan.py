"""Storing a generated document in the zaaksysteem (issue 22, lane Z3): the manifest's zgw block, the gemeente's
RSIN, the outbox in the register database, and the store itself against the test double of a ZGW register."""

import pytest
import yaml
from conftest import REPO

from generator.catalogus.lint import lint
from generator.vrijgave.register import Register
from generator.vullen.sjabloon import laad
from zgw.uitgaand import AFGELEVERD, WACHTEND, Wachtrij

BESLUIT, BRIEF = "omgevingsvergunning-verleend", "ontvangstbevestiging-aanvraag"


def _manifest(kopie, sjabloon, **zgw):
    """Replace the zgw block of a template in the private catalogue (None values drop a key; zgw=... the whole block)."""
    pad = kopie / sjabloon / "sjabloon.yaml"
    manifest = yaml.safe_load(pad.read_text(encoding="utf-8"))
    if "blok" in zgw:
        manifest["zgw"] = zgw["blok"]
    else:
        manifest["zgw"] = {k: v for k, v in {**manifest["zgw"], **zgw}.items() if v is not None}
    pad.write_text(yaml.safe_dump(manifest, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _manifestfouten(sjabloon) -> list[str]:
    return [b.melding for b in lint(sjabloon).bevindingen if b.code == "manifest"]


def test_de_voorbeeldsjablonen_hebben_een_zgw_blok():
    for naam, besluit in ((BESLUIT, True), (BRIEF, False)):
        manifest = yaml.safe_load((REPO / "templates" / naam / "sjabloon.yaml").read_text(encoding="utf-8"))
        assert manifest["zgw"]["informatieobjecttype"] and manifest["zgw"]["vertrouwelijkheidaanduiding"]
        assert bool(manifest["zgw"].get("besluittype")) is besluit


@pytest.mark.parametrize("sjabloon, zgw, melding", [
    (BRIEF, {"vertrouwelijkheidaanduiding": "geheimpje"}, "zgw.vertrouwelijkheidaanduiding: 'geheimpje' moet een van "
                                                          "openbaar, beperkt_openbaar"),
    (BRIEF, {"informatieobjecttype": None}, "zgw.informatieobjecttype: verplicht veld ontbreekt"),
    (BRIEF, {"besluittype": "Besluit"}, "zgw.besluittype: alleen bij een besluit; besluittype brief is een brief"),
    (BRIEF, {"map": "x"}, "zgw: onbekende sleutel 'map'"),
    (BRIEF, {"blok": "Brief"}, "zgw: verwacht {informatieobjecttype: ..."),
    (BESLUIT, {"reactietermijn": "beroep"}, "zgw.reactietermijn: 'beroep' staat niet in termijnen"),
    (BESLUIT, {"besluittype": None}, "zgw.reactietermijn: alleen bij een besluit (zgw.besluittype)"),
    (BESLUIT, {"informatieobjecttype": ["a", "b"]}, "zgw.informatieobjecttype: verwacht een tekst"),
])
def test_de_lint_meldt_een_onjuist_zgw_blok(sjablonen_kopie, sjabloon, zgw, melding):
    assert laad(sjabloon).zgw                       # the unchanged block loads
    _manifest(sjablonen_kopie, sjabloon, **zgw)
    fouten = _manifestfouten(sjabloon)
    assert any(melding in f for f in fouten), fouten


def test_de_wachtrij_bewaart_een_document_eenmaal_en_elke_stap(database_url):
    """SQLite and PostgreSQL: the file as bytes, the metadata as JSON, each step's URL as soon as it is saved."""
    with Register(database_url) as register:
        wachtrij = Wachtrij(register)
        velden = dict(identificatie="sjs-1", zaak_url="http://zs/zaken/api/v1/zaken/1", sjabloon=BRIEF,
                      bestandsnaam="Z-1_brief.docx", inhoud=b"PK\x03\x04\x00docx", pdf=None,
                      metadata={"titel": "Ontvangstbevestiging", "auteur": "Gemeente Voorbeeld"})
        eerste = wachtrij.plaats(**velden)
        assert wachtrij.plaats(**dict(velden, inhoud=b"anders")) == eerste       # same document: the same entry
        wachtrij.stap(eerste.id, "document", "http://zs/documenten/api/v1/enkelvoudiginformatieobjecten/9")
        wachtrij.mislukt(eerste.id, "Zaken API: POST ... gaf status 503")
    with Register(database_url) as opnieuw:
        [uitgaand] = Wachtrij(opnieuw).lijst(WACHTEND)
        assert uitgaand.inhoud == b"PK\x03\x04\x00docx" and uitgaand.pdf is None
        assert uitgaand.metadata["titel"] == "Ontvangstbevestiging"
        assert uitgaand.resultaat == {"document": "http://zs/documenten/api/v1/enkelvoudiginformatieobjecten/9"}
        assert (uitgaand.pogingen, uitgaand.laatste_fout) == (1, "Zaken API: POST ... gaf status 503")
        with opnieuw.engine.begin() as verbinding:
            Wachtrij(opnieuw).afgeleverd(uitgaand.id, verbinding)
        assert Wachtrij(opnieuw).lijst(WACHTEND) == []
        assert [u.status for u in Wachtrij(opnieuw).lijst()] == [AFGELEVERD]
