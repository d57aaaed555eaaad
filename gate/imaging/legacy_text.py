"""Other readings of a metadata field's bytes: the legacy encodings of East Asia, and UTF-8 where a field
is declared Latin-1.

Japanese cameras and tools write EXIF, IPTC, JPEG comments and PNG text in Shift_JIS (EXIF's "JIS"
character code says only "JIS"), Chinese and Korean ones in GB18030, Big5 or EUC-KR, and ISO-2022-JP is
7-bit, so it passes as ASCII. Read only as UTF-8 or Latin-1, an address in full-width letters (U+FF01-
FF5E, which NFKC makes an address) is noise to the scanner and was published. So the bytes are also read
in each of those encodings that decodes them whole, and every reading is scanned.

Cost: nothing for ASCII without an escape byte (nearly every field), a few strict decodes in C for the
rest.
"""

from __future__ import annotations

import re

# Tried on bytes that are not ASCII, in order, UTF-8 first and alone when it decodes them. A reading must
# decode whole (random bytes seldom do in Shift_JIS or EUC), and one with control characters is dropped.
_MULTIBYTE = ("utf-8", "shift_jis", "euc_jp", "gb18030", "big5", "euc_kr")
# 7-bit encodings that switch character sets by escape sequences (ESC $ B ...).
_ESCAPED = ("iso2022_jp", "iso2022_kr")
_CONTROL = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def readings(raw: bytes) -> list[str]:
    """Every reading of `raw` in the encodings above that decodes it whole into text (no control
    characters but tab, line breaks and NUL); empty for ASCII without an escape byte, only UTF-8's (and
    ISO-2022's) for valid UTF-8."""
    codecs = (_ESCAPED if b"\x1b" in raw else ()) + (() if raw.isascii() else _MULTIBYTE)
    found: list[str] = []
    for codec in codecs:
        try:
            text = raw.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        if not _CONTROL.search(text) and text not in found:
            found.append(text)
        if codec == "utf-8":
            break  # bytes that are UTF-8 are that: legacy encodings seldom make valid UTF-8 by chance
    return found


def with_readings(text: str, raw: bytes) -> str:
    """`text` (the field read as it declares itself) with each other reading of `raw` a line after it."""
    others = [reading for reading in readings(raw) if reading != text]
    return "\n".join([text, *others]) if others else text
