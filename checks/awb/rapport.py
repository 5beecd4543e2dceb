"""The Awb check as a report a caseworker reads, and the checklist for template users, both from the rule data."""

from __future__ import annotations

from checks.awb.controle import Rapport
from checks.awb.procedure import procedureregels
from checks.awb.regels import (
    besluittypen,
    bestuursorganen,
    eis,
    element_info,
    elementen,
    tekstregels,
)
from checks.content import load_yaml
from checks.schrijfwijze import getal

ERNST_LABEL = {"fout": "FOUT", "waarschuwing": "WAARSCHUWING", "info": "INFO"}


def als_tekst(rapport: Rapport) -> str:
    titel = besluittypen()[rapport.besluittype]["titel"] if rapport.besluittype in besluittypen() else "Type onbekend"
    regels = [f"{rapport.bestand}: {titel} ({rapport.besluittype})"]
    if rapport.besluittype_herkend:
        woorden = ", ".join(f"'{w}'" for w in rapport.herkend_op) or "geen kenmerkende woorden"
        regels.append(f"  type herkend uit de tekst, zekerheid {rapport.zekerheid:.0%}, op grond van: {woorden}")
    groepen = {"aanwezig": [], "ontbreekt": [], "niet vastgesteld": [], "niet van toepassing": []}
    for naam in rapport.elementen:
        status = rapport.onderdelen[naam].status if naam in rapport.onderdelen else "niet van toepassing"
        groepen[status.replace("_", " ")].append(naam)
    for label, namen in groepen.items():
        if namen:
            regels.append(f"  {label}: {', '.join(namen)}")
    redenen = {o.reden for o in rapport.onderdelen.values() if o.status == "niet_vastgesteld"}
    regels += [f"      waarom niet vastgesteld: {reden}" for reden in sorted(redenen)]
    for b in rapport.bevindingen:
        regels.append(f"  {ERNST_LABEL[b.ernst]} {b.regel} ({b.artikel}): {b.bericht}")
        regels.append(f"      wat te doen: {b.suggestie}")
        if b.fragment:
            waar = f"{b.positie}: " if b.positie else ""
            regels.append(f"      waar: {waar}\"{b.fragment[:160]}\"")
    fouten = sum(b.ernst == "fout" for b in rapport.bevindingen)
    waarschuwingen = sum(b.ernst == "waarschuwing" for b in rapport.bevindingen)
    oordeel = "ja" if rapport.vrijgave else "nee"
    regels.append(f"  vrijgave: {oordeel} ({fouten} fout(en), {waarschuwingen} waarschuwing(en))")
    return "\n".join(regels)


def procedure_als_tekst(bevindingen: list, bestand: str) -> str:
    """Each procedure finding as the caseworker reads it: what the zaak shows, why that breaks the procedure
    (with the article), and what to do:
        fout: zaak.yaml: hoorzitting_datum (1 juli 2026) ligt vóór bezwaar_datum (20 juli 2026)
          De hoorzitting ... (artikel 7:2, eerste lid, Awb; regel hoorzitting_na_bezwaarschrift)
          wat te doen: ..."""
    regels = []
    for b in bevindingen:
        regels.append(f"{b.ernst}: {bestand}: {b.fragment}")
        regels.append(f"  {b.bericht} ({b.artikel}; regel {b.regel})")
        regels.append(f"  wat te doen: {b.suggestie}")
    return "\n".join(regels)


def _leesbaar(regel: dict) -> dict:
    """Amounts as a Dutch reader writes them: 50000 -> 50.000."""
    return {k: getal(v) if isinstance(v, int) and not isinstance(v, bool) else v for k, v in regel.items()}


def checklist(besluittype: str, markdown: bool = False) -> str:
    """The checklist for caseworkers: what a besluit of this type must and should contain, with the article."""
    regels_data = besluittypen()[besluittype]
    kop = f"Checklist {regels_data['titel'].lower()} ({besluittype})"
    regels = [f"# {kop}" if markdown else kop, ""]
    if regels_data.get("toelichting"):
        regels += [regels_data["toelichting"], ""]
    for niveau, label in (("verplicht", "Moet erin staan"), ("aanbevolen", "Hoort er meestal in")):
        namen = [n for n in elementen() if eis(besluittype, n) == niveau]
        if not namen:
            continue
        regels.append(f"## {label}" if markdown else f"{label}:")
        for naam in namen:
            info = element_info(besluittype, naam)
            vak = "- [ ] " if markdown else "[ ] "
            regels.append(f"{vak}**{info['titel']}** ({info['artikel']}): {info['suggestie']}" if markdown
                          else f"{vak}{info['titel']} ({info['artikel']}): {info['suggestie']}")
        regels.append("")
    vak = "- [ ] " if markdown else "[ ] "
    orgaan = bestuursorganen().get(regels_data.get("bestuursorgaan") or "college")
    if orgaan:
        regels.append("## Wie beslist" if markdown else "Wie beslist:")
        regels.append(f"{vak}{orgaan['naam'][:1].upper()}{orgaan['naam'][1:]} neemt dit besluit; wie in mandaat tekent, zet "
                      f"erboven '{orgaan['namens']}' ({orgaan['artikel_ondertekening']}).")
        if regels_data["rechtsmiddel"] == "bezwaar":
            regels.append(f"{vak}Het bezwaarschrift gaat naar {orgaan['naam']}, niet naar een ander bestuursorgaan "
                          f"({orgaan['artikel_bezwaar']}).")
        if regels_data["rechtsmiddel"] != "geen" and regels_data.get("belanghebbenden"):
            regels.append(f"{vak}De clausule zegt wie bezwaar of beroep kan instellen, de belanghebbenden, en niet "
                          f"alleen 'u' (artikel 3:45, tweede lid, Awb). {regels_data['belanghebbenden']}")
        regels.append("")
    # A text rule on the same article as a procedure rule says the same thing to the caseworker: list it once.
    procedure_artikelen = {regel["artikel"] for regel in procedureregels(besluittype)}
    tekst = [(regel, info) for regel, info in tekstregels(besluittype).items()
             if info.get("checklist") and besluittype in (info.get("in_checklist_van") or [besluittype])
             and info["artikel"] not in procedure_artikelen]
    if tekst:
        regels.append("## Let op in de tekst" if markdown else "Let op in de tekst:")
        for _, info in tekst:
            soort = "" if info.get("ernst", "fout") == "fout" else " (waarschuwing)"
            regels.append(f"{vak}{info['checklist'].rstrip('.')} ({info['artikel']}){soort}.")
        regels.append("")
    beleid = [regel for regel in load_yaml("beleid.yaml").values() if besluittype in regel.get("besluittypen", ())]
    if beleid:
        regels.append("## Gemeentelijk beleid" if markdown else "Gemeentelijk beleid:")
        regels += [("- [ ] " if markdown else "[ ] ") + regel["checklist"].format(**_leesbaar(regel)) for regel in beleid]
        regels.append("")
    procedure = procedureregels(besluittype)
    if procedure:
        regels.append("## Procedure: wat de zaak moet laten zien" if markdown else "Procedure: wat de zaak moet laten zien:")
        for regel in procedure:
            vak = "- [ ] " if markdown else "[ ] "
            soort = "" if regel["ernst"] == "fout" else " (waarschuwing)"
            regels.append(f"{vak}{regel['omschrijving'].rstrip('.')} ({regel['artikel']}){soort}.")
        regels.append("")
    if regels_data["rechtsmiddel"] != "geen":
        rechtsmiddel = "beroep bij de rechtbank" if regels_data["rechtsmiddel"] == "beroep" else "bezwaar bij het bestuursorgaan"
        regels.append(f"Let op: tegen dit besluit staat {rechtsmiddel} open; de laatste dag moet kloppen met de dagtekening "
                      f"(artikel 6:7 en 6:8 Awb, Algemene termijnenwet).")
    return "\n".join(regels).rstrip() + "\n"
