"""The walk's edge cases a generated tree cannot show as root, and the Kafka sink's failure path."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

from gate.commerce.backfill import Backfill, Journal, skip_key
from gate.commerce.emit import KafkaSink
from gate.commerce.media_tree import MediaImage, Skipped, inspect, walk
from gate.demo.images import jpeg_bytes, product_image


def test_a_root_that_cannot_be_listed_is_one_line_not_a_crash(tmp_path: Path) -> None:
    assert list(walk(tmp_path / "missing")) == [Skipped(".", "dir.unreadable", "ENOENT")]


def test_a_file_above_the_fetch_limit_is_skipped_with_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.jpg"
    path.write_bytes(jpeg_bytes(product_image(64, 64)))
    skipped = inspect(tmp_path, path, 100)
    assert isinstance(skipped, Skipped) and skipped.reason == "file.too_large" and "100" in skipped.why
    assert isinstance(inspect(tmp_path, path, 1 << 20), MediaImage)


def test_an_image_is_named_by_its_bytes_not_its_extension(tmp_path: Path) -> None:
    path = tmp_path / "photo.png.txt"
    path.write_bytes(jpeg_bytes(product_image(16, 16)))
    image = inspect(tmp_path, path, 1 << 20)
    assert isinstance(image, MediaImage) and image.media_type == "image/jpeg"


class RefusingProducer:
    """A producer whose broker never acknowledges: every delivery report carries an error."""

    def __init__(self, config: dict[str, Any]) -> None:
        assert config["enable.idempotence"] is True and config["acks"] == "all"
        self.reports: list[Any] = []

    def produce(self, topic: str, value: bytes, key: bytes, on_delivery: Any) -> None:
        self.reports.append(on_delivery)

    def poll(self, timeout: float) -> int:
        return self.flush(timeout)

    def flush(self, timeout: float) -> int:
        from confluent_kafka import KafkaError  # noqa: PLC0415

        reports, self.reports = self.reports, []
        for report in reports:
            report(KafkaError(KafkaError._MSG_TIMED_OUT), None)
        return 0


def test_events_the_broker_does_not_acknowledge_are_failed_and_sent_again_next_run(tmp_path: Path) -> None:
    root = tmp_path / "product"
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "b" / "ab.jpg").write_bytes(jpeg_bytes(product_image(16, 16)))
    (root / "a" / "b" / "empty.jpg").write_bytes(b"")
    sink = KafkaSink("127.0.0.1:9", "images.ingest", {}, producer_factory=RefusingProducer)
    journal = Journal(tmp_path / "state", "emit")
    report = io.StringIO()
    run = Backfill(root, sink, journal, report, 1 << 20)
    summary = run.run(run.entries())
    journal.close()
    lines = [json.loads(line) for line in report.getvalue().splitlines()]
    failed = [line for line in lines if line["status"] == "failed"]
    assert summary.failed == 1 and summary.outcomes == {}
    assert failed[0]["path"] == "a/b/ab.jpg" and "_MSG_TIMED_OUT" in failed[0]["why"]
    # Only the skip is journalled: the image is sent again by the next run.
    again = Journal(tmp_path / "state", "emit")
    again.close()
    assert again.done == {skip_key(Skipped("a/b/empty.jpg", "file.empty", ""))}


def test_odd_file_names_are_decided_and_one_the_gate_cannot_address_fails_closed(tmp_path: Path) -> None:
    from gate.assets import AssetFetcher, FetchPolicy  # noqa: PLC0415
    from gate.commerce.backfill import DecideSink  # noqa: PLC0415
    from gate.worker.assembly import PipelineSpec  # noqa: PLC0415

    root = tmp_path / "product"
    (root / "o" / "d").mkdir(parents=True)
    data = jpeg_bytes(product_image(16, 16))
    for name in ("with space #1?.jpg", "ünïcode.jpg"):
        (root / "o" / "d" / name).write_bytes(data)
    with open(os.fsencode(root / "o" / "d") + b"/\xff\xfe.jpg", "wb") as handle:  # a name that is not UTF-8
        handle.write(data)
    sink = DecideSink(PipelineSpec().build(), AssetFetcher(FetchPolicy(file_roots=(root,))))
    journal, report = Journal(tmp_path / "state", "decide"), io.StringIO()
    run = Backfill(root, sink, journal, report, 1 << 20)
    run.run(run.entries())
    journal.close()
    verdicts = {
        json.loads(line)["path"]: json.loads(line)["verdict"] for line in report.getvalue().splitlines()
    }
    assert verdicts == {
        "o/d/with space #1?.jpg": "approved",
        "o/d/ünïcode.jpg": "approved",
        "o/d/\udcff\udcfe.jpg": "quarantined",  # its file:// URI cannot name it: asset.unavailable
    }
