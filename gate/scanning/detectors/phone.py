"""PHONE_NUMBER, validated by `phonenumbers`.

International numbers ("+49 151 ...") are found anywhere. National formats are read in any shape
where the key or a nearby word says phone, with a few default regions first; without that context
only in the shapes people write phone numbers in ("06 12 34 56 78", "0151 23456789", "612 345 678",
"(415) 555-0132": `phone_shapes`), because otherwise any run of digits (a seed, an order number) can
parse as some country's number. The words that say a number is a phone's are `phone_cues`'.
"""

from __future__ import annotations

import re

import phonenumbers

from gate.scanning.context import NOT_NUMERIC, PHONE
from gate.scanning.detectors import phone_calls, phone_cues, phone_shapes
from gate.scanning.detectors.base import (
    HAS_DIGIT,
    HAS_DIGIT_RUN,
    HAS_EIGHT_DIGITS,
    HAS_PLUS,
    PatternDetector,
    PatternRule,
    Text,
    any_word,
)
from gate.scanning.detectors.uuid_token import in_uuid
from gate.scanning.script_facts import HAS_NON_UUID

NATIONAL_REGIONS = ("US", "GB", "DE", "FR", "NL", "ES", "IT")
# Under a phone key or cue, the rest of Europe is tried too (national formats differ per region: "06-12
# 34 56 78", "0151 2345678", "912 345 678"), after the regions above.
EUROPEAN_REGIONS = (
    "AT", "BE", "CH", "LU", "IE", "PT", "PL", "CZ", "SK", "HU", "RO", "BG", "GR", "CY", "MT", "HR", "SI",
    "RS", "BA", "ME", "MK", "AL", "SE", "DK", "NO", "FI", "IS", "EE", "LV", "LT", "TR", "UA", "MD",
)  # fmt: skip
# Then the other regions of the world's largest phone-using populations (Asia, the Americas, Africa,
# Oceania): "090-1234-5678" is a Japanese mobile, "010-1234-5678" a Korean one.
WORLD_REGIONS = (
    "JP", "CN", "KR", "IN", "BR", "MX", "AR", "CO", "CL", "PE", "AU", "NZ", "CA", "RU", "BY", "KZ", "SA",
    "AE", "EG", "MA", "DZ", "ZA", "NG", "KE", "TH", "VN", "ID", "PH", "MY", "SG", "HK", "TW", "IL", "PK",
    "BD", "IR", "IQ",
)  # fmt: skip
_MIN_KEYED_DIGITS = 8  # Danish and Norwegian numbers have eight digits

# The look-behind sits after the "+", so the regex engine can skip ahead to a "+". The country code may
# stand in parentheses, with spaces ("+(44) 20 7946 0958", "+ (49) 30 901820").
_INTERNATIONAL = re.compile(r"\+(?<![\w+]\+)[ \t]?\(?[ \t]?[1-9][\d \t().\-/]{5,22}\d(?!\d)")
# Chinese, Japanese, Korean and Thai put no space between a word and a number ("手机13812345678",
# "携帯09012345678"): a letter of those scripts may stand right before one; a Latin letter may not.
_SPACELESS = "\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3"
# Its first character ("(" or a digit) first, the look-behinds after it, so the engine skips ahead to one.
_NATIONAL = re.compile(
    rf"[(\d](?<![^\W{_SPACELESS}][(\d]|\+[(\d])(?:(?<=0)0[1-9]|(?<=\()\d|(?<=\d))"
    r"[\d \t().\-/]{5,22}\d(?!\d)"
)
# "00" is the international call prefix in all of Europe: "0049 30 1234567", "00420 601 743 915".
_IDD = re.compile(r"0(?<![\w+]0)0[1-9][\d \t().\-/]{6,22}\d(?!\d)")
_INTERNATIONAL_PREFIX = re.compile(r"\+\d{0,4}[ \t.\-/]*$")
_MIN_NATIONAL_DIGITS = 9
_SAID_CHARS = 24  # how close before an unassigned international number a phone word must stand
_IS_POSSIBLE = phonenumbers.ValidationResult.IS_POSSIBLE
_MIN_NAMED_DIGITS = 7
# A chat or call link holds the number in international form without its "+": "wa.me/971501234567",
# "api.whatsapp.com/send?phone=...", "viber://chat?number=...", "tel:0049...".
_LINK = re.compile(
    r"(?i)(?:wa\.me/|whatsapp\.com/send/?\?phone=|viber://(?:chat|add)\?number=|(?:tel|callto|sms):)"
    r"(?:\+|%2b|00)?(\d{8,15})(?!\d)"
)


def _link(match: re.Match[str], text: Text) -> bool:
    return _valid("+" + match.group(1), None)


def _valid(candidate: str, region: str | None) -> bool:
    try:
        number = phonenumbers.parse(candidate, region)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(number)


def _international(match: re.Match[str], text: Text) -> bool:
    return _valid(match.group(), None) or _possible_where_said(match.group(), text, match.start())


def _possible_where_said(candidate: str, text: Text, start: int) -> bool:
    """An international number that no carrier has been given (`+1 555 123 4567`, `+44 7700 900123`:
    the numbers films and test data use) still has a country code and a number's length: under a
    phone key or right after a phone word it is written as someone's number, so it counts there."""
    said = phone_cues.cued(text, start, window=_SAID_CHARS) or phone_cues.NUMBER_NAMED.search(
        text.value, max(0, start - phone_cues.NUMBER_NAMED_CHARS), start
    )
    if not (text.flags & PHONE or said):
        return False
    try:
        number = phonenumbers.parse(candidate, None)
    except phonenumbers.NumberParseException:
        return False
    # A whole number's length, not a local one's ("+1 555 0100" is seven digits: a US number in fiction).
    return phonenumbers.is_possible_number_with_reason(number) == _IS_POSSIBLE


def _named_number(text: Text, match: re.Match[str]) -> bool:
    """A phone number's name ends right before `match` (`phone_cues.named_number`), and `match` is no
    tail of an international number nor part of a UUID."""
    value, start = text.value, match.start()
    if _INTERNATIONAL_PREFIX.search(value, max(0, start - 6), start) or in_uuid(value, start, match.end()):
        return False
    return phone_cues.named_number(text, match)


def _idd(match: re.Match[str], text: Text) -> bool:
    # "GTIN 00270860919020" is a padded product code, not "+27 ..." (a cue before it is read by
    # `_national`, which tries "00" forms too); nor is a UUID's last group of decimal digits.
    if phone_shapes.after_reference(text.value, match.start()) or in_uuid(
        text.value, match.start(), match.end()
    ):
        return False
    candidate = "+" + match.group()[2:]
    return _valid(candidate, None) or _possible_where_said(candidate, text, match.start())


def _national(match: re.Match[str], text: Text) -> bool:
    if not (text.flags & PHONE or phone_cues.cued(text, match.start())):
        return False
    candidate = match.group()
    # The tail of an invalid international number ("+1 555 0100") is not a national number, and
    # fewer than nine digits parse as some region's local number far too easily.
    if _INTERNATIONAL_PREFIX.search(text.value, max(0, match.start() - 6), match.start()):
        return False
    # A product's own code after its reference word, in a phone accessory's copy: "Handyhülle, Art.-Nr.
    # 01511234567", "coque téléphone, réf. 0612345678". Under a phone key the key decides.
    # (text17) Not when the reference word is a phone number's own name ("cell no.", "cp no.").
    if (
        not text.flags & PHONE
        and phone_shapes.after_reference(text.value, match.start())
        and not _named_number(text, match)
        and not phone_cues.called(text, match.start())
    ):
        return False
    if in_uuid(text.value, match.start(), match.end()):
        return False
    digits = sum(ch.isdigit() for ch in candidate)
    if digits >= _MIN_NATIONAL_DIGITS:
        return valid_after_cue(candidate)
    # Eight digits are enough under a phone key, right after a phone word ("mobil 45 47 97 51"), or
    # after a phone number's own name ("phone number: 2612 3456", "Telefonnummer 45 47 97 51").
    close = (
        bool(text.flags & PHONE)
        or phone_cues.cued(text, match.start(), window=12)
        or _named_number(text, match)
    )
    close = close or phone_cues.called(text, match.start())  # (numbers19) "Ring til mig på 34 47 57 08"
    return digits >= _MIN_KEYED_DIGITS and close and valid_after_cue(candidate)


def _named_short(match: re.Match[str], text: Text) -> bool:
    """Seven digits (Iceland's numbers) after a phone number's own name ("símanúmer 661 2345") or right
    after a word that names a phone and nothing else ("sími: 661 2345"; not "ring", "call", "cell")."""
    digits = sum(ch.isdigit() for ch in match.group())
    if digits != _MIN_NAMED_DIGITS:
        return False
    return (
        _named_number(text, match) or phone_cues.phone_word_before(text, match.start())
    ) and valid_after_cue(match.group())


_CUED_REGIONS = NATIONAL_REGIONS + EUROPEAN_REGIONS + WORLD_REGIONS
# The region the last cued number was valid in, tried first: the answer is whether any region accepts
# the number, so the order only decides how many parses it costs (35-130 us each), and a stream's
# numbers mostly share a country. One slot, replaced whole (safe to read from any thread).
_last_region: list[str] = [NATIONAL_REGIONS[0]]


def valid_after_cue(candidate: str) -> bool:
    """Whether `candidate` (digits and separators, read after a phone cue or under a phone key) is a
    valid number of some region of `NATIONAL_REGIONS`, `EUROPEAN_REGIONS` or `WORLD_REGIONS` (the
    region of the last valid one tried first), or an international number written without its "+"."""
    if candidate.startswith("00"):
        return _valid("+" + candidate[2:], None)
    last = _last_region[0]
    if _valid(candidate, last):
        return True
    for region in _CUED_REGIONS:
        if region != last and _valid(candidate, region):
            _last_region[0] = region
            return True
    # A bare digit string under a phone key is often an international number without its "+".
    return candidate.isdigit() and len(candidate) >= 10 and _valid("+" + candidate, None)


_MIN_BARE_DIGITS, _MAX_BARE_DIGITS = 8, 15  # E.164: at most 15 digits with the country code


def international_without_plus(value: object) -> bool:
    """True if `value`, an integer or a string of digits, is a valid international phone number once
    "+" is put before it (447911123456, "4915123456789"): how a number reads in JSON, as a number.
    Whether that is a phone number or a seed is for its key to say (`context.NOT_NUMERIC`)."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        return False
    digits = str(value)
    if not (digits.isdigit() and digits.isascii() and _MIN_BARE_DIGITS <= len(digits) <= _MAX_BARE_DIGITS):
        return False
    return digits[0] != "0" and _valid("+" + digits, None)


_TRUNK_REGIONS = phone_shapes.trunk_regions(NATIONAL_REGIONS + EUROPEAN_REGIONS + WORLD_REGIONS)
# (text14) A script only one of those regions writes puts that region first: "フリーダイヤル 0120-123-456"
# is a Japanese toll-free line (a business's) before it is a fixed line of Paris or Stockholm.
_SCRIPT_FIRST = tuple(
    (re.compile(script), (region, *(other for other in _TRUNK_REGIONS if other != region)))
    for script, region in (("[\u3040-\u30ff]", "JP"), ("[\uac00-\ud7af]", "KR"), ("[\u0e00-\u0e7f]", "TH"))
    if region in _TRUNK_REGIONS
)


def _regions_of(value: str) -> tuple[str, ...]:
    """The trunk regions in the order to read a number of `value` in (see `_SCRIPT_FIRST`)."""
    if not value.isascii():
        for script, regions in _SCRIPT_FIRST:
            if script.search(value):
                return regions
    return _TRUNK_REGIONS


# A decimal number whose fraction is all zeros ("792.000000", an image's height as ImageMagick writes it
# into XMP): no subscriber number is a run of zeros.
_ZERO_FRACTION = re.compile(r"\d+[.,]0+")


def _shaped(match: re.Match[str], text: Text) -> bool:
    # The tail of an international number ("+1 555 0100", "0049 ...") is read by the rules above.
    if _INTERNATIONAL_PREFIX.search(text.value, max(0, match.start() - 6), match.start()):
        return False
    if _ZERO_FRACTION.fullmatch(match.group()):
        return False
    value = text.value
    return phone_shapes.reads_as_national_number(value, match.start(), match.end(), _regions_of(value))


# Digits without a separator are read for the mobile ranges of the main regions only: in all 54 regions
# with a trunk "0", 96% of random 10-digit strings after "0" are some region's mobile number; in these
# five, 19% (FR and NL "06"/"07", GB "07"), 10% of 11-digit ones, 2% of 12, none of 13.
_UNGROUPED_REGIONS = phone_shapes.trunk_regions(NATIONAL_REGIONS)


def _ungrouped(match: re.Match[str], text: Text) -> bool:
    return phone_shapes.reads_as_ungrouped_mobile(text.value, match.start(), match.end(), _UNGROUPED_REGIONS)


def _called_after(match: re.Match[str], text: Text) -> bool:
    """A number followed by a call's phrase (`phone_calls`): valid after a cue, eight digits or more; not
    the tail of a code ("SM-1234-5678로"), nor the shop's number after its reference word ("주문번호
    2024-0101-1234로 연락 주세요": contact us about order ...)."""
    value, start = text.value, match.start()
    return (
        phone_calls.call_phrase_after(value, match.end())
        and _INTERNATIONAL_PREFIX.search(value, max(0, start - 6), start) is None
        and sum(ch.isdigit() for ch in match.group()) >= _MIN_KEYED_DIGITS
        and value[max(0, start - 1) : start] not in ("-", "/", "_", "#")
        and not in_uuid(value, start, match.end())
        and not phone_shapes.after_reference(value, start)
        and valid_after_cue(match.group())
    )


def _brazilian_mobile(match: re.Match[str], text: Text) -> bool:
    return phone_shapes.reads_as_brazilian_mobile(text.value, match.start(), match.end())


DETECTOR = PatternDetector(
    entity="PHONE_NUMBER",
    # Not a digit run: the patterns allow any separators between digits ("+1 650 - 253 - 0000").
    needs=HAS_DIGIT,
    rules=(
        PatternRule("phone.international", _INTERNATIONAL, _international, requires=HAS_PLUS),
        # (hexfast26) idd, national and cue_after reject a number in a UUID with a hex letter (`in_uuid`):
        # not asked about such a UUID alone (`HAS_NON_UUID`).
        PatternRule("phone.idd", _IDD, _idd, requires=HAS_EIGHT_DIGITS | HAS_NON_UUID),
        PatternRule(
            "phone.link",
            _LINK,
            _link,
            when=any_word(("wa.me/", "whatsapp.com/", "viber://", "tel:", "callto:", "sms:")),
            requires=HAS_EIGHT_DIGITS | HAS_DIGIT_RUN,
        ),
        PatternRule(
            "phone.national",
            _NATIONAL,
            _national,
            phone_cues.may_be_national,
            requires=HAS_EIGHT_DIGITS | HAS_NON_UUID,
        ),
        PatternRule(
            "phone.named_short", _NATIONAL, _named_short, phone_cues.may_be_national, requires=HAS_DIGIT_RUN
        ),
        PatternRule(
            "phone.cue_after",
            _NATIONAL,
            _called_after,
            phone_calls.AFTER_WORDS,
            requires=HAS_EIGHT_DIGITS | HAS_NON_UUID,
        ),
        # Without a cue: only the shapes of `phone_shapes`. Nine digits in groups with one or two
        # characters between them always hold a digit run, so strings without one (a third of those
        # with eight digits: scattered sizes, steps, dates) skip the regex.
        PatternRule(
            "phone.national_shape", phone_shapes.SHAPED, _shaped, requires=HAS_EIGHT_DIGITS | HAS_DIGIT_RUN
        ),
        # ... and a mobile number written without separators ("0612345678", "07911123456").
        PatternRule(
            "phone.national_mobile",
            phone_shapes.UNGROUPED,
            _ungrouped,
            requires=HAS_EIGHT_DIGITS | HAS_DIGIT_RUN,
        ),
        # ... and a Brazilian mobile in its own shape ("(11) 98765-4321").
        PatternRule(
            "phone.brazilian_mobile",
            phone_shapes.BRAZILIAN_MOBILE,
            _brazilian_mobile,
            requires=HAS_EIGHT_DIGITS | HAS_DIGIT_RUN,
        ),
    ),
    unless=NOT_NUMERIC,
)
