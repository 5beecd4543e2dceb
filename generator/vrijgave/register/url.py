"""Which database the register uses, and how to show its URL without the password."""

from __future__ import annotations

import os
import re

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

STANDAARD = "sqlite:///register.sqlite"


def database_url(profiel: dict | None = None) -> str:
    """SJABLOON_DATABASE_URL first, then the gemeente profile's `register`, else register.sqlite in this folder."""
    return os.environ.get("SJABLOON_DATABASE_URL") or (profiel or {}).get("register") or STANDAARD


def zonder_wachtwoord(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:         # not a URL SQLAlchemy can read: mask whatever stands between user: and @
        return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)
