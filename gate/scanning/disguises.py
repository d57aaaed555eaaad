"""Read the disguises no encoding standard names: a value spelled one character per space, hex-encoded
text, CSS, octal and quoted-printable escapes, and addresses with "-at-", "_at_", "«at»", "#" or a
spaced dot for their punctuation.

`normalise` joins a value spelled one character per space itself (`spaced_reading`). For the others,
`disguised_readings(text)` returns at most two readings of a text (each with every such disguise undone
in place, so cue words around a value stay beside it), and `decoding.decoded_variants` reads them as
extra variants, so they compose with URL encoding, base64 and each other up to its three layers.
Whatever is found in a reading is reported under the original value's pointer.

Each reader runs only when its hint holds (`disguise_hints`): string tests, then a regex search with a
literal prefix only where one passes; most strings pay the tests and nothing more. Readings are kept
only where they can hold what a detector looks for:
- one character per space: a run of at least five one-character words, every gap inside the run of
  the same width (a single space, ideographic space or Hangul filler, which `normalise` reads as
  spaces, a tab, a line break, two spaces...); a wider gap separates words ("J o h n   D o e");
- hex: a token of 8 or more bytes (or 6 or more separated by " ", ":", "-" or ",", with or without
  "0x") that decodes to printable UTF-8 (or UTF-16 of ASCII) text, mostly the letters, digits and
  punctuation of addresses and numbers: hashes, UUIDs and colour codes decode to noise, start with
  bytes that are not text, or are too short, and are left alone;
- escapes: CSS ("\\40 ", "\\000040"), Python's "\\U00000040" and "\\N{COMMERCIAL AT}", quoted-printable
  ("=40"); C/Python octal ("\\100") is a reading of its own, since CSS reads the same digits as hex;
- words joined by "_" (`tel_0612345678`, `render_for_4111111111111111.png`, `portrait_of_Jane_Doe`), or
  by "-" in a value without spaces (a slug: `thank-you-maria-garcia`): read with spaces between them,
  as a file name or an identifier is meant; a value with no letter or digit on both sides of one is
  left alone;
- addresses: "-at-", "_at_", "~at~" and other delimiters on both sides, "at" or "@" in brackets of
  other scripts ("«at»", "【at】"), "a" in round or square ones ("(a)"), "#" for "@", "-dot-"/"_dot_"
  for ".", and a space beside "@" or a domain's dot ("jane.doe@example .com"), only where the domain
  ends in a top-level domain of the Public Suffix List (ICANN section, as the `publicsuffixlist`
  package ships it). A spaced form whose TLD is a capitalised word is a sentence ("look at me. Art
  deco"), and a space before "@" alone needs a local part shaped like an address ("jane.doe @example.com",
  not "follow us @acme.com").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

# Shorter strings cannot hold a disguised entity ("a-at-b.co" has 9 characters).
_MIN_CHARS = 9

# --- one character per space -------------------------------------------------------------------
# Hints: three one-character words in a row after a space (literal prefix: the regex engine skips to
# spaces), with any gap when the text holds tabs or line breaks.
_SPACED_HINT = re.compile(r" \S +\S +\S")
_SPACED_HINT_ANY = re.compile(r"\s\S\s+\S\s+\S")
# The first character may follow an opening bracket or quote, the last be followed by punctuation
# ("(j a n e . d o e @ e x a m p l e . c o m), thanks").
_SPACED_SPAN = re.compile(r"(?<!\S)[(\[{\"'«]?\S(?:\s+\S(?!\S)){3,}\s+\S(?=[,;:!?.)\]}\"'»]*(?!\S))")
_GAP = re.compile(r"\s+")


def _joined_span(match: re.Match[str]) -> str:
    span = match.group()
    gaps, chars = _GAP.findall(span), _GAP.split(span)
    narrow = min(gaps)
    # Gaps of the narrowest kind join letters; wider ones separate words.
    words, current = [], [chars[0]]
    for gap, char in zip(gaps, chars[1:], strict=True):
        if gap == narrow:
            current.append(char)
        else:
            words.append("".join(current))
            current = [char]
    words.append("".join(current))
    return " ".join(words)


def spaced_reading(text: str) -> str | None:
    """`text` with every run of one-character words joined ("j a n e" -> "jane"), or None when it has
    none (`normalise` reads it so). Each pass shortens the text, so the loop ends."""
    if _SPACED_HINT.search(text) is None and (
        ("\t" not in text and "\n" not in text) or _SPACED_HINT_ANY.search(text) is None
    ):
        return None
    joined = text
    while True:  # joining can leave one-character words of a wider gap in a row: read to the end
        again = _SPACED_SPAN.sub(_joined_span, joined)
        if again == joined:
            break
        joined = again
    return joined if joined != text else None


# --- hex ---------------------------------------------------------------------------------------
# Hex of text holds bytes of printable ASCII (first digit 2-7) several times in a row.
_HEX_HINT = re.compile(r"[2-7][0-9A-Fa-f](?:[ :,\-]?(?:0[xX])?[2-7][0-9A-Fa-f]){5}")
_HEX_TOKEN = re.compile(
    r"(?<![0-9A-Za-z])(?:0[xX])?(?:[0-9A-Fa-f]{2}){8,}(?![0-9A-Za-z])"
    r"|(?<![0-9A-Za-z])(?:0[xX])?[0-9A-Fa-f]{2}(?P<sep>, ?|[ :\-])(?:0[xX])?[0-9A-Fa-f]{2}"
    r"(?:(?P=sep)(?:0[xX])?[0-9A-Fa-f]{2}){4,}(?![0-9A-Za-z])"
)
_NOT_HEX_CHARS = "xX ,:-"
_NOT_HEX = str.maketrans("", "", _NOT_HEX_CHARS)
_HEX_CHARS = "0123456789abcdefABCDEFxX ,:-"
_MIN_HEX_CHARS = 16
_BYTE_ORDER_MARKS = ("fffe", "feff")
_TEXT_BYTES = 6
# Inside other text: "@" or "+" followed by printable bytes ("...6f65406578...", "2b3439...").
_HEX_AT = re.compile(r"40(?:[ :,\-]|, )?(?:0[xX])?[2-7c-fC-F][0-9A-Fa-f](?:[ :,\-]|, )?(?:0[xX])?[2-7b-fB-F]")
_HEX_PLUS = re.compile(r"2b(?:[ :,\-]|, )?(?:0[xX])?3[0-9](?:[ :,\-]|, )?(?:0[xX])?3")
_MIN_HEX_TEXT = 6
_MIN_PLAIN = 0.75
_PLAIN_PUNCTUATION = " .@+-_,:;()/'"


def _hex_text(match: re.Match[str]) -> str:
    token = match.group()
    digits = token.replace("0x", "").replace("0X", "").translate(_NOT_HEX)
    raw = bytes.fromhex(digits)
    if raw.count(0) * 3 >= len(raw):  # UTF-16 or UTF-32 of ASCII-range text
        raw = raw.replace(b"\x00", b"")
        raw = raw[2:] if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else raw
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:  # a hash, a key: bytes, not text
        return token
    # Text, not bytes that happen to be UTF-8 ("DE88 2759..." is an IBAN, and hex too): printable, and
    # mostly the letters, digits and punctuation of addresses and numbers.
    plain = sum(1 for ch in text if ch.isascii() and (ch.isalnum() or ch in _PLAIN_PUNCTUATION))
    if len(text) < _MIN_HEX_TEXT or not text.isprintable() or plain < _MIN_PLAIN * len(text):
        return token
    return text


def _starts_as_text(hex_text: str) -> bool:
    """Whether a value of hex digits starts with the bytes of text: the first digit of each of its
    first bytes is 2-7 (printable ASCII, also in UTF-16) or 8-f (UTF-8), so most hashes and UUIDs are
    refused here, the rest when they do not decode as text."""
    body = hex_text.replace("0x", "").replace("0X", "")
    # `.translate(_NOT_HEX)`, done with `str.replace`: a str.translate table is a dict lookup per
    # character, and this runs for every UUID and hash.
    for separator in _NOT_HEX_CHARS:
        if separator in body:
            body = body.replace(separator, "")
    body = body[: 8 * _TEXT_BYTES]
    if body[:4].lower() in _BYTE_ORDER_MARKS:  # UTF-16 with its byte-order mark
        body = body[4:]
    if body[2:4] == "00" == body[6:8] or body[:2] == "00" == body[4:6]:  # UTF-16 of ASCII, LE or BE
        body = body.replace("00", "")
    high = body[: 2 * _TEXT_BYTES : 2]
    # Most of them printable ASCII, the others UTF-8 ("c3 b6" is "ö"), none a control character.
    utf8 = len(high.strip("234567"))
    return len(high) == _TEXT_BYTES and not high.strip("23456789abcdefABCDEF") and utf8 <= _TEXT_BYTES // 3


def _unhexed(text: str) -> str | None:
    decoded = _HEX_TOKEN.sub(_hex_text, text)
    return decoded if decoded != text else None


# --- escapes -----------------------------------------------------------------------------------
# CSS: up to six hex digits, one whitespace after them belongs to the escape ("\40 example").
_CSS = re.compile(r"\\([0-9A-Fa-f]{1,6})(?:\r\n|[ \t\r\n\f])?")
_PYTHON = re.compile(r"\\(?:U([0-9A-Fa-f]{8})|N\{([A-Za-z0-9 \-]{1,88})\})")
_OCTAL = re.compile(r"\\([0-3][0-7]{2})")
# Quoted-printable writes its hex in capitals (RFC 2045): "PHPSESSID=6dba..." is not an escape.
_QUOTED_PRINTABLE = re.compile(r"=(?:([0-9A-F]{2})|\r?\n)")
_QP_HINT = re.compile(r"=(?:40|2E|2B)")


def _code_point(code: int, written: str) -> str:
    return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else written


def _css_char(match: re.Match[str]) -> str:
    return _code_point(int(match.group(1), 16), match.group())


def _python_char(match: re.Match[str]) -> str:
    if match.group(1) is not None:
        return _code_point(int(match.group(1), 16), match.group())
    try:
        return unicodedata.lookup(match.group(2))
    except KeyError:
        return match.group()


def _octal_char(match: re.Match[str]) -> str:
    return _code_point(int(match.group(1), 8), match.group())


def _qp_char(match: re.Match[str]) -> str:
    return chr(int(match.group(1), 16)) if match.group(1) is not None else ""


# (text18) LaTeX's spaces between the groups of a number ("+49\\,176\\,38291045", "06\\;47\\;82"): a space.
_TEX_SPACE = re.compile(r"(?<=\d)\\[,;: ](?=\d)")


def _unescaped(text: str) -> str | None:
    out = text
    if "\\" in out:
        out = _CSS.sub(_css_char, _PYTHON.sub(_python_char, _TEX_SPACE.sub(" ", out)))
    if "=" in out and _QP_HINT.search(out) is not None:
        out = _QUOTED_PRINTABLE.sub(_qp_char, out)
    return out if out != text else None


def _octal(text: str) -> str | None:
    if "\\" not in text:
        return None
    decoded = _OCTAL.sub(_octal_char, text)
    return decoded if decoded != text else None


# --- addresses -----------------------------------------------------------------------------------
# Delimiters people put around "at" and "dot" ("jane.doe-at-example-dot-com", "jane_at_example.com").
# Not "." ("mail.at.example.com" is a host in Austria) nor "/" (URL paths).
_DELIMITER = r"[\-_~*|=+:'\"`]"
# Bracket pairs (after NFKC, so full-width ones are ASCII) around "at", "a" or "@".
_BRACKETS = (
    ("(", ")"), ("[", "]"), ("{", "}"), ("<", ">"), ("«", "»"), ("\u2039", "\u203a"), ("⟨", "⟩"),
    ("【", "】"), ("\u3014", "\u3015"), ("「", "」"), ("『", "』"), ("〈", "〉"), ("《", "》"), ("⦅", "⦆"),
    ("〖", "〗"), ("⟦", "⟧"), ("“", "”"), ("\u2018", "\u2019"), ("„", "“"), ("'", "'"), ('"', '"'),
)  # fmt: skip
_CLOSING = "".join(close for _, close in _BRACKETS if close not in "'\"")
_BRACKETED_AT = "|".join(rf"{re.escape(o)}\s?(?:at|a|@)\s?{re.escape(c)}" for o, c in _BRACKETS)
_AT = (
    rf"(?P<delimited>\s?(?P<d>{_DELIMITER})(?P=d)?\s?(?:at|@)\s?(?P=d)(?P=d)?\s?)"
    rf"|(?P<bracketed>\s?(?:{_BRACKETED_AT})\s?)"
    r"|(?P<hash>#)"
    r"|(?P<spaced>\s@\s?|@\s)"
    r"|@"
)
_DOT = rf"(?:\s?\.\s?|\s?(?P<e>{_DELIMITER})(?P=e)?\s?dot\s?(?P=e)(?P=e)?\s?)"
_LABEL = r"[^\W_](?:(?:[^\W_]|-){0,61}[^\W_])?"
_ADDRESS = re.compile(
    rf"(?<![\w.%+\-#/?=&])(?P<local>[\w.%+\-]{{1,64}}?)(?:{_AT})(?P<domain>{_LABEL}(?:{_DOT}{_LABEL}){{1,8}})"
    r"(?![\w\-])",
    re.IGNORECASE,
)
_DOMAIN_DOT = re.compile(_DOT, re.IGNORECASE)
# Hints, each behind a literal the regex engine skips to: "at" with a delimiter or closing bracket
# after it; "#" between address characters (not a colour code, " #A1B2C3"); "@" with something other
# than a letter or digit beside it, or followed by a domain with a spaced or spelled dot; a bracketed "a".
_AT_HINT = re.compile(rf"at\s?(?:{_DELIMITER}|[{re.escape(_CLOSING)}])")
_AT_HINT_CASELESS = re.compile(_AT_HINT.pattern, re.IGNORECASE)
_HASH_HINT = re.compile(r"#(?<=[\w.%+\-]#)[^\W_]")
_AT_SIGN_HINT = re.compile(
    rf"@(?:(?<![^\W_]@)|(?![^\W_])|[^\s@]{{0,253}}?(?:\s\.|\.\s|{_DELIMITER}\s?dot))", re.IGNORECASE
)
_BRACKETED_A_HINT = re.compile(r"[(\[]\s?a\s?[)\]]")
_ADDRESS_LIKE_LOCAL = re.compile(r"[._+\-\d]")
_SPACE = re.compile(r"\s")


@lru_cache(maxsize=1)
def top_level_domains() -> frozenset[str]:
    """The top-level domains of the Public Suffix List's ICANN section (`publicsuffixlist`), lower case."""
    data = resources.files("publicsuffixlist").joinpath("public_suffix_list.dat").read_text("utf-8")
    icann = data.split("===END ICANN DOMAINS===", 1)[0]
    return frozenset(
        line.strip().lstrip("*.!").rsplit(".", 1)[-1].lower()
        for line in icann.splitlines()
        if line.strip() and not line.startswith("//")
    )


def _address(match: re.Match[str]) -> str | None:
    """The address `match` spells, or None when it is not one."""
    domain = _DOMAIN_DOT.sub(".", match.group("domain"))
    tld = domain.rsplit(".", 1)[-1]
    if tld.lower() not in top_level_domains():
        return None
    if tld.istitle() and len(tld) > 1 and _SPACE.search(match.group()) is not None:
        return None  # a sentence: "... at home. Art deco"
    local, spaced = match.group("local"), match.group("spaced")
    if spaced is not None and spaced[0].isspace() and _ADDRESS_LIKE_LOCAL.search(local) is None:
        return None  # "follow us @acme.com": a handle after a word
    return f"{local}@{domain}"


def _addresses(text: str) -> str | None:
    # A candidate that is not an address must not hide one that starts inside it ("red (a) jane#x.com"):
    # the search goes on from the next character, not from the candidate's end.
    parts: list[str] = []
    done = position = 0
    while (match := _ADDRESS.search(text, position)) is not None:
        address = _address(match)
        if address is None:
            position = match.start() + 1
            continue
        parts += (text[done : match.start()], address)
        done = position = match.end()
    if not parts:
        return None
    read = "".join(parts) + text[done:]
    return read if read != text else None


# --- words joined by "_" or "-" ------------------------------------------------------------------
# A joint between two letters or digits, or before a "+" that starts a number: "tel_06", "of_Jane",
# "lora_+33", "garcia-lopez" ("__init__", "-v" and "--flag" join nothing).
_UNDERSCORE_JOINT = re.compile(r"[^\W_]_+(?:[^\W_]|\+\d)")
_HYPHEN_JOINT = re.compile(r"[^\W\d_]-[^\W_]|[^\W_]-[^\W\d_]")
# A hyphen between two digits belongs to the number ("1985-03-12", "+44-7700-900123") and stays.
_WORD_HYPHEN = re.compile(r"(?<!\d)-|-(?!\d)")
# Spaces where the joints were: the text keeps its length, so nothing moves ("jane_doe@example.com" is
# read as the address it is, and the reading may hold a part of it: no new entity type).
_UNDERSCORES = str.maketrans("_", " ")
_HEX_WORD_CHARS = "0123456789abcdefABCDEF_-"
# What a detector can find only with the words apart, at a joint: a number of six or more digits
# (groups too) after or before an "_"; a capitalised word or a letter of another script after or
# before one, or at the start; a word that introduces a name between two ("portrait_of_jane_doe",
# "FOR_JANE_DOE": a name in capitals is read only after one). A slug ("-") needs a capitalised word,
# another script or such a word between two: its numbers are read already ("-" is punctuation to
# every detector). Identifiers of lower-case words or capitals and short numbers ("sd_xl_base_1.0",
# "dreamshaper_8", "SKU-37791-RED") pay no reading. Each pattern starts with its joint, a literal
# the regex engine skips to.
_CUES = "of|for|by|to|from|para|pour|per|voor|dla|pro|na|za|an|til|att|och"
# (The look-behinds come after the joint, which they include: a branch that starts with a look-behind
# would leave the pattern without its literal first character, and every position would be tried.)
_UNDERSCORE_HINT = re.compile(
    rf"_(?:\+?\d[\d .\-/()]{{5,}}|[A-Z][a-z]|[^\x00-\x7f]|(?i:{_CUES})_"
    r"|(?<=\d[\d .\-/()]{5}_)|(?<=[^\x00-\x7f]_))"
)
_HYPHEN_HINT = re.compile(rf"-(?:[A-Z][a-z]|[^\x00-\x7f]|(?i:{_CUES})-|(?<=[^\x00-\x7f]-))")


def _words_hint(text: str) -> bool:
    """Whether `_words` may read something a detector finds (`_UNDERSCORE_HINT`, `_HYPHEN_HINT`)."""
    first = text[0]
    starts = (first.isupper() and text[1].islower()) or not first.isascii()  # "Jane_Doe", not "SKU_1"
    if "_" in text and (starts or _UNDERSCORE_HINT.search(text) is not None):
        return True
    return "-" in text and (starts or _HYPHEN_HINT.search(text) is not None) and not _has_space(text)


def _has_space(text: str) -> bool:
    return " " in text or any(ch.isspace() for ch in text)


def _words(text: str) -> str | None:
    """`text` with its words apart: at "_" always, at "-" only in a value without white space (a slug,
    a file name; in a sentence a hyphen joins a compound word, "T-shirt", "Jean-Luc") and not between
    two digits. None for a value of hex digits in groups (a UUID), which holds no words."""
    if not text.strip(_HEX_WORD_CHARS):
        return None  # a UUID, a hash: hex digits in groups, no words
    read = text
    if "_" in text and _UNDERSCORE_JOINT.search(text) is not None:
        read = text.translate(_UNDERSCORES)
    if "-" in text and _HYPHEN_JOINT.search(text) is not None and not _has_space(text):
        read = _WORD_HYPHEN.sub(" ", read)
    return read if read != text else None


# (text18) A line break standing for a number's separator, as a wrapped field or an attacker splits it
# ("+7\n916 123-45-67", "0176\n38291045", "sünniaeg 12\n03.1984", "NL91 ABNA\n0417"): read as the
# separator the number uses right after it ("." in "03.1984"), else a space. Only where the text breaks a
# number once: a column of numbers, a line each ("36\n38\n40"), is a list, not one number.
_NUMBER_BREAK = re.compile(r"(?<=[\dA-Z+])[ \t]*\r?\n[ \t]*(?=\d)")
_SEPARATOR_AFTER = re.compile(r"\d{1,4}([./\-])\d")


def _number_break(match: re.Match[str]) -> str:
    after = _SEPARATOR_AFTER.match(match.string, match.end())
    return after.group(1) if after is not None else " "


def _unbroken(text: str) -> str | None:
    """`text` with the one line break inside a number read as its separator, or None."""
    breaks = _NUMBER_BREAK.findall(text)
    if len(breaks) != 1:
        return None
    return _NUMBER_BREAK.sub(_number_break, text)


_ESCAPES, _HEX, _ADDRESSES, _WORDS, _LINES = 1, 2, 4, 8, 16
# Readers applied in order to one reading: a broken number, escapes, then hex, then addresses.
_READERS = (
    (_LINES, "line", _unbroken),
    (_ESCAPES, "escape", _unescaped),
    (_HEX, "hex", _unhexed),
    (_ADDRESSES, "address", _addresses),
)


# The last string's hints: `decoding` asks for the same string's up to three times in a row (whether it
# may be encoded, then again as it reads it). One entry, replaced whole; like `cue_words`, it keeps the
# last string in memory only.
_last_hints: tuple[str, int] = ("", 0)


def disguise_hints(text: str) -> int:
    """Which readers have a chance on `text` (0: none, for certain; `decoding.may_be_encoded` asks): a
    few `in` tests, then a regex search with a literal prefix only where one passes (the common string
    pays the tests and nothing more)."""
    global _last_hints  # noqa: PLW0603 - one entry, replaced whole (safe to read from any thread)
    last = _last_hints
    if last[0] is text:
        return last[1]
    hints = _hints(text)
    _last_hints = (text, hints)
    return hints


def _hints(text: str) -> int:
    if len(text) < _MIN_CHARS:
        return 0
    # Words joined by "_" (identifiers too) or "-" (`_words`).
    words = _WORDS if ("_" in text or "-" in text) and _words_hint(text) and _words(text) is not None else 0
    # An identifier holds no delimiter, space, dot or escape; as hex it would start with a letter,
    # which only a byte-order mark does ("fffe6a00...").
    if text.isidentifier() and text[:4].lower() not in _BYTE_ORDER_MARKS:
        return words
    # Quoted-printable counts where it spells "@", "." or "+" (what hides an address or a number).
    hints = _ESCAPES if "\\" in text or ("=" in text and _QP_HINT.search(text) is not None) else 0
    if "\n" in text and _NUMBER_BREAK.search(text) is not None:
        hints |= _LINES
    # Every address has a domain: a "." or a spelled "dot" (most strings have neither).
    if ("." in text or "dot" in text or "DOT" in text) and (
        ("at" in text and _AT_HINT.search(text) is not None)
        or ("@" in text and _AT_SIGN_HINT.search(text) is not None)
        or ("#" in text and _HASH_HINT.search(text) is not None)
        or (("a)" in text or "a]" in text) and _BRACKETED_A_HINT.search(text) is not None)
        or (("AT" in text or "At" in text) and _AT_HINT_CASELESS.search(text) is not None)
    ):
        hints |= _ADDRESSES
    # Hex: in text with spaces, a token holding the hex of "@" (40) or "+" (2b), bytes separated or not;
    # else a whole value of hex digits (with "0x", colons, dashes or commas) that starts as text does.
    if " " in text:
        if ("40" in text or "2b" in text) and (
            _HEX_AT.search(text) is not None or _HEX_PLUS.search(text) is not None
        ):
            hints |= _HEX
    elif len(text) >= _MIN_HEX_CHARS and not text.strip(_HEX_CHARS) and _starts_as_text(text):
        hints |= _HEX
    return hints | words


def disguised_readings(text: str) -> list[tuple[str, str]]:
    """`text` with the disguises above undone in place, with the readers that changed it ("hex",
    "escape+address"); empty when nothing changed. C-style octal escapes are a reading of their own
    (CSS reads "\\100" as U+0100). A reading's own disguises are read when its turn as a variant
    comes (`decoding.decoded_variants`), so "-at-" inside hex text is found too."""
    hints = disguise_hints(text)
    if not hints:
        return []
    current, steps = text, []
    for hint, name, reader in _READERS:
        if hints & hint:
            read = reader(current)
            if read is not None:
                current = read
                steps.append(name)
    readings = [(current, "+".join(steps))] if steps else []
    if hints & _ESCAPES:
        octal = _octal(text)
        if octal is not None:
            readings.append((octal, "octal"))
    if hints & _WORDS:  # a reading of its own: the others read "_" and "-" as punctuation
        words = _words(text)
        if words is not None:  # always, given the hint
            readings.append((words, "words"))
    return readings
