"""The webhook's recording policy against a spec_set fake of the real confluent-kafka Producer: one
transaction per request, events before decisions, refusals batched and never lost to an abort."""

from __future__ import annotations

import json
import logging
from typing import Any
from unittest.mock import MagicMock

import pytest
from confluent_kafka import KafkaError, KafkaException, Producer

from gate.assets import AssetFetcher, FetchPolicy
from gate.commerce.records import KafkaRecorder, RecordingFailed, refusal_record
from gate.commerce.veto import DecidedImage, ingest_event
from gate.commerce.webhook import MediaEntry
from gate.core.flow import evaluate_event_bytes
from gate.demo.images import jpeg_bytes, product_image
from gate.errors import GateError
from gate.settings import load_settings
from gate.worker.assembly import PipelineSpec


class _Message:
    def __init__(self, topic: str, offset: int) -> None:
        self._topic, self._offset = topic, offset

    def topic(self) -> str:
        return self._topic

    def partition(self) -> int:
        return 0

    def offset(self) -> int:
        return self._offset


def _fake(*, deliver: bool = True, commit_error: KafkaError | None = None) -> MagicMock:
    fake = MagicMock(spec_set=Producer)
    pending: list[Any] = []

    def produce(topic: str, **kwargs: Any) -> None:
        if "on_delivery" in kwargs:
            pending.append((topic, kwargs["on_delivery"]))

    def flush(timeout: float) -> int:
        for offset, (topic, report) in enumerate(pending):
            if deliver:
                report(None, _Message(topic, 100 + offset))
        pending.clear()
        return 0

    fake.produce.side_effect = produce
    fake.flush.side_effect = flush
    if commit_error is not None:
        fake.commit_transaction.side_effect = KafkaException(commit_error)
    return fake


def _recorder(fake: MagicMock) -> KafkaRecorder:
    settings = load_settings(bootstrap_servers="127.0.0.1:9", transactional_id="serve-test")
    return KafkaRecorder(settings, timeout_s=1.0, producer_factory=lambda config: fake)


@pytest.fixture(scope="module")
def decided() -> DecidedImage:
    pipeline = PipelineSpec().build()
    event = ingest_event("commerce:abc", jpeg_bytes(product_image(64, 48)), source="commerce", sku="S-1")
    fetcher = AssetFetcher(FetchPolicy())
    outcome = evaluate_event_bytes(event, pipeline, fetcher, fallback_id="commerce:abc")
    return DecidedImage(MediaEntry("/p", "/a/b.jpg"), "commerce:abc", event, outcome)


def _produced(fake: MagicMock) -> list[str]:
    return [call.args[0] for call in fake.produce.call_args_list]


def test_one_transaction_events_first_then_decision_and_audit(decided: DecidedImage) -> None:
    fake = _fake()
    recorder = _recorder(fake)
    routed = recorder.record([decided])
    assert _produced(fake) == ["commerce.product-images", "images.approved", "gate.audit"]
    assert fake.begin_transaction.call_count == fake.commit_transaction.call_count == 1
    assert json.loads(routed[0].value)["input"] == {
        "topic": "commerce.product-images",
        "partition": 0,
        "offset": 100,
    }


def test_the_transactional_id_is_its_own(decided: DecidedImage) -> None:
    configs: list[dict[str, Any]] = []
    settings = load_settings(bootstrap_servers="127.0.0.1:9", transactional_id="gate-0")
    KafkaRecorder(settings, producer_factory=lambda config: configs.append(config) or _fake())
    assert configs[0]["transactional.id"] == "gate-0.serve"


def test_success_reports_are_asked_for() -> None:
    """The recorder reads each event's offset from its success report; `gate run`'s producer asks for
    failure reports only, and a recorder that shared that setting failed every request."""
    configs: list[dict[str, Any]] = []
    settings = load_settings(bootstrap_servers="127.0.0.1:9")
    KafkaRecorder(settings, producer_factory=lambda config: configs.append(config) or _fake())
    assert configs[0]["delivery.report.only.error"] is False


def test_an_undelivered_event_aborts_and_fails_the_request(decided: DecidedImage) -> None:
    fake = _fake(deliver=False)
    with pytest.raises(RecordingFailed):
        _recorder(fake).record([decided])
    fake.abort_transaction.assert_called_once()
    assert "images.approved" not in _produced(fake)


def test_refusals_wait_for_the_next_transaction_and_survive_an_abort(decided: DecidedImage) -> None:
    fake = _fake(commit_error=KafkaError(KafkaError._STATE, "abortable"))
    recorder = _recorder(fake)
    for _ in range(3):
        recorder.refused(refusal_record("signature.missing", b"{}", "/commerce/webhooks/product-save"))
    assert fake.begin_transaction.call_count == 0  # nothing is written per refusal
    with pytest.raises(RecordingFailed):
        recorder.record([decided])
    assert _produced(fake).count("gate.commerce.refusals") == 3
    fake.commit_transaction.side_effect = None
    recorder.record([decided])  # the aborted refusals go with the next transaction
    assert _produced(fake).count("gate.commerce.refusals") == 6
    assert recorder.ready()


def test_a_fatal_error_makes_the_recorder_not_ready(decided: DecidedImage) -> None:
    error = KafkaError(KafkaError._FENCED, "fenced", fatal=True)
    fake = _fake(commit_error=error)
    recorder = _recorder(fake)
    with pytest.raises(RecordingFailed):
        recorder.record([decided])
    assert not recorder.ready()
    fake.abort_transaction.assert_not_called()  # a fatal producer cannot abort


def test_a_start_without_brokers_says_it_waits_and_names_the_brokers(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """usersrev16: with the brokers down `gate serve` said nothing for 30 s, then named the setting only."""
    fake = _fake()
    fake.init_transactions.side_effect = KafkaException(KafkaError(KafkaError._TIMED_OUT, "timed out"))
    recorder = _recorder(fake)
    with caplog.at_level(logging.INFO, logger="gate.commerce.audit"), pytest.raises(GateError) as refused:
        recorder.start()
    assert "starting Kafka transactions (up to 30 s)" in caplog.text
    assert "at 127.0.0.1:9 within 30 s" in str(refused.value)
    assert "check bootstrap_servers and that those brokers are up" in str(refused.value)
