"""Made-up rows for bulk runs of herinnering-afloop-vergunning (tests and bench/bulk.py): every row differs in
holder, address, permit and dates, as a real expiry list does."""

from __future__ import annotations

import datetime as dt
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


def rijen(aantal: int, zaad: int = 7):
    kans = random.Random(zaad)
    for nummer in range(1, aantal + 1):
        yield rij(nummer, kans)


def schrijf_csv(pad: Path, aantal: int) -> Path:
    """The rows as Dutch Excel saves them (';', UTF-8 with a BOM), by the product's own CSV writer."""
    with csvbestand.schrijf(Path(pad), KOLOMMEN) as schrijver:
        schrijver.writerows([rij[k] for k in KOLOMMEN] for rij in rijen(aantal))
    return Path(pad)
