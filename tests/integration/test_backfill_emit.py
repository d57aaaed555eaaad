"""`gate backfill PATH --emit` against the embedded broker: one ingest event per image, a second run sends
nothing new, and a run killed with SIGKILL resumes without losing an image."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from harness import Output, gate_env, kill_when, running_gate

from gate.broker import EmbeddedBroker
from gate.commerce.emit import POLL_EVERY
from gate.core.event import parse_event
from gate.provenance import DevPki, create_dev_pki
from gate.settings import TopicSettings
from tests.media_tree import EXPECTED, MediaTree, build_media_tree

pytestmark = pytest.mark.integration
GATE = Path(sys.executable).with_name("gate")


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> DevPki:
    return create_dev_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory, pki: DevPki) -> MediaTree:
    return build_media_tree(tmp_path_factory.mktemp("magento"), pki)


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
    kill_when(
        backfill(env, tree, report, "--rate", "100/s"),
        lambda: state.exists() and len(state.read_text().splitlines()) >= 80,
        60,
        "80 images emitted",
        poll_s=0.05,
        reap_s=30,
    )
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


def test_the_running_gate_decides_what_a_backfill_emits(
    broker: EmbeddedBroker,
    topic_factory: Callable[..., str],
    consume_all: Callable[..., list[Output]],
    tree: MediaTree,
    pki: DevPki,
    tmp_path: Path,
) -> None:
    """A real `gate run` fetches the events (file:// under its roots) and decides them as the report does."""
    ingest, approved, quarantine, rejected = (topic_factory(name) for name in ("ingest", "ok", "held", "no"))
    env, report = environment(broker, ingest, tree), tmp_path / "report.jsonl"
    assert finished(backfill(env, tree, report))["outcomes"] == {"emitted": tree.images}
    gate_variables = gate_env(
        broker.bootstrap_servers,
        pki,
        tmp_path / "store",
        TopicSettings(ingest=ingest, approved=approved, quarantine=quarantine, rejected=rejected),
        extra={"GATE_FETCH__FILE_ROOTS": env["GATE_FETCH__FILE_ROOTS"]},
    )
    with running_gate(gate_variables, tmp_path / "gate.log", "--log-format", "json"):
        lines = [json.loads(line) for line in report.read_text().splitlines()]
        kind_of = {
            line["event_id"]: tree.kinds[line["path"]] for line in lines if line["status"] == "emitted"
        }
        outputs = consume_all([approved, quarantine, rejected], {i.encode() for i in kind_of}, timeout=120.0)
    decided = {json.loads(o.value)["event_id"]: json.loads(o.value) for o in outputs}
    assert set(decided) == set(kind_of)
    for event_id, document in decided.items():
        verdict, codes = EXPECTED[kind_of[event_id]]
        assert (document["verdict"], {r["code"] for r in document["reasons"]}) == (verdict, codes), kind_of[
            event_id
        ]
