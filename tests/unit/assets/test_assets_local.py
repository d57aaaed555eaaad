"""Inline base64 and file:// assets, the event asset shape, scheme refusal and integrity."""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import random
from pathlib import Path

import pytest

import gate.assets
from gate.assets import (
    AssetFetcher,
    AssetRef,
    FetchPolicy,
)
from gate.errors import AssetUnavailable, ConfigError, EventInvalid

DATA = b"\xff\xd8\xff\xe0 not really a jpeg"
SHA = hashlib.sha256(DATA).hexdigest()


@pytest.fixture
def root(tmp_path: Path) -> Path:
    path = tmp_path / "assets"
    path.mkdir()
    (path / "a.jpg").write_bytes(DATA)
    return path


def _fetcher(*roots: Path, max_bytes: int = 1024) -> AssetFetcher:
    return AssetFetcher(FetchPolicy(file_roots=roots, max_bytes=max_bytes))


def _file_ref(uri: str) -> AssetRef:
    return AssetRef(uri=uri, sha256=SHA, media_type="image/jpeg")


def test_public_surface_is_exported():
    assert all(hasattr(gate.assets, name) for name in gate.assets.__all__)


# --- the event's asset shape ---------------------------------------------------------------------


def test_from_json_reads_both_event_shapes():
    by_uri = AssetRef.from_json({"uri": "file:///x.jpg", "sha256": SHA.upper(), "media_type": "image/jpeg"})
    inline = AssetRef.from_json({"data": "AAAA", "media_type": "image/png"})
    assert (by_uri.uri, by_uri.sha256, by_uri.data) == ("file:///x.jpg", SHA, None)
    assert (inline.data, inline.sha256, inline.uri) == ("AAAA", None, None)


@pytest.mark.parametrize(
    "obj",
    [
        [],
        {"media_type": "image/png"},
        {"data": "AAAA", "uri": "file:///x", "sha256": SHA, "media_type": "image/png"},
        {"uri": "file:///x", "media_type": "image/png"},
        {"uri": "file:///x", "sha256": "abc", "media_type": "image/png"},
        {"data": "AAAA"},
        {"data": "AAAA", "media_type": "png"},
        {"data": 123, "media_type": "image/png"},
    ],
)
def test_from_json_rejects_malformed_assets(obj):
    with pytest.raises(EventInvalid):
        AssetRef.from_json(obj)


# --- inline ----------------------------------------------------------------------------------------


def test_inline_base64_is_decoded():
    ref = AssetRef(data=base64.b64encode(DATA).decode(), media_type="image/jpeg")
    asset = _fetcher().fetch(ref)
    assert (asset.data, asset.sha256, asset.declared_sha256, asset.source) == (DATA, SHA, None, "inline")


@pytest.mark.parametrize("bad", ["not base64!", "AAA", "AA AA", "AAAA\n", "-_-_", "ÄÄÄÄ"])
def test_inline_data_must_be_strict_standard_base64(bad):
    with pytest.raises(AssetUnavailable, match="not valid base64"):
        _fetcher().fetch(AssetRef(data=bad, media_type="image/png"))


def test_padding_after_a_whole_quantum_is_refused():
    # base64.b64decode(validate=True) took "AAAA=" for three zero bytes; RFC 4648 has no such form.
    with pytest.raises(AssetUnavailable, match="not valid base64"):
        _fetcher().fetch(AssetRef(data="AAAA=", media_type="image/png"))


def _stdlib_strict(text: str) -> bytes | None:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None


def test_inline_decoding_accepts_nothing_the_standard_library_refuses():
    # Differential: valid encodings, then single edits of them (a character replaced, dropped or
    # added, from the alphabet, padding, whitespace, URL-safe and non-ASCII characters).
    rng = random.Random(2026)
    alphabet = "ABCXYZabcxyz0189+/=-_ \n\r\tÄ"
    cases = []
    for size in [*range(12), 57, 58, 59, 60, 300]:
        text = base64.b64encode(rng.randbytes(size)).decode()
        cases.append(text)
        for _ in range(40):
            i = rng.randrange(len(text) + 1)
            edit = rng.choice(("replace", "drop", "insert"))
            c = rng.choice(alphabet)
            if edit == "replace" and i < len(text):
                cases.append(text[:i] + c + text[i + 1 :])
            elif edit == "drop" and i < len(text):
                cases.append(text[:i] + text[i + 1 :])
            else:
                cases.append(text[:i] + c + text[i:])
    decoded = 0
    for text in cases:
        expected = _stdlib_strict(text)
        try:
            got = _fetcher().fetch(AssetRef(data=text, media_type="image/png")).data
        except AssetUnavailable:
            continue
        decoded += 1
        assert expected == got, text
    assert decoded > 100  # the valid encodings and the edits that keep one valid


def test_inline_data_at_the_cap_is_accepted_and_one_byte_over_is_refused():
    at_cap = base64.b64encode(b"x" * 1024).decode()
    over = base64.b64encode(b"x" * 1025).decode()
    assert _fetcher().fetch(AssetRef(data=at_cap, media_type="image/png")).size == 1024
    with pytest.raises(AssetUnavailable, match="1024-byte limit"):
        _fetcher().fetch(AssetRef(data=over, media_type="image/png"))


def test_oversize_inline_data_is_refused_before_decoding():
    # Invalid base64 that is too long: the size message proves the length was checked first.
    with pytest.raises(AssetUnavailable, match="1024-byte limit"):
        _fetcher().fetch(AssetRef(data="!" * 10_000, media_type="image/png"))


# --- file:// ---------------------------------------------------------------------------------------


def test_file_under_a_root_is_read(root):
    asset = _fetcher(root).fetch(_file_ref((root / "a.jpg").as_uri()))
    assert (asset.data, asset.sha256, asset.source) == (DATA, SHA, "file")


def test_percent_encoded_and_localhost_forms_are_read(root):
    (root / "a b.jpg").write_bytes(DATA)
    assert _fetcher(root).fetch(_file_ref(f"file://localhost{root}/a%20b.jpg")).data == DATA


def test_file_outside_the_roots_is_refused(root, tmp_path):
    (tmp_path / "outside.jpg").write_bytes(DATA)
    with pytest.raises(AssetUnavailable, match="outside the configured file roots"):
        _fetcher(root).fetch(_file_ref((tmp_path / "outside.jpg").as_uri()))


@pytest.mark.parametrize("path", ["/../outside.jpg", "/%2e%2e/outside.jpg", "/missing/../../outside.jpg"])
def test_dot_dot_traversal_is_refused(root, tmp_path, path):
    (tmp_path / "outside.jpg").write_bytes(DATA)
    with pytest.raises(AssetUnavailable, match="outside the configured file roots"):
        _fetcher(root).fetch(_file_ref(f"file://{root}{path}"))


def test_symlink_escaping_the_root_is_refused(root, tmp_path):
    (tmp_path / "secret.jpg").write_bytes(DATA)
    (root / "link.jpg").symlink_to(tmp_path / "secret.jpg")
    (root / "dir-link").symlink_to(tmp_path)
    for name in ("link.jpg", "dir-link/secret.jpg"):
        with pytest.raises(AssetUnavailable, match="outside the configured file roots"):
            _fetcher(root).fetch(_file_ref(f"file://{root}/{name}"))


def test_symlink_inside_the_root_is_followed(root):
    (root / "alias.jpg").symlink_to(root / "a.jpg")
    assert _fetcher(root).fetch(_file_ref((root / "alias.jpg").as_uri())).data == DATA


def test_missing_file_is_unavailable(root):
    with pytest.raises(AssetUnavailable, match="no file at the file:// path"):
        _fetcher(root).fetch(_file_ref((root / "nope.jpg").as_uri()))


def test_missing_file_outside_the_roots_reports_outside_not_missing(root, tmp_path):
    with pytest.raises(AssetUnavailable, match="outside the configured file roots"):
        _fetcher(root).fetch(_file_ref((tmp_path / "nope.jpg").as_uri()))


def test_directory_and_fifo_are_not_regular_files(root):
    (root / "sub").mkdir()
    os.mkfifo(root / "pipe")
    for name in ("sub", "pipe"):
        with pytest.raises(AssetUnavailable, match="not a regular file"):
            _fetcher(root).fetch(_file_ref((root / name).as_uri()))


def test_oversize_file_is_refused(root):
    (root / "big.jpg").write_bytes(b"x" * 1025)
    with pytest.raises(AssetUnavailable, match="1024-byte limit"):
        _fetcher(root).fetch(_file_ref((root / "big.jpg").as_uri()))


@pytest.mark.parametrize(
    "uri",
    ["file://otherhost/a.jpg", "file:a.jpg", "file:/a.jpg", "file:///a.jpg?x=1", "file:///a.jpg#f"],
)
def test_file_uri_must_be_the_absolute_no_host_form(root, uri):
    with pytest.raises(AssetUnavailable, match="file:///absolute/path"):
        _fetcher(root).fetch(_file_ref(uri))


def test_file_is_disabled_without_roots(root):
    with pytest.raises(AssetUnavailable, match="GATE_FETCH__FILE_ROOTS"):
        _fetcher().fetch(_file_ref((root / "a.jpg").as_uri()))


def test_error_messages_do_not_echo_the_path(root, tmp_path):
    for uri in ((tmp_path / "private-name.jpg").as_uri(), (root / "private-name.jpg").as_uri()):
        with pytest.raises(AssetUnavailable) as caught:
            _fetcher(root).fetch(_file_ref(uri))
        assert "private-name" not in str(caught.value)


def test_relative_root_is_a_config_error():
    with pytest.raises(ConfigError, match="absolute"):
        FetchPolicy(file_roots=(Path("assets"),))


# --- other schemes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "uri", ["http://cdn.test/a.jpg", "ftp://cdn.test/a.jpg", "s3://bucket/a.jpg", "data:,x", "a.jpg"]
)
def test_other_schemes_are_refused(root, uri):
    with pytest.raises(AssetUnavailable, match="is not allowed"):
        _fetcher(root).fetch(_file_ref(uri))


# --- integrity -------------------------------------------------------------------------------------


def test_fetch_reports_a_mismatch_instead_of_raising(root):
    ref = AssetRef(uri=(root / "a.jpg").as_uri(), sha256="0" * 64, media_type="image/jpeg")
    asset = _fetcher(root).fetch(ref)
    assert (asset.sha256, asset.declared_sha256) == (SHA, "0" * 64)
