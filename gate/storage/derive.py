"""Publish the bytes a derivation produced, or the bytes an earlier run of it published, through any store.

c2pa salts every signature, so evaluating the same input twice gives different bytes. The first bytes
published for a derivation key (input, policy, signer; `gate.storage.derivations.derivation_key`) are
the only ones ever named in a decision record: a redo, in this instance or in another after a rebalance,
adopts them.

Order matters: the object is written before its index entry, so an entry always names bytes that exist.
Two instances deriving at once each write their own object (different sha256, so no conflict), then race
on the entry with a conditional put; the store settles it, exactly one wins, and the loser publishes the
winner's bytes, not its own. The loser's object, named by no decision, is marked superseded (on S3 a tag
that a lifecycle rule can expire; see README "Storage").
"""

from __future__ import annotations

from dataclasses import dataclass

from gate.storage.base import PublishedStore, Segment


@dataclass(frozen=True, slots=True)
class Published:
    """The bytes that stand for a derivation, and where the store keeps them."""

    data: bytes
    uri: str


def publish_derived(
    store: PublishedStore, key: str, data: bytes, media_type: str, segment: Segment
) -> Published:
    """Publish `data` for derivation `key`, unless bytes were published for it before: then those."""
    earlier = store.recall(key)
    previous = store.get(earlier, media_type, segment) if earlier else None
    if previous is None:
        # First time (or the entry's object was lost): publish ours, unless a concurrent writer won the key.
        ours = store.put(data, media_type, segment)
        winner = store.remember(key, ours.sha256)
        if winner == ours.sha256:
            return Published(data=data, uri=ours.uri)
        previous = store.get(winner, media_type, segment)
        if previous is not None:
            store.supersede(ours.sha256, media_type, segment)  # ours is named by no decision
        else:
            # The winner's bytes were removed (a takedown): ours exist; no decision can name the lost ones.
            return Published(data=data, uri=ours.uri)
    return Published(data=previous, uri=store.locate(previous, media_type, segment).uri)
