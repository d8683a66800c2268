"""The soak's traffic: shoppers on many storefronts at once, and their merchants in the embedded admin.

A shopper's visit is what the storefront block does: read the product's config, upload a room photo (through
the proxy, or straight to storage and confirm), sometimes ask for a cleanup, ask for one or two renders at
some quality (with or without an Idempotency-Key, sometimes sent twice), long-poll each until it is finished,
then share it or fetch its picture. Every promise the service makes (a 202) goes into the ``Ledger``, which the
end checks hold against the database and the bucket.
"""

from __future__ import annotations

import asyncio
import io
import random
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx
import numpy as np
from PIL import Image

from bench.soak.client import Api
from bench.soak.shops import SoakShop

QUALITIES = ("draft", "standard", "high")
SHOPPER_PATIENCE_SECONDS = 120.0  # how long a shopper long-polls one render before leaving


def room_photo(width: int, height: int, seed: int) -> bytes:
    """A room: a lit wall over a floor, with sensor noise, so the JPEG weighs what a phone's photo does."""
    rng = np.random.default_rng(seed)
    horizon = int(height * rng.uniform(0.55, 0.7))
    wall = np.linspace(200, 160, horizon)[:, None, None] * np.array([1.0, 0.95, 0.88])
    floor = np.linspace(120, 80, height - horizon)[:, None, None] * np.array([0.9, 0.75, 0.6])
    pixels = np.concatenate([np.repeat(wall, width, 1), np.repeat(floor, width, 1)])
    pixels += rng.normal(0, 6, pixels.shape)
    out = io.BytesIO()
    Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)).save(out, "JPEG", quality=90)
    return out.getvalue()


ROOMS = [room_photo(w, h, i) for i, (w, h) in enumerate([(1024, 768), (1600, 1200), (2000, 1500)])]


@dataclass(frozen=True)
class Accepted:
    shop: str
    quality: str
    at: float


@dataclass
class Ledger:
    """What the service promised (every 202) and what the soak saw of its promises."""

    renders: dict[str, Accepted] = field(default_factory=dict)  # job id → ...
    cleanups: dict[str, str] = field(default_factory=dict)  # room id → shop
    preps: dict[str, str] = field(default_factory=dict)  # asset id → shop
    replays: int = 0
    replay_mismatches: list[str] = field(default_factory=list)  # a key answered with another job
    shares: int = 0
    share_failures: list[str] = field(default_factory=list)
    pictures: int = 0
    picture_failures: list[str] = field(default_factory=list)
    finished_seen: int = 0
    gave_up: int = 0  # renders a shopper stopped waiting for (the end checks still follow them)

    def accept(self, response: httpx.Response, shop: SoakShop, quality: str) -> str | None:
        if response.status_code != 202:
            return None
        job_id: str = response.json()["id"]
        if response.headers.get("idempotent-replayed") != "true":
            self.renders.setdefault(job_id, Accepted(shop.domain, quality, time.monotonic()))
        return job_id


@dataclass
class Traffic:
    api: Api
    ledger: Ledger
    stop_at: float  # monotonic: when the load ends

    def running(self) -> bool:
        return time.monotonic() < self.stop_at

    def left(self) -> float:
        return max(0.0, self.stop_at - time.monotonic())

    async def pause(self, seconds: float) -> None:
        """Think time, cut short when the load ends."""
        await asyncio.sleep(min(seconds, self.left()))


async def shopper(traffic: Traffic, shop: SoakShop, seed: int) -> None:
    rng = random.Random(seed)
    while traffic.running() and shop.storefront_open:
        await visit(traffic, shop, rng)
        await traffic.pause(rng.uniform(0.3, 2.0))


async def visit(traffic: Traffic, shop: SoakShop, rng: random.Random) -> None:
    api = traffic.api
    product = rng.choice(shop.products)
    visitor = str(uuid.uuid4())
    await api.proxy("GET /proxy/config", "GET", "/proxy/config", shop.domain, params={"product_id": str(product)})
    room_id = await (direct_upload(traffic, shop, rng) if rng.random() < 0.3 else upload(traffic, shop, rng))
    if room_id is None:
        return
    if rng.random() < 0.2:
        await cleanup(traffic, shop, room_id)
    for _ in range(rng.choice((1, 1, 2))):
        job_id = await render(traffic, shop, rng, product, room_id)
        if job_id is not None:
            await follow(traffic, shop, rng, job_id)
            await events(traffic, shop, visitor, product, job_id)


async def events(traffic: Traffic, shop: SoakShop, visitor: str, product: int, job_id: str) -> None:
    """The visualizer's batch of what the shopper did, as the block reports it."""
    batch = [
        {"kind": kind, "product_id": str(product), **({"render_id": job_id} if kind != "opened" else {})}
        for kind in ("opened", "room_uploaded", "rendered")
    ]
    body = {"visitor_id": visitor, "events": batch}
    await traffic.api.proxy("POST /proxy/events", "POST", "/proxy/events", shop.domain, json=body)


async def upload(traffic: Traffic, shop: SoakShop, rng: random.Random) -> str | None:
    files = {"image": ("room.jpg", rng.choice(ROOMS), "image/jpeg")}
    response = await traffic.api.proxy(
        "POST /proxy/rooms (multipart)", "POST", "/proxy/rooms", shop.domain, files=files
    )
    return response.json()["id"] if response is not None and response.status_code == 201 else None


async def direct_upload(traffic: Traffic, shop: SoakShop, rng: random.Random) -> str | None:
    """Ask for a presigned upload, send the photo straight to storage, then confirm it."""
    api = traffic.api
    asked = await api.proxy(
        "POST /proxy/rooms (direct)", "POST", "/proxy/rooms", shop.domain, json={"content_type": "image/jpeg"}
    )
    if asked is None or asked.status_code != 201:
        return None
    room = asked.json()
    target = room["upload"]
    photo = ("room.jpg", rng.choice(ROOMS), "image/jpeg")
    sent = await api.request(
        "POST storage (presigned upload)", "POST", target["url"], data=target["fields"], files={"file": photo}
    )
    if sent is None or sent.status_code not in (200, 201, 204):
        return None
    path = f"/proxy/rooms/{room['id']}/confirm"
    confirmed = await api.proxy("POST /proxy/rooms/{id}/confirm", "POST", path, shop.domain)
    return room["id"] if confirmed is not None and confirmed.status_code == 200 else None


async def cleanup(traffic: Traffic, shop: SoakShop, room_id: str) -> None:
    """Ask for the room's cleanup and wait a while for it, as the visualizer shows its progress."""
    api = traffic.api
    path = f"/proxy/rooms/{room_id}/cleanup"
    response = await api.proxy("POST /proxy/rooms/{id}/cleanup", "POST", path, shop.domain)
    if response is None or response.status_code != 202:
        return
    traffic.ledger.cleanups[room_id] = shop.domain
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and traffic.running():
        await asyncio.sleep(1.0)
        room = await api.proxy("GET /proxy/rooms/{id}", "GET", f"/proxy/rooms/{room_id}", shop.domain)
        if room is not None and room.status_code == 200 and room.json()["cleanup_status"] in ("completed", "failed"):
            return


def render_body(rng: random.Random, product: int, room_id: str, quality: str) -> dict[str, Any]:
    return {
        "product_id": str(product),
        "room_session_id": room_id,
        "placement": {"x": rng.uniform(0.2, 0.8), "y": rng.uniform(0.6, 0.95), "scale": rng.uniform(0.15, 0.45)},
        "quality": quality,
    }


async def render(traffic: Traffic, shop: SoakShop, rng: random.Random, product: int, room_id: str) -> str | None:
    """Ask for a render; with a key, sometimes send it again (after, or at the same time, as a retrying client
    would): every answer for one key must be the same job."""
    api, ledger = traffic.api, traffic.ledger
    quality = rng.choice(QUALITIES)
    body = render_body(rng, product, room_id, quality)
    key = str(uuid.uuid4()) if rng.random() < 0.5 else None
    headers = {"Idempotency-Key": key} if key else {}
    route = "POST /proxy/renders" + (" (keyed)" if key else "")
    sends = 2 if key and rng.random() < 0.3 else 1
    at_once = sends == 2 and rng.random() < 0.5
    if at_once:
        answers = await asyncio.gather(
            *(api.proxy(route, "POST", "/proxy/renders", shop.domain, json=body, headers=headers) for _ in range(2))
        )
    else:
        answers = [await api.proxy(route, "POST", "/proxy/renders", shop.domain, json=body, headers=headers)]
        if sends == 2:
            answers.append(await api.proxy(route, "POST", "/proxy/renders", shop.domain, json=body, headers=headers))
    ids = {ledger.accept(answer, shop, quality) for answer in answers if answer is not None}
    ids.discard(None)
    if sends == 2:
        ledger.replays += 1
        if len(ids) > 1:
            ledger.replay_mismatches.append(f"{shop.domain} key {key}: {sorted(map(str, ids))}")
    return next(iter(ids)) if ids else None


async def follow(traffic: Traffic, shop: SoakShop, rng: random.Random, job_id: str) -> None:
    """Long-poll the render until it is finished, then share it or fetch its picture."""
    api, ledger = traffic.api, traffic.ledger
    deadline = time.monotonic() + SHOPPER_PATIENCE_SECONDS
    job: dict[str, Any] | None = None
    while traffic.running() and time.monotonic() < deadline:
        wait = str(max(1, min(25, int(traffic.left()))))
        response = await api.proxy(
            "GET /proxy/renders/{id}?wait", "GET", f"/proxy/renders/{job_id}", shop.domain, params={"wait": wait}
        )
        if response is not None and response.status_code == 200:
            job = response.json()
            if job["status"] in ("completed", "failed"):
                break
        elif response is None or response.status_code >= 500:
            await asyncio.sleep(1.0)
        else:
            return  # 403 after an uninstall, 404 after a redaction: nothing more to see
    else:
        ledger.gave_up += 1
        return
    assert job is not None
    ledger.finished_seen += 1
    if job["status"] != "completed":
        return
    if rng.random() < 0.3:
        await share(traffic, shop, job_id)
    if rng.random() < 0.3:
        picture = await api.request("GET storage (render picture)", "GET", job["image_url"])
        if picture is not None and picture.status_code == 200 and picture.content[:8] == b"\x89PNG\r\n\x1a\n":
            ledger.pictures += 1
        elif picture is not None and picture.status_code < 500 and not shop.redacted:
            ledger.picture_failures.append(f"{job_id}: {picture.status_code}")  # a redacted shop's are gone


async def share(traffic: Traffic, shop: SoakShop, job_id: str) -> None:
    api, ledger = traffic.api, traffic.ledger
    path = f"/proxy/renders/{job_id}/share"
    made = await api.proxy("POST /proxy/renders/{id}/share", "POST", path, shop.domain)
    if made is None or made.status_code != 201:
        return
    followed = await api.request("GET /share/{token}", "GET", made.json()["share_url"])
    if followed is not None and followed.status_code == 302 and followed.headers.get("location"):
        ledger.shares += 1
    elif followed is not None and followed.status_code < 500 and shop.installed and not shop.redacted:
        # A link stops working while its shop is uninstalled, and for good once it is redacted.
        ledger.share_failures.append(f"{job_id}: {followed.status_code}")


async def merchant(traffic: Traffic, shop: SoakShop, seed: int) -> None:
    """The shop's merchant in the embedded admin: usage, the shop, renders, assets; prepares and prepare-all."""
    rng = random.Random(seed)
    api, ledger = traffic.api, traffic.ledger
    while traffic.running() and shop.storefront_open:
        await traffic.pause(rng.uniform(6.0, 18.0))
        if not shop.installed or not traffic.running():
            continue
        today = time.strftime("%Y-%m-%d", time.gmtime())
        await api.admin(
            "GET /api/admin/usage", "GET", "/api/admin/usage", shop.domain, params={"from": today, "to": today}
        )
        await api.admin("GET /api/admin/shop", "GET", "/api/admin/shop", shop.domain)
        roll = rng.random()
        if roll < 0.15:
            product = rng.choice(shop.products)
            path = f"/api/admin/products/{product}/prepare"
            response = await api.admin("POST /api/admin/products/{id}/prepare", "POST", path, shop.domain, json={})
            if response is not None and response.status_code == 202:
                ledger.preps[response.json()["id"]] = shop.domain
        elif roll < 0.2:
            await api.admin("POST /api/admin/prepare-all", "POST", "/api/admin/prepare-all", shop.domain)
        elif roll < 0.5:
            await api.admin("GET /api/admin/renders", "GET", "/api/admin/renders", shop.domain, params={"limit": "10"})
        elif roll < 0.65:
            await api.admin("GET /api/admin/analytics", "GET", "/api/admin/analytics", shop.domain)
        else:
            await api.admin("GET /api/admin/assets", "GET", "/api/admin/assets", shop.domain, params={"limit": "20"})


async def quota_race(traffic: Traffic, shop: SoakShop, concurrent: int = 16) -> None:
    """Many renders of one shop at the same moment: a free plan's shop must not get one past its quota."""
    rng = random.Random(shop.index)
    room_id = await upload(traffic, shop, rng)
    if room_id is None:
        return
    answers = await asyncio.gather(
        *(
            traffic.api.proxy(
                "POST /proxy/renders",
                "POST",
                "/proxy/renders",
                shop.domain,
                json=render_body(rng, shop.products[0], room_id, "draft"),
            )
            for _ in range(concurrent)
        )
    )
    for answer in answers:
        if answer is not None:
            traffic.ledger.accept(answer, shop, "draft")
