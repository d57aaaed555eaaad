# ruff: noqa: RUF003 - text of other scripts, on purpose
"""The sixteenth attacker round on text (text16): attacker_round_text16.json, written before reading the
detectors, on personal data in the shapes of tools no earlier round used: Stable Diffusion WebUI Forge
infotext, Kohya training captions and LoRA metadata (`ss_*` keys, a caption as a key of
`ss_tag_frequency`), CivitAI resources, Replicate and fal.ai prediction inputs, OpenAI image edits,
Vertex Imagen, Bedrock Titan and Nova Canvas, Leonardo, Ideogram, Recraft, Canva, Adobe Express, Akeneo
and Salsify PIM exports, Shopware, PrestaShop and BigCommerce orders, Klaviyo and Braze payloads,
Segment and RudderStack events, CDP traits; a CSV row, YAML and TOML in a string, base64 and
percent-encoded JSON, a JWT's payload, query strings, a data URI, a Markdown table, an HTML e-mail, a
value written as a key. A third of the found records come again disguised: Cyrillic homoglyphs in the
cue words, combining marks, a right-to-left embedding or isolate, fullwidth digits, a line break inside
the value, zero-width spaces, and encodings nested two deep. The clean neighbours are catalogue copy in
the same shapes (numbers like versions, OIDs, prices, GTINs, lot numbers, release dates; health,
religion and pride merchandise; streets as collection names), disguised the same way; a signed JWT is a
bearer credential whatever it carries, so no clean record has one.

The ids, IBANs and cards are generated valid (python-stdnum, Luhn). A "found" record must yield its
expected entity type; a "clean" one no finding at all. What stays open is a strict xfail with its class.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_text16.json")

_ADDRESS_LABEL = "a Hungarian address (postcode, city, street) after its label 'szállítási cím:'"

# What the scanner still misses, by a string of the record, and why (the class, not the example). Text18
# closed the last: a birth key in a query string ("date_of_birth=1984-03-12&..."), a line break standing
# for a number's separator ("sünniaeg 12\n03.1984", "+7\n916 123-45-67"), the Russian condition before its
# verb ("у моего отца инсульт был") and, on the clean side, the shops' role mailboxes
# (detectors/email_role.py).
_OPEN: dict[str, str] = {}

# Values the scanner names by another type than the round's author did (the record is still held).
_NAMED_OTHERWISE: dict[str, str] = {
    "username: jmills84": "SESSION_TOKEN",  # a password after its word
    "eyJwcm9tcHQiOiAidXNlcm5hbWU6": "SESSION_TOKEN",
    "for my son Leo": "PERSON",  # the child's name; a child's age and school are not read on their own
    '"design_token"': "SESSION_TOKEN",  # a signed JWT, whatever its payload holds
}

_DISPLAY_NAME = (
    "BigCommerce's product option label under 'display_name' read as a person's display name "
    "(person.name_key: helper names16's)"
)

# A clean record flagged, by a string of the record, and why.
_FALSE_FLAGS: dict[str, str] = {
    '"display_name": "Engraving"': _DISPLAY_NAME,
}


@pytest.mark.parametrize(("params", "entity"), attacker_round.found_cases(_ROUND, _OPEN, _NAMED_OTHERWISE))
def test_personal_data_is_found(params: dict[str, Any], entity: str) -> None:
    assert entity in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", attacker_round.clean_cases(_ROUND, _FALSE_FLAGS))
def test_clean_record_stays_clean(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []


def test_round_covers_sixty_languages() -> None:
    assert len(attacker_round.languages(_ROUND)) >= 60
    assert len(_ROUND["found"]) >= 250 and len(_ROUND["clean"]) >= 200
