"""S3-compatible storage through boto3, whose blocking calls run in threads."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from seeit.storage.base import ObjectMissing, StorageError, UploadTarget, check_key

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

_MISSING = {"NoSuchKey", "404", "NotFound"}


class S3Storage:
    def __init__(self, bucket: str, *, endpoint_url: str | None, region: str) -> None:
        self.bucket = bucket
        self.client: S3Client = boto3.client(
            "s3",
            endpoint_url=endpoint_url,
            region_name=region,
            config=Config(
                signature_version="s3v4",
                retries={"max_attempts": 3, "mode": "standard"},
                connect_timeout=5,
                read_timeout=30,
                max_pool_connections=32,
            ),
        )

    async def _call(self, method: str, **kwargs: Any) -> Any:
        try:
            return await asyncio.to_thread(getattr(self.client, method), **kwargs)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in _MISSING:
                raise ObjectMissing(kwargs.get("Key", "")) from exc
            raise StorageError(str(exc)) from exc
        except BotoCoreError as exc:
            raise StorageError(str(exc)) from exc

    async def put(self, key: str, data: bytes, content_type: str) -> None:
        await self._call("put_object", Bucket=self.bucket, Key=check_key(key), Body=data, ContentType=content_type)

    async def get(self, key: str) -> bytes:
        def read() -> bytes:
            body = self.client.get_object(Bucket=self.bucket, Key=check_key(key))["Body"]
            return body.read()

        try:
            return await asyncio.to_thread(read)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in _MISSING:
                raise ObjectMissing(key) from exc
            raise StorageError(str(exc)) from exc
        except BotoCoreError as exc:
            raise StorageError(str(exc)) from exc

    async def exists(self, key: str) -> bool:
        try:
            await self._call("head_object", Bucket=self.bucket, Key=check_key(key))
        except ObjectMissing:
            return False
        return True

    async def delete(self, key: str) -> None:
        await self._call("delete_object", Bucket=self.bucket, Key=check_key(key))

    async def delete_prefix(self, prefix: str) -> int:
        def remove() -> int:
            count = 0
            paginator = self.client.get_paginator("list_objects_v2")
            for page in paginator.paginate(Bucket=self.bucket, Prefix=prefix.strip("/") + "/"):
                keys = [{"Key": obj["Key"]} for obj in page.get("Contents", []) if "Key" in obj]
                if keys:
                    self.client.delete_objects(Bucket=self.bucket, Delete={"Objects": keys})  # type: ignore[typeddict-item]
                    count += len(keys)
            return count

        try:
            return await asyncio.to_thread(remove)
        except (ClientError, BotoCoreError) as exc:
            raise StorageError(str(exc)) from exc

    def signed_url(self, key: str, *, expires_in: int, content_type: str | None = None) -> str:
        params: dict[str, Any] = {"Bucket": self.bucket, "Key": check_key(key)}
        if content_type:
            params["ResponseContentType"] = content_type
        return self.client.generate_presigned_url("get_object", Params=params, ExpiresIn=expires_in)

    def upload_target(self, key: str, *, content_type: str, max_bytes: int, expires_in: int) -> UploadTarget:
        # A presigned POST can bound the size; a presigned PUT cannot.
        post = self.client.generate_presigned_post(
            Bucket=self.bucket,
            Key=check_key(key),
            Fields={"Content-Type": content_type},
            Conditions=[{"Content-Type": content_type}, ["content-length-range", 1, max_bytes]],
            ExpiresIn=expires_in,
        )
        return UploadTarget(
            url=post["url"],
            method="POST",
            fields={k: str(v) for k, v in post["fields"].items()},
            expires_at=datetime.now(UTC) + timedelta(seconds=expires_in),
        )

    async def ensure_bucket(self) -> None:
        try:
            await self._call("head_bucket", Bucket=self.bucket)
        except StorageError:
            await self._call("create_bucket", Bucket=self.bucket)

    async def ping(self) -> None:
        await self._call("head_bucket", Bucket=self.bucket)

    async def close(self) -> None:
        await asyncio.to_thread(self.client.close)
