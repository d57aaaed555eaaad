# ruff: noqa: RUF001, RUF002 - CJK, Hangul and Turkish letters, on purpose
"""LOCATION: the address forms of Japan, China, Korea and Turkey (the rules of `location` read the
European and American ones).

- Japan: a postcode mark ("〒106-0032"), or an administrative unit (都道府県, 市区町村郡) and then a block
  number: "港区六本木1-2-3", "北区梅田3丁目1番地".
- China: an administrative unit (省市区县), a street word (路街道巷弄), a section ("四段", Taiwan) and
  a number with 号: "朝阳区建国路88号", "大安區忠孝東路四段123號"; "北京烤鸭 3号套餐" (no unit, no street
  word) is a menu.
- Korea: a unit word (시도구군) and a road or district word (로길동가) and a number: "강남구 테헤란로 123".
- Turkey: a street or quarter word (Cad., Sok., Mah., Bulvarı ...) and a door number ("No: 12"); the
  name and number without "No" are read by `location`.
"""

from __future__ import annotations

import re

from gate.scanning.detectors.base import HAS_DIGIT, HAS_NON_ASCII, HAS_WORDS, PatternRule, Text
from gate.scanning.script_facts import HAS_UNSPACED

_HAN = "\u4e00-\u9fff\u3005"  # CJK ideographs and the repetition mark 々
_KANA = "\u3041-\u3096\u30a1-\u30fa\u30fc\u30f6"
# An administrative unit's last character, then the rest of the address in ideographs or kana, then
# a Japanese block number ("3丁目", "1番地", "1-2-3") or a Chinese street word and its number ("路88号").
_CJK_ADDRESS = re.compile(
    r"〒\s?\d{3}-\d{4}(?!\d)"
    rf"|[都道府県市区町村郡省县縣][{_HAN}{_KANA}]{{1,12}}?"
    r"(?:(?:路|街|道|巷|弄|胡同|通り?)(?:[一二三四五六七八九十\d]{1,2}段)?\s?\d{1,5}\s?[号號]"
    r"|\d{1,4}\s?(?:丁目|番地?)|\d{1,4}-\d{1,4}(?!\d))"
    # (addr17) a street's number and a floor, without a unit before (Hong Kong: "彌敦道580號12樓")
    r"|(?:路|街|道|巷|弄)(?:[一二三四五六七八九十\d]{1,2}段)?\s?\d{1,5}\s?[号號]\s?\d{1,3}\s?[樓楼层層]"
    # (addr19) Taiwan's sub-number ("文山街738號之8"), a block after a street ("合肥路T座"), a floor and a
    # room ("旺角中心一期12樓B室")
    r"|(?:路|街|道|巷|弄)\d{1,5}\s?號之\d{1,3}|(?:路|街|道|巷)[A-Za-z\d]{1,3}座"
    r"|[樓楼层層](?<=\d[樓楼层層])[A-Za-z\d]{1,4}\s?室"
)
_HANGUL_ADDRESS = re.compile(
    r"[가-힣]{1,10}(?:시|도|구|군)\s+(?:[가-힣]{1,10}(?:시|구|군)\s+)?[가-힣0-9]{1,12}(?:로|길|동|가|리)"
    r"\s?\d{1,5}(?:-\d{1,4})?(?!\d)"
)
_TR_UP = "A-ZÇĞİÖŞÜ"
_TR_LOW = "a-zçğıöşü"
_TURKISH_ADDRESS = re.compile(
    rf"[{_TR_UP}][{_TR_LOW}]+(?:\s+[{_TR_UP}][{_TR_LOW}]+){{0,3}}\s+"
    r"(?:Cad\.|Cd\.|Caddesi|Sok\.|Sk\.|Sokak|Sokağı|Mah\.|Mahallesi|Bulvarı|Blv\.|Bulv\.)"
    r",?\s*No\s?[:.]\s?\d{1,4}(?!\d)"
)


def _turkish_words(text: Text) -> bool:
    lower = text.lower
    return any(word in lower for word in ("cad", "cd.", "sok", "sk.", "mah", "bulv", "blv"))


RULES = (
    # Both patterns need a CJK or Hangul character (scanfast24: so a character `HAS_UNSPACED` stands for,
    # not any beyond ASCII: accented Latin text left them); the Turkish one needs whitespace.
    PatternRule("location.address_cjk", _CJK_ADDRESS, requires=HAS_DIGIT | HAS_NON_ASCII | HAS_UNSPACED),
    PatternRule(
        "location.address_korean", _HANGUL_ADDRESS, requires=HAS_DIGIT | HAS_NON_ASCII | HAS_UNSPACED
    ),
    PatternRule(
        "location.address_turkish", _TURKISH_ADDRESS, when=_turkish_words, requires=HAS_DIGIT | HAS_WORDS
    ),
)
