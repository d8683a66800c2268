// Home: the plan, today's and this month's renders against the quotas, 30 days of renders by kind, and
// the latest renders with their pictures.
import { api } from "../api.js";
import { h, fill } from "../dom.js";
import { t, when } from "../i18n.js";
import { meter, statusBadge } from "../widgets/badges.js";
import { usageChart } from "../widgets/usage-chart.js";

const counted = (usage) => usage.cleanup_renders + usage.composite_renders;

function quotaCard(label, used, limit) {
  return h(
    "s-box",
    { padding: "base", background: "subdued", "border-radius": "base", class: "seeit-card" },
    h("s-text", { color: "subdued" }, label),
    h("s-heading", {}, t("home.ofQuota", { used, limit })),
    meter(used, limit),
  );
}

function recentRenders(renders) {
  if (!renders.length) return h("s-paragraph", { color: "subdued" }, t("home.noRenders"));
  return h(
    "s-table",
    {},
    h(
      "s-table-header-row",
      {},
      h("s-table-header", {}, t("renders.image")),
      h("s-table-header", {}, t("renders.product")),
      h("s-table-header", {}, t("renders.status")),
      h("s-table-header", {}, t("renders.when")),
    ),
    h(
      "s-table-body",
      {},
      renders.map((render) =>
        h(
          "s-table-row",
          { dataset: { render: render.id } },
          h("s-table-cell", {}, h("s-thumbnail", { src: render.display_image_url || render.image_url || "", alt: render.product_id, size: "small" })),
          h("s-table-cell", {}, render.product_id.split("/").at(-1)),
          h("s-table-cell", {}, statusBadge(render.status)),
          h("s-table-cell", {}, when(render.created_at)),
        ),
      ),
    ),
  );
}

export async function showHome(root) {
  const [shop, usage, renders] = await Promise.all([
    api("/api/admin/shop"),
    api("/api/admin/usage"),
    api("/api/admin/renders", { query: { limit: 5 } }),
  ]);
  fill(
    root,
    h(
      "s-page",
      { heading: t("home.heading") },
      h(
        "s-section",
        { heading: t("home.plan") },
        h(
          "s-stack",
          { direction: "inline", gap: "small", "align-items": "center" },
          h("s-badge", { tone: shop.plan === "free" ? "neutral" : "success", class: "seeit-plan" }, t("home.planName", { plan: shop.plan })),
          shop.watermark ? h("s-text", { color: "subdued" }, t("home.watermark")) : null,
        ),
        h(
          "s-grid",
          { "grid-template-columns": "1fr 1fr", gap: "base" },
          quotaCard(t("home.today"), counted(shop.usage.today), shop.daily_quota),
          quotaCard(t("home.month"), counted(shop.usage.month), shop.monthly_quota),
        ),
        h("s-paragraph", { color: "subdued" }, t("home.quotaNote")),
      ),
      h("s-section", { heading: t("home.chart") }, usageChart(usage.days)),
      h("s-section", { heading: t("home.recent") }, recentRenders(renders.items)),
    ),
  );
}
