"""Releasing and recording: the four-eyes release of a template (vier_ogen) and the register (register/).

The register is an append-only, hash-chained record of every release and every document made, in SQLite or any
database by URL, with its Alembic migrations. vier_ogen imports the lint from `generator.catalogus`; the register
imports only `generator.vullen.fouten`."""
