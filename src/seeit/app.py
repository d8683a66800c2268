"""The FastAPI application factory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError

from seeit.admin.entry import EmbeddedEntryRedirect
from seeit.config import Settings, get_settings
from seeit.errors import ServiceUnavailable, install_error_handlers, render_error, unhandled_error
from seeit.logs import configure_logging
from seeit.metrics import RequestContextMiddleware
from seeit.openapi import install_openapi
from seeit.ops.router import router as ops_router
from seeit.process_memory import configure_allocator
from seeit.resources import Resources
from seeit.shopify.errors import ShopifyError
from seeit.storage import StorageError
from seeit.storage.router import router as files_router

_DEPENDENCY_DOWN = (
    OperationalError,
    InterfaceError,
    PoolTimeoutError,
    RedisConnectionError,
    RedisTimeoutError,
    ConnectionRefusedError,
    # asyncpg gives up opening a pooled connection with a bare TimeoutError when the database is too slow
    # to accept one (seen under heavy load): the database is out of reach, nothing was done.
    TimeoutError,
    StorageError,
)


async def _dependency_down(_: Request, exc: Exception) -> JSONResponse:
    return render_error(ServiceUnavailable())


# SQLSTATE classes of a database that cannot serve anyone just now: 08 connection exceptions, 57 operator
# intervention (starting up, shutting down, terminated by an administrator), and too many connections.
_UNAVAILABLE_SQLSTATES = ("08", "57", "53300")


async def _database_failed(request: Request, exc: Exception) -> JSONResponse:
    # Any driver error that cost us the connection means the database went away under the request; one
    # refusing the connection (a restarting server says it is starting up) means it is not there yet.
    assert isinstance(exc, DBAPIError)
    sqlstate = getattr(exc.orig, "sqlstate", None) or ""
    if exc.connection_invalidated or (sqlstate and sqlstate.startswith(_UNAVAILABLE_SQLSTATES)):
        return render_error(ServiceUnavailable())
    return await unhandled_error(request, exc)


async def _shopify_failed(_: Request, exc: Exception) -> JSONResponse:
    # Shopify's failures are typed at the adapter; here they become 503 (or 422 for refused values).
    assert isinstance(exc, ShopifyError)
    return render_error(exc.as_app_error())


def create_app(settings: Settings | None = None, resources: Resources | None = None) -> FastAPI:
    """Build the app; ``resources`` lets tests share clients, otherwise the lifespan opens them."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = resources is None
        app.state.resources = resources or await Resources.open(settings)
        if settings.demo and owned:
            from seeit.demo.shop_setup import prepare_demo_shop

            await prepare_demo_shop(app.state.resources)
        try:
            yield
        finally:
            if owned:
                await app.state.resources.close()

    app = FastAPI(
        title="See It",
        version="0.1.0",
        description="See a Shopify product in your own room.",
        lifespan=lifespan,
    )
    if resources is not None:
        app.state.resources = resources
    install_error_handlers(app)
    for error_type in _DEPENDENCY_DOWN:
        app.add_exception_handler(error_type, _dependency_down)
    app.add_exception_handler(DBAPIError, _database_failed)
    app.add_exception_handler(ShopifyError, _shopify_failed)
    app.add_middleware(RequestContextMiddleware)
    app.add_middleware(EmbeddedEntryRedirect)
    app.include_router(ops_router)
    app.include_router(files_router)
    for router in _domain_routers():
        app.include_router(router)
    if settings.demo:
        from seeit.demo.router import demo_router

        app.include_router(demo_router())
    install_openapi(app)
    return app


def _domain_routers() -> list[APIRouter]:
    # Domains register here as they are built.
    from seeit.admin.router import api_router as admin_api_router
    from seeit.admin.router import router as admin_pages_router
    from seeit.analytics.router import admin_router as analytics_admin_router
    from seeit.analytics.router import storefront_router as analytics_router
    from seeit.assets.router import proxy_router as assets_proxy_router
    from seeit.assets.router import router as assets_router
    from seeit.billing.router import return_router as billing_return_router
    from seeit.billing.router import router as billing_router
    from seeit.presets.router import router as presets_router
    from seeit.renders.router import admin_router as renders_admin_router
    from seeit.renders.router import share_router as renders_share_router
    from seeit.renders.router import storefront_router as renders_router
    from seeit.rooms.router import router as rooms_router
    from seeit.shops.install_router import router as install_router
    from seeit.shops.router import router as shops_router
    from seeit.webhooks.router import router as webhooks_router

    return [
        rooms_router,
        renders_router,
        renders_admin_router,
        renders_share_router,
        install_router,
        webhooks_router,
        shops_router,
        assets_router,
        assets_proxy_router,
        presets_router,
        billing_router,
        billing_return_router,
        admin_api_router,
        admin_pages_router,
        analytics_router,
        analytics_admin_router,
    ]


def create_app_from_env() -> FastAPI:
    """Entry point for ``uvicorn --factory``."""
    settings = get_settings()
    configure_logging(json_lines=settings.env == "production", level=settings.log_level)
    configure_allocator()  # each API process (uvicorn's workers are processes of their own)
    return create_app(settings)
