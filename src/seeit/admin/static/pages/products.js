// Products: the catalogue from Shopify, a page at a time, each product with its cut-out. Prepare one or
// all (with live progress), switch See It on or off, pick the style preset and the cut-out renders use,
// upload a cut-out of one's own. Pending cut-outs are polled until they settle.
import { api, attempt, toast } from "../api.js";
import { h, fill } from "../dom.js";
import { t } from "../i18n.js";
import { cutoutPreview, statusBadge } from "../widgets/badges.js";
import { productDetails } from "./product-details.js";

const PAGE_SIZE = 20;
const POLL_MS = 1000;

export async function showProducts(root) {
  const state = { cursors: [null], items: [], nextCursor: null, progress: null, open: null, timer: null, stopped: false };
  const progressArea = h("div", { class: "seeit-progress-area" });
  const tableArea = h("div");
  const detailsArea = h("div");
  const prepareAll = h("s-button", { variant: "primary", slot: "primary-action", onClick: () => startPrepareAll() }, t("products.prepareAll"));

  fill(
    root,
    h(
      "s-page",
      { heading: t("products.heading") },
      prepareAll,
      progressArea,
      h("s-section", { padding: "none" }, tableArea),
      detailsArea,
    ),
  );

  const current = () => state.cursors.at(-1);

  async function load() {
    const page = await api("/api/admin/products", { query: { limit: PAGE_SIZE, cursor: current() } });
    state.items = page.items;
    state.nextCursor = page.next_cursor;
    drawTable();
    if (state.open) {
      const product = state.items.find((p) => p.id === state.open);
      if (product) await productDetails(detailsArea, product, { onChange: refresh, onClose: closeDetails });
    }
  }

  async function refresh() {
    await attempt(load);
  }

  function closeDetails() {
    state.open = null;
    fill(detailsArea);
  }

  async function openDetails(product) {
    state.open = product.id;
    await attempt(() => productDetails(detailsArea, product, { onChange: refresh, onClose: closeDetails }));
    detailsArea.scrollIntoView({ behavior: "smooth", block: "start" });
  }

  async function prepare(product, button) {
    button.loading = true;
    const asset = await attempt(() => api(`/api/admin/products/${product.id}/prepare`, { method: "POST", json: {} }));
    button.loading = false;
    if (asset) {
      toast(t("products.prepared", { title: product.title }));
      await refresh();
    }
  }

  async function toggle(product, control) {
    const enabled = control.checked;
    const saved = await attempt(() => api(`/api/admin/products/${product.id}/settings`, { method: "PATCH", json: { enabled } }));
    if (saved) {
      product.settings = saved;
      toast(t(saved.enabled ? "products.enabledOn" : "products.enabledOff", { title: product.title }));
    } else {
      control.checked = !enabled;
    }
  }

  async function startPrepareAll() {
    prepareAll.loading = true;
    const result = await attempt(() => api("/api/admin/prepare-all", { method: "POST" }));
    prepareAll.loading = false;
    if (!result) return;
    toast(t(result.complete ? "products.prepareAllQueued" : "products.prepareAllMore", result));
    state.progress = result.queued > 0 ? { total: result.queued, done: 0 } : null;
    drawProgress();
    await refresh();
  }

  async function pendingCount() {
    const page = await api("/api/admin/assets", { query: { status: "pending", limit: 100 } });
    return page.items.length;
  }

  function drawProgress() {
    const progress = state.progress;
    if (!progress) {
      fill(progressArea);
      return;
    }
    const finished = progress.done >= progress.total;
    const bar = h("span", { class: "seeit-meter-fill" });
    bar.style.width = `${Math.round((progress.done / progress.total) * 100)}%`;
    fill(
      progressArea,
      h(
        "s-banner",
        { tone: finished ? "success" : "info", class: "seeit-progress" },
        h("s-text", {}, t(finished ? "products.progressDone" : "products.progress", progress)),
        h("span", { class: "seeit-meter", role: "progressbar", "aria-valuenow": progress.done, "aria-valuemax": progress.total }, bar),
      ),
    );
  }

  function row(product) {
    const asset = product.asset;
    const serving = product.serving_asset;
    const prepareButton = h("s-button", { onClick: (event) => prepare(product, event.currentTarget) }, t(asset ? "products.prepareAgain" : "products.prepare"));
    const enabled = h("s-switch", {
      label: t("products.enabledLabel", { title: product.title }),
      "label-accessibility-visibility": "exclusive",
      checked: product.settings.enabled,
      onChange: (event) => toggle(product, event.currentTarget),
    });
    return h(
      "s-table-row",
      { dataset: { product: product.id, status: product.status } },
      h(
        "s-table-cell",
        {},
        h(
          "s-stack",
          { direction: "inline", gap: "small", "align-items": "center" },
          product.image_url ? h("s-thumbnail", { src: product.image_url, alt: product.title, size: "small" }) : h("s-text", { color: "subdued" }, t("products.noImage")),
          h("s-text", { type: "strong" }, product.title),
        ),
      ),
      h("s-table-cell", {}, cutoutPreview(serving?.prepared_image_url, t("products.cutout"))),
      h(
        "s-table-cell",
        {},
        statusBadge(product.status),
        product.status === "failed" && asset?.error_message
          ? h("s-text", { tone: "critical", class: "seeit-reason" }, t("products.failedReason", { reason: asset.error_message }))
          : null,
      ),
      h("s-table-cell", {}, enabled),
      h(
        "s-table-cell",
        {},
        h(
          "s-stack",
          { direction: "inline", gap: "small" },
          product.status === "pending" ? null : prepareButton,
          h("s-button", { variant: "tertiary", onClick: () => openDetails(product) }, t("products.manage")),
        ),
      ),
    );
  }

  function drawTable() {
    if (!state.items.length) {
      fill(tableArea, h("s-box", { padding: "base" }, h("s-paragraph", {}, t("products.empty"))));
      return;
    }
    const paged = state.cursors.length > 1 || state.nextCursor;
    const paging = paged
      ? h(
          "s-stack",
          { direction: "inline", gap: "small", "justify-content": "end", padding: "base" },
          state.cursors.length > 1 ? h("s-button", { onClick: () => turn(-1) }, t("products.firstPage")) : null,
          state.nextCursor ? h("s-button", { onClick: () => turn(1) }, t("products.nextPage")) : null,
        )
      : null;
    fill(
      tableArea,
      h(
        "s-table",
        {},
        h(
          "s-table-header-row",
          {},
          h("s-table-header", {}, t("products.product")),
          h("s-table-header", {}, t("products.cutout")),
          h("s-table-header", {}, t("products.status")),
          h("s-table-header", {}, t("products.enabled")),
          h("s-table-header", {}, t("products.actions")),
        ),
        h("s-table-body", {}, state.items.map(row)),
      ),
      paging,
    );
  }

  async function turn(direction) {
    if (direction > 0) state.cursors.push(state.nextCursor);
    else state.cursors = [null];
    await refresh();
  }

  async function tick() {
    const waiting = state.items.some((p) => p.status === "pending");
    if (state.progress && state.progress.done < state.progress.total) {
      const pending = await pendingCount();
      state.progress.done = Math.max(state.progress.total - pending, 0);
      drawProgress();
    }
    if (waiting) await load();
  }

  async function poll() {
    await attempt(tick);
    if (!state.stopped) state.timer = window.setTimeout(poll, POLL_MS);
  }

  await load();
  state.timer = window.setTimeout(poll, POLL_MS);
  return () => {
    state.stopped = true;
    window.clearTimeout(state.timer);
  };
}
