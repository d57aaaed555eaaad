"""run_check fails closed: exceptions and timeouts become ERROR results with a gate.* reason."""

from __future__ import annotations

import os
import signal
import threading
import time
from typing import Any

import pytest

from gate.core.checks.base import CheckAlarm, CheckContext, result, run_check
from gate.model import CheckResult, Reason, Status


class Raising:
    name = "raising"
    version = "1"

    def run(self, ctx: CheckContext) -> CheckResult:
        raise ValueError("customer jane.doe@example.com broke it")


# How long a check that must be interrupted would compute if it were not: far past any stall of a loaded
# machine, so an interrupt that lands late still lands before the end (a test that missed it takes this long).
NEVER_ENDS_S = 30.0


class Sleeping:
    """Computes for `NEVER_ENDS_S`, then passes; `finished` tells whether it got to its end."""

    name = "sleeping"
    version = "1"

    def __init__(self) -> None:
        self.finished = False

    def run(self, ctx: CheckContext) -> CheckResult:
        deadline = time.monotonic() + NEVER_ENDS_S
        while time.monotonic() < deadline:
            pass
        self.finished = True
        return result(self, [])


class Fine:
    name = "fine"
    version = "2"

    def run(self, ctx: CheckContext) -> CheckResult:
        return result(self, [Reason("x.y")])


def ctx() -> CheckContext:
    return CheckContext(data=b"", declared_media_type=None)


def test_exception_becomes_gate_error_without_message() -> None:
    outcome = run_check(Raising(), ctx())
    assert outcome.status is Status.ERROR
    assert outcome.reasons == (Reason("gate.error", check="raising", detail="ValueError"),)
    assert "jane" not in repr(outcome)


def test_timeout_interrupts_a_busy_check() -> None:
    # Interrupted, not left to compute to its end and then called late: `finished` rather than a wall
    # bound, which a loaded machine's stall could break while the interrupt works.
    check = Sleeping()
    outcome = run_check(check, ctx(), timeout_s=0.2)
    assert not check.finished
    assert 200 <= outcome.elapsed_ms < NEVER_ENDS_S * 1000
    assert outcome.status is Status.ERROR
    assert outcome.reasons[0].code == "gate.timeout"


def test_normal_result_is_timed_and_kept() -> None:
    outcome = run_check(Fine(), ctx(), timeout_s=1.0)
    assert outcome.status is Status.FAIL
    assert outcome.version == "2"
    assert outcome.elapsed_ms >= 0
    assert outcome.reasons == (Reason("x.y"),)


class Swallowing:
    """Like c2pa or Pillow: the interrupt is caught inside and comes back as a verdict."""

    name = "swallowing"
    version = "1"

    def run(self, ctx: CheckContext) -> CheckResult:
        try:
            deadline = time.monotonic() + NEVER_ENDS_S
            while time.monotonic() < deadline:
                pass
        except Exception:
            return result(self, [Reason("provenance.invalid", detail="assertion.dataHash.mismatch")])
        return result(self, [])


def test_a_timeout_swallowed_by_the_check_is_still_a_timeout_not_its_verdict() -> None:
    outcome = run_check(Swallowing(), ctx(), timeout_s=0.2)
    assert outcome.status is Status.ERROR
    assert [r.code for r in outcome.reasons] == ["gate.timeout"]


def test_one_alarm_serves_a_series_of_checks_and_restores_the_previous_handler() -> None:
    before = signal.getsignal(signal.SIGALRM)
    with CheckAlarm() as alarm:
        assert alarm.installed
        slow = run_check(Sleeping(), ctx(), timeout_s=0.2, alarm=alarm)
        swallowed = run_check(Swallowing(), ctx(), timeout_s=0.2, alarm=alarm)
        fine = run_check(Fine(), ctx(), timeout_s=1.0, alarm=alarm)
        os.kill(os.getpid(), signal.SIGALRM)  # an alarm between checks interrupts nothing
        time.sleep(0.01)
    assert [r.code for r in slow.reasons] == ["gate.timeout"]
    assert [r.code for r in swallowed.reasons] == ["gate.timeout"]
    assert fine.status is Status.FAIL and fine.reasons == (Reason("x.y"),)
    assert signal.getsignal(signal.SIGALRM) == before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def _host_handler(signum: int, frame: object) -> None:
    raise AssertionError("the host's SIGALRM handler ran inside the alarm")


@pytest.mark.parametrize(
    "host", [_host_handler, signal.SIG_IGN, signal.SIG_DFL], ids=["callable", "ign", "dfl"]
)
def test_the_host_process_keeps_its_own_alarm_handler(host: Any) -> None:
    # The handler is swapped through the C function under signal.signal, which hands back SIG_IGN and
    # SIG_DFL as plain ints: whatever the host had must be what it has afterwards, and work.
    original = signal.signal(signal.SIGALRM, host)
    try:
        with CheckAlarm() as alarm:
            outcome = run_check(Sleeping(), ctx(), timeout_s=0.05, alarm=alarm)
        assert [r.code for r in outcome.reasons] == ["gate.timeout"]
        assert signal.getsignal(signal.SIGALRM) == host
    finally:
        signal.signal(signal.SIGALRM, original)


def test_a_handler_python_cannot_give_back_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    # A host program that installed SIGALRM's handler in C before starting Python: getsignal says None,
    # and None cannot be restored. The alarm then stays out of the way; checks run without a budget.
    monkeypatch.setattr("gate.core.checks.base._current_handler", lambda signum: None)
    before = signal.getsignal(signal.SIGALRM)
    with CheckAlarm() as alarm:
        assert not alarm.installed
        outcome = run_check(Fine(), ctx(), timeout_s=1.0, alarm=alarm)
    assert outcome.status is Status.FAIL and outcome.reasons == (Reason("x.y"),)
    assert signal.getsignal(signal.SIGALRM) == before


def test_an_alarm_entered_off_the_main_thread_is_inert() -> None:
    seen: list[bool] = []

    def worker() -> None:
        with CheckAlarm() as alarm:
            seen.append(alarm.installed)
            seen.append(run_check(Fine(), ctx(), timeout_s=1.0, alarm=alarm).status is Status.FAIL)

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert seen == [False, True]


def test_a_budget_left_running_after_its_check_interrupts_nothing_and_the_next_check_gets_its_own() -> None:
    # Each check's timer is only replaced by the next check's, not disarmed: a check that ends well inside
    # a short budget leaves it running, and it fires between checks.
    # Budgets of 0.25 s for checks that take microseconds: no stall of a loaded machine spends them.
    with CheckAlarm() as alarm:
        first = run_check(Fine(), ctx(), timeout_s=0.25, alarm=alarm)
        time.sleep(0.5)  # the first check's timer fires here
        second = run_check(Fine(), ctx(), timeout_s=0.25, alarm=alarm)
        slow = run_check(Sleeping(), ctx(), timeout_s=0.2, alarm=alarm)
        third = run_check(Fine(), ctx(), timeout_s=5.0, alarm=alarm)
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 0  # still running, until the alarm's exit
    assert first.reasons == second.reasons == third.reasons == (Reason("x.y"),)
    assert [r.code for r in slow.reasons] == ["gate.timeout"]
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


class Busy:
    """Computes for `seconds` (a signal lands in Python code, as it does in c2pa's callbacks), then passes;
    `finished` tells whether it got to its end."""

    name = "busy"
    version = "1"

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.finished = False

    def run(self, ctx: CheckContext) -> CheckResult:
        deadline = time.monotonic() + self.seconds
        while time.monotonic() < deadline:
            pass
        self.finished = True
        return result(self, [Reason("x.y")])


# A budget the checks that must keep their verdict never come near (they compute 0.15-0.3 s), so that a
# stall of a loaded machine cannot spend it; the short budgets (50-100 ms) are the ones that must expire.
AMPLE_S = 5.0


def test_a_timer_armed_for_an_earlier_check_never_cuts_a_later_check_short() -> None:
    # The timer is armed once and fires at the first check's deadline, in the middle of the second check,
    # whose own budget is far from spent: the second check runs to its end and keeps its verdict.
    with CheckAlarm() as alarm:
        first = run_check(Fine(), ctx(), timeout_s=0.05, alarm=alarm)
        second_check, third_check = Busy(0.15), Busy(NEVER_ENDS_S)
        second = run_check(second_check, ctx(), timeout_s=AMPLE_S, alarm=alarm)
        third = run_check(third_check, ctx(), timeout_s=0.1, alarm=alarm)  # a shorter budget: its own timer
    assert first.reasons == second.reasons == (Reason("x.y"),)
    assert second_check.finished and second.elapsed_ms >= 150
    assert [r.code for r in third.reasons] == ["gate.timeout"]
    assert not third_check.finished and third.elapsed_ms >= 100  # interrupted, at its deadline, not before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


@pytest.mark.parametrize(
    "budgets", [(0.05, 0.05, 0.05), (AMPLE_S, 0.05, AMPLE_S), (0.05, AMPLE_S, 0.05)], ids=str
)
def test_each_check_is_interrupted_at_its_own_deadline_whatever_the_budgets_before(
    budgets: tuple[float, float, float],
) -> None:
    # A check with a short budget would compute for NEVER_ENDS_S: it must be interrupted, at its deadline
    # and not before; one with an ample budget computes 0.3 s and keeps its verdict.
    checks = [Busy(NEVER_ENDS_S if budget < AMPLE_S else 0.3) for budget in budgets]
    with CheckAlarm() as alarm:
        outcomes = [
            run_check(c, ctx(), timeout_s=b, alarm=alarm) for c, b in zip(checks, budgets, strict=True)
        ]
    for budget, check, outcome in zip(budgets, checks, outcomes, strict=True):
        if budget < AMPLE_S:
            assert [r.code for r in outcome.reasons] == ["gate.timeout"]
            assert not check.finished
            assert budget * 1000 <= outcome.elapsed_ms
        else:
            assert check.finished and outcome.reasons == (Reason("x.y"),)


class Passing:
    name = "passing"
    version = "2"

    def run(self, ctx: CheckContext) -> CheckResult:
        return result(self, [Reason(code="params.personal_data", entity="EMAIL_ADDRESS")], {"found": 1})


def test_the_timed_result_keeps_what_the_check_said_and_stays_immutable() -> None:
    ctx = CheckContext(data=b"", declared_media_type=None)
    outcome = run_check(Passing(), ctx)
    assert (outcome.check, outcome.version, outcome.status) == ("passing", "2", Status.FAIL)
    assert outcome.reasons == (Reason(code="params.personal_data", entity="EMAIL_ADDRESS"),)
    assert outcome.facts == {"found": 1}
    assert outcome.elapsed_ms >= 0.0
    with pytest.raises(AttributeError):
        outcome.status = Status.PASS  # type: ignore[misc]


def test_a_result_without_facts_cannot_have_facts_added_that_others_would_see() -> None:
    # Results built without facts share one empty mapping: it must be read-only, or a stage that wrote
    # into one result's facts would write into every other's.
    first, second = CheckResult("a", "1", Status.PASS), CheckResult("b", "1", Status.PASS)
    with pytest.raises(TypeError):
        first.facts["state"] = "trusted"  # type: ignore[index]
    assert second.facts == {}
