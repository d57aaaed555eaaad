"""How an EXIF text field's bytes are read: the character codes UserComment names, the UCS-2 of the
Windows XP tags, and UTF-16 a writer put where ASCII belongs."""

from __future__ import annotations

import re

from gate.imaging.legacy_text import with_readings

USER_COMMENT_TAG = 0x9286
_XP_TAGS = frozenset({0x9C9B, 0x9C9C, 0x9C9D, 0x9C9E, 0x9C9F})  # UCS-2 LE strings stored as BYTE arrays
_CHARACTER_CODES = frozenset({b"ASCII\x00\x00\x00", b"JIS\x00\x00\x00\x00\x00", bytes(8)})


def decode_text(tag: int, raw: bytes, order: str) -> str:
    """The text of one entry's value bytes (`order` is the TIFF's byte order, "<" or ">"), every
    NUL-separated part a line of its own."""
    if tag in _XP_TAGS:
        text = _both_orders(raw, "utf-16-le")
    elif tag == USER_COMMENT_TAG and raw[:8].startswith(b"UNICODE"):
        text = _utf16(raw[8:], order)
    else:
        # UserComment's 8-byte character code; a writer that leaves it out (ComfyUI's SaveImage+ writes the
        # text as ASCII) has its first 8 characters read too, not dropped unscanned. "JIS" names no
        # encoding: Shift_JIS, EUC-JP and ISO-2022-JP are all written under it (`legacy_text`).
        raw = raw[8:] if tag == USER_COMMENT_TAG and bytes(raw[:8]) in _CHARACTER_CODES else raw
        text = _wide(raw) or with_readings(raw.decode("utf-8", "replace"), raw)
    # Every NUL-separated part, one a line: the bytes after the first NUL are published too.
    return "\n".join(part.strip() for part in text.split("\x00") if part.strip())


def _wide(raw: bytes) -> str | None:
    """UTF-16 text in a field that does not say so (a UserComment whose character code is not
    "UNICODE", an ASCII tag a Windows tool wrote wide): zeros fill one byte lane, not the other."""
    body = raw.rstrip(b"\x00")
    if len(body) < 4:
        return None
    body += b"\x00" * (len(body) & 1)
    lane = len(body) // 2
    even, odd = body[0::2].count(0), body[1::2].count(0)
    if max(even, odd) * 5 < lane * 4 or min(even, odd) * 5 > lane:
        return None
    return body.decode("utf-16-le" if odd > even else "utf-16-be", "replace")


def _utf16(raw: bytes, order: str) -> str:
    """UCS-2 text whose byte order writers disagree on: the spec says the TIFF's, many use their own."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return raw.decode("utf-16", "replace")
    if len(raw) >= 2 and (raw[0] == 0) != (raw[1] == 0):  # ASCII-range text shows which byte is zero
        order = ">" if raw[0] == 0 else "<"
    return _both_orders(raw, "utf-16-be" if order == ">" else "utf-16-le")


# Characters that spell addresses and numbers: ASCII and its full-width forms (U+FF01-FF5E).
_SPELLING = re.compile("[\x20-\x7e\uff01-\uff5e]")


def _both_orders(raw: bytes, first: str) -> str:
    """UTF-16 read in the order `first`, and in the other one too when that reading spells more: the XP
    tags are little-endian by Windows' rule and UserComment's order is guessed, but the bytes of a
    big-endian address are published either way (full-width letters have no zero byte to tell by)."""
    body = raw[: len(raw) - len(raw) % 2]
    text = body.decode(first, "replace")
    other = body.decode("utf-16-be" if first == "utf-16-le" else "utf-16-le", "replace")
    if len(_SPELLING.findall(other)) > len(_SPELLING.findall(text)):
        return text + "\n" + other
    return text
