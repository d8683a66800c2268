"""The Admin GraphQL endpoint: access checks, injected throttling and failures, schema validation and query cost."""

from __future__ import annotations

import time
from collections.abc import Awaitable
from typing import Any

import graphql
from starlette.requests import Request
from starlette.responses import Response

from tests.fakes.shopify.base import FakeShopifyBase
from tests.fakes.shopify.resolvers import Root
from tests.fakes.shopify.schema import admin_schema, document_errors


class AdminGraphQL(FakeShopifyBase):
    # --- configuring the answers ---------------------------------------------------------------------------

    def throttle_next(self, shop: str, times: int = 1) -> None:
        self.shop(shop).throttles += times

    def fail_next(self, shop: str, status: int = 503, times: int = 1) -> None:
        self.shop(shop).failures.extend([status] * times)

    async def _graphql_endpoint(self, request: Request) -> Response:
        recorded = await self._record(request, "graphql")
        if request.path_params["version"] not in self.api_versions:
            return self._answer(recorded, 404, {"errors": "Not Found"}, "unknown_version")
        shop = self.shop(recorded.shop)
        token = request.headers.get("x-shopify-access-token", "")
        if shop.access_tokens.get(token, 0.0) < time.time():
            body: dict[str, Any] = {
                "errors": "[API] Invalid API key or access token (unrecognized login or wrong password)"
            }
            return self._answer(recorded, 401, body, "invalid_token")
        if shop.failures:
            status = shop.failures.pop(0)
            return self._answer(recorded, status, {"errors": "Internal error"}, f"failure_{status}")
        query, variables = recorded.body.get("query"), recorded.body.get("variables") or {}
        if not isinstance(query, str) or not isinstance(variables, dict):
            return self._answer(
                recorded, 400, {"errors": {"query": "Required parameter missing or invalid"}}, "bad_body"
            )
        errors = document_errors(query)
        if errors:
            return self._answer(recorded, 200, {"errors": [{"message": m} for m in errors]}, "invalid_document")
        cost = self._cost(variables)
        if shop.throttles:
            shop.throttles -= 1
            body = {
                "errors": [
                    {
                        "message": "Throttled",
                        "extensions": {
                            "code": "THROTTLED",
                            "documentation": "https://shopify.dev/api/usage/rate-limits",
                        },
                    }
                ],
                "extensions": {"cost": self._cost_extension(cost, available=0.0, actual=None)},
            }
            return self._answer(recorded, 200, body, "THROTTLED")
        result = graphql.execute(
            admin_schema(),
            graphql.parse(query),
            root_value=Root(self, shop).fields(),
            variable_values=variables,
            operation_name=recorded.body.get("operationName"),
        )
        assert not isinstance(result, Awaitable)  # every resolver is synchronous
        body = {
            "data": result.data,
            "extensions": {"cost": self._cost_extension(cost, available=2000.0 - cost, actual=cost)},
        }
        if result.errors:
            body["errors"] = [{"message": e.message, "path": e.path} for e in result.errors]
        return self._answer(recorded, 200, body, "errors" if result.errors else "ok")

    @staticmethod
    def _cost(variables: dict[str, Any]) -> int:
        first = variables.get("first")
        return 2 + (int(first) if isinstance(first, int) else 0)

    @staticmethod
    def _cost_extension(cost: int, *, available: float, actual: int | None) -> dict[str, Any]:
        return {
            "requestedQueryCost": cost,
            "actualQueryCost": actual,
            "throttleStatus": {"maximumAvailable": 2000.0, "currentlyAvailable": available, "restoreRate": 1000.0},
        }
