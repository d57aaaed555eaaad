"""The cue-word prefilters of every detector, answered for one text in one pass.

A detector's rule may wait for a cue word before its regex runs (`detectors.base.any_word`: "deliver",
"call", "born", a cookie name...). Each such list used to be searched on its own, a trie regex over the
text per list, several per prompt. Every list is registered here when `any_word` builds its prefilter,
and one Aho-Corasick automaton of all their words (the `ahocorasick-rs` package) finds, in one pass over
a text's `cue_view`, every word that occurs, overlapping ones too: the answer is a bit per list, kept on
the `Text` for every prefilter that asks next. A word occurs in the text exactly when the plain
substring test finds it, so every prefilter answers as before (tested, list by list, against the plain
test; and a list added later is registered by the same `any_word` call that makes its prefilter).

Fail closed: if the package cannot be loaded, `AVAILABLE` is False and `any_word` keeps the plain
substring tests, so nothing is skipped that was not skipped before.
"""

from __future__ import annotations

try:
    from ahocorasick_rs import AhoCorasick

    AVAILABLE = True
except ImportError:  # pragma: no cover - a dependency; without it, `any_word` keeps the plain tests
    AVAILABLE = False

# Every registered word -> the bits of the lists that hold it; the automaton is rebuilt on first use
# after a registration (detector modules register at import).
_word_bits: dict[str, int] = {}
_lists: list[tuple[str, ...]] = []
_automaton: list[AhoCorasick | None] = [None]
# The automaton's patterns in its own order: a match's index -> that word's bits.
_pattern_bits: list[int] = []
# Words of one character ("c", "s", "3": look-alike readings of Cyrillic greetings) with their bits, kept
# out of the automaton: they occur several times in most texts, and every occurrence it reports is a tuple
# and a turn of `found`'s loop (0.3 us a European text); an `in` test each finds exactly the same.
_single_bits: list[tuple[str, int]] = []
# The last text `found` read and its answer: `text_facts` asks first for the facts of a text with words,
# and the `Text` made next asks again with an equal string (its `cue_view`). One entry, replaced whole
# (safe to read from any thread), emptied when a list is registered. It holds the lower-cased text of
# the last string scanned (which may be personal data) in memory only, until the next text replaces it,
# as `word_starts._word_starts` keeps its last text: never logged, counted or written anywhere.
_last: tuple[str, int] = ("", 0)


def register(words: tuple[str, ...]) -> int:
    """A new bit for a list of cue words (none may be empty); `found` sets it for text holding one."""
    if any(not word for word in words):
        raise ValueError("an empty cue word would be found in every text")
    global _last  # noqa: PLW0603 - one entry, replaced whole
    bit = 1 << len(_lists)
    _lists.append(words)
    _last = ("", 0)
    for word in words:
        _word_bits[word] = _word_bits.get(word, 0) | bit
    _automaton[0] = None
    return bit


def registered() -> list[tuple[str, ...]]:
    """The registered lists, bit `1 << i` for list i (for tests)."""
    return list(_lists)


def found(lower: str) -> int:
    """The bits of every registered list with a word in `lower` (a text's `cue_view`)."""
    global _last  # noqa: PLW0603 - one entry, replaced whole
    last = _last
    if last[0] == lower:
        return last[1]
    automaton = _automaton[0]
    if automaton is None:
        automaton = _build()
    bits = 0
    pattern_bits = _pattern_bits
    for index, _, _ in automaton.find_matches_as_indexes(lower, overlapping=True):
        bits |= pattern_bits[index]
    for word, bit in _single_bits:
        if word in lower:
            bits |= bit
    _last = (lower, bits)
    return bits


def holds(lower: str, bit: int) -> bool:
    """True if `lower` holds a word of the list whose bit is `bit` (`found(lower) & bit`).

    While the detector modules are still registering their lists at import, `normalise` reads their
    words and asks this for each: an automaton built there would be stale at the next registration (it
    was built 47 times, 0.3 s of the import). So until the automaton is built, the list is tested alone
    with `in`, which finds exactly the words the automaton finds."""
    if _automaton[0] is None:
        return any(word in lower for word in _lists[bit.bit_length() - 1])
    return bool(found(lower) & bit)


def _build() -> AhoCorasick:
    words = sorted(word for word in _word_bits if len(word) > 1)
    automaton = AhoCorasick(words)
    _pattern_bits[:] = [_word_bits[word] for word in words]
    _single_bits[:] = sorted((word, bits) for word, bits in _word_bits.items() if len(word) == 1)
    _automaton[0] = automaton
    return automaton


class Occurrences:
    """Every occurrence of a fixed list of words in a text, overlapping ones too, in one pass (for
    `lexicon`'s cue keys). Only made when `AVAILABLE`."""

    __slots__ = ("_automaton",)

    def __init__(self, words: list[str]) -> None:
        self._automaton = AhoCorasick(words)

    def find(self, text: str) -> list[tuple[int, int, int]]:
        """(index of the word in the list, start, end) of every occurrence, in characters."""
        return self._automaton.find_matches_as_indexes(text, overlapping=True)


# Keys shorter than this would be found in most texts by the automaton (which reports every occurrence):
# they are looked for with `in`, up to `_MAX_SHORT_KEYS` of them.
_MIN_PREFILTER_KEY = 3
_MAX_SHORT_KEYS = 8


def key_prefilter(keys: frozenset[str]) -> tuple[int, tuple[str, ...]]:
    """A `cue_words` bit for `keys` as a text's `cue_view` holds them, and the short ones to look for
    with `in`; (0, ()) when there is no such prefilter.

    `lexicon.CuedPattern` tries its cue words only where one of their keys starts in the text
    lower-cased (`word_starts._find_starts`); that text's `cue_view` then holds the key too, read as it
    reads text: its dotless i and long s as "i" and "s", and without the spaces at either end (the view
    drops those at the text's ends). So a text whose view holds none of them holds no cue word
    (`lexicon.CuedPattern.may_match`)."""
    read = {key.replace("\u0131", "i").replace("\u017f", "s").strip(" ") for key in keys}
    short = tuple(sorted(key for key in read if len(key) < _MIN_PREFILTER_KEY))
    if (
        not AVAILABLE
        or not read
        or len(short) > _MAX_SHORT_KEYS
        or any(not key or "  " in key or any(ch.isspace() and ch != " " for ch in key) for key in read)
    ):
        return 0, ()
    return register(tuple(sorted(read.difference(short)))), short
