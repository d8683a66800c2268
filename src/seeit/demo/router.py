"""The demo's routes, mounted by the app factory only when ``settings.demo`` is on."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from seeit.demo.admin import router as admin_router
from seeit.demo.landing import landing_page


def demo_router() -> APIRouter:
    """Every demo route: the landing page, and the storefront and admin stand-ins as they are added."""
    router = APIRouter(include_in_schema=False)
    router.add_api_route("/", landing_page, methods=["GET"], response_class=HTMLResponse)
    router.include_router(admin_router)
    return router
