"""Type recognition on the product's own letters: every template, its example and each one-field variant of it
(the lint's variants), read back without `--type`.

Run: .venv/bin/python bench/awb_typen_eigen.py [--details]
Prints per template how many variants are recognised as the template's besluittype, and in total. A letter that
is no besluit (besluittype `brief`) taken for a decision would be failed for lacking a dictum; a decision taken
for another type is checked against the wrong elements.
"""

import datetime as dt
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from meting import eis, einde  # noqa: E402

from checks.awb.controle import herken_besluittype  # noqa: E402
from checks.document import lees_document  # noqa: E402
from generator.catalogus.zaakvarianten import varianten  # noqa: E402
from generator.vullen.context import activeer_gemeente, maak_context  # noqa: E402
from generator.vullen.fouten import InvoerFout  # noqa: E402
from generator.vullen.render import vul_docx  # noqa: E402
from generator.vullen.sjabloon import catalogus  # noqa: E402
from generator.vullen.velden import valideer  # noqa: E402
from generator.vullen.zaak import lees_gegevens  # noqa: E402


def main() -> None:
    details = "--details" in sys.argv
    gemeente = activeer_gemeente()
    totaal, goed = 0, 0
    for sjabloon in catalogus():
        dagtekening = sjabloon.voorbeeld_dagtekening or dt.date(2026, 12, 5)
        uitkomsten: Counter = Counter()
        for variant in varianten(sjabloon.velden, lees_gegevens(sjabloon.voorbeeld), dagtekening - dt.timedelta(days=14)):
            zaak, problemen = valideer(sjabloon.velden, variant.zaak)
            if problemen:
                continue
            try:
                context, _ = maak_context(sjabloon, zaak, dagtekening, gemeente)
            except InvoerFout:
                continue
            document = lees_document(f"{sjabloon.id}.docx", vul_docx(sjabloon.docx, context, sjabloon.id))
            type_id, zekerheid, woorden = herken_besluittype(document)
            uitkomsten[type_id] += 1
            if details and type_id != sjabloon.besluittype:
                print(f"  {sjabloon.id} [{variant.naam}]: {type_id} ({zekerheid:.0%}; {', '.join(woorden)})")
        n, juist = sum(uitkomsten.values()), uitkomsten[sjabloon.besluittype]
        eis(n > 0, f"{sjabloon.id}: geen enkele variant kon worden gemaakt, dus niets gemeten")
        totaal, goed = totaal + n, goed + juist
        anders = ", ".join(f"{t} {k}" for t, k in uitkomsten.items() if t != sjabloon.besluittype)
        print(f"{sjabloon.id:<32} {sjabloon.besluittype:<30} {juist:>3}/{n:<3} {anders}")
    print(f"totaal: {goed}/{totaal} herkend ({goed / totaal:.1%})" if totaal else "totaal: niets gemeten")
    einde()


if __name__ == "__main__":
    main()
