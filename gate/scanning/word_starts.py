# ruff: noqa: RUF001 - quotation marks and dashes of many languages, on purpose
"""Where a cue word can start in a text: the keys (first `KEY_CHARS` characters, as `normalise` reads them)
of every `lexicon.Cues`, found in one pass per text, with the bits of the classes whose keys start at
each word start. `lexicon.Cues` registers its keys here and reads the starts back (`CuedPattern`)."""

from __future__ import annotations

import operator
import re
from typing import Any

from gate.scanning import cue_words

# A cue word's key: its first characters in one of its readings.
KEY_CHARS = 5

# The keys of every `Cues`, in one trie searched once per text: the detectors read the same text one
# after another, so the last text's answer is kept.
_KEYS: set[str] = set()
# Each key's bits: those of the `Cues` that hold it (`Cues.bit`).
_KEY_BITS: dict[str, int] = {}
_shared: list[re.Pattern[str] | None] = [None]
_last: tuple[str, tuple[int, ...]] = ("", ())
# The bits of the last text's word starts, one per start of `_last` (the `Cues` whose keys start there).
_last_bits: tuple[str, tuple[int, ...]] = ("", ())


# Before the search, a cheaper test: does a word of the text (split at whitespace and punctuation) start
# like a key, read the same way? ("ad s" is tested by "ad", "d.o." by "d".)
_GATE: set[str] = set()
# (public for regexes led by cue words that stand after other signs: `phone_shapes.after_reference`)
PUNCT_CHARS = "\"'([{<«„“‚‘,;:.!?)]}>»”’-–—/\\|*¡¿#+=~&_@%^`‹›•·「」『』【】〈〉《》、。・"
_PUNCT = str.maketrans(dict.fromkeys(PUNCT_CHARS, " "))
# The same split for text that is not ASCII, where str.translate looks every character up in a dict:
# one regex split is several times faster. (`\s` is str.isspace, as str.split reads whitespace; the
# empty strings the split leaves at either end are never in `_GATE`.)
_SEPARATORS = re.compile("[\\s" + re.escape(PUNCT_CHARS) + "]+")
# A word's first `KEY_CHARS` characters, as a C-level callable, so the gate test is one set.isdisjoint
# over a map, without a Python loop over the words.
_KEY_PREFIX = operator.itemgetter(slice(None, KEY_CHARS))
# ASCII text is split as bytes (bytes.translate is a table lookup per byte): the same words, since the
# ASCII characters str.split reads as whitespace and bytes.split does not (U+001C-U+001F) become spaces.
_ASCII_PUNCT = bytes.maketrans(
    (_ASCII_PUNCT_CHARS := "".join(ch for ch in PUNCT_CHARS if ch.isascii()) + "\x1c\x1d\x1e\x1f").encode(),
    b" " * len(_ASCII_PUNCT_CHARS),
)
_ASCII_GATE: set[bytes] = set()


def register(keys: frozenset[str]) -> int:
    """Registers a `Cues`'s keys; its bit."""
    bit = 1 << len(_CUES_BITS)
    _CUES_BITS.append(bit)
    _KEYS.update(keys)
    for key in keys:
        _KEY_BITS[key] = _KEY_BITS.get(key, 0) | bit
    _GATE.update(words[0] for key in keys if (words := key.translate(_PUNCT).split()))
    _ASCII_GATE.update(word.encode() for word in _GATE if word.isascii())
    _shared[0] = None
    _key_occurrences[0] = None
    return bit


_CUES_BITS: list[int] = []


# Lower-case letters of the Latin (ASCII and Latin-1), Greek and Cyrillic alphabets: after one of
# these no word starts (each is a letter: str.isalpha, tested).
_IN_WORD = "a-zß-öø-ÿά-ώа-џ"


def _key_search() -> re.Pattern[str]:
    """One regex for every key, as a trie: the regex engine tries an alternation's branches one by one,
    so shared prefixes are tried once. A key shorter than `KEY_CHARS` is a whole word ("tel", "ul.",
    "né"): a letter may not follow it.

    The trie is tried only where a word can start: not after a letter of `_IN_WORD` (a look-behind that
    fails at once inside a word, where a prompt has most of its characters; the trie's first branch
    alone has dozens of letters to try). `_word_starts` still drops a start after any other letter.
    And it is read in a look-ahead, so a match consumes nothing: every word start where a key matches
    is found, also one that a key read from inside the word before would have covered ("photo on": a
    consuming search took "to on" and skipped the word start of "on")."""
    tree: dict[str, Any] = {}
    for key in _KEYS:
        node = tree
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = len(key) < KEY_CHARS and key[-1].isalpha()
    return re.compile(f"(?<![{_IN_WORD}])(?={_trie(tree)})")


def _trie(node: dict[str, Any]) -> str:
    branches = [re.escape(ch) + _trie(child) for ch, child in sorted(node.items()) if ch]
    if "" in node:
        branches.append(r"(?![^\W\d_])" if node[""] else "")
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def starts_and_bits(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """`_word_starts(text)` and, for each start, the bits of the `Cues` one of whose keys starts there
    (-1, every class, where the keys were searched without the automaton)."""
    last, last_bits = _last, _last_bits
    if last[0] is text and last_bits[0] is text:  # both made from this string object
        return last[1], last_bits[1]
    return _find_starts(text)


def _word_starts(text: str) -> tuple[int, ...]:
    """Where a word of `text` starts with some cue word's key (lower-cased: keys are lower case)."""
    last = _last
    if last[0] is text:  # the detectors read the same string object one after another
        return last[1]
    return _find_starts(text)[0]


def _find_starts(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """`starts_and_bits`, found (and kept as the last text's answer)."""
    global _last, _last_bits  # noqa: PLW0603 - one entry each, replaced whole (safe to read from any thread)
    lower = text.lower()
    if len(lower) != len(text):  # "İ" lowers to two characters: positions would move
        lower = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    if (
        _ASCII_GATE.isdisjoint(map(_KEY_PREFIX, lower.encode().translate(_ASCII_PUNCT).split()))
        if lower.isascii()
        else _GATE.isdisjoint(map(_KEY_PREFIX, _SEPARATORS.split(lower)))
    ):
        _last = (text, ())
        _last_bits = (text, ())
        return (), ()
    if cue_words.AVAILABLE:
        starts, bits = _key_starts(lower)
    else:
        search = _shared[0]
        if search is None:
            search = _shared[0] = _key_search()
        starts = tuple(
            begin
            for found in search.finditer(lower)
            if (begin := found.start()) == 0 or not lower[begin - 1].isalpha()
        )
        bits = (-1,) * len(starts)
    _last = (text, starts)
    _last_bits = (text, bits)
    return starts, bits


# The keys again, for `cue_words.Occurrences`: the automaton, per key whether it is a whole word
# (`_key_search`: shorter than `KEY_CHARS` and ending in a letter, so no letter may follow it) and its
# bits (`_KEY_BITS`).
_key_occurrences: list[tuple[cue_words.Occurrences, list[bool], list[int]] | None] = [None]


def _key_starts(lower: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """What `_key_search` finds in `lower` after a non-letter, from one Aho-Corasick pass: every
    occurrence of a key at a word start, where a whole-word key is not followed by a letter
    ("[^\\W\\d_]": alphanumeric, not a decimal digit); and per start the bits of the keys found there."""
    built = _key_occurrences[0]
    if built is None:
        keys = sorted(_KEYS)
        whole = [len(key) < KEY_CHARS and key[-1].isalpha() for key in keys]
        built = _key_occurrences[0] = (
            cue_words.Occurrences(keys),
            whole,
            [_KEY_BITS.get(key, -1) for key in keys],
        )
    occurrences, whole, key_bits = built
    size = len(lower)
    found: dict[int, int] = {}
    for index, begin, end in occurrences.find(lower):
        if begin and lower[begin - 1].isalpha():
            continue
        if whole[index] and end < size and (after := lower[end]).isalnum() and not after.isdecimal():
            continue
        found[begin] = found.get(begin, 0) | key_bits[index]
    starts = tuple(sorted(found))
    return starts, tuple(found[begin] for begin in starts)
