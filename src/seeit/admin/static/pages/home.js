// Home: the plan, today's and this month's renders against the quotas, the shoppers' funnel and what it
// earned over 30 days with the top products, 30 days of renders by kind, and the latest renders.
import { api } from "../api.js";
import { h, fill } from "../dom.js";
import { t, when } from "../i18n.js";
import { meter, statusBadge } from "../widgets/badges.js";
import { funnelChart, productsChart } from "../widgets/funnel-chart.js";
import { upgradeBanner } from "../widgets/upgrade.js";
import { usageChart } from "../widgets/usage-chart.js";

const counted = (usage) => usage.cleanup_renders + usage.composite_renders;
// From this share of a quota on, Home suggests a bigger plan.
const NEAR_QUOTA = 0.8;

// The fuller of the two quota windows: which one and how much of it is used.
function fullestWindow(shop) {
  const windows = [
    { window: t("home.windowToday"), share: shop.daily_quota > 0 ? counted(shop.usage.today) / shop.daily_quota : 1 },
    { window: t("home.windowMonth"), share: shop.monthly_quota > 0 ? counted(shop.usage.month) / shop.monthly_quota : 1 },
  ];
  return windows.reduce((a, b) => (b.share > a.share ? b : a));
}

function quotaNotice(shop) {
  const fullest = fullestWindow(shop);
  if (fullest.share >= 1) return upgradeBanner(t("home.quotaUsedUp", { window: fullest.window }));
  if (fullest.share < NEAR_QUOTA) return null;
  return h(
    "s-banner",
    { tone: "warning", class: "seeit-near-quota" },
    h("s-paragraph", {}, t("home.nearQuota", { share: Math.floor(fullest.share * 100), window: fullest.window })),
  );
}

function quotaCard(label, used, limit) {
  return h(
    "s-box",
    { padding: "base", background: "subdued", "border-radius": "base", class: "seeit-card" },
    h("s-text", { color: "subdued" }, label),
    h("s-heading", {}, t("home.ofQuota", { used, limit })),
    meter(used, limit),
  );
}

function money(revenue) {
  const amounts = Object.entries(revenue || {}).filter(([, amount]) => Number(amount) > 0);
  return amounts
    .map(([currency, amount]) => new Intl.NumberFormat(undefined, { style: "currency", currency }).format(Number(amount)))
    .join(" + ");
}

function figureCard(label, value, className) {
  return h(
    "s-box",
    { padding: "base", background: "subdued", "border-radius": "base", class: `seeit-card ${className}` },
    h("s-text", { color: "subdued" }, label),
    h("s-heading", {}, value),
  );
}

function shoppersAndSales(analytics) {
  const totals = analytics.totals;
  const conversion = totals.order_rate === null ? "–" : `${Math.round(totals.order_rate * 100)}%`;
  return [
    h(
      "s-section",
      { heading: t("home.analytics") },
      h(
        "s-grid",
        { "grid-template-columns": "1fr 1fr 1fr", gap: "base" },
        figureCard(t("home.revenue"), money(totals.revenue) || t("home.noRevenue"), "seeit-revenue"),
        figureCard(t("home.orders"), String(totals.orders), "seeit-orders"),
        figureCard(t("home.conversion"), conversion, "seeit-conversion"),
      ),
      totals.opens || totals.orders ? funnelChart(totals) : h("s-paragraph", { color: "subdued" }, t("home.noShoppers")),
      h("s-paragraph", { color: "subdued" }, t("home.analyticsNote", { days: analytics.attribution_window_days })),
    ),
    analytics.products.length
      ? h("s-section", { heading: t("home.topProducts") }, productsChart(analytics.products, money))
      : null,
  ];
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
  const [shop, usage, renders, analytics] = await Promise.all([
    api("/api/admin/shop"),
    api("/api/admin/usage"),
    api("/api/admin/renders", { query: { limit: 5 } }),
    api("/api/admin/analytics"),
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
          shop.subscription
            ? h("s-badge", { tone: shop.subscription.status === "ACTIVE" ? "success" : "info", class: "seeit-subscription-status" }, t(`subscription.${shop.subscription.status}`))
            : null,
          shop.subscription?.renews_at && shop.subscription.status === "ACTIVE"
            ? h("s-text", { color: "subdued" }, t("plans.renews", { date: when(shop.subscription.renews_at) }))
            : null,
          shop.watermark ? h("s-text", { color: "subdued" }, t("home.watermark")) : null,
          fullestWindow(shop).share >= NEAR_QUOTA
            ? h("s-button", { variant: "primary", href: "/app/plans", class: "seeit-upgrade-link" }, t("home.upgrade"))
            : h("s-button", { variant: "tertiary", href: "/app/plans" }, t("upgrade.seePlans")),
        ),
        quotaNotice(shop),
        h(
          "s-grid",
          { "grid-template-columns": "1fr 1fr", gap: "base" },
          quotaCard(t("home.today"), counted(shop.usage.today), shop.daily_quota),
          quotaCard(t("home.month"), counted(shop.usage.month), shop.monthly_quota),
        ),
        h("s-paragraph", { color: "subdued" }, t("home.quotaNote")),
      ),
      shoppersAndSales(analytics),
      h("s-section", { heading: t("home.chart") }, usageChart(usage.days)),
      h("s-section", { heading: t("home.recent") }, recentRenders(renders.items)),
    ),
  );
}
