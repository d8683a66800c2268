"""``FakeShopify`` itself, its routes and HTTP client, and ``install_fake_shopify`` to point the app at it."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.routing import Route

from seeit.resources import Resources
from tests.fakes.shopify.admin_graphql import AdminGraphQL
from tests.fakes.shopify.billing import Billing
from tests.fakes.shopify.catalogue import Catalogue
from tests.fakes.shopify.state import FakeShop, OutgoingWebhook, RecordedRequest
from tests.fakes.shopify.tokens import TokenEndpoint


class FakeShopify(Catalogue, TokenEndpoint, AdminGraphQL, Billing):
    def __init__(
        self,
        *,
        api_key: str,
        api_secret: str,
        api_versions: tuple[str, ...] = ("2026-04",),
        scopes: str = "read_products,write_products,write_app_proxy,read_orders",
    ) -> None:
        self.api_key = api_key
        self.api_secret = api_secret
        self.api_versions = api_versions
        self.scopes = scopes
        self.access_token_lifetime = 3600
        self.refresh_token_lifetime = 90 * 24 * 3600
        self.token_delay = 0.0  # seconds the token endpoint takes, to widen race windows
        self.shops: dict[str, FakeShop] = {}
        self.requests: list[RecordedRequest] = []
        self.outgoing_webhooks: list[OutgoingWebhook] = []
        self.app = Starlette(
            routes=[
                Route("/{shop}/admin/oauth/access_token", self._token_endpoint, methods=["POST"]),
                Route("/{shop}/admin/api/{version}/graphql.json", self._graphql_endpoint, methods=["POST"]),
                # As Shopify itself serves them (the shop is the host), for clients that build https://{shop}/...
                Route("/admin/oauth/access_token", self._token_endpoint, methods=["POST"]),
                Route("/admin/api/{version}/graphql.json", self._graphql_endpoint, methods=["POST"]),
            ]
        )

    # --- HTTP ----------------------------------------------------------------------------------------------

    def client(self) -> httpx.AsyncClient:
        """An HTTP client whose requests to any host reach this fake."""
        return httpx.AsyncClient(transport=httpx.ASGITransport(app=self.app), timeout=20.0)


def install_fake_shopify(resources: Resources, monkeypatch: pytest.MonkeyPatch, fake: FakeShopify) -> httpx.AsyncClient:
    """Point the app's outgoing HTTP at ``fake``; workers opened afterwards (``worker`` fixture) use it too.

    Returns the original client for the caller to restore.
    """
    original = resources.http
    resources.http = fake.client()
    real_open = Resources.open.__func__  # type: ignore[attr-defined]

    async def open_with_fake(cls: type[Resources], *args: Any, **kwargs: Any) -> Resources:
        opened: Resources = await real_open(cls, *args, **kwargs)
        await opened.http.aclose()
        opened.http = fake.client()
        return opened

    monkeypatch.setattr(Resources, "open", classmethod(open_with_fake))
    return original
