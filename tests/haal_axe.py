"""Fetch axe-core (the accessibility rules engine) from the npm registry for the browser tests, checked against
its published SHA-512; `make test` runs this once. axe-core is MPL-2.0 and is not shipped with the product.

Run: python tests/haal_axe.py DOEL  (DOEL: where axe.min.js goes)"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import sys
import tarfile
import urllib.request
from pathlib import Path

VERSIE = "4.14.1"
ADRES = f"https://registry.npmjs.org/axe-core/-/axe-core-{VERSIE}.tgz"
INTEGRITEIT = "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="


def haal(doel: Path) -> None:
    with urllib.request.urlopen(ADRES, timeout=120) as antwoord:
        pakket = antwoord.read()
    if "sha512-" + base64.b64encode(hashlib.sha512(pakket).digest()).decode() != INTEGRITEIT:
        sys.exit(f"axe-core {VERSIE}: de SHA-512 klopt niet met het register; niets geschreven")
    with tarfile.open(fileobj=io.BytesIO(pakket)) as tar:
        script = tar.extractfile("package/axe.min.js").read()
    doel.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = doel.with_suffix(f".{os.getpid()}.tmp")          # two `make test` at once each write their own
    tijdelijk.write_bytes(script)
    tijdelijk.replace(doel)


if __name__ == "__main__":
    haal(Path(sys.argv[1]))
