"""Which database the register uses, and how to show its URL without the password."""

from __future__ import annotations

import re

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from generator.plaatsen import register_url


def database_url(profiel: dict | None = None) -> str:
    """SJABLOON_DATABASE_URL first, then the gemeente profile's `register`, then the settings file, else the user's
    own register.sqlite (generator.plaatsen): the same register whatever folder a command runs from."""
    return register_url(profiel).waarde


def zonder_wachtwoord(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:         # not a URL SQLAlchemy can read: mask whatever stands between user: and @
        return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)
