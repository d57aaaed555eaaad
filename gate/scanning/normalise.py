"""Read text as it is meant, not as it is typed: the one normalisation at the scanner's entrance.

Every string the scanner reads (values and keys) passes `normalise` once before any detector sees it:

1. NFKC: full-width and compatibility forms (U+FF20 "@", U+FF11 "1", the "fi" ligature, mathematical
   letters) become plain ones.
2. Invisible characters are dropped: format characters (Unicode category Cf: zero-width space, joiners,
   soft hyphen, BOM, bidi controls, word joiner, tags), the other default-ignorable code points (variation
   selectors, combining grapheme joiner), control characters other than whitespace (C0, DEL, C1: text
   read in a narrower encoding than it was written in keeps its letters), lone surrogates (JSON's
   "\\ud800" escape, bytes read with surrogateescape) and the combining marks NFKC
   could not compose ("j̲o̲h̲n̲" reads "john"). What tag characters (U+E0020-E007E) spell in ASCII is
   appended as a line of its own ("ASCII smuggling": invisible when shown, read by machines).
3. Every space separator (Zs: no-break, narrow no-break, thin, figure, ideographic...) and the line and
   paragraph separators become " ", so "06 12 34 56 78" grouped the French way is a phone number.
   A right-to-left override (U+202E) shows the text after it reversed: that shown reading is appended
   as a line of its own ("\u202emoc.elpmaxe@nhoj" is seen as an address); a double prime is '"' (DMS).
4. Decimal digits of any script become 0-9 ("٠١٢" -> "012"), as the card and ID checksums read digits,
   and so do enclosed digits ("❶", "⓵"; "⑴" and "⒈" before NFKC wraps them in punctuation); every dash
   (Unicode Pd: en, em, figure, non-breaking...), the minus sign and the katakana prolonged-sound mark
   become "-", and the ideographic full stop (a label separator in IDNA) becomes ".".
5. Letters that look like Latin ones (Cyrillic U+0430 "a", Greek U+03BF "o", Cherokee...) become those,
   from Unicode's confusables data as the maintained `confusable-homoglyphs` package ships it (updated
   with Unicode; the table is built from its data on first use, never edited here). ASCII is never
   remapped: Unicode also lists "0" as confusable with "O", which would turn digits into letters.
6. HTML character references (named and numeric, with or without ";") are decoded, up to three layers.
7. Spelled-out email punctuation is undone: "[at]", "(at)", "{at}", "<at>", " at " and " @ " become "@";
   "[dot]", "(dot)", "{dot}", " dot " become "." (the bare " at "/" dot " forms only inside an
   address-shaped run: "john at example dot com", never "a cat at the beach"), in the languages of
   `_AT_WORDS` and `_DOT_WORDS` too ("arroba"/"punto", "собака"/"точка", "アット"/"ドット").

URL percent-encoding, base64 and backslash escapes are not undone here: `decoding.decoded_variants`
reads them as extra variants, each of which is normalised too. Findings name the pointer of the
original value; nothing here changes which value is reported. ASCII without "&", brackets, controls or
a spaced "at"/"dot"/"@" (or "@" word) is returned as is, after two regex searches (the common case in
generation parameters).
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Final

from gate.scanning import cue_words
from gate.scanning.disguises import spaced_reading
from gate.scanning.tries import trie_pattern

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
# Read as "-" besides the Pd dashes: minus sign, hyphen bullet, the katakana prolonged-sound mark
# (Japanese phone numbers are written "090ー1234ー5678"). The ideographic full stop is the label
# separator IDNA accepts in domain names ("example。com"): read as ".".
_MORE_DASHES = "\u2212\u2043\u30fc"
_FULL_STOPS = "\u3002"
# Digits NFKC would wrap in punctuation: parenthesized "⑴" becomes "(1)", "⒈" becomes "1.". Read
# before NFKC as the numbers they are (other enclosed digits, "❶", "⓵", are read by `_char_map`).
_WRAPPED_DIGITS = re.compile("[\u2474-\u249b]")
_WRAPPED_TABLE = {code: str((code - 0x2474) % 20 + 1) for code in range(0x2474, 0x249C)}
# Unicode tag characters (U+E0020-E007E) spell ASCII invisibly ("ASCII smuggling"): they are dropped
# from the text as shown, and what they spell is appended as a line of its own.
_TAG_RUN = re.compile("[\U000e0020-\U000e007e]+")
_TAG_TABLE = {code: chr(code - 0xE0000) for code in range(0xE0020, 0xE007F)}
# C0 controls other than whitespace (and DEL) are invisible: dropped, so text written in a wider
# encoding than it was read in ("j\0a\0n\0e", UTF-32 read as UTF-16) reads as the letters.
# The right-to-left override and the run it reverses on screen (up to the pop, an isolate's end or the
# line's end).
_RLO: Final = "\u202e"
_OVERRIDE_RUN = re.compile("\u202e([^\u202c\u2069\n\u202e]*)")
_DOUBLE_PRIME: Final = "\u2033"
_ASCII_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x7f]+")

# ASCII text needs work only with a character reference, a bracket, whitespace other than " ", or a
# spaced "at", "dot" or "@" (the walk inlines this test: two searches, the second only with a space,
# cost less than one regex with both alternatives).
ASCII_MARKS = re.compile(r"[&\[({<\t\n\r\x0b\x0c\x00-\x08\x0e-\x1b\x7f]")


def _caseless_words(words: tuple[str, ...]) -> str:
    """An alternation of `words` in either case, grouped by first letter: each branch fails on one
    character comparison, which costs a third of what one IGNORECASE alternation of the words does."""
    groups: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        groups.setdefault(word[0], []).append(word[1:])

    def caseless(text: str) -> str:
        return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c) for c in text)

    return "|".join(
        caseless(first) + "(?:" + "|".join(caseless(rest) for rest in tails) + ")"
        for first, tails in groups.items()
    )


# A spaced "at", "dot" or "@", or a word for "@" in another language as typed in ASCII (the others are
# in `_AT_WORDS`).
_ASCII_AT_WORDS = ("at", "dot", "atmark", "arroba", "arobase", "arobas", "chez", "klammeraffe", "chiocciola",
                   "apenstaartje", "kukac", "snabel-a", "malpa", "zavinac", "arond", "a rond", "arrova",
                   "majmunce", "krollalfa", "at the rate", "et", "a cong")  # fmt: skip
# Also three one-character words in a row ("j a n e"): a value spelled one character per space
# (`disguises.spaced_reading`).
ASCII_SPELLED = re.compile(f" (?:(?:{_caseless_words(_ASCII_AT_WORDS)}|@) |\\S +\\S +\\S)")
# The same test in two parts, for printable text: the spaced words as cue words (`cue_words`, whose one
# pass over the lower-cased text `text_facts` makes next anyway, so it is read from its one-entry memory
# there), then the one-character words alone, which a regex with a literal prefix finds fast.
_SPACED_AT_BIT = (
    cue_words.register(tuple(f" {word} " for word in (*_ASCII_AT_WORDS, "@"))) if cue_words.AVAILABLE else 0
)
_ONE_CHARACTER_WORDS = re.compile(r" \S +\S +\S")


def _ascii_spelled(text: str) -> bool:
    """Whether `ASCII_SPELLED` finds something in `text` (ASCII with a space)."""
    if _SPACED_AT_BIT and text.isprintable():
        lower = text.lower()
        # A double space: `text_facts` reads another view of the text, so the cue-word pass is not shared.
        if "  " not in lower:
            return cue_words.holds(lower, _SPACED_AT_BIT) or _ONE_CHARACTER_WORDS.search(text) is not None
    return ASCII_SPELLED.search(text) is not None


# The words people write for "@" and "." in addresses, in several languages. They are matched in their
# normalised form (`_spelled_patterns`): "собака" reads "co6aкa" once look-alike letters are mapped.
_AT_WORDS = (
    "at", "at sign", "at-sign", "atmark", "arroba", "arobase", "arobas", "chez", "klammeraffe", "chiocciola",
    "apenstaartje", "kukac", "snabel-a", "małpa", "malpa", "zavináč", "zavinac", "собака", "παπάκι",
    # (text11) Romanian, Catalan, Serbian, Norwegian, Indonesian/Croatian "et", German/Finnish "ät",
    # Vietnamese, Thai, Persian, Ukrainian, Russian, Bulgarian, Hebrew, Indian English, Hindi, Bengali, Tamil
    "arond", "a rond", "arrova", "majmunče", "majmunce", "krøllalfa", "krollalfa", "et", "ät", "a còng",
    "a cong", "แอท", "ات", "равлик", "собачка", "маймунка", "кльомба", "שטרודל", "at the rate",
    "at the rate of", "एट", "অ্যাট", "அட்",
    # (text18) Hindi "commercial at", Finnish "ät sign", Turkish "at sign", Arabic "at" with its madda
    "कमर्शियल एट", "ät-merkki", "at-merkki", "et işareti", "at işareti", "آت",
)  # fmt: skip
_DOT_WORDS = (
    "dot", "period", "punto", "point", "punkt", "punt", "pont", "ponto", "kropka", "tečka", "tecka",
    "точка", "nokta", "piste", "τελεία",
    "punktum", "tačka", "tacka", "točka", "tocka", "bodka", "punct", "крапка", "נקודה", "titik", "nukta",
    "chấm", "cham", "ดอท", "دوت", "دات", "نقطة", "डॉट", "ডট", "டாட்",
)  # fmt: skip
# Written without spaces around them in Japanese, Chinese and Korean text.
_CJK_AT_WORDS = ("アットマーク", "アット", "艾特", "골뱅이", "小老鼠", "圈a", "圈A")
_CJK_DOT_WORDS = ("ドット", "点", "點", "닷")
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"
_SPACED_DOT = re.compile(r"\s\.|\.\s")


def _forms(words: tuple[str, ...]) -> set[str]:
    return {form for word in words for form in (word, _unicode(word), _unicode(word.upper()))}


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(form) for form in sorted(_forms(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _spelled_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(bracketed, spaced, spaced hint, spaced dot) patterns, built once the confusable table is. The hint
    is a spaced "at" word or "@" (the CJK words, which need no space, are `_cjk_at_forms`)."""
    at, dot = _alternatives(_AT_WORDS), _alternatives(_DOT_WORDS)
    cjk_at, cjk_dot = _alternatives(_CJK_AT_WORDS), _alternatives(_CJK_DOT_WORDS)
    word = rf"(?P<{{}}>{at}|@|{dot}|\.|{cjk_at}|{cjk_dot})"
    # The surrounding whitespace goes too ("jane [at] example"). A match may start only where a
    # whitespace run starts (the look-behind), so a long run is not tried from each of its characters.
    bracketed = re.compile(
        rf"(?<!\s)\s*+(?:\[\s*+{word.format('a1')}\s*+\]|\(\s*+{word.format('a2')}\s*+\)"
        rf"|\{{\s*+{word.format('a3')}\s*+\}}|<\s*+{word.format('a4')}\s*+>)\s*+",
        re.IGNORECASE,
    )
    # An address with its "@" or "." spelled with spaces: local part, " at " / " @ ", then labels
    # joined by " dot " or ".", ending in a label of letters. The look-behind starts a match only where
    # a run starts: without it every character of a long run would be tried as a start (quadratic).
    separator = rf"(?:\s+(?:{dot})\s+|\s*(?:\.|{cjk_dot})\s*)"
    spaced = re.compile(
        rf"(?<![A-Za-z0-9._%+\-])(?P<local>[A-Za-z0-9._%+\-]{{1,64}})(?:\s+(?:{at}|@)\s+|\s*(?:{cjk_at})\s*)"
        rf"(?P<domain>{_LABEL}(?:{separator}{_LABEL}){{1,8}})"
        r"(?![A-Za-z0-9\-])",
        re.IGNORECASE,
    )
    # A form whose lower case is a form too adds nothing under IGNORECASE ("AT" beside "at").
    forms = _forms(_AT_WORDS)
    forms = {
        form for form in forms if not (form.isascii() and form.lower() != form and form.lower() in forms)
    }
    # The characters a form starts with, checked first at each whitespace: the trie's first level is an
    # alternation of some thirty characters compared one by one (3.9 -> ~1.3 us a European prompt).
    firsts = "".join(sorted({re.escape(form[0]) for form in forms | {"@"}}))
    hint = re.compile(rf"\s(?=[{firsts}]){trie_pattern(forms | {'@'}, whole=True)}\s", re.IGNORECASE)
    return bracketed, spaced, hint, re.compile(separator, re.IGNORECASE)


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
    if category == "Mn" and _SCRIPT_MARK.match(char) is not None:
        return False  # a vowel sign or virama of a Brahmic script or Thai: a part of its letter
    # Control characters (C0 beyond ASCII's, C1) other than whitespace are invisible too.
    return (
        category in ("Cf", "Cs", "Mn", "Me")
        or ord(char) in _dropped()
        or (category == "Cc" and not char.isspace())
    )


def _char_map(char: str) -> str:
    """What one character (already NFKC) becomes."""
    if char.isascii():
        return "" if _ASCII_CONTROLS.match(char) else char
    if _invisible(char):
        return ""
    category = unicodedata.category(char)
    if category in ("Zs", "Zl", "Zp") or char in _BLANKS:
        return " "
    if category == "Nd":
        return str(unicodedata.digit(char))
    if category == "Pd" or char in _MORE_DASHES:  # every dash separates digit groups as "-"
        return "-"
    if char in _FULL_STOPS:
        return "."
    if category == "No":  # enclosed digits NFKC leaves alone ("❶", "⓵", "➀"): the number they show
        number = unicodedata.numeric(char, -1.0)
        if number >= 0 and number == int(number):
            return str(int(number))
    return confusable_table().get(ord(char), char)


# At module level, not a class attribute: mypyc compiles `_CharTable` (a dict subclass) without
# class attributes.
_MAX_CHAR_ENTRIES: Final = 65_536


class _CharTable(dict[int, str]):
    """`_char_map` as a `str.translate` table, filled as characters are met (bounded: a full table is
    emptied and fills again with what is in use)."""

    def __missing__(self, code: int) -> str:
        if len(self) >= _MAX_CHAR_ENTRIES:
            self.clear()
        mapped = self[code] = _char_map(chr(code))
        return mapped


_CHARS = _CharTable()
# The Brahmic scripts of South Asia (Devanagari to Sinhala) and Thai write vowels and viramas as
# combining marks (category Mn) that belong to the letter before them ("नेहा शर्मा" without them is
# "नहा शरमा"): those are kept, and dropped as any other mark where they follow no letter of these
# scripts ("j\u094do\u094dh\u094dn" reads "john").
_SCRIPT_MARK = re.compile("[\u0900-\u0dff\u0e00-\u0e7f]")
_ORPHAN_SCRIPT_MARKS = re.compile("(?<![\u0900-\u0dff\u0e00-\u0e7f])[\u0900-\u0dff\u0e00-\u0e7f]+")


def _orphan_marks(match: re.Match[str]) -> str:
    """A run of Brahmic or Thai characters after no letter of those scripts, without its leading marks."""
    run = match.group()
    start = 0
    while start < len(run) and unicodedata.category(run[start]) == "Mn":
        start += 1
    return run[start:]


def _visual(text: str) -> str:
    """`text` with each right-to-left override run in the order it is shown (reversed)."""
    return _OVERRIDE_RUN.sub(lambda run: run.group(1)[::-1], text)


# Combining diacritical marks typed as characters of their own, after a letter of any script.
_TYPED_ACCENTS = re.compile("(?<=[^\\W\\d_])[\u0300-\u036f]+")

# Characters up to Cyrillic are checked for being their own reading (`_changes`).
_CHECKED_CHARS: Final = 0x530


@lru_cache(maxsize=1)
def _changes() -> re.Pattern[str]:
    """A character `_unicode` may change, drop or read more into: any but those up to Cyrillic that
    `_char_map` keeps as they are and that NFKC leaves alone wherever they stand (no combining class)."""
    kept = "".join(
        chr(code)
        for code in range(_CHECKED_CHARS)
        if _char_map(chr(code)) == chr(code)
        and unicodedata.combining(chr(code)) == 0
        and unicodedata.normalize("NFKC", chr(code)) == chr(code)
    )
    return re.compile(f"[^{re.escape(kept)}]")


def _unicode(text: str) -> str:
    # Most text in Latin, Greek or Cyrillic letters is its own reading: one search decides it, instead of
    # a tag search, a translate that looks every character up and a script-mark search.
    if _changes().search(text) is None and unicodedata.is_normalized("NFKC", text):
        return text
    return unicode_read(text)


def unicode_read(text: str) -> str:
    """Steps 1 to 5 of the module docstring, character by character (`_unicode` without its shortcut)."""
    hidden = _TAG_RUN.findall(text)
    # A right-to-left override shows the characters after it reversed: "\u202emoc.elpmaxe@nhoj" is
    # seen as an address. The text is read in both orders (the shown one as a line of its own).
    shown = _visual(text) if _RLO in text else None
    # (text17) Combining accents typed after a letter ("fe\u0308cha", "si\u0308nh") compose into another
    # letter, and a cue word no longer reads: the text without the marks typed is read too, as a line of
    # its own (letters written precomposed keep their accents: "doğum" stays).
    unmarked = _TYPED_ACCENTS.sub("", text) if _TYPED_ACCENTS.search(text) is not None else None
    if _DOUBLE_PRIME in text:  # before NFKC, which spells it as two primes (DMS seconds)
        text = text.replace(_DOUBLE_PRIME, '"')
    if not unicodedata.is_normalized("NFKC", text):
        if _WRAPPED_DIGITS.search(text) is not None:
            text = text.translate(_WRAPPED_TABLE)
        text = unicodedata.normalize("NFKC", text)
    if not text.isascii():
        mapped = text.translate(_CHARS)
        if _SCRIPT_MARK.search(mapped) is not None:
            mapped = _ORPHAN_SCRIPT_MARKS.sub(_orphan_marks, mapped)
        # Dropping a mark can leave a composable pair: compose once more.
        if mapped != text and not unicodedata.is_normalized("NFKC", mapped):
            mapped = unicodedata.normalize("NFKC", mapped)
        text = mapped
    else:  # ASCII once NFKC was done ("\x08ª"): its controls go as in ASCII text
        text = _ASCII_CONTROLS.sub("", text)
    if hidden:
        text += "\n" + " ".join(run.translate(_TAG_TABLE) for run in hidden)
    if shown is not None:
        text += "\n" + _unicode(shown)
    if unmarked is not None:
        text += "\n" + _unicode(unmarked)
    return text


@lru_cache(maxsize=1)
def _dot_forms() -> frozenset[str]:
    words = _DOT_WORDS + _CJK_DOT_WORDS
    return frozenset(
        {".", *(form.lower() for word in words for form in (word, _unicode(word), _unicode(word.upper())))}
    )


def _bracketed(match: re.Match[str]) -> str:
    word = next(group for group in match.groups() if group is not None).lower()
    return "." if word in _dot_forms() else "@"


def _spaced(match: re.Match[str]) -> str:
    typed = match.group("domain")
    domain = _spelled_patterns()[3].sub(".", typed)
    tld = domain.rpartition(".")[2]
    if tld.istitle() and len(tld) > 1 and _SPACED_DOT.search(typed) is not None:
        return match.group()  # "look at me. Art deco style" is a sentence, not "look@me.art"
    local, first = match.group("local"), domain.partition(".")[0]
    if local.isalpha() and first.istitle() and "@" not in match.group():
        return match.group()  # "chez Fnac point com", "Pierre et Marie point de croix": words, a shop
    return match.group("local") + "@" + domain


def _spelled(text: str) -> str:
    """Undo "[at]"/"(dot)" and the spaced " at "/" dot " forms of email addresses, in any of the
    languages of `_AT_WORDS` and `_DOT_WORDS`."""
    bracketed, spaced, _, _ = _spelled_patterns()
    if "[" in text or "(" in text or "{" in text or "<" in text:
        text = bracketed.sub(_bracketed, text)
    if not spelled_at_hint(text):  # most text: no spaced "at" or "@", nor a CJK one, at all
        return text
    return spaced.sub(_spaced, text)


def spelled_at_hint(text: str) -> bool:
    """True if `text` has an "at" word of `_AT_WORDS` or "@" between spaces, or a CJK one anywhere: what
    a spelled-out address cannot be without."""
    return _spelled_patterns()[2].search(text) is not None or (not text.isascii() and _cjk_at(text))


@lru_cache(maxsize=1)
def _cjk_at_forms() -> tuple[str, ...]:
    # Caseless scripts but for "圈a", whose "A" form is listed too: substring tests match as
    # the IGNORECASE pattern would.
    return tuple(_forms(_CJK_AT_WORDS))


def _cjk_at(text: str) -> bool:
    """True if `text` holds a CJK "at" word (which needs no space around it)."""
    for form in _cjk_at_forms():  # noqa: SIM110 - a plain loop: faster than any() over a generator
        if form in text:
            return True
    return False


# (text17) A domain's dot and its top-level domain written in another script, as people say them: Korean
# "점" (point) between the labels after "@" ("kim@naver점com"), and "com"/"net" transliterated after a dot
# ("hotmail dot คอม", "naver.컴", "example.コム"): read as the ASCII they stand for.
_SCRIPT_TLDS = {"คอม": "com", "컴": "com", "コム": "com", "เน็ต": "net", "넷": "net", "ネット": "net",
                # (text18) Devanagari and Arabic "com"
                "कॉम": "com", "كوم": "com"}  # fmt: skip
_SCRIPT_DOMAIN_HINT = re.compile("점|" + "|".join(_SCRIPT_TLDS))
_SCRIPT_TLD = re.compile(
    r"(?<=[A-Za-z0-9])(?:\s*(?:\.|점|닷|ドット|ดอท)\s*|\s+(?:dot|डॉट|دوت|دات)\s+)("
    + "|".join(_SCRIPT_TLDS)
    + r")(?!\w)",
    re.IGNORECASE,
)
_KOREAN_DOT = re.compile(r"(@[A-Za-z0-9\-]{1,63})점(?=[A-Za-z]{2})")


def _script_domains(text: str) -> str:
    text = _KOREAN_DOT.sub(r"\1.", text)
    return _SCRIPT_TLD.sub(lambda match: "." + _SCRIPT_TLDS[match.group(1)], text)


def normalise(text: str) -> str:
    """`text` as the detectors read it (see the module docstring); `text` itself when nothing changes."""
    if text.isascii():
        if text.isidentifier() or (
            ASCII_MARKS.search(text) is None and (" " not in text or not _ascii_spelled(text))
        ):
            return text
        text = _ASCII_CONTROLS.sub("", text)
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
    # A value spelled one character per space ("j a n e . d o e @ ...") is read joined (before the
    # spelled-out "at"/"dot", which may then appear: "j a n e   a t   ...").
    joined = spaced_reading(text)
    text = text if joined is None else joined
    if not text.isascii() and _SCRIPT_DOMAIN_HINT.search(text) is not None:
        text = _script_domains(text)
    return _spelled(text)


def as_written_and_read(words: Iterable[str]) -> set[str]:
    """Each of `words` as written and as `normalise` reads it (look-alike letters mapped to Latin:
    "счёт" is read "cчёт"): the forms a cue-word pattern or prefilter must match, whichever it is given."""
    return {form for word in words for form in (word, normalise(word))}
