"""Trusted time at signing: RFC 3161 time-stamps from a configured TSA, allow-listed and bounded in time.

c2pa-rs asks the TSA itself (the URL in the signer info), through an HTTP client with no timeout the gate
can set, and says only "signing failed" when that goes wrong. So c2pa-rs is pointed at a relay on the
loopback interface instead, and the relay asks the real TSA: only a host on the allow-list, within
`timeout_s`, at most `max_reply_bytes`, and only a granted TimeStampResp is passed back. When the TSA is
down, slow, or answers anything else, the relay says which (`failure`), and signing raises
TimestampUnavailable naming it, instead of hanging or guessing.

Only signing uses this: verification never goes to the network.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Final, Literal
from urllib.parse import urlsplit

import httpx
from asn1crypto import tsp

from gate.errors import ConfigError, ProvenanceError

Failure = Literal["down", "slow", "refused", "garbage"]
OnFailure = Literal["quarantine", "sign_without"]
QUERY_TYPE: Final = "application/timestamp-query"
REPLY_TYPE: Final = "application/timestamp-reply"
_MAX_QUERY: Final = 16 * 1024
_GRANTED: Final = frozenset({"granted", "granted_with_mods"})


class TimestampUnavailable(ProvenanceError):
    """The TSA gave no usable time-stamp; `why` is "down", "slow", "refused" or "garbage"."""

    def __init__(self, why: Failure) -> None:
        super().__init__(f"the time-stamp authority gave no time-stamp ({why})")
        self.why = why


@dataclass(frozen=True, slots=True)
class TsaOptions:
    """Where trusted time comes from and what to do without it (settings `tsa.*`)."""

    url: str
    allow_hosts: tuple[str, ...]
    timeout_s: float = 5.0
    on_failure: OnFailure = "quarantine"
    max_reply_bytes: int = 64 * 1024

    def __post_init__(self) -> None:
        parts = urlsplit(self.url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConfigError(
                "tsa.url must be an http:// or https:// URL of an RFC 3161 time-stamp authority"
            )
        if not host_allowed(parts.hostname, self.allow_hosts):
            raise ConfigError(
                f"the TSA host {parts.hostname} is not in tsa.allow_hosts; add it there to let the gate "
                "send time-stamp queries to it"
            )
        if not 0 < self.timeout_s <= 60:
            raise ConfigError("tsa.timeout_s must be more than 0 and at most 60 seconds")
        if self.on_failure not in ("quarantine", "sign_without"):
            raise ConfigError("tsa.on_failure must be 'quarantine' or 'sign_without'")


def host_allowed(host: str, allowed: tuple[str, ...]) -> bool:
    """Exact host names, or "*.example.com" for its subdomains (not example.com itself); no case."""
    host = host.lower().rstrip(".")
    for pattern in (p.lower().rstrip(".") for p in allowed):
        if pattern == host or (pattern.startswith("*.") and host.endswith(pattern[1:])):
            return True
    return False


class TimestampRelay:
    """A loopback HTTP endpoint for c2pa-rs that forwards time-stamp queries to the configured TSA."""

    def __init__(self, options: TsaOptions) -> None:
        self.options = options
        self.failure: Failure | None = None
        self._reply = b""
        self._client = httpx.Client(timeout=options.timeout_s, follow_redirects=False, trust_env=False)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _relay_handler(self))
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, name="tsa-relay", daemon=True).start()

    @property
    def host(self) -> str:
        """host:port of the relay, for c2pa-rs's network allow-list."""
        return f"127.0.0.1:{self._server.server_address[1]}"

    @property
    def url(self) -> str:
        """The URL c2pa-rs sends its time-stamp query to."""
        return f"http://{self.host}/"

    def forward(self, query: bytes) -> bytes | None:
        """The TSA's granted reply to `query`, or None with `failure` saying why."""
        self.failure = self._ask(query)
        return None if self.failure else self._reply

    def _ask(self, query: bytes) -> Failure | None:
        self._reply = b""
        try:
            with self._client.stream(
                "POST", self.options.url, content=query, headers={"Content-Type": QUERY_TYPE}
            ) as response:
                if response.status_code != httpx.codes.OK:
                    return "refused"
                body = b""
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > self.options.max_reply_bytes:
                        return "garbage"
        except httpx.TimeoutException:
            return "slow"
        except httpx.HTTPError:
            return "down"
        if not _granted(body):
            return "garbage"
        self._reply = body
        return None

    def close(self) -> None:
        """Stop relaying."""
        self._server.shutdown()
        self._server.server_close()
        self._client.close()


def _granted(body: bytes) -> bool:
    """A DER TimeStampResp, status granted, carrying a signed-data token (c2pa-rs checks the rest)."""
    try:
        response = tsp.TimeStampResp.load(body, strict=True)
        status = response["status"]["status"].native
        token = response["time_stamp_token"]
        return bool(status in _GRANTED and token["content_type"].native == "signed_data")
    except (ValueError, TypeError, KeyError):
        return False


def _relay_handler(relay: TimestampRelay) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            if not 0 < length <= _MAX_QUERY:
                self._answer(400, b"")
                return
            reply = relay.forward(self.rfile.read(length))
            self._answer(502, b"") if reply is None else self._answer(200, reply)

        def _answer(self, status: int, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", REPLY_TYPE)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            return  # the signing outcome is what gets reported

    return Handler
