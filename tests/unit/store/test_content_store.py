"""The filesystem content-addressed store."""

from __future__ import annotations

import hashlib
import os
import stat
import threading
from pathlib import Path

import pytest

from gate.assets import AssetFetcher, AssetRef, FetchPolicy
from gate.storage.content import ContentStore, ObjectStore, extension_for

DATA = b"\x89PNG\r\n\x1a\n some image bytes"
SHA = hashlib.sha256(DATA).hexdigest()


@pytest.fixture
def store(tmp_path: Path) -> ContentStore:
    return ContentStore(tmp_path / "objects")


def _files(root: Path) -> list[Path]:
    return sorted(path for path in root.rglob("*") if path.is_file())


def test_content_store_satisfies_the_protocol(store):
    as_protocol: ObjectStore = store
    assert as_protocol.exists(SHA) is False


def test_put_lays_objects_out_by_hash_prefix(store):
    stored = store.put(DATA, "image/png")
    assert stored.path == store.root / SHA[:2] / SHA[2:4] / f"{SHA}.png"
    assert (stored.sha256, stored.size) == (SHA, len(DATA))
    assert stored.uri == stored.path.as_uri()
    assert stored.path.read_bytes() == DATA


def test_get_and_exists(store):
    assert store.get(SHA) is None
    assert not store.exists(SHA)
    store.put(DATA, "image/png")
    assert store.get(SHA) == DATA
    assert store.exists(SHA)


def test_put_is_idempotent_and_does_not_rewrite(store):
    first = store.put(DATA, "image/png")
    before = first.path.stat()
    second = store.put(DATA, "image/png")
    assert first == second
    assert second.path.stat().st_ino == before.st_ino
    assert second.path.stat().st_mtime_ns == before.st_mtime_ns
    assert _files(store.root) == [first.path]


def test_truncated_object_is_replaced(store):
    stored = store.put(DATA, "image/png")
    stored.path.write_bytes(DATA[:3])  # e.g. left by a copy tool that crashed
    store.put(DATA, "image/png")
    assert stored.path.read_bytes() == DATA


def test_no_temporary_files_are_left_and_modes_are_set(store):
    stored = store.put(DATA, "image/jpeg")
    assert _files(store.root) == [stored.path]
    assert stat.S_IMODE(stored.path.stat().st_mode) == 0o644
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(stored.path.parent.stat().st_mode) == 0o755 & ~umask


def test_concurrent_puts_of_the_same_object_are_safe(store):
    barrier = threading.Barrier(16)
    results, errors = [], []

    def put() -> None:
        barrier.wait()
        try:
            results.append(store.put(DATA, "image/png"))
        except Exception as exc:  # collected so the assertion below reports it
            errors.append(exc)

    threads = [threading.Thread(target=put) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(set(results)) == 1
    assert _files(store.root) == [results[0].path]
    assert store.get(SHA) == DATA


@pytest.mark.parametrize(
    ("media_type", "extension"),
    [("image/jpeg", ".jpg"), ("IMAGE/PNG; foo=bar", ".png"), ("image/webp", ".webp"), ("x/unknown", ".bin")],
)
def test_extension_by_media_type(media_type, extension):
    assert extension_for(media_type) == extension


@pytest.mark.parametrize("key", ["../../etc/passwd", SHA.upper(), SHA[:-1], ""])
def test_keys_that_are_not_sha256_hex_are_rejected(store, key):
    with pytest.raises(ValueError):
        store.get(key)


def test_stored_uri_is_fetchable_under_the_store_root(store):
    stored = store.put(DATA, "image/png")
    fetcher = AssetFetcher(FetchPolicy(file_roots=(store.root,)))
    asset = fetcher.fetch(AssetRef(uri=stored.uri, sha256=stored.sha256, media_type="image/png"))
    assert asset.data == DATA
    assert asset.sha256 == asset.declared_sha256
