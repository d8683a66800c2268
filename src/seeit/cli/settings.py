"""The settings every command reads first: a bad value stops it with one line (exit 2)."""

from __future__ import annotations

import typer

from seeit.config import InvalidSettingError, MissingSecretError, Settings, get_settings


def read_settings() -> Settings:
    try:
        return get_settings()
    except (MissingSecretError, InvalidSettingError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
