"""The soak's short mode (``bench/soak/``): the whole service, two API processes and two workers against servers
of its own, under a mixed load from several shops for about forty seconds, with a worker killed mid-render.
Nothing may be lost, stuck, counted twice, left in storage or answered 5xx outside the fault."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_short_soak_loses_nothing_and_meets_its_targets(tmp_path: Path) -> None:
    report_path = tmp_path / "soak.json"
    run = subprocess.run(
        [sys.executable, "-m", "bench.soak", "--short", "--json", str(report_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert report_path.exists(), run.stderr[-4000:]
    report = json.loads(report_path.read_text())
    missed = [target for target in report["targets"] if not target["met"]]
    assert not missed, run.stdout
    assert run.returncode == 0, run.stdout + run.stderr[-4000:]
    # The run did what it is for: renders of several qualities finished, and the kill stopped one mid-render,
    # which another worker then finished (no job is unfinished, a target above).
    assert report["ledger"]["renders_accepted"] > 0
    assert report["audit"]["render_outcomes"].get("completed", 0) > 0
    assert len(report["latency"]) >= 2, report["latency"]
    (kill,) = report["faults"]
    assert kill["renders_interrupted"] > 0, kill
    assert kill["renders_taken_over"] > 0, kill
