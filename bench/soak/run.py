"""One soak run: set the stack and the shops up, drive the load with its timeline of faults, let the sweepers
finish what is left, check everything, and tear it all down."""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from bench.soak import shops as shop_setup
from bench.soak.audit import audit, wait_until_settled
from bench.soak.client import Api, Recorder
from bench.soak.faults import Faults
from bench.soak.load import Ledger, Traffic, merchant, quota_race, shopper
from bench.soak.memory import MemoryWatch
from bench.soak.plan import Options, timeline
from bench.soak.progress import progress
from bench.soak.report import Report, build_report
from bench.soak.servers import BUCKET, Stack, start_stack
from bench.soak.shops import SoakShop
from bench.soak.webhooks import Deliveries, product_changes, uninstall_then_redact, uninstall_then_reinstall
from seeit.config import Settings

SETUP_PREP_SECONDS = 180.0


class Soak:
    def __init__(self, options: Options, stack: Stack) -> None:
        self.options = options
        self.stack = stack
        self.recorder = Recorder()
        self.api = Api(stack.api_urls, self.recorder)
        self.ledger = Ledger()
        self.deliveries = Deliveries()
        self.shops: list[SoakShop] = shop_setup.roster(options.shops)
        steady = [shop.domain for shop in self.shops if shop.role not in ("reinstalls", "redacted")]
        self.faults = Faults(stack, stack.postgres.url, steady)
        self.traffic = Traffic(self.api, self.ledger, stop_at=0.0)
        self.memory = MemoryWatch(stack, options.warm_after)
        self.reinstalled: bool | None = None

    def _shop(self, role: str) -> SoakShop:
        return next(shop for shop in self.shops if shop.role == role)

    async def set_up(self) -> None:
        """Products in Shopify, the shops installed (token exchange) on their plans, first cut-outs ready."""
        for shop in self.shops:
            shop_setup.add_products(self.stack.shopify, shop)
        installed = await asyncio.gather(*(shop_setup.install(self.api, shop) for shop in self.shops))
        if not all(installed):
            raise RuntimeError(f"installing the shops failed: {self.recorder.calls[-3:]}")
        await shop_setup.set_plans(Settings(database_url=self.stack.postgres.url), self.shops)
        await shop_setup.shop_ids(self.stack.postgres.url, self.shops)
        options = self.options
        progress(f"{len(self.shops)} shops installed; uploading and preparing their first cut-outs")
        refused = await shop_setup.upload_cutouts(self.api, self.shops, options.uploaded_products)
        if refused:
            raise RuntimeError(f"{refused} of the merchants' own cut-outs were refused")
        prepared = slice(options.uploaded_products, options.uploaded_products + options.prepared_products)
        assets = await shop_setup.prepare_products(self.api, self.shops, prepared)
        pending = await shop_setup.wait_for_assets(self.stack.postgres.url, assets, SETUP_PREP_SECONDS)
        if pending:
            raise RuntimeError(f"{pending} of the first cut-outs were not ready after {SETUP_PREP_SECONDS:.0f} s")
        self.recorder.calls.clear()  # the report is about the load, not the set-up

    async def reinstall(self) -> None:
        shop = self._shop("reinstalls")
        self.reinstalled = await uninstall_then_reinstall(
            self.api, self.stack.shopify, self.deliveries, shop, self.options.event_pause
        )

    async def redact(self) -> None:
        shop = self._shop("redacted")
        await uninstall_then_redact(self.api, self.stack.shopify, self.deliveries, shop, self.options.event_pause)

    async def drive(self) -> tuple[float, float]:
        """The load with its timeline; returns the load's and the settling's seconds."""
        options = self.options
        progress(f"load for {options.load_seconds:.0f} s: {', '.join(s.name for s in timeline(options))}")
        started = time.monotonic()
        self.traffic.stop_at = started + options.load_seconds
        memory = self.memory
        memory.load_started = started
        tasks = [
            asyncio.create_task(shopper(self.traffic, shop, seed=shop.index * 100 + n))
            for shop in self.shops
            for n in range(options.shoppers_per_shop)
        ]
        tasks += [asyncio.create_task(merchant(self.traffic, shop, seed=shop.index)) for shop in self.shops]
        tasks += [asyncio.create_task(quota_race(self.traffic, shop)) for shop in self.shops if shop.role == "tight"]
        tasks.append(
            asyncio.create_task(product_changes(self.traffic, self.stack.shopify, self.deliveries, self.shops))
        )
        tasks += [
            asyncio.create_task(self._at(started + step.at * options.load_seconds, step.action))
            for step in timeline(options)
        ]
        watch = asyncio.create_task(memory.run(until=float("inf")))
        await asyncio.gather(*tasks)
        load_seconds = time.monotonic() - started
        progress(f"load done; waiting up to {options.settle_limit:.0f} s for unfinished jobs")
        settle_seconds = await wait_until_settled(self.stack.postgres.url, options.settle_limit)
        watch.cancel()
        await asyncio.to_thread(memory.sample)
        return load_seconds, settle_seconds

    async def _at(self, when: float, action: Callable[[Soak], Awaitable[object]]) -> None:
        await asyncio.sleep(max(0.0, when - time.monotonic()))
        await action(self)

    async def report(self, load_seconds: float, settle_seconds: float) -> Report:
        await self.faults.count_taken_over()
        checked = await audit(self.stack.postgres.url, self.stack.s3_client(), BUCKET, self.ledger, self.shops)
        gemini = self.stack.gemini
        return build_report(
            mode=self.options.mode,
            image_model="gemini" if gemini is not None else "local",
            load_seconds=load_seconds,
            settle_seconds=settle_seconds,
            calls=self.recorder.calls,
            windows=self.faults.windows,
            ledger=self.ledger,
            deliveries=self.deliveries,
            audit=checked,
            tracks=self.memory.tracks,
            gemini_refusals=list(gemini.refused) if gemini is not None else [],
            reinstalled=self.reinstalled,
            outside=self.faults.outside,
        )


async def run_soak(options: Options, *, keep: Path | None = None) -> tuple[Report, Path]:
    """The whole run; returns the report and the folder with every process's log (kept when it failed)."""
    workdir = Path(tempfile.mkdtemp(prefix="seeit-soak-"))
    progress(f"starting the servers and the service (logs in {workdir})")
    stack = await asyncio.to_thread(start_stack, workdir, gemini=options.gemini)
    try:
        soak = Soak(options, stack)
        await soak.set_up()
        load_seconds, settle_seconds = await soak.drive()
        progress("checking the database and the bucket")
        report = await soak.report(load_seconds, settle_seconds)
        await soak.api.aclose()
    finally:
        progress("stopping everything")
        await asyncio.to_thread(stack.stop)
    if keep is not None:
        shutil.copytree(workdir, keep, dirs_exist_ok=True)
    if report.passed and keep is None:
        shutil.rmtree(workdir, ignore_errors=True)
    return report, workdir
