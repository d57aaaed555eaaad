"""The drain A/B's variants: a site and settings given as JSON, whose Kafka keys keep their dots."""

from __future__ import annotations

import os

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
    assert minor_faults(os.getpid()) > 0
    assert minor_faults(None) == 0


def test_variants_run_in_an_order_rotated_each_round() -> None:
    from benchmarks.e2e_ab import rotated  # noqa: PLC0415

    variants = [("a", "", {}), ("b", "", {}), ("c", "", {})]
    assert [[name for name, _, _ in rotated(variants, r)] for r in range(4)] == [
        ["a", "b", "c"],
        ["b", "c", "a"],
        ["c", "a", "b"],
        ["a", "b", "c"],
    ]


def test_a_variant_runs_with_its_site_and_settings_and_both_are_put_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from benchmarks import e2e_burst  # noqa: PLC0415
    from benchmarks.e2e_ab import running_as  # noqa: PLC0415

    monkeypatch.setenv("PYTHONPATH", "/base")
    monkeypatch.setattr(
        e2e_burst, "gate_settings", lambda *a, **k: {"settings": {"kafka": {"a": 1}, "batch": {"max": 8}}}
    )
    original = e2e_burst.gate_settings
    with running_as("/site", {"kafka": {"queued.min.messages": "512"}}):
        assert os.environ["PYTHONPATH"].split(os.pathsep) == ["/site", "/base"]
        assert e2e_burst.gate_settings()["settings"] == {
            "kafka": {"a": 1, "queued.min.messages": "512"},
            "batch": {"max": 8},
        }
    assert e2e_burst.gate_settings is original
    assert os.environ["PYTHONPATH"] == "/base"


def test_a_variants_environment_is_set_for_its_gate_and_put_back_and_is_no_setting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from benchmarks.e2e_drain_ab import _environment  # noqa: PLC0415

    monkeypatch.setenv("GATE_AB_KEPT", "before")
    monkeypatch.delenv("GATE_AB_NEW", raising=False)
    extra = {"env": {"GATE_AB_KEPT": "during", "GATE_AB_NEW": 1}, "broker_env": {"X": "1"}, "batch": {"a": 2}}
    with _environment(extra) as settings:
        assert settings == {"batch": {"a": 2}}
        assert (os.environ["GATE_AB_KEPT"], os.environ["GATE_AB_NEW"]) == ("during", "1")
    assert os.environ["GATE_AB_KEPT"] == "before"
    assert "GATE_AB_NEW" not in os.environ
