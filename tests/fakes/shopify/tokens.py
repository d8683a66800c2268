"""The OAuth token endpoint (codes, token exchange, rotating refresh tokens) and issuing, expiring, revoking tokens."""

from __future__ import annotations

import asyncio
import secrets
import time
from typing import Any
from urllib.parse import urlsplit

import jwt
from starlette.requests import Request
from starlette.responses import Response

from tests.fakes.shopify.base import FakeShopifyBase
from tests.fakes.shopify.state import FakeShop


class TokenEndpoint(FakeShopifyBase):
    # --- configuring the tokens ----------------------------------------------------------------------------

    def issue_code(self, shop: str) -> str:
        """An authorization code Shopify would put on the OAuth callback; single-use."""
        code = secrets.token_hex(16)
        self.shop(shop).codes.add(code)
        return code

    def grant_token(self, shop: str, *, lifetime: int | None = None) -> str:
        """An access token valid for ``shop`` (as if the app were installed)."""
        return str(self._issue(self.shop(shop), expiring=True, lifetime=lifetime)["access_token"])

    def expire_access_tokens(self, shop: str) -> None:
        for token in self.shop(shop).access_tokens:
            self.shop(shop).access_tokens[token] = 0.0

    def revoke(self, shop: str) -> None:
        """Every token of the shop stops working, as after an uninstall."""
        state = self.shop(shop)
        state.access_tokens.clear()
        state.spent_refresh_tokens.update(state.refresh_tokens)
        state.refresh_tokens.clear()

    async def _token_endpoint(self, request: Request) -> Response:
        recorded = await self._record(request, "token")
        if self.token_delay:
            await asyncio.sleep(self.token_delay)
        body = recorded.body
        shop = self.shop(recorded.shop)
        if body.get("client_id") != self.api_key or body.get("client_secret") != self.api_secret:
            return self._answer(
                recorded,
                401,
                {"error": "invalid_client", "error_description": "Client credentials are invalid"},
                "invalid_client",
            )
        expiring = str(body.get("expiring", "0")) == "1"
        grant = recorded.grant
        if grant == "token_exchange":
            if (
                body.get("subject_token_type") != "urn:ietf:params:oauth:token-type:id_token"
                or body.get("requested_token_type") != "urn:shopify:params:oauth:token-type:offline-access-token"
            ):
                return self._answer(recorded, 400, {"error": "invalid_request"}, "invalid_request")
            if not self._session_token_valid(str(body.get("subject_token", "")), shop.domain):
                return self._answer(
                    recorded,
                    400,
                    {"error": "invalid_subject_token", "error_description": "Token is invalid"},
                    "invalid_subject_token",
                )
            return self._answer(recorded, 200, self._issue(shop, expiring=expiring), "issued")
        if grant == "code":
            code = str(body.get("code", ""))
            if code not in shop.codes:
                return self._answer(
                    recorded,
                    400,
                    {
                        "error": "invalid_request",
                        "error_description": "The authorization code was not found or was already used",
                    },
                    "invalid_code",
                )
            shop.codes.discard(code)
            return self._answer(recorded, 200, self._issue(shop, expiring=expiring), "issued")
        if grant == "refresh":
            token = str(body.get("refresh_token", ""))
            expires = shop.refresh_tokens.pop(token, None)
            if expires is None or expires < time.time():
                reason = "spent_refresh_token" if token in shop.spent_refresh_tokens else "unknown_refresh_token"
                return self._answer(
                    recorded, 400, {"error": "invalid_grant", "error_description": "refresh token is invalid"}, reason
                )
            # Shopify rotates: the refresh token just used never works again.
            shop.spent_refresh_tokens.add(token)
            return self._answer(recorded, 200, self._issue(shop, expiring=True), "issued")
        return self._answer(recorded, 400, {"error": "unsupported_grant_type"}, "unsupported_grant_type")

    def _session_token_valid(self, token: str, shop_domain: str) -> bool:
        try:
            claims = jwt.decode(
                token,
                self.api_secret,
                algorithms=["HS256"],
                audience=self.api_key,
                leeway=10,
                options={"require": ["exp", "nbf", "iss", "dest", "aud"]},
            )
        except jwt.PyJWTError:
            return False
        return urlsplit(str(claims["dest"])).hostname == shop_domain and claims["iss"] == f"https://{shop_domain}/admin"

    def _issue(self, shop: FakeShop, *, expiring: bool, lifetime: int | None = None) -> dict[str, Any]:
        access = "shpat_" + secrets.token_hex(16)
        if not expiring:
            shop.access_tokens[access] = float("inf")
            return {"access_token": access, "scope": self.scopes}
        lifetime = self.access_token_lifetime if lifetime is None else lifetime
        refresh = "shprt_" + secrets.token_hex(16)
        shop.access_tokens[access] = time.time() + lifetime
        shop.refresh_tokens[refresh] = time.time() + self.refresh_token_lifetime
        return {
            "access_token": access,
            "scope": self.scopes,
            "expires_in": lifetime,
            "refresh_token": refresh,
            "refresh_token_expires_in": self.refresh_token_lifetime,
        }
