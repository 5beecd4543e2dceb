"""Dutch formatting filters for templates: datum, datum_kort, bedrag."""

from __future__ import annotations

import datetime as dt

from checks.schrijfwijze import bedrag
from checks.termijnen import lange_datum


def _als_datum(waarde) -> dt.date:
    if isinstance(waarde, dt.datetime):
        return waarde.date()
    if isinstance(waarde, dt.date):
        return waarde
    return dt.date.fromisoformat(str(waarde))


def datum(waarde) -> str:
    """22 november 2026"""
    return lange_datum(_als_datum(waarde))


def datum_kort(waarde) -> str:
    """22-11-2026"""
    return _als_datum(waarde).strftime("%d-%m-%Y")




FILTERS = {"datum": datum, "datum_kort": datum_kort, "bedrag": bedrag}
