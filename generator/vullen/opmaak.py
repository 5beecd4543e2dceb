"""The Dutch formatting filters a template may use: `datum` (17 december 2026; `datum(weekdag=True)` adds the
day's name), `datum_kort` (17-12-2026) and `bedrag` (€ 1.250,00). They are the formatter of checks.schrijfwijze, so a
letter writes an amount or a date exactly as the checks' findings and the web pages do."""

from __future__ import annotations

from checks.schrijfwijze import bedrag, datum, datum_kort

FILTERS = {"datum": datum, "datum_kort": datum_kort, "bedrag": bedrag}
