"""What the web app keeps between two pages of one flow (a preview before release, a made document, a B1 report):
in memory, under an unguessable token, for an hour at most and never more than MAX_ITEMS at once. Each item is
kept with who made it: only that identity gets it back, or one with the right `alle_documenten_inzien`."""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict

from toegang.identiteit import Identiteit

MAX_ITEMS = 500
BEWAARTIJD = 3600
ALLE_DOCUMENTEN = "alle_documenten_inzien"


class Bewaarplaats:
    def __init__(self, maximum: int = MAX_ITEMS, bewaartijd: float = BEWAARTIJD):
        self.maximum, self.bewaartijd = maximum, bewaartijd
        self._items: OrderedDict[str, tuple[float, object, tuple[str, str]]] = OrderedDict()
        self._slot = threading.Lock()

    def bewaar(self, item, maker: Identiteit) -> str:
        token = secrets.token_urlsafe(18)
        with self._slot:
            self._ruim_op()
            self._items[token] = (time.monotonic(), item, (maker.bron, maker.subject))
            while len(self._items) > self.maximum:
                self._items.popitem(last=False)
        return token

    def haal(self, token: str, wie: Identiteit | None):
        """The item, or None when the token is unknown or expired, or the item is not `wie`'s to see."""
        with self._slot:
            self._ruim_op()
            gevonden = self._items.get(token)
        if gevonden is None or wie is None:
            return None
        _, item, maker = gevonden
        return item if maker == (wie.bron, wie.subject) or wie.mag(ALLE_DOCUMENTEN) else None

    def _ruim_op(self) -> None:
        grens = time.monotonic() - self.bewaartijd
        while self._items and next(iter(self._items.values()))[0] < grens:
            self._items.popitem(last=False)
