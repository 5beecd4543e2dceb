"""The checks, usable on any document, also one made elsewhere.

`awb/` (the elements a beschikking needs), `b1/` (readability), `termijnen` (deadlines as the law counts them),
`interventie`, `document` (DOCX, PDF or text read into paragraphs), `werkers` (where the checks run). Rules and word
lists are data in `content/` (found by `content`). Imports nothing from `generator`, `web` or `cli`."""
