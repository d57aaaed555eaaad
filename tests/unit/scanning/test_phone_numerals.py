# ruff: noqa: RUF001 - full-width colons of Chinese and Japanese text, on purpose
"""Phone numbers written with numerals as characters after a phone cue or under a phone key: Chinese and
Japanese numerals (`〇一二三`, `幺` for 1, the financial `壹贰叁`), Sino-Korean digits in Hangul (`공일공`),
as people write them to slip past filters, with or without spaces; counting and product copy with the
same characters stay clean (no cue, a count, too few digits)."""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters

_FOUND = [
    {"note": "電話：〇九〇 一二三四 五六七八"},
    {"note": "電話〇九〇一二三四五六七八"},
    {"note": "电话：一三八 一二三四 五六七八"},
    {"note": "电话一三八一二三四五六七八"},
    {"note": "手机号码一三八一二三四五六七八"},
    {"note": "微信同号 一三九 一二三四 五六七八"},
    {"note": "手机 幺三八幺二三四五六七八"},
    {"note": "联系电话：壹叁捌 壹贰叁肆 伍陆柒捌"},
    {"note": "전화 공일공 일이삼사 오육칠팔"},
    {"note": "전화:공일공일이삼사오육칠팔"},
    {"note": "연락처: 010-일이삼사-오육칠팔"},
    {"phone": "一三八一二三四五六七八"},
    {"tel": "공일공일이삼사오육칠팔"},
]
_CLEAN = [
    {"note": "一二三四五六七八九〇 counting poster"},
    {"note": "三件套 四季 五折 六色 七天 八折 九成新"},
    {"note": "电话：八折 优惠 一二三"},
    {"note": "第一二三四五六七八章"},
    {"note": "사이즈 이사오 칠팔구"},
    {"note": "电话壳 一二三四五六七八九 款式"},
    {"note": "手机壳一二三四五六七八九"},
    {"phone": "三件套"},
    {"note": "phoney one two three four five six seven eight"},
]


@pytest.mark.parametrize("params", _FOUND, ids=lambda p: next(iter(p.values()))[:12])
def test_numerals_written_as_characters_are_read(params: dict[str, str]) -> None:
    assert {finding.entity for finding in scan_parameters(params)} == {"PHONE_NUMBER"}


@pytest.mark.parametrize("params", _CLEAN, ids=lambda p: next(iter(p.values()))[:12])
def test_counts_and_product_copy_stay_clean(params: dict[str, str]) -> None:
    assert scan_parameters(params) == []
