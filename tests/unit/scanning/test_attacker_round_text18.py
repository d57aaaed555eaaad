# ruff: noqa: RUF001 - text of other scripts, on purpose
"""The eighteenth attacker round on text (text18): attacker_round_text18.json, written before reading the
detectors, on personal data in shapes no earlier round used: voice-assistant transcripts with the numbers
spoken as words (in twenty-eight languages), e-mail addresses written out in words ('arroba',
'Klammeraffe', 'собака', 'chiocciola', 'kukac', 'アットマーク', '골뱅이', 'कमर्शियल एट'), buyers'
messages on marketplaces (eBay, Allegro, Mercado Libre, Rakuten, Zalando, Bol, Cdiscount, Otto, Trendyol,
Flipkart, Shopee, Lazada, Coupang, Ozon, Wildberries, Jumia, Noon, eMAG, Daraz, Takealot ...), CRM notes,
customer-service macros, RMA forms, loyalty-card exports and live-chat logs; personal data in a URL's path
or fragment, a data: URI, hex, base32 and base85; JSON escaped twice, YAML, TOML and INI in a string, HTTP
request dumps, HAR entries, Set-Cookie lines, a JWT's payload, key=value log lines, Markdown tables, LaTeX
and RTF; special categories (health, religion, politics, trade unions, sexual orientation, convictions,
biometrics) said of a customer; dates of birth in the Hijri, Buddhist, Japanese-era, Hebrew, Persian,
Minguo, Dangi, Vikram Samvat and Ethiopian calendars; round 16-17's open classes in these shapes; and a
person's mailbox that reads like a role ('info@anna-kowalska.pl', a free-mail account). Sixty of the found
records come again disguised (Cyrillic look-alikes in cue words, combining marks, a right-to-left
embedding or isolate, a line break, zero-width spaces, base64 of percent-encoding, the value written as a
key). The clean neighbours are the same shapes with catalogue words, order and tracking numbers, spoken
quantities, '@' and its names as product motifs ('una arroba de café', 'собака породы хаски'), awareness
and faith merchandise, calendars of those eras, and a shop's role mailboxes; forty disguised the same way.

The IBANs are valid (python-stdnum), the phone numbers valid (phonenumbers). A "found" record must yield
its expected entity type; a "clean" one no finding at all. What stays open is a strict xfail with its class.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_text18.json")

_SPOKEN = (
    "a phone number spoken as words in French (tens: 'douze, trente-quatre'), Russian, Turkish, Ukrainian "
    "and Hungarian (hundreds and tens: 'девятьсот двадцать шесть', 'beş yüz kırk bir'), Danish ('otte og "
    "tyve'), Indonesian, Korean (Sino-Korean digits '공일공'), Hindi, Arabic, Finnish and Romanian digits "
    "(phone_words.py: helper numbers18's)"
)
_CALL_VERB = (
    "a national phone number after a call or contact verb of a language the phone cues lack (Tagalog "
    "'pakitext', Bulgarian 'звъни на', Estonian 'helistage', Tamil, Zulu 'ku-', Uzbek 'raqamiga'): "
    "phone*.py (numbers19 closed Japanese 'までご連絡' and Korean '로 연락': a call's phrase after the "
    "number)"
)

# What the scanner still misses, by a string of the record, and why (the class, not the example).
_OPEN: dict[str, str] = {
    "rappelez-moi au zéro six": _SPOKEN,
    "мой номер восемь": _SPOKEN,
    "numaram sıfır": _SPOKEN,
    "nomor saya nol": _SPOKEN,
    "제 번호는 공일공": _SPOKEN,
    "मेरा नंबर है नौ": _SPOKEN,
    "رقمي صفر": _SPOKEN,
    "a számom nulla": _SPOKEN,
    "mit nummer er otte": _SPOKEN,
    "numeroni on nolla": _SPOKEN,
    "numărul meu este zero": _SPOKEN,
    "мій номер нуль": _SPOKEN,
    "pakitext na lang ako sa": _CALL_VERB,
    "звъни на 088": _CALL_VERB,
    "kohaletoimetamist 5827 3619": _CALL_VERB,
    "94448 27361": _CALL_VERB,
    "ku-082 173 8291": _CALL_VERB,
    "90 182 73 64 raqamiga": _CALL_VERB,
}

# A clean record flagged, by a string of the record, and why.
_FALSE_FLAGS: dict[str, str] = {}


@pytest.mark.parametrize(("params", "entity"), attacker_round.found_cases(_ROUND, _OPEN))
def test_personal_data_is_found(params: dict[str, Any], entity: str) -> None:
    assert entity in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", attacker_round.clean_cases(_ROUND, _FALSE_FLAGS))
def test_clean_record_stays_clean(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []


def test_round_covers_forty_languages() -> None:
    # Sixty-one languages, as written before the detectors were read.
    assert len(attacker_round.languages(_ROUND)) >= 40
    assert len(_ROUND["found"]) >= 250 and len(_ROUND["clean"]) >= 200
