"""Shopify's failures as our own typed errors: nothing above the adapter sees httpx or Shopify's JSON.

Jobs look at ``retryable`` to decide between arq's ``Retry`` and failing for good. The app's handler turns
them into the envelope with ``as_app_error()``.
"""

from __future__ import annotations

from typing import Any, ClassVar

from seeit.errors import AppError, ServiceUnavailable, ValidationFailed


class ShopifyError(Exception):
    """Shopify could not do what we asked; ``retryable`` says whether trying later may help."""

    retryable: ClassVar[bool] = True
    message: ClassVar[str] = "Shopify could not be reached; nothing was changed. Try again shortly."

    def __init__(self, message: str | None = None, *, details: dict[str, Any] | None = None) -> None:
        self.detail_message = message or self.message
        self.details = details or {}
        super().__init__(self.detail_message)

    def as_app_error(self) -> AppError:
        """What an HTTP client is told: 503, nothing was changed."""
        return ServiceUnavailable(self.detail_message, details=self.details)


class ShopifyUnavailable(ShopifyError):
    """Network failure, timeout or a 5xx from Shopify."""


class ShopifyThrottled(ShopifyError):
    """Still throttled after waiting as long as ``throttleStatus`` asked, the allowed number of times."""

    message = "Shopify is rate limiting this shop's requests; try again shortly."


class ShopifyTokenRejected(ShopifyError):
    """Shopify refused the shop's access token (401/403): revoked, uninstalled, or a missing scope."""

    retryable = False
    message = "Shopify refused this shop's access token; open the app in the Shopify admin to reconnect it."


class ShopifyTokenUnavailable(ShopifyError):
    """We hold no usable token for the shop (uninstalled, or its refresh token expired)."""

    retryable = False
    message = "The shop has no usable Shopify access token; open the app in the Shopify admin to reconnect it."


class ShopifyGraphQLError(ShopifyError):
    """The response carried top-level GraphQL ``errors`` (a bad document or a resolver failure)."""

    retryable = False
    message = "Shopify rejected the request."


class ShopifyUserErrors(ShopifyError):
    """A mutation answered with ``userErrors``: the input was refused, nothing was written."""

    retryable = False
    message = "Shopify refused the values."

    def __init__(self, user_errors: list[dict[str, Any]]) -> None:
        self.user_errors = user_errors
        fields = [{"loc": list(err.get("field") or []), "message": str(err.get("message", ""))} for err in user_errors]
        super().__init__(details={"fields": fields, "user_errors": user_errors})

    def as_app_error(self) -> AppError:
        return ValidationFailed(self.detail_message, details=self.details)
