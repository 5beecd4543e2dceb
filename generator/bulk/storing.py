"""A bulk run stopped by its surroundings (a full disk, a LibreOffice that will not start): not bad input, so not
"nothing was written". What was finished is kept in the journal; the same command later resumes the run."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

VOL = (errno.ENOSPC, errno.EDQUOT)
RESERVE = 5 * 1024 * 1024       # bytes a run leaves free, so its journal and error list can still record its stop


class BulkGestopt(Exception):
    """The run cannot go on now; the message says why and what to do. Picklable: it travels from a worker process."""

    def __init__(self, melding: str):
        super().__init__(melding)
        self.melding = melding


def schijf_vol(fout: BaseException) -> bool:
    """A write failed because the disk (or the user's quota) is full: an OSError, or SQLite's own message."""
    if isinstance(fout, OSError):
        return fout.errno in VOL
    return "database or disk is full" in str(fout)


def eis_ruimte(map_: Path, grootte: int) -> None:
    """Before writing a letter of `grootte` bytes: stop (as a full disk would) while RESERVE is still free. A disk
    that is really full mid-write stops the run too, but then the last letters may not reach the journal."""
    if shutil.disk_usage(map_).free < grootte + RESERVE:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(map_))


def gestopt_door_volle_schijf(uit: Path) -> BulkGestopt:
    return BulkGestopt(f"{uit}: de schijf is vol; de run is gestopt. Er staat geen half geschreven brief in de map. "
                       "Maak ruimte vrij en draai dezelfde opdracht opnieuw: klare rijen worden overgeslagen, de rest "
                       "wordt gemaakt, elke rij één keer.")
