"""PERSON written in another script than the cue before it: "gift for Ηλίας Παπαδόπουλος", "engrave:
山田太郎", "for Ахмед", "name: ლევან კაპანაძე". Shops that write their templates in English fill them with
the customer's name as the customer wrote it; the rules of each script (person_scripts.py, person_cjk.py)
wait for a cue of their own language, so an English one is read here.

After "for", "engrave", "engraving" or "name" (a colon may follow), a run of one to three words of one
script other than Latin, ending the text or before a mark, a digit or a Latin word, is a name when:
- Greek or Cyrillic: one word is a given name or has a surname's ending (one word: a given name that is
  no everyday word); "for Нового года" and "gift for мамы" are not;
- Armenian, Georgian, Ethiopic, Arabic, Hebrew, Thai and the Brahmic scripts: two or three words whose
  first is no kinship word nor a word of a message (data/names_scripts.toml [other_script]) and no
  occasion is among them ("gift for عيد الفطر"); one word, a given name of the lists (in Latin letters
  for the scripts without a list of their own);
- Han: a listed surname and one or two more characters; Hangul: a surname syllable and one to three more.
"""

from __future__ import annotations

import re
from functools import cache

from anyascii import anyascii

from gate.scanning.detectors.base import Text, any_word
from gate.scanning.detectors.person_lists import names_scripts_set, occasion
from gate.scanning.detectors.person_scripts import ScriptNames

_GREEK_CYRILLIC = "\u0370-\u03ff\u0400-\u04ff"
_ARMENIAN, _GEORGIAN, _ETHIOPIC = "\u0531-\u0587", "\u10a0-\u10ff", "\u1200-\u137f"
_ARABIC, _HEBREW = "\u0620-\u064a\u066e-\u06d3", "\u05d0-\u05ea"
_SPACED = "\u0900-\u0dff\u0e01-\u0e4e"  # Brahmic scripts and Thai, with their vowel signs
_HAN, _HANGUL, _KANA = "\u3400-\u4dbf\u4e00-\u9fff", "\uac00-\ud7a3", "\u3041-\u3096\u30a1-\u30fa\u30fc"
_OTHER = (
    _GREEK_CYRILLIC + _ARMENIAN + _GEORGIAN + _ETHIOPIC + _ARABIC + _HEBREW + _SPACED + _HAN + _HANGUL + _KANA
)
_OTHER_LETTER = re.compile(f"[{_OTHER}]")
has_cue_word = any_word(("for", "engrav", "name"))
# The cue, then the first letter of another script (a look-ahead: the run is read from there).
_CUE = re.compile(rf"(?i:\b(?:for|engrave[ds]?|engraving|name))[ \t]*:?[ \t]*(?=[^\W\d_]*[{_OTHER}])")
# A word: letters (Latin look-alikes `normalise` made of Greek, Cyrillic and Armenian ones among them),
# their marks (the vowel signs of Brahmic scripts, the zero-width joiner), a hyphen inside.
_LETTER_OR_MARK = rf"[\w{_SPACED}\u200c\u200d]"  # (Python's \w holds no vowel sign)
_WORD = re.compile(rf"[^\W\d_]{_LETTER_OR_MARK}*(?:-[^\W\d_]{_LETTER_OR_MARK}*)?")
_GAP = re.compile(r"[ \t]+")
_MAX_WORDS = 3
_MIN_GIVEN = 3
_HAN_NAME = (2, 4)  # characters of a Chinese name, with its surname
_HANGUL_NAME = (2, 4)
# What ends a name: the text, a mark, a digit, a Latin word after a space.
_END = re.compile(r"(?:$|[^\w]|\d|[ \t]+[A-Za-z])")


@cache
def _lists() -> dict[str, frozenset[str]]:
    """The lists of data/names_scripts.toml this module reads."""
    stop = names_scripts_set("titles_not_names", "stop") | names_scripts_set("titles_not_names", "gift_kin")
    return {
        "stop": stop | names_scripts_set("other_script", "not_first"),
        "zh": names_scripts_set("surnames", "chinese"),
        "not_zh": names_scripts_set("not_names_chinese", "zh"),
        "ko": names_scripts_set("surnames", "korean"),
        "not_ko": names_scripts_set("not_names_korean", "ko"),
    }


class OtherScriptNames:
    """The rules of the module docstring."""

    def __init__(self, scripts: ScriptNames, world: frozenset[str]) -> None:
        """`scripts`: the rules of Greek and Cyrillic names; `world`: given names in Latin letters."""
        self._scripts = scripts
        self._world = world

    def find(self, text: Text) -> tuple[int, int] | None:
        """Where `text` (not ASCII) holds a name of another script after a Latin cue."""
        value = text.value
        # (Two cheap tests first: most text beyond ASCII is accented Latin, or holds no such cue.)
        if not has_cue_word(text) or _OTHER_LETTER.search(value) is None:
            return None
        for cue in _CUE.finditer(value):
            words: list[re.Match[str]] = []
            pos = cue.end()
            while len(words) < _MAX_WORDS and (word := _WORD.match(value, pos)) is not None:
                words.append(word)
                gap = _GAP.match(value, word.end())
                if (
                    gap is None
                    or (after := _WORD.match(value, gap.end())) is None
                    or not _word_script(after.group())
                ):
                    break
                pos = gap.end()
            if not words or _END.match(value, words[-1].end()) is None:
                continue
            read = [word.group() for word in words]
            script = _word_script(read[0])
            if (
                script is not None
                and all(_word_script(w) == script for w in read)
                and self._name(read, script)
            ):
                return cue.end(), words[-1].end()
        return None

    def _name(self, words: list[str], script: str) -> bool:
        lists = _lists()
        if words[0] in lists["stop"] or occasion().search(" ".join(words)) is not None:
            return False
        if script in ("greek", "cyrillic"):
            return all(w[0].isupper() for w in words) and self._scripts.cased_name(words, script)
        if script in ("armenian", "georgian", "ethiopic", "spaced"):  # a name has two words
            return len(words) > 1 or self._given_in_latin(words[0])
        if script in ("arabic", "hebrew"):
            # (Given names start with no article: "عيد الفطر" is a feast, "قلب الأم" a mother's heart.)
            return self._scripts.native_given(words[0]) if len(words) == 1 else not words[0].startswith("ال")
        if script == "han" and len(words) == 2 and len(words[1]) <= 2:
            words = ["".join(words)]
        if len(words) > 1:
            return False
        word = words[0]
        if script == "han":
            surname = 2 if word[:2] in lists["zh"] else 1 if word[:1] in lists["zh"] else 0
            return (
                bool(surname)
                and _HAN_NAME[0] <= len(word) <= _HAN_NAME[1]
                and (not word.startswith(tuple(lists["not_zh"])))
            )
        if script == "hangul":
            return (
                _HANGUL_NAME[0] <= len(word) <= _HANGUL_NAME[1]
                and word[0] in lists["ko"]
                and word not in lists["not_ko"]
            )
        return self._given_in_latin(word)  # kana

    def _given_in_latin(self, word: str) -> bool:
        latin = anyascii(word).lower()
        return len(latin) > _MIN_GIVEN and latin in self._world


def _word_script(word: str) -> str | None:
    """The script of the first letter of `word` that is of this module's scripts, or None (Latin only)."""
    for ch in word:
        if not ch.isascii():
            for script, letters in _SCRIPTS:
                if letters.match(ch):
                    return script
    return None


_SCRIPTS = tuple(
    (name, re.compile(f"[{letters}]"))
    for name, letters in (
        ("greek", "\u0370-\u03ff"),
        ("cyrillic", "\u0400-\u04ff"),
        ("armenian", _ARMENIAN),
        ("georgian", _GEORGIAN),
        ("ethiopic", _ETHIOPIC),
        ("arabic", _ARABIC),
        ("hebrew", _HEBREW),
        ("spaced", _SPACED),
        ("han", _HAN),
        ("hangul", _HANGUL),
        ("kana", _KANA),
    )
)
