"""Filling a template: the one path a caseworker's document takes, from zaak to checked DOCX.

Load the template (sjabloon) and the zaak, validate the fields (velden), build the context (gemeente profile,
termijnen), render in a sandbox (render, with bouwstenen, opmaak and the payment QR of betaling), judge the result at
the gate (keuring) and write it (genereer). Imports `checks` and the register in `generator.vrijgave.register`."""
