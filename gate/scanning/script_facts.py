"""Two facts of a string's scripts, for the plan's cue gates (scanfast23).

Beyond ASCII, a cued pattern's words written without spaces ("住所", "閲覧履歴") are looked for anywhere,
and health reads Arabic and CJK conditions by rules of their own; so in any text that is not ASCII those
detectors were asked, Latin text with an accent ("Porträt für Łukasz") among it. These facts say which
text can hold such words: `HAS_UNSPACED`, a character of a script written without spaces (CJK, kana,
Hangul, Thai, Lao, Myanmar, Khmer, and their compatibility and half-width forms) or a capital I with a
dot (which the cue-word pass and the patterns lower differently, so cued patterns are always searched
in text with one);
`HAS_ARABIC`, an Arabic letter. `lexicon.Cues` checks at import that every character a word without
spaces can start with is one `HAS_UNSPACED` stands for.

(hexfast26) Three facts of a string's shape: `HAS_NON_HEX`, a character other than a hex digit or "-". A
hash, a model's hash, a UUID or a dashed serial lack it: the detectors every rule of which needs such a
character (a secret's "sk_", a click id's name, "0x") require it and are not asked about those.
`HAS_NON_UUID`: the string is not one UUID-shaped token holding a hex letter, in which
`detectors.uuid_token.in_uuid` holds for every number (so card and phone rules that reject a number in
a UUID cannot match anything there: they require it). `HAS_NON_ALNUM`: the string is not one word of
hex digits holding a letter (a hash, a model's hash), in which a number bounded by no letter or digit,
as a card's is, cannot stand. (Only hex words: a test of every string with a digit for any word of
letters and digits cost the European corpus more than it saved.)
"""

from __future__ import annotations

import re
from typing import Final

HAS_UNSPACED: Final = 1 << 25
HAS_ARABIC: Final = 1 << 26
# The blocks whose characters Unicode names CJK, HIRAGANA, KATAKANA, HANGUL or THAI (`lexicon._UNSPACED`),
# Lao, Myanmar and Khmer (health's CJK conditions hold them), with the symbols and forms around them:
# a wider class costs nothing but a gate left open.
_UNSPACED = re.compile(
    "[\u0130\u0e00-\u0eff\u1000-\u109f\u1100-\u11ff\u1780-\u17ff\u19e0-\u19ff\u2e80-\u2fdf\u3000-\u9fff"
    "\ua960-\ua97f\ua9e0-\uaa7f\uac00-\ud7ff\uf900-\ufaff"
    "\ufe30-\ufe4f\uff00-\uffef\U00016fe0-\U00016fff\U0001b000-\U0001b16f\U00020000-\U0003134f]"
)
_ARABIC = re.compile("[\u0600-\u06ff]")
HAS_NON_HEX: Final = 1 << 27
HAS_NON_UUID: Final = 1 << 28
HAS_NON_ALNUM: Final = 1 << 29
_HEX_OR_DASH: Final = "0123456789abcdefABCDEF-"
_HEX_OR_DASH_BYTES: Final = b"0123456789abcdefABCDEF-"
_ALL_SHAPES: Final = HAS_NON_HEX | HAS_NON_UUID | HAS_NON_ALNUM
_UUID_CHARS: Final = 36
_UUID_DASHES: Final = 4
# Beyond Hebrew: Latin, Greek, Cyrillic, Armenian and Hebrew text (most text that is not ASCII here)
# holds neither, and one search says so.
_BEYOND_HEBREW = re.compile("[^\x00-\u05ff]")


def script_facts(value: str) -> int:
    """`HAS_UNSPACED` and `HAS_ARABIC` of `value` (for text that is not ASCII: ASCII has neither)."""
    facts = HAS_UNSPACED if "\u0130" in value else 0
    if _BEYOND_HEBREW.search(value) is None:
        return facts
    if _ARABIC.search(value) is not None:
        facts |= HAS_ARABIC
    if not facts & HAS_UNSPACED and _UNSPACED.search(value) is not None:
        facts |= HAS_UNSPACED
    return facts


def unspaced(character: str) -> bool:
    """`character` sets `HAS_UNSPACED`."""
    return _UNSPACED.fullmatch(character) is not None


def shape_facts(value: str, digits: int) -> int:
    """`HAS_NON_HEX`, `HAS_NON_UUID` and `HAS_NON_ALNUM` of `value`, of which `digits` characters are the
    ASCII digits 0-9. The first is set unless every character is a hex digit or "-"; the
    second unless `value` is a UUID's 8-4-4-4-12 hex digits, not all of them decimal; the third unless
    it is hex digits, not digits only, without "-"."""
    # Most text ends or starts with a character of neither kind: two `in` tests. Else one translate
    # (strip tests a character against the set with a search each: ten times the cost on a hash).
    if (
        not value
        or not value.isascii()
        or value[-1] not in _HEX_OR_DASH
        or value[0] not in _HEX_OR_DASH
        or value.encode("ascii").translate(None, _HEX_OR_DASH_BYTES)
    ):
        return _ALL_SHAPES
    dashes = value.count("-")
    if not dashes:
        return HAS_NON_UUID | (0 if digits < len(value) else HAS_NON_ALNUM)
    if (
        len(value) == _UUID_CHARS
        and dashes == _UUID_DASHES
        and value[8] == value[13] == value[18] == value[23] == "-"
        and digits + _UUID_DASHES < _UUID_CHARS
    ):
        return HAS_NON_ALNUM
    return HAS_NON_UUID | HAS_NON_ALNUM
