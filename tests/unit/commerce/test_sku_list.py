"""`context.sku` lists the products sharing one image as one CSV row: a SKU holding a comma (Commerce allows
it) was joined with the others by bare commas, so `A,B` could not be told from the SKUs `A` and `B`."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gate.commerce.skumap import GalleryEntry, parse_sku_map, sku_list, skus_of


def test_one_plain_sku_is_itself_and_several_are_a_row() -> None:
    assert GalleryEntry(("MB01",)).sku == "MB01"
    assert GalleryEntry(("MB01", "MB02")).sku == "MB01,MB02"
    assert GalleryEntry(("A,B",)).sku == '"A,B"'
    assert GalleryEntry(("A", "B")).sku == "A,B"
    assert GalleryEntry(("A,B",)).sku != GalleryEntry(("A", "B")).sku


def test_a_map_with_a_comma_in_a_sku_keeps_it_one_product() -> None:
    text = 'sku,file\n"MB01,blue",/m/b/mb01.jpg\nMB02,/m/b/mb01.jpg\n'
    entry = parse_sku_map(text).lookup("m/b/mb01.jpg")
    assert entry is not None
    assert skus_of(entry.sku) == ("MB01,blue", "MB02")


@given(st.lists(st.text(min_size=1, max_size=12).filter(lambda s: s.strip() == s), min_size=1, max_size=5))
def test_every_list_of_skus_reads_back_exactly(skus: list[str]) -> None:
    assert skus_of(sku_list(tuple(skus))) == tuple(skus)
