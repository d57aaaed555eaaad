"""Whether a brand (or a historical figure) inside a run of capitalised words hides the run.

"Ralph Lauren Polo Shirt" and "Jean Paul Gaultier perfume" are brands, whatever words follow. A run that
goes on after the brand as a person's name does is a person: a double-barrelled surname joined to the
brand's last word by a hyphen ("Ralph Lauren-Smith", "Hugo Boss-Meier", "Calvin Klein-Weber"), or a
listed surname after a brand that is itself a pair of given names ("gift for Jean-Paul Dupont", "Mary
Jane Watson"). The lead's probes of the seventeenth session found both hidden by data/name_brands.txt.
"""

from __future__ import annotations

import re
from collections.abc import Set

from gate.scanning.detectors.person_lists import fold_name


def run_words(run: str) -> tuple[list[str], list[bool]]:
    """The run's words, lower case, hyphens as spaces (as the brand list writes "jean paul gaultier"),
    and for each whether a hyphen joins it to a next word ("lauren" in "Lauren-Smith")."""
    words: list[str] = []
    joined: list[bool] = []
    for chunk in run.lower().replace("\u2019", "'").split():
        parts = chunk.split("-")
        for index, part in enumerate(parts):
            if part:
                words.append(part)
                joined.append(any(parts[index + 1 :]))
    return words, joined


def brand_hides(
    run: str, brands: Set[str], longest_brand: re.Pattern[str], given: Set[str], surnames: Set[str]
) -> bool:
    """A brand of `brands` (found by `longest_brand`, a trie read to its longest word) is in `run` and
    the run does not go on after it as a person's name (see the module)."""
    words, joined = run_words(run)
    phrase = " ".join(words)
    if len(words) <= 2:
        # ... with its possessive too: "Harry Potter's birthday cake" (but "Jack Daniel's" is listed so)
        return phrase in brands or phrase.removesuffix("'s") in brands
    for match in longest_brand.finditer(phrase):
        last = phrase.count(" ", 0, match.end())  # the word the brand ends in
        if joined[last]:
            continue
        following = words[last + 1] if last + 1 < len(words) else None
        if (
            following is not None
            and fold_name(following) in surnames
            and all(word in given for word in match.group().split())
        ):
            continue
        return True
    return False
