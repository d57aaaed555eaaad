"""The idle-fetch probe's variants: settings given as JSON, whose Kafka keys keep their dots."""

from __future__ import annotations

import pytest

from benchmarks.e2e_idle_fetch import _variant


def test_a_variant_is_a_name_and_settings_whose_kafka_keys_keep_their_dots() -> None:
    assert _variant('wait100={"kafka": {"fetch.wait.max.ms": "100"}}') == (
        "wait100",
        {"kafka": {"fetch.wait.max.ms": "100"}},
    )
    assert _variant("default=") == ("default", {})


def test_settings_that_are_not_an_object_are_refused() -> None:
    with pytest.raises(SystemExit):
        _variant('bad=["kafka"]')
