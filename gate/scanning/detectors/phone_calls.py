"""The phrases of a call around a phone number that the phone cues before it do not cover (numbers19):
the small words a call's phrase puts between its verb and the number ("Ring til mig på 34 47 57 08"),
and a call's phrase after the number in the languages that put the verb last ("010-2001-7834로 연락
주세요", "0912 346 3326 تماس بگیرید"). `phone` asks these; they know no phone number themselves."""

from __future__ import annotations

import re

from gate.scanning.detectors.base import any_word

# Phone cues before a number (`phone_cues._CUE` holds them as a pattern): Hindi "call", Chinese "dial" and
# "call", a person's own number (Hindi, Arabic, English), Brazilian "me liga".
CUE_WORDS: tuple[str, ...] = (
    "कॉल",
    "拨打",
    "撥打",
    "致电",
    "致電",
    "मेरा नंबर",
    "رقمي",
    "my number",
    "my phone number",
    "me liga",
)

# (numbers19) The words a call's phrase puts between its verb and the number, in the languages of the
# phone cues: "Ring venligst på", "Ring til mig på", "hringið í", "Piezvaniet man uz", "Helistage mulle
# numbril", "bel me op", "ruf mich unter", "call me on". Only these, so a phone word further off in a
# product's copy ("Telefonhülle 1234 5678") stays too far.
CALL_WORDS = re.compile(
    r"(?i)(?:(?<![^\W\d_])(?:venligst|vennligst|please|bitte|til|mig|meg|mij|mich|me|mi|mulle|man|mani|mums|"
    r"os|oss|us|uns|på|pa|op|on|at|au|al|em|no|na|uz|í|i|á|a|unter|an|numbril|numbrile|pod|numerem|"
    r"numer|numeru)[ \t]+){1,3}$"
)
CALL_WORDS_CHARS = 32


def past_call_words(value: str, start: int) -> int:
    """Where the words of a call's phrase (`CALL_WORDS`) before `start` begin; `start` when none."""
    found = CALL_WORDS.search(value, max(0, start - CALL_WORDS_CHARS), start)
    return found.start() if found is not None else start


# (numbers19) A call's phrase right after the number, in the languages that put the verb last: Korean
# "010-2001-7834로 연락 주세요", Japanese "090-1234-5678までお電話ください", Chinese "...联系我", Persian
# "... تماس بگیرید", Hindi and Urdu "... पर कॉल करें", Kazakh "... нөміріне қоңырау шалыңыз", Turkish
# "... numarasından arayın", Arabic "... للتواصل". (Kazakh as `normalise` reads its look-alike letters.)  # noqa: RUF003
_AFTER = re.compile(
    r"[ \t:,)\-]{0,3}(?:(?:으로|로|에게|에|번으로)\s*(?:연락|전화)|(?:まで|に|へ)\s*(?:お?電話|ご?連絡)|"
    r"\s*(?:联系|聯絡|联络|联係)|(?:تماس|زنگ)\s*(?:بگیرید|بزنید|بگیر|بزن)|"
    r"(?:पर|पे)\s*(?:कॉल|फ\u093c?ोन|संपर्क)|پر\s*(?:کال|رابطہ|فون)|"
    r"н[өo]м[\u0456i][\u0440p][\u0456i]н[\u0435e]\s+[қk]|(?i:numaras[\u0131i]ndan|numaradan)\s+(?i:aray|ulaş|ulas)|"
    r"للتواصل|للاتصال)"
)
AFTER_CHARS = 24
AFTER_WORDS = any_word(
    ("연락", "전화", "電話", "連絡", "联系", "聯絡", "联络", "تماس", "زنگ", "कॉल", "संपर्क", "फोन", "फ\u093cोन",
     "کال", "رابطہ", "қ", "numaras", "numarad", "للتواصل", "للاتصال")
)  # fmt: skip


def call_phrase_after(value: str, end: int) -> bool:
    """Whether a call's phrase (`_AFTER`) starts right after `end` in `value`."""
    return _AFTER.match(value[end : end + AFTER_CHARS]) is not None
