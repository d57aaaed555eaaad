"""TRACKING_ID: an advertising click identifier in a URL or a cookie (`gclid=...`, `fbclid=...`), and an
analytics visitor id (`_ga=GA1.2.1234567890.1698765432`, `ajs_anonymous_id`, `_uetvid`).

An ad platform appends a click identifier to the landing page's URL (Google's gclid, gbraid and wbraid,
Meta's fbclid, Microsoft's msclkid, TikTok's ttclid ...) and its pixel keeps it in a first-party cookie
(`_fbc`, `_gcl_aw`): it ties the visit to one person's click on one ad and follows them through the
shop, an online identifier of GDPR Recital 30. Under its own key (`"gclid": "..."`), and as a hashed
e-mail or phone number kept for audience matching (`"hashed_email": "<sha256>"`: pseudonymised
personal data, Art. 4(5)), the key says it: `data/keys.toml` [tracking_id], read by `keyed`.
"""

from __future__ import annotations

import re

from gate.scanning.detectors.base import (
    HAS_DIGIT,
    HAS_SEPARATOR,
    PatternDetector,
    PatternRule,
    Text,
    any_word,
)
from gate.scanning.script_facts import HAS_NON_HEX

# The parameter and cookie names the platforms publish. An email newsletter's subscriber id in a
# link (Mailchimp's mc_eid, HubSpot's _hsenc, Marketo's mkt_tok, Klaviyo's _kx) names the reader too.
CLICK_ID_NAMES = (
    "gclid", "gbraid", "wbraid", "dclid", "gclsrc", "_gcl_aw", "_gcl_dc", "_gcl_gb", "_gcl_au",
    "fbclid", "_fbc", "msclkid", "ttclid", "twclid", "li_fat_id", "yclid", "ymclid", "sccid",
    "scclid", "rdt_cid", "irclickid", "epik", "mc_eid", "_hsenc", "mkt_tok", "_kx", "vero_id",
    "s_kwcid", "ef_id", "obclid", "zanpid", "awc",
    # analytics' visitor-id cookies, as a cookie header or a browser's export writes them
    "_fbp", "ajs_anonymous_id", "ajs_user_id", "_uetvid", "_uetsid", "_ttp", "_scid",
    "_clck", "_pk_id", "s_vi", "s_ecid", "_shopify_y", "_hjSessionUser",
)  # fmt: skip
_CLICK_ID = re.compile(
    r"(?i)(?<![\w\-])(?:" + "|".join(re.escape(name) for name in CLICK_ID_NAMES) + r")"
    # (a cookie's name may carry the site's id: "_hjSessionUser_1234")
    r"(?:_[A-Za-z0-9]{1,24})?\s*[=:]\s*[\"']?(?P<value>[A-Za-z0-9%._\-~!*|]{8,2048})"
)
# Google Analytics' client id as its `_ga` cookie holds it, wherever it is written, whole (a random number
# and the first visit's time): "GA1.2.1234567890.1698765432". A cut-off one ("GA1.2.48213") names no one.
_GA_CLIENT_ID = re.compile(r"(?<![\w.])GA1\.\d\.\d{5,12}\.\d{9,10}(?![\w.])")


def _identifier(match: re.Match[str], text: Text) -> bool:
    """Digits with letters, or a long run of digits: `gclid=test` and `fbclid=undefined` are no one's."""
    value = match.group("value")
    return sum(ch.isdigit() for ch in value) >= 2 and (any(ch.isalpha() for ch in value) or len(value) >= 12)


DETECTOR: PatternDetector = PatternDetector(
    entity="TRACKING_ID",
    needs=HAS_SEPARATOR | HAS_DIGIT,
    # (hexfast26) Both rules need a digit and a name no hash or UUID spells ("gclid=", "GA1."): every
    # name holds a character other than a hex digit or "-" (tested).
    requires=HAS_DIGIT | HAS_NON_HEX,
    rules=(
        PatternRule(
            "tracking.click_id", _CLICK_ID, _identifier, any_word(CLICK_ID_NAMES), HAS_SEPARATOR | HAS_DIGIT
        ),
        PatternRule("tracking.ga_client_id", _GA_CLIENT_ID, when=any_word(("ga1.",)), requires=HAS_DIGIT),
    ),
)
