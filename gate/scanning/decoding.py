"""Undo the encodings people use to smuggle values through parameters: URL encoding and base64.

Decoding is bounded: at most three layers, only strings up to `MAX_DECODE_CHARS`, and a base64 result
counts only when it is mostly printable UTF-8 text, so random identifiers and hashes are not "decoded"
into noise that detectors would then read.
"""

from __future__ import annotations

import base64
import binascii
import quopri
import re
from urllib.parse import unquote, unquote_plus

from gate.scanning.disguises import disguise_hints, disguised_readings

MAX_LAYERS = 3
MAX_DECODE_CHARS = 65_536
MAX_VARIANTS = 8
_WINDOW_OVERLAP = 4_100
_MIN_B64_CHARS = 12
_MIN_B64_TOKEN_CHARS = 16
_MIN_PRINTABLE = 0.9

_PERCENT = re.compile(r"%[0-9A-Fa-f]{2}")
_B64_WHOLE = re.compile(r"[A-Za-z0-9+/_\-]{12,}={0,2}")
# Base64 tokens inside longer text (a query string, a comment); bounded so a match stays cheap.
# No look-behind: finditer starts a match at the first character of a run, so runs are whole.
_B64_TOKEN = re.compile(r"[A-Za-z0-9+/_\-]{16,4096}={0,2}")
# Bytes of the base64 alphabet become "a", all others " ": free text has a token only if its
# translation holds 16 "a"s in a row, which bytes.translate and `in` find several times faster than
# the token regex, whose every start position is tried.
_B64_ALPHABET = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-"
_B64_CLASSES = bytes(ord("a") if byte in _B64_ALPHABET else ord(" ") for byte in range(256))
_B64_RUN = b"a" * _MIN_B64_TOKEN_CHARS
_HEX_DIGITS = "0123456789abcdefABCDEF"
_ESCAPED_BYTE = re.compile(r"[\udc80-\udcff]")  # how surrogateescape decodes a byte that is not UTF-8
_URL_SAFE = str.maketrans("-_", "+/")  # base64url -> base64
# Percent-encoding applied several times ("%252540" is "@" three times over) is undone to its end in
# one "url" step, up to this many layers.
_URL_LAYERS = 4
# JSON, JavaScript and Python escapes written into a string ("jane\\u0040example.com" as typed, a
# JSON document inside a parameter): "\\uXXXX", "\\u{XXXX}" and "\\xXX".
# (text18) An escape escaped again, as JSON inside JSON writes it ("kate.morgan\\\\u0040gmail.com"): its
# backslashes are read with it.
_ESCAPE = re.compile(r"\\{1,4}(?:u\{([0-9A-Fa-f]{1,6})\}|u([0-9A-Fa-f]{4})|x([0-9A-Fa-f]{2}))")


# (text17) Quoted-printable (RFC 2045: an e-mail body, "Caf=C3=A9") and MIME encoded-words in its Q form
# (RFC 2047: "=?UTF-8?Q?J=C3=BCrgen_Wei=C3=9F?="): two encoded bytes in a row, as every letter beyond
# ASCII is in UTF-8 ("Steps=30" is no encoding), or an encoded-word.
_QP_BYTES = re.compile(r"(?:=[0-9A-F]{2}){2}|=\?[\w-]+\?[Qq]\?")
_Q_WORD = re.compile(r"=\?[\w-]+\?[Qq]\?([^?\s]*)\?=")


def _qp_decoded(text: str) -> str | None:
    """`text` read as quoted-printable (its Q encoded-words with "_" as a space), or None when it holds no
    encoded bytes or they are not UTF-8."""
    if "=" not in text or _QP_BYTES.search(text) is None or not text.isascii():
        return None
    try:
        decoded = _Q_WORD.sub(
            lambda word: quopri.decodestring(word.group(1).encode(), header=True).decode(), text
        )
        decoded = quopri.decodestring(decoded.encode("utf-8")).decode("utf-8")
    except (UnicodeDecodeError, ValueError, binascii.Error):
        return None
    return decoded if decoded != text else None


def _url_decoded(text: str) -> str | None:
    if "%" in text and _PERCENT.search(text):
        # Form encoding uses "+" for space; text that already has spaces keeps its "+" literal.
        decoded = unquote(text) if " " in text else unquote_plus(text)
        for _ in range(_URL_LAYERS - 1):
            if "%" not in decoded or _PERCENT.search(decoded) is None:
                break
            decoded = unquote(decoded)
    elif "+" in text and " " not in text:
        decoded = unquote_plus(text)
    else:
        return None
    return decoded if decoded != text else None


def _escape_char(match: re.Match[str]) -> str:
    code = int(match.group(1) or match.group(2) or match.group(3), 16)
    return chr(code) if code <= 0x10FFFF else match.group()


def _unescaped(text: str) -> str | None:
    """`text` with its backslash escapes of characters read, or None when it has none."""
    if "\\" not in text:
        return None
    decoded = _ESCAPE.sub(_escape_char, text)
    return decoded if decoded != text else None


def _b64_decoded(token: str) -> str | None:
    body = token.rstrip("=")
    # Hashes and long numbers are valid base64 alphabets but never hidden text. (`token` is ASCII: it
    # matched a base64 alphabet, so str methods stand in for regexes here.)
    if not token.strip(_HEX_DIGITS) or body.isdigit() or len(body) % 4 == 1:
        return None
    padded = body + "=" * (-len(body) % 4)
    if "-" in body or "_" in body:
        padded = padded.translate(_URL_SAFE)
    try:
        raw = binascii.a2b_base64(padded, strict_mode=True)
    except binascii.Error:
        return None
    if raw.count(0) * 3 >= len(raw):  # UTF-16 or UTF-32 of ASCII-range text: its letters without the NULs
        raw = raw.replace(b"\x00", b"")
        raw = raw[2:] if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else raw  # its byte-order mark
    if raw.isascii():
        text = raw.decode("ascii")
    else:
        # Most candidates decode to binary, not UTF-8. surrogateescape marks each invalid byte with a
        # lone surrogate instead of raising, which costs several times the decode itself.
        text = raw.decode("utf-8", "surrogateescape")
        if _ESCAPED_BYTE.search(text) is not None:
            return None
    if len(text) < 4:
        return None
    if not text.isprintable():  # the common case for text is decided without a loop
        printable = sum(1 for ch in text if ch.isprintable() or ch in "\t\r\n")
        if printable < _MIN_PRINTABLE * len(text):
            return None
    if not any(ch.isalnum() for ch in text):
        return None
    return text


# (text18) Base32 (RFC 4648: capitals, 2-7 and "=" padding) and base85 (RFC 1924, Python's `b85encode`) of
# a whole value: read only when the bytes are UTF-8 text with a letter or a digit, as base64 is. Base85
# needs one of its symbols that base64 lacks (a base64 value is read as base64).
_B32_WHOLE = re.compile(r"[A-Z2-7]{16,}={0,6}")
_B85_WHOLE = re.compile(r"[0-9A-Za-z!#$%&()*+\-;<=>?@^_`{|}~]{20,}")
_B32_MIN = 16
_B85_ONLY = frozenset("!#$%&()*;<=>?@^`{|}~")


def _utf8_text(raw: bytes) -> str | None:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if len(text) < 4 or not text.isprintable() or not any(ch.isalnum() for ch in text):
        return None
    return text


def _base32_or_85(text: str) -> tuple[str, str] | None:
    """`text` read as base32 or base85 text, with the encoding's name, or None."""
    try:
        if text.isupper() and _B32_WHOLE.fullmatch(text):
            decoded = _utf8_text(base64.b32decode(text + "=" * (-len(text) % 8)))
            return None if decoded is None else (decoded, "base32")
        if not _B85_ONLY.isdisjoint(text) and _B85_WHOLE.fullmatch(text):
            decoded = _utf8_text(base64.b85decode(text))
            return None if decoded is None else (decoded, "base85")
    except ValueError:  # binascii.Error is one
        return None
    return None


def _may_hold_token(text: str) -> bool:
    """False when `_B64_TOKEN` cannot match: no run of 16 base64-alphabet characters."""
    # "surrogatepass": JSON can carry lone surrogates, which the alphabet does not hold anyway.
    # (setupfast26) `find`, not `in`: CPython reads the operand of `bytes.__contains__` as an integer
    # first, and for a bytes operand raises, formats and clears a TypeError before it searches (about
    # 1,800 instructions a call, more than the translate and the search together).
    return text.encode("utf-8", "surrogatepass").translate(_B64_CLASSES).find(_B64_RUN) >= 0


def may_be_encoded(text: str) -> bool:
    """False when `decoded_variants` would find nothing; decides most strings without a regex or a list."""
    if "%" in text or "+" in text or "\\" in text or ("=" in text and _QP_BYTES.search(text) is not None):
        return True
    # All-digit strings (GTINs, seeds) count as hex, which `_b64_decoded` refuses.
    if len(text) < _MIN_B64_CHARS or text.islower() or text.isupper() or text.isdigit():
        # hex text, "-at-", CSS escapes (`disguises`); base32, all capitals
        return disguise_hints(text) != 0 or (text.isupper() and _B32_WHOLE.fullmatch(text) is not None)
    if " " in text and len(text) <= MAX_DECODE_CHARS:  # (longer text is read in windows: each asked)
        # Free text (a prompt): no whole-value base64, base32 or base85 (`_decode_once` reads those only
        # without a space), so base64 only as a token of 16 alphabet characters in a row, which words
        # separated by spaces seldom hold; `_decode_once` asks exactly this, so nothing it reads is lost.
        return (len(text) >= _MIN_B64_TOKEN_CHARS and _may_hold_token(text)) or disguise_hints(text) != 0
    return True


# (text21) A JSON Web Token (RFC 7519: an OpenID Connect id_token, a session cookie): three base64url parts
# joined by dots, the first a JSON header. Its claims ("birthdate", "phone_number", "email") are a JSON
# object whose keys say what its values are, so the second part is also given alone, which the walk reads
# as a JSON string's object; read only as the tokens of a text, its keys would not count.
_JWT = re.compile(r"(eyJ[A-Za-z0-9_\-]{8,4096})\.([A-Za-z0-9_\-]{8,65536})\.[A-Za-z0-9_\-]*")


def _jwt_claims(text: str) -> str | None:
    """The claims of the JSON Web Token `text` is, whole (stripped), as JSON text; None for anything else
    or claims that are not UTF-8 text holding an object."""
    if "eyJ" not in text:
        return None
    match = _JWT.fullmatch(text.strip())
    if match is None:
        return None
    claims = _b64_decoded(match.group(2))
    return claims if claims is not None and claims.lstrip().startswith("{") else None


def _decode_once(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    claims = _jwt_claims(text)
    if claims is not None:
        out.append((claims, "jwt"))
    url = _url_decoded(text)
    if url is not None:
        out.append((url, "url"))
    unescaped = _unescaped(text)
    if unescaped is not None:
        out.append((unescaped, "escape"))
    quoted = _qp_decoded(text)
    if quoted is not None:
        out.append((quoted, "quoted-printable"))
    # Base64 of text mixes upper and lower case; lower-case names ("sd_xl_base_1.0") are skipped fast.
    if len(text) >= _MIN_B64_CHARS and not text.islower() and not text.isupper():
        if " " not in text and _B64_WHOLE.fullmatch(text):
            whole = _b64_decoded(text)
            if whole is not None:
                out.append((whole, "base64"))
        elif len(text) >= _MIN_B64_TOKEN_CHARS and _may_hold_token(text):
            # Every token's text in one variant, a line each: decoy tokens cannot use up the variants
            # before the one that matters (the text's length bounds the work).
            parts = [part for match in _B64_TOKEN.finditer(text) if (part := _b64_decoded(match.group()))]
            if parts:
                out.append(("\n".join(parts), "base64"))
    if " " not in text and len(text) >= _B32_MIN:
        other = _base32_or_85(text)
        if other is not None:
            out.append(other)
    out.extend(disguised_readings(text))
    return out


def decoded_variants(text: str) -> list[tuple[str, str]]:
    """Texts hidden inside `text`, each with how it was reached (e.g. "url", "base64", "url+base64").

    The original text is not included. Empty for the common case of plain text.
    """
    return hidden_variants(text) if may_be_encoded(text) else []


def hidden_variants(text: str) -> list[tuple[str, str]]:
    """`decoded_variants` of a text for which `may_be_encoded` is true (the walk asks that first, once a
    string, and calls this only then)."""
    if len(text) > MAX_DECODE_CHARS:
        # Longer text (the scan limits allow more) is read in overlapping windows, so what is hidden
        # past the first window is read too; the overlap holds the longest base64 token.
        stride = MAX_DECODE_CHARS - _WINDOW_OVERLAP
        return [
            found
            for start in range(0, len(text) - _WINDOW_OVERLAP, stride)
            for found in decoded_variants(text[start : start + MAX_DECODE_CHARS])
        ]
    first = _decode_once(text)
    if not first:  # most candidates: a mixed-case name, a "+" that is not form encoding
        return first
    variants: list[tuple[str, str]] = []
    budget = MAX_DECODE_CHARS
    frontier: list[tuple[str, str]] = [(text, "")]
    for depth in range(MAX_LAYERS):
        next_frontier: list[tuple[str, str]] = []
        for current, via in frontier:
            # Decoded when its turn comes, so the limits below stop further work too.
            for decoded, how in first if depth == 0 else _decode_once(current):
                budget -= len(decoded)
                if budget < 0 or len(variants) >= MAX_VARIANTS:
                    return variants
                step = f"{via}+{how}" if via else how
                variants.append((decoded, step))
                next_frontier.append((decoded, step))
        if not next_frontier:
            break
        frontier = next_frontier
    return variants
