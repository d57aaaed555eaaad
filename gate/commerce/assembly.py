"""Putting `gate serve` together from settings and the loaded configuration (the CLI and tests call it)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from confluent_kafka import libversion

from gate.assets import AssetFetcher, FetchPolicy
from gate.commerce.http import WebhookServer
from gate.commerce.media import MediaReader
from gate.commerce.metrics import CommerceMetrics
from gate.commerce.records import KafkaRecorder, LogRecorder, Recorder
from gate.commerce.service import Budget, WebhookService
from gate.commerce.signature import WebhookSignature
from gate.commerce.veto import ProductSaveVeto
from gate.errors import ConfigError
from gate.observe.metrics import GateMetrics, PrometheusObserver, build_versions
from gate.settings import GateSettings
from gate.worker.assembly import LoadedConfig


@dataclass(frozen=True, slots=True)
class Served:
    """A bound (not yet serving) webhook server with what it needs closed afterwards."""

    server: WebhookServer
    service: WebhookService
    metrics: GateMetrics
    recorder: Recorder
    fetcher: AssetFetcher

    def close(self) -> None:
        """Finish the decision threads, send what is pending, release connections."""
        self.service.close()
        if isinstance(self.recorder, KafkaRecorder):
            self.recorder.close()
        self.fetcher.close()


def read_public_key(path: Path | None) -> WebhookSignature:
    """The verifier for `commerce.webhook_public_key`; ConfigError when it is not set or not a key."""
    if path is None:
        raise ConfigError(
            "commerce.webhook_public_key is not set (GATE_COMMERCE__WEBHOOK_PUBLIC_KEY): save the public key "
            "from Stores > Configuration > Adobe Services > Webhooks as a PEM file and name it; the gate "
            "never decides an unsigned request"
        )
    try:
        pem = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"commerce.webhook_public_key {path}: cannot be read ({exc.strerror})") from None
    return WebhookSignature.from_pem(pem)


def build_server(
    settings: GateSettings, config: LoadedConfig, fetch: FetchPolicy, *, host: str, port: int
) -> Served:
    """Bind the webhook server for `settings` (Kafka transactions when bootstrap_servers is set)."""
    commerce = settings.commerce
    signature = read_public_key(commerce.webhook_public_key)
    metrics = GateMetrics(
        allowed_sources=settings.http.allowed_sources, max_sources=settings.http.max_sources
    )
    metrics.set_policy(config.policy_ref.version, config.policy_ref.sha256)
    metrics.set_build_info(build_versions(libversion()[0]))
    fetcher = AssetFetcher(fetch)
    reader = MediaReader.create(
        fetcher, fetch.file_roots, fetch.max_bytes, allow_urls=bool(fetch.https_allow_hosts)
    )
    veto = ProductSaveVeto(config, reader, fetcher, source=commerce.source)
    recorder: Recorder = LogRecorder()
    if settings.bootstrap_servers:
        kafka = KafkaRecorder(settings)
        kafka.start()
        recorder = kafka
    budget = Budget(commerce.budget_ms / 1000.0, commerce.fail_mode, commerce.max_images)
    service = WebhookService(
        signature,
        veto,
        recorder,
        observer=PrometheusObserver(metrics),
        metrics=CommerceMetrics(metrics.registry),
        budget=budget,
        workers=commerce.workers,
    )
    try:
        server = WebhookServer(service, metrics, host, port, max_body_bytes=commerce.max_body_bytes)
    except OSError as exc:
        service.close()
        raise ConfigError(f"--listen {host}:{port}: cannot bind ({exc.strerror}); pick a free port") from None
    return Served(server, service, metrics, recorder, fetcher)
