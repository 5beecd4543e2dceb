"""Numbered lists that start at 1. In Word every paragraph in the style Lijstnummering (List Number) shares one
numbering, so the second list in a letter would go on at 4. Here each list after the first of its numbering gets
a numbering of its own (a new w:num on the same abstractNum, with a startOverride), as Word's "Opnieuw nummeren
vanaf 1" does. A list is a run of numbered paragraphs; a paragraph in a Lijstvervolg (List Continue) style
belongs to the list around it, any other paragraph ends it."""

from __future__ import annotations

import copy

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, nsmap, qn
from lxml import etree

TELT_NIET = {"bullet", "none"}            # numFmt of a level that shows no number: nothing to restart
W_P, W_PPR, W_PSTYLE, W_NUMPR, W_NUMID, W_ILVL, W_VAL = map(qn, ("w:p", "w:pPr", "w:pStyle", "w:numPr", "w:numId",
                                                            "w:ilvl", "w:val"))
STIJL_EN_NUMMER = etree.XPath(".//w:pStyle/@w:val | .//w:numId/@w:val", namespaces={"w": nsmap["w"]})
STIJL = etree.XPath("w:style[@w:styleId = $id]", namespaces={"w": nsmap["w"]})
VOOR_NUMPR = {qn(f"w:{naam}") for naam in ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr",
                                            "widowControl")}    # what comes before numPr in a pPr (the schema's order)


class Lijsten:
    """What the styles and numbering of one DOCX say about lists, read once (a bulk run fills it many times)."""

    def __init__(self, stijlen, nummering):
        self.stijlen = stijlen
        self.stijl: dict[str | None, tuple] = {None: (None, False)}   # styleId -> its numbering, List Continue?
        abstract = {a.get(qn("w:abstractNumId")): a for a in nummering.iter(qn("w:abstractNum"))}
        self.num: dict[str, tuple[str, dict]] = {}        # numId -> (abstractNumId, {ilvl: start}) of counting levels
        nummers = [num.get(qn("w:numId"), "") for num in nummering.iter(qn("w:num"))]
        self.hoogste = max((int(n) for n in nummers if n.isdigit()), default=0)
        for num in nummering.iter(qn("w:num")):
            num_id, abstract_id = num.get(qn("w:numId")), _val(num.find(qn("w:abstractNumId")))
            niveaus = _tellende_niveaus(abstract.get(abstract_id), num)
            if niveaus:
                self.num[num_id] = (abstract_id, niveaus)

    def _van_stijl(self, sid: str | None) -> tuple:
        """A style's (numId, ilvl) or None, and whether it is a List Continue style; looked up once per style."""
        if sid not in self.stijl:
            element = _stijl(self.stijlen, sid)
            naam = _val(element.find(qn("w:name"))) if element is not None else None
            self.stijl[sid] = (_stijl_numpr(self.stijlen, sid), (naam or "").lower().startswith("list continue"))
        return self.stijl[sid]

    def _telt(self, waarde: str) -> bool:
        """Whether a numId or a style id from the document numbers paragraphs with a counter."""
        return waarde in self.num or (self._van_stijl(waarde)[0] or (None,))[0] in self.num

    def herstart(self, body) -> list:
        """Give each numbered list in `body` after the first of its numbering a numbering that starts again, and
        return the new w:num elements that numbering.xml needs (none when every list is the first of its kind)."""
        if not any(map(self._telt, set(STIJL_EN_NUMMER(body)))):
            return []                                      # no numbered paragraph at all: the usual bulk letter
        gezien: set[str] = set()
        nieuw: list = []
        lijst: dict[str, list] = {}                        # numId -> its paragraphs in the current list

        def sluit():
            for num_id, alineas in lijst.items():
                if num_id in gezien:
                    eigen = str(self.hoogste + len(nieuw) + 1)
                    nieuw.append(self._nieuwe_num(eigen, *self.num[num_id]))
                    for alinea, ilvl in alineas:
                        _zet_numpr(alinea, eigen, ilvl)
                gezien.add(num_id)
            lijst.clear()

        for alinea in body.iter(W_P):
            stijl, num_id, ilvl = self._nummer(alinea)
            if num_id in self.num:
                lijst.setdefault(num_id, []).append((alinea, ilvl))
            elif num_id is None and not self._van_stijl(stijl)[1]:
                sluit()
        sluit()
        return nieuw

    @staticmethod
    def _nieuwe_num(num_id: str, abstract_id: str, niveaus: dict):
        overrides = "".join(f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
                            for ilvl, start in sorted(niveaus.items()))
        return parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
                         f"{overrides}</w:num>")

    def _nummer(self, alinea) -> tuple[str | None, str | None, str]:
        """The paragraph's style and numbering (numId, ilvl): its own numPr, else its style's; numId 0 is none.
        Read child by child: lxml's find() with a path costs more than the rest of a bulk letter's lists."""
        stijl = eigen_num = eigen_ilvl = None
        ppr = alinea[0] if len(alinea) and alinea[0].tag == W_PPR else None     # pPr comes first in a w:p
        for kind in ppr if ppr is not None else ():
            if kind.tag == W_PSTYLE:
                stijl = kind.get(W_VAL)
            elif kind.tag == W_NUMPR:
                for deel in kind:
                    if deel.tag == W_NUMID:
                        eigen_num = deel.get(W_VAL)
                    elif deel.tag == W_ILVL:
                        eigen_ilvl = deel.get(W_VAL)
        num_id, ilvl = self._van_stijl(stijl)[0] or (None, "0")
        num_id, ilvl = eigen_num or num_id, eigen_ilvl or ilvl
        return stijl, (None if num_id in (None, "0") else num_id), ilvl


def herstart_lijsten(word) -> None:
    """Restart the numbered lists of a python-docx Document in place (the single-document path)."""
    if (deel := nummering_deel(word)) is not None:
        voeg_toe(deel.element, Lijsten(word.styles.element, deel.element).herstart(word.element.body))


def nummering_deel(word):
    """The numbering part (numbering.xml) of a document, or None when it has none: then nothing is numbered."""
    try:
        return word.part.part_related_by(RT.NUMBERING)
    except KeyError:
        return None


def voeg_toe(nummering, nums: list) -> None:
    """Add w:num elements after the last one (the schema puts them after every abstractNum)."""
    bestaand = nummering.findall(qn("w:num"))
    plaats = list(nummering).index(bestaand[-1]) + 1 if bestaand else len(nummering)
    for i, num in enumerate(nums):
        nummering.insert(plaats + i, num)


def met_nums(nummering, nums: list):
    """A copy of numbering.xml with the new w:num elements: the template's stays as it was read."""
    kopie = copy.deepcopy(nummering)
    voeg_toe(kopie, [copy.deepcopy(n) for n in nums])
    return kopie


def _val(element) -> str | None:
    return element.get(qn("w:val")) if element is not None else None


def _zet_numpr(alinea, num_id: str, ilvl: str) -> None:
    """The paragraph's own numPr: ilvl and numId, in the place the schema gives them (the body after rendering is
    plain lxml, without python-docx's element classes)."""
    ppr = alinea.find(W_PPR)
    if ppr is None:
        ppr = etree.Element(W_PPR)
        alinea.insert(0, ppr)
    numpr = ppr.find(qn("w:numPr"))
    if numpr is not None:
        ppr.remove(numpr)
    voor = [i for i, kind in enumerate(ppr) if kind.tag in VOOR_NUMPR]
    numpr = etree.Element(qn("w:numPr"))
    etree.SubElement(numpr, qn("w:ilvl")).set(qn("w:val"), ilvl)
    etree.SubElement(numpr, qn("w:numId")).set(qn("w:val"), num_id)
    ppr.insert(voor[-1] + 1 if voor else 0, numpr)


def _stijl(stijlen, sid: str | None):
    """The w:style with this id, found when asked: a document uses a few of the styles.xml's hundred and more."""
    gevonden = STIJL(stijlen, id=sid) if sid else []
    return gevonden[0] if gevonden else None


def _stijl_numpr(stijlen, sid: str | None) -> tuple[str, str] | None:
    """A style's (numId, ilvl), following basedOn as Word does; None when the style is not numbered."""
    num_id = ilvl = None
    gezien = set()
    while (stijl := _stijl(stijlen, sid)) is not None and sid not in gezien:
        gezien.add(sid)
        numpr = stijl.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if numpr is not None:
            num_id = num_id or _val(numpr.find(qn("w:numId")))
            ilvl = ilvl or _val(numpr.find(qn("w:ilvl")))
        if num_id:
            break
        sid = _val(stijl.find(qn("w:basedOn")))
    return (num_id, ilvl or "0") if num_id else None


def _tellende_niveaus(abstract, num) -> dict[str, str]:
    """{ilvl: start} of the levels that show a number (not bullets), with the num's own start where it sets one."""
    if abstract is None:
        return {}
    eigen_start = {o.get(qn("w:ilvl")): _val(o.find(qn("w:startOverride"))) for o in num.iter(qn("w:lvlOverride"))}
    niveaus = {}
    for lvl in abstract.iter(qn("w:lvl")):
        if (_val(lvl.find(qn("w:numFmt"))) or "decimal") not in TELT_NIET:
            ilvl = lvl.get(qn("w:ilvl"))
            niveaus[ilvl] = eigen_start.get(ilvl) or _val(lvl.find(qn("w:start"))) or "1"
    return niveaus
