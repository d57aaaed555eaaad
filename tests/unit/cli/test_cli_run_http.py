"""`gate run` whose metrics address cannot be served (the port taken, a host that is no address here) stops
with a ConfigError naming the address and the settings, before the runner starts: exit 2, no traceback."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from gate.cli.run import processor_factory, serve
from gate.errors import ConfigError
from gate.settings import load_settings


def test_a_taken_metrics_port_is_a_config_error() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        settings = load_settings(bootstrap_servers="127.0.0.1:1", http={"host": "127.0.0.1", "port": port})
        with pytest.raises(ConfigError, match=rf"127\.0\.0\.1:{port} .*GATE_HTTP__PORT"):
            serve(settings, processor_factory(settings))


def test_a_ca_bundle_that_holds_no_certificate_fails_at_start(tmp_path: Path) -> None:
    bundle = tmp_path / "ca.pem"
    bundle.write_text("{not a certificate}\n")
    settings = load_settings(bootstrap_servers="127.0.0.1:1", fetch={"ca_bundle": str(bundle)})
    with pytest.raises(ConfigError, match=r"fetch\.ca_bundle .*ca\.pem holds no PEM CA certificate"):
        processor_factory(settings)
