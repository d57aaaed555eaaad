"""moto's standalone S3-protocol server on a free loopback port, for the storage tests.

The gate's production client code (boto3) talks to it over real HTTP. Test credentials go in through the
standard `AWS_*` variables, as they would in a pod; moto accepts any.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import boto3

from gate.broker import free_loopback_port

ACCESS_KEY_ID = "AKIAGATETESTKEY12345"
SECRET_ACCESS_KEY = "gate-test-secret/Do-Not-Log-This-Value-42"
CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": ACCESS_KEY_ID,
    "AWS_SECRET_ACCESS_KEY": SECRET_ACCESS_KEY,
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_EC2_METADATA_DISABLED": "true",  # never wait for instance metadata on a test machine
}


BLOCK_ALL_PUBLIC_ACCESS = {
    "BlockPublicAcls": True,
    "IgnorePublicAcls": True,
    "BlockPublicPolicy": True,
    "RestrictPublicBuckets": True,
}
_SERIAL_SERVER = Path(__file__).with_name("moto_serial.py")


class MotoServer:
    """moto's S3 server in its own process (see moto_serial.py); `stop()` makes the store unreachable."""

    def __init__(self, log: Path, port: int | None = None) -> None:
        self.port = port or free_loopback_port()
        self.endpoint_url = f"http://127.0.0.1:{self.port}"
        self._log = log
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> MotoServer:
        """Start the server and wait until it answers."""
        with self._log.open("ab") as sink:
            self._process = subprocess.Popen(
                [sys.executable, str(_SERIAL_SERVER), "127.0.0.1", str(self.port)],
                stdout=sink,
                stderr=sink,
                env={**os.environ, **CREDENTIALS},
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("moto server did not start")

    def stop(self) -> None:
        """Terminate the server (this test process started it)."""
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            self._process.wait(timeout=10)
        self._process = None

    def client(self) -> Any:
        """A plain boto3 client for arranging and inspecting buckets (not the code under test)."""
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            region_name="us-east-1",
            aws_access_key_id=ACCESS_KEY_ID,
            aws_secret_access_key=SECRET_ACCESS_KEY,
        )

    def bucket(self, name: str | None = None, *, fit: bool = True) -> str:
        """A new bucket; `fit`: versioning on and public access blocked, as README "Storage" asks."""
        name = name or f"gate-{uuid.uuid4().hex[:12]}"
        client = self.client()
        client.create_bucket(Bucket=name)
        if fit:
            client.put_bucket_versioning(Bucket=name, VersioningConfiguration={"Status": "Enabled"})
            client.put_public_access_block(
                Bucket=name, PublicAccessBlockConfiguration=BLOCK_ALL_PUBLIC_ACCESS
            )
        return name


class SilentServer:
    """Accepts TCP connections and never answers: a store that is up but too slow to reply."""

    def __init__(self) -> None:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(64)
        self.endpoint_url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        self._held: list[socket.socket] = []
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            self._held.append(conn)  # kept open, never read from or written to

    def close(self) -> None:
        """Stop listening and drop every held connection."""
        self._sock.close()
        for conn in self._held:
            conn.close()
