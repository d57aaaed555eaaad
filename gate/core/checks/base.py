"""What a check is, and how one is run so that it can never approve by failing.

Every check returns one `CheckResult`. `run_check` times it, turns any exception into an ERROR result
with `gate.error`, and (on the main thread of a process) interrupts it after a time budget with
`gate.timeout`. c2pa calls back into Python while it reads a stream, so even native work is interrupted.
Pure native loops that never return to Python are bounded by the runner, which kills the worker.
"""

from __future__ import annotations

import signal
import sys
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from gate.model import CheckResult, Finding, Reason, Status

if TYPE_CHECKING:
    from gate.core.event import Generation
    from gate.imaging import ImageMetadata, ImageProbe
    from gate.provenance import ProvenanceReport


@dataclass(slots=True)
class CheckContext:
    """Everything checks may look at for one asset, plus the facts earlier checks learned, by name.

    Mutable on purpose: the image check leaves its probe for the metadata check, the parameters check its
    findings and the provenance check its report for the remediations. Who fills in which fact and who
    reads it is stated once, in `gate.core.checks.order`. Nothing here is ever logged.
    """

    data: bytes
    declared_media_type: str | None
    declared_sha256: str | None = None
    source: str = "unknown"
    synthetic: bool | None = None
    generation: Generation | None = None
    sha256: str = ""
    probe: ImageProbe | None = None
    metadata: ImageMetadata | None = None
    provenance: ProvenanceReport | None = None
    # Findings in the declared generation with full pointers; None when it was not (fully) scanned.
    generation_findings: tuple[Finding, ...] | None = None


class Check(Protocol):
    """A small pluggable unit of judgement."""

    name: str
    version: str

    def run(self, ctx: CheckContext) -> CheckResult:
        """Look at `ctx` and report; may raise (run_check turns that into ERROR)."""


class CheckTimeout(Exception):
    """Raised inside a check whose time budget ran out."""


def result(
    check: Check, reasons: list[Reason] | tuple[Reason, ...], facts: Mapping[str, Any] | None = None
) -> CheckResult:
    """A PASS or FAIL result for `check`, depending on whether there are reasons."""
    status = Status.FAIL if reasons else Status.PASS
    return CheckResult(check.name, check.version, status, tuple(reasons), 0.0, dict(facts or {}))


def skipped(check: Check, why: str) -> CheckResult:
    """A SKIPPED result: the check does not apply (e.g. no parameters, image not decodable)."""
    return CheckResult(check.name, check.version, Status.SKIPPED, (), 0.0, {"skipped": why})


def run_check(
    check: Check, ctx: CheckContext, timeout_s: float | None = None, alarm: CheckAlarm | None = None
) -> CheckResult:
    """Run one check, fail closed: exceptions and timeouts become ERROR results with a gate.* reason.

    `alarm` (entered around a series of checks) saves installing a SIGALRM handler for each one.
    """
    if alarm is None and timeout_s is not None and timeout_s > 0:
        with CheckAlarm() as own:
            return run_check(check, ctx, timeout_s, own)
    start = time.perf_counter()
    budget = _Budget(timeout_s, alarm)
    try:
        with budget:
            outcome = check.run(ctx)
    except CheckTimeout:
        outcome = _error(check, Reason(code="gate.timeout", check=check.name))
    except Exception as exc:  # fail closed on anything a check raises
        # The exception class names what broke; its message could quote data, so it is not kept.
        outcome = _error(check, Reason(code="gate.error", check=check.name, detail=type(exc).__name__))
    if budget.expired:
        # The interrupt may have been swallowed by a native callback (c2pa) or a catch-all (Pillow) and
        # come back as a verdict such as "tampered": whatever the check said after its time ran out is void.
        outcome = _error(check, Reason(code="gate.timeout", check=check.name))
    elapsed = (time.perf_counter() - start) * 1000.0
    # Built positionally: a named tuple's keyword arguments cost half as much again.
    check_name, version, status, reasons, _, facts = outcome
    return CheckResult(check_name, version, status, reasons, elapsed, facts)


def _error(check: Check, reason: Reason) -> CheckResult:
    return CheckResult(check.name, check.version, Status.ERROR, (reason,))


# signal.signal passes both handlers through enum conversions that try int() and Handlers() and catch
# the errors a callable raises: about 7 us per install and restore warm, 40 us right after a c2pa call,
# once per evaluation. The C function it wraps (in CPython's `_signal`, which `signal` imports) does the
# same without them; it returns SIG_DFL and SIG_IGN as plain ints, which it accepts back.
_swap_handler: Callable[[int, Any], Any] = getattr(sys.modules.get("_signal"), "signal", signal.signal)
_current_handler: Callable[[int], Any] = getattr(sys.modules.get("_signal"), "getsignal", signal.getsignal)


class CheckAlarm:
    """One SIGALRM handler for a series of checks: installed on enter, the previous one restored on exit.

    Each check's `_Budget` then only names its deadline; the interval timer is armed by the first check
    and re-armed only when it would fire after the running check's deadline (never, while every check has
    the same budget). A timer that fires before the running check's deadline (it was armed for an earlier
    check) is re-armed for the time left: a check is interrupted at its own deadline, never before. That
    is one `setitimer` per evaluation instead of one per check (a system call each, about 2 us, 7 checks).
    Inert off the main thread, where `setitimer` does not exist, and where SIGALRM has a handler Python
    cannot give back (one a host program installed in C before starting Python): checks there run
    without a time budget (the runner still bounds the worker).
    """

    # One per evaluation and one `_Budget` per check: slots spare each an attribute dict.
    __slots__ = ("_previous", "budget", "fires_at", "installed")

    def __init__(self) -> None:
        self.installed = False
        self.budget: _Budget | None = None  # the budget of the running check, if any
        self.fires_at: float | None = None  # when the armed timer fires (perf_counter), None when unarmed
        self._previous: Any = None

    def __enter__(self) -> CheckAlarm:
        if _signals_usable() and _current_handler(signal.SIGALRM) is not None:
            self._previous = _swap_handler(signal.SIGALRM, self._fire)
            self.installed = True
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.installed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            self.fires_at = None
            _swap_handler(signal.SIGALRM, self._previous)
            self.installed = False

    def arm(self, deadline: float) -> None:
        """Make sure the timer fires at `deadline` at the latest (perf_counter time)."""
        fires_at = self.fires_at
        if fires_at is None or fires_at > deadline:
            signal.setitimer(signal.ITIMER_REAL, max(deadline - time.perf_counter(), 1e-6))
            self.fires_at = deadline

    def _fire(self, signum: int, frame: object) -> None:
        self.fires_at = None  # a one-shot timer: spent (or a stray signal: re-armed below if needed)
        budget = self.budget
        if budget is None:  # an alarm that lands between checks interrupts nothing
            return
        if time.perf_counter() < budget.deadline:
            # Armed for an earlier check, or a stray signal: this check's time has not run out.
            self.arm(budget.deadline)
            return
        budget.expire()


class _Budget:
    """Interrupt the block after `timeout_s` through `alarm`'s SIGALRM handler, where it is installed."""

    __slots__ = ("_armed", "alarm", "deadline", "expired", "timeout_s")

    def __init__(self, timeout_s: float | None, alarm: CheckAlarm | None) -> None:
        self.timeout_s = timeout_s
        self.alarm = alarm
        self.expired = False
        self.deadline = 0.0
        self._armed = False

    def __enter__(self) -> _Budget:
        alarm, timeout_s = self.alarm, self.timeout_s
        if alarm is not None and alarm.installed and timeout_s is not None and timeout_s > 0:
            self.deadline = time.perf_counter() + timeout_s
            # Named the running budget before the timer is checked: a timer armed for the previous check
            # that fires from here on is re-armed for this one's deadline, never lost.
            alarm.budget = self
            self._armed = True
            alarm.arm(self.deadline)
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._armed:
            # The timer is not disarmed (a system call per check): it serves the next check too, the
            # alarm's exit disarms it, and a fire in between finds no budget and interrupts nothing.
            assert self.alarm is not None
            self.alarm.budget = None
            self._armed = False

    def expire(self) -> None:
        """Mark the budget spent and interrupt the running check."""
        self.expired = True
        raise CheckTimeout


def _signals_usable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
