"""The half-load line's CPU accounting (cores per part of the stack) and the e2e A/B's build arguments."""

from __future__ import annotations

import os

import pytest

from benchmarks.e2e_ab import _merge, _parse_build
from benchmarks.e2e_report import _half_load_cores


def test_the_half_load_line_names_each_parts_cores_and_their_sum() -> None:
    cores = {"runner": 0.2, "workers": 0.9, "broker": 0.6, "load_generator": 0.15}
    text = _half_load_cores({"cores": cores})
    assert "runner 0.20, workers 0.90, broker 0.60, load generator 0.15" in text
    assert f"together 1.85 of {os.cpu_count()}" in text


@pytest.mark.parametrize(
    "half",
    [{}, {"cores": {}}, {"cores": {"runner": 0.2, "workers": None, "broker": 0.6, "load_generator": 0.1}}],
)
def test_results_without_the_accounting_print_nothing(half: dict[str, object]) -> None:
    assert _half_load_cores(half) == ""


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("old=/tmp/site", ("old", "/tmp/site", {})),
        ("new=", ("new", "", {})),
        (
            "short=@batch.linger_ms=20,workers=1",
            ("short", "", {"batch": {"linger_ms": 20}, "workers": 1}),
        ),
        ("off=/s@batch.target_latency_ms=null", ("off", "/s", {"batch": {"target_latency_ms": None}})),
    ],
)
def test_a_build_is_a_name_a_site_and_settings_of_its_own(
    text: str, parsed: tuple[str, str, dict[str, object]]
) -> None:
    assert _parse_build(text) == parsed


def test_a_builds_settings_override_the_defaults_key_by_key() -> None:
    base = {"batch": {"max_records": 64, "linger_ms": 50}, "workers": 2}
    assert _merge(base, {"batch": {"linger_ms": 20}}) == {
        "batch": {"max_records": 64, "linger_ms": 20},
        "workers": 2,
    }
    assert base["batch"] == {"max_records": 64, "linger_ms": 50}  # the defaults are not changed


def test_the_half_load_line_names_what_the_stack_takes_with_nothing_offered() -> None:
    cores = {"runner": 0.2, "workers": 0.9, "broker": 0.6, "load_generator": 0.15}
    idle = {"runner": 0.01, "workers": 0.02, "broker": 0.21, "load_generator": 0.03}
    text = _half_load_cores({"cores": cores, "idle_cores": idle})
    assert "(with nothing offered, the instruments on: broker 0.21, together 0.27)" in text
    assert "nothing offered" not in _half_load_cores({"cores": cores})


def test_wakeups_count_a_process_s_waits_that_ended() -> None:
    import threading  # noqa: PLC0415
    import time  # noqa: PLC0415

    from benchmarks.e2e_burst import wakeups  # noqa: PLC0415

    before = wakeups(os.getpid())
    done = threading.Event()
    for _ in range(50):
        done.wait(0.001)  # each a sleep that ends: a voluntary context switch
    time.sleep(0)
    assert wakeups(os.getpid()) - before >= 40
    assert wakeups(None) == 0


@pytest.mark.parametrize(
    ("text", "wait_ms", "left"),
    [
        ("a=", 2, {}),
        ("b=@collector.fetch_wait_ms=5", 5, {}),
        ("c=@collector.fetch_wait_ms=10,batch.linger_ms=20", 10, {"batch": {"linger_ms": 20}}),
    ],
)
def test_the_collectors_wait_is_taken_out_of_the_gates_settings(
    text: str, wait_ms: int, left: dict[str, object]
) -> None:
    from benchmarks.e2e_ab import collector_wait_ms  # noqa: PLC0415

    _name, _site, extra = _parse_build(text)
    assert collector_wait_ms(extra) == wait_ms
    assert extra == left
