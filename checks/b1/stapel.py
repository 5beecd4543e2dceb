"""Many letters in a row (files, folders, ZIPs of letters): read, checked and handed on in small batches, so memory
stays the same however many letters a run has. The new sentences of a batch go through the model together (one
call, one spaCy memory zone) and sentences seen before come from the sentence memory in checks.b1.analyse."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from checks.b1.analyse import MAX_GEHEUGEN, analyseer_zinnen
from checks.b1.controle import B1Rapport, controleer_b1
from checks.b1.zinnen import splits
from checks.document import Document, DocumentFout, lees_document
from checks.document.archief import Grenzen, lees_lid, open_zip
from checks.document.redenen import leesreden

BRIEFSOORTEN = (".docx", ".pdf", ".txt", ".md")
BATCH_ZINNEN = min(1000, MAX_GEHEUGEN // 2)       # a batch's sentences must all fit in the sentence memory
BATCH_BRIEVEN = 64


@dataclass
class Bron:
    """One letter of a run, not yet read: a file, or an entry of a ZIP (`naam` is then 'map.zip/brieven/a.txt')."""
    naam: str
    soort: str                                   # '.docx', '.pdf', '.txt' or '.md'
    inhoud: Callable[[], bytes]                  # raises DocumentFout
    pad: Path | None = None                      # a file on disk (not an entry of a ZIP)
    uit_map: bool = False                        # found in a folder or ZIP: its report names it by `naam`

    def lees(self) -> Document:
        """The letter, read within the limits of one document (a file's size is checked before it is read).
        A letter from a folder or ZIP is named by its path there (two folders may both hold a 'b08.txt'); a file
        given by itself keeps its own name."""
        document = lees_document(self.pad) if self.pad else lees_document(self.naam, self.inhoud())
        if self.uit_map:
            document.bestand = self.naam
        return document


def bronnen(paden: Iterable[Path], grenzen: Grenzen) -> list[Bron]:
    """The letters of the given files, folders (with subfolders, in name order) and ZIPs (in archive order).
    Every ZIP is checked against `grenzen` (archief.map_grenzen) first, so a refused archive stops the run before
    any output."""
    lijst: list[Bron] = []
    for pad in paden:
        if pad.is_dir():
            lijst += [_bestand(p, uit_map=True) for p in sorted(pad.rglob("*"))
                      if p.suffix.lower() in BRIEFSOORTEN and p.is_file()]
        elif pad.suffix.lower() == ".zip":
            lijst += _zip_bronnen(pad, grenzen)
        else:
            lijst.append(_bestand(pad))
    return lijst


def _bestand(pad: Path, uit_map: bool = False) -> Bron:
    def inhoud() -> bytes:
        try:
            return pad.read_bytes()
        except OSError as fout:
            raise DocumentFout(f"{pad}: kan het bestand niet lezen ({leesreden(fout)})") from None
    return Bron(str(pad), pad.suffix.lower(), inhoud, pad, uit_map)


def _zip_bronnen(pad: Path, grenzen: Grenzen) -> list[Bron]:
    archief = open_zip(pad, str(pad), grenzen)     # stays open for the run; entries are read one at a time

    def bron(item) -> Bron:
        naam = f"{pad}/{item.filename}"
        return Bron(naam, PurePosixPath(item.filename).suffix.lower(), lambda: lees_lid(archief, item, naam),
                    uit_map=True)

    return [bron(item) for item in archief.infolist() if not item.is_dir() and is_brief(item.filename)]


def is_brief(naam: str) -> bool:
    """An entry of a ZIP that holds a letter (not a folder, not the Mac's resource forks)."""
    return naam.lower().endswith(BRIEFSOORTEN) and "__MACOSX" not in naam


def controleer_reeks(documenten: list[Document]) -> list[B1Rapport]:
    """The B1 reports of several documents; their sentences are parsed in one batch first, so checking each
    document then finds its sentences in the sentence memory (a sentence the check splits otherwise is parsed then)."""
    analyseer_zinnen([z for d in documenten for a in d.alineas for z in splits(a.tekst)])
    return [controleer_b1(d) for d in documenten]


def controleer_stapel(lijst: Iterable[Bron]) -> Iterator[tuple[Bron, B1Rapport | None, str | None]]:
    """Per letter, in order: the letter, its report, or the Dutch message why it could not be read. Only one
    batch of documents and reports is alive at a time."""
    batch: list[tuple[Bron, Document | None, str | None]] = []
    zinnen = 0
    for bron in lijst:
        try:
            document = bron.lees()
            batch.append((bron, document, None))
            zinnen += sum(a.tekst.count(".") + 1 for a in document.alineas)
        except DocumentFout as fout:
            batch.append((bron, None, str(fout)))
        if zinnen >= BATCH_ZINNEN or len(batch) >= BATCH_BRIEVEN:
            yield from _verwerk(batch)
            batch, zinnen = [], 0
    yield from _verwerk(batch)


def _verwerk(batch: list) -> Iterator[tuple[Bron, B1Rapport | None, str | None]]:
    rapporten = iter(controleer_reeks([d for _, d, _ in batch if d is not None]))
    for bron, document, fout in batch:
        yield bron, (next(rapporten) if document is not None else None), fout
