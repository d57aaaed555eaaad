"""The vectorised end-of-scan search against its regex reference, on coded data shaped to hit every edge:
stuffing, restart markers, fill bytes, a 0xFF as the last byte, markers at and across window borders."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gate.imaging.entropy import (
    _FIRST_WINDOW,
    _LAST_WINDOW,
    _REGEX_SPAN,
    first_marker,
    first_marker_regex,
)

# Byte pairs that make coded data interesting: stuffing, restarts, fill, real markers, and plain bytes.
_PIECES = st.sampled_from(
    [
        *(b"\xff\x00", b"\xff\xd0", b"\xff\xd7", b"\xff\xff", b"\xff\xd8", b"\xff\xd9", b"\xff\xc4"),
        *(b"\xff\x01", b"\xff\xcf", b"\x00", b"\x7f", b"\xfe", b"\xd0"),
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=300), st.integers(min_value=0, max_value=700))
def test_agrees_with_the_regex_on_generated_coded_data(pieces: list[bytes], pos: int) -> None:
    data = b"".join(pieces)
    assert first_marker(data, pos) == first_marker_regex(data, pos)


@pytest.mark.parametrize(
    "offset",
    [
        _REGEX_SPAN - 1,
        _REGEX_SPAN,  # the 0xFF at the regex span's last byte, its partner the first window's first
        _REGEX_SPAN + 1,
        _REGEX_SPAN + _FIRST_WINDOW - 1,
        _REGEX_SPAN + _FIRST_WINDOW,
        _FIRST_WINDOW - 2,
        _FIRST_WINDOW - 1,  # the 0xFF is the window's last byte, its partner the next window's first
        _FIRST_WINDOW,
        _FIRST_WINDOW + 1,
        3 * _FIRST_WINDOW - 1,  # the second window's border
        3 * _FIRST_WINDOW,
        _LAST_WINDOW + 7 * _FIRST_WINDOW - 1,
        3 * _LAST_WINDOW,  # windows at their largest
    ],
)
@pytest.mark.parametrize("marker", [b"\xff\xd9", b"\xff\xff\xd9", b"\xff\xc4"])
def test_finds_a_marker_at_every_window_border(offset: int, marker: bytes) -> None:
    coded = os.urandom(offset).replace(b"\xff", b"\xff\x00")[:offset]
    if coded.endswith(b"\xff"):
        coded = coded[:-1] + b"\x00"
    data = coded + marker + os.urandom(64)
    assert first_marker(data, 0) == first_marker_regex(data, 0) == offset


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", -1),
        (b"\xff", -1),  # a 0xFF without a next byte ends no scan
        (b"\x00\xff", -1),
        (b"\xff\x00\xff\xd3\xff", -1),  # stuffing and a restart marker stay inside the scan
        (b"\xff\x00\xff\xd9", 2),
        (b"\xff\xff\x00", 0),  # fill before stuffing: the caller decides; the search reports the 0xFF
    ],
)
def test_truth_table(data: bytes, expected: int) -> None:
    assert first_marker(data, 0) == expected == first_marker_regex(data, 0)


@settings(max_examples=150, deadline=None)
@given(
    st.integers(min_value=0, max_value=3 * _FIRST_WINDOW),
    st.lists(_PIECES, max_size=60),
    st.integers(min_value=0, max_value=_REGEX_SPAN + 64),
)
def test_agrees_with_the_regex_past_the_regex_span(stuffed: int, pieces: list[bytes], pos: int) -> None:
    # Coded data with only stuffing for `stuffed` bytes, so the first marker lies past the regex's span
    # and in any window.
    data = b"\x12\xff\x00" * (stuffed // 3) + b"".join(pieces)
    assert first_marker(data, pos) == first_marker_regex(data, pos)


def test_a_start_past_the_end_finds_nothing() -> None:
    assert first_marker(b"\xff\xd9", 1) == -1 == first_marker(b"\xff\xd9", 5)


@pytest.mark.parametrize(
    "restart_at", [_REGEX_SPAN + 5, _REGEX_SPAN + _FIRST_WINDOW + 3, 3 * _FIRST_WINDOW + 1]
)
@pytest.mark.parametrize("marker_after", [2, 1000, _FIRST_WINDOW, 2 * _LAST_WINDOW])
@pytest.mark.parametrize("restart", [b"\xff\xd0", b"\xff\xd3", b"\xff\xd7"])
def test_a_restart_marker_first_in_a_window_does_not_end_the_scan(
    restart_at: int, marker_after: int, restart: bytes
) -> None:
    # The fast reading stops at the first 0xFF not followed by stuffing; a restart marker there sends the
    # window (and the rest of the scan) to the full reading, which must still find the marker behind it,
    # also windows later, and also past further restarts.
    stuffed = b"\x12\xff\x00" * (restart_at // 3)
    between = (b"\x34\xff\x00" * (marker_after // 3) + restart) * 2
    data = stuffed + restart + between + b"\xff\xd9" + b"\x00" * 8
    expected = len(stuffed) + len(restart) + len(between)
    assert first_marker(data, 0) == first_marker_regex(data, 0) == expected


def test_a_scan_with_only_restarts_and_stuffing_has_no_end() -> None:
    data = (b"\x12\xff\x00" * 5000 + b"\xff\xd5") * 40
    assert first_marker(data, 0) == -1 == first_marker_regex(data, 0)
