"""Made-up rows for bulk runs of herinnering-afloop-vergunning (tests and bench/bulk.py): every row differs in
holder, address, permit and dates, as a real expiry list does; and what every --pdf run of them must give."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import random
from pathlib import Path

from generator.bulk import csvbestand

KOLOMMEN = ["vergunningnummer", "soort", "houder.naam", "houder.aanhef", "houder.straat", "houder.huisnummer",
            "houder.postcode", "houder.plaats", "zaaknummer", "behandelaar", "locatie", "einddatum",
            "aanvragen_uiterlijk", "wat_mag", "leges"]
NAMEN = ["De Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "El Amrani", "Yilmaz", "Mulder", "De Boer"]
ZAKEN = [("Café", "exploitatievergunning", "uw café open hebben"), ("Bakkerij", "standplaatsvergunning",
         "op de markt staan"), ("Snackbar", "exploitatievergunning", "uw snackbar open hebben")]
STRATEN = ["Kerkstraat", "Markt", "Dorpsstraat", "Molenweg", "Stationsplein"]


def rij(nummer: int, kans: random.Random) -> dict:
    naam = kans.choice(NAMEN)
    soort_zaak, soort, wat_mag = kans.choice(ZAKEN)
    straat, huisnummer = kans.choice(STRATEN), str(kans.randint(1, 250))
    einde = dt.date(2027, 1, 4) + dt.timedelta(days=kans.randint(0, 80))
    return {
        "vergunningnummer": f"V-2023-{nummer:06d}", "soort": soort, "houder.naam": f"{soort_zaak} {naam}",
        "houder.aanhef": f"Geachte heer of mevrouw {naam}", "houder.straat": straat, "houder.huisnummer": huisnummer,
        "houder.postcode": f"{kans.randint(1000, 9999)} {kans.choice('ABCDEFGHJK')}{kans.choice('LMNPRSTVWX')}",
        "houder.plaats": "Voorbeeld", "zaaknummer": f"Z-2026-{nummer:06d}", "behandelaar": "Fatima el Amrani",
        "locatie": f"{soort_zaak} {naam}, {straat} {huisnummer}", "einddatum": einde.isoformat(),
        "aanvragen_uiterlijk": (einde - dt.timedelta(weeks=8)).isoformat(), "wat_mag": wat_mag,
        "leges": f"{kans.choice([182.5, 245, 96.75])}",
    }


def rijen(aantal: int, zaad: int = 7, maak=None):
    """`aantal` rows made by `maak` (default: herinnering rows), the same for the same seed."""
    kans = random.Random(zaad)
    for nummer in range(1, aantal + 1):
        yield (maak or rij)(nummer, kans)


def pdfs_van_de_run(uit: Path, manifest: list[dict], aantal: int) -> list[tuple[dict, dict, bytes, str]]:
    """The PDFs of a --pdf run of `aantal` herinnering rows into `uit`, checked as every run's must be (local or
    over workers): one per row, in the manifest with its checksum, PDF/A-2b as far as controleer() checks and
    tagged, with the holder's name in the text. Returns (manifest row, data row, PDF, text) for further checks."""
    from pypdf import PdfReader

    from generator.bulk.pdf_controle import controleer

    assert len(manifest) == aantal
    pdfs = []
    for regel, rij in zip(manifest, rijen(aantal)):
        pdf = (uit / regel["pdf"]).read_bytes()
        assert hashlib.sha256(pdf).hexdigest() == regel["pdf_sha256"]
        lezer = PdfReader(io.BytesIO(pdf))
        xmp = lezer.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
        assert "<pdfaid:part>2</pdfaid:part>" in xmp and "<pdfaid:conformance>B</pdfaid:conformance>" in xmp
        assert controleer(pdf) == []
        tekst = " ".join(p.extract_text() for p in lezer.pages)
        assert rij["houder.naam"] in tekst
        pdfs.append((regel, rij, pdf, tekst))
    return pdfs


def schrijf_csv(pad: Path, aantal: int, kolommen=None, maak=None) -> Path:
    """The rows as Dutch Excel saves them (';', UTF-8 with a BOM), by the product's own CSV writer."""
    kolommen = kolommen or KOLOMMEN
    with csvbestand.schrijf(Path(pad), kolommen) as schrijver:
        schrijver.writerows([r[k] for k in kolommen] for r in rijen(aantal, maak=maak))
    return Path(pad)


FACTUUR_KOLOMMEN = ["factuurnummer", "zaaknummer", "behandelaar", "onderwerp", "aanvrager.naam", "aanvrager.aanhef",
                    "aanvrager.straat", "aanvrager.huisnummer", "aanvrager.postcode", "aanvrager.plaats",
                    "posten[1].omschrijving", "posten[1].bedrag", "posten[2].omschrijving", "posten[2].bedrag"]
POSTEN = [("Omgevingsplanactiviteit bouwen", [312.5, 245, 1180.4]), ("Technische bouwactiviteit", [100, 96.75]),
          ("Monumentenactiviteit", [150.25, 88])]
ONDERWERPEN = ["een omgevingsvergunning voor een dakkapel", "een omgevingsvergunning voor een uitbouw",
               "een omgevingsvergunning voor het verbouwen van een monument"]


def factuurrij(nummer: int, kans: random.Random) -> dict:
    """A row of factuur-leges: every invoice a different payer, number and amounts (so a different payment QR)."""
    naam, straat = kans.choice(NAMEN), kans.choice(STRATEN)
    (eerste, bedragen), (tweede, andere) = kans.sample(POSTEN, 2)
    return {
        "factuurnummer": f"F-2026-{nummer:06d}", "zaaknummer": f"Z-2026-{nummer:06d}", "behandelaar": "Sanne de Boer",
        "onderwerp": kans.choice(ONDERWERPEN), "aanvrager.naam": f"de heer of mevrouw {naam}",
        "aanvrager.aanhef": f"Geachte heer of mevrouw {naam}", "aanvrager.straat": straat,
        "aanvrager.huisnummer": str(kans.randint(1, 250)),
        "aanvrager.postcode": f"{kans.randint(1000, 9999)} {kans.choice('ABCDEFGHJK')}{kans.choice('LMNPRSTVWX')}",
        "aanvrager.plaats": "Voorbeeld",
        "posten[1].omschrijving": eerste, "posten[1].bedrag": str(kans.choice(bedragen)),
        "posten[2].omschrijving": tweede, "posten[2].bedrag": str(kans.choice(andere)),
    }


def factuurrijen(aantal: int, zaad: int = 7):
    return rijen(aantal, zaad, factuurrij)


def schrijf_factuur_csv(pad: Path, aantal: int) -> Path:
    return schrijf_csv(pad, aantal, FACTUUR_KOLOMMEN, factuurrij)
