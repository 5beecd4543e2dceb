"""How Dutch writes an amount: € 1.250,00. Shared by the templates (the `bedrag` filter) and the checks' findings."""

from __future__ import annotations

from decimal import Decimal


def bedrag(waarde) -> str:
    """€ 1.250,00"""
    getal = Decimal(str(waarde)).quantize(Decimal("0.01"))
    tekst = f"{getal:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"€ {tekst}"
