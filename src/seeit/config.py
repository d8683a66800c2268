"""Settings from the environment (prefix ``SEEIT_``), with working development defaults."""

from __future__ import annotations

import base64
import json
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal, Self

from pydantic import BaseModel, Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict, SettingsError

DEV_SECRET = "dev-shopify-secret-not-for-production"
# 32 zero bytes: a fixed, obviously unsafe key so development data survives restarts.
DEV_TOKEN_KEY = base64.urlsafe_b64encode(bytes(32)).decode()


class Plan(BaseModel):
    """A billing tier: what it costs through Shopify, the quotas a shop on it gets and the renders it may have
    in flight. Its key in ``plans`` is the plan handle in the Partner Dashboard (Shopify App Pricing)."""

    daily_quota: int
    monthly_quota: int
    max_concurrent_renders: int
    watermark: bool = False
    title: str = ""  # the subscription's name at Shopify (Billing API); empty: the key, capitalised
    price: Decimal = Field(default=Decimal("0"), ge=0, decimal_places=2)
    currency: str = Field(default="USD", pattern=r"^[A-Z]{3}$")
    interval: Literal["EVERY_30_DAYS", "ANNUAL"] = "EVERY_30_DAYS"
    trial_days: int = Field(default=0, ge=0)


DEFAULT_PLANS: dict[str, Plan] = {
    "free": Plan(daily_quota=10, monthly_quota=100, max_concurrent_renders=2, watermark=True, title="Free"),
    "starter": Plan(
        daily_quota=100,
        monthly_quota=2_000,
        max_concurrent_renders=4,
        title="Starter",
        price=Decimal("19.00"),
        trial_days=7,
    ),
    "pro": Plan(
        daily_quota=1_000,
        monthly_quota=20_000,
        max_concurrent_renders=8,
        title="Pro",
        price=Decimal("49.00"),
        trial_days=7,
    ),
    "enterprise": Plan(
        daily_quota=10_000,
        monthly_quota=250_000,
        max_concurrent_renders=32,
        title="Enterprise",
        price=Decimal("299.00"),
        trial_days=7,
    ),
}


class MissingSecretError(RuntimeError):
    """A production deployment is missing a secret it cannot run without."""


class InvalidSettingError(ValueError):
    """An environment variable holds a value its setting cannot take; the message is one line naming it."""


# A list setting from the environment: a JSON list or, as operators write it, a comma-separated one.
CommaList = Annotated[list[str], NoDecode]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SEEIT_", env_file=".env", extra="ignore")

    env: Literal["development", "test", "production"] = "development"
    log_level: str = "INFO"

    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:5432/seeit"
    database_pool_size: int = 10
    redis_url: str = "redis://127.0.0.1:6379/0"
    dependency_timeout_seconds: float = 2.0

    storage: Literal["local", "s3"] = "local"
    storage_dir: Path = Path("var/storage")
    s3_bucket: str = "seeit"
    s3_endpoint_url: str | None = None
    s3_region: str = "us-east-1"
    signed_url_ttl_seconds: int = 3600

    host: str = "127.0.0.1"
    port: int = 8000
    # Idle client connections are kept this long: longer than whatever sits in front (AWS's load balancers
    # keep them 60 s), so that never sends a request on a connection the service is closing. uvicorn's own
    # 5 s is what a pool expiring its connections after 5 s (httpx's default) raced with in the soak.
    keep_alive_seconds: int = Field(default=75, ge=1)
    public_url: str = "http://127.0.0.1:8000"

    shopify_api_key: str = "dev-api-key"
    shopify_api_secret: str = ""
    # read_orders: the orders/create webhook, which attributes orders to renders.
    shopify_scopes: str = "read_products,write_products,write_app_proxy,read_orders"
    shopify_api_version: str = "2026-04"
    shopify_admin_base: str = "https://{shop}"
    token_encryption_key: str = ""

    image_model: Literal["local", "gemini"] = "local"
    gemini_api_key: str = ""
    gemini_model: str = "gemini-2.5-flash-image"
    gemini_base_url: str = "https://generativelanguage.googleapis.com/v1beta"
    gemini_timeout_seconds: float = 60.0
    gemini_max_retries: int = 3
    model_dir: Path = Field(default_factory=lambda: Path.home() / ".cache" / "seeit" / "models")
    imaging_workers: int = 2

    room_ttl_hours: int = 24
    max_upload_bytes: int = 15 * 1024 * 1024
    max_image_pixels: int = 40_000_000
    room_max_side: int = 2048
    image_fetch_allowed_hosts: CommaList = ["cdn.shopify.com"]
    # Product images over plain http (a local image server in a soak or a demo); Shopify's CDN is https only.
    image_fetch_allow_plain_http: bool = False
    rate_limit_per_minute: int = 120
    share_link_ttl_days: int = 30
    # Storefront event batches (``POST /proxy/events``) per shop per minute; each visitor gets a twentieth.
    events_rate_limit_per_minute: int = 1200
    # An order counts as following a render when one of its products was rendered by the same customer or
    # visitor this many days before it (a line carrying the render's id always counts).
    attribution_window_days: int = Field(default=7, ge=1, le=90)
    # The local demo (``seeit dev`` turns it on): a landing page and stand-ins for Shopify's storefront and admin.
    demo: bool = False

    plans: dict[str, Plan] = Field(default_factory=lambda: dict(DEFAULT_PLANS))
    # How merchants pay: Shopify App Pricing (plans defined in the Partner Dashboard, Shopify's hosted plan
    # page; recommended for new public apps) or the Billing API (``appSubscriptionCreate`` from here).
    billing_mode: Literal["app_pricing", "billing_api"] = "app_pricing"
    # The app's handle in admin URLs (``admin.shopify.com/store/{store}/apps/{handle}``).
    shopify_app_handle: str = "see-it"
    # Billing API charges are test charges (no money moves) unless this is false; unset: outside production.
    billing_test: bool | None = None

    @field_validator("image_fetch_allowed_hosts", mode="before")
    @classmethod
    def _split_comma_list(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        text = value.strip()
        if text.startswith("["):
            try:
                return json.loads(text)
            except ValueError:
                raise ValueError("expected a JSON list or comma-separated values") from None
        return [item.strip() for item in text.split(",") if item.strip()]

    @model_validator(mode="after")
    def _require_secrets_in_production(self) -> Self:
        if self.env == "production":
            if self.demo:
                raise ValueError("SEEIT_DEMO is for local development only; unset it when SEEIT_ENV=production")
            for name in ("shopify_api_secret", "token_encryption_key"):
                if not getattr(self, name):
                    raise MissingSecretError(
                        f"SEEIT_{name.upper()} is required when SEEIT_ENV=production; set it and start again"
                    )
        else:
            self.shopify_api_secret = self.shopify_api_secret or DEV_SECRET
            self.token_encryption_key = self.token_encryption_key or DEV_TOKEN_KEY
        return self

    def plan(self, name: str) -> Plan:
        """The plan called ``name``, falling back to ``free`` for a name no longer configured."""
        return self.plans.get(name) or self.plans["free"]

    @property
    def billing_test_charges(self) -> bool:
        return self.env != "production" if self.billing_test is None else self.billing_test

    def admin_base(self, shop_domain: str) -> str:
        """Base URL of a shop's admin (tests point it at a local fake Shopify)."""
        return self.shopify_admin_base.format(shop=shop_domain).rstrip("/")


def _expected(error: Any) -> str:
    """What a setting expects, in words, from one pydantic error."""
    message = str(error.get("msg", "a valid value"))
    if message.startswith("Input should be "):
        message = "expected " + message.removeprefix("Input should be ")
    message = message.removeprefix("Value error, ")
    return message[0].lower() + message[1:]


def settings_error_line(exc: Exception) -> str:
    """One line naming the variable whose value is wrong and what it expects."""
    if isinstance(exc, ValidationError):
        parts = []
        for error in exc.errors():
            name = f"SEEIT_{str(error['loc'][0]).upper()}" if error.get("loc") else "a SEEIT_ variable"
            given = error.get("input")
            shown = f" (got {given!r})" if isinstance(given, str | int | float) else ""
            parts.append(f"{name}: {_expected(error)}{shown}")
        return "; ".join(parts)
    text = str(exc)
    marker = 'for field "'
    if marker in text:
        field = text.split(marker, 1)[1].split('"', 1)[0]
        return f"SEEIT_{field.upper()}: expected JSON"
    return text.splitlines()[0] if text else type(exc).__name__


@lru_cache
def get_settings() -> Settings:
    """The process's settings; a bad value raises ``InvalidSettingError`` with one line naming the variable."""
    try:
        return Settings()
    except (ValidationError, SettingsError) as exc:
        raise InvalidSettingError(settings_error_line(exc)) from None
