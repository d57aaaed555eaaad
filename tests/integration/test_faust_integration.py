"""The faust integration against the embedded broker: a real faust worker routes the demo samples.

The worker runs in its own process (this file, run as a script), because faust owns its event loop and
signal handlers; the test stops it with SIGTERM, as an operator would, and kills its session if it hangs.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from harness import committed_total

from gate.assets import FetchPolicy
from gate.broker import EmbeddedBroker
from gate.demo.samples import build_samples
from gate.model import Verdict
from gate.provenance import create_dev_pki
from gate.worker.assembly import PipelineSpec
from gate.worker.processor import GateProcessorFactory

pytestmark = pytest.mark.integration
pytest.importorskip("faust", reason="the faust extra is not installed: pip install '.[faust]'")

STOP_TIMEOUT_S = 20.0


def run_worker(config: dict[str, Any]) -> None:
    """The worker process: a plain faust app with the gate attached, settings tuned for Tansu."""
    import faust  # noqa: PLC0415 - only the worker process needs faust

    from gate.integrations.faust import attach_gate  # noqa: PLC0415

    app = faust.App(
        config["app_id"],
        broker=f"kafka://{config['bootstrap']}",
        datadir=config["datadir"],
        web_enabled=False,
        broker_session_timeout=6.0,
        broker_heartbeat_interval=0.5,
        broker_commit_interval=0.5,
        topic_partitions=4,
    )
    spec = PipelineSpec(
        trust_anchors=(Path(config["root_ca"]),),
        signer_chain=Path(config["signer_chain"]),
        signer_key=Path(config["signer_key"]),
    )
    factory = GateProcessorFactory(spec=spec, fetch=FetchPolicy(), tracing=False)
    attach_gate(app, factory, **config["topics"])
    faust.Worker(app, loglevel="INFO", quiet=True).execute_from_commandline()


@pytest.fixture
def faust_worker(tmp_path: Path) -> Iterator[Callable[[dict[str, Any]], subprocess.Popen[bytes]]]:
    """Start the worker in its own session; whatever is still running afterwards is killed."""
    started: list[subprocess.Popen[bytes]] = []

    def start(config: dict[str, Any]) -> subprocess.Popen[bytes]:
        with (tmp_path / "faust-worker.log").open("w") as sink:
            process = subprocess.Popen(
                [sys.executable, __file__, json.dumps(config)],
                stdout=sink,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                env={k: v for k, v in os.environ.items() if not k.startswith("GATE_")},
            )
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def test_faust_agent_routes_each_sample_to_its_verdict_topic(
    broker: EmbeddedBroker,
    topic_factory: Callable[..., str],
    produce: Callable[..., None],
    consume_all: Callable[..., list[Any]],
    faust_worker: Callable[[dict[str, Any]], subprocess.Popen[bytes]],
    tmp_path: Path,
) -> None:
    trusted = create_dev_pki(tmp_path / "trusted")
    untrusted = create_dev_pki(tmp_path / "untrusted", organisation="another studio")
    samples = build_samples(trusted, untrusted, size=(160, 120), prefix=f"faust-{uuid.uuid4().hex[:6]}")
    topics = {
        "ingest": topic_factory("ingest"),
        "approved": topic_factory("approved"),
        "quarantine": topic_factory("quarantine"),
        "rejected": topic_factory("rejected"),
    }
    expected_topic = {
        Verdict.APPROVED: topics["approved"],
        Verdict.QUARANTINED: topics["quarantine"],
        Verdict.REJECTED: topics["rejected"],
    }
    produce(topics["ingest"], [(s.key, s.value) for s in samples])

    app_id = f"gate-faust-{uuid.uuid4().hex[:8]}"  # also faust's consumer group id
    started = time.monotonic()
    worker = faust_worker(
        {
            "app_id": app_id,
            "bootstrap": broker.bootstrap_servers,
            "datadir": str(tmp_path / "faust-data"),
            "root_ca": str(trusted.root_ca),
            "signer_chain": str(trusted.signer_chain),
            "signer_key": str(trusted.signer_key),
            "topics": topics,
        }
    )
    outputs = consume_all(
        [topics["approved"], topics["quarantine"], topics["rejected"]],
        {s.key for s in samples},
        timeout=45.0,
    )
    elapsed = time.monotonic() - started
    log = tmp_path / "faust-worker.log"

    # Tansu and at-least-once both allow duplicates: compare what each key reached, as sets.
    reached: dict[bytes, set[tuple[str, bytes]]] = {}
    for out in outputs:
        reached.setdefault(out.key, set()).add((out.topic, out.headers["gate-verdict"]))
    wanted = {s.key: {(expected_topic[s.expected], s.expected.value.encode())} for s in samples}
    assert reached == wanted, f"after {elapsed:.1f}s; worker log:\n{log.read_text()[-4000:]}"
    assert elapsed < 60.0

    worker.send_signal(signal.SIGTERM)
    try:
        worker.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the faust worker ignored SIGTERM for {STOP_TIMEOUT_S}s:\n{log.read_text()[-4000:]}")
    assert worker.returncode == 0, log.read_text()[-4000:]
    with pytest.raises(ProcessLookupError):
        os.killpg(worker.pid, 0)  # nothing of the worker's session is left
    # The manually acked events were committed: a restarted worker would not redo them.
    assert committed_total(broker.bootstrap_servers, app_id, topics["ingest"]) == len(samples)


if __name__ == "__main__":
    run_worker(json.loads(sys.argv[1]))
