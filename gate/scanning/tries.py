"""Alternations of words written as tries ("ab|ac" -> "a(?:b|c)"), for the scanner's cue-word regexes.

The regex engine tries the branches of an alternation one by one at every position; written as a trie,
each position fails on one character class instead of trying every word. One module, so the normaliser
(which the lexicon imports) and the detectors build their tries alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


def trie_pattern(words: Iterable[str], *, whole: bool = False, space: str | None = None) -> str:
    """A regex matching any of `words`, written as a trie ("ab|ac" -> "a(?:b|c)"): the regex engine tries
    the branches of an alternation one by one, so shared prefixes are tried once instead of per word.

    A word that ends where a longer one goes on ends the match there (a substring test needs no more);
    with `whole`, the rest is optional instead, so the longest word is read (what follows the pattern
    must then match after it). `space`: the regex a space inside a word stands for (as written if None)."""
    tree: dict[str, dict[str, Any]] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(tree, whole, space)


def _trie_regex(node: dict[str, dict[str, Any]], whole: bool, space: str | None) -> str:
    ends = "" in node
    branches = [
        (space if ch == " " and space is not None else re.escape(ch)) + _trie_regex(child, whole, space)
        for ch, child in sorted(node.items())
        if ch
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return "(?:" + body + ")?" if whole else ""
    return body
