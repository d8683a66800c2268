"""The storefront's download sizes, compressed as a CDN serves them (gzip -9): the block's own script must stay
within Theme Check's 10 KB budget for app blocks; the visualizer (loaded on the first click) is reported.

Exits 1 when the block's script is over budget. Run by scripts/frontend.sh.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

ASSETS = Path(__file__).resolve().parents[1] / "extensions" / "see-it" / "assets"
BLOCK_SCRIPT = "see-it.js"
BLOCK_BUDGET = 10 * 1024
VISUALIZER = (
    "see-it-visualizer.js",
    "see-it-api.js",
    "see-it-placement.js",
    "see-it-events.js",
    "see-it-visualizer.css",
)


def compressed(name: str) -> int:
    return len(gzip.compress((ASSETS / name).read_bytes(), compresslevel=9, mtime=0))


def main() -> int:
    block = compressed(BLOCK_SCRIPT)
    visualizer = sum(compressed(name) for name in VISUALIZER)
    print(f"block script {BLOCK_SCRIPT}: {block} B compressed (budget {BLOCK_BUDGET} B)")
    print(f"visualizer ({', '.join(VISUALIZER)}): {visualizer} B compressed, loaded on the first click")
    if block > BLOCK_BUDGET:
        print(f"{BLOCK_SCRIPT} is over its budget by {block - BLOCK_BUDGET} B", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
