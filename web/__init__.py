"""The web app: caseworkers, the KCC and the sjablonenwerkgroep in the browser, and the JSON API under /api/.

One module per flow (zaakbehandelaar, kcc, werkgroep, api) over the same engines as the command line; pages in
paginas/, safety in veiligheid. Imports `generator` and `checks`; only `cli.web` imports it."""
