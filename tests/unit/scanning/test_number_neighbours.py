# ruff: noqa: RUF001  (the multiplication sign is what people write in sizes)
"""Random product prompts made of the numbers product prompts hold: no phone number, no address.

Each prompt joins two to four numbers of 40-odd kinds (sizes, lenses, codes, dates, versions, prices in
three notations, references, counts) to a product in one of seven languages, some named after a street.
The phone shapes (`phone_shapes.py`) and the product-line test of street names (`location.py`) must
read none of them. (Numbers that are personal data by their shape, a Luhn-valid 16-digit group or a
coordinate pair, are not generated.)
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from stdnum import ean

from gate.scanning import scan_parameters

Maker = Callable[[random.Random], str]


def _ean13(r: random.Random) -> str:
    body = "".join(str(r.randrange(10)) for _ in range(12))
    return body + ean.calc_check_digit(body)


def _grouped(number: int, sep: str) -> str:
    return f"{number:,}".replace(",", sep)


MAKERS: list[Maker] = [
    lambda r: f"{r.choice([512, 768, 1024, 2048])} x {r.choice([512, 768, 1024, 1536])}",
    lambda r: f"{r.choice([3840, 1920, 2560])}×{r.choice([2160, 1080, 1440])} px",
    lambda r: f"{r.choice([24, 35, 50, 85])} mm f/{r.choice(['1.4', '1.8', '2.8'])}",
    lambda r: f"ISO {r.choice([100, 200, 800])}, 1/{r.choice([60, 125, 1000])} s",
    lambda r: f"EAN {_ean13(r)}",
    lambda r: f"GTIN 0{_ean13(r)}",
    lambda r: f"GTIN 00{_ean13(r)[1:]}",
    lambda r: f"ISBN 978{_ean13(r)[3:]}",
    lambda r: f"order {r.randrange(10**9, 10**10)}",
    lambda r: f"Bestellnr. {r.randrange(10**7, 10**8)} {r.randrange(100, 999)}",
    lambda r: f"pedido nº {r.randrange(100, 999)} {r.randrange(100, 999)} {r.randrange(100, 999)}",
    lambda r: (
        f"{r.randrange(2020, 2027)}-{r.randrange(1, 13):02d}-{r.randrange(1, 29):02d} {r.randrange(24)}:30"
    ),
    lambda r: f"{r.randrange(1, 29):02d}.{r.randrange(1, 13):02d}.{r.randrange(2020, 2027)}",
    lambda r: f"v{r.randrange(3)}.{r.randrange(20)}.{r.randrange(20)}",
    lambda r: f"RAL {r.choice([9010, 7016, 3020])}",
    lambda r: f"Pantone {r.randrange(11, 20)}-{r.randrange(1000, 9999)} TCX",
    lambda r: f"seed {r.randrange(10**9, 2**32)}",
    lambda r: f"{_grouped(r.randrange(10**5, 10**7), ' ')} €",
    lambda r: f"prix {_grouped(r.randrange(10**6, 10**9), ' ')} EUR",
    lambda r: f"{_grouped(r.randrange(10**8, 10**9), '.')} Downloads",
    lambda r: f"{_grouped(r.randrange(10**8, 10**9), ' ')} views",
    lambda r: f"SKU {r.randrange(1000, 9999)}-{r.randrange(1000, 9999)}-{r.randrange(10, 99)}",
    lambda r: f"Art.-Nr. 0{r.randrange(100, 999)} {r.randrange(100, 999)} {r.randrange(100, 999)}",
    lambda r: f"#{r.randrange(16**6):06X}",
    lambda r: f"{r.randrange(10000, 99999)} {r.choice(['Madrid', 'Paris', 'Berlin'])}",
    lambda r: f"{r.randrange(20, 200)} x {r.randrange(20, 200)} x {r.randrange(20, 200)} cm",
    lambda r: f"{r.randrange(1, 99)},{r.randrange(10, 99)} kg",
    lambda r: f"Größe {r.choice([36, 38, 40, 42])}",
    lambda r: f"sizes {' '.join(str(x) for x in range(36, 46, 2))}",
    lambda r: f"steps {r.randrange(20, 60)}, cfg {r.randrange(3, 12)}.5",
    lambda r: f"IMG_{r.randrange(1000, 9999)}.JPG",
    lambda r: f"lot {r.randrange(100, 999)} {r.randrange(100, 999)} {r.randrange(100, 999)}",
    lambda r: f"batch {r.randrange(2020, 2027)} {r.randrange(1000, 9999)} {r.randrange(1000, 9999)}",
    lambda r: f"collection {r.randrange(2020, 2027)}",
    lambda r: f"timestamp {r.randrange(1_600_000_000, 1_800_000_000)}",
    lambda r: f"tracking {r.randrange(10**11, 10**12)}",
    lambda r: (
        f"{r.randrange(100, 999)}.{r.randrange(100, 999)}.{r.randrange(100, 999)}.{r.randrange(100, 999)}"
    ),
    lambda r: f"{r.randrange(1, 5)} pack",
    lambda r: f"talla {r.choice([38, 40, 42])}",
    lambda r: f"{r.randrange(2, 6)} colores",
]
PRODUCTS = [
    "linen shirt",
    "camiseta de algodón",
    "borsa in pelle",
    "chaussure de course",
    "Lederjacke",
    "camiseta Calle Mayor",
    "borsa Via Roma",
    "parfum Rue Royale",
    "bolso Plaza Mayor",
]
UNREAD = frozenset(("PHONE_NUMBER", "LOCATION"))


@pytest.mark.parametrize("seed", range(4))
def test_numbers_of_product_prompts_are_neither_phones_nor_addresses(seed: int) -> None:
    r = random.Random(seed)
    for _ in range(250):
        parts = [make(r) for make in r.sample(MAKERS, r.randrange(2, 5))]
        prompt = f"{r.choice(PRODUCTS)}, " + ", ".join(parts) + ", studio light"
        found = [f.entity for f in scan_parameters({"prompt": prompt, "notes": r.choice(parts)})]
        assert not UNREAD.intersection(found), prompt
