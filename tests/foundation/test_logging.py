"""Logs: JSON in production, a request id on every line, never a token or secret."""

from __future__ import annotations

import json
import logging

import pytest

from seeit.logs import configure_logging, redact, request_id_var


@pytest.fixture
def restore_root_logging() -> object:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def test_json_lines_carry_the_request_id_and_hide_tokens(
    restore_root_logging: object, capsys: pytest.CaptureFixture[str]
) -> None:
    configure_logging(json_lines=True)
    token = request_id_var.set("req-123")
    try:
        logging.getLogger("seeit.test").info(
            "exchanged access_token=shpat_abcdef0123456789 for shop; header Bearer eyJhbGciOi.x.y"
        )
    finally:
        request_id_var.reset(token)
    line = capsys.readouterr().err.strip().splitlines()[-1]
    record = json.loads(line)
    assert record["request_id"] == "req-123"
    assert record["level"] == "INFO"
    assert "shpat_abcdef" not in line
    assert "eyJhbGciOi" not in line
    assert "[redacted]" in record["message"]


@pytest.mark.parametrize(
    "secret_text",
    [
        "shpua_0123456789abcdef",
        "refresh_token=abc.def",
        '"client_secret": "topsecret"',
        "?signature=deadbeef&shop=x",
        "api_key=AIzaSyExample",
    ],
)
def test_redact_masks_credentials(secret_text: str) -> None:
    masked = redact(secret_text)
    assert "[redacted]" in masked
    for fragment in ("0123456789abcdef", "abc.def", "topsecret", "deadbeef", "AIzaSyExample"):
        assert fragment not in masked
