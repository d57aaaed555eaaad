"""Where a new gallery entry's bytes come from, and every way the gate refuses to read them."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest

from gate.assets import AssetFetcher, FetchPolicy
from gate.commerce.media import MediaReader, MediaUnavailable
from gate.commerce.webhook import MediaEntry


@pytest.fixture
def media(tmp_path: Path) -> Path:
    root = tmp_path / "pub" / "media"
    (root / "tmp/catalog/product/m/y").mkdir(parents=True)
    (root / "catalog/product/s/a").mkdir(parents=True)
    (root / "tmp/catalog/product/m/y/my.jpg").write_bytes(b"pending")
    (root / "catalog/product/s/a/saved.jpg").write_bytes(b"saved")
    (root / "catalog/product/m/y/my.jpg").parent.mkdir(parents=True)
    (root / "catalog/product/m/y/my.jpg").write_bytes(b"older copy")
    (tmp_path / "secret.txt").write_bytes(b"outside")
    return root


def _reader(roots: tuple[Path, ...], *, hosts: tuple[str, ...] = (), max_bytes: int = 1024) -> MediaReader:
    policy = FetchPolicy(file_roots=roots, https_allow_hosts=hosts, max_bytes=max_bytes)
    return MediaReader.create(AssetFetcher(policy), roots, max_bytes, allow_urls=bool(hosts))


@pytest.mark.parametrize(
    ("file", "expected"),
    [
        ("/m/y/my.jpg.tmp", b"pending"),  # an Admin upload waiting for the save
        ("/m/y/my.jpg", b"pending"),  # pending first: that is what this save brings
        ("/s/a/saved.jpg", b"saved"),  # already under catalog/product
        ("m/y/my.jpg.tmp", b"pending"),  # without the leading slash
    ],
)
def test_files_are_found_pending_first(media: Path, file: str, expected: bytes) -> None:
    assert _reader((media,)).read(MediaEntry("/p", file)) == expected


@pytest.mark.parametrize(
    ("file", "code"),
    [
        ("/../../../secret.txt", "media.outside_roots"),
        ("/m/../../../../secret.txt", "media.outside_roots"),
        ("/./m/y/my.jpg", "media.outside_roots"),
        ("/m/y/none.jpg", "media.not_found"),
        ("/s/a/saved.jpg.tmp", "media.not_found"),  # a .tmp name is only ever a pending upload
        ("/m/y/a\x00.jpg", "media.path_invalid"),
        ("\\m\\y\\my.jpg", "media.path_invalid"),
        ("/" + "a/" * 600 + "x.jpg", "media.path_invalid"),
        ("/", "media.outside_roots"),
    ],
)
def test_paths_that_leave_the_root_or_do_not_exist_are_refused(media: Path, file: str, code: str) -> None:
    with pytest.raises(MediaUnavailable) as caught:
        _reader((media,)).read(MediaEntry("/p", file))
    assert caught.value.code == code
    assert "secret" not in str(caught.value)  # the path is never repeated


def test_a_symlink_leaving_the_root_is_refused(media: Path) -> None:
    os.symlink(media.parent.parent / "secret.txt", media / "tmp/catalog/product/m/y/link.jpg")
    with pytest.raises(MediaUnavailable) as caught:
        _reader((media,)).read(MediaEntry("/p", "/m/y/link.jpg.tmp"))
    assert caught.value.code == "media.outside_roots"


def test_a_symlink_inside_the_root_is_read(media: Path) -> None:
    os.symlink(media / "catalog/product/s/a/saved.jpg", media / "tmp/catalog/product/m/y/alias.jpg")
    assert _reader((media,)).read(MediaEntry("/p", "/m/y/alias.jpg.tmp")) == b"saved"


def test_the_size_cap_and_regular_files_are_the_fetchers(media: Path) -> None:
    (media / "tmp/catalog/product/m/y/big.jpg").write_bytes(b"x" * 2048)
    (media / "tmp/catalog/product/m/y/dir.jpg").mkdir()
    for name in ("/m/y/big.jpg.tmp", "/m/y/dir.jpg.tmp"):
        with pytest.raises(MediaUnavailable) as caught:
            _reader((media,)).read(MediaEntry("/p", name))
        assert caught.value.code == "media.unavailable"


def test_inline_content_of_a_rest_save(media: Path) -> None:
    data = base64.b64encode(b"inline image").decode()
    assert _reader(()).read(MediaEntry("/p", content=data)) == b"inline image"
    with pytest.raises(MediaUnavailable, match="not valid base64"):
        _reader(()).read(MediaEntry("/p", content="not base64!"))
    with pytest.raises(MediaUnavailable) as caught:
        _reader((), max_bytes=8).read(MediaEntry("/p", content=base64.b64encode(b"x" * 64).decode()))
    assert caught.value.code == "media.too_large"


def test_without_roots_or_an_allowed_url_nothing_is_read(media: Path) -> None:
    with pytest.raises(MediaUnavailable, match=r"fetch\.file_roots"):
        _reader(()).read(MediaEntry("/p", "/m/y/my.jpg.tmp"))
    with pytest.raises(MediaUnavailable, match=r"fetch\.https_allow_hosts"):
        _reader(()).read(MediaEntry("/p", "/m/y/my.jpg.tmp", url="https://shop.example/media/x.jpg"))


def test_urls_only_over_https_and_only_to_allowed_hosts(media: Path) -> None:
    reader = _reader((), hosts=("cdn.example.com",))
    with pytest.raises(MediaUnavailable, match="only https"):
        reader.read(MediaEntry("/p", url="http://cdn.example.com/x.jpg"))
    with pytest.raises(MediaUnavailable) as caught:
        reader.read(MediaEntry("/p", url="https://elsewhere.example.org/x.jpg"))
    assert caught.value.code == "media.unavailable" and "allow-list" in caught.value.detail
