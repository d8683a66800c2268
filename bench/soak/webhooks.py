"""Shopify's deliveries during the soak: products/update as photos change (some delivered twice, as Shopify's
at-least-once delivery does), an uninstall followed by a reinstall, an uninstall followed by shop/redact, and
the customer compliance topics."""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from bench.soak.client import Api
from bench.soak.fakes import ShopifyServer
from bench.soak.load import Traffic
from bench.soak.shops import SoakShop, change_image, install


@dataclass
class Deliveries:
    """What each delivery was answered (``processed``, ``duplicate``, ...; a status for a refusal)."""

    outcomes: Counter[str] = field(default_factory=Counter)
    duplicates_sent: int = 0
    duplicates_not_deduplicated: list[str] = field(default_factory=list)


async def deliver(
    api: Api,
    shopify: ShopifyServer,
    deliveries: Deliveries,
    topic: str,
    shop: str,
    payload: dict[str, Any],
    *,
    twice: bool = False,
) -> None:
    webhook = shopify.fake.signed_webhook(topic, shop, payload)
    route = f"POST /webhooks ({topic})"
    sends = 2 if twice else 1
    answers = await asyncio.gather(*(api.webhook(route, webhook.body, webhook.headers) for _ in range(sends)))
    statuses = []
    for answer in answers:
        if answer is None:
            statuses.append("unreachable")
        elif answer.status_code == 200:
            statuses.append(str(answer.json().get("status")))
        else:
            statuses.append(str(answer.status_code))
    deliveries.outcomes.update(statuses)
    if twice:
        deliveries.duplicates_sent += 1
        handled = [s for s in statuses if s in ("processed", "queued")]
        if len(handled) > 1:
            deliveries.duplicates_not_deduplicated.append(f"{topic} {shop}: {statuses}")


async def product_changes(
    traffic: Traffic, shopify: ShopifyServer, deliveries: Deliveries, shops: list[SoakShop]
) -> None:
    """Every few seconds a merchant changes a product's photo in Shopify, which sends products/update."""
    rng = random.Random(7)
    candidates = [shop for shop in shops if shop.role == "regular"]
    while traffic.running():
        await traffic.pause(rng.uniform(5.0, 12.0))
        if not traffic.running():
            return
        shop = rng.choice(candidates)
        product = rng.choice(shop.products)
        payload = change_image(shopify, shop, product, replace=rng.random() < 0.3)
        await deliver(
            traffic.api, shopify, deliveries, "products/update", shop.domain, payload, twice=rng.random() < 0.3
        )


def _shop_payload(shopify: ShopifyServer, shop: SoakShop) -> dict[str, Any]:
    gid = shopify.fake.shop(shop.domain).gid
    return {"id": int(gid.rsplit("/", 1)[1]), "domain": shop.domain, "myshopify_domain": shop.domain}


async def uninstall(api: Api, shopify: ShopifyServer, deliveries: Deliveries, shop: SoakShop) -> None:
    shopify.fake.revoke(shop.domain)  # Shopify revokes the app's tokens at once
    await deliver(api, shopify, deliveries, "app/uninstalled", shop.domain, _shop_payload(shopify, shop), twice=True)
    shop.installed = False


async def uninstall_then_reinstall(
    api: Api, shopify: ShopifyServer, deliveries: Deliveries, shop: SoakShop, pause: float
) -> bool:
    """The merchant removes the app, and installs it again ``pause`` seconds later; shoppers keep visiting."""
    await uninstall(api, shopify, deliveries, shop)
    await asyncio.sleep(pause)
    for _ in range(10):  # the admin retries an install that met a fault
        if await install(api, shop):
            return True
        await asyncio.sleep(2.0)
    return False


async def uninstall_then_redact(
    api: Api, shopify: ShopifyServer, deliveries: Deliveries, shop: SoakShop, pause: float
) -> None:
    """The merchant removes the app; Shopify sends shop/redact (48 h later in life, ``pause`` seconds here)."""
    await uninstall(api, shopify, deliveries, shop)
    shop.redacted = True  # its storefront is gone: shoppers stop visiting
    await asyncio.sleep(pause)
    customer = {"id": 7001, "email": "shopper@example.com", "phone": None}
    payload = {"shop_id": _shop_payload(shopify, shop)["id"], "shop_domain": shop.domain}
    await deliver(
        api,
        shopify,
        deliveries,
        "customers/data_request",
        shop.domain,
        {**payload, "customer": customer, "orders_requested": [], "data_request": {"id": 1}},
    )
    await deliver(
        api,
        shopify,
        deliveries,
        "customers/redact",
        shop.domain,
        {**payload, "customer": customer, "orders_to_redact": []},
    )
    await deliver(api, shopify, deliveries, "shop/redact", shop.domain, payload, twice=True)
