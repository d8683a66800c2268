"""The cipher of shops' Shopify tokens at rest: AES-256-GCM under ``SEEIT_TOKEN_ENCRYPTION_KEY``.

The setting is a comma-separated list of urlsafe-base64 32-byte keys; the first encrypts, all decrypt, and each
ciphertext names its key (``v1.<key id>.<data>``), so a key is rotated by putting the new one first and dropping
the old one once every row was rewritten. The caller's ``context`` (the shop domain and the column) is
authenticated data: a ciphertext copied to another shop or column does not decrypt.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM


class TokenKeyError(ValueError):
    """The configured encryption key is malformed, or a ciphertext names a key we do not have."""


class TokenCipher:
    VERSION = "v1"

    def __init__(self, keys_setting: str) -> None:
        keys = [self._decode_key(part.strip()) for part in keys_setting.split(",") if part.strip()]
        if not keys:
            raise TokenKeyError("SEEIT_TOKEN_ENCRYPTION_KEY holds no key")
        self._keys = {self.key_id(key): AESGCM(key) for key in keys}
        self._current = self.key_id(keys[0])

    @staticmethod
    def _decode_key(text: str) -> bytes:
        try:
            key = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        except (binascii.Error, ValueError):
            raise TokenKeyError("SEEIT_TOKEN_ENCRYPTION_KEY is not urlsafe base64") from None
        if len(key) != 32:
            raise TokenKeyError("SEEIT_TOKEN_ENCRYPTION_KEY must decode to 32 bytes")
        return key

    @staticmethod
    def key_id(key: bytes) -> str:
        return hashlib.sha256(b"seeit token key id:" + key).hexdigest()[:12]

    @property
    def current_key_id(self) -> str:
        return self._current

    def encrypt(self, plaintext: str, *, context: str) -> str:
        nonce = os.urandom(12)
        sealed = self._keys[self._current].encrypt(nonce, plaintext.encode(), context.encode())
        data = base64.urlsafe_b64encode(nonce + sealed).decode().rstrip("=")
        return f"{self.VERSION}.{self._current}.{data}"

    def decrypt(self, ciphertext: str, *, context: str) -> str:
        version, _, rest = ciphertext.partition(".")
        key_id, _, data = rest.partition(".")
        if version != self.VERSION or key_id not in self._keys:
            raise TokenKeyError(f"token ciphertext uses an unknown key ({version}.{key_id})")
        raw = base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))
        try:
            return self._keys[key_id].decrypt(raw[:12], raw[12:], context.encode()).decode()
        except InvalidTag:
            raise TokenKeyError("token ciphertext does not authenticate") from None
