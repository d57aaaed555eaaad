"""Fetching asset bytes over https from allow-listed hosts, within a byte cap and a total time budget.

URLs may carry signed tokens, so messages name only the scheme and host, and httpx errors are not chained
(their text and attached request could echo the full URL into a logged traceback).
"""

from __future__ import annotations

import ssl
import threading
import time

import httpx

from gate.errors import AssetUnavailable, ConfigError

from ._model import FetchPolicy, safe_location

_HOSTS_HINT = "(GATE_FETCH__HTTPS_ALLOW_HOSTS)"
_LIMIT_HINT = "(GATE_FETCH__MAX_BYTES)"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_HEADERS = {
    "user-agent": "gate-asset-fetcher",
    # Images do not compress; asking for identity keeps Content-Length meaningful for the cap.
    "accept-encoding": "identity",
}


class HttpsFetcher:
    """GETs https URLs with one pooled httpx client, created on first use (constructing does no I/O)."""

    def __init__(self, policy: FetchPolicy, transport: httpx.BaseTransport | None = None) -> None:
        self._policy = policy
        self._transport = transport
        self._client: httpx.Client | None = None
        self._lock = threading.Lock()

    def fetch(self, uri: str) -> bytes:
        """Return the body of a 200 answer; redirects are followed only to allowed https hosts."""
        policy = self._policy
        if not policy.https_allow_hosts:
            raise AssetUnavailable(f"https:// assets are disabled: no hosts are allowed {_HOSTS_HINT}")
        deadline = time.monotonic() + policy.timeout_s
        url = _parse(uri)
        for _ in range(policy.max_redirects + 1):
            self._check_allowed(url)
            where = safe_location(str(url))
            try:
                with self._get_client().stream(
                    "GET", url, headers=_HEADERS, timeout=_remaining(deadline, where)
                ) as response:
                    if response.status_code in _REDIRECTS:
                        url = _redirect_target(url, response, where)
                        continue
                    if response.status_code != 200:
                        raise AssetUnavailable(
                            f"{where} answered HTTP {response.status_code}; check that the asset exists "
                            "and that a signed URL has not expired"
                        )
                    return self._read_capped(response, deadline, where)
            except httpx.TimeoutException:
                raise _timed_out(where, policy.timeout_s) from None
            except httpx.HTTPError as exc:
                raise AssetUnavailable(
                    f"fetching from {where} failed ({type(exc).__name__}); check the host is reachable "
                    "and its certificate is trusted (GATE_FETCH__CA_BUNDLE for a private CA)"
                ) from None
        raise AssetUnavailable(f"more than {policy.max_redirects} redirects; give the final asset URL")

    def close(self) -> None:
        """Close pooled connections; the next fetch opens a new client."""
        with self._lock:
            if self._client is not None:
                self._client.close()
                self._client = None

    def _get_client(self) -> httpx.Client:
        with self._lock:
            if self._client is None:
                self._client = httpx.Client(
                    verify=_ssl_context(self._policy),
                    transport=self._transport,
                    follow_redirects=False,  # followed by hand so every hop passes the allow-list
                    trust_env=False,  # no proxy or .netrc credentials picked up from the environment
                    timeout=self._policy.timeout_s,
                )
            return self._client

    def _check_allowed(self, url: httpx.URL) -> None:
        if url.scheme != "https":
            raise AssetUnavailable(f"refused a redirect to a non-https URL ({safe_location(str(url))})")
        if url.userinfo:
            raise AssetUnavailable("https asset URLs must not contain user:password@; use a signed URL")
        host = url.raw_host.decode("ascii")  # the punycode form is what gets resolved and connected to
        if not self._policy.allows_host(host):
            raise AssetUnavailable(f"host {host!r} is not in the https allow-list {_HOSTS_HINT}")

    def _read_capped(self, response: httpx.Response, deadline: float, where: str) -> bytes:
        limit = self._policy.max_bytes
        too_big = f"asset from {where} is larger than the {limit}-byte limit {_LIMIT_HINT}"
        declared = response.headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            raise AssetUnavailable(too_big)
        body = bytearray()
        # The cap is enforced while streaming: a body without Content-Length, or one that lies, is cut off.
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > limit:
                raise AssetUnavailable(too_big)
            # httpx timeouts bound each read; this bounds the whole transfer against a trickling server.
            if time.monotonic() > deadline:
                raise _timed_out(where, self._policy.timeout_s)
        return bytes(body)


def _parse(uri: str) -> httpx.URL:
    # Parse with the client's own parser so the host checked is the host connected to.
    try:
        return httpx.URL(uri)
    except httpx.InvalidURL:
        raise AssetUnavailable("asset uri is not a valid https URL") from None


def _redirect_target(url: httpx.URL, response: httpx.Response, where: str) -> httpx.URL:
    location = response.headers.get("location")
    if not location:
        raise AssetUnavailable(f"{where} answered a redirect without a Location")
    try:
        return url.join(location)
    except httpx.InvalidURL:
        raise AssetUnavailable(f"{where} answered a redirect to an invalid URL") from None


def _remaining(deadline: float, where: str) -> httpx.Timeout:
    left = deadline - time.monotonic()
    if left <= 0:
        raise AssetUnavailable(f"time budget used up before fetching from {where} (GATE_FETCH__TIMEOUT_S)")
    return httpx.Timeout(left)


def _timed_out(where: str, timeout_s: float) -> AssetUnavailable:
    return AssetUnavailable(f"fetching from {where} took longer than {timeout_s:g} s (GATE_FETCH__TIMEOUT_S)")


def _ssl_context(policy: FetchPolicy) -> ssl.SSLContext:
    if policy.ca_pem is None:
        return ssl.create_default_context()  # the system trust store
    try:
        return ssl.create_default_context(cadata=policy.ca_pem.decode("ascii"))
    except (UnicodeDecodeError, ValueError, ssl.SSLError):
        raise ConfigError("GATE_FETCH__CA_BUNDLE must name a readable PEM file of CA certificates") from None
