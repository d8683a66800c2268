"""Installation endpoints: token exchange (embedded apps) and the authorization-code flow."""

from __future__ import annotations

from urllib.parse import parse_qsl

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse

from seeit.db import SessionDep
from seeit.errors import BadRequest, InvalidSessionToken, InvalidSignature, ServiceUnavailable
from seeit.openapi import error_responses
from seeit.resources import ResourcesDep
from seeit.shopify.oauth import authorize_url
from seeit.shopify.signatures import SignatureError, valid_shop_domain, verify_oauth_query
from seeit.shops import install as installation
from seeit.shops import install_state
from seeit.shops.schemas import InstalledOut

router = APIRouter(prefix="/auth", tags=["install"])


@router.post("/token-exchange", responses=error_responses(InvalidSessionToken, ServiceUnavailable))
async def token_exchange(request: Request, resources: ResourcesDep, session: SessionDep) -> InstalledOut:
    """Exchange the bearer session token for an expiring offline token and install (or reinstall) the shop."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise InvalidSessionToken("A bearer session token is required.")
    installed = await installation.install_with_session_token(session, resources, token.strip())
    return InstalledOut(shop_domain=installed.shop_domain, plan=installed.plan)


@router.get(
    "/install",
    status_code=302,
    response_class=RedirectResponse,
    responses={302: {"description": "To Shopify's authorization page"}, **error_responses(BadRequest)},
)
async def install(
    resources: ResourcesDep, shop: str = Query(description="The shop's `*.myshopify.com` domain")
) -> RedirectResponse:
    """Start the authorization-code install: a single-use state bound to this browser by a signed cookie."""
    shop_domain = valid_shop_domain(shop)
    if shop_domain is None:
        raise BadRequest("`shop` must be a shop's myshopify.com domain.")
    state = await install_state.issue_state(resources.settings, resources.arq, shop_domain)
    response = RedirectResponse(authorize_url(resources.settings, shop_domain, state.nonce), status_code=302)
    production = resources.settings.env == "production"
    response.set_cookie(
        install_state.COOKIE_NAME,
        state.cookie_value,
        max_age=install_state.STATE_TTL_SECONDS,
        path="/auth",
        httponly=True,
        # Browsers drop SameSite=None cookies that are not Secure, and plain-HTTP development has no Secure.
        secure=production,
        samesite="none" if production else "lax",
    )
    return response


@router.get(
    "/callback",
    status_code=302,
    response_class=RedirectResponse,
    responses={
        302: {"description": "To the app embedded in the Shopify admin"},
        **error_responses(BadRequest, InvalidSignature, ServiceUnavailable),
    },
)
async def callback(request: Request, resources: ResourcesDep, session: SessionDep) -> RedirectResponse:
    """Finish the install: hmac, shop, state and timestamp checked, code exchanged, shop recorded."""
    settings = resources.settings
    pairs = parse_qsl(request.scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
    try:
        verify_oauth_query(pairs, settings.shopify_api_secret)
    except SignatureError as exc:
        raise InvalidSignature(str(exc)) from None
    query = dict(pairs)
    shop_domain = valid_shop_domain(query.get("shop"))
    if shop_domain is None:
        raise BadRequest("`shop` must be a shop's myshopify.com domain.")
    state, code = query.get("state", ""), query.get("code", "")
    cookie = request.cookies.get(install_state.COOKIE_NAME)
    if not install_state.cookie_matches(settings, cookie, state=state, shop_domain=shop_domain):
        raise InvalidSignature("The install state does not match this browser's install.")
    if not await install_state.consume_state(resources.arq, state, shop_domain):
        raise InvalidSignature("The install state is unknown, expired or already used.")
    if not code:
        raise BadRequest("`code` is missing.")
    await installation.install_with_code(session, resources, shop_domain, code)
    target = installation.embedded_app_url(settings.shopify_api_key, shop_domain, query.get("host"))
    response = RedirectResponse(target, status_code=302)
    response.delete_cookie(install_state.COOKIE_NAME, path="/auth")
    return response
