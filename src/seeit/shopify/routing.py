"""A route class that answers Shopify failures with the error envelope (503, or 422 for ``userErrors``)."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi.routing import APIRoute
from starlette.requests import Request
from starlette.responses import Response

from seeit.shopify.errors import ShopifyError


class ShopifyAwareRoute(APIRoute):
    """Use as ``APIRouter(route_class=ShopifyAwareRoute)`` on routers whose handlers call Shopify."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def translated(request: Request) -> Response:
            try:
                return await handler(request)
            except ShopifyError as exc:
                raise exc.as_app_error() from exc

        return translated
