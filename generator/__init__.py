"""The generator: from a zaak and a template to a checked document, one subpackage per job.

`vullen` turns one zaak into one document; `catalogus` is the werkgroep's lint and inventory; `vrijgave` holds the
four-eyes release of a template and the register; `bulk` makes thousands of letters. May import `checks`; never
`web` or `cli`, which sit on top (tests/test_lagen.py)."""
