"""From lines to paragraphs, for text without paragraph marks (plain text, the text layer of a PDF): join wrapped
lines, repair hyphenation at line ends, recognise page numbers, and cut a paragraph that is too long to be one into
sentences, so that the rule patterns can still find things per paragraph."""

from __future__ import annotations

import re

from checks.content import content_cache, load_yaml
from checks.document.kop import lijkt_kop

LANGE_ALINEA = 1500         # longer than this, a "paragraph" is a text that lost its paragraph marks

# Bullets that Word and LibreOffice draw in a Symbol or Wingdings font: in a PDF's text layer they come out as the
# font's own code in the Unicode private use area, which is no character a reader or a check knows. At the start of a
# line they are a list bullet and become '•', what the reader sees and what a PDF with a Unicode bullet gives.
SYMBOOL_BULLETS = frozenset(
    "\uf0b7"      # Symbol B7: •, Word's default bullet
    "\uf0a8"      # Symbol A8: ♦
    "\uf0a7"      # Wingdings A7: ▪, Word's third level
    "\uf06c"      # Wingdings 6C: ●
    "\uf06e"      # Wingdings 6E: ■
    "\uf06f"      # Wingdings 6F: □
    "\uf075"      # Wingdings 75: ◆
    "\uf076"      # Wingdings 76: ❖
    "\uf0d8"      # Wingdings D8: ➢
    "\uf0fc"      # Wingdings FC: ✓
)
_SYMBOOL_BULLET = re.compile("^[" + "".join(sorted(SYMBOOL_BULLETS)) + "]\\s*")
_OPSOMMING = re.compile(r"^([-•*–+▪◦●]|\d+[.)]|[a-z][.)])\s")
_LABEL = re.compile(r"^[A-Z][\w ]{0,25}:\s")               # 'Betreft: ...', 'BESLUIT: ...' begin a paragraph
_AFGEBROKEN = re.compile(r"[^\W\d_]-$")         # a letter and a hyphen at the end of the line: 'aan-'
_SAMENTREKKING = re.compile(r"(en|of|en/of|tot|t/m)\b")     # 'bouw- en sloopwerk': the hyphen stays, and a space
_PAGINANUMMER = re.compile(
    r"^(?:(?:pagina|blz\.?|bladzijde|page|p\.)\s*\d+(?:\s*(?:van|/|of)\s*\d+)?"   # Pagina 2, pagina 2 van 5
    r"|\d+\s*(?:/|van)\s*\d+"                                                      # 2/8, 2 van 8
    r"|[-–]\s*\d+\s*[-–])$",                                                       # - 2 -
    re.IGNORECASE)
_SLOT = re.compile(r"[.!?:;][\"'”’)]*$")       # closing punctuation at the end of a line, also before a quote
_ZINSEINDE = re.compile(r"[.!?][\"'”’)]*\s+")
_KORTE_ZIN = 40             # a shorter piece is a number or a label, not a sentence: it goes with the next one


def is_paginanummer(regel: str) -> bool:
    """'Pagina 2 van 5', 'blz. 3', '2/8', '- 2 -': a line that only numbers the page."""
    return bool(_PAGINANUMMER.match(regel.strip()))


def regels_naar_alineas(regels: list[str], breedtes: list[int] | None = None,
                        paginabegin: frozenset[int] = frozenset()) -> list[tuple[str, int]]:
    """Join wrapped lines into paragraphs: (text, index of its first line). A line that does not fill the width ends
    its paragraph; list items, labels ('Betreft: ...'), heading-like lines and a capital after closing punctuation at
    a line end start a new one; after a word broken at the line end ('aan-') the paragraph always goes on.
    `breedtes` gives the width per line (the longest line of its page); without it, the longest line of all.
    `paginabegin` holds the index of each page's first line (headers, footers and page numbers already taken out):
    a paragraph that stops at the foot of a page without closing punctuation goes on when the next page begins in
    lower case, whatever the width of its last line (a page may break a paragraph anywhere). A line that is only a
    bullet goes with the line after it."""
    if breedtes is None:
        breedte = max((len(r.strip()) for r in regels), default=0)
        breedtes = [breedte] * len(regels)
    alineas: list[tuple[str, int]] = []
    vorige, vorige_breedte, bullet = "", 0, False
    for index, (regel, breedte) in enumerate(zip(regels, breedtes)):
        regel = _SYMBOOL_BULLET.sub("• ", regel.strip()).rstrip()
        if not regel:
            continue
        if regel == "•":
            bullet = True
            continue
        if bullet:
            regel, bullet = f"• {regel}", False
        afgebroken = (_AFGEBROKEN.search(vorige) or vorige.endswith("\u00ad")) and regel[:1].isalpha()
        doorlopend = (index in paginabegin and alineas and regel[:1].islower() and not _OPSOMMING.match(regel)
                      and not _SLOT.search(vorige) and not lijkt_kop(alineas[-1][0]))
        nieuw = not alineas or not (afgebroken or doorlopend) and (
            len(vorige) < 0.7 * vorige_breedte or lijkt_kop(regel) or lijkt_kop(vorige)
            or _OPSOMMING.match(regel) or _LABEL.match(regel)
            or vorige.endswith((".", "?", "!", ":")) and regel[:1].isupper())
        if nieuw:
            alineas.append((regel, index))
        else:
            tekst, begin = alineas[-1]
            alineas[-1] = (plak(tekst, regel), begin)
        vorige, vorige_breedte = regel, breedte
    return alineas


def plak(links: str, rechts: str) -> str:
    """Two wrapped lines as one: 'aan-' + 'vraag' is 'aanvraag', but 'Noord-' + 'Holland' stays 'Noord-Holland' and
    'bouw-' + 'en sloopwerk' stays 'bouw- en sloopwerk'."""
    if links.endswith("\u00ad"):
        return links[:-1] + rechts
    if _AFGEBROKEN.search(links) and rechts[:1].isalpha():
        if rechts[:1].isupper():
            return links + rechts
        if _SAMENTREKKING.match(rechts):
            return links + " " + rechts
        return links[:-1] + rechts
    return links + " " + rechts


def in_zinnen(tekst: str, grens: int = LANGE_ALINEA) -> list[str]:
    """A paragraph longer than `grens` cut at sentence ends (not after an abbreviation, an initial or a numbering like
    '2.'); works on lower-cased text too, so it cannot rely on a capital after the full stop."""
    if len(tekst) <= grens:
        return [tekst]
    afkortingen = _afkortingen()
    stukken, begin = [], 0
    for einde in _ZINSEINDE.finditer(tekst):
        woord = tekst[begin:einde.start() + 1].rsplit(None, 1)[-1].lower().lstrip("(\"'“‘")
        if woord in afkortingen or re.fullmatch(r"([a-zà-ÿ]\.)+|\d{1,2}\.|[ivx]+\.", woord):
            continue
        stukken.append(tekst[begin:einde.end()].strip())
        begin = einde.end()
    stukken.append(tekst[begin:].strip())
    zinnen: list[str] = []
    kort = ""
    for stuk in filter(None, stukken):
        stuk = f"{kort} {stuk}".strip()
        if len(stuk) < _KORTE_ZIN:
            kort = stuk
            continue
        zinnen.append(stuk)
        kort = ""
    if kort:
        if zinnen:
            zinnen[-1] += " " + kort
        else:
            zinnen.append(kort)
    return zinnen


@content_cache
def _afkortingen() -> frozenset[str]:
    """The abbreviations the B1 check knows (content/b1/afkortingen.yaml): no sentence ends after 'art.' or 'o.a.'."""
    try:
        return frozenset(a["afkorting"].lower() for a in load_yaml("b1/afkortingen.yaml")["afkortingen"])
    except (OSError, KeyError, TypeError):
        return frozenset({"art.", "nr.", "blz.", "bijv.", "jl.", "mr.", "dhr.", "mevr.", "o.a.", "d.d."})
