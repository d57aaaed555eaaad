"""`signable` remembers the values it found clean (the same sampler, step count and scale come with
almost every event): the answer must be the one a fresh reading gives, first time and every time after,
and a value that holds personal data must never be kept."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from gate.core import remediate
from gate.core.remediate import signable

CLEAN = [
    "euler_a",
    "DPM++ 2M Karras",
    "Stability AI",
    "juggernautXL_v9",
    "LAION-5B",
    30,
    7.5,
    1,
    1.0,
    "1",
    -0.0,
]
DIRTY = ["jane-doe", "JOHN_SMITH", "JaneDoe", "0049-151-23456789", "004915123456789", "johnSmith1985",
         "jane.doe@example.com", "+49 151 23456789", "4111 1111 1111 1111"]  # fmt: skip


@pytest.fixture(autouse=True)
def empty_memory() -> Iterator[None]:
    remediate._SIGNABLE_SEEN.clear()
    yield
    remediate._SIGNABLE_SEEN.clear()


@pytest.mark.parametrize("value", CLEAN + DIRTY)
def test_the_remembered_answer_is_a_fresh_reading(value: object) -> None:
    fresh = remediate._reads_clean(str(value))
    assert signable(value) is fresh
    assert signable(value) is fresh  # the second time, from memory when clean
    assert ((type(value), value) in remediate._SIGNABLE_SEEN) is fresh


def test_personal_data_is_never_kept() -> None:
    for value in DIRTY:
        assert not signable(value), value
    assert not remediate._SIGNABLE_SEEN


def test_types_are_told_apart() -> None:
    """1, 1.0 and "1" are each read (they print differently, so a scan could differ)."""
    for value in (1, 1.0, "1"):
        signable(value)
    assert {(int, 1), (float, 1.0), (str, "1")} <= remediate._SIGNABLE_SEEN


def test_memory_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(remediate, "_SIGNABLE_SEEN_MAX", 3)
    for value in ("euler", "karras", "ddim", "heun", "lms"):
        assert signable(value)
    assert len(remediate._SIGNABLE_SEEN) == 3
    assert signable("lms")  # past the bound a clean value is read again, still clean
    assert not signable("jane-doe")
