"""How Dutch writes an amount, a number and a date for a reader: € 1.250,00, 50.000, 17 december 2026.

The one place where amounts and dates are put into words, for the letters (the template filters `bedrag`, `datum`
and `datum_kort`), the checks' findings, the command line and the web pages. Babel does the work with the CLDR
data for nl_NL, so grouping, decimal comma, month and weekday names are those of the Unicode standard, not a list
kept by hand. Babel is imported inside the functions: it costs some 40 ms to load, and a command that prints no
amount or date (`sjabloon --help`) should not pay for it.

A choice: CLDR puts a no-break space (U+00A0) between € and the amount. We print an ordinary space, "€ 500,00",
because our own checks read the letters back: the Dutch language model makes a no-break space a token of its own,
which changes how it parses the sentence (measured: a different number of clauses), and a caseworker who searches
the Word document for "€ 500,00" must find it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache, lru_cache

TAAL = "nl_NL"
CENT = Decimal("0.01")


def bedrag(waarde, teken: bool = True) -> str:
    """1250 -> '€ 1.250,00'; without `teken` '1.250,00' (for an input that shows the € beside it)."""
    return _bedrag(Decimal(str(waarde)).quantize(CENT), teken)


@lru_cache(maxsize=4096)            # a bulk run prints the same amounts and dates in thousands of letters
def _bedrag(waarde: Decimal, teken: bool) -> str:
    from babel.numbers import format_currency, format_decimal
    if not teken:
        return format_decimal(waarde, format="#,##0.00", locale=TAAL)
    return format_currency(waarde, "EUR", locale=TAAL).replace("\u00a0", " ")


def getal(waarde) -> str:
    """50000 -> '50.000', 2.5 -> '2,5'."""
    from babel.numbers import format_decimal
    return format_decimal(waarde, locale=TAAL)


def als_datum(waarde) -> dt.date:
    """A date, a datetime or an ISO text (2026-12-17) as a date."""
    if isinstance(waarde, dt.datetime):
        return waarde.date()
    if isinstance(waarde, dt.date):
        return waarde
    return dt.date.fromisoformat(str(waarde))


def datum(waarde, weekdag: bool = False) -> str:
    """'17 december 2026'; with `weekdag` 'donderdag 17 december 2026'."""
    return _datum(als_datum(waarde), "full" if weekdag else "long")


def datum_kort(waarde) -> str:
    """'17-12-2026'."""
    return _datum(als_datum(waarde), "short")


@lru_cache(maxsize=4096)
def _datum(dag: dt.date, vorm: str) -> str:
    from babel.dates import format_date
    return format_date(dag, vorm, locale=TAAL)


@cache
def maandnamen() -> tuple[str, ...]:
    """januari ... december, for reading a date written in words."""
    from babel.dates import get_month_names
    namen = get_month_names("wide", locale=TAAL)
    return tuple(namen[maand] for maand in range(1, 13))
