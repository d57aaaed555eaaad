"""ObservabilityServer over real HTTP on 127.0.0.1 with an OS-chosen port."""

from __future__ import annotations

import logging
import socket
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from gate.observe.http import ObservabilityServer
from gate.observe.metrics import GateMetrics, PrometheusObserver

# No proxy: an http_proxy in the environment must not intercept requests to 127.0.0.1.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@dataclass
class FakeHealth:
    is_alive: bool = True
    is_ready: bool = False
    stalls_asked: list[float] = field(default_factory=list)

    def alive(self, max_stall_s: float) -> bool:
        self.stalls_asked.append(max_stall_s)
        return self.is_alive

    def ready(self) -> bool:
        return self.is_ready


class ExplodingHealth:
    def alive(self, max_stall_s: float) -> bool:
        raise RuntimeError("boom")

    def ready(self) -> bool:
        raise RuntimeError("boom")


@dataclass
class Response:
    status: int
    body: str
    content_type: str


def get(server: ObservabilityServer, path: str, accept: str | None = None) -> Response:
    request = urllib.request.Request(f"http://127.0.0.1:{server.port}{path}")
    if accept:
        request.add_header("Accept", accept)
    try:
        with _OPENER.open(request, timeout=5) as resp:
            return Response(resp.status, resp.read().decode(), resp.headers["Content-Type"])
    except urllib.error.HTTPError as err:
        return Response(err.code, err.read().decode(), err.headers["Content-Type"])


@pytest.fixture
def metrics() -> GateMetrics:
    return GateMetrics()


@pytest.fixture
def health() -> FakeHealth:
    return FakeHealth()


@pytest.fixture
def server(metrics: GateMetrics, health: FakeHealth) -> Iterator[ObservabilityServer]:
    with ObservabilityServer(metrics, health, "127.0.0.1", 0, max_stall_s=12.5) as srv:
        yield srv


def test_metrics_endpoint_serves_real_values(server: ObservabilityServer, metrics: GateMetrics) -> None:
    observer = PrometheusObserver(metrics)
    for _ in range(3):
        observer.event_decided(
            verdict="allow",
            source="shop-a",
            reason_codes=[],
            latency_s=0.01,
            check_seconds={"provenance": 0.002},
        )
    observer.inflight(4)
    metrics.set_policy("2024.7", "c" * 64)

    resp = get(server, "/metrics")

    assert resp.status == 200
    assert resp.content_type.startswith("text/plain; version=0.0.4")
    assert 'gate_events_total{source="shop-a",verdict="allow"} 3.0' in resp.body
    assert 'gate_check_duration_seconds_count{check="provenance"} 3.0' in resp.body
    assert "gate_inflight_events 4.0" in resp.body
    assert f'gate_policy_info{{sha256="{"c" * 64}",version="2024.7"}} 1.0' in resp.body
    for name in ("gate_stage_duration_seconds", "gate_batch_size_bytes", "gate_consumer_lag_records"):
        assert f"# TYPE {name} " in resp.body


def test_metrics_endpoint_negotiates_openmetrics(server: ObservabilityServer) -> None:
    resp = get(server, "/metrics", accept="application/openmetrics-text; version=1.0.0")
    assert resp.content_type.startswith("application/openmetrics-text")
    assert resp.body.rstrip().endswith("# EOF")


def test_personal_data_never_reaches_metrics(server: ObservabilityServer, metrics: GateMetrics) -> None:
    PrometheusObserver(metrics).event_decided(
        verdict="allow",
        source="alice.smith@example.com",
        reason_codes=["pii.alice.smith@example.com"],
        latency_s=0.01,
        check_seconds={},
    )
    body = get(server, "/metrics").body
    assert "alice" not in body
    assert "example" not in body
    assert 'gate_events_total{source="invalid",verdict="allow"} 1.0' in body


def test_healthz_follows_liveness(server: ObservabilityServer, health: FakeHealth) -> None:
    assert (get(server, "/healthz").status, get(server, "/healthz").body) == (200, "ok\n")
    health.is_alive = False
    assert get(server, "/healthz").status == 503
    health.is_alive = True
    assert get(server, "/healthz").status == 200
    assert set(health.stalls_asked) == {12.5}


def test_readyz_follows_readiness(server: ObservabilityServer, health: FakeHealth) -> None:
    assert get(server, "/readyz").status == 503
    health.is_ready = True
    assert get(server, "/readyz?verbose=1").status == 200


def test_health_that_raises_is_unhealthy(metrics: GateMetrics) -> None:
    with ObservabilityServer(metrics, ExplodingHealth()) as srv:
        assert get(srv, "/healthz").status == 503
        assert get(srv, "/readyz").status == 503


def test_unknown_path_is_404(server: ObservabilityServer) -> None:
    assert get(server, "/").status == 404
    assert get(server, "/metrics/extra").status == 404


def test_request_logs_carry_no_query_or_unknown_path(
    server: ObservabilityServer, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG, logger="gate.observe.http"):
        get(server, "/readyz?email=alice@example.com")
        get(server, "/users/alice@example.com")
    records = [r for r in caplog.records if r.name == "gate.observe.http"]
    assert [getattr(r, "http_path", None) for r in records] == ["/readyz", "other"]
    assert "alice" not in caplog.text
    assert all("alice" not in str(vars(r)) for r in records)


def test_bad_method_not_logged(server: ObservabilityServer, caplog: pytest.LogCaptureFixture) -> None:
    with (
        caplog.at_level(logging.DEBUG, logger="gate.observe.http"),
        socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock,
    ):
        sock.sendall(b"ALICE@EXAMPLE.COM /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
        assert sock.recv(64).startswith(b"HTTP/1.")
    # The handler logs the request before it sends the status line, so the record is already there.
    assert "alice" not in caplog.text.lower()
    assert "other" in [getattr(r, "http_method", None) for r in caplog.records]


def test_stop_releases_the_port(metrics: GateMetrics, health: FakeHealth) -> None:
    srv = ObservabilityServer(metrics, health).start()
    port = srv.port
    assert port > 0
    srv.stop()
    srv.stop()  # idempotent
    with pytest.raises(urllib.error.URLError):
        _OPENER.open(f"http://127.0.0.1:{port}/healthz", timeout=2)
    with pytest.raises(RuntimeError):
        _ = srv.port
