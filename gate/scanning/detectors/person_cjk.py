# ruff: noqa: RUF001 - CJK text, on purpose
"""PERSON in Chinese, Japanese and Korean, without a cue (the caseless East Asian half of
person_scripts.py, whose `ScriptNames` asks these rules after its Greek, Cyrillic, Arabic and Hebrew ones).

- Chinese: a common surname and one or two characters of given names, as a whole run of Han characters
  or before "的"/"先生"...;
- Japanese: a common surname and one to three kanji that are no place or shop ("山田町", "木村屋"), or a
  given name in kana ("佐藤 さくら");
- Japanese written all in kana: a surname and a given name, read in Latin letters, with a space or a
  middle dot between ("たなか ゆうこ さんへ", "ナカムラ・ケンジくん"; since names12);
- Korean: a three-syllable word of a surname syllable and two given-name syllables, alone or before a
  particle ("김민준님께"), unless it is a listed word ("이미지", "강아지").
The lists are data/names_scripts.toml's.
"""

from __future__ import annotations

import re

from anyascii import anyascii

from gate.scanning.detectors.person_lists import names_scripts_set, surnames

_HAN_RUN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff々]+")
_HANGUL_WORD = re.compile("[\uac00-\ud7a3]{3,6}")
_HANGUL_SPACED = re.compile(
    "(?<![\uac00-\ud7a3])([\uac00-\ud7a3]) ([\uac00-\ud7a3]{2})([\uac00-\ud7a3]{0,2})(?![\uac00-\ud7a3])"
)
# A two-syllable name (a surname and one given syllable, "김철") only where the text says a person: after
# "고객"/"고객님" and a colon, or before an honorific and a particle ("김철님께", "박지 씨에게"). Alone, two
# syllables are as often a word ("이민", immigration).
_HANGUL_TWO = re.compile(
    "(?:고객님?[ \t]*[:：][ \t]*)(?P<a>[\uac00-\ud7a3])(?P<b>[\uac00-\ud7a3])(?![\uac00-\ud7a3])"
    "|(?<![\uac00-\ud7a3])(?P<c>[\uac00-\ud7a3])(?P<d>[\uac00-\ud7a3])[ \t]?(?:님께|님에게|씨에게|님께서)"
)
# Chinese: words right before a name ("送给王小明", "给李伟的") and right after one ("王小明的", "李先生").
# (simplified and traditional: "给", "給")
_ZH_BEFORE = ("送给", "送給", "给", "給", "為", "为", "致", "和", "与", "與", "向", "对", "對", "由")
# ... and words that say a name follows wherever they stand in a run ("她叫王小明", "联系人李娜",
# "尊敬的张伟"): none of them ends a common word the way "和" ("and") does.
_ZH_CUE_INSIDE = re.compile(
    "[她他我]叫|名叫|叫做|名字是|联系人|聯繫人|联络人|聯絡人|收件人|收货人|收貨人|寄件人|客户|客戶|顾客|顧客|"
    "会员|會員|用户|用戶|亲爱的|親愛的|尊敬的|寄给|寄給|发给|發給|写给|寫給"
)
_ZH_AFTER = (
    "的",
    "先生",
    "女士",
    "小姐",
    "老师",
    "老師",
    "同学",
    "同學",
    "收",
    "专属",
    "專屬",
    "宛",
    "様",
    "氏",
)
# Japanese given names are one to three kanji (then a particle, an honorific, a space or the end).
_JA_GIVEN = re.compile("[ \t]?([\u4e00-\u9fff々]{1,3})(?![\u4e00-\u9fff々])")
# Japanese given names in kana (after a common surname), and the particles and honorifics after one.
_KANA_RUN = re.compile("[ \t]?([\u3041-\u3096\u30a1-\u30fa\u30fc]{2,8})")
_JA_HONORIFICS = ("さん", "さま", "ちゃん", "くん")
# A surname and a given name both in kana, a space (also the ideographic one) or a middle dot between.
# (It starts with the class, so the engine skips to kana; a match inside a longer word is dropped.)
_KANA = "\u3041-\u3096\u30a1-\u30fa\u30fc"
_KANA_PAIR = re.compile(f"([{_KANA}]{{2,6}})[ \u3000\u30fb\uff65](?=[{_KANA}]{{2}})")
_JA_AFTER = ("さん", "さま", "ちゃん", "くん", "の", "へ", "に", "と", "が", "を", "は", "も", "から", "より")
# Korean particles and honorifics a name takes ("김민준님께", "김민준에게", "김민준의").
_KO_AFTER = (
    "님께",
    "님을",
    "님의",
    "님이",
    "님은",
    "님과",
    "님에게",
    "님",
    "씨",
    "에게",
    "께서",
    "께",
    "의",
    "은",
    "는",
    "이",
    "가",
    "을",
    "를",
    "과",
    "와",
    "도",
    "한테",
)

_COMPOUND_NAME = 4


class EastAsianNames:
    """The rules of the module docstring, with their lists loaded once."""

    def __init__(self, given_names: frozenset[str]) -> None:
        """`given_names`: given names in Latin letters, lower case (for kana given names)."""
        self._given = given_names
        self._zh_surnames = names_scripts_set("surnames", "chinese")
        self._ko_surnames = names_scripts_set("surnames", "korean")
        self._ko_compound = names_scripts_set("surnames", "korean_compound")
        self._zh_given = names_scripts_set("given_chars", "chinese")
        self._ko_given = names_scripts_set("given_chars", "korean")
        self._not_korean = names_scripts_set("not_names_korean", "ko")
        self._not_chinese = tuple(names_scripts_set("not_names_chinese", "zh"))
        self._not_ja_given = names_scripts_set("not_japanese_given_start", "ja")
        self._ja_surnames = tuple(sorted(names_scripts_set("surnames", "japanese"), key=len, reverse=True))
        # Japanese surnames in Latin letters, for one written in kana ("たなか" is "tanaka").
        self._romanised = names_scripts_set("surnames", "romanised") | surnames()

    def han(self, value: str) -> tuple[int, int] | None:
        """Where `value` holds a Chinese or Japanese full name in Han characters (or a kana given name
        after a Japanese surname), or None."""
        surnames = self._zh_surnames
        for run in _HAN_RUN.finditer(value):
            text = run.group()
            starts = [0] + [len(word) for word in _ZH_BEFORE if text.startswith(word)]
            starts += [cue.end() for cue in _ZH_CUE_INSIDE.finditer(text)]
            for start in starts:
                for size in (2, 1):  # "欧阳" before "欧"
                    if (
                        text[start : start + size] in surnames
                        and self._zh_given_name(text[start + size :])
                        and not text[start:].startswith(self._not_chinese)  # "黄金", "高雅"
                    ):
                        return run.span()
            spaced = _HAN_RUN.match(value, run.end() + 1) if value[run.end() : run.end() + 1] == " " else None
            if spaced is not None and self._zh_given_name(spaced.group()):
                # "赵 秀芳", "张 健的", and after a word before a name: "给赵 秀芳的".
                for start in [0] + [len(word) for word in _ZH_BEFORE if text.startswith(word)]:
                    surname = text[start:]
                    if surname in surnames and not (surname + spaced.group()).startswith(self._not_chinese):
                        return run.start() + start, spaced.end()
            if self._japanese(value, run.start(), text):
                return run.span()
        return None

    def _zh_given_name(self, text: str) -> bool:
        """`text` starts with a Chinese given name (one or two of its characters), then ends or goes on
        with a word that follows names ("的", "先生")."""
        for length in (2, 1):
            name, after = text[:length], text[length:]
            if (
                len(name) == length
                and all(ch in self._zh_given for ch in name)
                and (not after or after.startswith(_ZH_AFTER))
            ):
                return True
        return False

    def _japanese(self, value: str, start: int, text: str) -> bool:
        for surname in self._ja_surnames:
            if text.startswith(surname):
                given = _JA_GIVEN.match(value, start + len(surname))
                if given is not None:
                    return given.group(1)[0] not in self._not_ja_given
                return text == surname and self._kana_given(value, start + len(surname))
        return False

    def _kana_given(self, value: str, end: int) -> bool:
        """A given name written in kana follows a surname ("佐藤 さくら", "田中ハルカ様", "鈴木ゆうきの"):
        read in Latin letters, it is a given name of the list, and what follows it in the run of kana is
        nothing, a particle or an honorific."""
        run = _KANA_RUN.match(value, end)
        if run is None:
            return False
        kana = run.group(1)
        if kana.startswith(_JA_HONORIFICS):  # "山田さん", "佐藤さまへ": a title, not a given name
            return False
        for size in range(len(kana), 1, -1):
            rest = kana[size:]
            if (not rest or rest.startswith(_JA_AFTER)) and anyascii(kana[:size]).lower() in self._given:
                return True
        return False

    def kana(self, value: str) -> tuple[int, int] | None:
        """Where `value` holds a Japanese full name written in kana ("たなか ゆうこ", "ナカムラ・ケンジくん"):
        the first word read in Latin letters is a surname of the lists, the second a given name."""
        for pair in _KANA_PAIR.finditer(value):
            if pair.start() and "\u3041" <= value[pair.start() - 1] <= "\u30fc":
                continue  # the end of a longer word
            if anyascii(pair.group(1)).lower() in self._romanised and self._kana_given(value, pair.end()):
                return pair.start(), pair.end()
        return None

    def _korean_compound(self, word: str) -> bool:
        """`word` is a surname of two syllables and two given-name syllables, then nothing or a particle
        ("남궁민수", "황보지은님께")."""
        rest = word[4:]
        return (
            word[:2] in self._ko_compound
            and len(word) >= _COMPOUND_NAME
            and word[2] in self._ko_given
            and word[3] in self._ko_given
            and (not rest or rest in _KO_AFTER)
        )

    def korean(self, value: str) -> tuple[int, int] | None:
        """Where `value` holds a Korean full name in Hangul, or None."""
        for match in _HANGUL_SPACED.finditer(value):  # "박 민수", "이 지원님께"
            rest = match.group(3)
            if (
                match.group(1) in self._ko_surnames
                and match.group(2)[0] in self._ko_given
                and match.group(2)[1] in self._ko_given
                and (not rest or rest in _KO_AFTER)
            ):
                return match.span()
        for match in _HANGUL_WORD.finditer(value):
            word = match.group()
            if self._korean_compound(word):
                return match.span()
            core, rest = word[:3], word[3:]
            if rest and rest not in _KO_AFTER:
                continue
            if (
                core[0] in self._ko_surnames
                and core[1] in self._ko_given
                and core[2] in self._ko_given
                and core not in self._not_korean
            ):
                return match.span()
        for match in _HANGUL_TWO.finditer(value):
            surname, given = match.group("a", "b") if match.group("a") else match.group("c", "d")
            if (
                surname in self._ko_surnames
                and given in self._ko_given
                and surname + given not in self._not_korean
            ):
                return match.span()
        return None
