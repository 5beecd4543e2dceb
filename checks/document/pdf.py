"""PDF: the text layer (pypdf), page by page. No OCR: a scanned PDF without text is refused with a Dutch message.

Lines that repeat at the top or bottom of most pages (a running header or footer, the page number normalised away)
are read once, as 'koptekst' before the body and 'voettekst' after it, like the header and footer of a DOCX; lines
that only number the page ('Pagina 2 van 5', '2/8') are dropped. Wrapped lines become paragraphs again, also across
a page break, and words broken at a line end are joined."""

from __future__ import annotations

import io
import logging
import re
import threading
from collections import Counter

from checks.document.grenzen import GrensFout, Lezing
from checks.document.kop import lijkt_kop
from checks.document.model import Alinea, Document, DocumentFout
from checks.document.redenen import PDF, PDF_KOP, OngeldigBestand, echte_soort, technisch
from checks.document.regels import in_zinnen, is_paginanummer, regels_naar_alineas

RAND = 3                    # a running header or footer is among the first or last three lines of a page


def lees_pdf(bestand: str, data: bytes, lezing: Lezing) -> Document:
    """The page count is checked before any page is read, the deadline before every content operator (also in
    forms drawn inside a page); pypdf's own limits (stream sizes, forms per page) count as the PDF's limits."""
    from pypdf import PdfReader
    from pypdf.errors import (DependencyError, EmptyFileError, FileNotDecryptedError, LimitReachedError, PdfReadError,
                              PdfStreamError, PyPdfError)

    def op_tijd(*_) -> None:
        try:
            lezing.op_tijd()
        except GrensFout as fout:
            raise _Verlopen(fout) from None     # pypdf swallows an Exception inside a form; this stops it at once

    _draad.leest = True
    try:
        lezer = PdfReader(io.BytesIO(data))
        if (aantal := len(lezer.pages)) > lezing.grenzen.pdf_paginas:
            raise GrensFout(lezing.naam, "pdf_paginas", f"te veel pagina's ({aantal})", lezing.grenzen.pdf_paginas)
        paginas = []
        for pagina in lezer.pages:
            lezing.op_tijd()
            paginas.append(pagina.extract_text(visitor_operand_before=op_tijd) or "")
    except _Verlopen as verlopen:
        raise verlopen.args[0] from None
    except LimitReachedError as fout:
        raise GrensFout(lezing.naam, "pdf_lezer", "de PDF gaat over een grens van de PDF-lezer "
                        f"(technisch: {technisch(fout)})", None) from None
    except FileNotDecryptedError:
        raise DocumentFout(f"{lezing.naam}: de PDF is beveiligd met een wachtwoord; sla hem op zonder wachtwoord en "
                           "probeer het opnieuw") from None
    except EmptyFileError:
        raise OngeldigBestand("het bestand is leeg") from None
    except PdfReadError as fout:
        if PDF not in data[:PDF_KOP]:
            raise OngeldigBestand(echte_soort(data, ".pdf") or "het bestand begint niet als een PDF") from None
        if isinstance(fout, PdfStreamError):
            raise OngeldigBestand("de PDF is onvolledig of beschadigd, bijvoorbeeld niet helemaal gedownload of "
                                  "opgeslagen") from None
        raise OngeldigBestand(f"de PDF is beschadigd; technisch: {technisch(fout)}") from None
    except (PyPdfError, DependencyError, RecursionError) as fout:
        raise OngeldigBestand(f"de PDF kan niet worden gelezen; technisch: {technisch(fout)}") from None
    finally:
        _draad.leest = False
    if not any(p.strip() for p in paginas):
        raise DocumentFout(f"{bestand}: de PDF heeft geen tekstlaag (gescand?); maak eerst tekst met OCR")
    per_pagina = [[r.strip() for r in p.split("\n") if r.strip()] for p in paginas]
    koptekst, voettekst = _haal_paginaranden_weg(per_pagina)
    regels, breedtes, pagina_van = [], [], []
    for nummer, pagina in enumerate(per_pagina, start=1):
        breedte = max((len(r) for r in pagina), default=0)
        regels += pagina
        breedtes += [breedte] * len(pagina)
        pagina_van += [nummer] * len(pagina)
    document = Document(bestand)
    document.alineas += [Alinea(tekst, "koptekst") for tekst in koptekst]
    paginabegin = frozenset(i for i in range(1, len(regels)) if pagina_van[i] != pagina_van[i - 1])
    for stuk, eerste in regels_naar_alineas(regels, breedtes, paginabegin):
        for zin in in_zinnen(stuk):
            document.alineas.append(Alinea(zin, f"pagina {pagina_van[eerste]}", lijkt_kop(zin)))
    document.alineas += [Alinea(tekst, "voettekst") for tekst in voettekst]
    return document


class _PypdfMeldingen(logging.Handler):
    """pypdf logs in English what it repaired in a damaged PDF ('EOF marker not found'), on stderr when nothing else
    is set up. While a thread reads a user's PDF, that is dropped: the reader reads the file or says in Dutch what is
    wrong with it. pypdf's messages elsewhere (the PDF/A check of our own PDFs) go on to the root logger as before."""

    def emit(self, record: logging.LogRecord) -> None:
        if not getattr(_draad, "leest", False):
            logging.getLogger().handle(record)


_draad = threading.local()
_pypdf = logging.getLogger("pypdf")
_pypdf.addHandler(_PypdfMeldingen())
_pypdf.propagate = False


class _Verlopen(BaseException):
    """The deadline passed inside pypdf (carries the GrensFout)."""


def _sleutel(regel: str) -> str:
    return re.sub(r"\d+", "#", " ".join(regel.lower().split()))


def _haal_paginaranden_weg(paginas: list[list[str]]) -> tuple[list[str], list[str]]:
    """Remove page numbers and running headers and footers from the pages (in place); return the header and footer
    lines, each once, as first found."""
    for pagina in paginas:
        pagina[:] = [r for i, r in enumerate(pagina) if not (
            is_paginanummer(r) or (i < RAND or i >= len(pagina) - RAND) and re.fullmatch(r"\d{1,3}", r))]
    if len(paginas) < 2:
        return [], []
    drempel = len(paginas) // 2 + 1                 # more than half of the pages
    boven = Counter(k for p in paginas for k in {_sleutel(r) for r in p[:RAND]})
    onder = Counter(k for p in paginas for k in {_sleutel(r) for r in p[-RAND:]})
    kop_sleutels = {k for k, n in boven.items() if n >= drempel}
    voet_sleutels = {k for k, n in onder.items() if n >= drempel} - kop_sleutels
    koptekst: dict[str, str] = {}
    voettekst: dict[str, str] = {}
    for pagina in paginas:
        blijft = []
        for i, regel in enumerate(pagina):
            sleutel = _sleutel(regel)
            if i < RAND and sleutel in kop_sleutels:
                koptekst.setdefault(sleutel, regel)
            elif i >= len(pagina) - RAND and sleutel in voet_sleutels:
                voettekst.setdefault(sleutel, regel)
            else:
                blijft.append(regel)
        pagina[:] = blijft
    return list(koptekst.values()), list(voettekst.values())
