"""Local accounts for the four-eyes release in tests, and `sjabloon vrijgeven` with their passwords on stdin."""

import os
import subprocess

from conftest import SJABLOON

from generator.vrijgave.register import Register
from toegang.gebruikers import Gebruikers

WACHTWOORD = {"anna": "anna-wachtwoord-1", "bram": "bram-wachtwoord-2", "carla": "carla-wachtwoord-3",
              "dirk": "dirk-wachtwoord-4"}
ACCOUNTS = {"anna": (["jurist"], "Anna de Vries"), "bram": (["communicatie"], "Bram Jansen"),
            "carla": (["jurist", "communicatie"], "Carla Beide"), "dirk": (["zaakbehandelaar"], "Dirk Zaak")}


def maak_beoordelaars(url: str | None = None) -> dict:
    """anna (jurist), bram (communicatie), carla (both roles) and dirk (zaakbehandelaar) in the register at `url`
    (default: SJABLOON_DATABASE_URL, the test's own register); their identities by account name."""
    with Register(url or os.environ["SJABLOON_DATABASE_URL"]) as register:
        gebruikers = Gebruikers(register)
        return {naam: gebruikers.toevoegen(naam, WACHTWOORD[naam], rollen, volledige_naam, door="test")
                for naam, (rollen, volledige_naam) in ACCOUNTS.items()}


def vrijgeven_cli(sjabloon: str, *extra, juridisch: str = "anna", communicatief: str = "bram",
                  wachtwoorden: str | None = None, cwd=None):
    """`sjabloon vrijgeven` as the two reviewers: their passwords on stdin (or the given stdin text)."""
    invoer = wachtwoorden if wachtwoorden is not None else \
        f"{WACHTWOORD.get(juridisch, 'geraden-wachtwoord')}\n{WACHTWOORD.get(communicatief, 'geraden-wachtwoord')}\n"
    return subprocess.run(SJABLOON + ["vrijgeven", sjabloon, "--juridisch", juridisch, "--communicatief", communicatief,
                                      "--wachtwoorden-stdin", *map(str, extra)],
                          input=invoer, capture_output=True, text=True, cwd=cwd)
