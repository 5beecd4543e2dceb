"""Where Sjabloonstraat keeps things: the template catalogue, the register database and the generated files.

Each place comes from an environment variable, else the settings file `instellingen.toml`, else a per-user default
(platformdirs), so a caseworker gets the same register and catalogue in every folder, and nothing is ever written
inside the installed code. `plekken` chooses the places, `instellingen` reads and checks the settings file."""

from generator.plaatsen.instellingen import InstellingenFout
from generator.plaatsen.plekken import (VOORBEELDCATALOGUS, Plek, catalogus_map, instellingenbestand, lees_instellingen,
                                        register_url, registeranker, registersleutel_bestand, uitvoer_map)

__all__ = ["InstellingenFout", "Plek", "VOORBEELDCATALOGUS", "catalogus_map", "instellingenbestand", "lees_instellingen",
           "register_url", "registeranker", "registersleutel_bestand", "uitvoer_map"]
