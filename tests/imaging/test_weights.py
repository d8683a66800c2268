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
