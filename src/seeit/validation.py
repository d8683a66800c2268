"""Input rules shared by the request schemas: text and JSON that PostgreSQL can actually store.

JSON may carry ``\\u0000`` and lone surrogates (``\\ud800``); Python keeps them in ``str`` but PostgreSQL's
``text`` and ``jsonb`` refuse them, so a body holding one would pass validation and then fail at the
database as a 500. Schemas refuse them up front instead (422 ``validation_error``).
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator


def storable_text(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("must be valid Unicode text (no lone surrogates)") from None
    return value


def storable_json(value: Any) -> Any:
    """``value`` when every string in it (keys included) is storable text."""
    if isinstance(value, str):
        storable_text(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            storable_json(key)
            storable_json(item)
    elif isinstance(value, list):
        for item in value:
            storable_json(item)
    return value


StoredText = Annotated[str, AfterValidator(storable_text)]
StoredJson = Annotated[dict[str, Any], AfterValidator(storable_json)]
