"""How the suite is spread over two pytest-xdist workers (`-n 2 --dist loadfile --no-loadscope-reorder`, as
`make test` runs it).

Every test file is one unit of work, so a module's fixtures (a gate run, a rendered chart, a PKI) are built
once, on one worker. Integration files are units like any other: each worker starts its own embedded broker
(the session fixture) and runs one test at a time, so at most two `gate run`s share the two cores, and
their waits (90-120 s for outputs, 40 s for a stop) leave room for that. Keeping every integration test on
one worker made that worker the suite's critical path: 29 of its 30 minutes on a loaded machine, while the
other worker finished the unit tests in 12 and waited.

The slowest files are collected first (`SLOWEST_FIRST`), so xdist hands them out first and the many short
unit-test files fill in around them at the end, leaving neither worker with one long file after the other
has finished. `--no-loadscope-reorder` keeps that order (xdist would otherwise sort units by test count).
"""

from __future__ import annotations

import pytest

# The test files that take longest, slowest first (seconds summed over their tests, setup included, on two
# workers beside other load: `pytest -n 2 --junitxml` of the whole suite). A new slow file belongs here;
# a file missing only starts later.
SLOWEST_FIRST = (
    "tests/integration/test_quarantine_replay.py",  # 480 s: a `gate run` and 18 commands (200 s in CI)
    "tests/integration/test_rescan_incident.py",  # 180 s
    "tests/integration/test_release_incidents.py",
    "tests/integration/test_backfill_emit.py",
    "tests/integration/test_compliance_record.py",
    "tests/unit/scanning/test_scan_cue_alternation.py",
    "tests/integration/test_runner_lifecycle.py",
    "tests/integration/test_s3_runner.py",
    "tests/integration/test_compliance_report.py",
    "tests/integration/test_rescan_resume.py",
    "tests/integration/test_policy_pinning.py",
    "tests/integration/test_store_check.py",
    "tests/integration/test_commerce_serve_kafka.py",
    "tests/integration/test_pipelined_kill.py",
    "tests/integration/test_quarantine_release.py",  # 55 s in CI: 8 commands (it was part of the first)
    "tests/integration/test_s3_store.py",  # 40 s
)


# Files whose slow part runs in the background from the start (the compiled wheel's build, 108 s of setup
# in the last CI: tests/integration/compiled_wheel.py): they start after the other integration files, by when
# the build has had the CPU those leave idle, and before the unit tests, so they never end the run.
BUILT_IN_THE_BACKGROUND = ("tests/integration/test_compiled_build.py",)


def file_rank(nodeid: str) -> int:
    """Where the test `nodeid`'s file starts: its place in `SLOWEST_FIRST`; then the other integration files,
    `BUILT_IN_THE_BACKGROUND`, and every other file."""
    path = nodeid.split("::", 1)[0]
    if path in SLOWEST_FIRST:
        return SLOWEST_FIRST.index(path)
    if path in BUILT_IN_THE_BACKGROUND:
        return len(SLOWEST_FIRST) + 1
    return len(SLOWEST_FIRST) + (0 if path.startswith("tests/integration/") else 2)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slowest files first; a stable sort, so each file's tests stay together and in their order."""
    items.sort(key=lambda item: file_rank(item.nodeid))
