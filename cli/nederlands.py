"""Click's own texts in Dutch: "Gebruik:", "Opties:", "Toon deze hulp en stop.", its error messages and metavars.

Click marks its texts for gettext but reads them through the default domain, which depends on the user's locale;
a municipal desktop often runs an English one. So the Dutch catalogue (vertaling/click.po, compiled to click.mo) is
given to Click's modules directly. `installeer` runs when the `cli` package is imported, before any command or
option is defined: Click translates some texts (the names of path types) when an option is made."""

from __future__ import annotations

import gettext
from pathlib import Path

import click

CATALOGUS = Path(__file__).resolve().parent / "vertaling" / "click.mo"
# The modules of Click that translate with a module-level `_` (and `ngettext`).
KLIK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "shell_completion", "termui", "types",
                "utils", "_termui_impl")
# What an option's value is called in the help (`--zaak PAD`), by Click's name of its type.
METAVARS = {"text": "TEKST", "integer": "GETAL", "integer range": "GETAL", "float": "GETAL", "float range": "GETAL",
            "boolean": "JA|NEE", "uuid": "UUID", "pad": "PAD", "bestand": "BESTAND", "map": "MAP"}


def installeer() -> gettext.GNUTranslations:
    import importlib
    with open(CATALOGUS, "rb") as bestand:
        vertaling = gettext.GNUTranslations(bestand)
    for naam in KLIK_MODULES:
        module = importlib.import_module(f"click.{naam}")
        if hasattr(module, "_"):
            module._ = vertaling.gettext
        if hasattr(module, "ngettext"):
            module.ngettext = vertaling.ngettext
    return vertaling


def vertaal_opdrachten(opdracht: click.Command) -> None:
    """Dutch metavars in the usage lines of a command and all its subcommands: `[OPTIES]`, `OPDRACHT
    [ARGUMENTEN]...` and `--zaak PAD` instead of `[OPTIONS]`, `COMMAND [ARGS]...` and `--zaak PATH`."""
    if opdracht.options_metavar == "[OPTIONS]":
        opdracht.options_metavar = "[OPTIES]"
    for parameter in opdracht.params:
        if isinstance(parameter, click.Option) and parameter.metavar is None and not parameter.is_flag:
            parameter.metavar = METAVARS.get(parameter.type.name)
    if isinstance(opdracht, click.Group):
        opdracht.subcommand_metavar = "OPDRACHT [ARGUMENTEN]..."
        for sub in opdracht.commands.values():
            vertaal_opdrachten(sub)
