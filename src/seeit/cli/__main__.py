"""``python -m seeit.cli``: the ``seeit`` command."""

from seeit.cli.main import main

main()
