"""A delimited table written inside a string: a CSV or semicolon export pasted into a prompt, a loyalty
programme's member list, a batch of personalisations ("card_no;tier;dob;points\\n6045-1182;GOLD;...").

Its header names its columns as an object's keys name its values, and keyed rules read only what sits
under a key: read as text, "1985-07-21" is a date nobody would flag. So a string whose first line is a
header and whose next lines have as many cells is also walked as a list of objects, one per row, each
cell under its column's name (as `embedded` walks JSON in a string).

A header is two or more short names (words of letters, no number inside) split by one delimiter (",",
";", tab or "|"), and the second line splits into as many cells; a generator's infotext or a sentence
with numbers has no such first line. At most `MAX_ROWS` rows are read (the walker's limits count what
is read here too).
"""

from __future__ import annotations

import csv
import re

MAX_ROWS = 200
_DELIMITERS = (";", "\t", "|", ",")
_MIN_COLUMNS = 2
_MAX_COLUMNS = 64
# A column's name: up to four words of letters ("_" too) joined by a space, "_", "-" or ".", and at most
# two digits at its end ("address2"); no number inside ("κωδικός 69-1234-5678" is a value, not a name).
_NAME = re.compile(r"[^\W\d_][^\W\d]{0,31}(?:[ .\-][^\W\d]{1,32}){0,3}\d{0,2}")


def _delimiter(header: str, second: str) -> str | None:
    for delimiter in _DELIMITERS:
        count = header.count(delimiter)
        if _MIN_COLUMNS - 1 <= count < _MAX_COLUMNS and second.count(delimiter) >= count:
            return delimiter
    return None


def delimited_table(text: str) -> list[dict[str, str]] | None:
    """The rows of the table `text` holds (module docstring), each a dict of its column's name to its
    cell; None when `text` is no such table."""
    # (text22) a spreadsheet's CSV export opens with a byte-order mark before its header
    lines = text.strip().lstrip("\ufeff").splitlines()
    if len(lines) < _MIN_COLUMNS:
        return None
    header, second = lines[0].strip(), lines[1]
    delimiter = _delimiter(header, second)
    if delimiter is None:
        return None
    names = [name.strip().strip('"') for name in header.strip(delimiter).split(delimiter)]
    if not all(_NAME.fullmatch(name) for name in names) or len(set(names)) != len(names):
        return None
    rows = []
    for cells in csv.reader(lines[1 : MAX_ROWS + 1], delimiter=delimiter):
        if len(cells) == len(names) or (len(cells) > len(names) and not any(cells[len(names) :])):
            rows.append(dict(zip(names, cells, strict=False)))
    return rows or None
