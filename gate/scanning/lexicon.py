"""Cue words of many languages and scripts (data/cues.toml), as regexes that find them in scanned text.

The scanner reads text after `normalise`, which maps letters that look like Latin ones to those: a Greek
"κινητό" reaches the detectors as "κivητό", its capital form "ΚΙΝΗΤΟ" as "KlNHTO", a Cyrillic "телефон"
as "тeлeфoн". So a cue word is not searched as written: each of its letters becomes the class of every
form it can take after `normalise`, in either case, with or without its accent ("ό" is [όΌοΟoO]).
The tables are data; this module only compiles them.
"""

# ruff: noqa: RUF002, RUF003 - Greek, Cyrillic and look-alike letters, on purpose
from __future__ import annotations

import re
import tomllib
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from typing import Any

from gate.scanning.charsets import reused_charsets
from gate.scanning.context import fold_accents
from gate.scanning.cue_words import key_prefilter
from gate.scanning.normalise import normalise
from gate.scanning.script_facts import unspaced
from gate.scanning.word_starts import KEY_CHARS, register, starts_and_bits

# Scripts written without spaces between words (and Korean, whose particles join the word before:
# "주소는"): their cue words match anywhere, without word boundaries. Arabic and Hebrew words take
# prefixes ("לכתובת", "بالعنوان"), but short cue words match inside too many others ("מר" in "שמרים"):
# they are whole words here, and the tables list the prefixed forms that matter.
_UNSPACED = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "THAI")


# Letters a name can be written in, by case, after `normalise` (Latin, Greek and Cyrillic, whose
# letters may have become Latin look-alikes; Latin Extended-A mixes cases letter by letter; the
# Azerbaijani schwa, "Əliyev", "Nurşərəf").
UPPER = "A-ZÀ-ÖØ-ÞĀ-žȘȚΆ-ΏΑ-ΩЀ-ЯѢҐƏ"
LOWER = "a-zß-öø-ÿĀ-žșțά-ώа-џѣґə"
# Letters of scripts without case, as names are written in them: Hebrew, Arabic (and Persian), the
# Brahmic scripts of South Asia (Devanagari to Sinhala, with their vowel signs), Thai, Han, kana and
# Hangul.
CASELESS = (
    "\u05d0-\u05ea\u0620-\u064a\u066e-\u06d3\u0900-\u0963\u0971-\u09e3\u09f0-\u0ae3\u0af0-\u0be5"
    "\u0bf0-\u0de5\u0df0-\u0dff\u0e01-\u0e3a\u0e40-\u0e4e"
    "\u3041-\u3096\u30a1-\u30fa\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3"
)


@cache
def table() -> dict[str, dict[str, list[str]]]:
    """The cue table: class -> language -> words."""
    text = resources.files("gate.scanning").joinpath("data", "cues.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def words(*sections: str) -> tuple[str, ...]:
    """Every word of these classes, in every language, longest first (so "τηλ." is tried before "τηλ")."""
    # In NFKC, as `normalise` leaves text: Thai "ำ" is "ํา" there.
    found = {
        unicodedata.normalize("NFKC", word)
        for section in sections
        for language in table()[section].values()
        for word in language
    }
    return tuple(sorted(found, key=lambda word: (-len(word), word)))


def _unspaced(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith(_UNSPACED)


@cache
def _forms(ch: str) -> frozenset[str]:
    """Every character `ch` can be after `normalise`, in either case, with or without its accent
    (held per character: the tables spell their thousands of words with a few hundred)."""
    forms: set[str] = set()
    for variant in {ch, ch.lower(), ch.upper(), fold_accents(ch), fold_accents(ch).upper()}:
        for form in (variant, normalise(variant)):
            forms |= {form, form.lower(), form.upper()}
    return frozenset(form for form in forms if len(form) == 1)


@cache
def _letter(ch: str) -> str:
    if ch == " ":
        return r"\s+"
    if ch.isascii():
        return re.escape(ch)
    if not normalise(ch):
        # A mark `normalise` drops (the vowel signs of Telugu, Thai, Devanagari's nukta): the text may
        # hold it or not.
        return "(?:" + re.escape(ch) + ")?"
    forms = _forms(ch)
    if len(forms) == 1:
        return re.escape(ch)
    return "[" + "".join(re.escape(form) for form in sorted(forms)) + "]"


# What a cue word that must start a word begins with (`word_pattern`).
_WORD_START = "(?<!\\w)"


def word_pattern(word: str) -> str:
    """A regex for `word` as it may read after `normalise`, in any case (see the module docstring)."""
    stem = word.endswith("*")
    body = word.rstrip("*")
    out = "".join(_letter(ch) for ch in body)
    if stem:
        out += r"\w*"
    spaced_start = body[:1].isalnum() and not _unspaced(body[0])
    spaced_end = body[-1:].isalnum() and not _unspaced(body[-1]) and not stem
    return (_WORD_START if spaced_start else "") + out + ("(?!\\w)" if spaced_end else "")


def pattern(cue_words: Iterable[str]) -> str:
    """One alternation of `word_pattern`s, in any case (the words as given: longest first wins).

    Neighbouring words that must start a word share one look-behind: "(?<!\\w)(?:a|b)" tries the same
    words in the same order at the same positions as "(?<!\\w)a|(?<!\\w)b", so it matches the same, but
    inside a word the engine fails once instead of once per word (an alternation of a hundred
    occasions was seven times slower on a prompt)."""
    branches: list[str] = []
    run: list[str] = []
    for word in cue_words:
        body = word_pattern(word)
        if body.startswith(_WORD_START):
            run.append(body[len(_WORD_START) :])
            continue
        branches.extend(_word_start_group(run))
        run = []
        branches.append(body)
    branches.extend(_word_start_group(run))
    return "(?i:" + "|".join(branches) + ")"


def _word_start_group(bodies: list[str]) -> list[str]:
    """`bodies` (words without their look-behind) as one branch behind one look-behind (none if empty)."""
    if not bodies:
        return []
    return [_WORD_START + (bodies[0] if len(bodies) == 1 else "(?:" + "|".join(bodies) + ")")]


# A spaced cue word is tried at a word start only if its first letters (each as every form it can take)
# can be read there: one match of a trie of those letters, instead of the alternation of every word of
# the class (which costs the same whether a word of it starts there or only another class's key did).
_PREFIX_LETTERS = 3


def prefix_pattern(cue_words: Iterable[str]) -> str:
    """A regex that matches wherever one of `cue_words` (as `word_pattern` reads them) can start: the
    first `_PREFIX_LETTERS` letters of each, as a trie, in any case. A filter only: it matches where
    a word matches, and more."""
    tree: dict[str, Any] = {}
    for word in cue_words:
        node = tree
        for ch in word.rstrip("*")[:_PREFIX_LETTERS]:
            node = node.setdefault(_letter(ch), {})
        node[""] = {}
    return "(?i:" + _prefix_trie(tree) + ")"


def _prefix_trie(node: dict[str, Any]) -> str:
    if "" in node:
        return ""  # a word's prefix ends here: what follows need not be read
    branches = [token + _prefix_trie(child) for token, child in sorted(node.items())]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


@cache
def _skeletons(word: str) -> frozenset[str]:
    """What `word` reads as in a `cue_view` (lower case, after `normalise`), in its usual cases (held per
    word: classes share words, and `Cues` asks twice)."""
    body = word.rstrip("*")
    out = set()
    for variant in (body, body.upper(), body.capitalize(), fold_accents(body), fold_accents(body).upper()):
        out.add(" ".join(normalise(variant).lower().split()))
    return frozenset(out)


def readings(word: str) -> frozenset[str]:
    """What a cue word reads as in normalised text, lower-cased, with and without its accents."""
    return frozenset(_skeletons(word) | {fold_accents(reading) for reading in _skeletons(word)})


class Cues:
    """The cue words of some classes of the table, found fast.

    A regex of hundreds of words in several scripts, each letter a class of its forms, tries every word
    at every position; so a cue word is tried only where the lower-cased text holds its key, its first
    `KEY_CHARS` characters in one of its readings ("ΚΙΝΗΤΟ" reads "klnhto", "κινητό" "κivητό"), found
    with one search of a trie of the keys. Words of scripts without spaces ("住所", "כתובת") are
    searched for in text that is not ASCII only.
    """

    def __init__(self, *sections: str) -> None:
        cue_words = words(*sections)
        # Types declared: mypyc compiles this class to C and cannot infer them through the import cycle.
        self.spaced: tuple[str, ...] = tuple(word for word in cue_words if not _unspaced(word[0]))
        self.unspaced: tuple[str, ...] = tuple(word for word in cue_words if _unspaced(word[0]))
        # A word's key: the first `KEY_CHARS` characters of each of its readings ("d.o.", "тeлe").
        self.keys: frozenset[str] = frozenset(
            reading[:KEY_CHARS] for word in self.spaced for reading in _skeletons(word)
        )
        # This class's bit in the word starts' bits (`starts_and_bits`): its patterns try only where
        # one of its own keys starts.
        self.bit: int = register(self.keys)
        # Every reading that is ASCII: all of a Latin-script word's, and a Greek or Cyrillic word's when
        # its capitals all read as Latin look-alikes ("ΚΙΝΗΤΟ" -> "klnhto").
        self.ascii_readings: tuple[str, ...] = tuple(
            sorted({reading for word in cue_words for reading in _skeletons(word) if reading.isascii()})
        )
        # Every character a word without spaces can start with, in any of its forms: text with none of
        # them cannot hold one, and one search of a character class says so (the alternation of the
        # words would try every word at every position).
        starts = sorted({form for word in self.unspaced for form in _forms(word[0]) | {word[0]}})
        if not all(map(unspaced, starts)):
            # (scanfast23) the plan's cue gates close on text without `HAS_UNSPACED` (`cue_bit`)
            raise ValueError(f"words of {sections} start outside script_facts.HAS_UNSPACED")
        self._unspaced_start = (
            re.compile("(?i:[" + "".join(map(re.escape, starts)) + "])") if starts else None
        )
        self._spaced_start = re.compile(prefix_pattern(self.spaced)) if self.spaced else None
        # The keys as the cue-word automaton reads a text's `cue_view` (`cue_words.key_prefilter`).
        self.word_bit, self.short_keys = key_prefilter(self.keys)
        self._any = self.then("")

    def then(self, tail: str) -> CuedPattern:
        """The cue words followed by the regex `tail` (case-insensitive for the cue words only)."""
        made = CuedPattern(
            pattern(self.spaced) + tail if self.spaced else None,
            pattern(self.unspaced) + tail if self.unspaced else None,
            self._unspaced_start,
            self._spaced_start,
            self.bit,
            word_bit=self.word_bit,
            short_keys=self.short_keys,
        )
        _MADE.append(made)
        return made

    def found(self, text: str) -> bool:
        """True if `text` holds one of the cue words."""
        return self._any.search(text) is not None

    def may_be_found(self, text: str, view: str, cues: int) -> bool:
        """False when `found(text)` is False for certain (`CuedPattern.may_match`)."""
        return self._any.may_match(text, view, cues)

    def before(self, text: str, start: int, window: int = 32) -> bool:
        """True if one of the cue words occurs within `window` characters before `start`."""
        return self._any.search(text, max(0, start - window), start) is not None


class CuedPattern:
    """Cue words and what follows them, with the `finditer` of a compiled regex (`Cues.then`).

    The two regexes are compiled when first searched, not when the pattern is made: each is an
    alternation of hundreds of words whose every letter is a class of its forms, and compiling all of
    them cost a process ~1.7 s of CPU at start (64 patterns), paid again by every `gate` command that
    imports the scanner and reads a few strings (`gate incidents update`, `gate quarantine release`).
    A long-running `gate run` compiles them once, in the worker pool's forkserver (`warm_up`)."""

    __slots__ = (
        "_anywhere",
        "_anywhere_source",
        "_anywhere_start",
        "_at",
        "_at_source",
        "_at_start",
        "_bit",
        "_short_keys",
        "_word_bit",
    )

    def __init__(
        self,
        at: str | None,
        anywhere: str | None,
        anywhere_start: re.Pattern[str] | None = None,
        at_start: re.Pattern[str] | None = None,
        bit: int = -1,
        *,
        word_bit: int = 0,
        short_keys: tuple[str, ...] = (),
    ) -> None:
        """`at`: the regex of the spaced cue words, tried where a word starts with one of the keys of the
        `Cues` whose `bit` this is (-1: any key) and `at_start` (their first letters, `prefix_pattern`)
        matches; `anywhere`: the regex of the unspaced ones, searched for only where `anywhere_start`
        (the characters they can start with) is found. Both compiled on first use."""
        self._at_source, self._anywhere_source = at, anywhere
        self._at: re.Pattern[str] | None = None
        self._anywhere: re.Pattern[str] | None = None
        self._anywhere_start = anywhere_start
        self._at_start = at_start
        self._bit = bit
        self._word_bit = word_bit
        self._short_keys = short_keys

    def warm_up(self) -> None:
        """Compile both regexes now (a no-op once done)."""
        with reused_charsets():
            if self._at is None and self._at_source is not None:
                self._at = re.compile(self._at_source)
            if self._anywhere is None and self._anywhere_source is not None:
                self._anywhere = re.compile(self._anywhere_source)

    def _spaced(self) -> re.Pattern[str] | None:
        """The spaced cue words' regex, compiled at its first use."""
        if self._at is None and self._at_source is not None:
            self.warm_up()
        return self._at

    def _unspaced(self) -> re.Pattern[str] | None:
        """The unspaced cue words' regex, compiled at its first use."""
        if self._anywhere is None and self._anywhere_source is not None:
            self.warm_up()
        return self._anywhere

    def may_match(self, text: str, view: str, cues: int) -> bool:
        """False when `search(text)` finds nothing for certain: `view`, the text's `cue_view` (whose
        `cue_words.found` bits are `cues`), holds no key (`cue_words.key_prefilter`) and no word written
        without spaces can start in `text`."""
        if not self._word_bit or cues & self._word_bit or "\u0130" in text:
            return (
                True  # (capital I with a dot: `word_starts._find_starts` and `cue_view` lower it differently)
            )
        for key in self._short_keys:
            if key in view:
                return True
        start = self._anywhere_start
        return (
            self._anywhere_source is not None
            and not text.isascii()
            and (start is None or start.search(text) is not None)
        )

    def cue_bit(self, plain: bool) -> int:
        """The `cue_words` bits a text must hold one of for `may_match` to be true, `plain` text (without
        `script_facts.HAS_UNSPACED`: no character a word without spaces starts with, no capital I with
        a dot; scanfast23, ASCII before) or other; 0 when there is no such bit (short keys are looked
        for as substrings: `key_prefilter`)."""
        if self._short_keys or not (plain or self._anywhere_source is None):
            return 0
        return self._word_bit

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        """The matches in `text[pos:endpos]`: after spaced cue words first, then the others."""
        end = len(text) if endpos is None else endpos
        spaced = self._spaced()
        if spaced is not None:
            at = spaced.match
            # Only where a word of these can start (`prefix_pattern`): another class's key found most.
            could = self._at_start.match if self._at_start is not None else at
            starts, bits = starts_and_bits(text)
            bit = self._bit
            # The starts are in order: from the first at `pos` to the last before `end` (a text with
            # thousands of labels asks for a small window thousands of times: never the whole list).
            for index in range(bisect_left(starts, pos), len(starts)):
                begin = starts[index]
                if begin >= end:
                    break
                if bits[index] & bit and could(text, begin, end) and (match := at(text, begin, end)):
                    yield match
        if text.isascii():
            return
        anywhere, start = self._unspaced(), self._anywhere_start
        if anywhere is None:
            return
        if start is not None:
            first = start.search(text, pos, end)
            if first is None:
                return
            pos = first.start()  # no match can start before it (nothing these words match looks back)
        yield from anywhere.finditer(text, pos, end)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """The first match `finditer` yields, or None: the same steps without a generator (most texts
        hold no cue word, and this is asked for every prompt)."""
        end = len(text) if endpos is None else endpos
        spaced = self._spaced()
        if spaced is not None:
            at = spaced.match
            could = self._at_start.match if self._at_start is not None else at
            starts, bits = starts_and_bits(text)
            bit = self._bit
            for index in range(bisect_left(starts, pos), len(starts)):
                begin = starts[index]
                if begin >= end:
                    break
                if bits[index] & bit and could(text, begin, end) and (match := at(text, begin, end)):
                    return match
        if text.isascii():
            return None
        anywhere, start = self._unspaced(), self._anywhere_start
        if anywhere is None:
            return None
        if start is not None:
            first = start.search(text, pos, end)
            if first is None:
                return None
            pos = first.start()
        return anywhere.search(text, pos, end)


# Every pattern `Cues.then` made, for `warm_up` (patterns live as long as the detectors that hold them).
_MADE: list[CuedPattern] = []


def warm_up() -> None:
    """Compile every cue-word pattern now, not at its first search: a long-running process (the worker
    pool's forkserver, `gate serve`) calls it once at start, so no record waits for a compile and forked
    workers share the compiled regexes."""
    with reused_charsets():
        for made in _MADE:
            made.warm_up()
