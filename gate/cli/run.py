"""`gate run`: the streaming gate. Configuration comes from `--config gate.yaml` and `GATE_*` variables."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import Any, Literal

from gate.assembly import PipelineSpec
from gate.assets import FetchPolicy
from gate.errors import ConfigError
from gate.observe.http import ObservabilityServer
from gate.observe.logs import configure_logging
from gate.observe.metrics import GateMetrics, PrometheusObserver, build_versions
from gate.observe.tracing import configure_tracing
from gate.processor import GateProcessorFactory
from gate.settings import GateSettings, load_settings

log = logging.getLogger("gate.cli.run")


def register(sub: Any) -> None:
    """Add the `run` command."""
    parser = sub.add_parser(
        "run",
        help="run the streaming gate (consume, decide, route in Kafka transactions)",
        description="Every setting can come from --config (YAML) or GATE_* environment variables "
        "(nested with __, e.g. GATE_BATCH__MAX_RECORDS). Exit status: 0 clean stop, 1 Kafka failure, "
        "2 configuration error, 3 fenced by a newer instance.",
    )
    add_common_options(parser)
    parser.set_defaults(handler=_run)


def add_common_options(parser: argparse.ArgumentParser) -> None:
    """Options shared by `run` and `demo`."""
    parser.add_argument("--config", type=Path, metavar="gate.yaml", help="settings file (YAML)")
    parser.add_argument("--bootstrap-servers", metavar="HOST:PORT,...", help="Kafka brokers")
    parser.add_argument("--log-level", default="INFO", help="DEBUG, INFO, WARNING, ERROR")
    parser.add_argument("--log-format", default="json", choices=("json", "text"))


def settings_from_args(args: argparse.Namespace, **extra: Any) -> GateSettings:
    """Settings from the file and environment, with command-line overrides on top."""
    overrides = dict(extra)
    if args.bootstrap_servers:
        overrides["bootstrap_servers"] = args.bootstrap_servers
    return load_settings(args.config, **overrides)


def processor_factory(
    settings: GateSettings, *, log_level: str | None = None, log_format: Literal["json", "text"] = "json"
) -> GateProcessorFactory:
    """The worker recipe the settings describe: policy, trust, signer, fetch rules and content store."""
    spec = PipelineSpec(
        policy=settings.policy,
        trust_anchors=(settings.trust_anchors,) if settings.trust_anchors else (),
        signer_chain=settings.signer_chain,
        signer_key=settings.signer_key,
    )
    fetch = FetchPolicy(
        file_roots=tuple(settings.fetch.file_roots),
        https_allow_hosts=tuple(settings.fetch.https_allow_hosts),
        max_bytes=settings.fetch.max_bytes,
        timeout_s=settings.fetch.timeout_s,
        ca_bundle=settings.fetch.ca_bundle,
    )
    spec.build()  # fail fast in the parent, with a clear message, before any worker starts
    return GateProcessorFactory(
        spec=spec,
        fetch=fetch,
        store_dir=settings.store_dir,
        storage=settings.store,
        log_level=log_level,
        log_format=log_format,
    )


def serve(settings: GateSettings, factory: GateProcessorFactory) -> int:
    """Run the gate with metrics, health endpoints, logs and traces; return the exit status."""
    from confluent_kafka import libversion  # noqa: PLC0415 - keep `gate --help` fast

    from gate.runner import RunnerHealth, run  # noqa: PLC0415

    metrics = GateMetrics(
        allowed_sources=settings.http.allowed_sources, max_sources=settings.http.max_sources
    )
    policy = factory.policy
    metrics.set_policy(policy.version, policy.sha256)
    metrics.set_build_info(build_versions(libversion()[0]))
    health = RunnerHealth()
    server = ObservabilityServer(metrics, health, host=settings.http.host, port=settings.http.port)
    server.start()
    log.info("serving metrics and health", extra={"port": server.port, "policy_version": policy.version})
    try:
        return run(settings, factory, PrometheusObserver(metrics), health)
    finally:
        server.stop()


def _run(args: argparse.Namespace) -> int:
    configure_logging(args.log_level, args.log_format)
    settings = settings_from_args(args)
    if not settings.bootstrap_servers:
        raise ConfigError(
            "no Kafka brokers: set bootstrap_servers in --config, GATE_BOOTSTRAP_SERVERS or "
            "--bootstrap-servers (or try `gate demo`, which starts an embedded broker)"
        )
    configure_tracing("gate")
    return serve(settings, processor_factory(settings, log_level=args.log_level, log_format=args.log_format))
