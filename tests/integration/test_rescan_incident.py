"""`gate rescan` and `gate incidents` against a real `gate run` on the embedded broker.

A run under a mistaken policy (it approves e-mail addresses found in generation parameters) approves 6
synthetic images, 3 of them with a planted address in their parameters. A rescan under the shipped policy
moves exactly those 3 to quarantine with lineage to the approvals they supersede, and opens one incident
in the same transaction: 72-hour deadline, Art. 33(3) fields, counts and the takedown list of the published
bytes. `gate incidents ls --json` shows it, `export` writes the DPO draft, and no planted value appears in
any of it.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from confluent_kafka import Producer
from harness import fresh_topics, gate_cli_quick, read_topic, review_env, running_gate, wait_for
from prometheus_client.parser import text_string_to_metric_families
from test_quarantine_replay import _event

from gate.broker import EmbeddedBroker
from gate.core.incident import check
from gate.core.policy import default_policy_path, load_policy
from gate.demo.images import jpeg_bytes, product_image
from gate.runner.topics import create_topics

# 13 `gate` commands, each a process that imports the scanner (2 s of CPU): a minute or two on an
# idle machine, up to 300 s (the default timeout, meant for hangs) seen at load 12 beside the unit tests.
pytestmark = [pytest.mark.integration, pytest.mark.timeout(900)]

PLANTED = "jane.roe.rescan@example.org"
LAX_RULE = (
    "  - name: lax-email-in-parameters\n"
    "    match: {code: params.personal_data, entity: EMAIL_ADDRESS}\n"
    "    outcome: approve\n"
)


def _value(text: str, name: str) -> float | None:
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name:
                return float(sample.value)
    return None


def lax_policy(version: str) -> str:
    """The shipped policy named `version`, with a first rule that approves e-mail addresses found in
    generation parameters (the mistake a rescan corrects)."""
    shipped = default_policy_path().read_text()
    # Whatever version the shipped policy has, the lax one names itself.
    return re.sub(r'^version: ".*"$', f'version: "{version}"', shipped, count=1, flags=re.M).replace(
        "rules:\n", "rules:\n" + LAX_RULE, 1
    )


def _planted_event(event_id: str, image: bytes, planted: bool) -> bytes:
    doc = json.loads(_event(event_id, image))
    params = {"steps": 30, "prompt": "a red mug on a desk"}
    if planted:
        params["notify"] = PLANTED
    # Synthetic: the gate attaches its manifest and publishes the signed bytes to the store.
    doc["generation"] = {"synthetic": True, "parameters": params}
    return json.dumps(doc).encode()


def produce_planted(producer: Producer, topic: str, ids: list[str], planted: set[str]) -> None:
    """A synthetic image event for each of `ids` (images of distinct sizes), the address in `planted`'s."""
    for n, event_id in enumerate(ids):
        image = jpeg_bytes(product_image(64 + n, 48))
        producer.produce(
            topic, key=event_id.encode(), value=_planted_event(event_id, image, event_id in planted)
        )
    assert producer.flush(10) == 0


def test_rescan_opens_one_incident_and_quarantines_the_published_images(
    broker: EmbeddedBroker, tmp_path: Path
) -> None:
    lax = lax_policy("lax-1")
    assert lax != default_policy_path().read_text()
    (tmp_path / "lax.yaml").write_text(lax)
    topics = fresh_topics("audit", "incidents")
    create_topics(broker.bootstrap_servers, list(topics.model_dump().values()), 2)
    env = review_env(broker.bootstrap_servers, topics, tmp_path, tmp_path / "lax.yaml")
    env["GATE_INCIDENT_CONTACT"] = "dpo@shop.example, +49 30 000000"
    planted = {f"r-{i}" for i in range(3)}
    ids = sorted(planted | {f"r-{i}" for i in range(3, 6)})
    with running_gate(env, tmp_path / "gate.log") as gate:
        produce_planted(
            Producer({"bootstrap.servers": broker.bootstrap_servers}), topics.ingest, ids, planted
        )
        wait_for(lambda: len(read_topic(broker, topics.approved)) >= len(ids), 120, "6 approvals")
        assert gate.stop(timeout=40) == 0
    approvals = {r[2].decode(): (r[0], r[1], json.loads(r[3])) for r in read_topic(broker, topics.approved)}
    assert sorted(approvals) == ids
    assert all(doc["policy"]["version"] == "lax-1" for _, _, doc in approvals.values())
    assert {e for e in planted if "EMAIL_ADDRESS" in json.dumps(approvals[e][2]["reasons"])} == planted
    env.pop("GATE_POLICY")  # from here on, the shipped (stricter) policy

    dry = gate_cli_quick(env, "rescan", "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout.splitlines()[-1])["summary"]["incident"]["records"] == 3
    assert read_topic(broker, topics.incidents) == [] and read_topic(broker, topics.quarantine) == []

    before = datetime.now(UTC).replace(microsecond=0)
    done = gate_cli_quick(env, "rescan", "--job", "rescan-test")
    after = datetime.now(UTC)
    assert done.returncode == 0, done.stderr
    assert "approved -> quarantined: 3" in done.stdout and "approved -> approved: 3" in done.stdout

    records = read_topic(broker, topics.incidents)
    assert len(records) == 1
    incident = json.loads(records[0][3])
    check(incident)
    assert records[0][2] == incident["incident_id"].encode()
    aware = datetime.fromisoformat(incident["aware_at"].replace("Z", "+00:00"))
    assert before <= aware <= after
    assert incident["deadline"] == (aware + timedelta(hours=72)).isoformat().replace("+00:00", "Z")
    assert incident["entities"] == ["EMAIL_ADDRESS"] and incident["records"] == 3
    n = incident["notification"]
    assert n["categories_of_data"] == ["EMAIL_ADDRESS"] and n["approximate_records"] == 3
    assert n["approximate_data_subjects"] == 3 and n["contact"] == "dpo@shop.example, +49 30 000000"
    assert "EMAIL_ADDRESS" in n["likely_consequences"] and "quarantine" in n["measures_taken"][0]
    takedown = {t["event_id"]: t for t in incident["takedown"]}
    assert set(takedown) == planted
    for event_id, item in takedown.items():
        partition, offset, approval = approvals[event_id]
        published = approval["asset"].get("output") or approval["asset"]
        assert item["sha256"] == published["sha256"]
        assert item["location"] == approval["asset"]["output"]["store"] and item["location"].startswith(
            "file:"
        )
        assert item["supersedes"]["offset"] == offset and item["supersedes"]["partition"] == partition
        assert item["pointers"] == ["/generation/parameters/notify"]

    quarantined = {r[2].decode(): json.loads(r[3]) for r in read_topic(broker, topics.quarantine)}
    assert set(quarantined) == planted
    for event_id, doc in quarantined.items():
        assert doc["replay"]["job"] == "rescan-test"
        assert doc["replay"]["supersedes"]["offset"] == approvals[event_id][1]
        assert doc["policy"]["version"] == load_policy().ref.version  # the shipped policy decided again
    audit = [json.loads(r[3]) for r in read_topic(broker, topics.audit)]
    # The run's 6 decisions and the rescan's 6 (the test broker also delivers aborted records: count ids).
    by_id = {a["decision_id"]: a for a in audit}
    assert len(by_id) == len(ids) * 2
    rescanned = sorted(a["verdict"] for a in by_id.values() if a["supersedes"])
    assert rescanned == ["approved"] * 3 + ["quarantined"] * 3

    listed = gate_cli_quick(env, "incidents", "ls", "--json")
    assert listed.returncode == 0, listed.stderr
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert len(rows) == 1 and rows[0]["incident_id"] == incident["incident_id"]
    assert rows[0]["deadline"] == incident["deadline"] and rows[0]["records"] == 3
    assert 71 * 3600 < rows[0]["seconds_left"] <= 72 * 3600
    assert sorted(t["sha256"] for t in rows[0]["takedown"]) == sorted(t["sha256"] for t in takedown.values())
    exported = gate_cli_quick(
        env, "incidents", "export", incident["incident_id"], "--out", str(tmp_path / "draft")
    )
    assert exported.returncode == 0, exported.stderr
    draft = (tmp_path / "draft" / f"{incident['incident_id']}.md").read_text()
    assert "Art. 33(3)(a)" in draft and incident["deadline"] in draft
    for text in (
        records[0][3].decode(),
        listed.stdout,
        draft,
        done.stdout,
        dry.stdout,
        *map(json.dumps, audit),
    ):
        assert PLANTED not in text

    # Phased updates (Art. 33(4)): a person's free text is scanned; personal data is refused by type.
    incident_id = incident["incident_id"]
    refused = gate_cli_quick(
        env, "incidents", "update", incident_id, "--note", f"the customer {PLANTED} called"
    )
    assert refused.returncode == 2 and "EMAIL_ADDRESS" in refused.stderr, refused.stderr
    assert PLANTED not in refused.stderr + refused.stdout
    unknown = gate_cli_quick(env, "incidents", "update", "inc-20000101-nothere", "--note", "checked")
    assert unknown.returncode == 2 and "no incident 'inc-20000101-nothere'" in unknown.stderr
    updated = gate_cli_quick(
        env,
        "incidents",
        "update",
        incident_id,
        "--subjects",
        "2",
        "--measures",
        "CDN cache purged for the three images",
        "--consequences",
        "EMAIL_ADDRESS=phishing attempts against the customers concerned",
    )
    assert updated.returncode == 0, updated.stderr
    shown = json.loads(gate_cli_quick(env, "incidents", "show", incident_id, "--json").stdout)
    assert shown["update"] == 1 and shown["status"] == "open" and shown["takedown"] == incident["takedown"]
    assert shown["notification"]["approximate_data_subjects"] == 2
    assert shown["notification"]["measures_taken"][-1] == "CDN cache purged for the three images"
    assert shown["updates"][0]["changed"] == [
        "approximate_data_subjects",
        "likely_consequences",
        "measures_taken",
    ]

    # `gate run` reads the incidents topic at start and exports the earliest open deadline; once the
    # incident is closed it no longer counts.
    deadline_s = datetime.fromisoformat(incident["deadline"].replace("Z", "+00:00")).timestamp()
    with running_gate({**env, "GATE_INCIDENT_REFRESH_S": "1"}, tmp_path / "gate-2.log") as runner:
        try:
            wait_for(lambda: _value(runner.metrics(), "gate_incidents_open") == 1, 60, "the incident metrics")
            assert _value(runner.metrics(), "gate_incident_earliest_deadline_timestamp_seconds") == deadline_s
            notified_at = datetime.now(UTC).replace(microsecond=0).isoformat()
            closed = gate_cli_quick(
                env,
                "incidents",
                "close",
                incident_id,
                "--notified-at",
                notified_at,
                "--reference",
                "SA-2026-0042",
            )
            assert closed.returncode == 0, closed.stderr
            assert f"incident {incident_id} update 2: closed" in closed.stdout
            wait_for(
                lambda: _value(runner.metrics(), "gate_incidents_open") == 0,
                60,
                "the closed incident to stop counting",
            )
            assert _value(runner.metrics(), "gate_incident_earliest_deadline_timestamp_seconds") == float(
                "inf"
            )
        finally:
            runner.stop(timeout=40)
    rows = [json.loads(line) for line in gate_cli_quick(env, "incidents", "ls", "--json").stdout.splitlines()]
    assert [(r["status"], r["update"], r["notified_at"]) for r in rows] == [
        ("closed", 2, notified_at.replace("+00:00", "Z"))
    ]
    after_close = gate_cli_quick(env, "incidents", "update", incident_id, "--note", "one more thing")
    assert after_close.returncode == 2 and "closed" in after_close.stderr
    exported = gate_cli_quick(env, "incidents", "export", incident_id, "--out", str(tmp_path / "final"))
    final = (tmp_path / "final" / f"{incident_id}.md").read_text()
    assert "Authority reference: SA-2026-0042" in final and "CDN cache purged" in final
    assert "[closed]" in final and "[open]" in final  # the history, one line per update
    assert len(read_topic(broker, topics.incidents)) == 3  # appended, never rewritten

    again = gate_cli_quick(
        env, "rescan"
    )  # nothing approved carries personal data any more: no second incident
    assert again.returncode == 0 and "incident" not in again.stdout
    assert len(read_topic(broker, topics.incidents)) == 3
