"""Characterisation data (CGATS.17, IT8.7, Argyll's CTI1-3) in an ICC profile's text: read without its
measurements.

A camera or printer profile made by Argyll or basICColor keeps the chart it was measured on in `targ` (and
Argyll's private `DevD`/`CIED`, the same bytes): keyword lines, then tables of device and Lab/XYZ values,
thousands of decimals. Read as free text, those numbers spell phone numbers, national ids and coordinates
(9 of RawTherapee's 57 camera profiles were held so). The keyword lines (ORIGINATOR, DESCRIPTOR, CREATED,
any other) and every field that is not a measurement (sample names, a writer's own words, integers, which
ids and phone groups are) stay text; a decimal of a measurement's shape (at most three integer digits, at
most eight decimals) is dropped.
"""

from __future__ import annotations

import re

# The identifiers a CGATS-family file starts with (ANSI CGATS.17, ISO 12642 / IT8.7, Argyll's CTI files,
# X-Rite's and basICColor's LGOROWLENGTH dialect names itself CGATS.17 too).
_IDENTIFIER = re.compile(r"\A\s*(?:CGATS\.17|CTI[123]|IT8\.7/\d|ISO ?12642)\b")
_MEASUREMENT = re.compile(r"[-+]?(?:0|[1-9]\d{0,2})\.\d{1,8}(?:[eE][-+]?\d{1,2})?")
_BEGIN, _END = "BEGIN_DATA", "END_DATA"


def is_cgats(text: str) -> bool:
    """Whether `text` is a CGATS-family characterisation file (by its first line's identifier)."""
    return bool(_IDENTIFIER.match(text))


def readable(text: str) -> str:
    """`text` with the measurements of its data tables dropped when it is a CGATS-family file; else
    `text` unchanged. Each data row keeps its other fields, one row a line."""
    if not is_cgats(text):
        return text
    out: list[str] = []
    in_data = False
    for line in text.splitlines():
        word = line.strip()
        if word == _BEGIN:
            in_data = True
            continue
        if word == _END:
            in_data = False
            continue
        if not in_data:
            out.append(line)
            continue
        kept = [field for field in word.split() if not _MEASUREMENT.fullmatch(field)]
        if kept:
            out.append(" ".join(kept))
    return "\n".join(out)
