"""Jinja's error messages in Dutch, for everyone who reads them: the werkgroep in the lint, the caseworker in
`genereer` and the web app. Jinja gives its errors as English sentences of a few fixed forms; each known form gets
a Dutch sentence with the same facts (the tag, the token, the block to close). A form not known here keeps the
original, marked as Jinja's, behind a Dutch sentence: then the user still has something to search for."""

from __future__ import annotations

import re

from jinja2 import TemplateSyntaxError, UndefinedError

# Jinja's names for its tokens (jinja2.lexer.describe_token), as a Word user knows them
TOKENS = {"name": "een naam", "end of print statement": "het einde van de tag (}})",
          "end of statement block": "het einde van de tag (%})", "end of template": "het einde van het sjabloon",
          "string": "een tekst tussen aanhalingstekens", "integer": "een getal", "float": "een getal"}


def _token(tekst: str) -> str:
    return TOKENS.get(tekst, f"'{tekst}'")


def _blok(tekst: str) -> tuple[str, str] | None:
    """The open block and its end tag from '... The innermost block that needs to be closed is 'for'.'"""
    if (blok := re.search(r"innermost block that needs to be closed is '(\w+)'", tekst)):
        return blok.group(1), f"end{blok.group(1)}"
    return None


def syntaxmelding(fout: TemplateSyntaxError) -> str:
    """A Dutch sentence for a Jinja syntax error (without where: the caller knows the paragraph)."""
    tekst = fout.message or ""
    if (m := re.fullmatch(r"Encountered unknown tag '(\w+)'\..*", tekst, re.DOTALL)):
        if (blok := _blok(tekst)):
            return (f"{{% {m.group(1)} %}} staat hier verkeerd: eerst moet {{% {blok[0]} %}} gesloten worden met "
                    f"{{% {blok[1]} %}}")
        if m.group(1).startswith("end"):
            return f"{{% {m.group(1)} %}} sluit niets: er is geen open {{% {m.group(1)[3:]} %}}"
        return f"onbekend woord '{m.group(1)}' in een sjabloontag"
    if tekst.startswith("Unexpected end of template.") and (blok := _blok(tekst)):
        return f"het sjabloon houdt op terwijl {{% {blok[0]} %}} nog open is; sluit het met {{% {blok[1]} %}}"
    if (m := re.fullmatch(r"unexpected end of template, expected '(.+)'\.", tekst)):
        return f"de tag is niet afgesloten: het sjabloon houdt op waar Jinja {_token(m.group(1))} verwachtte"
    if (m := re.fullmatch(r"expected token '(.+)', got '(.+)'", tekst)):
        return f"hier hoort {_token(m.group(1))}, maar er staat {_token(m.group(2))}"
    if (m := re.fullmatch(r"Expected an expression, got '(.+)'", tekst)):
        return f"hier hoort een waarde of een veld, maar er staat {_token(m.group(1))}"
    if (m := re.fullmatch(r"unexpected '(.+?)'(?:, expected '(.+)')?", tekst)):
        verwacht = f"; verwacht werd {_token(m.group(2))}" if m.group(2) else ""
        teken = m.group(1)
        return (f"onverwacht teken '{teken}'" if len(teken) == 1 else f"onverwacht: {_token(teken)}") + verwacht
    if (m := re.fullmatch(r"unexpected char (.+) at \d+", tekst)):
        return f"onverwacht teken {m.group(1)} (staat er een aanhalingsteken of haakje te veel of te weinig?)"
    return f"de sjabloontag is niet te lezen (melding van Jinja: {tekst})"


def ontbreekt_melding(fout: UndefinedError) -> tuple[str, str | None]:
    """A Dutch sentence for a value the template uses and the data do not hold; and the name to look for in the
    document (None when Jinja's message does not say)."""
    tekst = fout.message or str(fout)
    if (m := re.fullmatch(r"'(.+)' is undefined", tekst)):
        return f"veld '{m.group(1)}' ontbreekt in de gegevens", m.group(1)
    if (m := re.fullmatch(r"'.+ object' has no attribute '(.+)'", tekst)):
        return f"veld '{m.group(1)}' ontbreekt in de gegevens", m.group(1)
    if (m := re.fullmatch(r"(?:')?.+ object(?:')? has no element (.+)", tekst)):
        return f"onderdeel {m.group(1)} ontbreekt in de gegevens (een lijst is korter dan het sjabloon verwacht)", None
    return f"een waarde ontbreekt in de gegevens (melding van Jinja: {tekst})", None
