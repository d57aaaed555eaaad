"""Run the gate runner in its own process, as `gate run` will.

Usage: `python run_gate.py '<settings JSON>' [sleep_s [metrics_port]]`; `ITEST_BUILD_SLEEP_S` in the
environment makes every worker take that long to build its processor.

The integration tests start it to send real signals (SIGTERM, SIGKILL) and to run two instances in a group.
"""

from __future__ import annotations

import json
import logging
import os
import sys

from expect_factory import ExpectFactory

from gate.observe.http import ObservabilityServer
from gate.observe.metrics import GateMetrics, PrometheusObserver
from gate.observe.observer import NullObserver
from gate.runner import RunnerHealth, run
from gate.settings import load_settings


def main() -> int:
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(name)s %(levelname)s %(message)s")
    settings = load_settings(**json.loads(sys.argv[1]))
    sleep_s = float(sys.argv[2]) if len(sys.argv) > 2 else 0.0
    factory = ExpectFactory(sleep_s, float(os.environ.get("ITEST_BUILD_SLEEP_S", "0")))
    if len(sys.argv) <= 3:
        return run(settings, factory, NullObserver(), RunnerHealth())
    # With a metrics port the test can watch the gate's own gauges (e.g. records in flight).
    metrics, health = GateMetrics(), RunnerHealth()
    server = ObservabilityServer(metrics, health, port=int(sys.argv[3])).start()
    try:
        return run(settings, factory, PrometheusObserver(metrics), health)
    finally:
        server.stop()


if __name__ == "__main__":
    sys.exit(main())
