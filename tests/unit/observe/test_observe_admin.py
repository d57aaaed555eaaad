"""The admin endpoint (POST /admin/resume) and /readyz reasons, over real HTTP on 127.0.0.1."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from gate.observe.http import AdminActions, ObservabilityServer
from gate.observe.metrics import GateMetrics
from gate.runner.health import RunnerHealth

_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class Resumable:
    def __init__(self, tripped: bool) -> None:
        self.tripped = tripped
        self.calls = 0

    def __call__(self) -> bool:
        self.calls += 1
        was, self.tripped = self.tripped, False
        return was


def call(server: ObservabilityServer, path: str, method: str, token: str | None = None) -> tuple[int, str]:
    request = urllib.request.Request(f"http://127.0.0.1:{server.port}{path}", method=method, data=b"")
    if token is not None:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with _OPENER.open(request, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


@pytest.fixture
def health() -> RunnerHealth:
    health = RunnerHealth()
    health.mark_started()
    health.set_broker_reachable(True)
    return health


def serve(health: RunnerHealth, admin: AdminActions | None) -> ObservabilityServer:
    return ObservabilityServer(GateMetrics(), health, "127.0.0.1", 0, admin=admin)


@pytest.fixture
def loopback_only(health: RunnerHealth) -> Iterator[tuple[ObservabilityServer, Resumable]]:
    resume = Resumable(tripped=True)
    with serve(health, AdminActions(resume=resume)) as server:
        yield server, resume


def test_loopback_client_resumes_once(loopback_only: tuple[ObservabilityServer, Resumable]) -> None:
    server, resume = loopback_only
    assert call(server, "/admin/resume", "POST")[0] == 202
    status, body = call(server, "/admin/resume", "POST")
    assert (status, resume.calls) == (409, 2)
    assert "not tripped" in body


def test_resume_is_post_only_and_exact(loopback_only: tuple[ObservabilityServer, Resumable]) -> None:
    server, resume = loopback_only
    assert call(server, "/admin/resume", "GET")[0] == 404
    assert call(server, "/admin/resume/x", "POST")[0] == 404
    assert call(server, "/metrics", "POST")[0] == 404
    assert resume.calls == 0


def test_with_a_token_only_the_token_resumes(health: RunnerHealth) -> None:
    resume = Resumable(tripped=True)
    with serve(health, AdminActions(resume=resume, token="s3cret-token")) as server:
        assert call(server, "/admin/resume", "POST")[0] == 403  # loopback alone is not enough now
        assert call(server, "/admin/resume", "POST", token="wrong")[0] == 403
        assert resume.calls == 0
        assert call(server, "/admin/resume", "POST", token="s3cret-token")[0] == 202


def test_without_an_action_there_is_no_admin_endpoint(health: RunnerHealth) -> None:
    with serve(health, None) as server:
        assert call(server, "/admin/resume", "POST")[0] == 404


@pytest.mark.parametrize(
    ("host", "token", "authorization", "allowed"),
    [
        ("127.0.0.1", None, None, True),
        ("::1", None, None, True),
        ("127.8.9.10", None, None, True),
        ("10.1.2.3", None, None, False),  # a pod IP: the network, not the pod itself
        ("192.168.0.5", None, "Bearer anything", False),
        ("not-an-ip", None, None, False),
        ("10.1.2.3", "tok", "Bearer tok", True),
        ("10.1.2.3", "tok", "tok", True),
        ("10.1.2.3", "tok", "Bearer tok2", False),
        ("127.0.0.1", "tok", None, False),
        ("127.0.0.1", "tok", "Bearer ", False),
    ],
)
def test_who_may_call_the_admin_endpoint(
    host: str, token: str | None, authorization: str | None, allowed: bool
) -> None:
    assert AdminActions(resume=lambda: True, token=token).allowed(host, authorization) is allowed


def test_readyz_says_why_it_is_not_ready(health: RunnerHealth) -> None:
    with serve(health, None) as server:
        assert call(server, "/readyz", "GET") == (200, "ok\n")
        health.set_not_ready_reason("flood guard tripped: 50 of the last 60 events of t[0] were quarantined")
        status, body = call(server, "/readyz", "GET")
        assert status == 503
        assert body.startswith("unavailable: flood guard tripped: 50 of the last 60")
        health.set_not_ready_reason(None)
        assert call(server, "/readyz", "GET")[0] == 200
        health.mark_stopping()
        assert call(server, "/readyz", "GET") == (503, "unavailable: stopping\n")
