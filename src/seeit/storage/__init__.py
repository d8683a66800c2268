"""Object storage for images: one protocol, a local-folder and an S3 implementation."""

from seeit.storage.base import ObjectMissing, Storage, StorageError, UploadTarget, new_object_key
from seeit.storage.factory import create_storage

__all__ = ["ObjectMissing", "Storage", "StorageError", "UploadTarget", "create_storage", "new_object_key"]
