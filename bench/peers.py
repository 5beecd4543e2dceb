"""Bulk letters against the most used open-source DOCX template engine, docxtemplater (Node), side by side.

Run: .venv/bin/python bench/peers.py [--n 300] [--werkers 2] [--sjabloon factuur-leges]
Needs node and npm; docxtemplater, pizzip and qrcode are installed with npm into a temporary folder by this script
(never by make test). Per letter, over the same rows:
1. `sjabloon bulk`, the whole run, with one worker and again with --werkers (2): read and validate the rows,
   render, Awb and B1 check, write, journal, register. Process start, imports, the language model and the worker
   pool are inside the time, as a user waits for them.
2. The bulk renderer alone (generator/bulk/renderer.py): prepared once, filled and written per row.
3. docxtemplater with an equivalent template that this script makes from ours: every Jinja expression becomes a
   docxtemplater tag whose value Python computes per row from the same context (the Dutch dates and amounts, the
   bouwstenen as raw XML), every if and for a docxtemplater section; the logo is placed once in the template. The
   payment QR is made per letter in Node by the `qrcode` npm package (error correction M, 8 pixels per module, the
   same EPC payload) and written over a placeholder image: docxtemplater's own image module is not free.
The three must make the same number of letters with the same text (read back with the project's reader,
whitespace normalised) for a sample of rows; otherwise the script stops with status 1. It prints letters per second
(wall clock, and by CPU time: steadier on a shared machine), the CPU milliseconds per letter of the whole bulk
run (its processes together, from getrusage of the children) and the ratios: renderer / docxtemplater (goal >= 2),
sjabloon bulk / docxtemplater (goal >= 1) and sjabloon bulk with --werkers / with one worker (goal >= 1.8 for 2).
The engines run one after the other; only the second bulk run uses more than one process. A measurement that did
not happen as claimed (too few letters in the manifest, no CPU time seen) exits 1 (bench/meting.py).
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import html
import io
import json
import multiprocessing
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

import bulkdata  # noqa: E402
from meting import eis, einde  # noqa: E402
from docx.opc.oxml import parse_xml, serialize_part_xml  # noqa: E402
from docxtpl import DocxTemplate, InlineImage  # noqa: E402

from checks.document import lees_document  # noqa: E402
from generator.bulk.renderer import VoorbereidSjabloon  # noqa: E402
from generator.vullen.concept import markeer_concept  # noqa: E402
from generator.vullen.context import activeer_gemeente, maak_context  # noqa: E402
from generator.vullen.genereer import bestandsnaam  # noqa: E402
from generator.vullen.qr import epc_gegevens  # noqa: E402
from generator.vullen.render import met_functies, omgeving  # noqa: E402
from generator.vullen.sjabloon import laad  # noqa: E402
from generator.vullen.velden import uit_paden, valideer  # noqa: E402

DAG = dt.date(2026, 11, 23)
NPM_PAKKETTEN = ["docxtemplater@3", "pizzip@3", "qrcode@1"]
RIJEN = {"factuur-leges": (bulkdata.factuurrijen, bulkdata.schrijf_factuur_csv),
         "herinnering-afloop-vergunning": (bulkdata.rijen, bulkdata.schrijf_csv)}
SJABLOON_CLI = str(Path(sys.executable).parent / "sjabloon")
TAG = re.compile(r"\{\{(.*?)\}\}|\{%(.*?)%\}", re.S)
TEKST_OPEN = re.compile(r"<w:t(?: [^>]*)?>")
STEEKPROEF = 20
OPSTART = 16                # rows of the short bulk runs that measure what a run costs before its letters (REEKS)

NODE = r"""
const fs = require('fs'), path = require('path');
const PizZip = require('pizzip'), Docxtemplater = require('docxtemplater'), QRCode = require('qrcode');
const [sjabloon, dataPad, uit, qrDeel] = process.argv.slice(2);
const rijen = fs.readFileSync(dataPad, 'utf8').trim().split('\n').map(JSON.parse);
(async () => {
  const start = process.hrtime.bigint(), cpuStart = process.cpuUsage();
  let qr = 0n;
  const inhoud = fs.readFileSync(sjabloon);
  for (let i = 0; i < rijen.length; i++) {
    const doc = new Docxtemplater(new PizZip(inhoud), {paragraphLoop: true, linebreaks: true});
    doc.render(rijen[i].data);
    const zip = doc.getZip();
    if (qrDeel) {
      const q = process.hrtime.bigint();
      const png = await QRCode.toBuffer([{data: Buffer.from(rijen[i].qr, 'base64'), mode: 'byte'}],
                                        {errorCorrectionLevel: 'M', margin: 4, scale: 8});
      qr += process.hrtime.bigint() - q;
      zip.file(qrDeel, png);
    }
    fs.writeFileSync(path.join(uit, i + '.docx'), zip.generate({type: 'nodebuffer', compression: 'DEFLATE'}));
  }
  const cpu = process.cpuUsage(cpuStart);
  console.log(JSON.stringify({seconden: Number(process.hrtime.bigint() - start) / 1e9,
                              cpu: (cpu.user + cpu.system) / 1e6, qr: Number(qr) / 1e9}));
})();
"""


def stop(melding: str) -> None:
    sys.exit(f"peers: {melding}")


def installeer_node(map_: Path) -> list[str]:
    """docxtemplater, pizzip and qrcode in a folder of this run; their versions as installed."""
    for programma in ("node", "npm"):
        if not shutil.which(programma):
            stop(f"{programma} niet gevonden; installeer Node.js (Debian: apt-get install nodejs npm)")
    (map_ / "package.json").write_text('{"private": true}', encoding="utf-8")
    npm = subprocess.run(["npm", "install", "--ignore-scripts", "--no-audit", "--no-fund", "--silent",
                          *NPM_PAKKETTEN], cwd=map_, capture_output=True, text=True)
    if npm.returncode != 0:
        stop(f"npm install faalde:\n{npm.stderr[-2000:]}")
    (map_ / "maak.js").write_text(NODE, encoding="utf-8")
    return [f"{p}@{json.loads((map_ / 'node_modules' / p / 'package.json').read_text())['version']}"
            for p in ("docxtemplater", "pizzip", "qrcode")]


class Omzetting:
    """Our template as a docxtemplater template, and per row the data that fills it the way ours is filled."""

    def __init__(self, docx: bytes, naam: str, gemeente: dict, voorbeeld: dict):
        self.tpl = DocxTemplate(io.BytesIO(docx))
        self.tpl.render_init()
        self.env = met_functies(omgeving(), self.tpl, gemeente, naam, {})
        self.gemeente, self.naam = gemeente, naam
        self.qr_deel: str | None = None        # the placeholder image that Node overwrites with each letter's QR
        self.laatste_rid = ""
        self.velden: list = []                    # the structure of tags: (soort, sleutel, expressie, binnen)
        self.teller = 0
        woord = self.tpl.docx
        body = self._zet_om(self.tpl.patch_xml(self.tpl.get_xml()), woord.part, voorbeeld)
        wortel = woord.element
        wortel.replace(wortel.body, parse_xml(body))
        for uri in (self.tpl.HEADER_URI, self.tpl.FOOTER_URI):
            for _, deel in self.tpl.get_headers_footers(uri):
                deel._element = parse_xml(self._zet_om(self.tpl.patch_xml(self.tpl.get_part_xml(deel)), deel,
                                                       voorbeeld).encode("utf-8"))
        uit = io.BytesIO()
        woord.save(uit)
        self.docx = uit.getvalue()

    def _sleutel(self, soort: str) -> str:
        self.teller += 1
        return f"{soort}{self.teller}"

    def _zet_om(self, xml: str, deel, voorbeeld: dict) -> str:
        """Jinja tags -> docxtemplater tags. Between paragraphs a tag gets a paragraph of its own (docxtemplater's
        paragraphLoop removes it); between table rows it goes into the first and last text of the row."""
        stapel = [self.velden]                   # where the current tag's fields go (inside a for: its body)
        open_: list[tuple[str, str]] = []
        delen, vorige, uitgesteld = [], 0, None
        for tag in TAG.finditer(xml):
            tussen = xml[vorige:tag.start()]
            if uitgesteld:                       # the start of a table-row section: into the row's first text
                tussen = TEKST_OPEN.sub(lambda m: m.group(0) + uitgesteld, tussen, count=1)
                uitgesteld = None
            delen.append(tussen)
            vorige = tag.end()
            in_tekst = max((m.start() for m in TEKST_OPEN.finditer(xml, 0, tag.start())), default=-1) > \
                xml.rfind("</w:t>", 0, tag.start())
            tussen_rijen = xml[:tag.start()].rstrip().endswith("</w:tr>")
            expressie = html.unescape((tag.group(1) or tag.group(2)).strip())
            if tag.group(1) is not None:
                if expressie.startswith("logo("):
                    delen.append(self._afbeelding(deel, self.env.compile_expression(expressie)()))
                elif expressie.startswith("betaalcode("):
                    delen.append(self._afbeelding(deel, self.env.compile_expression(expressie)(**voorbeeld)))
                    self.qr_deel = deel.related_parts[self.laatste_rid].partname.lstrip("/")
                    stapel[-1].append(("qr", "qr", expressie))
                elif in_tekst:
                    sleutel = self._sleutel("t")
                    stapel[-1].append(("tekst", sleutel, expressie))
                    delen.append("{" + sleutel + "}")
                else:
                    sleutel = self._sleutel("x")
                    stapel[-1].append(("xml", sleutel, expressie))
                    delen.append("<w:p><w:r><w:t>{@" + sleutel + "}</w:t></w:r></w:p>")
                continue
            woord, _, rest = expressie.partition(" ")
            if woord == "if":
                sleutel = self._sleutel("i")
                stapel[-1].append(("als", sleutel, rest))
                open_.append(("if", sleutel))
                tekst = "{#" + sleutel + "}"
            elif woord == "else":
                sleutel = open_[-1][1]
                tekst = "{/" + sleutel + "}{^" + sleutel + "}"
            elif woord == "endif":
                tekst = "{/" + open_.pop()[1] + "}"
            elif woord == "for":
                variabele, _, reeks = rest.partition(" in ")
                sleutel = self._sleutel("l")
                binnen: list = []
                stapel[-1].append(("lus", sleutel, (variabele.strip(), reeks.strip(), binnen)))
                stapel.append(binnen)
                open_.append(("for", sleutel))
                tekst = "{#" + sleutel + "}"
            elif woord == "endfor":
                stapel.pop()
                tekst = "{/" + open_.pop()[1] + "}"
            else:
                stop(f"{self.naam}: Jinja-opdracht '{woord}' kan dit script niet omzetten")
            if in_tekst:
                delen.append(tekst)
            elif tussen_rijen and woord == "for":
                uitgesteld = tekst
            elif tussen_rijen:                   # the end of a table-row section: into the row's last text
                delen[-1] = _na_laatste_tekst(delen[-1], tekst)
            else:
                delen.append("<w:p><w:r><w:t>" + tekst + "</w:t></w:r></w:p>")
        delen.append(xml[vorige:])
        return "".join(delen)

    def _afbeelding(self, deel, beeld: InlineImage) -> str:
        """The image once in the template, in the same place: an InlineImage as docxtpl places it."""
        inline = deel.new_pic_inline(beeld.image_descriptor, beeld.width, beeld.height)
        self.laatste_rid = inline.xpath(".//a:blip/@r:embed")[0]
        xml = serialize_part_xml(inline).decode("utf-8").split("?>", 1)[-1]
        return f'</w:t></w:r><w:r><w:drawing>{xml}</w:drawing></w:r><w:r><w:t xml:space="preserve">'

    def _context(self, context: dict) -> dict:
        """The betaalcode() of a row as its EPC payload: Node makes the QR code of it."""
        iban = str(self.gemeente.get("iban", "")).replace(" ", "")
        return dict(context, betaalcode=lambda bedrag, tekst: epc_gegevens(self.gemeente["naam"][:70], iban,
                                                                          bedrag, str(tekst)[:140]))

    def gegevens(self, context: dict) -> dict:
        """The docxtemplater data of one row: {'data': ..., 'qr': payload in base64 or None}."""
        context = self._context(context)
        uit = {"qr": None}
        uit["data"] = self._vul(self.velden, context, uit)
        return uit

    def _vul(self, velden: list, context: dict, uit: dict) -> dict:
        data = {}
        for soort, sleutel, expressie in velden:
            if soort == "qr":
                uit["qr"] = base64.b64encode(self.env.compile_expression(expressie)(**context)).decode("ascii")
            elif soort in ("tekst", "xml"):
                try:
                    waarde = self.env.from_string("{{ " + expressie + " }}").render(context)
                except (ValueError, TypeError):  # in a branch this row does not take ({% if vanaf %}{{ vanaf|datum }})
                    waarde = ""
                data[sleutel] = html.unescape(waarde) if soort == "tekst" else waarde
            elif soort == "als":
                data[sleutel] = bool(self.env.compile_expression(expressie)(**context))
            else:
                variabele, reeks, binnen = expressie
                data[sleutel] = [self._vul(binnen, dict(context, **{variabele: item}), uit)
                                 for item in self.env.compile_expression(reeks)(**context)]
        return data


def _na_laatste_tekst(xml: str, tekst: str) -> str:
    plek = xml.rfind("</w:t>")
    if plek < 0:
        stop("een for-lus over tabelrijen zonder tekst in de rij")
    return xml[:plek] + tekst + xml[plek:]


def contexten(sjabloon, gemeente, rijen: list[dict]) -> list[dict]:
    lijst = []
    for rij in rijen:
        zaak, problemen = valideer(sjabloon.velden, uit_paden(rij))
        if problemen:
            stop(f"{sjabloon.id}: testrij klopt niet: {problemen}")
        lijst.append(maak_context(sjabloon, zaak, DAG, gemeente)[0])
    return lijst


def renderer_tempo(docx: bytes, naam: str, gemeente: dict, lijst: list[dict], uit: Path) -> tuple[float, float]:
    """Seconds and CPU seconds of the bulk renderer: preparing the template is part of the time."""
    uit.mkdir()
    start, cpu = time.perf_counter(), time.process_time()
    renderer = VoorbereidSjabloon(docx, naam, gemeente)
    for nummer, context in enumerate(lijst):
        (uit / f"{nummer}.docx").write_bytes(renderer.vul(context))
    return time.perf_counter() - start, time.process_time() - cpu


def docxtemplater_tempo(node: Path, omzetting: Omzetting, lijst: list[dict], map_: Path) -> tuple[float, float]:
    """Seconds and CPU seconds of docxtemplater, measured in Node: from reading the template to the last file.
    Prints how much of it the QR codes took (the qrcode package), so the figure can be judged without them."""
    sjabloon, data, uit = map_ / "sjabloon.docx", map_ / "rijen.jsonl", map_ / "docxtemplater"
    sjabloon.write_bytes(omzetting.docx)
    data.write_text("".join(json.dumps(omzetting.gegevens(c), ensure_ascii=False) + "\n" for c in lijst),
                    encoding="utf-8")
    uit.mkdir()
    proces = subprocess.run(["node", str(node / "maak.js"), str(sjabloon), str(data), str(uit),
                             omzetting.qr_deel or ""], capture_output=True, text=True, cwd=node)
    if proces.returncode != 0:
        stop(f"docxtemplater faalde:\n{proces.stderr[-3000:]}")
    gemeten = json.loads(proces.stdout.strip().splitlines()[-1])
    if gemeten["qr"]:
        print(f"  docxtemplater: {gemeten['qr'] / len(lijst) * 1000:.1f} ms per brief voor de QR-code (qrcode), "
              f"{(gemeten['seconden'] - gemeten['qr']) / len(lijst) * 1000:.1f} ms voor de rest")
    return gemeten["seconden"], gemeten["cpu"]


def bulk_tempo(naam: str, csv: Path, map_: Path, aantal: int, werkers: int, uit: str) -> tuple[float, float]:
    """Seconds and CPU seconds (its workers included) of the whole command, from start to exit."""
    omgeving = dict(os.environ, SJABLOON_DATABASE_URL=f"sqlite:///{map_ / (uit + '.sqlite')}")
    start, cpu = time.perf_counter(), _cpu_kinderen()
    proces = subprocess.run([SJABLOON_CLI, "bulk", naam, "--data", str(csv), "--uit", str(map_ / uit),
                             "--concept", "--werkers", str(werkers), "--datum", DAG.isoformat()],
                            capture_output=True, text=True, env=omgeving, cwd=REPO)
    duur = time.perf_counter() - start
    if proces.returncode != 0:
        stop(f"sjabloon bulk {naam} faalde (status {proces.returncode}):\n{proces.stderr[-2000:]}")
    if (gemaakt := int(proces.stdout.split()[0])) != aantal:
        stop(f"sjabloon bulk {naam} maakte {gemaakt} brieven van {aantal} rijen:\n{proces.stdout[-2000:]}")
    manifest = (map_ / uit / "manifest.csv").read_text(encoding="utf-8-sig").splitlines()[1:]
    eis(len(manifest) == aantal and all(";gemaakt;" in r for r in manifest),
        f"sjabloon bulk {naam} ({werkers} werker(s)): het manifest noemt niet {aantal} gemaakte brieven")
    cpu = _cpu_kinderen() - cpu
    eis(cpu > 0, f"sjabloon bulk {naam}: geen CPU-tijd van de processen gemeten")
    return duur, cpu


def _rekenlus(_=None) -> float:
    """Seconds of a fixed piece of pure Python work."""
    start, x = time.perf_counter(), 0
    for i in range(3_000_000):
        x += i * i
    return time.perf_counter() - start


def machineplafond(werkers: int) -> float:
    """What `werkers` processes get out of this machine now: the same pure Python work in one process, then in
    `werkers` at once (work per second, divided). On a machine shared with other work, this is the ceiling of
    what more workers can give, whatever sjabloon bulk does."""
    een = _rekenlus()
    with multiprocessing.get_context("fork").Pool(werkers) as pool:
        start = time.perf_counter()
        pool.map(_rekenlus, range(werkers))
        samen = time.perf_counter() - start
    return werkers * een / samen


def _cpu_kinderen() -> float:
    gebruik = resource.getrusage(resource.RUSAGE_CHILDREN)
    return gebruik.ru_utime + gebruik.ru_stime


def tekst(pad: Path) -> str:
    return " ".join(lees_document(pad).tekst.split())


def vergelijk(naam: str, map_: Path, rijen: list[dict], sleutel: str) -> None:
    """The same number of letters from all three, and the same text for a sample of rows."""
    aantallen = {"renderer": len(list((map_ / "renderer").glob("*.docx"))),
                 "docxtemplater": len(list((map_ / "docxtemplater").glob("*.docx"))),
                 "sjabloon bulk": len(list((map_ / "bulk").glob("*.docx"))),
                 "sjabloon bulk, werkers": len(list((map_ / "bulk-werkers").glob("*.docx")))}
    if set(aantallen.values()) != {len(rijen)}:
        stop(f"{naam}: verschillend aantal brieven voor {len(rijen)} rijen: {aantallen}")
    stap = max(1, len(rijen) // STEEKPROEF)
    vergeleken = 0
    for nummer in range(0, len(rijen), stap):
        ons = tekst(map_ / "renderer" / f"{nummer}.docx")
        zij = tekst(map_ / "docxtemplater" / f"{nummer}.docx")
        bulk = tekst(map_ / "bulk" / bestandsnaam(rijen[nummer][sleutel], naam))
        werkers = tekst(map_ / "bulk-werkers" / bestandsnaam(rijen[nummer][sleutel], naam))
        if str(rijen[nummer][sleutel]) not in ons:
            stop(f"{naam}, rij {nummer + 1}: de brief noemt {rijen[nummer][sleutel]} niet: {ons[:300]}")
        if not ons == zij == bulk == werkers:
            stop(f"{naam}, rij {nummer + 1}: de tekst verschilt\nrenderer:      {ons[:600]}\n"
                 f"docxtemplater: {zij[:600]}\nsjabloon bulk: {bulk[:600]}\nidem, werkers: {werkers[:600]}")
        vergeleken += 1
    eis(vergeleken >= min(STEEKPROEF, len(rijen)), f"{naam}: maar {vergeleken} brieven vergeleken")


def meet(naam: str, aantal: int, werkers: int, node: Path, map_: Path) -> dict:
    sjabloon, gemeente = laad(naam), activeer_gemeente(None)
    maak_rijen, schrijf = RIJEN[naam]
    rijen = list(maak_rijen(aantal))
    lijst = contexten(sjabloon, gemeente, rijen)
    docx = markeer_concept(sjabloon.docx.read_bytes())   # as `sjabloon bulk --concept` does: the same text in all
    omzetting = Omzetting(docx, naam, gemeente, lijst[0])
    VoorbereidSjabloon(docx, naam, gemeente).vul(lijst[0])   # imports and word lists outside the timing
    csv = schrijf(map_ / "rijen.csv", aantal)
    tempo = {"docxtemplater": docxtemplater_tempo(node, omzetting, lijst, map_),
             "renderer": renderer_tempo(docx, naam, gemeente, lijst, map_ / "renderer"),
             "sjabloon bulk": bulk_tempo(naam, csv, map_, aantal, 1, "bulk")}
    plafond = [machineplafond(werkers)]
    tempo[f"sjabloon bulk, {werkers} werkers"] = bulk_tempo(naam, csv, map_, aantal, werkers, "bulk-werkers")
    plafond.append(machineplafond(werkers))
    tempo["plafond"] = plafond
    vergelijk(naam, map_, rijen, sjabloon.sleutel or "vergunningnummer")
    if aantal >= 10 * OPSTART:          # the same command on OPSTART rows: start, imports, model, pool
        kort = schrijf(map_ / "kort.csv", OPSTART)
        opstart = {1: bulk_tempo(naam, kort, map_, OPSTART, 1, "kort")[0],
                   werkers: bulk_tempo(naam, kort, map_, OPSTART, werkers, "kort-werkers")[0]}
        eis(all(tempo[motor][0] > duur for motor, duur in
                (("sjabloon bulk", opstart[1]), (f"sjabloon bulk, {werkers} werkers", opstart[werkers]))),
            f"{naam}: de korte run van {OPSTART} rijen duurde langer dan die van {aantal}")
        tempo["opstart"] = opstart
    return tempo


def _node_versie() -> str:
    return subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=300, help="rijen per brief (standaard 300)")
    parser.add_argument("--werkers", type=int, default=2,
                        help="werkers van de tweede run van sjabloon bulk (standaard 2); de eerste heeft er één, "
                             "zoals docxtemplater één proces is")
    parser.add_argument("--sjabloon", action="append", choices=sorted(RIJEN),
                        help="alleen deze brief (standaard beide)")
    opties = parser.parse_args()
    if opties.n < 1 or opties.werkers < 2:
        stop("--n moet minstens 1 zijn en --werkers minstens 2")
    with tempfile.TemporaryDirectory(prefix="peers-") as tijdelijk:
        map_ = Path(tijdelijk)
        (map_ / "node").mkdir()
        versies = installeer_node(map_ / "node")
        print(f"{opties.n} brieven per sjabloon, sjabloon bulk met 1 en met {opties.werkers} werkers, "
              f"{os.cpu_count()} kernen; "
              f"{', '.join(versies)}, node {_node_versie()}")
        for naam in opties.sjabloon or sorted(RIJEN):
            (map_ / naam).mkdir()
            tempo = meet(naam, opties.n, opties.werkers, map_ / "node", map_ / naam)
            opstart, plafond = tempo.pop("opstart", None), tempo.pop("plafond")
            per_s = {motor: opties.n / duur for motor, (duur, _) in tempo.items()}
            cpu = {motor: opties.n / max(cpu, 1e-9) for motor, (_, cpu) in tempo.items()}
            print(f"{naam}: " + ", ".join(f"{motor} {per_s[motor]:.1f}/s (CPU-tijd: {cpu[motor]:.1f}/s)"
                                          for motor in tempo) + "; dezelfde tekst in de steekproef")
            meer = f"sjabloon bulk, {opties.werkers} werkers"
            print(f"  sjabloon bulk: {tempo['sjabloon bulk'][1] / opties.n * 1000:.1f} ms CPU-tijd per brief met "
                  f"1 werker, {tempo[meer][1] / opties.n * 1000:.1f} ms met {opties.werkers} (alle processen samen, "
                  "opstarten, taalmodel en werkers inbegrepen)")
            print(f"verhouding {naam}: renderer {per_s['renderer'] / per_s['docxtemplater']:.2f}x (doel 2), "
                  f"sjabloon bulk {per_s['sjabloon bulk'] / per_s['docxtemplater']:.2f}x (doel 1), "
                  f"met {opties.werkers} werkers {per_s[meer] / per_s['docxtemplater']:.2f}x; "
                  f"naar CPU-tijd {cpu['renderer'] / cpu['docxtemplater']:.2f}x en "
                  f"{cpu['sjabloon bulk'] / cpu['docxtemplater']:.2f}x")
            print(f"verhouding {naam}, {opties.werkers} werkers tegen 1: "
                  f"{per_s[meer] / per_s['sjabloon bulk']:.2f}x (doel 1.8 bij 2 werkers, op de klok); de machine "
                  f"zelf haalde met {opties.werkers} processen {plafond[0]:.2f}x voor en {plafond[1]:.2f}x na die run "
                  "(een zuivere rekenlus)")
            eis(min(plafond) >= 0.9 * opties.werkers,
                f"{naam}: de machine haalde met {opties.werkers} processen zelf maar {min(plafond):.2f}x (andere "
                f"processen gebruiken de kernen); de verhouding {opties.werkers} werkers tegen 1 zegt dan niets over "
                "sjabloon bulk")
            if opstart:
                zonder = {motor: (opties.n - OPSTART) / (tempo[motor][0] - opstart[w])
                          for motor, w in (("sjabloon bulk", 1), (meer, opties.werkers))}
                print(f"  zonder opstart (een run van {OPSTART} rijen: {opstart[1]:.1f} s met 1 werker, "
                      f"{opstart[opties.werkers]:.1f} s met {opties.werkers}, afgetrokken): sjabloon bulk "
                      f"{zonder['sjabloon bulk']:.1f}/s, met {opties.werkers} werkers {zonder[meer]:.1f}/s, "
                      f"{opties.werkers} tegen 1: {zonder[meer] / zonder['sjabloon bulk']:.2f}x; tegen docxtemplater "
                      f"{zonder['sjabloon bulk'] / per_s['docxtemplater']:.2f}x en "
                      f"{zonder[meer] / per_s['docxtemplater']:.2f}x (docxtemplater is in Node gemeten, zonder het "
                      "starten van Node)")
    einde()


if __name__ == "__main__":
    main()
