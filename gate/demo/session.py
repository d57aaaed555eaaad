"""`gate demo`: an embedded broker, a dev PKI, a realistic sample set, the real gate process, a live view.

The gate runs as a separate `gate run` process, exactly as in production; this module only sets the
stage, produces the samples, watches the verdict topics and its /metrics, and stops everything.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from confluent_kafka import Consumer, Producer
from prometheus_client.parser import text_string_to_metric_families
from rich.console import Console
from rich.live import Live
from rich.table import Table

from gate.broker import EmbeddedBroker, free_loopback_port
from gate.demo.compliance import compliance_summary
from gate.demo.display import Tally
from gate.demo.samples import Sample, build_samples, write_samples
from gate.errors import GateError
from gate.provenance import DevPki, create_dev_pki
from gate.provenance.dev_tsa import DevTsa, TsaCredential
from gate.runner.topics import create_topics

TOPICS = {
    "ingest": "images.ingest",
    "approved": "images.approved",
    "quarantine": "images.quarantine",
    "rejected": "images.rejected",
    "audit": "gate.audit",
}


@dataclass(frozen=True)
class DemoOptions:
    """What `gate demo` was asked for."""

    directory: Path
    rounds: int = 10
    workers: int = 2
    timeout_s: float = 180.0
    http_port: int = 9108


def run_demo(options: DemoOptions, console: Console | None = None) -> int:
    """Run the whole demo; 0 when every event got its expected verdict."""
    console = console or Console()
    directory = options.directory.resolve()
    trusted, untrusted = _keys(directory)
    samples = _samples(trusted, untrusted, options.rounds)
    write_samples(samples[: len(samples) // options.rounds], directory / "events")
    console.print(
        f"[bold]gate demo[/]: {len(samples)} events ({options.rounds} rounds of "
        f"{len(samples) // options.rounds} cases), working directory {directory}"
    )
    with EmbeddedBroker() as broker:
        bootstrap = broker.bootstrap_servers
        console.print(f"embedded Kafka-compatible broker (Tansu) at {bootstrap}")
        create_topics(bootstrap, TOPICS.values(), partitions=4)
        port = options.http_port or free_loopback_port()
        # The gate signs with trusted time from the development TSA (its key is under the dev PKI).
        tsa = DevTsa(TsaCredential.from_files(trusted.tsa_chain, trusted.tsa_key))
        with (
            tsa,
            _gate_process(directory, bootstrap, trusted, options.workers, port, tsa_url=tsa.url) as gate,
        ):
            console.print(f"development time-stamp authority (RFC 3161) at {tsa.url}")
            _produce(bootstrap, samples)
            tally = _watch(
                bootstrap, samples=samples, console=console, timeout_s=options.timeout_s, port=port, gate=gate
            )
            _show_timings(console, port)
            compliance = compliance_summary(bootstrap, TOPICS["audit"], directory)
        replay = _replay_diff(directory, bootstrap, trusted)  # needs the broker; shown after the summary
    if gate.returncode not in (None, 0) and not tally.done:
        console.print(f"[red]the gate exited with status {gate.returncode}[/]; see {directory / 'gate.log'}")
    status = _summary(console, samples, tally, directory, port)
    for line, markup in replay:
        console.print(line, markup=markup, highlight=False)
    console.print(compliance)  # last: what a compliance officer asks for
    return status


UNTRUSTED_RULE = (
    "  - name: untrusted-signer\n    match: {code: provenance.untrusted}\n    outcome: quarantine\n"
)


def _replay_diff(directory: Path, bootstrap: str, keys: DevPki) -> list[tuple[str, bool]]:
    """One replay: the quarantine re-evaluated under a relaxed policy, as a dry-run diff (lines to print,
    each with whether it holds rich markup)."""
    from gate.core.policy import default_policy_path  # noqa: PLC0415

    shipped = default_policy_path().read_text()
    relaxed = shipped.replace('version: "', 'version: "relaxed-', 1).replace(
        UNTRUSTED_RULE, UNTRUSTED_RULE.replace("outcome: quarantine", "outcome: approve")
    )
    (directory / "relaxed-policy.yaml").write_text(relaxed)
    command = [
        "replay",
        "--mode",
        "reevaluate",
        "--dry-run",
        "--policy",
        str(directory / "relaxed-policy.yaml"),
    ]
    lines = [
        (f"\n[bold]gate {' '.join(command)}[/]  (an untrusted signer approved: nothing is written)", True)
    ]
    env = {**os.environ, **gate_environment(bootstrap, keys, directory / "store", port=0)}
    done = subprocess.run(
        [sys.executable, "-m", "gate.cli.main", *command, "--no-progress"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    lines.append((done.stdout.rstrip(), False))
    if done.returncode:
        lines.append((f"[red]replay dry run exited {done.returncode}[/]: {done.stderr.strip()[-500:]}", True))
    return lines


def _keys(directory: Path) -> tuple[DevPki, DevPki]:
    return (
        create_dev_pki(directory / "keys", force=True),
        create_dev_pki(directory / "untrusted-keys", force=True, organisation="unknown vendor"),
    )


def _samples(trusted: DevPki, untrusted: DevPki, rounds: int) -> list[Sample]:
    samples: list[Sample] = []
    for round_ in range(rounds):
        samples.extend(build_samples(trusted, untrusted, prefix=f"demo-r{round_:02d}"))
    return samples


def gate_environment(
    bootstrap: str,
    keys: DevPki,
    store_dir: Path,
    *,
    port: int,
    workers: int = 2,
    group_id: str = "gate-demo",
    transactional_id: str = "gate-demo-0",
    tsa_url: str | None = None,
) -> dict[str, str]:
    """The GATE_* variables of a `gate run` on the embedded broker, signing and trusting `keys`, with
    time-stamps from `tsa_url` (a loopback development TSA) when given.

    Session timeouts are short because Tansu waits half of one before a group join completes.
    """
    return {
        "GATE_BOOTSTRAP_SERVERS": bootstrap,
        "GATE_GROUP_ID": group_id,
        "GATE_TRANSACTIONAL_ID": transactional_id,
        "GATE_WORKERS": str(workers),
        "GATE_SESSION_TIMEOUT_MS": "6000",
        "GATE_TRUST_ANCHORS": str(keys.root_ca),
        "GATE_SIGNER_CHAIN": str(keys.signer_chain),
        "GATE_SIGNER_KEY": str(keys.signer_key),
        "GATE_STORE_DIR": str(store_dir),
        "GATE_HTTP__PORT": str(port),
    } | ({"GATE_TSA__URL": tsa_url, "GATE_TSA__ALLOW_HOSTS": '["127.0.0.1"]'} if tsa_url else {})


@contextmanager
def _gate_process(
    directory: Path, bootstrap: str, keys: DevPki, workers: int, port: int, *, tsa_url: str | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    """`gate run` in its own process, configured only through GATE_* variables."""
    variables = gate_environment(
        bootstrap, keys, directory / "store", port=port, workers=workers, tsa_url=tsa_url
    )
    env = {**os.environ, **variables}
    log = (directory / "gate.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "gate.cli.main", "run", "--log-format", "json"],
        env=env,
        stdout=log,
        stderr=log,
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        log.close()


def _produce(bootstrap: str, samples: list[Sample]) -> None:
    producer = Producer(
        {
            "bootstrap.servers": bootstrap,
            "enable.idempotence": True,
            "message.max.bytes": 64 * 1024 * 1024,
            "linger.ms": 20,
        }
    )
    for sample in samples:
        producer.produce(TOPICS["ingest"], key=sample.key, value=sample.value)
        producer.poll(0)
    if producer.flush(30) != 0:
        raise GateError("the demo could not produce its samples to the embedded broker")


def _watch(
    bootstrap: str,
    *,
    samples: list[Sample],
    console: Console,
    timeout_s: float,
    port: int,
    gate: subprocess.Popen[bytes],
) -> Tally:
    consumer = Consumer(
        {
            "bootstrap.servers": bootstrap,
            "group.id": f"gate-demo-viewer-{os.getpid()}",
            "auto.offset.reset": "earliest",
            "isolation.level": "read_committed",
            "enable.auto.commit": False,
            "session.timeout.ms": 6000,
            "heartbeat.interval.ms": 500,
            "fetch.message.max.bytes": 64 * 1024 * 1024,
        }
    )
    consumer.subscribe([TOPICS["approved"], TOPICS["quarantine"], TOPICS["rejected"]])
    tally = Tally(expected_total=len(samples))
    footer = f"metrics: http://127.0.0.1:{port}/metrics   health: /healthz /readyz   gate log: gate.log"
    deadline = time.monotonic() + timeout_s
    try:
        with Live(tally.render("decisions", footer), console=console, refresh_per_second=4) as live:
            while not tally.done and time.monotonic() < deadline and gate.poll() is None:
                for message in consumer.consume(500, timeout=0.25):
                    if message.error() is None:
                        doc = json.loads(message.value() or b"{}")
                        tally.add(message.key() or b"", doc["verdict"], [r["code"] for r in doc["reasons"]])
                live.update(tally.render("decisions", footer))
    finally:
        consumer.close()
    return tally


def _show_timings(console: Console, port: int) -> None:
    """Where an event's time went, read from the gate's own /metrics before it stops."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
            text = response.read().decode()
    except OSError:
        console.print("[yellow]could not read /metrics from the gate[/]")
        return
    sums: dict[str, float] = {}
    counts: dict[str, float] = {}
    for family in text_string_to_metric_families(text):
        if family.name != "gate_check_duration_seconds":
            continue
        for sample in family.samples:
            check = sample.labels.get("check", "")
            if sample.name.endswith("_sum"):
                sums[check] = sample.value
            elif sample.name.endswith("_count"):
                counts[check] = sample.value
    table = Table(title="where an event's time goes (mean per event, from /metrics)")
    table.add_column("step")
    table.add_column("ms", justify="right")
    for check in sorted(sums, key=lambda c: -sums[c] / max(counts.get(c, 1), 1)):
        if counts.get(check):
            table.add_row(check, f"{1000 * sums[check] / counts[check]:.2f}")
    console.print(table)


def _summary(console: Console, samples: list[Sample], tally: Tally, directory: Path, port: int) -> int:
    wrong = [s for s in samples if tally.by_key.get(s.key) != s.expected.value]
    per_round = len({s.name for s in samples})
    table = Table(title="one round of the sample set: expected vs decided")
    for column in ("case", "expected", "decided"):
        table.add_column(column)
    for sample in samples[:per_round]:
        got = tally.by_key.get(sample.key, "missing")
        colour = "green" if got == sample.expected.value else "red"
        table.add_row(sample.name, sample.expected.value, f"[{colour}]{got}[/]")
    console.print(table)
    console.print(f"{len(tally.by_key)}/{len(samples)} events decided, {len(wrong)} not as expected.")
    console.print(
        "\n[bold]Where to look next[/]\n"
        f"  - one round of events: {directory / 'events'}\n"
        f"    (try: gate check --event {directory / 'events' / '05.json'})\n"
        f"  - signed and stripped images the gate published: {directory / 'store'}\n"
        f"  - the gate's structured log: {directory / 'gate.log'}\n"
        f"  - dev keys: {directory / 'keys'} (trust anchor: root-ca.pem)\n"
        "  - the policy that decided: gate/core/policy/default-policy.yaml; the tests: make test\n"
        f"  - metrics (while the gate ran): http://127.0.0.1:{port}/metrics (/healthz, /readyz)\n"
        "  - Grafana dashboard: deploy/grafana/gate.json; alert rules: deploy/prometheus/gate-rules.yaml;\n"
        "    runbook: docs/runbook.md; in Kubernetes: helm/gate (prometheusRule, grafanaDashboard, keda)"
    )
    return 0 if not wrong else 1


__all__ = ["DemoOptions", "run_demo"]
