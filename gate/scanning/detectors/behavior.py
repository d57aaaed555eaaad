"""BEHAVIORAL_DATA in free text: prompts built from what a shopper did ("user recently viewed ...",
"based on your browsing history"), in English by its grammar and in the other languages of the shops by
the phrases of data/cues.toml ("historial de navegación", "zuletzt angesehen", "閲覧履歴")."""

from __future__ import annotations

import re

from gate.scanning import lexicon
from gate.scanning.detectors.base import (
    HAS_BEHAVIOR_WORD,
    HAS_CAPITALS,
    HAS_WORDS,
    PatternDetector,
    PatternRule,
)

_WHO = r"(?:user|customer|shopper|visitor|buyer|member|you|they|he|she)"
_WHOSE = r"(?:your|their|his|her|the\s+(?:user|customer|shopper|visitor)'?s?)"
_BEHAVIOR = re.compile(
    rf"(?i)\b(?:{_WHO}\s+(?:has\s+|have\s+|had\s+)?(?:recently\s+|previously\s+|just\s+|often\s+)?"
    r"(?:viewed|browsed|searched\s+for|purchased|bought|ordered|added\s+to\s+(?:the\s+)?(?:cart|basket|"
    r"wishlist))|recently\s+viewed|previously\s+(?:viewed|purchased|bought|ordered)|"
    rf"based\s+on\s+{_WHOSE}\s+(?:browsing|search|purchase|order|viewing|shopping|click)|"
    r"(?:browsing|search|purchase|order|viewing|shopping)\s+history|"
    rf"items?\s+in\s+{_WHOSE}\s+(?:cart|basket|wishlist|wish\s+list))\b"
)


_PHRASES = lexicon.Cues("behavior").then("")

DETECTOR = PatternDetector(
    entity="BEHAVIORAL_DATA",
    # Free text; or text in a script written without spaces ("閲覧履歴に基づいて").
    needs=HAS_WORDS | HAS_CAPITALS,
    rules=(
        # Every alternative of the pattern holds one of `BEHAVIOR_WORDS`.
        PatternRule("behavior.text", _BEHAVIOR, requires=HAS_BEHAVIOR_WORD | HAS_WORDS),
        # (The cued pattern looks its phrases up itself: no prefilter.)
        PatternRule("behavior.phrase", _PHRASES),
    ),
)
