"""A generated Magento `pub/media/catalog/product` tree with every case a backfill meets, and what each
file should become (for the unit and integration tests of `gate backfill`).

Unreadable files are made in ways root cannot read either (CI runs as root): a dangling symbolic link, a
FIFO (opening one to read would block; the backfill must refuse it without opening), and a link loop.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from gate.demo.images import camera_exif, jpeg_bytes, png_bytes, product_image, tamper_jpeg
from gate.provenance import DevPki, GenerationClaim, SignerConfig, attach_manifest

XMP_PERSON = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/">'
    "<Iptc4xmpExt:PersonInImage><rdf:Bag><rdf:li>Maria Schmidt</rdf:li></rdf:Bag>"
    "</Iptc4xmpExt:PersonInImage></rdf:Description></rdf:RDF></x:xmpmeta>"
)
# What the shipped policy decides for each kind of image when nothing is declared about it (a backfill
# knows nothing but the bytes): verdict and reason codes.
EXPECTED = {
    "plain": ("approved", {"provenance.missing"}),
    "png": ("approved", {"provenance.missing"}),
    "webp": ("approved", {"provenance.missing"}),
    "gps": ("approved", {"metadata.personal_data", "provenance.missing"}),  # stripped on publishing
    "xmp": ("quarantined", {"metadata.personal_data", "provenance.missing"}),  # a person named in XMP
    "signed": ("quarantined", {"provenance.undeclared_synthetic"}),  # AI-made by its manifest, not declared
    "tampered": ("rejected", {"provenance.invalid"}),
}
# How many of each kind of image the tree holds (a few hundred in all).
COUNTS = {"plain": 150, "gps": 30, "xmp": 20, "signed": 40, "tampered": 5, "png": 20, "webp": 10}


@dataclass
class MediaTree:
    """The tree and the expectation for every path a report must name."""

    root: Path
    outside: Path
    kinds: dict[str, str] = field(default_factory=dict)  # relative path -> image kind
    skipped: dict[str, str] = field(default_factory=dict)  # relative path -> reason code
    not_walked: list[str] = field(default_factory=list)  # files under derived folders

    @property
    def images(self) -> int:
        """How many images the backfill decides or emits."""
        return len(self.kinds)


def _jpeg_with_xmp(seed: int) -> bytes:
    out = io.BytesIO()
    product_image(48, 32, seed=seed).save(out, "JPEG", quality=85, xmp=XMP_PERSON.encode())
    return out.getvalue()


def _webp(seed: int) -> bytes:
    out = io.BytesIO()
    product_image(48, 32, seed=seed).save(out, "WEBP", quality=80)
    return out.getvalue()


def _gif(seed: int) -> bytes:
    out = io.BytesIO()
    product_image(16, 16, seed=seed).convert("P").save(out, "GIF")
    return out.getvalue()


def _place(root: Path, name: str, seed: int) -> Path:
    """Magento's dispersion: /f/i/first-two-letters/name."""
    path = root / name[0] / name[1] / name
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def build_media_tree(base: Path, pki: DevPki, counts: dict[str, int] | None = None) -> MediaTree:
    """Write the tree under `base/pub/media/catalog/product`; files outside it under `base/outside`."""
    counts = counts or COUNTS
    root = base / "pub" / "media" / "catalog" / "product"
    outside = base / "outside"
    root.mkdir(parents=True)
    outside.mkdir()
    tree = MediaTree(root, outside)
    signer = SignerConfig.from_files(pki.signer_chain, pki.signer_key)
    claim = GenerationClaim(model_name="sdxl-base", model_version="1.0", provider="stability.ai")
    makers = {
        "plain": lambda n: jpeg_bytes(product_image(48, 32, seed=n)),
        "gps": lambda n: jpeg_bytes(product_image(48, 32, seed=n), exif=camera_exif()),
        "xmp": _jpeg_with_xmp,
        "signed": lambda n: attach_manifest(
            jpeg_bytes(product_image(48, 32, seed=n)), "image/jpeg", signer, claim
        ),
        "tampered": lambda n: tamper_jpeg(
            attach_manifest(jpeg_bytes(product_image(64, 48, seed=n)), "image/jpeg", signer, claim)
        ),
        "png": lambda n: png_bytes(product_image(48, 32, seed=n)),
        "webp": _webp,
    }
    extension = {"png": ".png", "webp": ".webp"}
    seed = 0
    for kind, count in counts.items():
        for n in range(count):
            seed += 1
            name = f"{kind}-{n:03d}{extension.get(kind, '.jpg')}"
            _place(root, name, seed).write_bytes(makers[kind](seed))
            tree.kinds[f"{name[0]}/{name[1]}/{name}"] = kind

    def skip(relative: str, reason: str) -> Path:
        tree.skipped[relative] = reason
        path = root / relative.rstrip("/")
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    skip("n/o/notes.jpg", "file.not_image").write_text("not an image, despite its name\n")
    skip("n/o/manual.pdf", "file.not_image").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    skip(".DS_Store", "file.not_image").write_bytes(b"\x00\x00\x00\x01Bud1" + b"\x00" * 32)
    skip("a/n/animated.gif", "file.unsupported_type").write_bytes(_gif(1))
    for n in range(3):
        skip(f"e/m/empty-{n}.jpg", "file.empty").write_bytes(b"")
    os.mkfifo(skip("f/i/fifo.jpg", "file.not_regular"))
    skip("d/a/dangling.jpg", "file.unreadable").symlink_to(root / "d" / "a" / "gone.jpg")
    loop = skip("l/o/loop.jpg", "file.unreadable")
    loop.symlink_to(loop)
    secret = outside / "secret.jpg"
    secret.write_bytes(jpeg_bytes(product_image(32, 32, seed=999)))
    skip("o/u/escape.jpg", "path.outside_root").symlink_to(secret)
    skip("o/u/escape-relative.jpg", "path.outside_root").symlink_to(
        Path("../../../../../../outside/secret.jpg")
    )
    skip("o/u/escape-dir/", "path.outside_root").symlink_to(outside, target_is_directory=True)
    skip("p/l/linked-dir/", "dir.symlink").symlink_to(root / "p", target_is_directory=True)
    # Derived folders: one line each, their files never.
    for folder in ("cache", ".thumbs", ".renditions"):
        tree.skipped[f"{folder}/"] = "dir.derived"
        for n in range(4 if folder == "cache" else 1):
            rendition = root / folder / "f3a9c0" / "p" / "l" / f"plain-{n:03d}.jpg"
            rendition.parent.mkdir(parents=True, exist_ok=True)
            rendition.write_bytes(jpeg_bytes(product_image(24, 16, seed=n)))
            tree.not_walked.append(rendition.relative_to(root).as_posix())
    # A link to an image inside the tree is decided like the file; a folder named like an image is walked.
    (root / "i" / "n").mkdir(parents=True)
    (root / "i" / "n" / "inside-link.jpg").symlink_to(root / "p" / "l" / "plain-000.jpg")
    tree.kinds["i/n/inside-link.jpg"] = "plain"
    folder = root / "f" / "o" / "folder.jpg"
    folder.mkdir(parents=True)
    (folder / "in-folder.jpg").write_bytes(jpeg_bytes(product_image(48, 32, seed=4242)))
    tree.kinds["f/o/folder.jpg/in-folder.jpg"] = "plain"
    return tree


def image_files(tree: MediaTree, kind: str) -> list[str]:
    """The relative paths of one kind of image."""
    return sorted(path for path, k in tree.kinds.items() if k == kind)


def reencode(data: bytes, *, size: tuple[int, int] | None = None, quality: int = 80) -> bytes:
    """What Magento does to an upload or a rendition: decode, maybe resize, encode again (no metadata)."""
    image = Image.open(io.BytesIO(data))
    image.load()
    if size is not None:
        image = image.resize(size)
    out = io.BytesIO()
    image.convert("RGB").save(out, "JPEG", quality=quality)
    return out.getvalue()
