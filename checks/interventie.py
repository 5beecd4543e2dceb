"""Where a violation falls in the interventiematrix of the Landelijke Handhavingsstrategie, and what follows:
interventies, consultation of the Openbaar Ministerie, templates. The matrix is data: content/interventiematrix.yaml."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from checks.content import load_yaml

GEDRAG = "ABCD"


class InterventieFout(ValueError):
    """An unknown gevolg, gedrag or argument (Dutch message)."""


@dataclass
class Interventie:
    segment_vastgesteld: str       # before arguments, e.g. "B3"
    segment: str                   # after at most one shift per direction
    soort: str                     # licht | midden | donker
    interventies: list[str]
    openbaar_ministerie: bool
    sjablonen: list[str]
    redenen: list[str]

    def as_json(self) -> dict:
        return asdict(self)


def bepaal(gevolg: int, gedrag: str, verzwarend: list[str] = (), verzachtend: list[str] = ()) -> Interventie:
    matrix = load_yaml("interventiematrix.yaml")
    gedrag = gedrag.upper()
    if gevolg not in (1, 2, 3, 4):
        raise InterventieFout(f"gevolg {gevolg} bestaat niet; kies 1 tot en met 4")
    if gedrag not in GEDRAG:
        raise InterventieFout(f"gedrag '{gedrag}' bestaat niet; kies A, B, C of D")
    for soort, namen in (("verzwarend", verzwarend), ("verzachtend", verzachtend)):
        for naam in namen:
            if naam not in matrix[soort]:
                raise InterventieFout(f"onbekend {soort} argument '{naam}'; kies uit: {', '.join(matrix[soort])}")
    start = f"{gedrag}{gevolg}"
    kolom, rij = GEDRAG.index(gedrag), gevolg
    richting = (1 if verzwarend else 0) - (1 if verzachtend else 0)   # one shift per direction, opposite ones cancel
    kolom, rij = min(max(kolom + richting, 0), 3), min(max(rij + richting, 1), 4)
    segment = f"{GEDRAG[kolom]}{rij}"
    soort = next(s for s, lijst in matrix["segmenten"].items() if segment in lijst)
    sleutel = "lichte_overtreding" if segment in matrix["lichte_overtreding"] else soort
    keuzes = matrix["interventies"][sleutel]
    redenen = [f"{start}: gevolgen {matrix['gevolgen'][gevolg]}; gedrag {matrix['gedrag'][gedrag]}"]
    redenen += [f"verzwarend: {matrix['verzwarend'][n]}" for n in verzwarend]
    redenen += [f"verzachtend: {matrix['verzachtend'][n]}" for n in verzachtend]
    if segment != start:
        redenen.append(f"verschoven van {start} naar {segment}")
    sjablonen = list(dict.fromkeys(s for k in keuzes for s in k["sjablonen"]))
    return Interventie(start, segment, soort, [k["interventie"] for k in keuzes],
                       soort in matrix["overleg_om"] or bool(verzwarend), sjablonen, redenen)
