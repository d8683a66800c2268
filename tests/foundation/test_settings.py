"""Settings: development works with nothing set; production refuses to start without its secrets."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from typing import Any

import pytest

from seeit.config import MissingSecretError, Settings


def test_development_defaults_need_nothing_set(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("SEEIT_"):
            monkeypatch.delenv(name)
    settings = Settings(_env_file=None)
    assert settings.env == "development"
    assert settings.shopify_api_secret
    assert settings.token_encryption_key
    assert settings.image_fetch_allowed_hosts == ["cdn.shopify.com"]
    assert settings.max_upload_bytes == 15 * 1024 * 1024
    assert settings.max_image_pixels == 40_000_000
    assert settings.room_ttl_hours == 24
    assert settings.plan("free").watermark
    assert settings.plan("no-such-plan") == settings.plan("free")


def test_environment_variables_use_the_seeit_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SEEIT_ROOM_MAX_SIDE", "1024")
    monkeypatch.setenv("SEEIT_IMAGE_FETCH_ALLOWED_HOSTS", '["cdn.shopify.com", "images.example.com"]')
    settings = Settings(_env_file=None)
    assert settings.room_max_side == 1024
    assert settings.image_fetch_allowed_hosts == ["cdn.shopify.com", "images.example.com"]


@pytest.mark.parametrize("missing", ["SEEIT_SHOPIFY_API_SECRET", "SEEIT_TOKEN_ENCRYPTION_KEY"])
def test_production_without_a_secret_is_refused_naming_it(monkeypatch: pytest.MonkeyPatch, missing: str) -> None:
    monkeypatch.setenv("SEEIT_ENV", "production")
    monkeypatch.setenv("SEEIT_SHOPIFY_API_SECRET", "s")
    monkeypatch.setenv("SEEIT_TOKEN_ENCRYPTION_KEY", "k")
    monkeypatch.delenv(missing)
    with pytest.raises(MissingSecretError, match=missing):
        Settings(_env_file=None)


def test_serve_in_production_without_secrets_stops_with_one_clear_line() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SEEIT_")}
    env["SEEIT_ENV"] = "production"
    result = subprocess.run(
        [sys.executable, "-m", "seeit.cli", "serve"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "SEEIT_SHOPIFY_API_SECRET" in lines[0]


def test_the_demo_is_refused_in_production(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SEEIT_ENV", "production")
    monkeypatch.setenv("SEEIT_SHOPIFY_API_SECRET", "s")
    monkeypatch.setenv("SEEIT_TOKEN_ENCRYPTION_KEY", "k")
    monkeypatch.setenv("SEEIT_DEMO", "true")
    with pytest.raises(ValueError, match="SEEIT_DEMO"):
        Settings(_env_file=None)


def test_list_settings_accept_a_comma_separated_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SEEIT_IMAGE_FETCH_ALLOWED_HOSTS", "cdn.shopify.com, images.example.com")
    settings = Settings(_env_file=None)
    assert settings.image_fetch_allowed_hosts == ["cdn.shopify.com", "images.example.com"]


def _seeit(env_overrides: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SEEIT_")}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "-m", "seeit.cli", *args], env=env, capture_output=True, text=True, timeout=60
    )


async def test_a_command_runs_with_the_plain_comma_separated_host_list(settings: Settings, resources: Any) -> None:
    env = {
        "SEEIT_DATABASE_URL": settings.database_url,
        "SEEIT_REDIS_URL": settings.redis_url,
        "SEEIT_IMAGE_FETCH_ALLOWED_HOSTS": "cdn.shopify.com,images.example.com",
    }
    result = await asyncio.to_thread(_seeit, env, "shops", "list")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("variable", "value"),
    [("SEEIT_PORT", "eighty"), ("SEEIT_STORAGE", "ftp"), ("SEEIT_PLANS", "{not json")],
)
def test_a_bad_setting_stops_every_command_with_one_line_naming_it(variable: str, value: str) -> None:
    result = _seeit({variable: value}, "shops", "list")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert variable in lines[0]
    assert "Traceback" not in result.stderr
