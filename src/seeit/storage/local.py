"""Files under a folder, served by this service through signed, expiring URLs (see ``storage.router``)."""

from __future__ import annotations

import asyncio
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from seeit.storage import signing
from seeit.storage.base import ObjectMissing, StorageError, UploadTarget, check_key


class LocalStorage:
    def __init__(self, root: Path, *, public_url: str, secret: bytes) -> None:
        self.root = root.resolve()
        self.public_url = public_url
        self.secret = secret

    def path_for(self, key: str) -> Path:
        return self.root / check_key(key)

    async def put(self, key: str, data: bytes, content_type: str) -> None:
        await asyncio.to_thread(self._write, self.path_for(key), data)

    @staticmethod
    def _write(path: Path, data: bytes) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(path.name + ".partial")
            partial.write_bytes(data)
            partial.replace(path)  # readers never see half a file
        except OSError as exc:
            raise StorageError(str(exc)) from exc

    async def get(self, key: str) -> bytes:
        path = self.path_for(key)
        try:
            return await asyncio.to_thread(path.read_bytes)
        except FileNotFoundError as exc:
            raise ObjectMissing(key) from exc
        except OSError as exc:
            raise StorageError(str(exc)) from exc

    async def exists(self, key: str) -> bool:
        return await asyncio.to_thread(self.path_for(key).is_file)

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self.path_for(key).unlink, missing_ok=True)

    async def delete_prefix(self, prefix: str) -> int:
        folder = self.path_for(prefix.strip("/"))

        def remove() -> int:
            if not folder.is_dir():
                return 0
            count = sum(1 for p in folder.rglob("*") if p.is_file())
            shutil.rmtree(folder, ignore_errors=True)
            return count

        return await asyncio.to_thread(remove)

    def signed_url(self, key: str, *, expires_in: int, content_type: str | None = None) -> str:
        return signing.signed_file_url(self.public_url, self.secret, "GET", check_key(key), expires_in)

    def upload_target(self, key: str, *, content_type: str, max_bytes: int, expires_in: int) -> UploadTarget:
        url = signing.signed_file_url(
            self.public_url,
            self.secret,
            "PUT",
            check_key(key),
            expires_in,
            extra=content_type,
            max_bytes=max_bytes,
        )
        return UploadTarget(
            url=url,
            method="PUT",
            headers={"Content-Type": content_type},
            expires_at=datetime.now(UTC) + timedelta(seconds=expires_in),
        )

    async def ping(self) -> None:
        await asyncio.to_thread(self.root.mkdir, parents=True, exist_ok=True)

    async def close(self) -> None:
        return None
