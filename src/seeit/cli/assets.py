"""``seeit assets``: after a prompt change, mark older cut-outs stale; prepare a shop's whole catalogue."""

from __future__ import annotations

import asyncio
from typing import Annotated

import typer

from seeit.assets import lifecycle, service
from seeit.cli.database import OPERATOR
from seeit.cli.settings import read_settings
from seeit.config import Settings
from seeit.db import transaction
from seeit.resources import Resources
from seeit.shops import service as shops

assets_app = typer.Typer(help="Operate product assets (prepared cut-outs).", no_args_is_help=True)


class UnknownShop(LookupError):
    pass


async def _mark_stale(settings: Settings, shop_domain: str | None) -> int:
    """Mark every ready asset below the current prep prompt version stale (one shop, or all) and queue its
    re-preparation; the jobs are sent once the change commits. Returns how many became stale."""
    resources = await Resources.open(settings)
    try:
        async with transaction(resources) as session:
            shop_id = None
            if shop_domain is not None:
                shop_id = await shops.shop_id_for(session, shop_domain)
                if shop_id is None:
                    raise UnknownShop(f"no shop {shop_domain!r}")
            return await lifecycle.mark_outdated_assets(session, shop_id)
    finally:
        await resources.close()


@assets_app.command("mark-stale")
def mark_stale(
    shop_domain: Annotated[str | None, typer.Option("--shop", help="Only this shop (default: every shop)")] = None,
) -> None:
    """After raising the prep prompt version: mark assets prepared with an older one stale and re-prepare them."""
    try:
        count = asyncio.run(_mark_stale(read_settings(), shop_domain))
    except UnknownShop as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"{count} asset(s) marked stale; their re-preparation is queued")


async def _prepare_all(settings: Settings, shop_domain: str) -> None:
    """Queue the preparation of every enabled product of an installed shop, paged through by the worker."""
    resources = await Resources.open(settings)
    try:
        async with transaction(resources) as session:
            shop_id = await shops.shop_id_for(session, shop_domain, installed=True)
            if shop_id is None:
                raise UnknownShop(f"no installed shop {shop_domain!r}")
            await service.queue_prepare_all(session, shop_id, OPERATOR)
    finally:
        await resources.close()


@assets_app.command("prepare-all")
def prepare_all(shop_domain: Annotated[str, typer.Option("--shop", help="The shop's myshopify.com domain")]) -> None:
    """Prepare every enabled product of a shop that has no current ready cut-out (the worker does it)."""
    try:
        asyncio.run(_prepare_all(read_settings(), shop_domain))
    except UnknownShop as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"{shop_domain}: preparation of every enabled product is queued")
