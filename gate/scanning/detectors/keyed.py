"""CUSTOMER_ID and BEHAVIORAL_DATA: entities that only the key can reveal.

`"customer_id": 48213` looks like any number and `"cart": [...]` like any list; the key is the
evidence. An identifier counts when its value is a non-empty scalar (or a list holding one);
behavioural fields count when they hold anything at all.
"""

from __future__ import annotations

from typing import Any

from gate.scanning.detectors.base import KeyedRule, keyset, non_empty, non_empty_scalar


def _identifier(value: Any) -> bool:
    if isinstance(value, list | tuple):
        return any(non_empty_scalar(item) for item in value)
    return non_empty_scalar(value)


_ID_KEYS = (
    "customer_id customer_number customer_no customer_ref cust_id user_id uid userid account_id "
    "account_number client_id member_id membership_id shopper_id buyer_id visitor_id guest_id profile_id "
    "loyalty_id loyalty_number crm_id external_customer_id magento_customer_id shopify_customer_id"
)
_BEHAVIOR_KEYS = (
    "browsing_history search_history recently_viewed recently_viewed_products recent_views viewed_products "
    "viewed_items last_viewed cart cart_items cart_contents shopping_cart basket basket_items clickstream "
    "click_stream clicks purchase_history order_history past_orders previous_purchases purchased_items "
    "wishlist wish_list wishlist_items saved_items favorites favourites search_queries recent_searches "
    "page_views viewing_history user_behavior user_behaviour behavior behaviour"
)

KEYED_RULES = (
    KeyedRule("CUSTOMER_ID", "customer_id.key", keyset(_ID_KEYS), _identifier),
    # {"customer": {"id": 7}}: a bare id is a customer id when its object describes a person.
    KeyedRule("CUSTOMER_ID", "customer_id.owner", keyset("id number no ref"), _identifier, owner_only=True),
    KeyedRule("BEHAVIORAL_DATA", "behavior.key", keyset(_BEHAVIOR_KEYS), non_empty),
)
