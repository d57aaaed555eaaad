"""`signable` remembers the values it found clean (the same sampler, step count and scale come with
almost every event): the answer must be the one a fresh reading gives, first time and every time after,
and a value that holds personal data must never be kept."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from gate.core import declared, remediate
from gate.core.declared import signable

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
    declared._SIGNABLE_SEEN.clear()
    yield
    declared._SIGNABLE_SEEN.clear()


@pytest.mark.parametrize("value", CLEAN + DIRTY)
def test_the_remembered_answer_is_a_fresh_reading(value: object) -> None:
    fresh = declared._reads_clean(str(value))
    assert signable(value) is fresh
    assert signable(value) is fresh  # the second time, from memory when clean
    assert ((type(value), value) in declared._SIGNABLE_SEEN) is fresh


def test_personal_data_is_never_kept() -> None:
    for value in DIRTY:
        assert not signable(value), value
    assert not declared._SIGNABLE_SEEN


def test_types_are_told_apart() -> None:
    """1, 1.0 and "1" are each read (they print differently, so a scan could differ)."""
    for value in (1, 1.0, "1"):
        signable(value)
    assert {(int, 1), (float, 1.0), (str, "1")} <= declared._SIGNABLE_SEEN


def test_memory_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(declared, "_SIGNABLE_SEEN_MAX", 3)
    for value in ("euler", "karras", "ddim", "heun", "lms"):
        assert signable(value)
    assert len(declared._SIGNABLE_SEEN) == 3
    assert signable("lms")  # past the bound a clean value is read again, still clean
    assert not signable("jane-doe")


# (key, value) pairs bound for a manifest: fit ones, and ones each test of `_fits_manifest` refuses (a
# form, a name read as free text, a phone number under a key that does not say "a number", a key whose
# value c2pa would not read back).
FIT_PAIRS = [("sampler", "euler_a"), ("steps", 30), ("cfg_scale", 7.5), ("seed", 447911123456),
             ("width", 1024.0), ("height", -0.0), ("quality", True), ("style", "1")]  # fmt: skip
UNFIT_PAIRS = [("sampler", "a" * 49), ("steps", float("nan")), ("style", "jane-doe"),
               ("model", "JohnSmith1985"), ("sampler", 447911123456), ("scheduler", "4915123456789"),
               ("icon", "x"), ("size", [1, 2]), ("strength", None), ("steps", 2**70)]  # fmt: skip


def _fresh_fit(key: str, value: object) -> bool:
    """`_fits_manifest` as it read before pairs were remembered."""
    return bool(
        remediate.parameter_value_form(value)
        and remediate.signable(value)  # fresh: the autouse fixture empties its memory
        and not remediate._phone_number_under(key, value)
        and remediate.reads_back({key: value})
    )


@pytest.fixture
def empty_fit_memory() -> Iterator[None]:
    remediate._FIT_SEEN.clear()
    yield
    remediate._FIT_SEEN.clear()


@pytest.mark.usefixtures("empty_fit_memory")
@pytest.mark.parametrize(("key", "value"), FIT_PAIRS + UNFIT_PAIRS)
def test_a_remembered_pair_reads_as_a_fresh_reading(key: str, value: object) -> None:
    fresh = _fresh_fit(key, value)
    assert fresh is ((key, value) in FIT_PAIRS)  # the lists say what a reading gives
    assert remediate._fits_manifest(key, value) is fresh
    assert remediate._fits_manifest(key, value) is fresh  # the second time, from memory when fit
    assert bool(remediate._FIT_SEEN) is (fresh and not isinstance(value, bool))


@pytest.mark.usefixtures("empty_fit_memory")
def test_a_pair_is_remembered_by_key_type_and_spelling() -> None:
    """A number fit under `seed` is a phone number under `sampler`; 1, 1.0 and "1" differ in type and
    0.0 and -0.0 in spelling: none stands in for another."""
    assert remediate._fits_manifest("seed", 447911123456)
    assert not remediate._fits_manifest("sampler", 447911123456)
    for value in (1, 1.0, "1", 0.0, -0.0):
        assert remediate._fits_manifest("style", value)
    assert {("style", int, 1), ("style", float, "1.0"), ("style", str, "1")} <= remediate._FIT_SEEN
    assert {("style", float, "0.0"), ("style", float, "-0.0")} <= remediate._FIT_SEEN


@pytest.mark.usefixtures("empty_fit_memory")
def test_the_pair_memory_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(remediate, "_FIT_SEEN_MAX", 2)
    for value in ("euler", "karras", "ddim"):
        assert remediate._fits_manifest("sampler", value)
    assert len(remediate._FIT_SEEN) == 2
    assert remediate._fits_manifest("sampler", "ddim")  # past the bound read again, still fit
    assert not remediate._fits_manifest("sampler", "jane-doe")
