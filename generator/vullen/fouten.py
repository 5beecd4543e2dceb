"""Typed errors. Each carries Dutch messages that name the file and the field; the CLI exits 2 on them."""


class InvoerFout(Exception):
    """Bad input (case file, manifest, template): every problem found, one message each."""

    def __init__(self, meldingen: list[str] | str):
        self.meldingen = [meldingen] if isinstance(meldingen, str) else list(meldingen)
        super().__init__("\n".join(self.meldingen))


class RenderFout(InvoerFout):
    """A template that cannot be filled: undefined variable, syntax error, forbidden operation."""
