"""Choose the storage named by the settings."""

from __future__ import annotations

import hashlib

from seeit.config import Settings
from seeit.storage.base import Storage
from seeit.storage.local import LocalStorage
from seeit.storage.s3 import S3Storage


def url_signing_key(settings: Settings) -> bytes:
    """A key for this service's own signed URLs, derived so it is never the app secret itself."""
    return hashlib.sha256(b"seeit-file-urls\0" + settings.shopify_api_secret.encode()).digest()


def create_storage(settings: Settings) -> Storage:
    if settings.storage == "s3":
        return S3Storage(settings.s3_bucket, endpoint_url=settings.s3_endpoint_url, region=settings.s3_region)
    return LocalStorage(settings.storage_dir, public_url=settings.public_url, secret=url_signing_key(settings))
