"""Read text as it is meant, not as it is typed: the one normalisation at the scanner's entrance.

Every string the scanner reads (values and keys) passes `normalise` once before any detector sees it:

1. NFKC: full-width and compatibility forms (U+FF20 "@", U+FF11 "1", the "fi" ligature, mathematical
   letters) become plain ones.
2. Invisible characters are dropped: format characters (Unicode category Cf: zero-width space, joiners,
   soft hyphen, BOM, bidi controls, word joiner, tags), the other default-ignorable code points (variation
   selectors, Hangul fillers, combining grapheme joiner) and the combining marks NFKC could not compose
   ("j̲o̲h̲n̲" reads "john").
3. Every space separator (Zs: no-break, narrow no-break, thin, figure, ideographic...) and the line and
   paragraph separators become " ", so "06 12 34 56 78" grouped the French way is a phone number.
4. Decimal digits of any script become 0-9 ("٠١٢" -> "012"), as the card and ID checksums read digits,
   and every dash (Unicode Pd: en, em, figure, non-breaking...) becomes "-".
5. Letters that look like Latin ones (Cyrillic U+0430 "a", Greek U+03BF "o", Cherokee...) become those,
   from Unicode's confusables data as the maintained `confusable-homoglyphs` package ships it (updated
   with Unicode; the table is built from its data on first use, never edited here). ASCII is never
   remapped: Unicode also lists "0" as confusable with "O", which would turn digits into letters.
6. HTML character references (named and numeric, with or without ";") are decoded, up to three layers.
7. Spelled-out email punctuation is undone: "[at]", "(at)", "{at}", "<at>", " at " and " @ " become "@";
   "[dot]", "(dot)", "{dot}", " dot " become "." (the bare " at "/" dot " forms only inside an
   address-shaped run: "john at example dot com", never "a cat at the beach").

URL percent-encoding and base64 are not undone here: `decoding.decoded_variants` reads them as extra
variants, each of which is normalised too. Findings name the pointer of the original value; nothing
here changes which value is reported. ASCII without "&", brackets or a spaced "at"/"dot"/"@" is
returned as is, after one regex search (the common case in generation parameters).
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

# Targets the confusable table may map to: Latin letters and the punctuation of addresses and numbers.
_TARGETS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@.-+")

# Default-ignorable code points that are not Cf (DerivedCoreProperties.txt, Default_Ignorable_Code_Point).
# (The Hangul fillers among them are drawn as a blank: they are read as spaces, in _BLANKS.)
_IGNORABLE_RANGES = (
    (0x034F, 0x034F),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0xFE00, 0xFE0F),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)
_ENTITY_LAYERS = 3
# Blank-looking characters people use as spaces: Braille blank, ideographic space, Hangul fillers.
_BLANKS = "\u2800\u3000\u115f\u1160\u3164\uffa0"

# ASCII text needs work only with a character reference, a bracket, whitespace other than " ", or a
# spaced "at", "dot" or "@" (the walk inlines this test: two searches, the second only with a space,
# cost less than one regex with both alternatives).
ASCII_MARKS = re.compile(r"[&\[({<\t\n\r\x0b\x0c]")
ASCII_SPELLED = re.compile(r" (?:[aA][tT]|[dD][oO][tT]|@) ")
# The surrounding whitespace goes too ("jane [at] example"). A match may start only where a whitespace
# run starts (the look-behind), so a long run is not tried from each of its characters (quadratic).
_BRACKETED = re.compile(
    r"(?<!\s)\s*+(?:\[\s*+(?P<a1>at|@|dot|\.)\s*+\]|\(\s*+(?P<a2>at|@|dot|\.)\s*+\)"
    r"|\{\s*+(?P<a3>at|@|dot|\.)\s*+\}|<\s*+(?P<a4>at|@|dot|\.)\s*+>)\s*+",
    re.IGNORECASE,
)
# An address with its "@" or "." spelled with spaces: local part, " at " / " @ ", then labels joined by
# " dot " or ".", ending in a label of letters.
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"
_SPACED = re.compile(
    # The look-behind starts a match only where a run starts: without it every character of a long
    # run would be tried as a start, each with its own backtracking (quadratic on hostile text).
    r"(?<![A-Za-z0-9._%+\-])(?P<local>[A-Za-z0-9._%+\-]{1,64})\s+(?:at|@)\s+"
    rf"(?P<domain>{_LABEL}(?:(?:\s+dot\s+|\s*\.\s*){_LABEL}){{1,8}})"
    r"(?![A-Za-z0-9\-])",
    re.IGNORECASE,
)
_SPACED_HINT = re.compile(r"\s(?:[aA][tT]|@)\s")
_SPACED_DOT = re.compile(r"\s+dot\s+|\s*\.\s*", re.IGNORECASE)


@lru_cache(maxsize=1)
def confusable_table() -> dict[int, str]:
    """Non-ASCII characters that look like one Latin letter, digit or address character, from Unicode's
    confusables data (`confusable-homoglyphs`): {code point: replacement}, for `str.translate`."""
    data = resources.files("confusable_homoglyphs").joinpath("confusables.json").read_text("utf-8")
    groups: dict[str, list[dict[str, str]]] = json.loads(data)
    table: dict[int, str] = {}
    for char, homoglyphs in groups.items():
        if len(char) != 1 or char.isascii() or unicodedata.category(char) == "Nd":
            continue
        targets = [h["c"] for h in homoglyphs if h["c"] in _TARGETS]
        if not targets:
            continue
        # Prefer a letter of the same case (Greek capital omicron -> "O", small -> "o"), then any
        # letter, then the rest.
        targets.sort(key=lambda t: (not t.isalpha(), t.islower() != char.islower(), t))
        table[ord(char)] = targets[0]
    return table


@lru_cache(maxsize=1)
def _dropped() -> frozenset[int]:
    dropped = {cp for low, high in _IGNORABLE_RANGES for cp in range(low, high + 1)}
    return frozenset(dropped)


def _invisible(char: str) -> bool:
    category = unicodedata.category(char)
    return category in ("Cf", "Mn", "Me") or ord(char) in _dropped()


def _char_map(char: str) -> str:
    """What one character (already NFKC) becomes."""
    if char.isascii():
        return char
    if _invisible(char):
        return ""
    category = unicodedata.category(char)
    if category in ("Zs", "Zl", "Zp") or char in _BLANKS:
        return " "
    if category == "Nd":
        return str(unicodedata.digit(char))
    if category == "Pd":  # every dash (em, figure, non-breaking, wave...) separates digit groups as "-"
        return "-"
    return confusable_table().get(ord(char), char)


class _CharTable(dict[int, str]):
    """`_char_map` as a `str.translate` table, filled as characters are met (bounded: a full table is
    emptied and fills again with what is in use)."""

    _MAX_ENTRIES = 65_536

    def __missing__(self, code: int) -> str:
        if len(self) >= self._MAX_ENTRIES:
            self.clear()
        mapped = self[code] = _char_map(chr(code))
        return mapped


_CHARS = _CharTable()


def _unicode(text: str) -> str:
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    if not text.isascii():
        mapped = text.translate(_CHARS)
        # Dropping a mark can leave a composable pair: compose once more.
        if mapped != text and not unicodedata.is_normalized("NFKC", mapped):
            mapped = unicodedata.normalize("NFKC", mapped)
        text = mapped
    return text


def _bracketed(match: re.Match[str]) -> str:
    word = next(group for group in match.groups() if group is not None).lower()
    return "@" if word in ("at", "@") else "."


def _spaced(match: re.Match[str]) -> str:
    return match.group("local") + "@" + _SPACED_DOT.sub(".", match.group("domain"))


def _spelled(text: str) -> str:
    """Undo "[at]"/"(dot)" and the spaced " at "/" dot " forms of email addresses."""
    if "[" in text or "(" in text or "{" in text or "<" in text:
        text = _BRACKETED.sub(_bracketed, text)
    if _SPACED_HINT.search(text) is None:  # most text: no spaced "at" or "@" at all
        return text
    return _SPACED.sub(_spaced, text)


def normalise(text: str) -> str:
    """`text` as the detectors read it (see the module docstring); `text` itself when nothing changes."""
    if text.isascii():
        if text.isidentifier() or (
            ASCII_MARKS.search(text) is None and (" " not in text or ASCII_SPELLED.search(text) is None)
        ):
            return text
    else:
        # Before entities, so an invisible character inside "&#64;" cannot keep it from being decoded.
        text = _unicode(text)
    # Up to three layers ("&amp;#64;" is "&#64;" once decoded); an entity can spell a full-width or
    # invisible character ("&#xFF20;", "&shy;").
    for _ in range(_ENTITY_LAYERS):
        if "&" not in text:
            break
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded if decoded.isascii() else _unicode(decoded)
    return _spelled(text)
