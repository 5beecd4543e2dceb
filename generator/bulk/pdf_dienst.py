"""One LibreOffice for a whole bulk run: turns DOCX letters into PDF/A, one request per line on stdin.

Runs under the system's Python with Debian's python3-uno (the UNO bridge is not on PyPI), started by
generator/bulk/pdf.py once per worker with a profile folder and a timeout. It starts LibreOffice headless with that
profile, so workers do not share one. Each line is a batch, a JSON list of {"in": docx, "uit": pdf}; it answers
one line per letter, in order, as soon as that letter is done: "ok", "fout: ..." (this letter cannot be converted)
or "gestopt: ..." (LibreOffice died; the service ends). It stops LibreOffice when its input closes, also when the
worker that started it dies. pdf.py bounds every wait and kills what hangs.

Per letter (bench/pdf.py measured it): the DOCX filter is named, so LibreOffice skips type detection, and images
are embedded as they are instead of being resampled to 300 dpi for every page (ReduceImageResolution), which took
about half of the export."""

import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

PDF_A_2B = 2             # LibreOffice's SelectPdfVersion: 1 = PDF/A-1b, 2 = PDF/A-2b, 3 = PDF/A-3b


def eigenschap(naam, waarde):
    return PropertyValue(Name=naam, Value=waarde)


def start_office(profiel, timeout):
    pijp = f"sjabloonstraat-{os.getpid()}"
    office = subprocess.Popen(
        [os.environ.get("SJABLOON_SOFFICE", "soffice"), "--headless", "--invisible", "--nologo", "--norestore",
         "--nodefault", "--nolockcheck", f"-env:UserInstallation=file://{profiel}",
         f"--accept=pipe,name={pijp};urp;StarOffice.ComponentContext"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    lokaal = uno.getComponentContext()
    oplosser = lokaal.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", lokaal)
    einde = time.monotonic() + timeout             # the first start of a fresh profile can take a while
    while True:
        try:
            context = oplosser.resolve(f"uno:pipe,name={pijp};urp;StarOffice.ComponentContext")
            break
        except NoConnectException:
            if office.poll() is not None:
                raise RuntimeError(f"LibreOffice stopte meteen (code {office.returncode})") from None
            if time.monotonic() > einde:
                raise RuntimeError(f"LibreOffice gaf binnen {timeout:g} seconden geen antwoord") from None
            time.sleep(0.05)
    bureau = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    return office, bureau


LADEN = (eigenschap("Hidden", True), eigenschap("ReadOnly", True), eigenschap("FilterName", "MS Word 2007 XML"))
EXPORT = (eigenschap("FilterName", "writer_pdf_Export"),
          eigenschap("FilterData", uno.Any("[]com.sun.star.beans.PropertyValue",
                                           (eigenschap("SelectPdfVersion", PDF_A_2B), eigenschap("UseTaggedPDF", True),
                                            eigenschap("ReduceImageResolution", False)))))


def zet_om(bureau, docx, pdf):
    document = bureau.loadComponentFromURL(uno.systemPathToFileUrl(docx), "_blank", 0, LADEN)
    if document is None:                          # LibreOffice could not read it (it raises for most such files)
        raise RuntimeError("LibreOffice kon het document niet lezen")
    try:
        uno.invoke(document, "storeToURL", (uno.systemPathToFileUrl(pdf), EXPORT))
    finally:
        document.close(True)


def leeft(office, bureau):
    """LibreOffice still answers: its launcher runs and the bridge to it is not disposed."""
    if office.poll() is not None:
        return False
    try:
        bureau.getFrames()
        return True
    except Exception:
        return False


def main():
    profiel, timeout = sys.argv[1], float(sys.argv[2])
    try:
        office, bureau = start_office(profiel, timeout)
    except Exception as fout:
        print(f"{fout}".replace("\n", " "), flush=True)
        return
    try:
        print("klaar", flush=True)
        for regel in sys.stdin:
            for opdracht in json.loads(regel):
                try:
                    zet_om(bureau, opdracht["in"], opdracht["uit"])
                    print("ok", flush=True)
                except Exception as fout:          # one bad letter must not stop the others ...
                    if not leeft(office, bureau):  # ... but a LibreOffice that died converts nothing more
                        print("gestopt: LibreOffice stopte tijdens deze brief", flush=True)
                        return
                    print(f"fout: {fout}".replace("\n", " "), flush=True)
    finally:
        try:
            bureau.terminate()
        except Exception:
            pass
        try:
            office.wait(timeout=15)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main()
