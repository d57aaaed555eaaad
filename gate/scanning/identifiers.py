"""Scan identifiers (event ids, sources, record keys) for personal data before they are used as ids.

An id is logged, used as a Kafka key and written into every decision record, so one that spells a name,
a phone or a card number must never be used. Ids are short and use a few separators ("jane.doe",
"4111-1111-1111-1111"), so each is read twice: as written and with its separators read as spaces, so
the words and digit groups inside are seen the way the detectors read free text (and a leading "00"
as the "+" of an international number), and once more with each word capitalised, as a name would be
in free text ("jane-doe" reads "Jane Doe"). Brands and places that read as a given name and a surname
("Jack Daniels") are refused too: an id should be opaque.
"""

from __future__ import annotations

import re

from gate.model import Finding
from gate.scanning.decoding import decoded_variants
from gate.scanning.normalise import normalise
from gate.scanning.walk import scan_text

# The separators of ids, and of the key=value members `tracestate` and other headers are made of
# ("user=anna.kowalska", "dd=s:1;o:rum;usr:maria.garcia").
_SEPARATORS = re.compile(r"[._:/\-=;,|~]+")
# "0049..." is how an international number is written where "+" is not allowed (as in ids).
_INTERNATIONAL_PREFIX = re.compile(r"(?<![0-9])00(?=[1-9])")
_DIGIT_GROUP = 9


def identifier_findings(value: str, *, path: str) -> list[Finding]:
    """Findings of personal data in an identifier (normalised like every scanned string); `path` is
    reported in each. Empty for the usual ids ("evt-2026-0001", "shop.prod")."""
    found = scan_text(value, path=path)
    # The words are read in the id as meant (full-width "jane.doe", "jane%2Edoe"): normalised, and in what
    # its URL or base64 encoding hides.
    meant = normalise(value)
    readings: set[str] = set()
    for text in (meant, *(normalise(decoded) for decoded, _ in decoded_variants(meant))):
        spaced = _INTERNATIONAL_PREFIX.sub("+", _SEPARATORS.sub(" ", text).strip())
        # Ids are often lower case ("jane-doe"), where free text would capitalise a name.
        readings |= {spaced, " ".join(word[:1].upper() + word[1:] for word in spaced.split(" "))}
        # Each long digit group alone too: a word before it ("order-0612345678") says what the shop calls
        # the id, not that the digits are not a phone number (free text's reference words excuse them).
        readings |= {word for word in spaced.split(" ") if len(word) >= _DIGIT_GROUP and word.isdigit()}
    readings -= {value}
    seen = {(f.entity, f.path) for f in found}
    for reading in sorted(readings):
        for finding in scan_text(reading, path=path):
            if (finding.entity, finding.path) not in seen:
                seen.add((finding.entity, finding.path))
                found.append(finding)
    return found
