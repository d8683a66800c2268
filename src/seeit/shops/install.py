"""Installation: turn a session token or an authorization code into a stored, encrypted offline token."""

from __future__ import annotations

import base64
import binascii
import logging
import re

from sqlalchemy.ext.asyncio import AsyncSession

from seeit.errors import InvalidSessionToken
from seeit.resources import Resources
from seeit.shopify import oauth
from seeit.shopify.admin_api import AdminApi, fixed_token
from seeit.shopify.catalog import fetch_shop_gid
from seeit.shopify.signatures import SignatureError, decode_session_token
from seeit.shops import repository
from seeit.shops.repository import InstalledShop
from seeit.shops.service import forget_shop_after_commit
from seeit.shops.tokens import cipher_for, encrypt_grant

log = logging.getLogger(__name__)

NEW_SHOP_PLAN = "free"
_ADMIN_HOST = re.compile(r"^admin\.shopify\.com/store/[a-z0-9][a-z0-9-]*$")


async def install_with_session_token(session: AsyncSession, resources: Resources, token: str) -> InstalledShop:
    """``POST /auth/token-exchange``: verify the session token, exchange it, record the shop."""
    settings = resources.settings
    try:
        decoded = decode_session_token(token, api_key=settings.shopify_api_key, secret=settings.shopify_api_secret)
    except SignatureError as exc:
        raise InvalidSessionToken(str(exc)) from None
    grant = await oauth.exchange_session_token(resources.http, settings, decoded.shop_domain, token)
    return await record_install(session, resources, decoded.shop_domain, grant)


async def install_with_code(session: AsyncSession, resources: Resources, shop_domain: str, code: str) -> InstalledShop:
    """``GET /auth/callback`` after its checks: exchange the code, record the shop."""
    grant = await oauth.exchange_authorization_code(resources.http, resources.settings, shop_domain, code)
    return await record_install(session, resources, shop_domain, grant)


async def record_install(
    session: AsyncSession, resources: Resources, shop_domain: str, grant: oauth.TokenGrant
) -> InstalledShop:
    """Upsert the shop: plan ``free`` with its quotas when new; on reinstall only tokens and install state move."""
    settings = resources.settings
    api = AdminApi(resources.http, settings, shop_domain, fixed_token(grant.access_token))
    shop_gid = await fetch_shop_gid(api)
    plan = settings.plan(NEW_SHOP_PLAN)
    installed = await repository.upsert_installed_shop(
        session,
        shop_domain=shop_domain,
        shopify_shop_id=shop_gid,
        scope=grant.scope,
        tokens=encrypt_grant(cipher_for(resources), shop_domain, grant),
        plan=NEW_SHOP_PLAN,
        daily_quota=plan.daily_quota,
        monthly_quota=plan.monthly_quota,
    )
    forget_shop_after_commit(session, shop_domain)
    log.info("%s %s (plan %s)", "installed" if installed.first_install else "reinstalled", shop_domain, installed.plan)
    return installed


def embedded_app_url(api_key: str, shop_domain: str, host_param: str | None) -> str:
    """Where the merchant lands after the code grant: the app inside the Shopify admin.

    ``host`` is Shopify's base64 of the admin host (``admin.shopify.com/store/x`` or ``x.myshopify.com/admin``);
    anything else decoded from it is ignored, so the redirect cannot be pointed elsewhere.
    """
    if host_param:
        try:
            host = base64.urlsafe_b64decode(host_param + "=" * (-len(host_param) % 4)).decode()
        except (binascii.Error, ValueError):
            host = ""
        if _ADMIN_HOST.fullmatch(host) or host == f"{shop_domain}/admin":
            return f"https://{host}/apps/{api_key}"
    return f"https://{shop_domain}/admin/apps/{api_key}"
