"""A SKU map whose row splits into more fields than its header (usersrev16).

Before: `MB01,blue,/m/b/mb01.jpg` under the header `sku,file` (an unquoted SKU holding a comma) was read as
SKU `MB01` for file `blue`; the image got no SKU and the summary blamed a stale export. Now the line is
refused with what to do; quoted commas and the documented optional columns still read.
"""

from __future__ import annotations

import pytest

from gate.commerce.skumap import parse_sku_map
from gate.errors import ConfigError


@pytest.mark.parametrize(
    "text",
    [
        "sku,file\nMB01,blue,/m/b/mb01.jpg\n",
        "sku,file\nMB01,/m/b/mb 01,blue.jpg\n",  # a file name holding a comma
        "sku,file,id\nMB01,/m/b/mb01.jpg,7,8\n",
    ],
)
def test_a_row_with_more_fields_than_the_header_is_refused_naming_its_line(text: str) -> None:
    with pytest.raises(ConfigError, match=r"map line 2: more fields than the header's \d; .* must be quoted"):
        parse_sku_map(text, origin="map")


@pytest.mark.parametrize(
    ("text", "file", "sku"),
    [
        ('sku,file\n"MB01,blue",/m/b/mb01.jpg\n', "m/b/mb01.jpg", "MB01,blue"),
        ('sku,file\nMB01,"/m/b/mb 01,blue.jpg"\n', "m/b/mb 01,blue.jpg", "MB01"),
        ("sku,file,id,media_type\nMB01,/m/b/mb01.jpg,7,image\n", "m/b/mb01.jpg", "MB01"),
        ("sku,file,id,media_type\nMB01,/m/b/mb01.jpg\n", "m/b/mb01.jpg", "MB01"),  # fewer fields: optional
    ],
)
def test_quoted_commas_and_optional_columns_still_read(text: str, file: str, sku: str) -> None:
    entry = parse_sku_map(text).lookup(file)
    assert entry is not None and entry.skus == (sku,)
