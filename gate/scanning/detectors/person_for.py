# ruff: noqa: RUF002, RUF003 - Turkish names, on purpose
"""The "for" before a customer's name, and the postposition after one, in the languages of shops: "Schal für
Łukasz Wiśniewski", "untuk Bapak Budi Santoso", "Ayşe Yılmaz için". The PERSON detector (person.py) reads
a capitalised pair no list decides as a name when one of these stands around it.
"""

from __future__ import annotations

import re

from gate.scanning import lexicon
from gate.scanning.context import fold_accents
from gate.scanning.detectors.person_lists import names_scripts
from gate.scanning.tries import trie_pattern

_LATIN_END = "\u0250"  # the end of the Latin letters' blocks (IPA extensions follow)
# "for" in the languages of European shops, right before a name: "Schal für Łukasz Wiśniewski".
# With the Latin-script words of cues.toml's [person_for_bare] ("cho", "untuk").
# Words of Latin letters (Maltese "għal", Samoan "mō" among them), a space in one standing for any run of it
# ("ho an'i", "loogu talagalay").
_BARE_FOR_WORDS = tuple(
    word for word in lexicon.words("person_for_bare") if all(ch < _LATIN_END for ch in fold_accents(word))
)
_FOR_WORDS = "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in _BARE_FOR_WORDS)
_COMMON_FOR_WORDS = (
    "for", "für", "fur", "pour", "para", "per", "voor", "dla", "till", "til", "pro", "pentru", "za", "için",
    "an", "to", "à",
)  # fmt: skip
# An honorific or a kinship term of address may stand between the "for" and the name ("cho chị", "untuk
# Ibu", "kwa Bi."): cues.toml's [person_title_between].
_TITLE_WORDS = lexicon.words("person_title_between")
_TITLES_BETWEEN = "|".join(re.escape(word) for word in _TITLE_WORDS)
_ARTICLES = "the|la|el|il|die|der|den|de|le"
FOR_BODY = (
    rf"(?i:\b(?:{'|'.join(re.escape(word) for word in _COMMON_FOR_WORDS)}|{_FOR_WORDS})\s+"
    rf"(?:(?:{_ARTICLES})\s+)?(?:(?:{_TITLES_BETWEEN})\s+)?)"
)


def _trie(words: tuple[str, ...]) -> str:
    """The alternation of `words` as a trie, a space in one standing for any run of whitespace: the same
    words, but each position of a window fails on one character class instead of trying every word
    (case-insensitive, an alternation of some 70 words cost 13-21 thousand instructions per 20-character
    window)."""
    return trie_pattern(words, whole=True, space=r"\s+")


# `FOR_BODY`'s words as tries, for the two tests below that ask only whether a "for" ends at a position
# (the finditer users keep `FOR_BODY`: the order of its alternatives decides which match they see).
_FOR_BODY_TRIE = (
    rf"(?i:\b{_trie(_COMMON_FOR_WORDS + _BARE_FOR_WORDS)}\s+"
    rf"(?:{_trie(tuple(_ARTICLES.split('|')))}\s+)?(?:{_trie(_TITLE_WORDS)}\s+)?)"
)
# How far before a pair its "for" is looked for: a "for" and an article, or a "for" and a title between
# ("untuk Encik ", "kepada Saudari "); each character more is a position more the alternation is tried at.
FOR_WINDOW = 20
# ... or right after it, in languages with postpositions: "Ayşe Yılmaz için", "Elnur İdrisli üçün".
_FOR_AFTER = re.compile(r"[ \t]+" + lexicon.pattern(lexicon.words("person_for_after")))
_FOR = re.compile(_FOR_BODY_TRIE + "$")
# A title between "for" and the name ("untuk Bapak", "kwa Bi."): with it, any capitalised pair is a name.
_TITLED_FOR = re.compile(rf"(?i:\b{_trie(_BARE_FOR_WORDS)}\s+{_trie(_TITLE_WORDS)}\s+)$")
# The same as written before (the tests compare the two forms).
PLAIN_FOR = re.compile(FOR_BODY + "$")
PLAIN_TITLED_FOR = re.compile(rf"(?i:\b(?:{_FOR_WORDS})\s+(?:{_TITLES_BETWEEN})\s+)$")
NOT_AFTER_TITLE = frozenset(names_scripts()["titles_not_names"]["between"])


# Words that stand before a name as a "for" does (cues.toml [person_before]: "grandma", "in memory of",
# "Love,"; and [person_role], since names15: "Coach", "Chef", "Ustaz", "avvocato"): matched as the end
# of the words before the name by `str.endswith`, one C call, since an alternation of some 150 phrases
# tried at each position of the window cost 7% of the European corpus.
_BEFORE_WORDS = tuple(
    sorted({" ".join(word.lower().split()) for word in lexicon.words("person_before", "person_role")})
)
_BEFORE_WINDOW = 32
# ... looked up by their last word first: some 400 phrases since [person_role], and a tuple that long
# tried by `str.endswith` cost a microsecond a European record.
_BEFORE_BY_LAST: dict[str, tuple[str, ...]] = {}
for _word in _BEFORE_WORDS:
    _last = _word.rsplit(" ", 1)[-1]
    _BEFORE_BY_LAST[_last] = (*_BEFORE_BY_LAST.get(_last, ()), _word)
_OPENING = "\"'([{«“‘„¡¿-–—/"  # noqa: RUF001 - what may stand glued before a cue word


def for_before(value: str, start: int) -> bool:
    """A "for" (and an article or a title), or a word of [person_before], ends right at `start`."""
    return (_after_space(value, start) and _for_ends(value, start)) or _before_word(value, start)


def _for_ends(value: str, start: int) -> bool:
    r"""`_FOR.search(value, start - FOR_WINDOW, start)` found a match, tried only where a word starts.

    `_FOR` opens with a word boundary and a "for" word, each of whose first letter is a word character
    (`\w`: `str.isalnum` or "_"; the tests check every word): it can match only where a word starts, a
    word character with none right before it (looked at before the window too, as the regex does). A
    20-character window has a few such starts, where the search tried the pattern at every position
    (personfast26: 21 thousand instructions a pair, none of the European corpus's windows ending in
    a "for")."""
    low = max(0, start - FOR_WINDOW)
    before_is_word = low > 0 and _is_word(value[low - 1])
    for at in range(low, start):
        is_word = _is_word(value[at])
        if is_word and not before_is_word and _FOR.match(value, at, start) is not None:
            return True
        before_is_word = is_word
    return False


def _is_word(ch: str) -> bool:
    r"""`ch` is what `\w` matches in a str pattern."""
    return ch.isalnum() or ch == "_"


def _after_space(value: str, start: int) -> bool:
    """White space ends right at `start`: `_FOR` and `_TITLED_FOR` end in `\\s+$` and cannot match
    otherwise (scanfast23: a fourth of the pairs asked about stand after no space, "(Anna Berg", "x/Max
    Kurz"). `str.isspace` is what `\\s` matches in a str pattern."""
    return start > 0 and value[start - 1].isspace()


def _before_word(value: str, start: int) -> bool:
    if start < len(value) and (value[start].isspace() or (start and value[start - 1].isalnum())):
        return False  # no name starts at a space, nor inside a word ("profe|sora")
    words = " ".join(value[max(0, start - _BEFORE_WINDOW) : start].lower().split())
    last = words.rsplit(" ", 1)[-1]
    candidates = _BEFORE_BY_LAST.get(last) or _BEFORE_BY_LAST.get(last.lstrip(_OPENING), ())
    return any(
        words.endswith(word) and (len(words) == len(word) or not words[-len(word) - 1].isalnum())
        for word in candidates
    )


def titled_for(value: str, start: int) -> bool:
    """A "for" and a title between it and the name end right at `start` ("untuk Bapak ", "kwa Bi. ")."""
    return (
        _after_space(value, start)
        and _TITLED_FOR.search(value, max(0, start - FOR_WINDOW), start) is not None
    )


def for_after(value: str, end: int) -> bool:
    """A postposition that means "for" follows the word ending at `end` ("Ayşe Yılmaz için")."""
    return _FOR_AFTER.match(value, end) is not None
