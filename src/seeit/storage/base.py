"""The storage protocol and its typed errors; nothing above a storage adapter sees boto3 or OS errors."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

_KEY = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9_.-]*(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*$")


class StorageError(Exception):
    """Storage did not answer or refused; the operation may be retried."""


class ObjectMissing(StorageError):
    """No object under that key."""


@dataclass(frozen=True)
class UploadTarget:
    """Where and how a client uploads one object directly to storage."""

    url: str
    method: str
    expires_at: datetime
    headers: dict[str, str] = field(default_factory=dict)
    fields: dict[str, str] = field(default_factory=dict)


def check_key(key: str) -> str:
    """Refuse keys that could escape a folder or confuse a URL."""
    if len(key) > 512 or not _KEY.match(key) or ".." in key:
        raise ValueError(f"invalid storage key: {key!r}")
    return key


def new_object_key(prefix: str, suffix: str) -> str:
    """An unguessable key under ``prefix`` (256 random bits), e.g. ``rooms/<shop>/<random>.png``."""
    return check_key(f"{prefix.strip('/')}/{secrets.token_urlsafe(32)}{suffix}")


class Storage(Protocol):
    async def put(self, key: str, data: bytes, content_type: str) -> None: ...

    async def get(self, key: str) -> bytes: ...

    async def exists(self, key: str) -> bool: ...

    async def delete(self, key: str) -> None:
        """Delete one object; deleting a missing object is not an error."""

    async def delete_prefix(self, prefix: str) -> int:
        """Delete every object under ``prefix``; returns how many."""

    def signed_url(self, key: str, *, expires_in: int, content_type: str | None = None) -> str:
        """A URL that reads the object until it expires."""

    def upload_target(self, key: str, *, content_type: str, max_bytes: int, expires_in: int) -> UploadTarget: ...

    async def ping(self) -> None: ...

    async def close(self) -> None: ...
