"""DOCX: the WordprocessingML read directly with lxml (within the reading limits: checks.document.xml, no DTD, no
network), several times faster than python-docx, and complete: what Word shows is read, in reading order.

- content controls (w:sdt) around paragraphs, tables, rows, cells or runs are read through; one that still shows
  its placeholder text ('Klik of tik om tekst in te voeren') is empty;
- a text box (w:txbxContent in a drawing or VML shape) is read as paragraphs of its own ('tekstvak N'), right after
  the paragraph that anchors it; of mc:AlternateContent only the first branch is read, so a box is not read twice;
- of a field (w:fldSimple, or w:fldChar with w:instrText) the result is read, never the instruction;
- tracked changes: inserted text (w:ins, w:moveTo) is read, deleted text (w:del, w:moveFrom, deleted rows) is not;
- a table gives one paragraph per row ('tabel N, rij M'), cells joined by ' | ', the paragraphs of a cell and the
  rows of a table inside it on lines of their own;
- headers come before the body and footers after it ('koptekst', 'voettekst'): a letterhead with date and
  reference often stands in the first-page header. Each line once, also when sections repeat the same header;
  lines that only number the page are left out;
- footnotes and endnotes come after the body ('voetnoot N', 'eindnoot N', numbered as Word shows them), then the
  footers.
A paragraph is a heading when its style is a heading style (or has an outline level), when it is short and bold
throughout, or when it looks like one (kop.lijkt_kop). Body paragraphs are numbered 'alinea N' in reading order."""

from __future__ import annotations

import threading
import zipfile
from collections import OrderedDict
from dataclasses import dataclass

from checks.document.archief import ArchiefFout, document_grenzen, open_zip
from checks.document.grenzen import GrensFout, Lezing
from checks.document.kop import korte_vetregel, lijkt_kop
from checks.document.model import Alinea, Document
from checks.document.redenen import OngeldigBestand, echte_soort
from checks.document.regels import is_paginanummer
from checks.document.xml import lees_xml, tel_elementen

KOP_STIJLEN = ("heading", "kop", "title", "titel", "subtitle", "ondertitel")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"

P, TBL, TR, TC, RUN, T = W + "p", W + "tbl", W + "tr", W + "tc", W + "r", W + "t"
SDT, SDT_INHOUD, SDT_PR = W + "sdt", W + "sdtContent", W + "sdtPr"
ALTERNATIEF, KEUZE, TERUGVAL = MC + "AlternateContent", MC + "Choice", MC + "Fallback"
TEKSTVAK = W + "txbxContent"
VELD = W + "fldChar"
VAL = W + "val"
# Wrappers whose content is read as if they were not there.
DOORZICHTIG = frozenset(W + n for n in ("hyperlink", "ins", "moveTo", "smartTag", "customXml", "fldSimple", "dir",
                                        "bdo"))
BLOK_DOORZICHTIG = frozenset(W + n for n in ("customXml", "ins", "moveTo"))
TEKEN = {W + "tab": "\t", W + "ptab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}
PLAATJE = frozenset((W + "drawing", W + "pict", W + "object", ALTERNATIEF))
NIET = frozenset(("0", "false", "off", "none"))
OVERZICHTSNIVEAUS = frozenset("012345678")     # w:outlineLvl 0-8 is a heading level, 9 is body text
NOTEN_ZONDER_TEKST = frozenset(("separator", "continuationSeparator", "continuationNotice"))


@dataclass(frozen=True)
class Stijl:
    naam: str               # 'heading 2': Dutch Word gives ids in Dutch ('Kop2'), names stay English
    vet: bool | None        # bold by this style (or the one it is based on); None: the style says nothing
    kop: bool               # a heading style or one with an outline level


def lees_docx(bestand: str, data: bytes, lezing: Lezing) -> Document:
    """Every XML part is parsed within the limits of `lezing` (checks.document.xml), the archive is checked first."""
    try:
        archief = open_zip(data, lezing.naam, document_grenzen(lezing.grenzen))
    except GrensFout:
        raise
    except ArchiefFout:
        raise OngeldigBestand(echte_soort(data, ".docx") or "het bestand is beschadigd of geen Word-document; het is "
                              "geen ZIP-archief, zoals een DOCX") from None
    with archief:
        namen = set(archief.namelist())
        if "word/document.xml" not in namen:
            raise OngeldigBestand("het onderdeel word/document.xml met de tekst ontbreekt; het is geen "
                                  "Word-document of het is beschadigd")
        body = lees_xml(archief.read("word/document.xml"), "word/document.xml", lezing).find(f"{W}body")
        if body is None:
            raise OngeldigBestand("het onderdeel word/document.xml heeft geen w:body, het deel met de tekst")
        lezer = _Lezer(_stijlen(archief, namen, lezing), lezing)
        romp: list[Alinea] = []
        lezer.lees(body, romp)
        koptekst, voettekst = _kop_en_voettekst(archief, namen, body, lezer)
        noten = _noten(archief, namen, body, lezer)
    document = Document(bestand)
    document.alineas = koptekst + romp + noten + voettekst
    return document


class _Lezer:
    """Walks block content (body, cell, text box, header, note) in reading order and writes paragraphs."""

    def __init__(self, stijlen: tuple[dict[str, Stijl], str], lezing: Lezing):
        self.stijlen, self.standaard = stijlen
        self.lezing = lezing
        self.alineas = self.tabellen = self.tekstvakken = 0
        self.velden: list[bool] = []       # open fields, innermost last: True once in the result part
        self.in_instructie = 0              # how many open fields are still in their instruction part

    def begin_deel(self) -> None:
        """A new part (body, header, note): fields do not carry over."""
        self.velden.clear()
        self.in_instructie = 0

    # ---- block level

    def blokken(self, container):
        """The paragraphs and tables of a container, through content controls, custom XML and alternate content."""
        for blok in container:
            tag = blok.tag
            if tag == P or tag == TBL:
                yield blok
            elif tag == SDT:
                if (inhoud := _sdt_inhoud(blok)) is not None:
                    yield from self.blokken(inhoud)
            elif tag in BLOK_DOORZICHTIG:
                yield from self.blokken(blok)
            elif tag == ALTERNATIEF and (tak := _tak(blok)) is not None:
                yield from self.blokken(tak)

    def lees(self, container, uit: list[Alinea], vast: str | None = None, koppen: bool = True) -> None:
        """Write the paragraphs of `container` to `uit`. `vast` gives every paragraph that position (a header, a text
        box); without it, paragraphs are numbered 'alinea N' and tables 'tabel N'. `koppen`: may a paragraph be a
        heading (not in a header or a note)."""
        for blok in self.blokken(container):
            if blok.tag == TBL:
                self.tabel(blok, uit, vast, koppen)
                continue
            tekst, kop, vakken = self.alinea(blok, koppen)
            if tekst:
                if vast is None:
                    self.alineas += 1
                    uit.append(Alinea(tekst, f"alinea {self.alineas}", koppen and kop))
                else:
                    uit.append(Alinea(tekst, vast, koppen and kop))
            self.lees_tekstvakken(vakken, uit, vast, koppen)

    def lees_tekstvakken(self, vakken: list, uit: list[Alinea], vast: str | None, koppen: bool) -> None:
        for vak in vakken:
            if vast is None:
                self.tekstvakken += 1
            self.lees(vak, uit, vast or f"tekstvak {self.tekstvakken}", koppen)

    def tabel(self, tabel, uit: list[Alinea], vast: str | None, koppen: bool) -> None:
        if vast is None:
            self.tabellen += 1
        nummer = self.tabellen
        for rij_nummer, rij in enumerate(_rijen(tabel), start=1):
            vakken: list = []
            if tekst := self.rij_tekst(rij, vakken, "\n"):
                uit.append(Alinea(tekst, vast or f"tabel {nummer}, rij {rij_nummer}"))
            self.lees_tekstvakken(vakken, uit, vast, koppen)

    def rij_tekst(self, rij, vakken: list, regelscheiding: str) -> str:
        """A table row as 'a | b': each cell's lines joined, a cell repeated by a merge only once."""
        self.lezing.op_tijd()
        cellen: list[str] = []
        for cel in _cellen(rij):
            tekst = regelscheiding.join(self.cel_regels(cel, vakken)).strip()
            if tekst and tekst not in cellen:
                cellen.append(tekst)
        return " | ".join(cellen)

    def cel_regels(self, cel, vakken: list) -> list[str]:
        """The lines of a cell: its paragraphs, and each row of a table inside it as 'a | b'."""
        regels = []
        for blok in self.blokken(cel):
            if blok.tag == P:
                tekst, _, eigen_vakken = self.alinea(blok, False)
                vakken += eigen_vakken
                if tekst:
                    regels.append(tekst)
                continue
            regels += [tekst for rij in _rijen(blok) if (tekst := self.rij_tekst(rij, vakken, " / "))]
        return regels

    # ---- paragraph level

    def alinea(self, alinea, kop_nodig: bool = True) -> tuple[str, bool, list]:
        """(text, heading?, text boxes anchored in it). Without `kop_nodig` (a cell, header or note, where nothing
        is a heading) heading? is False, not worked out."""
        self.lezing.op_tijd()
        delen: list[str] = []
        vakken: list = []
        runs: list = []                     # the runs with visible text, for 'bold throughout'
        self.inhoud(alinea, delen, vakken, runs)
        tekst = "".join(delen).strip()
        if not tekst or not kop_nodig:
            return tekst, False, vakken
        eigenschappen = alinea.find(W + "pPr")
        stijl_id = niveau = None
        if eigenschappen is not None:
            stijl_id = eigenschappen.find(W + "pStyle")
            niveau = eigenschappen.find(W + "outlineLvl")
        stijl = self.stijlen.get(stijl_id.get(VAL, "") if stijl_id is not None else self.standaard)
        kop = (stijl is not None and stijl.kop or niveau is not None and niveau.get(VAL, "9") in OVERZICHTSNIVEAUS
               or lijkt_kop(tekst) or bool(runs) and korte_vetregel(tekst)
               and all(self.run_vet(run, bool(stijl and stijl.vet)) for run in runs))
        return tekst, kop, vakken

    def inhoud(self, element, delen: list[str], vakken: list, runs: list) -> None:
        for kind in element:
            tag = kind.tag
            if tag == RUN:
                self.run(kind, delen, vakken, runs)
            elif tag in DOORZICHTIG:
                self.inhoud(kind, delen, vakken, runs)
            elif tag == SDT:
                if (inhoud := _sdt_inhoud(kind)) is not None:
                    self.inhoud(inhoud, delen, vakken, runs)
            elif tag == ALTERNATIEF:
                if (tak := _tak(kind)) is not None:
                    self.inhoud(tak, delen, vakken, runs)
            # w:del, w:moveFrom (deleted text), w:pPr, bookmarks, proofing marks: nothing to read

    def run(self, run, delen: list[str], vakken: list, runs: list) -> None:
        for kind in run:
            tag = kind.tag
            if tag == VELD:
                self.veld(kind.get(W + "fldCharType"))
            elif self.in_instructie:
                continue                    # the instruction of a field ('MERGEFIELD naam'), or a result inside it
            elif tag == T:
                if tekst := kind.text:
                    delen.append(tekst)
                    if (not runs or runs[-1] is not run) and not tekst.isspace():
                        runs.append(run)
            elif tag in TEKEN:
                delen.append(TEKEN[tag])
            elif tag in PLAATJE:
                if tag == ALTERNATIEF:
                    kind = _tak(kind)
                if kind is not None:
                    _zoek_tekstvakken(kind, vakken)
            # w:instrText, w:delText, w:footnoteReference, w:rPr: not shown as text here

    def veld(self, soort: str | None) -> None:
        if soort == "begin":
            self.velden.append(False)
            self.in_instructie += 1
        elif soort == "separate" and self.velden and not self.velden[-1]:
            self.velden[-1] = True
            self.in_instructie -= 1
        elif soort == "end" and self.velden:
            if not self.velden.pop():
                self.in_instructie -= 1

    def run_vet(self, run, stijl_vet: bool) -> bool:
        """Bold set on the run, else by its character style, else by the paragraph style."""
        eigenschappen = run.find(W + "rPr")
        if eigenschappen is not None:
            if (b := eigenschappen.find(W + "b")) is not None:
                return b.get(VAL, "true").lower() not in NIET
            if (stijl := eigenschappen.find(W + "rStyle")) is not None:
                teken = self.stijlen.get(stijl.get(VAL, ""))
                if teken is not None and teken.vet is not None:
                    return teken.vet
        return stijl_vet


def _sdt_inhoud(sdt):
    """The content of a content control, or None when it still shows its placeholder text."""
    eigenschappen = sdt.find(SDT_PR)
    if eigenschappen is not None:
        toont = eigenschappen.find(W + "showingPlcHdr")
        if toont is not None and toont.get(VAL, "true").lower() not in NIET:
            return None
    return sdt.find(SDT_INHOUD)


def _tak(alternatief):
    """The one branch of mc:AlternateContent to read: the first Choice, else the Fallback."""
    tak = alternatief.find(KEUZE)
    return tak if tak is not None else alternatief.find(TERUGVAL)


def _zoek_tekstvakken(element, vakken: list) -> None:
    """The outermost text box contents under a drawing or shape (boxes inside a box are read with that box)."""
    for kind in element:
        if kind.tag == TEKSTVAK:
            vakken.append(kind)
        elif kind.tag == ALTERNATIEF:
            if (tak := _tak(kind)) is not None:
                _zoek_tekstvakken(tak, vakken)
        elif len(kind):
            _zoek_tekstvakken(kind, vakken)


def _rijen(tabel):
    """The rows of a table, through content controls around rows; deleted rows (tracked changes) are left out."""
    for kind in tabel:
        if kind.tag == TR:
            if kind.find(f"{W}trPr/{W}del") is None:
                yield kind
        elif kind.tag == SDT or kind.tag in BLOK_DOORZICHTIG:
            inhoud = _sdt_inhoud(kind) if kind.tag == SDT else kind
            if inhoud is not None:
                yield from _rijen(inhoud)


def _cellen(rij):
    for kind in rij:
        if kind.tag == TC:
            yield kind
        elif kind.tag == SDT or kind.tag in BLOK_DOORZICHTIG:
            inhoud = _sdt_inhoud(kind) if kind.tag == SDT else kind
            if inhoud is not None:
                yield from _cellen(inhoud)


# ---- styles

def _stijlen(archief: zipfile.ZipFile, namen: set[str], lezing: Lezing) -> tuple[dict[str, Stijl], str]:
    """Style id -> Stijl, and the id of the default paragraph style. Letters from one template share their styles
    part (often over 256 kB), so it is read once per distinct part, known by its CRC and size without reading it.
    Its elements count towards the limit each time; shared: only read."""
    if "word/styles.xml" not in namen:
        return {}, ""
    info = archief.getinfo("word/styles.xml")
    sleutel = (info.CRC, info.file_size, lezing.grenzen.xml_diepte)
    gevonden = _STIJLEN.get(sleutel)        # one lookup: another thread of the web app may empty the memory
    if gevonden is not None:
        tel_elementen(lezing, gevonden[0])
        return gevonden[1]
    voor = lezing.elementen
    stijlen = _lees_stijlen(lees_xml(archief.read("word/styles.xml"), "word/styles.xml", lezing))
    if len(_STIJLEN) > 32:
        _STIJLEN.clear()
    _STIJLEN[sleutel] = (lezing.elementen - voor, stijlen)
    return stijlen


_STIJLEN: dict[tuple[int, int, int], tuple[int, tuple[dict[str, Stijl], str]]] = {}


def _lees_stijlen(wortel) -> tuple[dict[str, Stijl], str]:
    ruw: dict[str, tuple[str, bool | None, bool, str]] = {}
    standaard = ""
    for stijl in wortel.iter(f"{W}style"):
        ident = stijl.get(f"{W}styleId", "")
        naam = stijl.find(f"{W}name")
        naam = naam.get(VAL, ident) if naam is not None else ident
        b = stijl.find(f"{W}rPr/{W}b")
        vet = None if b is None else b.get(VAL, "true").lower() not in NIET
        niveau = stijl.find(f"{W}pPr/{W}outlineLvl")
        kop = naam.lower().startswith(KOP_STIJLEN) or niveau is not None and niveau.get(VAL, "9") in OVERZICHTSNIVEAUS
        basis = stijl.find(f"{W}basedOn")
        ruw[ident] = (naam, vet, kop, basis.get(VAL, "") if basis is not None else "")
        if stijl.get(f"{W}type") == "paragraph" and stijl.get(f"{W}default", "").lower() in ("1", "true", "on"):
            standaard = ident

    def opgelost(ident: str, diepte: int = 0) -> Stijl:
        """A style takes what it does not say itself from the style it is based on."""
        naam, vet, kop, basis = ruw[ident]
        if basis in ruw and basis != ident and diepte < 10:
            ouder = opgelost(basis, diepte + 1)
            return Stijl(naam, ouder.vet if vet is None else vet, kop or ouder.kop)
        return Stijl(naam, vet, kop)

    return {ident: opgelost(ident) for ident in ruw}, standaard


# ---- headers, footers, notes

def _relaties(archief: zipfile.ZipFile, namen: set[str], lezing: Lezing) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, part name) of word/document.xml (shared by every call with the same bytes: only
    read)."""
    pad = "word/_rels/document.xml.rels"
    if pad not in namen:
        return {}
    return _onthouden("relaties", archief.read(pad), pad, lezing, _lees_relaties)


def _lees_relaties(wortel) -> dict[str, tuple[str, str]]:
    relaties = {}
    for relatie in wortel.iter(f"{REL}Relationship"):
        doel = relatie.get("Target", "")
        if relatie.get("TargetMode") == "External" or not doel:
            continue
        deel = doel.lstrip("/") if doel.startswith("/") else "word/" + doel
        relaties[relatie.get("Id", "")] = (relatie.get("Type", "").rsplit("/", 1)[-1], deel)
    return relaties


def _kop_en_voettekst(archief, namen, body, lezer: _Lezer) -> tuple[list[Alinea], list[Alinea]]:
    """The header and footer lines, each once: per section the first-page one (when the section has one), the
    default one, and the even-page one (when the document uses them)."""
    relaties = _relaties(archief, namen, lezer.lezing)
    verwijzingen = []                   # (header|footer, part) in the order a reader meets them
    even = None
    for sectie in body.iter(f"{W}sectPr"):
        titelpagina = sectie.find(f"{W}titlePg")
        eerste = titelpagina is not None and titelpagina.get(VAL, "true").lower() not in NIET
        for soort in ("header", "footer"):
            per_type = {v.get(f"{W}type", "default"): v.get(f"{R}id", "")
                        for v in sectie.iter(f"{W}{soort}Reference")}
            for type_ in ("first", "default", "even"):
                if type_ not in per_type or type_ == "first" and not eerste:
                    continue
                if type_ == "even":
                    even = _even_en_oneven(archief, namen, lezer.lezing) if even is None else even
                    if not even:
                        continue
                if per_type[type_] in relaties:
                    verwijzingen.append((soort, relaties[per_type[type_]][1]))
    if not verwijzingen:                # no section tells: every header and footer part, in relationship order
        verwijzingen = [(soort, deel) for soort, deel in relaties.values() if soort in ("header", "footer")]
    uit: dict[str, list[Alinea]] = {"header": [], "footer": []}
    gezien: set[tuple[str, str]] = set()
    for soort, deel in dict.fromkeys(verwijzingen):
        if deel not in namen:
            continue
        positie = "koptekst" if soort == "header" else "voettekst"
        gelezen = _onthouden(positie, archief.read(deel), deel, lezer.lezing,
                             lambda wortel: _lees_vast(lezer, wortel, positie))
        for alinea in (Alinea(tekst, positie, kop) for tekst, kop in gelezen):     # new objects per document
            if (soort, alinea.tekst) not in gezien and not is_paginanummer(alinea.tekst):
                gezien.add((soort, alinea.tekst))
                uit[soort].append(alinea)
    return uit["header"], uit["footer"]


def _even_en_oneven(archief, namen, lezing: Lezing) -> bool:
    if "word/settings.xml" not in namen:
        return False
    instelling = lees_xml(archief.read("word/settings.xml"), "word/settings.xml", lezing).find(f"{W}evenAndOddHeaders")
    return instelling is not None and instelling.get(VAL, "true").lower() not in NIET


def _noten(archief, namen, body, lezer: _Lezer) -> list[Alinea]:
    """Footnotes, then endnotes, numbered in the order the body refers to them (as Word numbers them)."""
    uit: list[Alinea] = []
    for deel, element, positie in (("word/footnotes.xml", "footnote", "voetnoot"),
                                   ("word/endnotes.xml", "endnote", "eindnoot")):
        if deel not in namen:
            continue
        nummers: dict[str, int] = {}
        for verwijzing in body.iter(f"{W}{element}Reference"):
            nummers.setdefault(verwijzing.get(f"{W}id", ""), len(nummers) + 1)
        noten = []
        gelezen = _onthouden(positie, archief.read(deel), deel, lezer.lezing,
                             lambda wortel: _lees_noten(lezer, wortel, element, positie))
        for ident, tekst in gelezen:
            if ident not in nummers:        # a note the body does not refer to: after the others
                nummers[ident] = len(nummers) + 1
            if tekst:
                noten.append((nummers[ident], tekst))
        uit += [Alinea(tekst, f"{positie} {nummer}") for nummer, tekst in sorted(noten)]
    return uit


def _lees_noten(lezer: _Lezer, wortel, element: str, positie: str) -> tuple[tuple[str, str], ...]:
    """(id, text) of each note in the part, in its order; the numbers depend on the body, not on this part."""
    noten = []
    for noot in wortel.iter(f"{W}{element}"):
        if noot.get(f"{W}type", "normal") in NOTEN_ZONDER_TEKST:
            continue
        noten.append((noot.get(f"{W}id", ""), "\n".join(tekst for tekst, _ in _lees_vast(lezer, noot, positie))))
    return tuple(noten)


def _lees_vast(lezer: _Lezer, container, positie: str) -> tuple[tuple[str, bool], ...]:
    """(text, heading?) of the paragraphs of a header, footer or note: all at one position and none a heading, so
    what is read depends on the part alone (not on the styles, nor on the counters of the body)."""
    lezer.begin_deel()
    alineas: list[Alinea] = []
    lezer.lees(container, alineas, positie, koppen=False)
    return tuple((a.tekst, a.kop) for a in alineas)


# ---- parts remembered by their bytes

# Letters from one template share most parts byte for byte (the header, the relationships, the notes); reading such
# a part again gives the same result, so it is kept by (what is read, the bytes, the depth limit): only parts that
# were read without error, only small ones, and only a bounded number (least recently used goes). Results are
# shared: tuples of strings, or a dict that is only read.
_ONTHOUDEN: OrderedDict = OrderedDict()
_ONTHOUDEN_AANTAL = 64
_ONTHOUDEN_BYTES = 256 * 1024
_ONTHOUDEN_SLOT = threading.Lock()         # the web app reads in threads


def _onthouden(wat: str, data: bytes, deel: str, lezing: Lezing, lees):
    """`lees(root)` of the part `data`, parsed as lees_xml does or taken from an earlier read of the same
    bytes. The limits still hold for a remembered part: its elements count towards the document's total, and the
    deadline is checked; what refused a part (a DTD, nesting, broken XML) refused it before it was kept."""
    sleutel = (wat, lezing.grenzen.xml_diepte, data)
    with _ONTHOUDEN_SLOT:
        gevonden = _ONTHOUDEN.get(sleutel)
        if gevonden is not None:
            _ONTHOUDEN.move_to_end(sleutel)
    if gevonden is not None:
        elementen, uitkomst = gevonden
        tel_elementen(lezing, elementen)
        lezing.op_tijd()
        return uitkomst
    voor = lezing.elementen
    uitkomst = lees(lees_xml(data, deel, lezing))
    if len(data) <= _ONTHOUDEN_BYTES:
        with _ONTHOUDEN_SLOT:
            _ONTHOUDEN[sleutel] = (lezing.elementen - voor, uitkomst)
            _ONTHOUDEN.move_to_end(sleutel)
            while len(_ONTHOUDEN) > _ONTHOUDEN_AANTAL:
                _ONTHOUDEN.popitem(last=False)
    return uitkomst
