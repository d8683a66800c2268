#!/usr/bin/env bash
# The storefront extension's checks: Shopify's Theme Check (npm, pinned by package-lock.json, installed with
# `npm ci` from the npm registry only) and the compressed size of the block's script (at most 10 KB).
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v npm >/dev/null; then
    echo "frontend: installing Node.js and npm" >&2
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq nodejs npm >/dev/null
fi
stamp=node_modules/.seeit-installed
wanted=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    npm ci --no-audit --no-fund --loglevel=error
    echo "$wanted" > "$stamp"
fi
node scripts/theme-check.mjs
.venv/bin/python scripts/asset_sizes.py
