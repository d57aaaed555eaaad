"""An XMP `exif:GPS...` property is a location whatever its name; its pointer never spells a chosen name."""

from __future__ import annotations

import pytest

from gate.imaging import probe, read_metadata, strip_identifiers
from gate.imaging.xmp import read_items
from tests.unit.imaging.images import jpeg_bytes, webp_bytes, xmp_packet


@pytest.mark.parametrize(
    ("attribute", "path"),
    [
        ('exif:GPSLatitude="51,30.2N"', "/xmp/exif:GPSLatitude"),
        ('exif:GPSDestLongitude="0,7.6W"', "/xmp/exif:GPSDestLongitude"),
        ('exif:GPSJaneDoe="51,30.2N"', "/xmp/exif:*1"),
        ('exif:GPSjane.doe-example.com="x"', "/xmp/exif:*1"),
        ('exif:GPS="x"', "/xmp/exif:*1"),
    ],
)
def test_gps_properties_are_locations_named_only_by_standard_names(attribute: str, path: str) -> None:
    packet = xmp_packet(attributes=f'tiff:Orientation="1" {attribute}')
    items, _ = read_items(packet)
    assert [(item.path, item.kind) for item in items if item.kind != "free_text"] == [(path, "location")]
    texts = [item.path for item in items if item.kind == "free_text"]
    # Orientation's text; a name with a dot or dash is read too, as the packet's names (round 17)
    assert texts == ["/xmp/tiff:*0", *(["/xmp/names"] if "." in attribute.partition("=")[0] else [])]


@pytest.mark.parametrize("make", [jpeg_bytes, webp_bytes])
def test_chosen_gps_names_are_stripped_and_never_spelled(make: object) -> None:
    assert callable(make)
    data = make(xmp=xmp_packet("<exif:GPSJohnSmith07700900123>51N</exif:GPSJohnSmith07700900123>"))
    found = probe(data)
    paths = read_metadata(data, found).paths("location")
    assert paths == ("/xmp/exif:*0",)
    stripped = strip_identifiers(data, found)
    assert b"JohnSmith" not in stripped
    assert read_metadata(stripped, probe(stripped)).paths("location") == ()
