"""The assets domain's jobs as the code that queues them sees them: each one's arq name, ids and tries, and
the job of one row. ``tasks.py`` runs them."""

from __future__ import annotations

import hashlib
import uuid

from seeit.queue import DeferredJob, JobDeclaration

# Tries of a prep job before a passing fault (network, 5xx, model timeout) fails the asset for good.
MAX_PREP_TRIES = 4
MAX_PREPARE_ALL_TRIES = 5

PREPARE_ASSET = JobDeclaration("prepare_asset", id_prefix="prep", max_tries=MAX_PREP_TRIES)
PREPARE_ALL_PRODUCTS = JobDeclaration("prepare_all_products", id_prefix="prepare-all", max_tries=MAX_PREPARE_ALL_TRIES)
REFRESH_PRODUCT_SETTINGS = JobDeclaration("refresh_product_settings", id_prefix="product-settings", max_tries=3)


def prep_job(asset_id: uuid.UUID) -> DeferredJob:
    """The prep job of one asset row; its arq id comes from the row, so it is never queued twice at once."""
    return PREPARE_ASSET.deferred(asset_id, asset_id=str(asset_id))


def prepare_all_job(shop_id: uuid.UUID, after: str | None, actor: str | None) -> DeferredJob:
    """The job that pages through the catalogue from ``after`` (None: from the start); one per shop and
    starting page."""
    page_key = hashlib.sha256(after.encode()).hexdigest()[:16] if after is not None else "start"
    return PREPARE_ALL_PRODUCTS.deferred(f"{shop_id}:{page_key}", shop_id=str(shop_id), after=after, actor=actor)


def refresh_settings_job(shop_id: uuid.UUID, product_gid: str) -> DeferredJob:
    """The read of one product's metafields into the settings cache."""
    return REFRESH_PRODUCT_SETTINGS.deferred(f"{shop_id}:{product_gid}", shop_id=str(shop_id), product_id=product_gid)
