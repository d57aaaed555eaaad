"""`gate run`: the streaming gate. Configuration comes from `--config gate.yaml` and `GATE_*` variables."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from gate.errors import ConfigError
from gate.settings import GateSettings, load_settings

# Every command module imports this one for its options; the worker's recipe (the scanner's tables, c2pa,
# Pillow) and the observability stack are imported where a command uses them, so `gate --help` and the
# reader commands do not pay seconds of regex compilation for a scanner they never run.
if TYPE_CHECKING:
    from gate.assets import FetchPolicy
    from gate.observe.metrics import GateMetrics
    from gate.provenance.trust import TrustConfig
    from gate.provenance.tsa import TsaOptions
    from gate.worker.processor import GateProcessorFactory

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
    from gate.assets import FetchPolicy  # noqa: PLC0415 - see the imports above
    from gate.worker.assembly import PipelineSpec  # noqa: PLC0415
    from gate.worker.processor import GateProcessorFactory  # noqa: PLC0415

    spec = PipelineSpec(
        policy=settings.policy,
        trust_anchors=(settings.trust_anchors,) if settings.trust_anchors else (),
        signer_chain=settings.signer_chain,
        signer_key=settings.signer_key,
        allowed_ekus=settings.trust.allowed_ekus,
        anchors_mode=settings.trust.anchors_mode,
        trust_lists_dir=settings.trust.lists_dir,
        tsa=tsa_options(settings),
    )
    fetch = FetchPolicy(
        file_roots=tuple(settings.fetch.file_roots),
        https_allow_hosts=tuple(settings.fetch.https_allow_hosts),
        max_bytes=settings.fetch.max_bytes,
        timeout_s=settings.fetch.timeout_s,
        ca_bundle=settings.fetch.ca_bundle,
    )
    _check_ca_bundle(fetch)
    factory = GateProcessorFactory(
        spec=spec,
        fetch=fetch,
        store_dir=settings.store_dir,
        storage=settings.store,
        log_level=log_level,
        log_format=log_format,
        propagate_tracestate=settings.propagate_tracestate,
    )
    factory.config.build()  # fail fast in the parent, with a clear message, before any worker starts
    warn_stale_trust_lists(factory.config.trust, settings.trust.max_list_age_days)
    return factory


def _check_ca_bundle(fetch: FetchPolicy) -> None:
    """A CA bundle that is no PEM of certificates fails at start, not as every https event's quarantine."""
    import ssl  # noqa: PLC0415

    if fetch.ca_pem is None:
        return
    try:
        ssl.create_default_context(cadata=fetch.ca_pem.decode("ascii"))
    except (UnicodeDecodeError, ValueError, ssl.SSLError):
        raise ConfigError(
            f"fetch.ca_bundle {fetch.ca_bundle} holds no PEM CA certificate (GATE_FETCH__CA_BUNDLE); "
            "give the PEM file of the CAs that issued the asset hosts' certificates"
        ) from None


def tsa_options(settings: GateSettings) -> TsaOptions | None:
    """The time-stamp authority the settings name, checked (ConfigError naming what to fix), or None."""
    from gate.provenance.tsa import TsaOptions  # noqa: PLC0415

    tsa = settings.tsa
    if tsa.url is None:
        return None
    return TsaOptions(tsa.url, tsa.allow_hosts, timeout_s=tsa.timeout_s, on_failure=tsa.on_failure)


def warn_stale_trust_lists(trust: TrustConfig, max_age_days: int) -> list[str]:
    """Log a warning for each trust list in use issued more than `max_age_days` ago; return their kinds."""
    stale = trust.stale_lists(dt.datetime.now(dt.UTC), dt.timedelta(days=max_age_days))
    for item in stale:
        log.warning(
            "trust list is older than trust.max_list_age_days or past its announced update; "
            "fetch the current one and run `gate trust update FILE`",
            extra={"trust_list": item.kind, "issued": item.issued.isoformat(), "sha256": item.sha256},
        )
    return [item.kind for item in stale]


def serve(settings: GateSettings, factory: GateProcessorFactory) -> int:
    """Run the gate with metrics, health endpoints, logs and traces; return the exit status."""
    from confluent_kafka import libversion  # noqa: PLC0415 - keep `gate --help` fast

    from gate.observe.http import AdminActions, ObservabilityServer  # noqa: PLC0415
    from gate.observe.metrics import GateMetrics, PrometheusObserver, build_versions  # noqa: PLC0415
    from gate.runner import RunnerHealth, run  # noqa: PLC0415
    from gate.runner.flood_guard import FloodGuard  # noqa: PLC0415

    metrics = GateMetrics(
        allowed_sources=settings.http.allowed_sources, max_sources=settings.http.max_sources
    )
    policy = factory.policy
    metrics.set_policy(policy.version, policy.sha256)
    metrics.set_build_info(build_versions(libversion()[0]))
    record_identities(metrics, settings)
    health = RunnerHealth()
    guard = FloodGuard(settings.flood_guard)
    token = settings.http.admin_token.get_secret_value() if settings.http.admin_token else None
    server = ObservabilityServer(
        metrics,
        health,
        host=settings.http.host,
        port=settings.http.port,
        admin=AdminActions(resume=guard.request_resume, token=token),
    )
    try:
        server.start()
    except OSError as exc:  # the port is taken, the host is not an address of this machine
        raise ConfigError(
            f"cannot serve /metrics and /healthz on {settings.http.host}:{settings.http.port} "
            f"({exc.strerror or exc}); set http.host and http.port (GATE_HTTP__HOST, GATE_HTTP__PORT) to a "
            "free address of this machine"
        ) from None
    from gate.cli.incident_watch import IncidentWatcher  # noqa: PLC0415

    watcher = IncidentWatcher(settings, metrics)
    watcher.start()
    log.info("serving metrics and health", extra={"port": server.port, "policy_version": policy.version})
    try:
        return run(settings, factory, PrometheusObserver(metrics), health, flood_guard=guard)
    finally:
        watcher.stop()
        server.stop()


def record_identities(metrics: GateMetrics, settings: GateSettings) -> None:
    """Publish the trust-anchor bundle's and the signer certificate's sha256 and the certificate's expiry."""
    from gate.observe.identity import bundle_sha256, leaf_certificate_identity  # noqa: PLC0415

    if settings.trust_anchors is not None:
        metrics.set_trust_anchors(bundle_sha256(_read(settings.trust_anchors, "trust_anchors")))
    if settings.signer_chain is not None:
        try:
            signer = leaf_certificate_identity(_read(settings.signer_chain, "signer_chain"))
        except ValueError as exc:
            raise ConfigError(
                f"signer_chain {settings.signer_chain}: {exc}; give a PEM chain, leaf first"
            ) from None
        metrics.set_signer_certificate(signer.sha256, signer.not_after_epoch_s)


def _read(path: Path, setting: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{setting} {path}: cannot be read ({exc.strerror})") from None


def _run(args: argparse.Namespace) -> int:
    from gate.observe.logs import configure_logging  # noqa: PLC0415
    from gate.observe.tracing import configure_tracing  # noqa: PLC0415

    configure_logging(args.log_level, args.log_format)
    settings = settings_from_args(args)
    if not settings.bootstrap_servers:
        raise ConfigError(
            "no Kafka brokers: set bootstrap_servers in --config, GATE_BOOTSTRAP_SERVERS or "
            "--bootstrap-servers (or try `gate demo`, which starts an embedded broker)"
        )
    configure_tracing("gate", propagate_tracestate=settings.propagate_tracestate)
    factory = processor_factory(settings, log_level=args.log_level, log_format=args.log_format)
    check_retention(settings)
    return serve(settings, factory)


def check_retention(settings: GateSettings) -> None:
    """Refuse to start when the ingest topic keeps records for less time than the quarantine topic.

    A quarantined event is replayed from its original ingest record. When the topics' configs cannot
    be read (e.g. no DescribeConfigs permission) the gate still starts, and says so in its log.
    """
    from gate.runner.errors import KafkaFatal  # noqa: PLC0415
    from gate.runner.topics import retention_gap, retention_ms_of  # noqa: PLC0415

    topics = settings.topics
    try:
        retention = retention_ms_of(
            settings.bootstrap_servers or "", [topics.ingest, topics.quarantine], client_config=settings.kafka
        )
    except KafkaFatal as exc:
        # The guard drops an `error` extra (free text); a KafkaFatal's text is the gate's own: what was
        # asked, librdkafka's error name and its words (topics and brokers, never a record's content).
        log.warning("cannot verify ingest >= quarantine retention: %s", exc, extra={"error_type": "kafka"})
        return
    except TimeoutError:
        # No broker answered in time: a gate may start before its brokers (it waits for them in its loop);
        # the check is then skipped, as without DescribeConfigs permission. It was a traceback.
        log.warning(
            "cannot verify ingest >= quarantine retention: no answer from the brokers",
            extra={"error_type": "timeout"},
        )
        return
    gap = retention_gap(retention, topics.ingest, topics.quarantine)
    if gap:
        raise ConfigError(gap)
