"""Relay-style connections for the fake Admin API: cursors, page windows and Shopify's page size limits."""

from __future__ import annotations

import base64
from typing import Any

import graphql


def _cursor(index: int) -> str:
    return base64.b64encode(f"cursor:{index}".encode()).decode()


def _index_after(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        return int(base64.b64decode(cursor).decode().removeprefix("cursor:")) + 1
    except ValueError as exc:
        raise graphql.GraphQLError("Invalid cursor for current pagination sort.") from exc


# Shopify stops cursor pagination after this many objects: pages past it come back empty.
CURSOR_LIMIT = 25_000


def connection(items: list[dict[str, Any]], first: int | None, after: str | None, last: int | None) -> dict[str, Any]:
    if first is None and last is None:
        raise graphql.GraphQLError("you must provide one of first or last")
    if (first or 0) > 250 or (last or 0) > 250:
        raise graphql.GraphQLError("The maximum page size is 250.")
    start = _index_after(after)
    reachable = items[:CURSOR_LIMIT]
    window = reachable[start : start + (first or last or 0)]
    nodes = list(window)
    return {
        "nodes": nodes,
        "edges": [{"node": node, "cursor": _cursor(start + i)} for i, node in enumerate(nodes)],
        "pageInfo": {
            "hasNextPage": start + len(nodes) < len(reachable),
            "hasPreviousPage": start > 0,
            "startCursor": _cursor(start) if nodes else None,
            "endCursor": _cursor(start + len(nodes) - 1) if nodes else None,
        },
    }
