"""Which C2PA status code decides a manifest's state: the cause a reviewer reads, not c2pa's first code.

c2pa-rs lists failure codes in the order its checks happened to log them, so `signingCredential.untrusted`
often comes first even when the claim signature or the data hash no longer matches. The C2PA validation
rules (specification 2.x, "Validation": locate the manifest, validate the claim signature and its
credential, the time-stamp, the assertions, the ingredients, then the content binding) give the order
used here instead: the earliest step that failed is the cause. Codes that only say whether a valid
manifest is also *trusted* (an unknown signer or time-stamp authority, a CAWG identity that could not be
checked) never make a manifest invalid, so they rank last; c2pa-rs tolerates the same set
(`is_tolerated_manifest_failure_code`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

# Codes that do not make a manifest invalid: they only withhold trust.
TRUST_ONLY_CODES: Final = frozenset(
    {
        "signingCredential.untrusted",
        "timeStamp.untrusted",
        "signingCredential.ocsp.inaccessible",
        "signingCredential.ocsp.skipped",
        "signingCredential.ocsp.unknown",
    }
)
TRUST_ONLY_PREFIXES: Final = ("cawg.",)

# The credential was good once but is not valid at the time the gate can prove: an expired signer without a
# trusted time-stamp. The content is intact; nobody vouches for it any more.
EXPIRED_CODES: Final = frozenset({"signingCredential.expired", "claimSignature.outsideValidity"})

# Validation steps in the order the specification takes them; the first failing step decides.
_STEPS: Final[tuple[tuple[str, frozenset[str], tuple[str, ...]], ...]] = (
    (
        "structure",
        frozenset({"claimSignature.missing", "hashedURI.missing", "general.error", "algorithm.unsupported"}),
        ("claim.", "manifest."),
    ),
    ("signature", frozenset({"claimSignature.mismatch"}), ()),
    (
        "credential",
        frozenset({"signingCredential.invalid", "signingCredential.ocsp.revoked", *EXPIRED_CODES}),
        ("timeStamp.",),
    ),
    # Every other "assertion." code is this step's too (see _rank): content-binding codes share the prefix.
    ("assertion", frozenset({"hashedURI.mismatch"}), ()),
    ("ingredient", frozenset(), ("ingredient.",)),
    (
        "content-binding",
        frozenset({"assertion.multipleHardBindings"}),
        ("assertion.dataHash.", "assertion.boxesHash.", "assertion.bmffHash.", "assertion.collectionHash."),
    ),
)
_ASSERTION_STEP: Final = 3
_UNKNOWN_STEP: Final = len(_STEPS)
_TRUST_STEP: Final = _UNKNOWN_STEP + 1
_IDENTITY_STEP: Final = _TRUST_STEP + 1  # CAWG identity assertions: about a named party, not the manifest

# What a status code looks like; anything else is not passed on (a code is published in decisions).
_CODE: Final = re.compile(r"[A-Za-z][A-Za-z0-9_.\-]{0,79}")


def is_identity(code: str) -> bool:
    """True for CAWG identity-assertion codes (`cawg.*`): whether a named party's credential checks out."""
    return code.startswith(TRUST_ONLY_PREFIXES)


def is_trust_only(code: str) -> bool:
    """True for codes that withhold trust but never make a manifest invalid."""
    return code in TRUST_ONLY_CODES or code.startswith(TRUST_ONLY_PREFIXES)


def step_of(code: str) -> str:
    """The validation step a failure code belongs to ("signature", "content-binding", ...)."""
    rank = _rank(code)
    if rank < _UNKNOWN_STEP:
        return _STEPS[rank][0]
    return {_TRUST_STEP: "trust", _IDENTITY_STEP: "identity"}.get(rank, "other")


def _rank(code: str) -> int:
    if is_identity(code):
        return _IDENTITY_STEP
    if is_trust_only(code):
        return _TRUST_STEP
    for rank, (_, exact, prefixes) in enumerate(_STEPS):
        if code in exact or (prefixes and code.startswith(prefixes)):
            return rank
    if code.startswith("assertion."):
        return _ASSERTION_STEP
    return _UNKNOWN_STEP


def by_decisiveness(active: Iterable[str], ingredients: Iterable[str] = ()) -> tuple[str, ...]:
    """Every distinct code, the deciding one first.

    `active` are the active manifest's own failures, `ingredients` those c2pa-rs reports per ingredient
    (its `ingredientDeltas`). The active manifest's failures outrank its ingredients'. Among an
    ingredient's, what the active manifest found about it (`ingredient.manifest.mismatch`: the ingredient
    changed after it was signed in) comes before what is wrong inside it. Then the earlier validation
    step wins, then c2pa's order. Malformed codes are dropped.
    """
    ranked: dict[str, tuple[bool, int, int, int]] = {}
    for section, codes in enumerate((active, ingredients)):
        for order, code in enumerate(codes):
            if isinstance(code, str) and _CODE.fullmatch(code) and code not in ranked:
                rank = _rank(code)
                if section and code.startswith("ingredient."):
                    rank = -1
                ranked[code] = (rank >= _TRUST_STEP, section, rank, order)
    return tuple(sorted(ranked, key=ranked.__getitem__))
