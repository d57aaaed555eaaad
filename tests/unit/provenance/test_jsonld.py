"""JSON-LD keys are read by the namespace their prefix is bound to, not by the prefix (`canonical_keys`)."""

from __future__ import annotations

from gate.provenance.jsonld import canonical_keys

EXIF = "http://ns.adobe.com/exif/1.0/"


def test_a_prefix_bound_to_a_known_namespace_becomes_its_prefix() -> None:
    data = {"@context": {"e": EXIF}, "e:GPSLatitude": "39,21.102N", "other:x": 1, "plain": 2}
    assert canonical_keys(data) == {
        "@context": {"e": EXIF},
        "exif:GPSLatitude": "39,21.102N",
        "other:x": 1,
        "plain": 2,
    }


def test_bindings_reach_nested_objects_and_lists_and_term_definitions() -> None:
    data = {"@context": [{"d": {"@id": "http://purl.org/dc/elements/1.1/"}}], "items": [{"d:creator": ["A"]}]}
    assert canonical_keys(data)["items"] == [{"dc:creator": ["A"]}]


def test_an_inner_context_rebinds_a_prefix() -> None:
    data = {
        "@context": {"e": EXIF},
        "inner": {"@context": {"e": "http://example.org/"}, "e:GPSLatitude": "1"},
    }
    assert canonical_keys(data)["inner"]["e:GPSLatitude"] == "1"


def test_keys_that_meet_keep_both_values() -> None:
    data = {"@context": {"e": EXIF}, "exif:GPSLatitude": "0", "e:GPSLatitude": "39,21.102N"}
    assert canonical_keys(data) == {"@context": {"e": EXIF}, "exif:GPSLatitude": ["0", "39,21.102N"]}


def test_values_without_a_context_are_unchanged() -> None:
    value = {"exif:GPSLatitude": "1", "list": [1, "a", None]}
    assert canonical_keys(value) == value
