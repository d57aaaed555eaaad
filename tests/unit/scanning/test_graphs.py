"""A ComfyUI workflow's node widgets: their numbers (seeds, sizes, steps) are no one's, their strings are
read as any, and pointers keep the widget's index."""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from gate.scanning.graphs import graph_node, widget_strings

# Seeds of card length whose digits pass Luhn with a card's prefix (ComfyUI's examples were held).
SEEDS = (572636856966402, 587574911862527, 5121547280385280, 4048137343373441, 4670066384702496)


def _workflow(*widgets: Any, node_type: str = "KSampler") -> dict[str, Any]:
    return {"nodes": [{"id": 3, "type": node_type, "widgets_values": list(widgets)}], "links": []}


@pytest.mark.parametrize("seed", SEEDS)
def test_a_sampler_seed_is_no_card(seed: int) -> None:
    assert scan_parameters(_workflow(seed, "randomize", 20, 8.0, "euler", "normal", 1)) == []


@pytest.mark.parametrize("seed", SEEDS)
def test_the_same_number_outside_a_graph_node_is_read(seed: int) -> None:
    # Under no key that says "a number", an integer of a card's length and checks is read, as before.
    assert {finding.entity for finding in scan_parameters({"values": [seed]})} == {"CREDIT_CARD"}
    assert scan_parameters({"widgets_values": [seed]}) != []  # no node around it


def test_a_widget_string_is_read_with_its_index() -> None:
    graph = _workflow("a mug for anna.kowalska@example.com", 1234, node_type="CLIPTextEncode")
    findings = scan_parameters(graph)
    assert [(finding.entity, finding.path) for finding in findings] == [
        ("EMAIL_ADDRESS", "/nodes/0/widgets_values/0")
    ]
    card = scan_parameters(_workflow(1, "card 4539 5787 6362 1486"))
    assert [(finding.entity, finding.path) for finding in card] == [
        ("CREDIT_CARD", "/nodes/0/widgets_values/1")
    ]


def test_what_is_a_graph_node() -> None:
    assert graph_node({"id": 1, "type": "KSampler", "widgets_values": []})
    assert not graph_node({"type": "KSampler", "widgets_values": []})  # no id: not LiteGraph's node
    assert not graph_node({"id": 1, "type": 3})
    assert widget_strings([1, 2.5, "x", None, True]) == [None, None, "x", None, True]
    assert widget_strings("not a list") == "not a list"
