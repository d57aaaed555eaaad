"""Run one gate process for the end-to-end and memory benchmarks, as `gate run` does.

Usage: python -m benchmarks.gate_process '<json>' where json holds `settings` (GateSettings overrides),
`pki` (root_ca, signer_chain, signer_key paths) and `metrics_port`. Metrics and health are served on
127.0.0.1:metrics_port, so the benchmark reads the gate's own numbers from /metrics.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

from gate.assets import FetchPolicy
from gate.observe.http import ObservabilityServer
from gate.observe.metrics import GateMetrics, PrometheusObserver
from gate.runner import RunnerHealth, run
from gate.settings import load_settings
from gate.worker.assembly import PipelineSpec
from gate.worker.processor import GateProcessorFactory


def main(argv: list[str]) -> int:
    """Build settings and the worker recipe, serve metrics, run until SIGTERM."""
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="%(name)s %(levelname)s %(message)s")
    config = json.loads(argv[1])
    settings = load_settings(**config["settings"])
    pki = config["pki"]
    spec = PipelineSpec(
        trust_anchors=(Path(pki["root_ca"]),),
        signer_chain=Path(pki["signer_chain"]),
        signer_key=Path(pki["signer_key"]),
    )
    fetch = FetchPolicy(file_roots=tuple(Path(p) for p in config.get("file_roots", ())))
    store = Path(config["store_dir"]) if config.get("store_dir") else None
    factory = GateProcessorFactory(
        spec=spec, fetch=fetch, store_dir=store, tracing=config.get("tracing", True)
    )
    metrics = GateMetrics()
    health = RunnerHealth()
    server = ObservabilityServer(metrics, health, port=int(config["metrics_port"])).start()
    try:
        return run(settings, factory, PrometheusObserver(metrics), health)
    finally:
        server.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
