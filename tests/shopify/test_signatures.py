"""Verification against Shopify's published test vectors, awkward values, and Shopify's own Python package."""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from typing import Any
from urllib.parse import urlencode

import pytest

from seeit.shopify.signatures import (
    SignatureError,
    app_proxy_digest,
    decode_session_token,
    oauth_query_digest,
    valid_shop_domain,
    verify_app_proxy_query,
    verify_oauth_query,
    verify_webhook,
    webhook_digest,
)
from tests.conftest import TEST_API_KEY, TEST_SECRET
from tests.support import session_token

AWKWARD_VALUES = ["a b", "x=y", "p/q", "1+1", "a b=c/d+e", "=/+ ", "ünïcode"]


def _shopify_app() -> Any:
    try:
        import shopify_app  # Shopify's own package (PyPI: shopifyapp)
    except ImportError:
        pytest.skip("Shopify's shopifyapp package is not installed")
    return shopify_app


# --- OAuth callback query -------------------------------------------------------------------------------


def test_oauth_digest_matches_shopifys_test_vector() -> None:
    pairs = [
        ("code", "0907a61c0c8d55e99db179b68161bc00"),
        ("shop", "some-shop.myshopify.com"),
        ("state", "0.6784241404160823"),
        ("timestamp", "1337178173"),
        ("hmac", "ignored"),
    ]
    expected = "700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf"
    assert oauth_query_digest(pairs, "hush") == expected
    verify_oauth_query([*pairs[:4], ("hmac", expected)], "hush", now=1337178173)


@pytest.mark.parametrize("value", AWKWARD_VALUES)
def test_oauth_digest_is_over_decoded_values(value: str) -> None:
    params = {"shop": "a.myshopify.com", "state": value, "timestamp": "1700000000"}
    message = "&".join(f"{k}={v}" for k, v in sorted(params.items()))
    independent = hmac.new(b"hush", message.encode(), hashlib.sha256).hexdigest()
    assert oauth_query_digest(params.items(), "hush") == independent
    # Round trip through a URL: what the browser sends is what we check.
    from urllib.parse import parse_qsl

    arrived = parse_qsl(urlencode({**params, "hmac": independent}), keep_blank_values=True)
    verify_oauth_query(arrived, "hush", now=1700000000)


@pytest.mark.parametrize(
    ("timestamp", "now"),
    [("1700000000", 1700000091), ("1700000000", 1699999909), ("1700000000.5", 1700000000), ("", 1700000000), ("-1", 0)],
)
def test_oauth_refuses_stale_future_or_non_integer_timestamps(timestamp: str, now: float) -> None:
    params = {"shop": "a.myshopify.com", "timestamp": timestamp}
    pairs = [*params.items(), ("hmac", oauth_query_digest(params.items(), "hush"))]
    with pytest.raises(SignatureError):
        verify_oauth_query(pairs, "hush", now=now)


def test_oauth_refuses_a_wrong_or_repeated_hmac() -> None:
    params = {"shop": "a.myshopify.com", "timestamp": "1700000000"}
    digest = oauth_query_digest(params.items(), "hush")
    with pytest.raises(SignatureError):
        verify_oauth_query([*params.items(), ("hmac", "0" * 64)], "hush", now=1700000000)
    with pytest.raises(SignatureError):
        verify_oauth_query([*params.items(), ("hmac", digest), ("hmac", digest)], "hush", now=1700000000)


# --- app proxy ------------------------------------------------------------------------------------------


PROXY_VECTOR = [
    ("extra", "1"),
    ("extra", "2"),
    ("shop", "shop-name.myshopify.com"),
    ("logged_in_customer_id", "1"),
    ("path_prefix", "/apps/awesome_reviews"),
    ("timestamp", "1317327555"),
]
PROXY_VECTOR_SIGNATURE = "4c68c8624d737112c91818c11017d24d334b524cb5c2b8ba08daa056f7395ddb"


def test_app_proxy_digest_matches_shopifys_test_vector_with_repeated_parameters() -> None:
    assert app_proxy_digest(PROXY_VECTOR, "hush") == PROXY_VECTOR_SIGNATURE
    shop = verify_app_proxy_query([*PROXY_VECTOR, ("signature", PROXY_VECTOR_SIGNATURE)], "hush", now=1317327555)
    assert shop == "shop-name.myshopify.com"


@pytest.mark.parametrize("timestamp", ["1317327000", "1317328000", "1317327555.0", "abc"])
def test_app_proxy_refuses_stale_or_non_integer_timestamps(timestamp: str) -> None:
    pairs = [(k, timestamp if k == "timestamp" else v) for k, v in PROXY_VECTOR]
    with pytest.raises(SignatureError):
        verify_app_proxy_query([*pairs, ("signature", app_proxy_digest(pairs, "hush"))], "hush", now=1317327555)


@pytest.mark.parametrize("key", ["shop", "timestamp", "signature"])
def test_app_proxy_refuses_repeated_identity_parameters(key: str) -> None:
    pairs = [*PROXY_VECTOR, ("signature", PROXY_VECTOR_SIGNATURE)]
    pairs.append((key, dict(pairs)[key]))
    with pytest.raises(SignatureError):
        verify_app_proxy_query(pairs, "hush", now=1317327555)


def test_app_proxy_cross_checks_with_shopifys_own_package() -> None:
    shopify_app = _shopify_app()
    now = int(time.time())
    for value in AWKWARD_VALUES:
        pairs = [
            ("shop", "cross.myshopify.com"),
            ("logged_in_customer_id", ""),
            ("path_prefix", "/apps/see-it"),
            ("timestamp", str(now)),
            ("extra", value),
            ("extra", "second"),
        ]
        signature = app_proxy_digest(pairs, TEST_SECRET)
        url = "https://app.example/proxy/config?" + urlencode([*pairs, ("signature", signature)])
        theirs = shopify_app.ShopifyApp(TEST_API_KEY, TEST_SECRET).verify_app_proxy_req(
            {"method": "GET", "headers": {}, "url": url, "body": ""}
        )
        assert theirs.ok, (value, theirs.log)
        assert verify_app_proxy_query([*pairs, ("signature", signature)], TEST_SECRET) == "cross.myshopify.com"


# --- webhooks -------------------------------------------------------------------------------------------


def test_webhook_hmac_is_base64_of_the_raw_body() -> None:
    body = b'{"id":1,"note":"a b=c/d+e"}'
    expected = base64.b64encode(hmac.new(b"hush", body, hashlib.sha256).digest()).decode()
    assert webhook_digest(body, "hush") == expected
    verify_webhook(body, expected, "hush")
    for header in (None, "", expected[:-2], webhook_digest(body + b" ", "hush")):
        with pytest.raises(SignatureError):
            verify_webhook(body, header, "hush")


def test_webhook_hmac_cross_checks_with_shopifys_own_package() -> None:
    shopify_app = _shopify_app()
    body = '{"shop_domain":"cross.myshopify.com","customer":{"id":1,"email":"a+b@example.com"}}'
    headers = {
        "X-Shopify-Hmac-Sha256": webhook_digest(body.encode(), TEST_SECRET),
        "X-Shopify-Shop-Domain": "cross.myshopify.com",
        "X-Shopify-Topic": "customers/redact",
        "X-Shopify-Api-Version": "2026-04",
        "X-Shopify-Webhook-Id": "w1",
        "Content-Type": "application/json",
    }
    theirs = shopify_app.ShopifyApp(TEST_API_KEY, TEST_SECRET).verify_webhook_req(
        {"method": "POST", "headers": headers, "url": "https://app.example/webhooks", "body": body}
    )
    assert theirs.ok, theirs.log


# --- session tokens -------------------------------------------------------------------------------------


def test_session_token_gives_the_shop_and_user() -> None:
    decoded = decode_session_token(
        session_token("a.myshopify.com", user_id="9"), api_key=TEST_API_KEY, secret=TEST_SECRET
    )
    assert (decoded.shop_domain, decoded.user_id) == ("a.myshopify.com", "9")


@pytest.mark.parametrize(
    "variant",
    [
        {"secret": "wrong-secret"},
        {"api_key": "another-app"},
        {"iss": "https://b.myshopify.com/admin"},
        {"dest": "https://evil.example.com"},
        {"exp": -30},
        {"nbf": +30},
    ],
)
def test_session_token_refusals(variant: dict[str, Any]) -> None:
    # Times are offsets from now, taken when the test runs (not when it is collected).
    claims = {k: int(time.time()) + v if k in ("exp", "nbf") else v for k, v in variant.items()}
    token = session_token("a.myshopify.com", **claims)
    with pytest.raises(SignatureError):
        decode_session_token(token, api_key=TEST_API_KEY, secret=TEST_SECRET)


def test_session_token_leeway_is_about_ten_seconds() -> None:
    just_expired = session_token("a.myshopify.com", exp=int(time.time()) - 5)
    assert decode_session_token(just_expired, api_key=TEST_API_KEY, secret=TEST_SECRET).shop_domain


def test_session_token_cross_checks_with_shopifys_own_package() -> None:
    shopify_app = _shopify_app()
    token = session_token("cross.myshopify.com")
    theirs = shopify_app.ShopifyApp(TEST_API_KEY, TEST_SECRET).verify_admin_ui_ext_req(
        {"method": "POST", "headers": {"Authorization": f"Bearer {token}"}, "url": "https://app.example/x", "body": ""}
    )
    assert theirs.ok, theirs.log
    ours = decode_session_token(token, api_key=TEST_API_KEY, secret=TEST_SECRET)
    assert theirs.shop == ours.shop_domain.removesuffix(".myshopify.com")


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("demo.myshopify.com", True),
        ("my-shop-2.myshopify.com", True),
        ("Demo.myshopify.com", False),
        ("demo.myshopify.com.evil.com", False),
        ("demo.myshopify.io", False),
        ("-demo.myshopify.com", False),
        ("demo.myshopify.com/admin", False),
        ("", False),
        (None, False),
    ],
)
def test_shop_domains_are_validated(value: str | None, valid: bool) -> None:
    assert (valid_shop_domain(value) is not None) is valid


def test_oauth_digest_cross_checks_with_shopifys_older_package() -> None:
    """ShopifyAPI (Shopify's older Python package) signs the same decoded values the same way."""
    import shopify  # type: ignore[import-untyped]  # the ShopifyAPI package, installed by the test extra

    shopify.Session.setup(api_key=TEST_API_KEY, secret="hush")
    for value in AWKWARD_VALUES:
        params = {"code": "0907a61c", "shop": "a.myshopify.com", "state": value, "timestamp": "1337178173"}
        ours = oauth_query_digest(params.items(), "hush")
        assert ours == shopify.Session.calculate_hmac(params), value
        assert shopify.Session.validate_hmac({**params, "hmac": ours})
