"""Shopify loads an embedded app at its ``application_url``; ``shopify app dev`` sets that to the tunnel's
root. A load of ``/`` that carries the shop Shopify names (``?shop=…&host=…``) goes on to ``/app`` with its
query, so the admin opens whatever ``/`` serves otherwise (the demo's landing page, or a 404)."""

from __future__ import annotations

from urllib.parse import parse_qs

from starlette.responses import RedirectResponse
from starlette.types import ASGIApp, Receive, Scope, Send


class EmbeddedEntryRedirect:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] == "/" and scope["method"] in ("GET", "HEAD"):
            query = scope.get("query_string", b"").decode("latin-1")
            if "shop" in parse_qs(query) and "host" in parse_qs(query):
                await RedirectResponse(f"/app?{query}", status_code=302)(scope, receive, send)
                return
        await self.app(scope, receive, send)
