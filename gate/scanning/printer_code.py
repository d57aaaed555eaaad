"""Label printer code written inside a string: the ZPL or Datamax DPL program of a personalised or a
shipping label, pasted into a job's parameters (`^FO50,50^FDJana Nováková^FS^FO50,100^FDVinohradská
12^FS`, `1911A1200500050Jana Nováková`).

The text a label prints sits between commands: in ZPL after `^FD` (or `^FV`) up to `^FS`, in DPL after
a text record's 15 characters of rotation, font, size and position. Read whole, "^FS^FO50,100^ADN,36,
20^FD" runs one printed line into the next and the numbers of positions into a phone number; so a
program is also walked as the list of the lines it prints (read one by one, and joined, as an array of
strings is: an address printed over three lines is one address). At most `MAX_FIELDS` are read.
"""

from __future__ import annotations

import re

MAX_FIELDS = 500
_ZPL_FIELD = re.compile(r"\^F[DV]([^\^~]{0,2000})")
# DPL text record: rotation 1-4, font, width and height multipliers, size (3), row (4), column (4), data.
_DPL_RECORD = re.compile(r"[1-4][0-9A-Za-z][0-9A-Za-z][0-9A-Za-z][0-9A-Za-z]{3}\d{4}\d{4}(.{1,2000})")
_DPL_START = ("\x02L", "\x02n", "\x02m")


def may_be_printer_code(text: str) -> bool:
    """Whether `text` opens as a ZPL or DPL program (a cheap test before `printed_lines`)."""
    return text[:3] in ("^XA", "~XA") or text[:2] in _DPL_START


def printed_lines(text: str) -> list[str] | None:
    """The lines the ZPL or DPL program `text` prints (module docstring); None when it prints none."""
    body = text.strip()
    if body[:3] in ("^XA", "~XA"):
        lines = [match.group(1).strip() for match in _ZPL_FIELD.finditer(body)]
    elif body[:2] in _DPL_START:
        records = (_DPL_RECORD.fullmatch(line.strip()) for line in body.splitlines()[1:])
        lines = [record.group(1).strip() for record in records if record is not None]
    else:
        return None
    lines = [line for line in lines if line][:MAX_FIELDS]
    return lines or None
