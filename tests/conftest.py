"""How the suite is spread over two pytest-xdist workers when asked (`-n 2 --dist loadscope
--no-loadscope-reorder`; `make test` runs one process, README "Testing" says why).

`SuiteScheduling` makes every test file one unit of work, so a module's fixtures (a gate run, a rendered
chart, a PKI) are built once, on one worker. The integration tests on the embedded broker form a single
unit: they run one after another on one worker while the other works through the unit tests. Two of them
at once would each start a `gate run` with its workers beside the other's on two cores, and their waits
(consumer-group sessions of 6 s, the 5 s event timeout, a metrics scrape) are sized for one. The
compiled-build test is a unit of its own: no broker and no waits, only the suite's longest setup (mypyc and
gcc, 1-4 minutes), so it starts at once on the other worker instead of lengthening the integration unit;
so are the few other integration files that run no gate (`OWN_UNIT`).
Collection order is kept (`--no-loadscope-reorder`): integration comes first, so the long units start
first and the unit-test files fill in around them.

(xdist's own `loadgroup` would do this from `xdist_group` marks, but its worker renames the test ids
through an attribute pytest 9 no longer reads; a scheduler choosing the unit from the test id is robust.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from xdist.scheduler import Scheduling

INTEGRATION = "tests/integration/"
# Integration files that start no `gate run` and wait on no consumer group, safe beside any other test:
# each is a unit of its own, so the idle worker takes them instead of lengthening the integration unit.
OWN_UNIT = {
    f"{INTEGRATION}{name}"
    for name in (
        "test_compiled_build.py",  # mypyc and gcc
        "test_s3_store.py",  # the S3 store on moto
        "test_store_check.py",
        "test_s3_sidecar.py",
        "test_topics_cli.py",  # `gate topics` on the worker's own broker
    )
}


def unit_of_work(nodeid: str) -> str:
    """The unit of work of the test `nodeid`: "integration", or the file it is in."""
    path = nodeid.split("::", 1)[0]
    if path.startswith(INTEGRATION) and path not in OWN_UNIT:
        return "integration"
    return path


# Only called when xdist runs the suite (`-n 0` and `-p no:xdist` do not), hence optional.
@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Scheduling | None:
    """`--dist loadscope` with `unit_of_work` as the scope; any other --dist as xdist does it."""
    if config.getvalue("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling  # noqa: PLC0415 - xdist is loaded when this is called

    class SuiteScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return unit_of_work(nodeid)

    return SuiteScheduling(config, log)
