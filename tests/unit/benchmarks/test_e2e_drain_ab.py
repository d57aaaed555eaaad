"""The drain A/B's variants: a site and settings given as JSON, whose Kafka keys keep their dots."""

from __future__ import annotations

import pytest

from benchmarks.e2e_burst import minor_faults
from benchmarks.e2e_drain_ab import _parse


def test_a_variant_names_a_site_and_settings_whose_keys_keep_their_dots() -> None:
    name, site, settings = _parse('qmin=/tmp/site@{"kafka": {"queued.min.messages": "128"}}')
    assert (name, site, settings) == ("qmin", "/tmp/site", {"kafka": {"queued.min.messages": "128"}})
    assert _parse("base=") == ("base", "", {})


def test_settings_that_are_not_an_object_are_refused() -> None:
    with pytest.raises(SystemExit):
        _parse('bad=@["kafka"]')


def test_page_faults_are_read_for_a_live_process_and_zero_for_none() -> None:
    import os  # noqa: PLC0415

    assert minor_faults(os.getpid()) > 0
    assert minor_faults(None) == 0
