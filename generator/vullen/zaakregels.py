"""The rules for one text value of a case before anything is filled: its length and the characters it may hold.

The rules are data (content/zaakgegevens.yaml). A value is refused whole or kept exactly: no character is dropped or
replaced, except that a Windows line end becomes one newline. Every interface (command line, bulk, web form, API,
zaaksysteem) reaches this through velden.valideer."""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from checks.content import content_cache, load_yaml
from generator.plaatsen.instellingen import InstellingenFout, lees_tabel
from generator.vullen.fouten import InvoerFout, RenderFout

TABEL = "zaakgegevens"          # the settings file's table with the length limits ([zaakgegevens] tekst = 20000)
REGELEINDE = re.compile("\r\n?")        # Windows and the web form write CR LF; a lone CR too becomes one LF


@dataclass(frozen=True)
class Regels:
    lengte: dict[str, int]              # tekst, tekstvak -> the most characters
    tekstvak_namen: frozenset[str]
    tekstvak_woorden: tuple[str, ...]
    geweigerd: re.Pattern               # a character no value may hold
    alleen_tekstvak: re.Pattern         # a character only a field with more lines may hold
    soorten: tuple[tuple[int, int, str], ...]
    namen: dict[int, str]


def _code(tekst: str) -> int:
    if not re.fullmatch(r"U\+[0-9A-Fa-f]{4,6}", str(tekst)):
        raise InvoerFout(f"content/zaakgegevens.yaml: '{tekst}' is geen teken; schrijf U+XXXX")
    return int(str(tekst)[2:], 16)


def _klasse(reeksen) -> re.Pattern:
    delen = "".join(f"\\U{van:08x}-\\U{tot:08x}" for van, tot in reeksen)
    return re.compile(f"[{delen}]" if delen else "(?!)")


@content_cache
def regels() -> Regels:
    """content/zaakgegevens.yaml, read once (and again when a gemeente's aanpassingen change it)."""
    data = load_yaml("zaakgegevens.yaml")
    soorten = tuple((_code(r["van"]), _code(r["tot"]), str(r["soort"])) for r in data.get("geweigerd") or [])
    alleen = [_code(c) for c in data.get("alleen_in_tekstvak") or {}]
    return Regels(
        lengte={soort: int(aantal) for soort, aantal in (data.get("maximale_lengte") or {}).items()},
        tekstvak_namen=frozenset(data.get("tekstvak_namen") or []),
        tekstvak_woorden=tuple(data.get("tekstvak_als_omschrijving_bevat") or []),
        geweigerd=_klasse((van, tot) for van, tot, _ in soorten),
        alleen_tekstvak=_klasse((c, c) for c in alleen),
        soorten=soorten,
        namen={_code(c): str(naam)
               for c, naam in ((data.get("namen") or {}) | (data.get("alleen_in_tekstvak") or {})).items()},
    )


def is_tekstvak(pad: str, spec: dict) -> bool:
    """A text field with more lines: 'tekstvak: true' in the manifest, else its name or its description as
    content/zaakgegevens.yaml lists them. `pad` is the field path (a list item's path names the list)."""
    if spec.get("type", "tekst") != "tekst":
        return False
    if "tekstvak" in spec:
        return bool(spec["tekstvak"])
    r = regels()
    omschrijving = spec.get("omschrijving") or ""
    return pad.rpartition(".")[2].partition("[")[0] in r.tekstvak_namen or any(
        woord in omschrijving for woord in r.tekstvak_woorden)


def grenzen() -> dict[str, int]:
    """The most characters of a value, per kind of field (tekst, tekstvak): the settings file's [zaakgegevens] over
    content/zaakgegevens.yaml. Looked up once per case; a field's own max_lengte goes before both."""
    pad = _instellingenbestand(*(os.environ.get(v) for v in ("SJABLOON_INSTELLINGEN", "XDG_CONFIG_HOME", "HOME")))
    try:
        stand = pad.stat()
    except OSError:
        return regels().lengte
    return regels().lengte | _lengtes_uit(pad, stand.st_mtime_ns, stand.st_size)


@functools.lru_cache(maxsize=8)
def _instellingenbestand(*_omgeving: str | None) -> Path:
    """Where the settings file is, per environment: finding it takes longer than checking a value (bulk: per cell)."""
    from generator.plaatsen.plekken import instellingenbestand
    return instellingenbestand().pad


@functools.lru_cache(maxsize=8)
def _lengtes_uit(pad, _gewijzigd: int, _grootte: int) -> dict[str, int]:
    tabel = lees_tabel(pad, TABEL)
    fouten = [f"{pad}: [{TABEL}] {sleutel}: verwacht een geheel getal groter dan 0, bijvoorbeeld {sleutel} = 20000"
              for sleutel, waarde in tabel.items()
              if sleutel in regels().lengte and (isinstance(waarde, bool) or not isinstance(waarde, int) or waarde < 1)]
    fouten += [f"{pad}: [{TABEL}] {sleutel}: onbekende instelling; bekend zijn: {', '.join(regels().lengte)}"
               for sleutel in tabel if sleutel not in regels().lengte]
    if fouten:
        raise InstellingenFout(fouten)
    return dict(tabel)


def keur(spec: dict, pad: str, waarde: str, lengtes: dict[str, int]) -> str:
    """The value as it will be filled in, or ValueError with a Dutch message that names the character.
    Checked in this order: the length (before anything else looks at a huge value), characters no value may hold,
    then tabs and line ends inside a value of a one-line field (around the value they are spaces that go).
    `lengtes` is what grenzen() gives."""
    tekstvak = is_tekstvak(pad, spec)
    grens = spec.get("max_lengte") or lengtes["tekstvak" if tekstvak else "tekst"]
    if len(waarde) > grens:
        raise ValueError(f"de waarde is {_getal(len(waarde))} tekens lang; dit veld mag ten hoogste {_getal(grens)} "
                         f"tekens hebben (max_lengte in sjabloon.yaml of [{TABEL}] in het instellingenbestand)")
    r = regels()
    if fout := r.geweigerd.search(waarde):
        raise ValueError(f"bevat het teken {beschrijf(fout.group())} op positie {fout.start() + 1}; dat teken kan "
                         f"niet in een brief: haal het weg of vervang het")
    if not tekstvak:
        kaal = waarde.strip()
        gevonden = [m for m in (r.alleen_tekstvak.search(kaal), REGELEINDE.search(kaal)) if m]
        if gevonden:
            teken = min(gevonden, key=lambda m: m.start()).group()[0]
            raise ValueError(f"bevat het teken {beschrijf(teken)}; dat mag alleen in een veld met meer regels: "
                             f"schrijf de waarde op één regel, zonder tabs")
    return REGELEINDE.sub("\n", waarde) if "\r" in waarde else waarde


def weigert(waarde: str) -> bool:
    """The value holds a character no value may hold."""
    return regels().geweigerd.search(waarde) is not None


def beschrijf(teken: str) -> str:
    """'U+000C (pagina-einde (FF); ...)': the code point and its name, Dutch where content gives one."""
    code = ord(teken)
    naam = regels().namen.get(code) or next((soort for van, tot, soort in regels().soorten if van <= code <= tot), None)
    return f"U+{code:04X} ({naam or unicodedata.name(teken, 'zonder naam')})"


def _getal(aantal: int) -> str:
    return f"{aantal:,}".replace(",", ".")


def alleen_schrijfbaar(waarde):
    """Every value a tag prints, from the case or anywhere else (gemeenteprofiel, bouwsteen): a control character
    stops the render. docxtpl turns U+000C into a page break and U+0007 into a paragraph, and its recovering XML
    parser (fix_tables) silently drops the text around a character XML cannot hold, `&`, `<` and `>` included.
    The case's own values are refused before this, with their field (keur, above)."""
    if isinstance(waarde, str) and not isinstance(waarde, Markup) and (fout := regels().geweigerd.search(waarde)):
        tekst = waarde[max(fout.start() - 30, 0):fout.start()]
        raise RenderFout(f"een waarde in het document bevat het teken {beschrijf(fout.group())} (na \"{tekst}\"); "
                         f"dat teken kan niet in een brief: haal het weg uit de gegevens waar de waarde vandaan komt")
    return waarde
