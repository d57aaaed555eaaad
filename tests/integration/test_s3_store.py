"""The S3 backend against moto's S3-protocol server over HTTP: layout, write-once, races, outages, secrets."""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from s3_server import ACCESS_KEY_ID, SECRET_ACCESS_KEY, MotoServer, SilentServer

from gate.errors import StoreUnavailable
from gate.settings import S3StoreSettings
from gate.storage import Segment, publish_derived
from gate.storage.s3 import S3Store

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("aws_env")]

KEY = "ab" * 32


def store_on(endpoint_url: str, bucket: str, **settings: Any) -> S3Store:
    return S3Store(S3StoreSettings(bucket=bucket, endpoint_url=endpoint_url, region="us-east-1", **settings))


@pytest.fixture
def bucket(moto_s3: MotoServer) -> str:
    return moto_s3.bucket()


@pytest.fixture
def store(moto_s3: MotoServer, bucket: str) -> S3Store:
    return store_on(moto_s3.endpoint_url, bucket, prefix="/shop/gate/")


def keys_in(moto_s3: MotoServer, bucket: str) -> list[str]:
    listed = moto_s3.client().list_objects_v2(Bucket=bucket)
    return sorted(item["Key"] for item in listed.get("Contents", []))


def test_put_then_get_round_trips_under_the_segment_prefix_and_sha256(
    store: S3Store, moto_s3: MotoServer, bucket: str
) -> None:
    data = b"\xff\xd8 signed bytes"
    sha = hashlib.sha256(data).hexdigest()
    stored = store.put(data, "image/jpeg", Segment.SYNTHETIC)
    key = f"shop/gate/published/synthetic/{sha[:2]}/{sha[2:4]}/{sha}.jpg"
    assert stored.uri == f"s3://{bucket}/{key}"
    assert (stored.sha256, stored.size) == (sha, len(data))
    assert store.get(sha, "image/jpeg", Segment.SYNTHETIC) == data
    assert store.get(sha, "image/jpeg", Segment.NON_SYNTHETIC) is None  # segments are apart
    assert store.get("0" * 64, "image/jpeg", Segment.SYNTHETIC) is None
    head = moto_s3.client().head_object(Bucket=bucket, Key=key)
    assert head["ContentType"] == "image/jpeg"


def test_each_segment_has_its_own_prefix_and_quarantine_is_never_under_published(
    store: S3Store, moto_s3: MotoServer, bucket: str
) -> None:
    for segment in Segment:
        store.put(segment.value.encode(), "image/png", segment)
    keys = keys_in(moto_s3, bucket)
    assert [k.split("/")[2:4] for k in keys if "/published/" in k] == [
        ["published", "non-synthetic"],
        ["published", "synthetic"],
    ]
    quarantined = hashlib.sha256(b"quarantine").hexdigest()
    assert [k for k in keys if quarantined in k] == [
        f"shop/gate/quarantine/{quarantined[:2]}/{quarantined[2:4]}/{quarantined}.png"
    ]


def test_an_object_is_never_overwritten(store: S3Store, moto_s3: MotoServer, bucket: str) -> None:
    stored = store.put(b"first", "image/jpeg", Segment.SYNTHETIC)
    key = stored.uri.removeprefix(f"s3://{bucket}/")
    assert store.put_once(key, b"second", "image/jpeg") is False
    assert store.put(b"first", "image/jpeg", Segment.SYNTHETIC) == stored  # idempotent
    versions = moto_s3.client().list_object_versions(Bucket=bucket, Prefix=key)["Versions"]
    assert len(versions) == 1
    assert moto_s3.client().get_object(Bucket=bucket, Key=key)["Body"].read() == b"first"


def test_bytes_that_do_not_match_their_sha256_are_never_returned(
    store: S3Store, moto_s3: MotoServer, bucket: str
) -> None:
    sha = hashlib.sha256(b"genuine").hexdigest()
    key = store.key_for(sha, "image/jpeg", Segment.SYNTHETIC)
    moto_s3.client().put_object(Bucket=bucket, Key=key, Body=b"tampered")
    with pytest.raises(StoreUnavailable, match="does not match"):
        store.get(sha, "image/jpeg", Segment.SYNTHETIC)


def test_the_first_derivation_writer_wins_and_the_loser_adopts_its_sha256(
    store: S3Store, moto_s3: MotoServer, bucket: str
) -> None:
    assert store.recall(KEY) is None
    assert store.remember(KEY, "1" * 64) == "1" * 64
    other_instance = store_on(moto_s3.endpoint_url, bucket, prefix="shop/gate")
    assert other_instance.remember(KEY, "2" * 64) == "1" * 64
    assert other_instance.recall(KEY) == "1" * 64
    assert f"shop/gate/derivations/ab/{KEY}" in keys_in(moto_s3, bucket)


def race(workers: list[Callable[[], Any]]) -> list[Any]:
    """Run the callables at the same moment in threads; their results in order."""
    barrier = threading.Barrier(len(workers))
    results: list[Any] = [None] * len(workers)

    def run(index: int) -> None:
        barrier.wait()
        results[index] = workers[index]()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(workers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@pytest.mark.parametrize("round_", range(8))
def test_two_instances_racing_on_one_derivation_publish_the_same_bytes(
    moto_s3: MotoServer, bucket: str, round_: int
) -> None:
    one = store_on(moto_s3.endpoint_url, bucket)
    two = store_on(moto_s3.endpoint_url, bucket)
    key = hashlib.sha256(f"event-{round_}".encode()).hexdigest()
    # c2pa salts signatures: each instance signed the same input into different bytes.
    mine, theirs = f"signed by one {round_}".encode(), f"signed by two {round_}".encode()
    results = race(
        [
            lambda: publish_derived(one, key, mine, "image/jpeg", Segment.SYNTHETIC),
            lambda: publish_derived(two, key, theirs, "image/jpeg", Segment.SYNTHETIC),
        ]
    )
    assert results[0] == results[1]
    assert results[0].data in (mine, theirs)
    # A loser that wrote its object before losing the entry (else it adopted at lookup and wrote none):
    # that object is named by no decision, so it is tagged for a lifecycle rule to expire.
    loser = theirs if results[0].data == mine else mine
    client = moto_s3.client()

    def tags(data: bytes) -> list[dict[str, str]] | None:
        key = one.key_for(hashlib.sha256(data).hexdigest(), "image/jpeg", Segment.SYNTHETIC)
        try:
            tag_set: list[dict[str, str]] = client.get_object_tagging(Bucket=bucket, Key=key)["TagSet"]
        except client.exceptions.NoSuchKey:
            return None
        return tag_set

    assert tags(loser) in (None, [{"Key": "gate-superseded", "Value": "true"}])
    assert tags(results[0].data) == []
    redo = publish_derived(
        store_on(moto_s3.endpoint_url, bucket), key, b"third", "image/jpeg", Segment.SYNTHETIC
    )
    assert redo == results[0]


def test_the_loser_of_a_publish_race_tags_its_own_object_superseded(moto_s3: MotoServer, bucket: str) -> None:
    winner_store, loser_store = store_on(moto_s3.endpoint_url, bucket), store_on(moto_s3.endpoint_url, bucket)
    key = hashlib.sha256(b"event-tag").hexdigest()
    # The loser missed the entry at lookup, wrote its object, then lost the conditional put of the entry.
    ours = loser_store.put(b"signed by the loser", "image/jpeg", Segment.SYNTHETIC)
    publish_derived(winner_store, key, b"signed by the winner", "image/jpeg", Segment.SYNTHETIC)

    class MissedLookup(S3Store):
        looked_up = False

        def recall(self, key: str) -> str | None:
            if not self.looked_up:  # the first lookup ran before the winner's entry existed
                self.looked_up = True
                return None
            return super().recall(key)

    late = MissedLookup(loser_store._settings)
    published = publish_derived(late, key, b"signed by the loser", "image/jpeg", Segment.SYNTHETIC)
    assert published.data == b"signed by the winner"
    ours_key = ours.uri.removeprefix(f"s3://{bucket}/")
    tag_set = moto_s3.client().get_object_tagging(Bucket=bucket, Key=ours_key)["TagSet"]
    assert tag_set == [{"Key": "gate-superseded", "Value": "true"}]


def test_many_writers_racing_on_one_entry_agree_on_one_winner(moto_s3: MotoServer, bucket: str) -> None:
    stores = [store_on(moto_s3.endpoint_url, bucket) for _ in range(6)]
    candidates = [hashlib.sha256(bytes([n])).hexdigest() for n in range(6)]
    winners = race([lambda s=s, c=c: s.remember(KEY, c) for s, c in zip(stores, candidates, strict=True)])
    assert len(set(winners)) == 1 and winners[0] in candidates


def test_a_store_that_is_down_raises_store_unavailable(bucket: str) -> None:
    from gate.broker import free_loopback_port  # noqa: PLC0415

    down = store_on(f"http://127.0.0.1:{free_loopback_port()}", bucket, max_attempts=2, connect_timeout_s=0.5)
    for operation in (
        lambda: down.put(b"x", "image/jpeg", Segment.SYNTHETIC),
        lambda: down.get("0" * 64, "image/jpeg", Segment.SYNTHETIC),
        lambda: down.recall(KEY),
        lambda: down.remember(KEY, "1" * 64),
    ):
        with pytest.raises(StoreUnavailable, match=r"s3 (put|get)"):
            operation()


def test_a_store_that_does_not_answer_times_out_into_store_unavailable(bucket: str) -> None:
    silent = SilentServer()
    try:
        slow = store_on(silent.endpoint_url, bucket, max_attempts=2, read_timeout_s=0.5)
        started = time.monotonic()
        with pytest.raises(StoreUnavailable, match="ReadTimeout"):
            slow.recall(KEY)
        # Bounded by the read timeout times the attempts (plus backoff), not by the server.
        assert time.monotonic() - started < 20
    finally:
        silent.close()


def test_a_missing_bucket_is_unavailable_not_empty(moto_s3: MotoServer) -> None:
    missing = store_on(moto_s3.endpoint_url, "gate-no-such-bucket-here")
    with pytest.raises(StoreUnavailable, match="NoSuchBucket"):
        missing.put(b"x", "image/jpeg", Segment.SYNTHETIC)


def test_credentials_never_reach_the_logs_or_errors(
    moto_s3: MotoServer, bucket: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    store = store_on(moto_s3.endpoint_url, bucket)
    store.put(b"logged?", "image/jpeg", Segment.SYNTHETIC)
    store.remember(KEY, "3" * 64)
    down = store_on(moto_s3.endpoint_url, "gate-no-such-bucket-here")
    with pytest.raises(StoreUnavailable) as failure:
        down.recall(KEY)
    logging.getLogger("gate.test").error("store failed: %s", failure.value)
    text = caplog.text + str(failure.value) + repr(S3StoreSettings(bucket=bucket))
    assert caplog.records  # something was logged, so the check below can fail
    assert ACCESS_KEY_ID not in text
    assert SECRET_ACCESS_KEY not in text


def test_credentials_from_a_mounted_file_work_and_none_at_all_fail_closed(
    moto_s3: MotoServer, bucket: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AWS_ACCESS_KEY_ID")
    monkeypatch.delenv("AWS_SECRET_ACCESS_KEY")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "absent"))
    with pytest.raises(StoreUnavailable, match="NoCredentialsError"):
        store_on(moto_s3.endpoint_url, bucket).recall(KEY)

    mounted = tmp_path / "credentials"  # as the chart mounts it from a Secret
    mounted.write_text(
        f"[default]\naws_access_key_id = {ACCESS_KEY_ID}\naws_secret_access_key = {SECRET_ACCESS_KEY}\n"
    )
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(mounted))
    from_file = store_on(moto_s3.endpoint_url, bucket)
    stored = from_file.put(b"with file credentials", "image/jpeg", Segment.SYNTHETIC)
    assert from_file.get(stored.sha256, "image/jpeg", Segment.SYNTHETIC) == b"with file credentials"


def test_a_superseded_object_that_cannot_be_tagged_does_not_hold_the_batch(
    moto_s3: MotoServer, bucket: str, caplog: pytest.LogCaptureFixture
) -> None:
    store = store_on(moto_s3.endpoint_url, bucket)
    store.supersede("9" * 64, "image/jpeg", Segment.SYNTHETIC)  # no such object: tagging fails
    assert "could not tag a superseded object (NoSuchKey)" in caplog.text
