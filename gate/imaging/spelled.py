"""Text spelled by numbers: the printable runs in values a writer may choose freely.

A palette, an EXIF TransferFunction or ReferenceBlackWhite, an ICC chromaticity or XYZ tag hold numbers
nothing bounds; their bytes can spell an address as well as a colour. They cannot all go (the pixels or
the colours need them), so they are read as text would be: runs of printable ASCII long enough to hold a
name, a number or an address, and of UTF-16 (either byte order), one a line, for the scanner. Ordinary
values (greys, curves, fractions) give short runs or nothing the scanner flags.
"""

from __future__ import annotations

import re

# Six characters: the shortest run that holds a phone number's group or a short address (as PLTE's).
_ASCII_RUN = re.compile(rb"[\x20-\x7e]{6,}")
_UTF16BE_RUN = re.compile(rb"(?:\x00[\x20-\x7e]){6,}")
_UTF16LE_RUN = re.compile(rb"(?:[\x20-\x7e]\x00){6,}")


def printable_runs(raw: bytes) -> str:
    """The runs of printable ASCII and UTF-16 text in `raw`, one a line ('' when there is none)."""
    runs = [run.decode("ascii") for run in _ASCII_RUN.findall(raw)]
    runs += [run.decode("utf-16-be") for run in _UTF16BE_RUN.findall(raw)]
    runs += [run.decode("utf-16-le") for run in _UTF16LE_RUN.findall(raw)]
    return "\n".join(dict.fromkeys(runs))
