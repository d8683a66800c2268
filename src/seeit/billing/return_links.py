"""The Billing API's ``returnUrl``: a link back to this service for one shop, signed so only ours are followed.

Shopify sends the merchant's browser there after the charge is approved or declined, with ``charge_id``
appended. The signature covers the shop, so nobody can make the service re-read another shop's subscriptions
on their say-so (reading is harmless, but it costs API calls).
"""

from __future__ import annotations

import hashlib
import hmac
from urllib.parse import urlencode

from seeit.config import Settings

RETURN_PATH = "/billing/return"


def _key(settings: Settings) -> bytes:
    # Derived, so this signature can never be mistaken for (or used as) any other Shopify signature.
    return hmac.new(settings.shopify_api_secret.encode(), b"seeit billing return v1", hashlib.sha256).digest()


def return_signature(settings: Settings, shop_domain: str) -> str:
    return hmac.new(_key(settings), shop_domain.encode(), hashlib.sha256).hexdigest()


def return_url(settings: Settings, shop_domain: str) -> str:
    query = urlencode({"shop": shop_domain, "signature": return_signature(settings, shop_domain)})
    return f"{settings.public_url.rstrip('/')}{RETURN_PATH}?{query}"


def return_signature_valid(settings: Settings, shop_domain: str, signature: str) -> bool:
    return hmac.compare_digest(return_signature(settings, shop_domain), signature)
