"""LOCATION under keys: coordinates under latitude, longitude and GPS keys, and any address under an
address, street or postcode key (the keyed half of location.py, which reads free text)."""

from __future__ import annotations

import re
from typing import Any

from gate.scanning.context import key_fragments
from gate.scanning.detectors.keyed import table_keys
from gate.scanning.detectors.keyed_rule import KeyedRule, keyset

_MAX_LAT = 90.0
_MAX_LNG = 180.0

# XMP's GPSCoordinate, as EXIF in XMP and C2PA's stds.exif write it: "39,21.102N" or "39,21,6.1N".
_XMP_COORDINATE = re.compile(r"\s*(\d{1,3}),(\d{1,2}(?:\.\d+)?)(?:,(\d{1,2}(?:\.\d+)?))?\s*([NSEW])\s*")


def _coordinate(value: Any, bound: float) -> bool:
    if isinstance(value, str):
        xmp = _XMP_COORDINATE.fullmatch(value)
        if xmp is not None:
            degrees, minutes, seconds = int(xmp[1]), float(xmp[2]), float(xmp[3] or 0)
            return 0 < degrees + minutes / 60 + seconds / 3600 <= bound and (minutes or seconds) > 0
        try:
            value = float(value.strip())
        except ValueError:
            return False
        # A string like "48" is too coarse to locate anyone.
    if isinstance(value, bool) or not isinstance(value, float):
        return False
    return value != 0 and abs(value) <= bound and not value.is_integer()


def _latitude(value: Any) -> bool:
    return _coordinate(value, _MAX_LAT)


def _longitude(value: Any) -> bool:
    return _coordinate(value, _MAX_LNG)


def _coordinates(value: Any) -> bool:
    if isinstance(value, list | tuple):
        return (
            len(value) in (2, 3)
            and all(_longitude(v) or isinstance(v, int) for v in value)
            and any(_longitude(v) for v in value)
        )
    return isinstance(value, dict) and len(value) > 0


def _postal(value: Any) -> bool:
    if isinstance(value, str):
        return any(ch.isalnum() for ch in value)
    if isinstance(value, list | tuple):
        return any(_postal(item) for item in value)
    return isinstance(value, dict) and len(value) > 0


# A postcode written as a JSON number (`{"zip": 10115}`, `{"plz": 80331}`): three to seven digits.
_POSTCODE_NUMBERS = range(100, 10_000_000)


# English makes compounds of "street" and one word ("streetwear", "street food", "street art"): under a
# key named only "street", one lower-case word of letters ("wear", "food") is that compound's other half,
# not an address. A street's name is capitalised, numbered, or ends as street names do ("hauptstrasse").
_STREET_COMPOUND = re.compile(r"[a-z]{2,20}")
_STREET_ENDINGS = (
    "street", "road", "avenue", "lane", "drive", "strasse", "straße", "str", "weg", "gasse", "allee", "platz",
    "straat", "laan", "gracht", "gade", "gatan", "gata", "vej", "veien", "vegen", "utca", "katu", "tie",
    "iela", "gatve", "ulica", "cesta",
)  # fmt: skip


def _street(value: Any) -> bool:
    if (
        isinstance(value, str)
        and _STREET_COMPOUND.fullmatch(value) is not None
        and not value.endswith(_STREET_ENDINGS)
    ):
        return False
    return _postal(value)


def _postcode(value: Any) -> bool:
    if isinstance(value, int) and not isinstance(value, bool):
        return value in _POSTCODE_NUMBERS
    return _postal(value)


KEYED_RULES: tuple[KeyedRule, ...] = (
    KeyedRule("LOCATION", "location.address_key", keyset("street"), _street),
    # ... but a customer's or a shipment's street is an address whatever it reads: {"street": "elm"}.
    KeyedRule("LOCATION", "location.address_key", keyset("street"), _postal, owner_only=True),
    KeyedRule(
        "LOCATION", "location.latitude_key", keyset("lat latitude gps_latitude geo_lat gps_lat"), _latitude
    ),
    KeyedRule(
        "LOCATION",
        "location.longitude_key",
        keyset("lng lon long longitude gps_longitude geo_lng geo_lon gps_lng gps_lon"),
        _longitude,
    ),
    KeyedRule(
        "LOCATION",
        "location.coordinates_key",
        keyset("gps coordinates coords geo geolocation latlng lat_lng lat_lon gps_coordinates"),
        _coordinates,
    ),
    KeyedRule("LOCATION", "location.postcode_key", table_keys("postcode"), _postcode),
    KeyedRule(
        "LOCATION",
        "location.address_key",
        # An address's keys and its postcode's, in the languages of data/keys.toml (read by splits.py too).
        table_keys("address") | table_keys("postcode"),
        _postal,
        # Anywhere in a key of a script without spaces: "お客様の住所", "收货地址", "배송주소".
        fragments=key_fragments(
            "住所",
            "地址",
            "주소",
            "عنوان_الشحن",
            "عنوان_التوصيل",
            "العنوان_البريدي",
            "כתובת",
            "мекенжай",
            "хаяг",
            "მისამართი",
            "հասցե",
            "አድራሻ",
            "पत्ता",
            "पता",
            "ঠিকানা",
            "முகவரி",
            "پتہ",
            "آدرس",
            "نشانی",
            "ที่อยู่",
            "ທີ່ຢູ່",
            "អាសយដ្ឋាន",
            "လိပ်စာ",
            "địa_chỉ",
        ),
    ),
)
