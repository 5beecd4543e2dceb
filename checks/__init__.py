"""The checks, usable on any document, also one made elsewhere.

`awb/` (the elements and coherence a beschikking needs), `b1/` (readability for a letter), `termijnen` (deadlines as
the law counts them), `interventie` (the interventiematrix), `document` (DOCX, PDF or text read into paragraphs).
Rules and word lists are data in `content/` (found by `content`). Imports nothing from `generator`, `web` or `cli`."""
