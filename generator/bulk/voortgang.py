"""Progress of a bulk run: a bar with rate and time left on a terminal, a plain line now and then otherwise
(a log file or a scheduler's output should not fill with bar updates)."""

from __future__ import annotations

import sys
import time

import click

ELKE_SECONDEN = 10


class Voortgang:
    def __init__(self, totaal: int, uit=None):
        self.totaal, self.klaar, self.start = max(totaal, 1), 0, time.monotonic()
        self.uit = uit or sys.stderr
        self.terminal = self.uit.isatty()
        self.laatste = self.start

    def stap(self, aantal: int = 1) -> None:
        self.klaar += aantal
        nu = time.monotonic()
        if self.terminal and nu - self.laatste >= 0.2 or not self.terminal and nu - self.laatste >= ELKE_SECONDEN:
            self.laatste = nu
            self._toon(nu)

    def einde(self) -> None:
        self._toon(time.monotonic())
        if self.terminal:
            click.echo("", file=self.uit)

    def _toon(self, nu: float) -> None:
        verstreken = max(nu - self.start, 1e-9)
        tempo = self.klaar / verstreken
        over = (self.totaal - self.klaar) / tempo if tempo else 0
        tekst = f"{self.klaar} van {self.totaal} rijen, {tempo:.0f} per seconde, nog {_duur(max(over, 0))}"
        if self.terminal:
            breedte = 30
            gevuld = int(breedte * min(self.klaar / self.totaal, 1))
            click.echo(f"\r[{'#' * gevuld}{'-' * (breedte - gevuld)}] {tekst}   ", nl=False, file=self.uit)
        else:
            click.echo(f"voortgang: {tekst}", file=self.uit)


def _duur(seconden: float) -> str:
    seconden = int(seconden)
    if seconden < 60:
        return f"{seconden} s"
    if seconden < 3600:
        return f"{seconden // 60} min {seconden % 60:02d} s"
    return f"{seconden // 3600} u {seconden % 3600 // 60:02d} min"
