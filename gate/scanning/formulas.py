"""A spreadsheet formula written inside a string: a cell copied from an order sheet into a job's
parameters (`=CONCATENATE("+49 ";"151 ";"2345678")`, `="jana.novakova"&"@"&"seznam.cz"`).

A formula that joins text builds its value from string literals the sheet shows as one; read as written,
the pieces sit between quotes and separators that no detector reads through. So a formula that joins
(`&`, CONCATENATE, CONCAT, TEXTJOIN, or a localised VERKETTEN/CONCATENER/CONCATENAR/CONCATENA/TEKST.
SAMENVOEGEN/ZŘETĚZIT/ZŁĄCZ.TEKSTY/СЦЕПИТЬ) is also read as the text its literals spell, joined. At most
`MAX_LITERALS` literals are read.
"""

from __future__ import annotations

import re

MAX_LITERALS = 256
_LITERAL = re.compile(r'"((?:[^"]|""){0,2000})"')
_JOINS = re.compile(
    r"(?i)&|\b(?:CONCATENATE|CONCAT|TEXTJOIN|VERKETTEN|TEXTVERKETTEN|CONCATENER|CONCATENAR|CONCATENA|"
    r"TEKST\.SAMENVOEGEN|ZŘETĚZIT|ZŁĄCZ\.TEKSTY|СЦЕПИТЬ|KETJUTA|SAMMANFOGA|BIRLEŞTİR|ÖSSZEFŰZ)\s*\("
)


def may_be_formula(text: str) -> bool:
    """Whether `text` opens as a formula that joins text (a cheap test before `formula_text`)."""
    return text[:1] == "=" and '"' in text and _JOINS.search(text) is not None


def formula_text(text: str) -> list[str] | None:
    """The text the joining formula `text` spells (module docstring), as a list of one string; None when
    it joins fewer than two literals."""
    if not may_be_formula(text.strip()):
        return None
    literals = [match.group(1).replace('""', '"') for match in _LITERAL.finditer(text)][:MAX_LITERALS]
    if len(literals) < 2:
        return None
    return ["".join(literals)]
