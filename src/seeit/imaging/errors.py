"""Typed imaging errors: every failure of a provider or a pixel operation becomes one of these.

``code`` is the job error code of ``api.md``; ``retryable`` tells the worker whether another try may succeed.
Nothing above this package sees an httpx, Pillow or OpenCV exception.
"""

from __future__ import annotations

from typing import ClassVar


class ImagingError(Exception):
    code: str = "internal_error"
    retryable: bool = False
    default_message: ClassVar[str] = "The image could not be processed."

    def __init__(self, message: str | None = None) -> None:
        self.message = message or self.default_message
        super().__init__(self.message)

    def __reduce__(self) -> tuple[object, ...]:
        # Keep per-instance fields (``retryable``, ``code``) when the error crosses the process pool.
        return _restore, (type(self), self.message, dict(self.__dict__))


def _restore(cls: type[ImagingError], message: str, state: dict[str, object]) -> ImagingError:
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    error.__dict__.update(state)
    return error


class ModelError(ImagingError):
    """The image model failed; ``retryable`` says whether it was a passing fault (5xx, 429, network)."""

    code = "model_error"
    default_message = "The image model failed."

    def __init__(self, message: str | None = None, *, retryable: bool = False) -> None:
        super().__init__(message)
        self.retryable = retryable


class ModelTimeout(ImagingError):
    code = "model_timeout"
    retryable = True
    default_message = "The image model did not answer in time."


class ModelRefused(ImagingError):
    """The model declined on safety grounds; the same input will be declined again."""

    code = "model_refused"
    retryable = False
    default_message = "The image model declined to process this image."


class CutoutUnreliable(ImagingError):
    code = "asset_unavailable"
    retryable = False
    default_message = (
        "This product photo has a busy background that cannot be removed reliably. "
        "Please upload a transparent PNG of the product manually."
    )


class UnreadableImage(ImagingError):
    """Bytes that are not an image we accept (corrupt, unsupported, or too many pixels)."""

    retryable = False
    default_message = "The image could not be read."

    def __init__(self, message: str | None = None, *, code: str = "asset_unavailable") -> None:
        super().__init__(message)
        self.code = code  # the room or the product: the caller knows which
