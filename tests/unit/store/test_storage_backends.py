"""The storage seam: segments, the directory backend, publishing once per derivation, and the settings."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from gate.errors import ConfigError, StoreUnavailable
from gate.model import Verdict
from gate.settings import load_settings
from gate.storage import DirectoryStore, Segment, StoredObject, open_store, publish_derived, segment_for
from gate.storage.content import ContentStore
from gate.storage.s3 import S3Store

KEY = "cd" * 32


@pytest.mark.parametrize(
    ("verdict", "synthetic", "segment"),
    [
        (Verdict.APPROVED, True, Segment.SYNTHETIC),
        (Verdict.APPROVED, False, Segment.NON_SYNTHETIC),
        (Verdict.APPROVED, None, Segment.SYNTHETIC),  # undeclared is never published as authentic
        (Verdict.QUARANTINED, True, Segment.QUARANTINE),
        (Verdict.QUARANTINED, False, Segment.QUARANTINE),
        (Verdict.QUARANTINED, None, Segment.QUARANTINE),
        (Verdict.REJECTED, True, Segment.QUARANTINE),
        (Verdict.REJECTED, False, Segment.QUARANTINE),
    ],
)
def test_segment_truth_table(verdict: Verdict, synthetic: bool | None, segment: Segment) -> None:
    assert segment_for(verdict, synthetic) is segment


def test_quarantine_is_the_only_segment_outside_published() -> None:
    assert [s.prefix for s in Segment] == ["published/synthetic", "published/non-synthetic", "quarantine"]


def test_directory_store_keeps_segments_apart(tmp_path: Path) -> None:
    store = DirectoryStore(tmp_path)
    data = b"signed"
    sha = hashlib.sha256(data).hexdigest()
    stored = store.put(data, "image/jpeg", Segment.NON_SYNTHETIC)
    expected = tmp_path / "published" / "non-synthetic" / sha[:2] / sha[2:4] / f"{sha}.jpg"
    assert stored == StoredObject(uri=expected.absolute().as_uri(), sha256=sha, size=len(data))
    assert store.get(sha, "image/jpeg", Segment.NON_SYNTHETIC) == data
    assert store.get(sha, "image/jpeg", Segment.SYNTHETIC) is None


def test_directory_store_finds_objects_written_before_segments_existed(tmp_path: Path) -> None:
    legacy = ContentStore(tmp_path).put(b"old", "image/jpeg")
    assert DirectoryStore(tmp_path).get(legacy.sha256, "image/jpeg", Segment.SYNTHETIC) == b"old"


def test_directory_store_failures_are_store_unavailable(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_bytes(b"")
    store = DirectoryStore(blocker)
    with pytest.raises(StoreUnavailable, match="directory store: put failed"):
        store.put(b"x", "image/jpeg", Segment.SYNTHETIC)
    with pytest.raises(StoreUnavailable, match="remember failed"):
        store.remember(KEY, "1" * 64)


class LosingStore(DirectoryStore):
    """Another instance recorded the derivation between our recall and our remember."""

    def __init__(self, root: Path, winner: bytes) -> None:
        super().__init__(root)
        self.winner = winner

    def remember(self, key: str, sha256: str) -> str:
        other = DirectoryStore(self.root)
        won = other.put(self.winner, "image/jpeg", Segment.SYNTHETIC).sha256
        assert other.remember(key, won) == won
        return super().remember(key, sha256)


def test_a_loser_of_the_derivation_race_publishes_the_winners_bytes(tmp_path: Path) -> None:
    store = LosingStore(tmp_path, winner=b"their signature")
    published = publish_derived(store, KEY, b"our signature", "image/jpeg", Segment.SYNTHETIC)
    assert published.data == b"their signature"
    sha = hashlib.sha256(b"their signature").hexdigest()
    assert published.uri.endswith(f"/published/synthetic/{sha[:2]}/{sha[2:4]}/{sha}.jpg")


def test_a_redo_publishes_the_first_bytes_again(tmp_path: Path) -> None:
    first = publish_derived(DirectoryStore(tmp_path), KEY, b"first", "image/png", Segment.SYNTHETIC)
    redo = publish_derived(DirectoryStore(tmp_path), KEY, b"second", "image/png", Segment.SYNTHETIC)
    assert redo == first and first.data == b"first"


def test_bytes_lost_to_a_takedown_are_replaced_by_ours_not_a_stall(tmp_path: Path) -> None:
    store = DirectoryStore(tmp_path)
    first = publish_derived(store, KEY, b"first", "image/png", Segment.SYNTHETIC)
    Path(first.uri.removeprefix("file://")).unlink()
    redo = publish_derived(store, KEY, b"second", "image/png", Segment.SYNTHETIC)
    assert redo.data == b"second" and Path(redo.uri.removeprefix("file://")).read_bytes() == b"second"


def test_store_dir_alone_still_selects_the_directory_backend(tmp_path: Path) -> None:
    settings = load_settings(store_dir=tmp_path)
    assert settings.store.backend == "directory"
    store = open_store(settings.store, settings.store_dir)
    assert isinstance(store, DirectoryStore) and store.root == tmp_path
    assert open_store(load_settings().store, None) is None


def test_the_s3_backend_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GATE_STORE__BACKEND", "s3")
    monkeypatch.setenv("GATE_STORE__S3__BUCKET", "media-published")
    monkeypatch.setenv("GATE_STORE__S3__PREFIX", "gate/eu")
    monkeypatch.setenv("GATE_STORE__S3__ENDPOINT_URL", "http://minio.storage:9000")
    monkeypatch.setenv("GATE_STORE__S3__REGION", "eu-central-1")
    settings = load_settings()
    store = open_store(settings.store, settings.store_dir)
    assert isinstance(store, S3Store)  # constructed without any network call
    assert (store.bucket, store.prefix) == ("media-published", "gate/eu")
    assert settings.store.s3.endpoint_url == "http://minio.storage:9000"
    assert settings.store.s3.region == "eu-central-1"


def test_the_s3_backend_without_a_bucket_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match=r"store: .*store\.s3\.bucket"):
        load_settings(store={"backend": "s3"})


def test_credentials_are_refused_in_the_config_file_without_echoing_them(tmp_path: Path) -> None:
    config = tmp_path / "gate.yaml"
    config.write_text(
        "store:\n  backend: s3\n  s3:\n    bucket: media\n    aws_secret_access_key: hunter2-secret\n"
    )
    with pytest.raises(ConfigError) as refused:
        load_settings(config)
    assert "store.s3.aws_secret_access_key" in str(refused.value)
    assert "hunter2-secret" not in str(refused.value)


def test_a_redo_of_a_pre_segment_derivation_moves_its_bytes_into_the_segment(tmp_path: Path) -> None:
    legacy = ContentStore(tmp_path).put(b"signed before segments", "image/jpeg")
    store = DirectoryStore(tmp_path)
    store.remember(KEY, legacy.sha256)
    redo = publish_derived(store, KEY, b"signed again", "image/jpeg", Segment.SYNTHETIC)
    assert redo.data == b"signed before segments"
    assert "/published/synthetic/" in redo.uri
    assert store.get(legacy.sha256, "image/jpeg", Segment.SYNTHETIC) == b"signed before segments"


@pytest.mark.parametrize("damage", [b"\xff\xfe\x00torn block", b"not a sha256"])
def test_a_damaged_derivation_entry_is_derived_again_not_an_unexpected_error(
    tmp_path: Path, damage: bytes
) -> None:
    store = DirectoryStore(tmp_path)
    publish_derived(store, KEY, b"first", "image/png", Segment.SYNTHETIC)
    entry = tmp_path / "derived" / KEY[:2] / KEY
    entry.write_bytes(damage)
    assert store.recall(KEY) is None
    redo = publish_derived(store, KEY, b"second", "image/png", Segment.SYNTHETIC)
    assert redo.data == b"second"
