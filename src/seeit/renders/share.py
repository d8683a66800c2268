"""Shareable links to a finished render.

The link's token is the job id and an expiry, sealed with AES-GCM under a key derived from the app secret: it
cannot be forged or altered (authenticated), it does not reveal the job id (encrypted), and it needs no table.
Following it checks the job afresh, so a link stops working when the shop is uninstalled or redacted. An
invalid, tampered or expired token and a render that is gone all answer the same 404, so a guess learns nothing.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import struct
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy.ext.asyncio import AsyncSession

from seeit.config import Settings
from seeit.errors import Conflict, NotFound
from seeit.renders import repository
from seeit.renders.schemas import ShareLinkOut
from seeit.resources import Resources

_NONCE_BYTES = 12
_PAYLOAD = struct.Struct(">16sQ")  # job id, expiry (Unix seconds)
# Bound into every token: a token sealed for another purpose or format version never opens here.
_ASSOCIATED_DATA = b"seeit-share-v1"
_NOT_FOUND_MESSAGE = "This link is invalid or has expired."


def share_link_key(settings: Settings) -> bytes:
    """The share links' own key, derived (with its own label) so it is never the app secret or another key."""
    return hashlib.sha256(b"seeit-share-links\0" + settings.shopify_api_secret.encode()).digest()


@dataclass(frozen=True)
class ShareGrant:
    job_id: uuid.UUID
    expires_at: datetime


def seal_token(settings: Settings, grant: ShareGrant) -> str:
    nonce = os.urandom(_NONCE_BYTES)
    payload = _PAYLOAD.pack(grant.job_id.bytes, int(grant.expires_at.timestamp()))
    sealed = AESGCM(share_link_key(settings)).encrypt(nonce, payload, _ASSOCIATED_DATA)
    return base64.urlsafe_b64encode(nonce + sealed).decode().rstrip("=")


def open_token(settings: Settings, token: str, *, now: datetime | None = None) -> ShareGrant | None:
    """The grant inside ``token``, or None when it is malformed, forged, altered or expired."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except (ValueError, binascii.Error):
        return None
    if len(raw) <= _NONCE_BYTES:
        return None
    try:
        payload = AESGCM(share_link_key(settings)).decrypt(raw[:_NONCE_BYTES], raw[_NONCE_BYTES:], _ASSOCIATED_DATA)
        job_bytes, expires = _PAYLOAD.unpack(payload)
    except (InvalidTag, struct.error):
        return None
    expires_at = datetime.fromtimestamp(expires, UTC)
    if expires_at <= (now or datetime.now(UTC)):
        return None
    return ShareGrant(uuid.UUID(bytes=job_bytes), expires_at)


async def create_share_link(
    session: AsyncSession, resources: Resources, shop_id: uuid.UUID, job_id: uuid.UUID
) -> ShareLinkOut:
    """A link to one of the shop's completed renders (404 for another shop's job, 409 until it is completed)."""
    job = await repository.job_for_shop(session, shop_id, job_id)
    if job is None:
        raise NotFound("No such render job.")
    if job.status != "completed" or job.image_url is None:
        raise Conflict(
            f"Only a completed render can be shared; this one is {job.status}.", details={"status": job.status}
        )
    settings = resources.settings
    # Whole seconds: the token carries the expiry at that precision, and the answer must say the same.
    now = datetime.now(UTC).replace(microsecond=0)
    grant = ShareGrant(job.id, now + timedelta(days=settings.share_link_ttl_days))
    url = f"{settings.public_url.rstrip('/')}/share/{seal_token(settings, grant)}"
    return ShareLinkOut(share_url=url, expires_at=grant.expires_at)


async def shared_image_url(session: AsyncSession, resources: Resources, token: str) -> str:
    """A fresh short-lived signed URL of the image behind ``token``; 404 whenever there is nothing to show."""
    settings = resources.settings
    grant = open_token(settings, token)
    job = await repository.job_of_installed_shop(session, grant.job_id) if grant is not None else None
    key = (job.display_image_url or job.image_url) if job is not None and job.status == "completed" else None
    if key is None or not await resources.storage.exists(key):
        raise NotFound(_NOT_FOUND_MESSAGE)
    return resources.storage.signed_url(key, expires_in=settings.signed_url_ttl_seconds)
