"""Bulk generation: thousands of letters from one template and a file of rows, checked, resumable.

Rows are read as a stream (invoer), a template is compiled once (renderer, zip), workers fill, check and write the
letters (werker, pdf), and a journal and manifest make a run resumable (journaal, archief). afloop selects the
permits whose herinnering is due. Imports `generator.vullen` and the register."""
