"""`gate resume` against a real admin endpoint: the answers an operator sees and the exit statuses."""

from __future__ import annotations

import pytest

from gate.broker import free_loopback_port
from gate.cli.main import main
from gate.observe.http import AdminActions, ObservabilityServer
from gate.observe.metrics import GateMetrics
from gate.runner.health import RunnerHealth


@pytest.mark.parametrize(("tripped", "status", "says"), [(True, 0, "resuming"), (False, 3, "not tripped")])
def test_resume_reports_what_the_gate_answered(
    capsys: pytest.CaptureFixture[str], tripped: bool, status: int, says: str
) -> None:
    admin = AdminActions(resume=lambda: tripped)
    with ObservabilityServer(GateMetrics(), RunnerHealth(), admin=admin) as server:
        assert main(["resume", "--url", f"http://127.0.0.1:{server.port}"]) == status
    out = capsys.readouterr()
    assert says in out.out + out.err


def test_resume_sends_the_configured_token(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = AdminActions(resume=lambda: True, token="tok-123")
    with ObservabilityServer(GateMetrics(), RunnerHealth(), admin=admin) as server:
        url = f"http://127.0.0.1:{server.port}"
        assert main(["resume", "--url", url]) == 1
        assert "403" in capsys.readouterr().err
        monkeypatch.setenv("GATE_HTTP__ADMIN_TOKEN", "tok-123")
        assert main(["resume", "--url", url]) == 0


def test_unreachable_gate_says_what_to_check(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["resume", "--url", f"http://127.0.0.1:{free_loopback_port()}"]) == 1
    assert "is the gate running" in capsys.readouterr().err


def test_a_url_that_is_not_http_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["resume", "--url", "file:///etc/passwd"]) == 2
    assert "http://" in capsys.readouterr().err
