"""LOCATION: the addresses of Asia and the Middle East as customers write them in Latin letters, each by
two parts only an address has together (the attacker round addr19):

- Japan: a ward, city or prefecture with its suffix and a block number ("Shibuya-ku Jingumae 1-2-3",
  "3-4-5 Umeda, Kita-ku");
- China: a street and its number in Pinyin ("Zhangjiang Lu 88 Hao");
- Taiwan: a number and a lane or section ("No. 5, Ln. 181, Sec. 4");
- Vietnam without its accents: a number and an alley ("So 12 ngo 45");
- the Gulf and Iran: a villa or a number and then a street or a unit ("Villa 22, Street 14b", "No. 14,
  Unit 3").

One part alone is a product's ("Shibuya-ku poster", "Villa 22 candle", "No. 5 perfume").
"""

from __future__ import annotations

from gate.scanning.branches import GatedBranches
from gate.scanning.detectors.base import HAS_CAPITALS, HAS_DIGIT_WORDS, PatternRule, any_word

_JAPAN = ("-ku", "-shi", "-gun", "-cho", "-machi")
# Each form searched alone, only in text that holds its words (`GatedBranches`).
_LATIN_ADDRESS = GatedBranches(
    (
        # (block numbers of three digits at most: "Minato-ku 2024-2025 calendar" is no address)
        (
            r"\b[A-Z][a-z]{1,20}-(?:ku|shi|gun|cho|machi)\b[^\n\d]{0,30}?(?<!\d)\d{1,3}-\d{1,3}(?:-\d{1,4})*(?!\d)",
            (_JAPAN,),
        ),
        (
            r"\b\d{1,3}-\d{1,3}(?:-\d{1,4})*\s[A-Z][a-z]{1,20},\s[A-Z][a-z]{1,20}-(?:ku|shi|gun|cho)\b",
            (_JAPAN,),
        ),
        (r"\b[A-Z][a-z]{1,20}\s(?:Lu|Jie|Dajie|Dadao|Dao|Xiang|Hutong)\s\d{1,5}\s?Hao\b", (("Hao",),)),
        (r"\bNo\.\s?\d{1,5},\s(?:Ln|Aly|Sec)\.\s?\d{1,4}(?!\d)", (("Ln.", "Aly.", "Sec."),)),
        (
            r"\b(?:So|Số)\s\d{1,4}[A-Za-z]?\s(?:ngo|ngõ|hem|hẻm|ngach|ngách)\s\d{1,4}(?!\d)",
            (("ngo", "ngõ", "hem", "hẻm", "ngach", "ngách"),),
        ),
        (r"\bVilla\s\d{1,4}[A-Za-z]?,\s(?:Street|St\.?|Road|Rd\.?)\s\d{1,3}[A-Za-z]?\b", (("Villa",),)),
        (
            r"\bNo\.\s?\d{1,4},\s(?:Unit|Apt\.?|Floor|Fl\.)\s?\d{1,4}(?!\d)",
            (("Unit", "Apt", "Floor", "Fl."),),
        ),
    )
)
_WORDS = (
    *_JAPAN, " hao", "ln.", "aly.", "sec.", "ngo ", "ngõ ", "hem ", "hẻm ", "ngach ", "ngách ", "villa ",
    "unit ", "apt", "floor ", "fl.",
)  # fmt: skip

RULES = (
    PatternRule(
        "location.latin_asia",
        _LATIN_ADDRESS,
        when=any_word(_WORDS),
        requires=HAS_CAPITALS | HAS_DIGIT_WORDS,
    ),
)
