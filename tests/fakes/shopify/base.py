"""The core of the fake Shopify: its configuration, the shops by domain and the record of every request."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import JSONResponse

from tests.fakes.shopify.state import FakeShop, OutgoingWebhook, RecordedRequest


class FakeShopifyBase:
    """What every part of the fake shares; ``FakeShopify.__init__`` sets it all."""

    api_key: str
    api_secret: str
    api_versions: tuple[str, ...]
    scopes: str
    access_token_lifetime: int
    refresh_token_lifetime: int
    token_delay: float
    shops: dict[str, FakeShop]
    requests: list[RecordedRequest]
    outgoing_webhooks: list[OutgoingWebhook]

    def shop(self, domain: str) -> FakeShop:
        if domain not in self.shops:
            self.shops[domain] = FakeShop(domain=domain, gid=f"gid://shopify/Shop/{60000000 + len(self.shops) + 1}")
        return self.shops[domain]

    # --- what was received -------------------------------------------------------------------------------

    def token_requests(self, grant: str | None = None, shop: str | None = None) -> list[RecordedRequest]:
        return [
            r
            for r in self.requests
            if r.kind == "token" and (grant is None or r.grant == grant) and (shop is None or r.shop == shop)
        ]

    def graphql_requests(self, shop: str | None = None) -> list[RecordedRequest]:
        return [r for r in self.requests if r.kind == "graphql" and (shop is None or r.shop == shop)]

    async def _record(self, request: Request, kind: str) -> RecordedRequest:
        raw = await request.body()
        content_type = request.headers.get("content-type", "")
        body: dict[str, Any]
        try:
            if "application/json" in content_type:
                parsed = json.loads(raw or b"{}")
                body = parsed if isinstance(parsed, dict) else {"_": parsed}
            else:
                body = dict(parse_qsl(raw.decode()))
        except ValueError:
            body = {"_unparseable": raw.decode(errors="replace")}
        recorded = RecordedRequest(
            kind=kind,
            shop=request.path_params.get("shop") or request.url.hostname or "",
            path=request.url.path,
            headers={k.lower(): v for k, v in request.headers.items()},
            body=body,
        )
        self.requests.append(recorded)
        return recorded

    @staticmethod
    def _answer(recorded: RecordedRequest, status: int, body: Any, outcome: str) -> JSONResponse:
        recorded.status = status
        recorded.outcome = outcome
        return JSONResponse(body, status_code=status)
