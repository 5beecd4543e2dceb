"""The Awb rule data (content/awb/): element definitions with detection patterns, and one rule file per besluittype."""

from __future__ import annotations

import re

from checks.content import content_cache, content_dir, load_yaml

EISEN = ("verplicht", "aanbevolen")
# Per memory. A bulk letter's own paragraphs (a name, a date) are new each time; the ones it shares with the other
# letters are asked for in every letter, so they stay however small the memory is. At 20,000 these memories held
# about 100 MB in a run of 100,000 rows (bench/bulk.py --geheugen-n), past its 300 MB goal.
MAX_TEKSTEN = 2_000
# For a result of the rules on one text (a paragraph, a signature block) or one value (a date): letters from one
# template share most of them. Emptied when the content changes, as the rules do.
tekst_cache = content_cache(maximum=MAX_TEKSTEN)


@content_cache
def elementen() -> dict:
    return load_yaml("awb/elementen.yaml")["elementen"]


@content_cache
def besluittypen() -> dict[str, dict]:
    typen = {}
    for pad in sorted((content_dir() / "awb" / "besluittypen").glob("*.yaml")):
        regels = load_yaml(f"awb/besluittypen/{pad.name}")
        typen[regels["id"]] = regels
    return typen


BESTUURSORGANEN = ("college", "burgemeester", "heffingsambtenaar")


def bestuursorgaan(besluittype: str) -> str:
    """Who takes a besluit of this type, signs it and receives the bezwaar: college, burgemeester or heffingsambtenaar."""
    return besluittypen()[besluittype]["bestuursorgaan"]


def orgaan(gemeente: dict, besluittype: str, sleutel: str | None = None) -> dict | None:
    """That bestuursorgaan (or the one named by `sleutel`) as a gemeente profile describes it (naam, ondertekening,
    bezwaaradres), or None."""
    return (gemeente.get("bestuursorganen") or {}).get(sleutel or bestuursorgaan(besluittype))


def eis(besluittype: str, element: str) -> str | None:
    """verplicht, aanbevolen, or None (not applicable to this type)."""
    waarde = besluittypen()[besluittype]["elementen"].get(element)
    return waarde.get("eis") if isinstance(waarde, dict) else waarde


def element_info(besluittype: str, element: str) -> dict:
    """Element text (titel, artikel, uitleg, suggestie), with the type's own overrides."""
    info = dict(elementen()[element])
    eigen = besluittypen()[besluittype]["elementen"].get(element)
    if isinstance(eigen, dict):
        info.update({k: v for k, v in eigen.items() if k != "eis"})
    return info


@content_cache
def patroon(tekst: str) -> re.Pattern:
    """Compile a rule pattern with {BEDRAG}, {DATUM}, {ARTIKEL}, {TERMIJN} filled in.

    Rule patterns ignore case: they are compiled in lower case and must be searched in lower-cased text
    (Alinea.klein), which is almost three times faster than re.IGNORECASE."""
    afkortingen = load_yaml("awb/elementen.yaml")["patronen"]
    for naam, invulling in afkortingen.items():
        tekst = tekst.replace("{" + naam + "}", f"(?:{invulling})")
    klein = re.sub(r"(\\.)|([A-Z])", lambda m: m.group(1) or m.group(2).lower(), tekst)
    return re.compile(klein, re.MULTILINE)


@content_cache
def kop_patroon(tekst: str) -> re.Pattern:
    """A heading pattern matches at the start of a heading, after any numbering ('3.', '3.1', 'B.', 'IV.')."""
    return patroon(rf"^\s*(?:(?:\d+(?:\.\d+)*|[a-z]|[ivx]+)[.)]?\s+)?(?:{tekst})\b")


@content_cache
def bestuursorganen() -> dict:
    """Per bestuursorgaan: its name, how a text names it, and which other organen may not sign or receive the bezwaar."""
    return load_yaml("awb/elementen.yaml").get("bestuursorganen") or {}


@content_cache
def bestuursorgaan_regels() -> dict:
    """The messages and the address-sentence pattern of the bestuursorgaan checks."""
    return load_yaml("awb/elementen.yaml").get("bestuursorgaan_regels") or {}


@content_cache
def tekstregels(besluittype: str) -> dict[str, dict]:
    """The text rules that apply to this type: the general ones (elementen.yaml, `besluittypen` limits them)
    followed by the type's own (besluittypen/<id>.yaml); a type's rule replaces a general one of the same name."""
    algemeen = load_yaml("awb/elementen.yaml").get("tekstregels") or {}
    regels = {naam: regel for naam, regel in algemeen.items()
              if besluittype in (regel.get("besluittypen") or besluittypen())}
    regels.update(besluittypen()[besluittype].get("tekstregels") or {})
    return regels
