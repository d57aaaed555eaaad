"""`faker_sweep`: each side is scored the right way round, a locale's missing provider is skipped rather
than counted, and unknown kinds are refused with the list of known ones."""

from __future__ import annotations

from typing import Any

import pytest
from faker import Faker

from benchmarks.faker_sweep import CLEAN, FOUND, KINDS, Kind, main, report, sweep


def test_found_and_clean_are_scored_each_their_way() -> None:
    kinds = [KINDS["email_text"], KINDS["colour"]]
    tally = sweep(kinds, per_locale=2, seed=1, locales=["en_US", "de_DE"])
    assert tally.made == {"email_text": 4, "colour": 4}
    assert tally.right == {"email_text": 4, "colour": 4}
    assert not tally.wrong


def test_a_wrong_record_is_kept_with_its_locale() -> None:
    # A template that plants nothing cannot be found: every record is a miss, kept for the next change.
    nothing = Kind("nothing", True, lambda f: {"prompt": "a red mug"})
    tally = sweep([nothing], per_locale=1, seed=1, locales=["fr_FR"])
    assert tally.wrong["nothing"] == [("fr_FR", {"prompt": "a red mug"})]
    assert "wrong in 1 locales: fr_FR 1" in report(tally, [nothing])[0]


def test_a_provider_a_locale_lacks_is_skipped() -> None:
    def missing(fake: Faker) -> dict[str, Any]:
        raise AttributeError("no such provider")

    tally = sweep([Kind("missing", True, missing)], per_locale=3, seed=1, locales=["en_US"])
    assert tally.made["missing"] == 0
    assert report(tally, [Kind("missing", True, missing)]) == []


def test_kinds_are_named_once() -> None:
    assert len(KINDS) == len(FOUND) + len(CLEAN)


def test_unknown_kinds_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--kinds", "email_text,nope"]) == 2
    assert "unknown kinds: nope" in capsys.readouterr().err
