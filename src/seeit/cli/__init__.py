"""The ``seeit`` command: the service's processes (``main``) and the operator's commands on shops and assets."""

from seeit.cli.main import app, main

__all__ = ["app", "main"]
