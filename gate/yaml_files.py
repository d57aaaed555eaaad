"""YAML as the gate reads its own files (the settings file, a policy): safe, and strict where PyYAML is
lenient. A key written twice is refused (PyYAML keeps the last: `store_dir` given twice silently used the
second), and a document nested past Python's recursion limit is refused with a message, not a
RecursionError traceback."""

from __future__ import annotations

from typing import Any

import yaml


class StrictYamlError(ValueError):
    """A YAML document the gate refuses although PyYAML would load it; the message says what to fix."""


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses a mapping with a key written twice."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, str | int | float | bool):
                continue  # a mapping or a list as a key: PyYAML refuses it itself
            if key in seen:
                line = key_node.start_mark.line + 1
                raise StrictYamlError(f"key {key!r} is written twice (line {line}); keep one")
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def load_strict(text: str | bytes) -> Any:
    """The YAML document in `text`. Raises `yaml.YAMLError` for what is not YAML and `StrictYamlError`
    for a key written twice or nesting too deep to read."""
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except RecursionError:
        raise StrictYamlError("nested too deeply to read; flatten it") from None
