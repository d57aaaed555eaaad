"""`mimesis_sweep`, the held-out sweep: its kinds are made in every locale and scored their way, the two
sweeps share one tally and report (`sweep_core`), and unknown kinds are refused with the known ones."""

from __future__ import annotations

import pytest
from mimesis import Generic, Locale

from benchmarks import sweep_core
from benchmarks.faker_sweep import KINDS as FAKER_KINDS
from benchmarks.mimesis_sweep import CLEAN, FOUND, KINDS, main, sweep


def test_every_kind_is_made_in_every_locale() -> None:
    # A template that raised in some locale would be skipped there silently and shrink the sweep.
    for locale in Locale:
        generator = Generic(locale=locale, seed=3)
        for kind in (*FOUND, *CLEAN):
            assert isinstance(kind.make(generator), dict), (locale, kind.name)


def test_found_and_clean_are_scored_each_their_way() -> None:
    kinds = [KINDS["email_proof"], KINDS["colour_chair"]]
    tally = sweep(kinds, per_locale=2, seed=1, locales=[Locale.DE, Locale.JA])
    assert tally.made == {"email_proof": 4, "colour_chair": 4}
    assert tally.right == {"email_proof": 4, "colour_chair": 4}
    assert sweep_core.totals(tally, kinds) == "found 4/4, clean 4/4"


def test_a_wrong_record_is_kept_with_its_locale() -> None:
    nothing: sweep_core.Kind[Generic] = sweep_core.Kind("nothing", True, lambda g: {"prompt": "a red mug"})
    tally = sweep([nothing], per_locale=1, seed=1, locales=[Locale.IS])
    assert tally.wrong["nothing"] == [("is", {"prompt": "a red mug"})]
    assert sweep_core.totals(tally, [nothing]) == "found 0/1, clean 0/0"


def test_kinds_are_named_once_and_apart_from_fakers() -> None:
    assert len(KINDS) == len(FOUND) + len(CLEAN)
    assert not set(KINDS) & set(FAKER_KINDS)  # the held-out sweep's templates are its own


def test_unknown_kinds_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--kinds", "email_proof,nope"]) == 2
    assert "unknown kinds: nope" in capsys.readouterr().err
