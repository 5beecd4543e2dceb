"""The document register: an append-only, hash-chained record of template releases and generated documents."""

from generator.vrijgave.register.opslag import Register, RegisterFout
from generator.vrijgave.register.regel import Regel
from generator.vrijgave.register.url import database_url

__all__ = ["Register", "Regel", "RegisterFout", "database_url"]
