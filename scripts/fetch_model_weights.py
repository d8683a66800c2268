"""Set-up step: put the saliency weights in the model directory (the same as ``seeit fetch-weights``)."""

from __future__ import annotations

from seeit.config import get_settings
from seeit.imaging.weights import fetch_weights

if __name__ == "__main__":
    path, fetched = fetch_weights(get_settings().model_dir)
    print(f"wrote {path}" if fetched else f"{path} already present")
