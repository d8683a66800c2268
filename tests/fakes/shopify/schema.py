"""The real 2026-04 Admin API schema, and whether a GraphQL document validates against it."""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from pathlib import Path

import graphql

SCHEMA_PATH = Path("/work/shared/shopify-schema/admin_2026-04.json.gz")


@lru_cache(maxsize=1)
def admin_schema() -> graphql.GraphQLSchema:
    """The real Admin API schema (introspection from Shopify), as graphql-core objects."""
    with gzip.open(SCHEMA_PATH) as raw:
        return graphql.build_client_schema(json.load(raw)["data"])


def document_errors(document: str) -> list[str]:
    """Why ``document`` would be refused by Shopify's schema; empty when it validates."""
    try:
        parsed = graphql.parse(document)
    except graphql.GraphQLError as exc:
        return [exc.message]
    return [error.message for error in graphql.validate(admin_schema(), parsed)]
