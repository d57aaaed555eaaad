"""Recall and false flags on Faker's data of every locale, in shapes the development corpus does not use.

    python -P benchmarks/faker_sweep.py [--per-locale N] [--seed S] [--kinds a,b] [--misses FILE]

The labelled corpus of the benchmark (`corpus_locales`, 30 locales) was read while the detectors were
written, so its recall (99%+) says little about data nobody here wrote. This sweep takes every locale
Faker has (about 110) and puts its made-up people's data into short templates of the shapes shops and
tools write: a phone number under a neutral key, a name in a gift message, an address alone in a note,
an id after "my social security number is". `found` kinds must give a finding; `clean` kinds (catalogue
copy made of Faker's companies, cities, streets, colours, jobs, codes) must give none. It prints, per
kind, how many records were right and the locales with a miss; `--misses` writes every wrong record
(Faker's values are made up: no real person's data) as JSON for the next change to read.

A map of what leaks, not a benchmark with a goal: some kinds are left on purpose (README "What the scanner
finds" says which: a lone given name with no cue is not a name), and Faker's numbers often fail their
country's check digits, as typed data does. Deterministic for a seed and a Faker version.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import sys
import warnings
from collections.abc import Iterable
from typing import Any

from faker import Faker
from faker.config import AVAILABLE_LOCALES

from benchmarks import sweep_core
from benchmarks.sweep_core import Kind, Tally, report

__all__ = ["CLEAN", "FOUND", "KINDS", "Kind", "Tally", "main", "report", "sweep"]


def _one_line(text: str) -> str:
    return text.replace("\n", ", ")


def _dumped(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


FOUND: tuple[Kind[Faker], ...] = (
    Kind("phone_text", True, lambda f: {"prompt": f"print on the mug, call me: {f.phone_number()}"}),
    Kind("phone_key", True, lambda f: {"customer": {"phone": f.phone_number()}}),
    Kind("phone_bare", True, lambda f: {"contact": f.phone_number()}),
    Kind("msisdn_text", True, lambda f: {"prompt": f"whatsapp {f.msisdn()}"}),
    Kind("address_text", True, lambda f: {"shipping_note": f"deliver to {_one_line(f.address())}"}),
    Kind("address_key", True, lambda f: {"customer": {"address": _one_line(f.address())}}),
    Kind("address_plain", True, lambda f: {"note": _one_line(f.address())}),
    Kind("street_ship", True, lambda f: {"note": f"ship to {f.street_address()}, {f.city()}"}),
    Kind("email_text", True, lambda f: {"prompt": f"contact {f.email()} about the order"}),
    Kind("email_free_key", True, lambda f: {"contact": f.free_email()}),
    Kind("name_key", True, lambda f: {"customer": {"name": f.name()}}),
    Kind("name_gift", True, lambda f: {"prompt": f"gift for {f.name()}, happy birthday"}),
    Kind("name_dear", True, lambda f: {"message": f"Dear {f.name()}, thank you for your order"}),
    Kind("name_label", True, lambda f: {"engraving": f"Name: {f.name()}"}),
    Kind("name_possessive", True, lambda f: {"prompt": f"{f.name()}'s birthday banner with balloons"}),
    Kind("name_plain", True, lambda f: {"customer_note": f.name()}),
    Kind(
        "name_to_from", True, lambda f: {"gift_message": f"To {f.first_name()}, love from {f.first_name()}"}
    ),
    Kind("user_name_key", True, lambda f: {"customer": {"username": f.user_name()}}),
    Kind("profile_json", True, lambda f: {"metadata": _dumped(f.simple_profile())}),
    Kind("dob_key", True, lambda f: {"customer": {"date_of_birth": f.date_of_birth().isoformat()}}),
    Kind("dob_text", True, lambda f: {"prompt": f"born on {f.date_of_birth():%d.%m.%Y}, birthday cake"}),
    Kind("ssn_key", True, lambda f: {"customer": {"ssn": f.ssn()}}),
    Kind("ssn_text", True, lambda f: {"prompt": f"my social security number is {f.ssn()}"}),
    Kind("iban_key", True, lambda f: {"payment": {"iban": f.iban()}}),
    Kind("bban_key", True, lambda f: {"payment": {"account_number": f.bban()}}),
    Kind("card_text", True, lambda f: {"prompt": f"paid with card {f.credit_card_number()}"}),
    Kind("card_full", True, lambda f: {"note": _one_line(f.credit_card_full())}),
    Kind("plate_text", True, lambda f: {"prompt": f"my car with license plate {f.license_plate()} outside"}),
    Kind("passport_text", True, lambda f: {"prompt": f"passport number {f.passport_number()}"}),
    Kind("ipv4_text", True, lambda f: {"log": f"request from {f.ipv4_public()} agent {f.user_agent()}"}),
)

CLEAN: tuple[Kind[Faker], ...] = (
    Kind("company_brand", False, lambda f: {"brand": f.company()}),
    Kind(
        "company_prompt", False, lambda f: {"prompt": f"tote bag with the {f.company()} logo, studio light"}
    ),
    Kind("catch_phrase", False, lambda f: {"prompt": f"{f.catch_phrase()}, product shot on white"}),
    Kind("city_collection", False, lambda f: {"prompt": f"{f.city()} collection, linen shirt, summer light"}),
    Kind("country", False, lambda f: {"prompt": f"made in {f.country()}, ceramic mug"}),
    Kind("colour", False, lambda f: {"prompt": f"sofa in {f.color_name()}, living room"}),
    Kind("job", False, lambda f: {"prompt": f"mug for the best {f.job()}"}),
    Kind("sentence", False, lambda f: {"description": f.sentence(nb_words=10)}),
    Kind("paragraph", False, lambda f: {"description": f.paragraph(nb_sentences=3)}),
    Kind("codes", False, lambda f: {"gtin": f.ean13(), "sku": f.bothify("SKU-####-??")}),
    Kind("release_date", False, lambda f: {"prompt": f"spring collection released {f.date()}"}),
    Kind("price", False, lambda f: {"prompt": f"only {f.pricetag()} this week"}),
    Kind("hashes", False, lambda f: {"id": f.uuid4(), "hash": f.sha256(), "md5": f.md5()}),
    Kind("url", False, lambda f: {"source_url": f.url() + f.uri_path()}),
    Kind("file_path", False, lambda f: {"file": f.file_path(depth=2)}),
    Kind("street_product", False, lambda f: {"prompt": f"{f.street_name()} sneakers, limited edition"}),
    Kind("user_agent", False, lambda f: {"ua": f.user_agent()}),
)

KINDS = {kind.name: kind for kind in (*FOUND, *CLEAN)}


def _fakers(locales: Iterable[str], seed: int) -> Iterable[tuple[str, Faker]]:
    for locale in locales:
        # A deprecated locale (fr_QC) warns; some providers print a notice: both kept off the report.
        with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
            warnings.simplefilter("ignore")
            try:
                fake = Faker(locale)
            except (AttributeError, ImportError):
                continue
        fake.seed_instance(seed)
        yield locale, fake


def sweep(
    kinds: Iterable[Kind[Faker]], *, per_locale: int, seed: int, locales: Iterable[str] = AVAILABLE_LOCALES
) -> Tally:
    """Make `per_locale` records of each kind in each locale and scan them. A kind a locale's Faker
    cannot make (no such provider) is skipped for that locale, not counted."""
    return sweep_core.sweep(kinds, _fakers(locales, seed), per_locale=per_locale)


def main(argv: list[str]) -> int:
    """Run the sweep and print the report; exit 2 with a message on unknown kinds."""
    logging.getLogger("faker").setLevel(logging.ERROR)  # en_PH's bank numbers warn they are made up
    return sweep_core.main(
        argv,
        description=__doc__.splitlines()[0],
        kinds=KINDS,
        run=sweep,
        title="Faker's locales, {per_locale} records of each kind in each (seed {seed})",
        per_locale=3,
        seed=23,
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
