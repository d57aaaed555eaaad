"""Text that is not text: an encoded or compressed payload a writer put where text belongs.

A PNG text chunk can carry a whole document: draw.io's `mxfile` holds its diagram as base64 of deflated
XML, Excalidraw's `application/vnd.excalidraw+json` its scene as zlib bytes in a JSON string. Scanned as
text such a payload shows nothing (the scanner decodes base64 only to text), yet it holds every label the
author typed (names, addresses), so it is unread, like XMP's opaque blobs (`xmp_unread.is_opaque`): the
chunk goes whole, and the image is published without it.
"""

from __future__ import annotations

import binascii
import re
import zlib
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

MIN_RUN = 256
# Runs of the base64 alphabet (hex is of it too), line breaks removed first, as encoders wrap base64.
# `finditer` takes a run whole from its first character, so a text costs one pass.
_RUN = re.compile(r"[A-Za-z0-9+/]{16,}")
_MIN_CANDIDATE = 16
_LINE_BREAKS = re.compile(r"[\r\n]+")
_HEX = re.compile(r"(?:[0-9A-Fa-f]{2})+")
# Past this many distinct runs a text is not read run by run (a ComfyUI workflow holds a few hundred).
MAX_RUNS = 4096
_MAX_INFLATED = 4096
# Control characters no writer types (tab, line feed and carriage return are text; so is escape, which
# ISO 2022 writes: IPTC's CodedCharacterSet "ESC % G", ISO-2022-JP): bytes of a binary payload decoded as
# Latin-1 or carried in a JSON string's \u escapes.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f]")


def holds_payload(text: str) -> bool:
    """Whether `text`, as written or URL-decoded (draw.io writes its `mxfile` so), holds a payload.

    A payload: control characters; a run of base64 or hex of `MIN_RUN`+ characters (no word a person
    writes has 256 letters); a shorter run that decodes (base64, or hex when it is all hex) to a whole
    zlib, gzip or raw deflate stream of text (deflate of "Jane Doe, jane@example.com" is 40 bytes).
    """
    if len(text) < _MIN_CANDIDATE:  # most values (dates, numbers, names): no run fits
        return _CONTROL.search(text) is not None
    return _holds_payload(text) or ("%" in text and _holds_payload(unquote(text)))


def _holds_payload(text: str) -> bool:
    if _CONTROL.search(text) is not None:
        return True
    seen: set[str] = set()
    for run in _RUN.finditer(_LINE_BREAKS.sub("", text) if "\n" in text or "\r" in text else text):
        found = run.group()
        if len(found) >= MIN_RUN:
            return True
        if found in seen:
            continue
        seen.add(found)
        if len(seen) > MAX_RUNS or _compressed_text(found):
            return True
    return False


def _compressed_text(run: str) -> bool:
    if _HEX.fullmatch(run):
        raw = bytes.fromhex(run)
    else:
        try:
            raw = binascii.a2b_base64(run + "=" * (-len(run) % 4))
        except binascii.Error:
            return False
    if raw[:2] == b"\x1f\x8b":
        return _inflates_to_text(raw, 31)
    if raw[0] & 0x0F == 8 and int.from_bytes(raw[:2], "big") % 31 == 0 and _inflates_to_text(raw, 15):
        return True
    return (raw[0] >> 1) & 3 != 3 and _inflates_to_text(raw, -15)  # block type 3 is invalid


def _inflates_to_text(raw: bytes, wbits: int) -> bool:
    """Whether `raw` is one whole stream (zlib, gzip or raw deflate by `wbits`) of mostly printable text.

    Random bytes rarely end a raw deflate stream exactly at their end, and never inflate to text."""
    inflater = zlib.decompressobj(wbits)
    try:
        out = inflater.decompress(raw, _MAX_INFLATED)
    except zlib.error:
        return False
    if not inflater.eof or inflater.unused_data or len(out) < 8:
        return False
    text = out.decode("utf-8", "replace")
    return sum(ch.isprintable() or ch in "\t\r\n" for ch in text) >= 0.9 * len(text)


def strings(value: Any) -> Iterator[str]:
    """Every string of a parsed JSON value, keys too, in no promised order; iteratively, so a graph of
    tens of thousands of strings or a value nested as deep as `json.loads` allows costs no recursion."""
    stack = [value]
    while stack:
        top = stack.pop()
        if isinstance(top, str):
            yield top
        elif isinstance(top, dict):
            yield from top
            stack.extend(top.values())
        elif isinstance(top, list):
            stack.extend(top)
