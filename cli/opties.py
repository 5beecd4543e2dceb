"""What every `sjabloon` command shares: the --gemeente and --uit options, date and besluittype options, and how bad
input ends a command (exit 2)."""

from __future__ import annotations

import datetime as dt
import functools
import sys
from pathlib import Path

import click

from generator.vullen.fouten import InvoerFout


def datum(ctx, param, waarde):
    """Callback for a date option: JJJJ-MM-DD or DD-MM-JJJJ (as a case file may write it), else a Dutch error
    (exit 2)."""
    if waarde is None:
        return None
    for vorm in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(waarde.strip(), vorm).date()
        except ValueError:
            pass
    raise click.BadParameter(f"'{waarde}' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-11-22") from None


class LuiKeuze(click.Choice):
    """A choice whose values are read when they are needed (validation, help), not when the command is defined:
    reading the rule files at import would slow down every command, `sjabloon --help` included."""

    def __init__(self, waarden):
        self._waarden = waarden
        super().__init__(())

    @property
    def choices(self):
        return tuple(self._waarden())

    @choices.setter
    def choices(self, _):
        pass


def _besluittypen():
    from checks.awb.regels import besluittypen
    return sorted(besluittypen())


BESLUITTYPE = LuiKeuze(_besluittypen)


def stop_met_fouten(fout: InvoerFout, schrijft: bool = True) -> None:
    """Each message, then status 2; `schrijft`: the command would have written something (so it says it did not)."""
    for melding in fout.meldingen:
        click.echo(f"fout: {melding}", err=True)
    if schrijft:
        click.echo("Er is niets geschreven.", err=True)
    sys.exit(2)


def uit_optie(*onder: str, **meer):
    """--uit MAP; when it is not given, the folder for generated files (SJABLOON_UITVOER, the settings file or the
    user's Documents folder: see `sjabloon info`) with `onder` below it."""
    def standaard() -> Path:
        from generator.plaatsen import uitvoer_map
        try:
            return uitvoer_map().pad.joinpath(*onder)
        except InvoerFout as fout:
            stop_met_fouten(fout)
    tekst = "de map voor gemaakte bestanden, zie sjabloon info" + "".join(f", daarin {deel}/" for deel in onder)
    return click.option("--uit", default=standaard, type=click.Path(path_type=Path), show_default=tekst, **meer)


def met_gemeente(opdracht):
    """--gemeente PROFIEL on a command: the profile's `aanpassingen` apply to everything the command reads; a wrong
    settings file stops the command here, before it reads or writes anything."""
    @click.option("--gemeente", "gemeente_pad", type=click.Path(path_type=Path),
                  help="Gemeenteprofiel (standaard content/gemeente.yaml): namen, adressen, logo en eigen beleid.")
    @functools.wraps(opdracht)
    def met_profiel(*args, gemeente_pad=None, **kwargs):
        from generator.plaatsen import lees_instellingen
        from generator.plaatsen.leesgrenzen import activeer_leesgrenzen
        from generator.vullen.context import activeer_gemeente
        try:
            lees_instellingen()
            activeer_leesgrenzen()
            activeer_gemeente(gemeente_pad)
        except InvoerFout as fout:
            stop_met_fouten(fout)
        return opdracht(*args, gemeente_pad=gemeente_pad, **kwargs)
    return met_profiel
