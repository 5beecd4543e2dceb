"""A document from a template that is not released is a concept: every page says so in its header."""

from __future__ import annotations

import io

from docx import Document
from docx.shared import Pt, RGBColor

CONCEPT = "CONCEPT – niet verzenden: dit sjabloon is nog niet vrijgegeven"


def markeer_concept(document: bytes) -> bytes:
    word = Document(io.BytesIO(document))
    for sectie in word.sections:
        koppen = [sectie.header] + ([sectie.first_page_header] if sectie.different_first_page_header_footer else [])
        koppen += [sectie.even_page_header] if word.settings.odd_and_even_pages_header_footer else []
        for kop in koppen:
            if kop.is_linked_to_previous and sectie is not word.sections[0]:
                continue                       # shows the previous section's header, which is already marked
            alinea = kop.paragraphs[0].insert_paragraph_before() if kop.paragraphs else kop.add_paragraph()
            run = alinea.add_run(CONCEPT)
            run.bold, run.font.size, run.font.color.rgb = True, Pt(14), RGBColor(0xC0, 0x00, 0x00)
    uit = io.BytesIO()
    word.save(uit)
    return uit.getvalue()
