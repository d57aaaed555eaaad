"""Which published bytes an input led to, so a redo publishes the same bytes again.

c2pa salts every assertion with random bytes, so signing the same image twice gives different bytes.
After a crash or a rebalance the gate re-evaluates a batch; without this index the redo would publish a
second, different signed image and a different decision record. The first writer of a derivation wins
(an exclusive hard link), and every later evaluation of the same input reuses its output.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from pathlib import Path

_KEY = re.compile(r"[0-9a-f]{64}")


def derivation_key(*parts: bytes) -> str:
    """A key for "these inputs, this policy, this signer": sha256 over the parts' own hashes."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


class DerivationIndex:
    """Maps derivation keys to the sha256 of the bytes first published for them (files under `root`)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root) / "derived"

    def recall(self, key: str) -> str | None:
        """The output sha256 recorded for `key`, or None."""
        try:
            text = self._path(key).read_text("ascii").strip()
        except (FileNotFoundError, UnicodeDecodeError):
            # Absent, or damaged past reading (a torn disk block): derived again, like any unusable entry.
            return None
        return text if _KEY.fullmatch(text) else None

    def remember(self, key: str, sha256: str) -> str:
        """Record `sha256` for `key` unless another writer was first; return the sha256 that won."""
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "w", encoding="ascii") as handle:
                handle.write(sha256)
                handle.flush()
                os.fsync(handle.fileno())
            try:
                os.link(temp, path)  # atomic and exclusive: fails if the key exists
            except FileExistsError:
                winner = self.recall(key)
                return winner if winner is not None else sha256
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)
        return sha256

    def _path(self, key: str) -> Path:
        if not _KEY.fullmatch(key):
            raise ValueError("derivation key must be 64 lowercase hexadecimal digits")
        return self.root / key[:2] / key
