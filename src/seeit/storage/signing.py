"""HMAC-signed, expiring URLs for the objects this service serves itself (local storage)."""

from __future__ import annotations

import hashlib
import hmac
import time
from urllib.parse import quote, urlencode


def sign(secret: bytes, method: str, key: str, expires: int, extra: str = "") -> str:
    message = f"{method.upper()}\n{key}\n{expires}\n{extra}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def signed_file_url(
    base_url: str, secret: bytes, method: str, key: str, expires_in: int, extra: str = "", max_bytes: int = 0
) -> str:
    expires = int(time.time()) + expires_in
    query = {"expires": str(expires)}
    if max_bytes:
        query["max_bytes"] = str(max_bytes)
        extra = f"{extra}|{max_bytes}"
    query["signature"] = sign(secret, method, key, expires, extra)
    return f"{base_url.rstrip('/')}/files/{quote(key)}?{urlencode(query)}"


def verify(secret: bytes, method: str, key: str, expires: str, signature: str, extra: str = "") -> bool:
    """True when the signature matches and has not expired (constant-time comparison)."""
    if not expires.isdigit() or int(expires) < time.time():
        return False
    expected = sign(secret, method, key, int(expires), extra)
    return hmac.compare_digest(expected, signature)
