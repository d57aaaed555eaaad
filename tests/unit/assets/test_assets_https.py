"""https:// fetching against a real local TLS server (see conftest.py)."""

from __future__ import annotations

import hashlib
import pickle
import time
from pathlib import Path

import httpx
import pytest

from gate.assets import AssetFetcher, AssetRef, FetchPolicy
from gate.errors import AssetUnavailable, ConfigError
from tests.unit.assets.conftest import SLOW_S

BODY = b"a body that only the mock transport serves"
SHA = hashlib.sha256(BODY).hexdigest()


def _ref(uri: str) -> AssetRef:
    return AssetRef(uri=uri, sha256=SHA, media_type="image/png")


@pytest.fixture
def make_fetcher(tls_server):
    made: list[AssetFetcher] = []

    def make(**overrides: object) -> AssetFetcher:
        settings: dict[str, object] = {
            "https_allow_hosts": ("127.0.0.1",),
            "ca_bundle": tls_server.ca_file,
            "timeout_s": 2.0,
        }
        settings.update(overrides)
        fetcher = AssetFetcher(FetchPolicy(**settings))
        made.append(fetcher)
        return fetcher

    yield make
    for fetcher in made:
        fetcher.close()


def test_200_returns_the_body_and_its_hash(make_fetcher, tls_server):
    ref = AssetRef(uri=tls_server.url("/ok"), sha256=tls_server.sha256, media_type="image/png")
    asset = make_fetcher().fetch(ref)
    assert (asset.data, asset.sha256, asset.source) == (tls_server.body, tls_server.sha256, "https")
    assert asset.sha256 == asset.declared_sha256


def test_connections_are_reused_between_fetches(make_fetcher, tls_server):
    fetcher = make_fetcher()
    first = fetcher.fetch(_ref(tls_server.url("/ok")))
    second = fetcher.fetch(_ref(tls_server.url("/ok")))
    assert first == second
    assert fetcher._https._client is not None  # one pooled client, created on first use


def test_404_is_unavailable(make_fetcher, tls_server):
    with pytest.raises(AssetUnavailable, match="HTTP 404"):
        make_fetcher().fetch(_ref(tls_server.url("/missing")))


def test_host_not_in_allow_list_is_refused_without_connecting(make_fetcher, tls_server):
    with pytest.raises(AssetUnavailable, match="not in the https allow-list"):
        make_fetcher(https_allow_hosts=("localhost",)).fetch(_ref(tls_server.url("/ok")))
    assert tls_server.requests == []


def test_wildcard_entry_admits_subdomains_only():
    policy = FetchPolicy(https_allow_hosts=("*.Example.com", "cdn.shop.test."))
    table = {
        "a.example.com": True,
        "a.b.example.com": True,
        "A.EXAMPLE.COM.": True,
        "example.com": False,
        "badexample.com": False,
        "example.com.evil.test": False,
        "cdn.shop.test": True,
        "x.cdn.shop.test": False,
    }
    assert {host: policy.allows_host(host) for host in table} == table


@pytest.mark.parametrize("bad", ["https://cdn.test", "*", "a.*.test", "", "cdn.test/path"])
def test_malformed_allow_list_entries_are_config_errors(bad):
    with pytest.raises(ConfigError):
        FetchPolicy(https_allow_hosts=(bad,))


def test_declared_content_length_over_the_cap_is_refused(make_fetcher, tls_server):
    with pytest.raises(AssetUnavailable, match="larger than the 4096-byte limit"):
        make_fetcher(max_bytes=4096).fetch(_ref(tls_server.url("/big-declared")))


def test_chunked_body_is_cut_off_at_the_cap_while_streaming(make_fetcher, tls_server):
    with pytest.raises(AssetUnavailable, match="larger than the 4096-byte limit"):
        make_fetcher(max_bytes=4096).fetch(_ref(tls_server.url("/big-chunked")))


def test_chunked_body_within_the_cap_is_accepted(make_fetcher, tls_server):
    asset = make_fetcher(max_bytes=64 * 1024).fetch(_ref(tls_server.url("/big-chunked")))
    assert asset.data == b"x" * 64 * 1024


def test_server_that_does_not_answer_times_out(make_fetcher, tls_server):
    # Given up on at the budget, not when the server answers (SLOW_S): the bound leaves room for a stall.
    started = time.monotonic()
    with pytest.raises(AssetUnavailable, match=r"took longer than 0\.3 s"):
        make_fetcher(timeout_s=0.3).fetch(_ref(tls_server.url("/slow")))
    assert time.monotonic() - started < SLOW_S / 2


def test_trickling_server_hits_the_total_time_budget(make_fetcher, tls_server):
    # Each chunk arrives well within the per-read timeout; only the total budget stops this transfer.
    started = time.monotonic()
    with pytest.raises(AssetUnavailable, match=r"took longer than 0\.5 s"):
        make_fetcher(timeout_s=0.5).fetch(_ref(tls_server.url("/trickle")))
    assert time.monotonic() - started < SLOW_S / 2


def test_redirect_on_the_same_allowed_host_is_followed(make_fetcher, tls_server):
    assert make_fetcher().fetch(_ref(tls_server.url("/redirect-same-host"))).data == tls_server.body


def test_redirect_to_a_host_not_allowed_is_refused(make_fetcher, tls_server):
    with pytest.raises(AssetUnavailable, match="'localhost' is not in the https allow-list"):
        make_fetcher().fetch(_ref(tls_server.url("/redirect-other-host")))
    assert [path for _, path in tls_server.requests] == ["/redirect-other-host"]


def test_redirect_to_plain_http_is_refused(make_fetcher, tls_server):
    with pytest.raises(AssetUnavailable, match="non-https"):
        make_fetcher().fetch(_ref(tls_server.url("/redirect-plain-http")))


def test_redirects_are_limited(make_fetcher, tls_server):
    with pytest.raises(AssetUnavailable, match="more than 3 redirects"):
        make_fetcher().fetch(_ref(tls_server.url("/redirect-loop")))
    assert len(tls_server.requests) == 4


def test_certificate_not_trusted_by_the_system_store_is_refused(make_fetcher, tls_server):
    with pytest.raises(AssetUnavailable, match="certificate is trusted"):
        make_fetcher(ca_bundle=None).fetch(_ref(tls_server.url("/ok")))


def test_unreadable_ca_bundle_is_a_config_error(make_fetcher, tls_server, tmp_path):
    with pytest.raises(ConfigError, match="GATE_FETCH__CA_BUNDLE"):
        make_fetcher(ca_bundle=tmp_path / "missing.pem").fetch(_ref(tls_server.url("/ok")))


def test_the_ca_bundle_is_read_once_when_the_policy_is_made(make_fetcher, tls_server, tmp_path):
    copy = tmp_path / "ca.pem"
    copy.write_bytes(Path(tls_server.ca_file).read_bytes())
    policy = FetchPolicy(https_allow_hosts=("127.0.0.1",), ca_bundle=copy, timeout_s=2.0)
    copy.write_bytes(b"not a certificate")  # changed on disk after loading: a worker must not see it
    shipped = pickle.loads(pickle.dumps(policy))  # as it crosses to a worker process
    with AssetFetcher(shipped) as fetcher:
        assert fetcher.fetch(_ref(tls_server.url("/ok"))).data == tls_server.body


def test_a_ca_bundle_that_is_not_pem_certificates_is_a_config_error(make_fetcher, tls_server, tmp_path):
    bad = tmp_path / "bad.pem"
    bad.write_bytes(b"\xff not pem")
    with pytest.raises(ConfigError, match="GATE_FETCH__CA_BUNDLE"):
        make_fetcher(ca_bundle=bad).fetch(_ref(tls_server.url("/ok")))


@pytest.mark.parametrize(
    ("path", "timeout_s"),
    [("/missing", 2.0), ("/slow", 0.2), ("/redirect-other-host", 2.0), ("/big-declared", 2.0)],
)
def test_errors_never_echo_the_path_or_signed_query(make_fetcher, tls_server, path, timeout_s):
    secret = "X-Amz-Signature=s3cr3t-t0ken"
    with pytest.raises(AssetUnavailable) as caught:
        make_fetcher(timeout_s=timeout_s, max_bytes=4096).fetch(_ref(tls_server.url(f"{path}?{secret}")))
    message = str(caught.value)
    assert "s3cr3t" not in message and path not in message
    assert f"https://127.0.0.1:{tls_server.port}" in message or "localhost" in message
    assert caught.value.__cause__ is None


def test_asset_ref_repr_hides_the_uri():
    ref = _ref("https://cdn.test/a.png?token=s3cr3t")
    assert "s3cr3t" not in repr(ref)
    assert ref.location == "https://cdn.test"


def test_userinfo_in_the_url_is_refused(make_fetcher, tls_server):
    with pytest.raises(AssetUnavailable, match="user:password@"):
        make_fetcher().fetch(_ref(f"https://user:pw@127.0.0.1:{tls_server.port}/ok"))
    assert tls_server.requests == []


def test_https_is_disabled_without_allowed_hosts():
    with pytest.raises(AssetUnavailable, match="GATE_FETCH__HTTPS_ALLOW_HOSTS"):
        AssetFetcher(FetchPolicy()).fetch(_ref("https://cdn.test/a.png"))


def test_transport_seam_replaces_the_network():
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=BODY))
    fetcher = AssetFetcher(FetchPolicy(https_allow_hosts=("cdn.test",)), transport=transport)
    assert fetcher.fetch(_ref("https://cdn.test/a.png")).sha256 == SHA
