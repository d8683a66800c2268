"""``python -m bench.soak [--minutes N | --short] [--gemini] [--faults a,b] [--json PATH]``: exit 1 when a target
is missed."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path

from bench.soak import plan
from bench.soak.report import as_text
from bench.soak.run import run_soak


def _options(argv: list[str] | None) -> tuple[plan.Options, argparse.Namespace]:
    parser = argparse.ArgumentParser(prog="python -m bench.soak", description=__doc__)
    parser.add_argument("--minutes", type=float, default=10.0, help="minutes of load (default 10)")
    parser.add_argument("--short", action="store_true", help="about a minute of load with one fault (the test suite's)")
    parser.add_argument("--gemini", action="store_true", help="the Gemini provider against a fake Gemini")
    parser.add_argument("--faults", help=f"comma-separated, from: {', '.join(plan.FAULTS)} (default: all, or one)")
    parser.add_argument("--json", type=Path, help="also write the report as JSON to this file ('-': stdout)")
    parser.add_argument("--keep", type=Path, help="copy every process's log to this folder")
    args = parser.parse_args(argv)
    faults = tuple(f.strip() for f in args.faults.split(",") if f.strip()) if args.faults else None
    unknown = set(faults or ()) - set(plan.FAULTS)
    if unknown:
        parser.error(f"unknown faults: {', '.join(sorted(unknown))}")
    if args.short:
        return plan.short(gemini=args.gemini, faults=faults), args
    return plan.full(args.minutes, gemini=args.gemini, faults=faults), args


def main(argv: list[str] | None = None) -> int:
    options, args = _options(argv)
    report, workdir = asyncio.run(run_soak(options, keep=args.keep))
    text = as_text(report)
    print(text, file=sys.stderr if args.json == Path("-") else sys.stdout)
    if args.json is not None:
        data = json.dumps(report.as_json(), indent=2, default=str)
        if args.json == Path("-"):
            print(data)
        else:
            args.json.write_text(data)
    if not report.passed:
        print(f"logs of every process: {workdir}", file=sys.stderr)
    return 0 if report.passed else 1


if __name__ == "__main__":
    sys.exit(main())
