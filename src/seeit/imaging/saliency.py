"""U²-Net-p salient-object map: a coarse 'where is the product' prior for the cut-out.

The 4.6 MB ONNX weights are put in the model directory by ``scripts/fetch_model_weights.py`` at set-up.
Without them the cut-out falls back to its classical path (with a warning), so the service still runs.
"""

from __future__ import annotations

import logging
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray

log = logging.getLogger(__name__)

WEIGHTS_FILE = "u2netp.onnx"
NET_SIZE = 320
_MEAN = np.array([0.485, 0.456, 0.406], np.float32)
_STD = np.array([0.229, 0.224, 0.225], np.float32)


def default_model_dir() -> Path:
    env = os.environ.get("SEEIT_MODEL_DIR")
    return Path(env) if env else Path.home() / ".cache" / "seeit" / "models"


@lru_cache(maxsize=4)
def _session(path: str) -> Any | None:
    """One ONNX session per process and weights file (pool processes each load theirs once)."""
    if not Path(path).is_file():
        log.warning("saliency weights missing at %s: cut-outs use the classical path only", path)
        return None
    import onnxruntime as ort  # imported here: only pool processes that cut out products pay for it

    options = ort.SessionOptions()
    # The pool already runs one process per core; more threads per session only fight each other.
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    try:
        return ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])
    except Exception:  # a corrupt or truncated file must not take the service down
        log.warning("saliency weights at %s could not be loaded: classical path only", path, exc_info=True)
        return None


def weights_present(model_dir: str | Path | None) -> bool:
    """Whether the weights file is there; warns once when it is not (checked at start-up, not per image)."""
    path = Path(model_dir or default_model_dir()) / WEIGHTS_FILE
    if path.is_file():
        return True
    log.warning(
        "saliency weights missing at %s: cut-outs use the classical path only (run scripts/fetch_model_weights.py)",
        path,
    )
    return False


def salient_object_map(rgb: NDArray[np.uint8], model_dir: str | Path | None) -> NDArray[np.float32] | None:
    """Per-pixel probability of 'salient object' at the size of ``rgb``, or None without weights."""
    session = _session(str(Path(model_dir or default_model_dir()) / WEIGHTS_FILE))
    if session is None:
        return None
    small = cv2.resize(rgb, (NET_SIZE, NET_SIZE), interpolation=cv2.INTER_AREA).astype(np.float32)
    small /= max(1.0, float(small.max()))
    tensor = ((small - _MEAN) / _STD).transpose(2, 0, 1)[None].astype(np.float32)
    out = session.run(None, {session.get_inputs()[0].name: tensor})[0][0, 0]
    lo, hi = float(out.min()), float(out.max())
    prob = (out - lo) / max(hi - lo, 1e-6)
    h, w = rgb.shape[:2]
    return np.asarray(cv2.resize(prob.astype(np.float32), (w, h), interpolation=cv2.INTER_LINEAR), np.float32)
