# ruff: noqa: RUF001  (the multiplication sign is what people write in sizes)
"""National phone numbers without a cue word (`gate/scanning/detectors/phone_shapes.py`), truth tables.

Every number here was approved before: it was read only after "tel", "call" or a phone key. The clean
neighbours are the numbers product prompts are full of (sizes, lenses, dates, versions, codes, prices),
which must stay numbers.
"""

from __future__ import annotations

from datetime import date

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from gate.scanning import scan_parameters

PHONE = "PHONE_NUMBER"


def phones(value: object, key: str = "prompt") -> list[str]:
    return [f.detector for f in scan_parameters({key: value}) if f.entity == PHONE]


# As people write them: a trunk "0" and an area code, or the groupings of regions without a trunk.
UNCUED_NUMBERS = [
    "06 12 34 56 78",  # France, mobile
    "06.12.34.56.78",  # France, dotted
    "01 42 68 53 00",  # France, Paris
    "0151 23456789",  # Germany, mobile
    "030 901820",  # Germany, Berlin: nine digits
    "089/12345678",  # Germany, Munich, with a slash
    "0171-2345678",  # Germany, dashes
    "(020) 7946 0958",  # Britain, London, area code in parentheses
    "07700 900123",  # Britain, mobile
    "06-12345678",  # Netherlands, mobile
    "020 123 4567",  # Netherlands, Amsterdam
    "0470 12 34 56",  # Belgium, mobile
    "0664 1234567",  # Austria, mobile
    "078 123 45 67",  # Switzerland, mobile
    "085 012 3456",  # Ireland, mobile
    "02 1234 5678",  # Italy, Milan (the "0" is part of the number)
    "333 123 4567",  # Italy, mobile
    "612 345 678",  # Spain, mobile
    "91 123 45 67",  # Spain, Madrid
    "912 345 678",  # Portugal, mobile
    "21 234 5678",  # Portugal, Lisbon
    "512 345 678",  # Poland, mobile
    "601 123 456",  # Czechia, mobile
    "0912 123 456",  # Slovakia, mobile
    "694 123 4567",  # Greece, mobile
    "21 2345 6789",  # Greece, Athens
    "092 123 4567",  # Croatia, mobile
    "070 123 4567",  # Sweden, mobile
    "041 234 5678",  # Finland, mobile
    "0532 123 45 67",  # Turkey, mobile
    "(415) 555-0132",  # United States
    "415-555-0132",
    "415.555.0132",
]
# How they stand in prompts and fields: alone, in free text, after a size, before a unit-less word.
EMBEDDINGS = [
    "{}",
    "red ceramic mug on a marble table, {}, soft light",
    "Geschenk, bitte {} vor der Lieferung",
    "handbag, Größe 42, {} thanks",
    "({})",
    "note: {}.",
    "mon numéro : {}",
    "Nummer: {}",
]


@pytest.mark.parametrize("number", UNCUED_NUMBERS)
@pytest.mark.parametrize("embedding", EMBEDDINGS)
def test_a_national_number_without_a_cue_is_found(number: str, embedding: str) -> None:
    assert phones(embedding.format(number))


@pytest.mark.parametrize("number", [n for n in UNCUED_NUMBERS if n.lstrip("(").startswith("0")])
def test_a_number_beside_another_does_not_hide_one_with_a_trunk_zero(number: str) -> None:
    # The run "42 0151 23456789" is read group by group; a number without a trunk "0" counts only as
    # a whole run ("100 200 300 400" holds no "200 300 400").
    assert phones(f"handbag, Größe 42 {number} thanks")
    assert phones(f"{number} 40 cm")


@pytest.mark.parametrize("key", ["prompt", "notes", "caption", "alt_text", "title", "beschreibung"])
def test_found_under_keys_that_say_nothing_of_numbers(key: str) -> None:
    assert phones("0151 23456789", key=key)


# Numbers in product prompts: each must stay clean.
CLEAN_NEIGHBOURS = [
    "1024 x 1024",
    "3840 × 2160 px",
    "1920x1080, 16:9",
    "35 mm f/1.8, ISO 200, 1/250 s",
    "EAN 4006381333931",
    "GTIN 04006381333931",
    "GTIN 00270860919020",  # a padded GTIN-14, not "+27 ..."
    "order 1234567890",
    "Bestellnummer 0151 2345678",
    "Art.-Nr. 0123 456 789",
    "SKU 0451-2234-88",
    "ref. 030 901820 12",
    "2026-12-05 10:30",
    "05/12/2026 10:30",
    "05.12.2026",
    "31.12.2026 23:59",
    "v1.12.3",
    "version 10.0.19045.3803",
    "RAL 9010",
    "Pantone 19-4052 TCX",
    "seed 0384756291",
    "steps 30, cfg 7.5, seed 123456789",
    "prix 1 299 000 €",
    "€ 612 345 678",
    "612 345 678 EUR",
    "1 234 567 890 views",
    "#0F0F0F and #A1B2C3",
    "postcode 28014 Madrid, 75008 Paris",
    "10115 Berlin",
    "resolution 2048 1536 px",
    "Seed: 3482910023, Size: 1024x1024, Model hash: 31e35c80fc",
    "Lot 0212 3456 78",
    "ISBN 978-3-16-148410-0",
    "ISBN 978 0 306 40615 7",
    "ISBN 0-306-40615-2",
    "batch 2024 0512 3456",
    "dimensions 120 x 60 x 75 cm",
    "100 200 300 400",
    "sizes 36 38 40 42 44",
    "0800 123 4567",  # a toll-free line is a business's
    "0900 1234567",  # premium rate
    "0180 5 123456",  # shared cost
    "timestamp 1733400000",
    "IMG_0123 4567.jpg",
    "sd_xl_base_1.0.safetensors",
    "48.8566 2.3522",
    "192.168.100.200",
    "0.35 0.45 0.55 0.65",
    "4x-UltraSharp 1.5",
    "2024 2025 2026 collection",
    "1.299.000 Downloads",
    "pack of 12, 24 or 36",
]


@pytest.mark.parametrize("text", CLEAN_NEIGHBOURS)
def test_numbers_of_product_prompts_are_no_phone(text: str) -> None:
    assert phones(text) == []
    assert phones(f"product photo of a linen shirt, {text}, studio light") == []


@pytest.mark.parametrize("key", ["seed", "steps", "sku", "ean", "order_number", "width", "version", "price"])
def test_number_keys_keep_their_numbers(key: str) -> None:
    # A key that says "a number" holds while the value reads as one (`context.reads_as_number`).
    assert phones("0151 23456789", key=key) == []


def test_a_cue_still_reads_what_the_shapes_do_not() -> None:
    # Unread without a cue (a fixed line without a separator, eight digits), read after one as before.
    assert phones("0145678901") == []
    assert phones("45 47 97 51") == []
    assert phones("tel 0145678901") == ["phone.national"]
    assert phones("tel 0612345678") == ["phone.national"]
    assert phones("mobil 45 47 97 51") == ["phone.national"]


# Mobile numbers written without a separator, with their trunk "0": France, the Netherlands, Britain,
# Germany (11 and 12 digits), Italy's are read without it ("333 123 4567", grouped only).
UNGROUPED_MOBILES = [
    "0612345678",
    "0698765432",
    "07911123456",
    "01701234567",
    "015123456789",
    "0031612345678",
]
UNGROUPED_CLEAN = [
    "0145678901",  # a Paris fixed line: fixed-line ranges cover most digit strings
    "0123456789",  # counting digits
    "4006381333931",  # an EAN-13 (no trunk "0")
    "015123456788",  # twelve digits whose last is a valid GS1 check digit: a barcode
    "seed 0612345678",
    "order 0612345678",
    "SKU 07911123456",
    "model 0612345678",
    "Modell 07911123456",
    "item 0612345678",
    "code 015123456789",
    "0612345678 EUR",
    "0612345678.jpg",
    "IMG_0612345678",
    "v0612345678",
    "1.0612345678",
    "20261205",
]


@pytest.mark.parametrize("text", UNGROUPED_MOBILES)
def test_a_mobile_number_without_separators_is_found(text: str) -> None:
    assert phones(text) != []
    assert phones(f"call me on {text} after six") != []


@pytest.mark.parametrize("text", UNGROUPED_CLEAN)
def test_digits_without_separators_that_are_no_mobile_number_stay_clean(text: str) -> None:
    assert phones(text) == []
    assert phones(f"product photo of a linen shirt, {text}, studio light") == []


def _national(region: str, kind: PhoneNumberType) -> str | None:
    number = phonenumbers.example_number_for_type(region, kind)
    if number is None:
        return None
    text = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    return text if sum(ch.isdigit() for ch in text) >= 9 and "(" not in text[1:] else None


# The example numbers phonenumbers ships, in their national format, for the regions whose numbers have
# nine digits or more (eight-digit regions, Denmark, Norway, Estonia..., need a cue).
_EXAMPLE_REGIONS = ("DE", "FR", "GB", "NL", "BE", "AT", "CH", "IT", "ES", "PT", "PL", "CZ", "SK", "GR",
                    "HR", "SI", "RO", "FI", "SE", "IE", "TR", "US")  # fmt: skip
EXAMPLES = sorted(
    {
        text
        for region in _EXAMPLE_REGIONS
        for kind in (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE)
        if (text := _national(region, kind)) is not None
    }
)


@pytest.mark.parametrize("text", EXAMPLES)
def test_example_numbers_of_each_region_are_found(text: str) -> None:
    assert phones(f"linen shirt {text} on a wooden shelf")


_DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)).map(
    lambda d: (d.day, d.month, d.year)
)
_SEPARATORS = st.sampled_from(["-", ".", "/"])


@given(_DATES, _SEPARATORS, st.booleans())
@settings(max_examples=200, deadline=None)
def test_a_date_is_no_phone_number(day_month_year: tuple[int, int, int], sep: str, year_first: bool) -> None:
    day, month, year = day_month_year
    text = (
        f"{year:04d}{sep}{month:02d}{sep}{day:02d}" if year_first else f"{day:02d}{sep}{month:02d}{sep}{year}"
    )
    assert phones(f"collection shot {text} 10:30") == []


@given(st.integers(0, 99), st.integers(0, 99), st.integers(0, 999))
@settings(max_examples=100, deadline=None)
def test_a_version_is_no_phone_number(major: int, minor: int, patch: int) -> None:
    assert phones(f"model v{major}.{minor}.{patch}, sampler euler") == []


@given(st.integers(64, 8192), st.integers(64, 8192), st.sampled_from([" x ", "x", " × ", "×"]))
@settings(max_examples=100, deadline=None)
def test_a_size_is_no_phone_number(width: int, height: int, times: str) -> None:
    assert phones(f"render at {width}{times}{height} px, 8k") == []


@given(st.integers(10**7, 10**15), st.sampled_from(["seed", "order", "EAN", "SKU", "Art.-Nr.", "#"]))
@settings(max_examples=100, deadline=None)
def test_an_ungrouped_number_without_a_cue_is_no_phone_number(number: int, label: str) -> None:
    assert phones(f"{label} {number}") == []
    assert phones(f"{label} 0{number}") == []


@given(st.integers(100_000_000, 999_999_999), st.sampled_from(["€", "EUR", "px", "units", "views"]))
@settings(max_examples=100, deadline=None)
def test_a_grouped_quantity_is_no_phone_number(number: int, unit: str) -> None:
    grouped = f"{number:,}".replace(",", " ")
    assert phones(f"{grouped} {unit}" if unit != "€" else f"€ {grouped}") == []


def test_a_number_used_as_a_key_is_found_and_not_spelled_in_the_pointer() -> None:
    findings = scan_parameters({"notes": {"0151 23456789": True, "06 12 34 56 78": "x"}})
    assert [(f.entity, f.path) for f in findings] == [(PHONE, "/notes/*0"), (PHONE, "/notes/*1")]
