"""``app_subscriptions/update``'s payload read as a subscription seen (``billing.service.subscription_updated``
records it; the shop's plan follows).

The payload (``{"app_subscription": {admin_graphql_api_id, name, status, updated_at, plan_handle, ...}}``)
carries no billing period, so a change to ACTIVE also queues a re-read of the shop's subscriptions to learn
when the period renews; so does an end that moved the shop to the free plan, in case it ended because a new
subscription replaced it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from seeit.billing.plans import plan_named
from seeit.billing.repository import SeenSubscription
from seeit.config import Settings
from seeit.errors import BadRequest
from seeit.models import SUBSCRIPTION_STATUSES

TOPIC = "app_subscriptions/update"


def _time(value: Any, name: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise BadRequest(f"`app_subscription.{name}` is not a time.") from None
    if parsed.tzinfo is None:
        raise BadRequest(f"`app_subscription.{name}` has no UTC offset.")
    return parsed


def seen_from_webhook(settings: Settings, payload: dict[str, Any]) -> SeenSubscription:
    subscription = payload.get("app_subscription")
    if not isinstance(subscription, dict):
        raise BadRequest("The delivery carries no `app_subscription`.")
    gid, status = subscription.get("admin_graphql_api_id"), str(subscription.get("status") or "").upper()
    if not isinstance(gid, str) or not gid.startswith("gid://shopify/AppSubscription/"):
        raise BadRequest("`app_subscription.admin_graphql_api_id` is not an AppSubscription GID.")
    if status not in SUBSCRIPTION_STATUSES:
        raise BadRequest(f"`app_subscription.status` {status[:40]!r} is not a subscription status.")
    if not subscription.get("updated_at"):
        raise BadRequest("`app_subscription.updated_at` is missing.")
    name = str(subscription.get("name") or "")
    handle = subscription.get("plan_handle")
    return SeenSubscription(
        gid=gid,
        name=name,
        status=status,
        plan=plan_named(settings, handle if isinstance(handle, str) else None, name),
        test=subscription["test"] if isinstance(subscription.get("test"), bool) else None,
        trial_ends_at=None,
        current_period_end=None,
        shopify_created_at=_time(subscription["created_at"], "created_at") if subscription.get("created_at") else None,
        version=_time(subscription["updated_at"], "updated_at"),
        source="webhook",
    )
