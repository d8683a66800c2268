"""The soak's figures, its targets and whether each was met; printed as text and written as JSON."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from bench.soak.audit import Audit
from bench.soak.client import UNREACHABLE, Call
from bench.soak.faults import Window
from bench.soak.load import Ledger
from bench.soak.memory import Track
from bench.soak.webhooks import Deliveries

RSS_GROWTH_LIMIT = 0.10
# A process must have run this long after its warm-up sample for its growth to be judged.
RSS_MIN_OBSERVED_SECONDS = 120.0


@dataclass
class Target:
    name: str
    value: Any
    expected: str
    met: bool
    details: list[str] = field(default_factory=list)


@dataclass
class Report:
    mode: str
    image_model: str
    load_seconds: float
    settle_seconds: float
    requests: dict[str, dict[str, int]]
    faults: list[dict[str, Any]]
    server_errors_outside_faults: list[str]
    slowest: list[str]  # the slowest answers (long-polls aside)
    ledger: dict[str, int]
    deliveries: dict[str, int]
    audit: dict[str, Any]
    latency: dict[str, dict[str, float]]
    memory: list[dict[str, Any]]
    targets: list[Target]

    @property
    def passed(self) -> bool:
        return all(target.met for target in self.targets)

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["passed"] = self.passed
        finite: dict[str, Any] = _finite(data)
        return finite


def _finite(value: Any) -> Any:
    """JSON has no NaN: an empty percentile becomes null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


def _requests(calls: list[Call]) -> dict[str, dict[str, int]]:
    table: dict[str, Counter[str]] = {}
    for call in calls:
        table.setdefault(call.route, Counter())[str(call.status)] += 1
    return {route: dict(sorted(counts.items())) for route, counts in sorted(table.items())}


def _memory(tracks: dict[str, Track]) -> tuple[list[dict[str, Any]], Target]:
    rows, grown, judged = [], [], 0
    for track in tracks.values():
        growth = track.growth()
        warm_at = track.warm_at
        observed = track.last_at - warm_at if warm_at is not None else 0.0
        judge = track.role in ("api", "worker", "pool") and growth is not None and observed >= RSS_MIN_OBSERVED_SECONDS
        rows.append(
            {
                "process": track.name,
                "role": track.role,
                "warm_mb": round(track.warm / 2**20, 1) if track.warm else None,
                "end_mb": round(track.last / 2**20, 1),
                "peak_mb": round(track.peak / 2**20, 1),
                "per_minute_mb": [round(rss / 2**20) for rss in track.timeline()],
                "growth": round(growth, 4) if growth is not None else None,
                "observed_seconds": round(observed),
                "judged": judge,
            }
        )
        if judge:
            judged += 1
            if growth is not None and growth >= RSS_GROWTH_LIMIT:
                grown.append(f"{track.name}: {growth:+.1%}")
    target = Target(
        "RSS growth of API and worker processes from warm-up to the end",
        f"{len(grown)} of {judged} over",
        f"each under {RSS_GROWTH_LIMIT:.0%} (judged when watched {RSS_MIN_OBSERVED_SECONDS:.0f} s after warm-up)",
        not grown,
        grown,
    )
    return rows, target


def _count(name: str, items: list[str] | dict[str, list[str]], expected: str = "0") -> Target:
    listed = [f"{k}: {len(v)} ({', '.join(v[:3])})" for k, v in items.items()] if isinstance(items, dict) else items
    total = sum(len(v) for v in items.values()) if isinstance(items, dict) else len(items)
    return Target(name, total, expected, total == 0, listed[:10])


def build_report(
    *,
    mode: str,
    image_model: str,
    load_seconds: float,
    settle_seconds: float,
    calls: list[Call],
    windows: list[Window],
    ledger: Ledger,
    deliveries: Deliveries,
    audit: Audit,
    tracks: dict[str, Track],
    gemini_refusals: list[str],
    reinstalled: bool | None,
    outside: Any,
) -> Report:
    server_errors = (
        [
            f"{c.route} {c.status} {c.error_code or ''} at +{c.started - calls[0].started:.1f}s"
            for c in calls
            if (c.status == UNREACHABLE or (isinstance(c.status, int) and c.status >= 500))
            and outside(c.started, c.ended)
        ]
        if calls
        else []
    )
    t0 = calls[0].started if calls else 0.0
    not_enveloped = [f"{c.route} {c.status}" for c in calls if c.status != UNREACHABLE and c.error_code == ""]
    memory_rows, memory_target = _memory(tracks)
    targets = [
        _count("5xx (or no answer) outside the fault windows", server_errors),
        _count("error answers not in the error envelope", not_enveloped),
        _count("jobs unfinished after the sweepers' grace period", audit.unfinished),
        _count("202s with no job behind them", audit.lost),
        _count("shops past their daily quota", [str(o) for o in audit.over_grants]),
        _count("counted renders that differ from the rows counted", [str(m) for m in audit.counted_mismatches]),
        Target(
            "renders refunded exactly once (failed ones refunded, completed ones not)",
            audit.refunds,
            "failed_kept 0, completed_refunded 0",
            audit.refunds.get("failed_kept", 1) == 0 and audit.refunds.get("completed_refunded", 1) == 0,
        ),
        _count("objects in storage that no row holds (nor a pending record)", audit.orphan_objects),
        _count("pending objects older than the sweeper's grace", audit.unswept_pending_objects),
        _count("rows whose object is not in storage", audit.rows_without_object),
        _count("what a redacted shop left behind", audit.redacted_leftovers),
        _count("one Idempotency-Key answered with two jobs", ledger.replay_mismatches),
        _count("a duplicate webhook delivery handled twice", deliveries.duplicates_not_deduplicated),
        _count("requests the fake Gemini refused as malformed", gemini_refusals),
        _count("share links or pictures that did not open", ledger.share_failures + ledger.picture_failures),
    ]
    if reinstalled is not None:
        targets.append(Target("the uninstalled shop installed again", reinstalled, "True", reinstalled))
    if mode == "full":
        targets.append(memory_target)
    return Report(
        mode=mode,
        image_model=image_model,
        load_seconds=round(load_seconds, 1),
        settle_seconds=round(settle_seconds, 1),
        requests=_requests(calls),
        faults=[
            {
                "name": w.name,
                "at": round(w.started - calls[0].started, 1) if calls else 0.0,
                "seconds": round(w.ended - w.started, 1),
                **w.notes,
            }
            for w in windows
        ],
        server_errors_outside_faults=server_errors[:50],
        slowest=[
            f"{c.route} {c.status} {c.error_code or ''} {c.ended - c.started:.1f} s, at +{c.started - t0:.0f}s"
            for c in sorted(calls, key=lambda c: c.started - c.ended)
            if "?wait" not in c.route
        ][:5],
        ledger={
            "renders_accepted": len(ledger.renders),
            "renders_seen_finished": ledger.finished_seen,
            "cleanups_accepted": len(ledger.cleanups),
            "preps_accepted": len(ledger.preps),
            "idempotent_resends": ledger.replays,
            "shares_followed": ledger.shares,
            "pictures_fetched": ledger.pictures,
            "renders_shoppers_stopped_waiting_for": ledger.gave_up,
        },
        deliveries={**deliveries.outcomes, "sent_twice": deliveries.duplicates_sent},
        audit={
            "render_outcomes": audit.render_outcomes,
            "render_failures": audit.error_codes,
            "assets": audit.asset_outcomes,
            "renders_claimed_more_than_once": audit.taken_over_or_retried,
            "refunds": audit.refunds,
            "objects_in_storage": audit.objects,
            "pending_objects": audit.pending_objects,
        },
        latency=audit.latency,
        memory=memory_rows,
        targets=targets,
    )


def as_text(report: Report) -> str:
    lines = [
        f"See It soak ({report.mode}, {report.image_model} image model): {report.load_seconds:.0f} s of load, "
        f"settled {report.settle_seconds:.0f} s after"
    ]
    lines += ["", "Requests by route and status:"]
    for route, statuses in report.requests.items():
        lines.append(f"  {route:<44} " + "  ".join(f"{status}: {n}" for status, n in statuses.items()))
    lines += ["", "Faults:"]
    for fault in report.faults:
        extra = {k: v for k, v in fault.items() if k not in ("name", "at", "seconds")}
        lines.append(f"  +{fault['at']:>6.1f}s  {fault['name']:<28} {fault['seconds']:>5.1f} s  {extra or ''}")
    lines += ["", "Slowest answers (long-polls aside):", *(f"  {line}" for line in report.slowest)]
    lines += ["", f"Promises: {report.ledger}", f"Webhooks: {report.deliveries}", f"Jobs: {report.audit}"]
    lines += ["", "Accept → finished (s), completed renders:"]
    for quality, figures in report.latency.items():
        lines.append(
            f"  {quality:<9} n={figures['renders']:<5.0f} p50 {figures['p50']:6.2f}  p95 {figures['p95']:6.2f}"
            f"  p99 {figures['p99']:6.2f}"
        )
    lines += ["", "Resident memory (MB, medians of 30 s): after warm-up → at the end (peak)"]
    for row in report.memory:
        growth = f"{row['growth']:+.1%}" if row["growth"] is not None else "   -"
        lines.append(
            f"  {row['process']:<32} {row['warm_mb'] or '-':>8} → {row['end_mb']:>8} ({row['peak_mb']:>6})  {growth:>7}"
            f"  over {row['observed_seconds']} s" + ("" if row["judged"] else " (not judged)")
        )
        if row["role"] in ("api", "worker", "pool") and len(row["per_minute_mb"]) > 2:
            lines.append(f"  {'':<32} per minute: {' '.join(str(mb) for mb in row['per_minute_mb'])}")
    lines += ["", "Targets:"]
    for target in report.targets:
        lines.append(f"  [{'ok' if target.met else 'MISSED'}] {target.name}: {target.value} (target {target.expected})")
        lines += [f"         {detail}" for detail in target.details]
    lines += ["", "PASSED" if report.passed else "FAILED: a target was missed"]
    return "\n".join(lines)
