"""FastAPI dependencies that authenticate a request and name its shop: ``AdminShop`` and ``ProxyShop``."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import parse_qsl

from fastapi import Depends, Request

from seeit.errors import InvalidSessionToken, InvalidSignature, ShopNotInstalled
from seeit.openapi import raises
from seeit.resources import ResourcesDep
from seeit.shopify.signatures import SignatureError, decode_session_token, verify_app_proxy_query
from seeit.shops.principal import ShopContext, installed_shop


@raises(InvalidSessionToken, ShopNotInstalled)
async def admin_shop(request: Request, resources: ResourcesDep) -> ShopContext:
    """The shop of an embedded-admin request, from its ``Authorization: Bearer <session token>``."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise InvalidSessionToken("A bearer session token is required.")
    settings = resources.settings
    try:
        session = decode_session_token(
            token.strip(), api_key=settings.shopify_api_key, secret=settings.shopify_api_secret
        )
    except SignatureError as exc:
        raise InvalidSessionToken(str(exc)) from None
    shop = await installed_shop(resources, session.shop_domain)
    if shop is None:
        raise ShopNotInstalled()
    return shop.acting_as(session.user_id)


@raises(InvalidSignature, ShopNotInstalled)
async def proxy_shop(request: Request, resources: ResourcesDep) -> ShopContext:
    """The shop of a storefront request forwarded by Shopify's app proxy, from its signed query."""
    pairs = parse_qsl(request.scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
    try:
        shop_domain = verify_app_proxy_query(pairs, resources.settings.shopify_api_secret)
    except SignatureError as exc:
        raise InvalidSignature(str(exc)) from None
    shop = await installed_shop(resources, shop_domain)
    if shop is None:
        raise ShopNotInstalled()
    return shop


AdminShop = Annotated[ShopContext, Depends(admin_shop)]
ProxyShop = Annotated[ShopContext, Depends(proxy_shop)]
