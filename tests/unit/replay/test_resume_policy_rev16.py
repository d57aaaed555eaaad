"""A replay job resumed under another policy (usersrev16).

Before: `gate replay --mode reevaluate --job J` SIGKILLed half-way, the policy file edited (or another
`--policy` given), then started again with the same --job: the rest of the events were decided under the new
policy, the first part stayed under the old one, one job id over both, and nothing said so. Now the resumed
run is refused before it writes, naming both policies and what to do. Topic reading, the transactional
writer and the worker recipe (its pipeline takes seconds to build) are replaced.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from gate.cli import replay as replay_cli
from gate.cli import rescan as rescan_cli
from gate.cli import run as run_cli
from gate.cli.main import main
from gate.core.record import encode_json
from gate.model import PolicyRef
from gate.replay import write
from gate.replay.history import StoredRecord, collect
from gate.replay.job import resumed_under_another_policy
from gate.settings import load_settings

OLD = PolicyRef("2026.11.0", "b" * 64)
NEW = PolicyRef("2026.12.2", "c" * 64)


def _decision(
    event_id: str, offset: int, *, job: str | None, policy: PolicyRef, verdict: str = "quarantined"
) -> StoredRecord:
    doc: dict[str, Any] = {
        "event_id": event_id,
        "verdict": verdict,
        "reasons": [{"code": "provenance.missing", "outcome": "quarantine"}],
        "source": "cam",
        "policy": {"version": policy.version, "sha256": policy.sha256},
        "input": {"topic": "ingest", "partition": 0, "offset": offset},
    }
    if job:
        doc["replay"] = {"job": job, "count": 1, "supersedes": {}}
    return StoredRecord("q", 0, offset, event_id.encode(), encode_json(doc), (), 1_764_900_000_000 + offset)


def _histories(policy_of_job: PolicyRef, verdict: str = "quarantined") -> Any:
    records = [_decision(f"e{n}", n, job=None, policy=OLD, verdict=verdict) for n in range(4)]
    records += [_decision("e0", 10, job="J", policy=policy_of_job)]  # the job's first part
    return collect(records, skip_job="J")


def test_a_job_resumed_under_another_policy_is_refused_naming_both() -> None:
    why = resumed_under_another_policy(_histories(OLD).of_skipped_job, NEW)
    assert why is not None
    assert "2026.11.0 (sha256 bbbbbbbbbbbb)" in why and "2026.12.2 (sha256 cccccccccccc)" in why
    assert "--job" in why


@pytest.mark.parametrize("written", [[], "same"])
def test_a_new_job_or_one_resumed_under_its_own_policy_goes_on(written: Any) -> None:
    decisions = [] if written == [] else _histories(NEW).of_skipped_job
    assert resumed_under_another_policy(decisions, NEW) is None


def test_the_same_version_with_other_bytes_is_another_policy() -> None:
    edited = PolicyRef(OLD.version, "d" * 64)
    assert resumed_under_another_policy(_histories(OLD).of_skipped_job, edited) is not None


@dataclass(frozen=True)
class _Recipe:
    """The part of GateProcessorFactory the replay reads: its policy, and a processor it builds."""

    policy: PolicyRef = NEW
    tracing: bool = True
    store_dir: Any = None

    def build(self) -> object:
        return object()


@pytest.mark.parametrize(
    ("module", "argv", "verdict"),
    [
        (replay_cli, ["replay", "--mode", "reevaluate", "--job", "J", "--no-progress"], "quarantined"),
        (rescan_cli, ["rescan", "--job", "J", "--no-progress"], "approved"),
    ],
)
def test_the_cli_refuses_before_it_writes(
    module: Any,
    argv: list[str],
    verdict: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    written: list[Any] = []

    class Writer:
        def __init__(self, *_: Any, **__: Any) -> None:
            pass

        def committed(self, partitions: Any) -> dict[Any, int]:
            return {}

        def commit(self, writes: Any, **_: Any) -> None:
            written.append(writes)

        def close(self) -> None:
            pass

    monkeypatch.setattr(write, "TransactionalWriter", Writer)
    monkeypatch.setattr(run_cli, "processor_factory", lambda settings: _Recipe())
    monkeypatch.setattr(module, "reading_settings", lambda args, **kw: load_settings(**kw))
    monkeypatch.setattr(module, "read_histories", lambda settings, args, **_: _histories(OLD, verdict))
    code = main(argv)
    assert code == 2 and written == []
    err = capsys.readouterr().err
    assert "job J: this job decided events under policy 2026.11.0" in err and "under 2026.12.2" in err
    assert "resume it with the policy it started with, or give a new --job" in err
