"""`gate backfill PATH --emit` against the embedded broker: one ingest event per image, a second run sends
nothing new, and a run killed with SIGKILL resumes without losing an image."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from harness import Output

from gate.broker import EmbeddedBroker
from gate.commerce.emit import POLL_EVERY
from gate.core.event import parse_event
from gate.provenance import create_dev_pki
from tests.media_tree import MediaTree, build_media_tree

pytestmark = pytest.mark.integration
GATE = Path(sys.executable).with_name("gate")


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> MediaTree:
    base = tmp_path_factory.mktemp("magento")
    return build_media_tree(base, create_dev_pki(base / "pki"))


def environment(broker: EmbeddedBroker, topic: str, tree: MediaTree) -> dict[str, str]:
    return {
        **os.environ,
        "GATE_BOOTSTRAP_SERVERS": broker.bootstrap_servers,
        "GATE_TOPICS__INGEST": topic,
        "GATE_FETCH__FILE_ROOTS": json.dumps([str(tree.root.parent.parent)]),  # pub/media, as a gate would
    }


def backfill(env: dict[str, str], tree: MediaTree, report: Path, *extra: str) -> subprocess.Popen[str]:
    args = [
        str(GATE),
        "backfill",
        str(tree.root),
        "--emit",
        "--report",
        str(report),
        "--no-progress",
        "--json",
    ]
    return subprocess.Popen(
        [*args, *extra], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def finished(process: subprocess.Popen[str]) -> dict[str, Any]:
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    summary: dict[str, Any] = json.loads(out)["summary"]
    return summary


def events(outputs: list[Output]) -> Counter[str]:
    return Counter(json.loads(o.value)["event_id"] for o in outputs)


def expected_ids(report: Path) -> set[str]:
    lines = [json.loads(line) for line in report.read_text().splitlines()]
    return {line["event_id"] for line in lines if line["status"] == "emitted"}


def test_emit_once_then_nothing_new(
    broker: EmbeddedBroker,
    topic_factory: Callable[..., str],
    consume_all: Callable[..., list[Output]],
    tree: MediaTree,
    tmp_path: Path,
) -> None:
    topic = topic_factory("ingest")
    env, report = environment(broker, topic, tree), tmp_path / "report.jsonl"
    first = finished(backfill(env, tree, report))
    assert first["outcomes"] == {"emitted": tree.images}
    assert sum(first["skipped"].values()) == len(tree.skipped)
    ids = expected_ids(report)
    assert len(ids) == tree.images
    outputs = consume_all([topic], {i.encode() for i in ids})
    assert events(outputs) == Counter({i: 1 for i in ids})
    lines = {
        json.loads(line)["event_id"]: json.loads(line)
        for line in report.read_text().splitlines()
        if "event_id" in json.loads(line)
    }
    for output in outputs:
        event = parse_event(output.value)
        assert output.key == event.event_id.encode() and event.source == "magento-backfill"
        line = lines[event.event_id]
        assert event.asset.uri == (tree.root / line["path"]).resolve().as_uri()
        assert event.asset.sha256 == line["sha256"]

    second = finished(backfill(env, tree, report))
    assert second["outcomes"] == {} and second["already_done"] == tree.images + len(tree.skipped)
    assert events(consume_all([topic], {i.encode() for i in ids}, settle_s=2.0)) == Counter(
        {i: 1 for i in ids}
    )


def test_killed_midway_resumes_without_losing_an_image(
    broker: EmbeddedBroker,
    topic_factory: Callable[..., str],
    consume_all: Callable[..., list[Output]],
    tree: MediaTree,
    tmp_path: Path,
) -> None:
    topic = topic_factory("ingest")
    env, report = environment(broker, topic, tree), tmp_path / "report.jsonl"
    state = Path(str(report) + ".state")
    process = backfill(env, tree, report, "--rate", "100/s")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not state.exists() or len(state.read_text().splitlines()) < 80):
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    done_before = len(state.read_text().splitlines())
    assert 80 <= done_before < tree.images  # killed mid-way, not at the end
    resumed = finished(backfill(env, tree, report))
    assert resumed["already_done"] >= done_before - POLL_EVERY
    ids = expected_ids(report)
    assert len(ids) == tree.images
    seen = events(consume_all([topic], {i.encode() for i in ids}, settle_s=2.0))
    assert set(seen) == ids  # every image's event is there
    # At most the events in flight at the kill went twice (same ids: the gate decides them alike).
    assert sum(seen.values()) - len(ids) <= POLL_EVERY


def test_emit_refuses_a_tree_outside_the_file_roots(
    broker: EmbeddedBroker, tree: MediaTree, tmp_path: Path
) -> None:
    env = {**environment(broker, "unused", tree), "GATE_FETCH__FILE_ROOTS": json.dumps([str(tmp_path)])}
    process = backfill(env, tree, tmp_path / "report.jsonl")
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 2
    assert "not under fetch.file_roots" in err and "GATE_FETCH__FILE_ROOTS" in err
