"""The soak's shops: their products in the fake Shopify, their installation (token exchange, as an embedded
admin does it), their plans, and the products/update payloads Shopify sends when a product's images change."""

from __future__ import annotations

import asyncio
import io
import time
import uuid
from dataclasses import dataclass, field
from typing import Any, Literal

import asyncpg
from PIL import Image, ImageDraw

from bench.soak.client import Api
from bench.soak.fakes import ShopifyServer
from seeit.cli.database import OPERATOR, operator_transaction
from seeit.config import Settings
from seeit.shops import service as shops_service
from tests.fakes.shopify import FakeImage

# regular: a paying shop with room to spare; tight: a free plan's 10 a day, raced for by many shoppers;
# reinstalls: uninstalled and installed again mid-run; redacted: uninstalled, then ``shop/redact``.
Role = Literal["regular", "tight", "reinstalls", "redacted"]
FIRST_PRODUCT = 9_100_000_001
PRODUCTS = 6  # per shop; the first few are prepared while setting up, the rest first asked for by shoppers


@dataclass
class SoakShop:
    domain: str
    role: Role
    index: int
    id: uuid.UUID | None = None
    installed: bool = True
    redacted: bool = False
    image_versions: dict[int, int] = field(default_factory=dict)

    @property
    def products(self) -> list[int]:
        first = FIRST_PRODUCT + 100 * self.index
        return list(range(first, first + PRODUCTS))

    @property
    def storefront_open(self) -> bool:
        """Whether shoppers still visit: a redacted shop's storefront is gone; an uninstalled one is asked
        anyway (and must refuse)."""
        return not self.redacted


def roster(shops: int) -> list[SoakShop]:
    """``shops`` shops: two tight ones, one that reinstalls, one that is redacted, the rest regular."""
    roles: list[Role] = ["tight", "tight", "reinstalls", "redacted"]
    roles += ["regular"] * max(1, shops - len(roles))
    return [SoakShop(f"soak-{i:02d}-{role}.myshopify.com", role, i) for i, role in enumerate(roles)]


def add_products(shopify: ShopifyServer, shop: SoakShop) -> None:
    for product in shop.products:
        shop.image_versions[product] = 1
        shopify.fake.add_product(
            shop.domain,
            product,
            f"Soak product {product}",
            images=[shopify.image_url(shop.domain, product, 1)],
            enabled=True,
        )


async def install(api: Api, shop: SoakShop) -> bool:
    """Token exchange with a session token, as the embedded admin's first open does."""
    response = await api.admin("POST /auth/token-exchange", "POST", "/auth/token-exchange", shop.domain)
    shop.installed = response is not None and response.status_code == 200
    return shop.installed


async def set_plans(settings: Settings, shops: list[SoakShop]) -> None:
    """The operator's ``seeit shops set-plan``: regular shops get plenty, tight ones keep the free plan's
    10 a day (one of them with room for many renders at once, so the quota is what refuses)."""
    for shop in shops:
        async with operator_transaction(settings) as session:
            if shop.role == "tight":
                concurrent = 50 if shop.index % 2 else None
                await shops_service.set_plan_by_operator(
                    session, settings, shop.domain, "free", actor=OPERATOR, max_concurrent_renders=concurrent
                )
            else:
                await shops_service.set_plan_by_operator(
                    session, settings, shop.domain, "pro", actor=OPERATOR, daily_quota=100_000, monthly_quota=1_000_000
                )


async def shop_ids(database_url: str, shops: list[SoakShop]) -> None:
    conn = await asyncpg.connect(database_url.replace("+asyncpg", ""))
    try:
        rows = await conn.fetch("SELECT shop_domain, id FROM shops")
    finally:
        await conn.close()
    ids = {row["shop_domain"]: row["id"] for row in rows}
    for shop in shops:
        shop.id = ids.get(shop.domain)


def cutout_png(seed: int) -> bytes:
    """A merchant's own cut-out: a solid product on a transparent background."""
    image = Image.new("RGBA", (320, 400), (0, 0, 0, 0))
    ImageDraw.Draw(image).rounded_rectangle((40, 30, 280, 390), radius=24, fill=(60 + seed % 120, 50, 40, 255))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


async def upload_cutouts(api: Api, shops: list[SoakShop], count: int) -> int:
    """The merchant uploads their own cut-out for the first ``count`` products of each shop; returns how many
    were refused."""

    async def one(shop: SoakShop, product: int) -> bool:
        files = {"image": ("cutout.png", cutout_png(product), "image/png")}
        path = f"/api/admin/products/{product}/asset"
        response = await api.admin("PUT /api/admin/products/{id}/asset", "PUT", path, shop.domain, files=files)
        return response is not None and response.status_code == 200

    done = await asyncio.gather(*(one(shop, p) for shop in shops for p in shop.products[:count]))
    return done.count(False)


async def prepare_products(api: Api, shops: list[SoakShop], products: slice) -> list[str]:
    """The merchant prepares some products of each shop (the worker cuts them out); returns the assets queued."""
    asset_ids: list[str] = []

    async def one(shop: SoakShop, product: int) -> None:
        path = f"/api/admin/products/{product}/prepare"
        response = await api.admin("POST /api/admin/products/{id}/prepare", "POST", path, shop.domain, json={})
        if response is not None and response.status_code == 202:
            asset_ids.append(response.json()["id"])

    await asyncio.gather(*(one(shop, p) for shop in shops for p in shop.products[products]))
    return asset_ids


async def wait_for_assets(database_url: str, asset_ids: list[str], timeout: float) -> int:
    """Wait until the assets are no longer pending; returns how many still are."""
    conn = await asyncpg.connect(database_url.replace("+asyncpg", ""))
    try:
        deadline = time.monotonic() + timeout
        while True:
            pending = await conn.fetchval(
                "SELECT count(*) FROM product_assets WHERE status = 'pending' AND id = ANY($1::uuid[])", asset_ids
            )
            if pending == 0 or time.monotonic() > deadline:
                return int(pending)
            await asyncio.sleep(0.5)
    finally:
        await conn.close()


def change_image(shopify: ShopifyServer, shop: SoakShop, product: int, *, replace: bool) -> dict[str, Any]:
    """Change a product's photo in Shopify: a new file for the same image, or a new image in its place;
    returns the products/update payload (the REST product object) Shopify sends for it."""
    fake_product = shopify.fake.product(shop.domain, product)
    version = shop.image_versions[product] = shop.image_versions[product] + 1
    url = shopify.image_url(shop.domain, product, version)
    current = fake_product.images[0]
    image_id = f"gid://shopify/MediaImage/{product * 100 + version}" if replace else current.id
    fake_product.images = [FakeImage(id=image_id, url=url)]  # one assignment: the server thread sees old or new
    return products_update_payload(product, image_id, url)


def products_update_payload(product: int, image_id: str, url: str) -> dict[str, Any]:
    media_number = int(image_id.rsplit("/", 1)[1])
    return {
        "id": product,
        "admin_graphql_api_id": f"gid://shopify/Product/{product}",
        "title": f"Soak product {product}",
        "updated_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "image": {"id": media_number, "src": url, "position": 1},
        "images": [{"id": media_number, "src": url, "position": 1}],
        "media": [
            {
                "id": media_number,
                "admin_graphql_api_id": image_id,
                "media_content_type": "IMAGE",
                "preview_image": {"src": url, "width": 800, "height": 600},
            }
        ],
        "variants": [
            {"id": product * 10 + 1, "admin_graphql_api_id": f"gid://shopify/ProductVariant/{product * 10 + 1}"}
        ],
    }
