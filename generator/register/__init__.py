"""The document register: an append-only, hash-chained record of template releases and generated documents."""

from generator.register.opslag import Register, RegisterFout
from generator.register.regel import Regel
from generator.register.url import database_url

__all__ = ["Register", "Regel", "RegisterFout", "database_url"]
