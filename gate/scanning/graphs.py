"""Workflow graphs of generation tools, read for what their positions mean.

A ComfyUI (LiteGraph) workflow, as ComfyUI writes it into a PNG's `workflow` text or an event's
parameters, keeps each node's settings as a list without names: `{"id": 3, "type": "KSampler",
"widgets_values": [572636856966402, "randomize", 20, 8, "euler", "normal", 1]}`. The first is a seed, a
random integer up to 2**64, and one in ten of those of a card's length passed Luhn with a card's prefix:
ComfyUI's own example images were held as CREDIT_CARD (redimg18). A widget's number is a seed, a size, a
step count or a scale, none of them anyone's; its strings (prompts, notes, file names) are read as any.
"""

from __future__ import annotations

from typing import Any

# The member of a graph node that holds its widgets' values.
WIDGETS = "widgets_values"


def graph_node(obj: dict[Any, Any]) -> bool:
    """Whether `obj` is a node of a workflow graph: an id and a node type beside its widget values."""
    return type(obj.get("type")) is str and "id" in obj


def widget_strings(values: Any) -> Any:
    """A node's widget values with their numbers left out (None keeps each index, so pointers stay those
    of the original); anything but a list is returned as it is."""
    if type(values) is not list:
        return values
    return [None if type(value) is int or type(value) is float else value for value in values]
