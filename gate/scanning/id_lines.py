"""(ids26) An identity number broken over two lines of a note after its label, read with the break taken out.

`DNI 7456⏎8958`, `KRA PIN A5466⏎09027Z`, `RFC QIHB-57⏎1107-YD7`: a note's field wraps, or a writer
breaks a long number as a paper form does, and no line holds the number. A string with a line break
between two characters of a number (`_BREAK`) is read once more with those breaks removed; only the
identity numbers that reading finds count
(`ID_ENTITIES`), each still after its label and passing its check, so two numbers on two lines of a
table that join into a phone number or a card add nothing. Strings without a line break pay one
character test.
"""

from __future__ import annotations

import re
from typing import Final

ID_ENTITIES: Final = frozenset(("NATIONAL_ID", "US_SSN", "UK_NINO"))
# A digit before the break and a digit or a capital that starts no word after it ("...8958⏎V", not
# "...8958⏎Gracias"), or a capital or a hyphen before it and a digit after it.
_BREAK = re.compile(r"(?<=\d)[ \t]*\r?\n[ \t]*(?=\d|[A-Z](?![a-z]))|(?<=[A-Z\-])[ \t]*\r?\n[ \t]*(?=\d)")


def joined_lines(text: str) -> str | None:
    """`text` with its line breaks inside numbers removed (module docstring), or None when it has none."""
    if "\n" not in text:
        return None
    joined = _BREAK.sub("", text)
    return joined if joined != text else None
