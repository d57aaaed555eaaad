"""Recall and false flags on Mimesis's data of its 48 locales: a second sweep, kept apart from the first.

    python -P benchmarks/mimesis_sweep.py [--per-locale N] [--seed S] [--kinds a,b] [--misses FILE]

`faker_sweep` reads Faker's people in every locale Faker has, and the rules are now written with it in
view, so its figures drift towards an upper bound as `corpus_locales`' did. Mimesis is an independent
library (its own name, street, phone and company lists, locales Faker lacks: Kazakh, Icelandic, Arabic of
twelve countries) and this sweep's templates are not Faker's: it is the held-out check. Read its figures
before and after a change to see whether the change generalises; do not write rules from its records
(README "Performance" says how it is used). `found` kinds must give a finding, `clean` kinds (catalogue
copy made of Mimesis's companies, cities, streets, dishes, phone models, codes) none. Deterministic for a
seed and a Mimesis version; the data is made up, no real person's.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from mimesis import Generic, Locale

from benchmarks import sweep_core
from benchmarks.sweep_core import Kind, Tally

__all__ = ["CLEAN", "FOUND", "KINDS", "main", "sweep"]


def _address(g: Generic) -> str:
    return f"{g.address.address()}, {g.address.postal_code()} {g.address.city()}"


FOUND: tuple[Kind[Generic], ...] = (
    Kind("name_recipient", True, lambda g: {"recipient": g.person.full_name()}),
    Kind(
        "name_portrait", True, lambda g: {"prompt": f"portrait photo of {g.person.full_name()} in our coat"}
    ),
    Kind("name_signed", True, lambda g: {"message": f"Thank you for everything! - {g.person.full_name()}"}),
    Kind("name_engraving", True, lambda g: {"personalisation": {"engraving_text": g.person.full_name()}}),
    Kind("name_note", True, lambda g: {"note": g.person.full_name()}),
    Kind("name_from", True, lambda g: {"gift_message": f"Happy birthday! With love from {g.person.name()}"}),
    Kind("name_order", True, lambda g: {"prompt": f"mug printed for order of {g.person.full_name()}"}),
    Kind("phone_courier", True, lambda g: {"note": f"courier: ring {g.person.telephone()} on arrival"}),
    Kind("phone_mobile_key", True, lambda g: {"delivery": {"mobile": g.person.telephone()}}),
    Kind("email_proof", True, lambda g: {"prompt": f"send the proof to {g.person.email()}"}),
    Kind("address_ship", True, lambda g: {"shipping": _address(g)}),
    Kind("address_note", True, lambda g: {"note": f"{g.address.address()}, {g.address.city()}"}),
    Kind(
        "address_keys",
        True,
        lambda g: {"customer": {"street": g.address.address(), "zip": g.address.postal_code()}},
    ),
    Kind(
        "card_note",
        True,
        lambda g: {
            "note": f"card {g.payment.credit_card_number()} exp "
            f"{g.payment.credit_card_expiration_date()} cvv {g.payment.cvv()}"
        },
    ),
    Kind("dob_card", True, lambda g: {"prompt": f"birthday card, born {g.person.birthdate():%d/%m/%Y}"}),
    Kind("imei_key", True, lambda g: {"customer_device": {"imei": g.code.imei()}}),
    Kind("ip_key", True, lambda g: {"customer": {"ip": g.internet.ip_v4()}}),
)

CLEAN: tuple[Kind[Generic], ...] = (
    Kind("company_tote", False, lambda g: {"prompt": f"{g.finance.company()} logo on a canvas tote"}),
    Kind("city_poster", False, lambda g: {"prompt": f"vintage travel poster of {g.address.city()}"}),
    Kind("street_sign", False, lambda g: {"prompt": f"{g.address.street_name()} street sign wall art"}),
    Kind("occupation_tee", False, lambda g: {"prompt": f"t-shirt: proud {g.person.occupation()}"}),
    Kind("colour_chair", False, lambda g: {"prompt": f"{g.text.color()} velvet armchair, studio light"}),
    Kind("dish_card", False, lambda g: {"prompt": f"recipe card for {g.food.dish()}"}),
    Kind("phone_model", False, lambda g: {"prompt": f"leather case for {g.hardware.phone_model()}"}),
    Kind("text", False, lambda g: {"description": g.text.text(quantity=3)}),
    Kind("ean_isbn", False, lambda g: {"ean": g.code.ean(), "isbn": g.code.isbn()}),
    Kind("launch_date", False, lambda g: {"prompt": f"collection launched {g.datetime.date()}"}),
    Kind(
        "price_currency",
        False,
        lambda g: {"prompt": f"now {g.finance.price()} {g.finance.currency_iso_code()}"},
    ),
    Kind("nationality", False, lambda g: {"prompt": f"{g.person.nationality()} cuisine cookbook cover"}),
    Kind("state_map", False, lambda g: {"prompt": f"map of {g.address.state()}, framed print"}),
)

KINDS = {kind.name: kind for kind in (*FOUND, *CLEAN)}


def _generators(locales: Iterable[Locale], seed: int) -> Iterable[tuple[str, Generic]]:
    for locale in locales:
        yield locale.value, Generic(locale=locale, seed=seed)


def sweep(
    kinds: Iterable[Kind[Generic]], *, per_locale: int, seed: int, locales: Iterable[Locale] = Locale
) -> Tally:
    """Make `per_locale` records of each kind in each locale and scan them."""
    return sweep_core.sweep(kinds, _generators(locales, seed), per_locale=per_locale)


def main(argv: list[str]) -> int:
    """Run the sweep and print the report; exit 2 with a message on unknown kinds."""
    return sweep_core.main(
        argv,
        description=__doc__.splitlines()[0],
        kinds=KINDS,
        run=sweep,
        title=f"Mimesis's {len(Locale)} locales, {{per_locale}} records of each kind in each (seed {{seed}})",
        per_locale=5,
        seed=31,
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
