"""``seeit shops``: list shops, change a shop's plan and quotas, drop an operator's quota override."""

from __future__ import annotations

import asyncio
from typing import Annotated

import typer

from seeit.cli.database import OPERATOR, operator_transaction
from seeit.cli.settings import read_settings
from seeit.config import Settings
from seeit.models import Shop
from seeit.shops import service

shops_app = typer.Typer(help="List shops and change their plans and quotas.", no_args_is_help=True)


async def _list(settings: Settings) -> list[Shop]:
    async with operator_transaction(settings) as session:
        return await service.all_shops(session)


@shops_app.command("list")
def list_shops() -> None:
    """One line per shop: domain, plan, quotas, installed or not."""
    for shop in asyncio.run(_list(read_settings())):
        state = "uninstalled" if shop.uninstalled_at else "installed"
        overridden = shop.daily_quota_override is not None or shop.monthly_quota_override is not None
        typer.echo(
            f"{shop.shop_domain}\t{shop.plan}\tdaily={shop.daily_quota}\tmonthly={shop.monthly_quota}"
            f"\tconcurrent={shop.max_concurrent_renders or '-'}\t{state}" + ("\tquota override" if overridden else "")
        )


async def _set_plan(settings: Settings, shop_domain: str, plan: str, **quotas: int | None) -> Shop:
    async with operator_transaction(settings) as session:
        return await service.set_plan_by_operator(session, settings, shop_domain, plan, actor=OPERATOR, **quotas)


@shops_app.command("set-plan")
def set_plan(
    shop_domain: str,
    plan: str,
    daily_quota: Annotated[int | None, typer.Option("--daily", help="Override the plan's daily quota")] = None,
    monthly_quota: Annotated[int | None, typer.Option("--monthly", help="Override the plan's monthly quota")] = None,
    max_concurrent: Annotated[int | None, typer.Option("--max-concurrent", help="Renders in flight at once")] = None,
) -> None:
    """Move a shop to a plan; its quotas become the plan's unless overridden (--daily/--monthly set an
    override that survives later plan changes, subscriptions included, until `clear-override`)."""
    try:
        shop = asyncio.run(
            _set_plan(
                read_settings(),
                shop_domain,
                plan,
                daily_quota=daily_quota,
                monthly_quota=monthly_quota,
                max_concurrent_renders=max_concurrent,
            )
        )
    except (service.UnknownPlan, service.UnknownShop) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"{shop.shop_domain}: plan={shop.plan} daily={shop.daily_quota} monthly={shop.monthly_quota}")


async def _clear_override(settings: Settings, shop_domain: str) -> Shop:
    async with operator_transaction(settings) as session:
        return await service.clear_quota_override(session, settings, shop_domain, actor=OPERATOR)


@shops_app.command("clear-override")
def clear_override(shop_domain: str) -> None:
    """Drop the operator's quota override of a shop: its quotas follow its plan again."""
    try:
        shop = asyncio.run(_clear_override(read_settings(), shop_domain))
    except service.UnknownShop as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"{shop.shop_domain}: plan={shop.plan} daily={shop.daily_quota} monthly={shop.monthly_quota}")
