"""What a shopper did, under a key that says it in its own words, and analytics' visitor ids (the lead's
probes of the eighteenth session, written before reading the detectors).

Personalisation payloads (Klaviyo, Braze, Segment traits, a shop's recommender) name browsing and
purchase history in combinations no list holds ("last_searches", "viewed_categories",
"because_you_bought"): they were approved. So were analytics' visitor ids, cookie identifiers of GDPR
Recital 30: Google Analytics' `_ga` client id (under its key, in a cookie string, or alone in a log
line), Segment's `ajs_anonymous_id`, Mixpanel's distinct id, Amplitude's device id. The shop's own
figures over all customers ("most_viewed", "customers_also_bought", "view_count") stay clean.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters

_BEHAVIOUR: list[dict[str, Any]] = [
    {"user": {"last_searches": ["pregnancy test", "baby names"]}},
    {"signals": {"viewed_categories": ["maternity", "baby"]}},
    {"rec": {"because_you_bought": ["insulin cooler bag"]}},
    {"traits": {"recentlyClickedBrands": ["Acme"]}},
    {"profile": {"previously_purchased": ["sku-1", "sku-2"]}},
    {"klaviyo": {"properties": {"Last Viewed Products": ["Red Dress"]}}},
    {"braze": {"custom_attributes": {"recently_watched_items": ["video-9"]}}},
    {"segment": {"traits": {"searched_terms": ["wedding rings"]}}},
]
_VISITOR_IDS: list[dict[str, Any]] = [
    {"cookies": {"_ga": "GA1.2.1234567890.1698765432"}},
    {"visitor": {"ga_client_id": "GA1.2.1234567890.1698765432"}},
    {"prompt": "hero", "debug": "cookies: _ga=GA1.1.555666777.1701234567; theme=dark"},
    {"prompt": "hero", "log": "client GA1.2.1234567890.1698765432 saw the banner"},
    {"context": {"ajs_anonymous_id": "a1b2c3d4-e5f6-7890-abcd-ef1234567890"}},
    {"event": {"anonymous_id": "a1b2c3d4-e5f6-7890-abcd-ef1234567890"}},
    {"amplitude_device_id": "d3b07384-d9a0-4c9b-8f1e-1234567890ab"},
    {"mixpanel": {"mp_distinct_id": "18c1a2b3c4d-0e1f2a3b4c5d6e-26031f51-1fa400-18c1a2b3c4e1"}},
    {"request": {"cookie_header": "_uetvid=3f1e2d4c5b6a11ee9c8b7a6f5e4d3c2b; lang=en"}},
]
_CLEAN: list[dict[str, Any]] = [
    {"most_viewed": ["sku-1"]},
    {"customers_also_bought": ["sku-2"]},
    {"frequently_bought_together": ["sku-3", "sku-4"]},
    {"stats": {"view_count": 12, "top_searched_terms": ["dress"]}},
    {"product": {"viewed_at": "2024-01-01", "viewed": True}},
    {"ga": "1.0"},
    {"har": {"cookies": [{"name": "_ga", "value": "GA1.2.48213"}]}},  # cut off: no visitor in it
    {"visitor_id": "none"},
    {"prompt": "GA1.2 firmware 1234567.123456789, release notes"},
    {"prompt": "my_garden=123456789 plants in the catalogue shot"},
]


@pytest.mark.parametrize("params", _BEHAVIOUR)
def test_a_key_saying_what_a_shopper_did_is_behaviour(params: dict[str, Any]) -> None:
    assert {f.entity for f in scan_parameters(params)} == {"BEHAVIORAL_DATA"}


@pytest.mark.parametrize("params", _VISITOR_IDS)
def test_an_analytics_visitor_id_is_a_tracking_id(params: dict[str, Any]) -> None:
    assert "TRACKING_ID" in {f.entity for f in scan_parameters(params)}


@pytest.mark.parametrize("params", _CLEAN)
def test_the_shops_own_figures_stay_clean(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []
