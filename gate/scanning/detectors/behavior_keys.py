"""BEHAVIORAL_DATA under a key that says, in its words, what a shopper did: "last_searches",
"viewed_categories", "because_you_bought", "previously_purchased", "recentlyClickedBrands".

`data/keys.toml` lists the usual names whole ("browsing_history", "recently_viewed"); personalisation
payloads (Klaviyo, Braze, Segment traits, a shop's own recommender) name the same things in endless
combinations. A key counts when one of its words is something a person did on the shop (viewed,
searched, bought, clicked ...) and another says it is theirs over time (last, recent, previously,
because) or a list of what they did it to (products, categories, brands, terms). What the shop counts
over all its customers is not one person's behaviour: "most_viewed", "customers_also_bought",
"frequently_bought_together", "view_count" stay clean.
"""

from __future__ import annotations

from gate.scanning.context import KeyInfo
from gate.scanning.detectors.keyed_rule import KeyedRule, non_empty

_DID = frozenset(
    (
        "viewed", "searched", "searches", "bought", "purchased", "purchases", "ordered", "clicked", "browsed",
        "visited", "watched", "liked", "carted", "abandoned",
    )
)  # fmt: skip
_THEIRS = frozenset(
    (
        "last", "recent", "recently", "previous", "previously", "past", "because", "history", "your", "user",
        "users", "customer", "customers", "shopper", "visitor", "my",
    )
)  # fmt: skip
_WHAT = frozenset(
    (
        "products", "items", "categories", "category", "pages", "urls", "brands", "skus", "terms", "queries",
        "keywords", "collections", "articles", "listings",
    )
)  # fmt: skip
# The shop's own figures over all its customers.
_AGGREGATE = frozenset(
    (
        "most", "top", "popular", "trending", "best", "together", "also", "total", "count", "counts", "num",
        "number", "rate", "ratio", "avg", "average", "rank", "ranking", "score", "others", "people",
    )
)  # fmt: skip


class BehaviorKeyRule(KeyedRule):
    """`KeyedRule` whose keys are read by their words (see the module docstring)."""

    __slots__ = ()

    def matches(self, key: KeyInfo) -> bool:
        """True if the key's words name what one shopper did."""
        words = set(key.local.split("_")) if key.local else set()
        words |= set(key.norm.split("_"))
        if not words & _DID or words & _AGGREGATE:
            return False
        # "customers" is the shop's too when nothing says "theirs": "customers_viewed" alone counts not.
        return bool(words & _WHAT) or bool(words & (_THEIRS - {"customers", "users"}))


KEYED_RULES: tuple[KeyedRule, ...] = (
    BehaviorKeyRule("BEHAVIORAL_DATA", "behavior.key_words", frozenset(), non_empty),
)
