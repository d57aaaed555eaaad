"""Singapore NRIC and FIN numbers (python-stdnum has no module for them): a series letter, seven digits
and a check letter ("S8812345Z").

The check is the one the Immigration & Checkpoints Authority uses, as published in "NRIC numbers"
(ngiam.net/NRIC/NRIC_numbers.pdf) and in open-source validators of Singapore's government (the M series
of 2022 with its own letters): weights 2, 7, 6, 5, 4, 3, 2 on the digits, an offset by series (S and F
0, T and G 4, M 3), the sum modulo 11 read in a table of letters by series. Read by world_id.py after a
cue or under a national-id key only.
"""

from __future__ import annotations

import re

# A whole token; under a key it may be written in lower case.
NRIC_SHAPE = re.compile(r"(?<![\w\-])[STFGMstfgm]\d{7}[A-Za-z](?![\w\-])")
_WEIGHTS = (2, 7, 6, 5, 4, 3, 2)
_OFFSET = {"S": 0, "T": 4, "F": 0, "G": 4, "M": 3}
_CITIZEN = "JZIHGFEDCBA"
_FOREIGNER = "XWUTRQPNMLK"
_M_SERIES = "KLJNPQRTUWX"  # read from the end: index 10 - remainder


def nric_valid(number: str) -> bool:
    """`number` (a series letter, seven digits, a check letter; any case) passes its check letter."""
    number = number.upper()
    if len(number) != len(_WEIGHTS) + 2 or number[0] not in _OFFSET or not number[1:8].isdigit():
        return False
    remainder = (
        sum(int(d) * w for d, w in zip(number[1:8], _WEIGHTS, strict=True)) + _OFFSET[number[0]]
    ) % 11
    if number[0] in "ST":
        expected = _CITIZEN[remainder]
    elif number[0] in "FG":
        expected = _FOREIGNER[remainder]
    else:
        expected = _M_SERIES[10 - remainder]
    return number[-1] == expected
