"""``POST /webhooks``: Shopify's deliveries, HMAC-checked before anything else, handled once per event."""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel

from seeit.db import SessionDep
from seeit.errors import BadRequest, InvalidSignature
from seeit.openapi import error_responses
from seeit.resources import ResourcesDep
from seeit.shopify.signatures import SignatureError, valid_shop_domain, verify_webhook
from seeit.webhooks.service import Delivery, Outcome, handle_delivery

router = APIRouter(tags=["webhooks"])


def _header(request: Request, name: str) -> str | None:
    """``X-Shopify-Topic`` or, from Shopify's newer event system, ``shopify-topic``."""
    return request.headers.get(f"x-shopify-{name}") or request.headers.get(f"shopify-{name}")


async def verified_delivery(request: Request, resources: ResourcesDep) -> Delivery:
    body = await request.body()
    try:
        verify_webhook(body, _header(request, "hmac-sha256"), resources.settings.shopify_api_secret)
    except SignatureError as exc:
        raise InvalidSignature(str(exc)) from None
    topic = (_header(request, "topic") or "").strip()
    shop_domain = valid_shop_domain((_header(request, "shop-domain") or "").strip())
    if not topic or shop_domain is None:
        raise BadRequest("The delivery names no topic or no valid shop domain.")
    try:
        payload: Any = json.loads(body) if body else {}
    except ValueError:
        raise BadRequest("The delivery body is not JSON.") from None
    if not isinstance(payload, dict):
        raise BadRequest("The delivery body is not a JSON object.")
    event_key = _header(request, "event-id") or _header(request, "webhook-id")
    if not event_key:
        # No id to deduplicate on: identical bodies for the same topic and shop count as one event.
        event_key = "sha256:" + hashlib.sha256(f"{topic}\n{shop_domain}\n".encode() + body).hexdigest()
    return Delivery(topic=topic, shop_domain=shop_domain, event_key=event_key.strip(), payload=payload)


class WebhookOut(BaseModel):
    status: Outcome


@router.post("/webhooks", responses=error_responses(InvalidSignature, BadRequest))
async def receive_webhook(
    delivery: Annotated[Delivery, Depends(verified_delivery)], resources: ResourcesDep, session: SessionDep
) -> WebhookOut:
    """Handle one delivery; a repeated event answers 200 ``duplicate`` and does nothing."""
    return WebhookOut(status=await handle_delivery(session, resources.settings, delivery))
