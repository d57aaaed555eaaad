"""Settings: precedence env > YAML > defaults, and errors that name the setting."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gate.errors import ConfigError
from gate.observe.metrics import GateMetrics, PrometheusObserver
from gate.settings import GateSettings, MiB, load_settings


def test_defaults() -> None:
    s = load_settings()
    assert (s.topics.ingest, s.topics.approved, s.topics.quarantine, s.topics.rejected) == (
        "images.ingest",
        "images.approved",
        "images.quarantine",
        "images.rejected",
    )
    assert (s.batch.max_records, s.batch.max_bytes, s.batch.linger_ms) == (64, 32 * 1024 * 1024, 50)
    assert (s.http.host, s.http.port, s.event_timeout_s, s.shutdown_timeout_s) == (
        "127.0.0.1",
        9108,
        10.0,
        20.0,
    )
    assert s.bootstrap_servers is None and s.workers >= 1 and s.session_timeout_ms == 45_000


def test_environment_beats_yaml_beats_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "gate.yaml"
    config.write_text("group_id: from-yaml\nbatch: {max_records: 10, linger_ms: 5}\nkafka: {client.id: y}\n")
    monkeypatch.setenv("GATE_BATCH__MAX_RECORDS", "7")
    monkeypatch.setenv("GATE_FETCH__HTTPS_ALLOW_HOSTS", '["img.example.com"]')
    s = load_settings(config)
    assert s.group_id == "from-yaml"
    assert (s.batch.max_records, s.batch.linger_ms) == (7, 5)  # env wins per field, YAML fills the rest
    assert s.kafka == {"client.id": "y"}
    assert s.fetch.https_allow_hosts == ("img.example.com",)
    assert load_settings(config, group_id="cli").group_id == "cli"


def test_settings_are_frozen() -> None:
    s = load_settings()
    with pytest.raises(ValueError):
        s.group_id = "other"  # type: ignore[misc]


def test_transactional_id_defaults_to_group_and_host() -> None:
    s = load_settings(group_id="g")
    assert s.effective_transactional_id.startswith("g.")
    assert load_settings(transactional_id="pod-0").effective_transactional_id == "pod-0"


@pytest.mark.parametrize(
    ("overrides", "named"),
    [
        ({"workers": -1}, "workers"),
        ({"batch": {"max_records": 0}}, "batch.max_records"),
        ({"kafka": {"enable.auto.commit": "true"}}, "enable.auto.commit"),
        ({"signer_key": "k.pem"}, "signer_chain and signer_key"),
        ({"bogus": 1}, "bogus"),
    ],
)
def test_invalid_settings_raise_config_error_naming_the_setting(
    overrides: dict[str, object], named: str
) -> None:
    with pytest.raises(ConfigError, match=named):
        load_settings(**overrides)


def test_a_bad_environment_value_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GATE_EVENT_TIMEOUT_S", "soon")
    with pytest.raises(ConfigError, match="event_timeout_s"):
        load_settings()


@pytest.mark.parametrize("text", ["a: [unclosed", "- just\n- a list\n"])
def test_a_malformed_yaml_file_is_a_config_error(tmp_path: Path, text: str) -> None:
    config = tmp_path / "gate.yaml"
    config.write_text(text)
    with pytest.raises(ConfigError, match=r"gate\.yaml"):
        load_settings(config)


def test_a_config_file_that_is_not_utf8_is_a_config_error(tmp_path: Path) -> None:
    config = tmp_path / "gate.yaml"
    config.write_bytes(b"\xff\xfegroup_id: x\n")
    with pytest.raises(ConfigError, match=r"gate\.yaml: not UTF-8 text \(byte 0\)"):
        load_settings(config)


def test_a_missing_yaml_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot be read"):
        load_settings(tmp_path / "absent.yaml")


def test_settings_class_is_the_one_settings_object() -> None:
    assert isinstance(load_settings(), GateSettings)


def test_the_assignment_strategy_is_reserved_with_the_reason() -> None:
    with pytest.raises(ConfigError, match=r"partition\.assignment\.strategy cannot be set.*eager"):
        load_settings(kafka={"partition.assignment.strategy": "cooperative-sticky"})


def test_defaults_leave_room_for_an_inline_base64_asset() -> None:
    s = load_settings()
    assert (s.fetch.max_bytes, s.max_message_bytes) == (40 * MiB, 64 * MiB)
    assert s.fetch.max_bytes * 4 / 3 + MiB < s.max_message_bytes


def test_a_fetch_limit_whose_base64_cannot_fit_a_message_is_refused_with_what_to_set() -> None:
    with pytest.raises(ConfigError) as raised:
        load_settings(fetch={"max_bytes": 50 * MiB}, max_message_bytes=64 * MiB)
    message = str(raised.value)
    assert "max_message_bytes" in message and "fetch.max_bytes" in message
    at_least = int(re.search(r"max_message_bytes to at least (\d+)", message).group(1))  # type: ignore[union-attr]
    at_most = int(re.search(r"fetch.max_bytes to at most (\d+)", message).group(1))  # type: ignore[union-attr]
    # Either suggestion is accepted, and it is the tightest one.
    assert load_settings(fetch={"max_bytes": 50 * MiB}, max_message_bytes=at_least)
    assert load_settings(fetch={"max_bytes": at_most}, max_message_bytes=64 * MiB)
    with pytest.raises(ConfigError):
        load_settings(fetch={"max_bytes": 50 * MiB}, max_message_bytes=at_least - 1)
    with pytest.raises(ConfigError):
        load_settings(fetch={"max_bytes": at_most + 1}, max_message_bytes=64 * MiB)


def test_metrics_source_allow_list_reaches_the_label_bundle() -> None:
    settings = load_settings(http={"allowed_sources": ["studio-gen"], "max_sources": 5})
    metrics = GateMetrics(
        allowed_sources=settings.http.allowed_sources, max_sources=settings.http.max_sources
    )
    observer = PrometheusObserver(metrics)
    for source in ("studio-gen", "anna.schmidt"):
        observer.event_decided(
            verdict="approved", source=source, reason_codes=(), latency_s=0.1, check_seconds={}
        )
    sample = metrics.registry.get_sample_value
    assert sample("gate_events_total", {"verdict": "approved", "source": "studio-gen"}) == 1
    assert sample("gate_events_total", {"verdict": "approved", "source": "other"}) == 1
    assert sample("gate_events_total", {"verdict": "approved", "source": "anna.schmidt"}) is None


def test_without_an_allow_list_no_source_becomes_a_label() -> None:
    settings = load_settings()
    metrics = GateMetrics(
        allowed_sources=settings.http.allowed_sources, max_sources=settings.http.max_sources
    )
    PrometheusObserver(metrics).event_decided(
        verdict="approved", source="jane.doe", reason_codes=(), latency_s=0.1, check_seconds={}
    )
    sample = metrics.registry.get_sample_value
    assert sample("gate_events_total", {"verdict": "approved", "source": "other"}) == 1
    assert sample("gate_events_total", {"verdict": "approved", "source": "jane.doe"}) is None


@pytest.mark.parametrize(
    ("name", "value"),
    [("GATE_FETCH__FILE_ROOTS", "/srv/media"), ("GATE_TSA__ALLOW_HOSTS", "tsa.example.com")],
)
def test_a_list_variable_that_is_not_json_says_how_to_write_it(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(
        ConfigError, match=r"written as JSON, e\.g\. GATE_FETCH__FILE_ROOTS='\[\"/srv/media\"\]'"
    ):
        load_settings()


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://minio.example:9000", True),
        ("http://127.0.0.1:9000/", True),
        ("not a url", False),
        ("minio.example:9000", False),
        ("ftp://minio.example", False),
    ],
)
def test_the_s3_endpoint_must_be_an_http_url(url: str, ok: bool) -> None:
    settings = {"backend": "s3", "s3": {"bucket": "bkt", "endpoint_url": url}}
    if ok:
        assert load_settings(store=settings).store.s3.endpoint_url == url
    else:
        with pytest.raises(ConfigError, match=r"store\.s3\.endpoint_url: Value error, must be an http"):
            load_settings(store=settings)
