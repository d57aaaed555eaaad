# ruff: noqa: RUF001 - Azerbaijani, Devanagari and Chinese text, on purpose
"""LOCATION: addresses written without a house number, each by the address words of two of its parts
(a Faker sweep over its locales, addr19):

- Azerbaijan: a district or town, then a village, settlement, street or avenue in the next part ("Oğuz
  rayonu, Pirili kəndi, H.SULTANOV prospekti", "Şirvan ş., Z.BÜNYADOV pr."), as the countryside writes
  it;
- Nepal: a street named after a family and its street word, then the town ("सरीया बाटो, अर्घाखाँची",
  "लोहनी कुना, दाङ");
- China: a block letter after a street ("黄路Q座, 秀芳市");
- Vietnam: a ward, then its district ("Phường Bến Nghé, Quận 1"); Arabic: a street, then its quarter
  ("شارع الملك فهد، حي العليا") (addr17).

One address word alone is a product's ("Nizami küçəsi posteri", "Hollywood Boulevard"): each form asks
for the word of a second part.
"""

from __future__ import annotations

import re

from gate.scanning import lexicon
from gate.scanning.detectors.base import HAS_CAPITALS, HAS_NON_ASCII, PatternRule, any_word

_UP, _LOW = lexicon.UPPER, lexicon.LOWER
_DEVANAGARI = "\u0900-\u097f\u200c\u200d"
_NUMBERLESS = re.compile(
    rf"[{_UP}][{_LOW}]{{2,20}}\s(?:rayonu|ray\.|şəhəri|ş\.),\s[^,\n]{{2,30}}?\s"
    r"(?:kəndi|k\.|qəsəbəsi|qəs\.|prospekti|pr\.|küçəsi|küç\.)(?!\w)"
    rf"|[{_DEVANAGARI}]{{2,}}\s(?:बाटो|पथ|कुना|टोल|चोक|गल्ली),\s?[{_DEVANAGARI}]{{2,}}"
    r"|(?:路|街|道|巷)[A-Z]座[,，、]\s?[\u4e00-\u9fff]{1,8}[市县縣区區]"
    # (addr17) Vietnam's ward, then its district ("Phường Bến Nghé, Quận 1"); an Arabic street, then its
    # quarter ("شارع الملك فهد، حي العليا")
    rf"|Phường\s[^,\n]{{2,30}},\s?(?:Quận|Huyện|Thị xã|Thành phố)\s[{_UP}\d]"
    r"|شارع\s[\u0620-\u064a\s]{2,30}[،,]\s?حي\s[\u0620-\u064a]{2,}"
)
_WORDS = ("rayonu", "ray.", "şəhəri", "ş.", "बाटो", "पथ", "कुना", "टोल", "चोक", "गल्ली", "座", "phường", "حي ")

# Every form has a letter outside ASCII (Azerbaijani's "ə", "ş"; the scripts), and one of its words.
RULES = (
    PatternRule(
        "location.numberless", _NUMBERLESS, when=any_word(_WORDS), requires=HAS_CAPITALS | HAS_NON_ASCII
    ),
)
