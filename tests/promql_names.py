"""What PromQL queries use, read with a real PromQL parser (promql-parser): metric names and alert signals."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import promql_parser

COMPARISONS = frozenset({">", "<", ">=", "<=", "==", "!="})
SET_OPERATORS = frozenset({"and", "or", "unless"})
# Grafana's interval variables, given the values a short test run can evaluate.
GRAFANA_VARIABLES = {"$__rate_interval": "1m", "$__interval": "15s", "$__range": "5m"}


def for_prometheus(expr: str) -> str:
    """A dashboard query with Grafana's variables replaced, ready for Prometheus's HTTP API."""
    for variable, value in GRAFANA_VARIABLES.items():
        expr = expr.replace(variable, value)
    return expr


def _children(node: Any) -> Iterator[Any]:
    for attribute in ("lhs", "rhs", "expr", "args", "vector_selector", "param"):
        child = getattr(node, attribute, None)
        if isinstance(child, list):
            yield from child
        elif child is not None:
            yield child


def metric_names(expr: str) -> set[str]:
    """Every metric name a query selects."""
    names: set[str] = set()
    stack = [promql_parser.parse(for_prometheus(expr))]
    while stack:
        node = stack.pop()
        if type(node).__name__ == "VectorSelector" and node.name:
            names.add(node.name)
        stack.extend(_children(node))
    return names


def _op(node: Any) -> str:
    return re.sub(r"\s+", "", str(node.op)).lower()


def signals(expr: str) -> list[str]:
    """The measured sides of an alert: the left operand of every threshold comparison (set operators split).

    An alert expression returns nothing while all is well; its signals return series whenever the metrics
    exist, which is what a live check of a rule's wiring needs.
    """
    found: list[str] = []
    stack = [promql_parser.parse(expr)]
    while stack:
        node = stack.pop()
        name = type(node).__name__
        if name == "ParenExpr":
            stack.append(node.expr)
        elif name == "BinaryExpr" and _op(node) in SET_OPERATORS:
            stack.extend([node.lhs, node.rhs])
        elif name == "BinaryExpr" and _op(node) in COMPARISONS:
            found.append(str(node.lhs))
        else:
            found.append(str(node))
    return found
