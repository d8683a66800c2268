"""Verification of everything Shopify signs: OAuth queries, app proxy queries, webhooks, session tokens.

Every comparison is constant-time. Shop domains are validated before any other use.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

import jwt

SHOP_DOMAIN = re.compile(r"^[a-z0-9][a-z0-9-]*\.myshopify\.com$")
# Shopify's libraries reject OAuth and proxy timestamps more than 90 s from now.
MAX_TIMESTAMP_SKEW_SECONDS = 90
SESSION_TOKEN_LEEWAY_SECONDS = 10


class SignatureError(ValueError):
    """A signature, timestamp or token that must be refused; the message says why (never the secret)."""


def valid_shop_domain(value: str | None) -> str | None:
    """The shop domain if it is a well-formed ``*.myshopify.com`` host, else None."""
    if value and len(value) <= 255 and SHOP_DOMAIN.fullmatch(value):
        return value
    return None


def _hmac_sha256(secret: str, message: bytes) -> bytes:
    return hmac.new(secret.encode(), message, hashlib.sha256).digest()


def _check_timestamp(value: str | None, now: float | None) -> None:
    if value is None or not value.isdigit():
        raise SignatureError("timestamp missing or not an integer")
    if abs((now if now is not None else time.time()) - int(value)) > MAX_TIMESTAMP_SKEW_SECONDS:
        raise SignatureError("timestamp too far from now")


def oauth_query_digest(pairs: Iterable[tuple[str, str]], secret: str) -> str:
    """Hex HMAC of the sorted ``k=v&…`` query without ``hmac``/``signature``, over decoded values."""
    kept = sorted((k, v) for k, v in pairs if k not in ("hmac", "signature"))
    message = "&".join(f"{k}={v}" for k, v in kept)
    return _hmac_sha256(secret, message.encode()).hex()


def verify_oauth_query(pairs: list[tuple[str, str]], secret: str, *, now: float | None = None) -> None:
    """Check an OAuth callback query (decoded pairs in arrival order); raises SignatureError."""
    given = [v for k, v in pairs if k == "hmac"]
    if len(given) != 1:
        raise SignatureError("hmac missing or repeated")
    if not hmac.compare_digest(oauth_query_digest(pairs, secret), given[0].lower()):
        raise SignatureError("hmac does not match")
    _check_timestamp(_single(pairs, "timestamp"), now)


def app_proxy_digest(pairs: Iterable[tuple[str, str]], secret: str) -> str:
    """Hex HMAC over sorted ``k=v`` pairs, repeated keys' values joined by ``,``, no separator."""
    grouped: dict[str, list[str]] = {}
    for key, value in pairs:
        if key != "signature":
            grouped.setdefault(key, []).append(value)
    message = "".join(f"{k}={','.join(v)}" for k, v in sorted(grouped.items()))
    return _hmac_sha256(secret, message.encode()).hex()


def verify_app_proxy_query(pairs: list[tuple[str, str]], secret: str, *, now: float | None = None) -> str:
    """Check an app proxy request's query; returns the verified shop domain or raises SignatureError."""
    for key in ("signature", "shop", "timestamp"):
        if sum(1 for k, _ in pairs if k == key) > 1:
            raise SignatureError(f"repeated {key} parameter")
    given = _single(pairs, "signature")
    if not given:
        raise SignatureError("signature missing")
    if not hmac.compare_digest(app_proxy_digest(pairs, secret), given.lower()):
        raise SignatureError("signature does not match")
    _check_timestamp(_single(pairs, "timestamp"), now)
    shop = valid_shop_domain(_single(pairs, "shop"))
    if shop is None:
        raise SignatureError("shop is not a valid myshopify.com domain")
    return shop


def webhook_digest(body: bytes, secret: str) -> str:
    return base64.b64encode(_hmac_sha256(secret, body)).decode()


def verify_webhook(body: bytes, header: str | None, secret: str) -> None:
    """Check ``X-Shopify-Hmac-Sha256`` against the raw body bytes; raises SignatureError."""
    if not header:
        raise SignatureError("webhook hmac header missing")
    if not hmac.compare_digest(webhook_digest(body, secret).encode(), header.strip().encode()):
        raise SignatureError("webhook hmac does not match")


@dataclass(frozen=True)
class SessionToken:
    shop_domain: str
    user_id: str | None  # the `sub` claim: the merchant staff member acting
    session_id: str | None
    raw: str


def decode_session_token(token: str, *, api_key: str, secret: str, now: float | None = None) -> SessionToken:
    """Verify an App Bridge session token (HS256, our audience, same shop in ``iss`` and ``dest``)."""
    try:
        claims = jwt.decode(
            token,
            secret,
            algorithms=["HS256"],
            audience=api_key,
            leeway=SESSION_TOKEN_LEEWAY_SECONDS,
            options={"require": ["exp", "nbf", "iss", "dest", "aud"]},
        )
    except jwt.PyJWTError as exc:
        raise SignatureError(f"session token rejected: {exc.__class__.__name__}") from None
    if now is not None and claims["exp"] + SESSION_TOKEN_LEEWAY_SECONDS < now:
        raise SignatureError("session token rejected: ExpiredSignatureError")
    dest_host = urlsplit(str(claims["dest"])).hostname
    iss = urlsplit(str(claims["iss"]))
    shop = valid_shop_domain(dest_host)
    if shop is None or iss.hostname != shop or iss.path.rstrip("/") != "/admin":
        raise SignatureError("session token rejected: iss and dest are not the same shop")
    return SessionToken(
        shop_domain=shop,
        user_id=str(claims["sub"]) if claims.get("sub") is not None else None,
        session_id=str(claims["sid"]) if claims.get("sid") is not None else None,
        raw=token,
    )


def _single(pairs: Iterable[tuple[str, str]], key: str) -> str | None:
    values = [v for k, v in pairs if k == key]
    return values[0] if len(values) == 1 else None


def query_pairs(query: Mapping[str, str] | list[tuple[str, str]]) -> list[tuple[str, str]]:
    return list(query.items()) if isinstance(query, Mapping) else list(query)
