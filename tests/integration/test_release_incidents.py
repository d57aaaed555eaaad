"""A reviewer's release that attaches the gate's manifest, and incidents opened by `gate replay` and by a
release, against the real CLI on the embedded broker with real c2pa signing (the dev PKI).

The decisions the CLI reads back are made by the gate's own processor in this process (the same one
`gate run` uses), under the policy each case needs: no signer, or a lax policy that approves e-mail
addresses in generation parameters (a mistake the shipped policy corrects).
"""

from __future__ import annotations

import base64
import dataclasses
import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from confluent_kafka import Producer
from harness import fresh_topics, gate_cli_quick, read_topic, review_env
from test_quarantine_replay import _event

from gate.assets import AssetFetcher, FetchPolicy
from gate.broker import EmbeddedBroker
from gate.core.incident import check
from gate.core.policy import default_policy_path
from gate.core.record import InboundRecord, RoutedRecord, oversized_record, read_headers
from gate.core.review import ReplayLineage
from gate.demo.images import jpeg_bytes, product_image
from gate.provenance import TrustAnchors, Verifier, verify_manifest
from gate.runner.topics import create_topics
from gate.schemas import DECISION, schema_errors
from gate.settings import TopicSettings
from gate.storage import DirectoryStore
from gate.worker.assembly import PipelineSpec
from gate.worker.processor import GateProcessor

# Replays and releases, each a process that imports the scanner (2 s of CPU): a minute or two on an
# idle machine, up to 300 s (the default timeout, meant for hangs) seen at load 12 beside the unit tests.
pytestmark = [pytest.mark.integration, pytest.mark.timeout(900)]

PLANTED = "kim.release@example.net"
MODEL = {"provider": "acme-ai", "name": "pixelgen", "version": "3.1.0"}
AI_MEDIA = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
LAX_RULE = (
    "  - name: lax-email-in-parameters\n"
    "    match: {code: params.personal_data, entity: EMAIL_ADDRESS}\n"
    "    outcome: approve\n"
)


def _synthetic_event(event_id: str, n: int, *, planted: bool) -> bytes:
    doc = json.loads(_event(event_id, jpeg_bytes(product_image(64 + n, 48))))
    params: dict[str, Any] = {"steps": 30, "prompt": "a blue vase on a shelf"}
    if planted:
        params["notify"] = PLANTED
    doc["generation"] = {"synthetic": True, "model": MODEL, "parameters": params}
    return json.dumps(doc).encode()


def _setup(broker: EmbeddedBroker, tmp_path: Path) -> tuple[TopicSettings, dict[str, str]]:
    topics = fresh_topics("audit", "incidents")
    create_topics(broker.bootstrap_servers, list(topics.model_dump().values()), 1)
    env = review_env(broker.bootstrap_servers, topics, tmp_path)
    env["GATE_INCIDENT_CONTACT"] = "dpo@shop.example"
    return topics, env


def _processor(env: dict[str, str], *, signer: bool, policy: Path | None = None) -> GateProcessor:
    spec = PipelineSpec(
        policy=policy,
        trust_anchors=(Path(env["GATE_TRUST_ANCHORS"]),),
        signer_chain=Path(env["GATE_SIGNER_CHAIN"]) if signer else None,
        signer_key=Path(env["GATE_SIGNER_KEY"]) if signer else None,
    )
    return GateProcessor(
        spec.build(), AssetFetcher(FetchPolicy()), DirectoryStore(Path(env["GATE_STORE_DIR"]))
    )


def _ingest(broker: EmbeddedBroker, topic: str, events: dict[str, bytes]) -> dict[str, InboundRecord]:
    """Produce the originals (one partition, in order): where each one is."""
    producer = Producer({"bootstrap.servers": broker.bootstrap_servers})
    for event_id, value in events.items():
        producer.produce(topic, key=event_id.encode(), value=value)
    assert producer.flush(10) == 0
    return {
        e: InboundRecord(topic, 0, offset, e.encode(), value)
        for offset, (e, value) in enumerate(events.items())
    }


def _publish(broker: EmbeddedBroker, topics: TopicSettings, records: list[RoutedRecord]) -> None:
    """Decisions onto their verdict topics, audit records onto the audit topic (as the runner writes them)."""
    by_verdict = {"approved": topics.approved, "quarantined": topics.quarantine, "rejected": topics.rejected}
    producer = Producer({"bootstrap.servers": broker.bootstrap_servers})
    for r in records:
        producer.produce(by_verdict[r.verdict.value], key=r.key, value=r.value, headers=list(r.headers))
        producer.produce(topics.audit, key=r.key, value=r.audit)
    assert producer.flush(10) == 0


def quarantined_policy(record: RoutedRecord) -> Any:
    policy = read_headers(record.headers).policy
    assert policy is not None
    return policy


def _release(env: dict[str, str], event_id: str, to: str, note: str = "brand image, risk accepted") -> Any:
    return gate_cli_quick(
        env, "quarantine", "release", event_id, "--to", to, "--reviewer", "rev-9", "--note", note
    )


def _lax_policy(tmp_path: Path) -> Path:
    shipped = default_policy_path().read_text()
    lax = re.sub(r'^version: ".*"$', 'version: "lax-2"', shipped, count=1, flags=re.M)
    path = tmp_path / "lax.yaml"
    path.write_text(lax.replace("rules:\n", "rules:\n" + LAX_RULE, 1))
    return path


def test_a_release_attaches_the_gates_manifest_and_audits_the_model(
    broker: EmbeddedBroker, tmp_path: Path
) -> None:
    topics, env = _setup(broker, tmp_path)
    originals = _ingest(broker, topics.ingest, {"s-1": _synthetic_event("s-1", 1, planted=True)})
    # A gate without a signer quarantines a synthetic image it cannot mark (and, here, personal data).
    quarantined = _processor(env, signer=False)(originals["s-1"])
    assert quarantined.verdict.value == "quarantined"
    assert {"provenance.missing", "params.personal_data"} <= set(quarantined.reason_codes)
    _publish(broker, topics, [quarantined])

    unsigned = {k: v for k, v in env.items() if k not in ("GATE_SIGNER_CHAIN", "GATE_SIGNER_KEY")}
    refused = _release(unsigned, "s-1", "approved")
    assert refused.returncode == 4, refused.stdout + refused.stderr
    assert "no signer is configured" in refused.stderr and "GATE_SIGNER_CHAIN" in refused.stderr
    assert read_topic(broker, topics.approved) == []

    done = _release(env, "s-1", "approved")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "released to approved by rev-9" in done.stdout and "manifest attached: file:" in done.stdout
    approved = read_topic(broker, topics.approved)
    assert [r[2] for r in approved] == [b"s-1"]
    doc = json.loads(approved[0][3])
    assert schema_errors(DECISION, doc) == [] and doc["verdict"] == "approved"
    assert "manifest.attached" in doc["actions"] and doc["review"]["reviewer"] == "rev-9"
    output = doc["asset"]["output"]
    published = Path(urlparse(output["store"]).path).read_bytes()  # stored as an approval is
    assert "/synthetic/" in output["store"] and base64.b64decode(output["data"]) == published
    report = verify_manifest(
        published, "image/jpeg", Verifier.create(TrustAnchors.from_pem_file(Path(env["GATE_TRUST_ANCHORS"])))
    )
    assert report.state == "trusted" and report.is_ai_generated and report.digital_source_type == AI_MEDIA
    assert report.generator_assertion is not None and report.generator_assertion["model"] == MODEL
    assert "notify" not in json.dumps(report.generator_assertion)  # the flagged parameter is withheld

    audit = [json.loads(r[3]) for r in read_topic(broker, topics.audit)]
    release_audit = [a for a in audit if "review.released" in [r["code"] for r in a["reasons"]]]
    assert len({a["decision_id"] for a in release_audit}) == 1
    assert release_audit[0]["model"] == MODEL and release_audit[0]["synthetic"] is True
    assert release_audit[0]["asset"]["published_sha256"] == output["sha256"]
    assert release_audit[0]["supersedes"]["decision_id"] == audit[0]["decision_id"]
    for text in (published.decode("latin-1"), approved[0][3].decode(), done.stdout, *map(json.dumps, audit)):
        assert PLANTED not in text
    assert read_topic(broker, topics.incidents) == []  # never approved before: nothing was published

    # A release reads the original (for the model and the bytes): one that is gone fails, writing nothing.
    stand_in = InboundRecord(topics.ingest, 0, 1000, b"s-gone", b"x")  # beyond the end of the topic
    gone = oversized_record(stand_in, quarantined, quarantined_policy(quarantined))
    _publish(
        broker,
        topics,
        [dataclasses.replace(gone, key=b"s-gone", value=gone.value.replace(b'"s-1"', b'"s-gone"'))],
    )
    failed = _release(env, "s-gone", "rejected")
    assert failed.returncode == 1 and "is gone" in failed.stderr and "nothing was written" in failed.stderr
    assert read_topic(broker, topics.rejected) == []


def test_force_replay_of_approved_images_opens_one_incident(broker: EmbeddedBroker, tmp_path: Path) -> None:
    topics, env = _setup(broker, tmp_path)
    planted = {"a-0", "a-1"}
    ids = ["a-0", "a-1", "a-2"]
    originals = _ingest(
        broker, topics.ingest, {e: _synthetic_event(e, n, planted=e in planted) for n, e in enumerate(ids)}
    )
    lax = _processor(env, signer=True, policy=_lax_policy(tmp_path))
    _publish(broker, topics, [lax(originals[e]) for e in ids])
    approvals = {r[2].decode(): (r[1], json.loads(r[3])) for r in read_topic(broker, topics.approved)}
    assert sorted(approvals) == ids

    dry = gate_cli_quick(
        env,
        "replay",
        "--mode",
        "reevaluate",
        "--force",
        *[f"--event-id={e}" for e in ids],
        "--dry-run",
        "--json",
    )
    assert dry.returncode == 0, dry.stdout + dry.stderr
    assert [i["records"] for i in json.loads(dry.stdout.splitlines()[-1])["summary"]["incidents"]] == [2]
    assert read_topic(broker, topics.incidents) == []

    before = datetime.now(UTC).replace(microsecond=0)
    done = gate_cli_quick(
        env, "replay", "--mode", "reevaluate", "--force", *[f"--event-id={e}" for e in ids], "--job", "strict"
    )
    after = datetime.now(UTC)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "approved -> quarantined: 2" in done.stdout and "approved -> approved: 1" in done.stdout
    assert "incident inc-" in done.stdout and "2 published image(s) with EMAIL_ADDRESS" in done.stdout

    records = read_topic(broker, topics.incidents)
    assert len(records) == 1
    incident = json.loads(records[0][3])
    check(incident)
    aware = datetime.fromisoformat(incident["aware_at"].replace("Z", "+00:00"))
    assert before <= aware <= after
    assert incident["deadline"] == (aware + timedelta(hours=72)).isoformat().replace("+00:00", "Z")
    assert incident["entities"] == ["EMAIL_ADDRESS"] and incident["records"] == 2
    assert incident["found_by"] == "gate replay (job strict)"
    assert incident["notification"]["approximate_data_subjects"] == 2
    takedown = {t["event_id"]: t for t in incident["takedown"]}
    assert set(takedown) == planted
    for event_id, item in takedown.items():
        offset, approval = approvals[event_id]
        assert item["sha256"] == approval["asset"]["output"]["sha256"]
        assert item["location"] == approval["asset"]["output"]["store"]
        assert item["supersedes"]["topic"] == topics.approved and item["supersedes"]["offset"] == offset
        assert item["pointers"] == ["/generation/parameters/notify"] and item["new_verdict"] == "quarantined"

    # Replaying the quarantined images again finds the same data in the same approvals: no second incident.
    again = gate_cli_quick(
        env, "replay", "--mode", "reevaluate", "--event-id=a-0", "--event-id=a-1", "--job", "again"
    )
    assert again.returncode == 0, again.stdout + again.stderr
    assert "incident" not in again.stdout
    assert len(read_topic(broker, topics.incidents)) == 1
    texts = [done.stdout, dry.stdout, again.stdout, records[0][3].decode()]
    texts += [r[3].decode() for t in (topics.quarantine, topics.audit) for r in read_topic(broker, t)]
    assert all(PLANTED not in text for text in texts)


def test_a_release_of_an_image_approved_before_opens_an_incident(
    broker: EmbeddedBroker, tmp_path: Path
) -> None:
    topics, env = _setup(broker, tmp_path)
    originals = _ingest(broker, topics.ingest, {"b-0": _synthetic_event("b-0", 0, planted=True)})
    approved = _processor(env, signer=True, policy=_lax_policy(tmp_path))(originals["b-0"])
    _publish(broker, topics, [approved])
    ((_, offset, *_),) = read_topic(broker, topics.approved)
    # Re-injected and decided by a running gate under the shipped policy: quarantined, and no incident
    # (the running gate does not know the event's history). The reviewer's release is where it is found.
    lineage = ReplayLineage("rj", 1, {"topic": topics.approved, "partition": 0, "offset": offset})
    strict = _processor(env, signer=True)
    outcome_record = strict.reevaluate(originals["b-0"], lineage)
    assert outcome_record.verdict.value == "quarantined"
    _publish(broker, topics, [outcome_record])

    done = _release(env, "b-0", "rejected", note="customer address in the prompt parameters")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "released to rejected" in done.stdout and "incident inc-" in done.stdout
    records = read_topic(broker, topics.incidents)
    assert len(records) == 1
    incident = json.loads(records[0][3])
    check(incident)
    assert incident["records"] == 1 and incident["entities"] == ["EMAIL_ADDRESS"]
    assert incident["found_by"] == "a reviewer's release (gate quarantine release by rev-9)"
    (item,) = incident["takedown"]
    published = json.loads(approved.value)["asset"]["output"]
    assert (item["event_id"], item["sha256"], item["location"]) == (
        "b-0",
        published["sha256"],
        published["store"],
    )
    assert item["supersedes"]["offset"] == offset and item["new_verdict"] == "rejected"
    rejected = read_topic(broker, topics.rejected)
    assert [r[2] for r in rejected] == [b"b-0"]
    for text in (records[0][3].decode(), rejected[0][3].decode(), done.stdout):
        assert PLANTED not in text


def test_a_replay_job_over_several_batches_and_a_resumed_run_keeps_one_incident(
    broker: EmbeddedBroker, tmp_path: Path
) -> None:
    """Three transactions with findings (one every 32 records written: 16 events and their audit records),
    then the rest by a resumed run of the same job: one incident, its takedown list every planted image
    once, its awareness the first finding's."""
    topics, env = _setup(broker, tmp_path)
    ids = [f"m-{n:02d}" for n in range(40)]
    planted = {e for n, e in enumerate(ids) if n % 4 == 0}  # m-32 is the first run's last, m-36 the resumed
    originals = _ingest(
        broker, topics.ingest, {e: _synthetic_event(e, n, planted=e in planted) for n, e in enumerate(ids)}
    )
    lax = _processor(env, signer=True, policy=_lax_policy(tmp_path))
    _publish(broker, topics, [lax(originals[e]) for e in ids])
    assert len({r[2] for r in read_topic(broker, topics.approved)}) == len(ids)

    replay = ["replay", "--mode", "reevaluate", "--force", "--job", "tighten-big"]
    first = gate_cli_quick(env, *replay, "--max", "33", "--json")
    assert first.returncode == 0, first.stdout + first.stderr
    summary = json.loads(first.stdout.splitlines()[-1])["summary"]
    assert summary["replayed"] == 33 and summary["left"] == len(ids) - 33
    (opened,) = summary["incidents"]  # one incident, in its latest state: opened, then updated twice
    assert opened["update"] == 2 and opened["records"] == 9 and opened["job"] == "tighten-big"

    resumed = gate_cli_quick(env, *replay)
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert "already done by an earlier run of this job: 33" in resumed.stdout
    assert f"incident {opened['incident_id']} updated (update 3): 10 published image(s)" in resumed.stdout

    records = [json.loads(r[3]) for r in read_topic(broker, topics.incidents)]
    for doc in records:
        check(doc)
    assert {d["incident_id"] for d in records} == {opened["incident_id"]}
    latest = max(records, key=lambda d: int(d["update"]))
    assert latest["update"] == 3 and latest["found_by"] == "gate replay (job tighten-big)"
    listed = [t["event_id"] for t in latest["takedown"]]
    assert sorted(listed) == sorted(planted) and len(listed) == len(set(listed))
    assert latest["aware_at"] == opened["aware_at"] == records[0]["aware_at"]
    assert all(PLANTED not in text for text in (first.stdout, resumed.stdout, *map(json.dumps, records)))
