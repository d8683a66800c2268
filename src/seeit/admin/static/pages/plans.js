// Plans: every plan with its price, trial and quotas, the shop's current one with its subscription's status
// and renewal, and "Choose" on the others. A paid plan is approved at Shopify (App Bridge's redirect of the
// whole admin); the shop's plan changes only once Shopify says the subscription is active, so the page
// re-reads the subscription at Shopify each time it opens, which is also how a return from Shopify shows.
import { ApiError, api, toast } from "../api.js";
import { h, fill } from "../dom.js";
import { t, when } from "../i18n.js";

const FREE = "free";
// The plan the merchant left for Shopify to approve, so the page can say how it went on the way back.
const CHOSEN_KEY = "seeit.chosenPlan";
const STATUS_TONES = { ACTIVE: "success", PENDING: "info", ACCEPTED: "info", FROZEN: "warning" };

function price(plan) {
  if (Number(plan.price) === 0) return t("plans.free");
  const amount = new Intl.NumberFormat(undefined, { style: "currency", currency: plan.currency }).format(Number(plan.price));
  return t(plan.interval === "ANNUAL" ? "plans.perYear" : "plans.per30Days", { amount });
}

const count = (n) => new Intl.NumberFormat().format(n);

function subscriptionLine(subscription) {
  if (!subscription) return null;
  const dates = [];
  if (subscription.trial_ends_at && new Date(subscription.trial_ends_at) > new Date()) {
    dates.push(t("plans.trialEnds", { date: when(subscription.trial_ends_at) }));
  }
  if (subscription.renews_at && subscription.status === "ACTIVE") dates.push(t("plans.renews", { date: when(subscription.renews_at) }));
  return h(
    "s-stack",
    { direction: "inline", gap: "small", "align-items": "center", class: "seeit-subscription" },
    h("s-badge", { tone: STATUS_TONES[subscription.status] || "neutral", dataset: { status: subscription.status } }, t(`subscription.${subscription.status}`)),
    subscription.test ? h("s-badge", { tone: "warning" }, t("plans.test")) : null,
    dates.length ? h("s-text", { color: "subdued" }, dates.join(" · ")) : null,
  );
}

function planCard(plan, { shop, onChoose }) {
  const facts = [
    t("plans.daily", { n: count(plan.daily_quota) }),
    t("plans.monthly", { n: count(plan.monthly_quota) }),
    t("plans.concurrent", { n: plan.max_concurrent_renders }),
    plan.watermark ? t("plans.watermark") : t("plans.noWatermark"),
  ];
  const sellable = plan.purchasable || plan.name === FREE;
  return h(
    "s-box",
    {
      padding: "base",
      background: plan.current ? "subdued" : undefined,
      "border-radius": "base",
      class: `seeit-plan-card${plan.current ? " seeit-plan-current" : ""}`,
      dataset: { plan: plan.name },
    },
    h(
      "s-stack",
      { direction: "inline", gap: "small", "align-items": "center" },
      h("s-heading", {}, plan.title),
      plan.current ? h("s-badge", { tone: "success", class: "seeit-current" }, t("plans.current")) : null,
    ),
    h("s-text", { class: "seeit-price" }, price(plan)),
    plan.trial_days > 0 ? h("s-text", { color: "subdued", class: "seeit-trial" }, t("plans.trial", { days: plan.trial_days })) : null,
    h("ul", { class: "seeit-facts" }, facts.map((fact) => h("li", {}, fact))),
    plan.current ? subscriptionLine(shop.subscription) : null,
    !plan.current && sellable
      ? h("s-button", { variant: plan.name === FREE ? "secondary" : "primary", onClick: (e) => onChoose(plan, e.currentTarget) }, t("plans.choose", { plan: plan.title }))
      : null,
  );
}

// Coming back from Shopify: how the charge the merchant left to approve turned out.
function reportReturn(shop, title) {
  const chosen = window.sessionStorage.getItem(CHOSEN_KEY);
  if (!chosen) return;
  window.sessionStorage.removeItem(CHOSEN_KEY);
  if (shop.plan === chosen) toast(t("plans.nowOn", { plan: title(chosen) }));
  else if (shop.subscription?.status === "DECLINED") toast(t("plans.declined"), { error: true });
}

export async function showPlans(root) {
  let synced = true;
  try {
    await api("/api/admin/billing/sync", { method: "POST" });
  } catch (error) {
    synced = false; // what we last heard is still worth showing
    toast(t("plans.syncFailed", { message: error.message }), { error: true });
  }
  const [listing, shop] = await Promise.all([api("/api/admin/plans"), api("/api/admin/shop")]);
  if (synced) reportReturn(shop, (name) => listing.plans.find((p) => p.name === name)?.title || name);
  const confirmation = h("div", { class: "seeit-confirmation" });

  async function subscribe(plan, button) {
    button.loading = true;
    try {
      const answer = await api("/api/admin/billing/subscribe", { method: "POST", json: { plan: plan.name } });
      if (answer.confirmation_url) {
        window.sessionStorage.setItem(CHOSEN_KEY, plan.name);
        toast(t("plans.redirecting"));
        // App Bridge turns a top-level open into a redirect of the Shopify admin itself.
        window.open(answer.confirmation_url, "_top");
        return;
      }
      toast(t("plans.downgraded", { plan: plan.title }));
      await showPlans(root);
    } catch (error) {
      toast(error instanceof ApiError ? error.message : String(error), { error: true });
    } finally {
      button.loading = false;
    }
  }

  function confirmFree(plan, button) {
    const current = listing.plans.find((p) => p.current);
    fill(
      confirmation,
      h(
        "s-banner",
        { tone: "warning", heading: t("plans.confirmFreeHeading"), class: "seeit-confirm-free" },
        h("s-paragraph", {}, t("plans.confirmFree", { from: current?.title || shop.plan, daily: count(plan.daily_quota), monthly: count(plan.monthly_quota) })),
        h(
          "s-stack",
          { direction: "inline", gap: "small" },
          h("s-button", { variant: "primary", tone: "critical", onClick: (e) => subscribe(plan, e.currentTarget) }, t("plans.confirmFreeYes")),
          h("s-button", { variant: "tertiary", onClick: () => fill(confirmation) }, t("plans.keep")),
        ),
      ),
    );
  }

  const onChoose = (plan, button) => (plan.name === FREE ? confirmFree(plan, button) : subscribe(plan, button));
  fill(
    root,
    h(
      "s-page",
      { heading: t("plans.heading") },
      h("s-paragraph", { color: "subdued" }, t(listing.billing_mode === "app_pricing" ? "plans.introHosted" : "plans.intro")),
      confirmation,
      h(
        "s-grid",
        { "grid-template-columns": `repeat(${Math.min(listing.plans.length, 4)}, 1fr)`, gap: "base", class: "seeit-plans" },
        listing.plans.map((plan) => planCard(plan, { shop, onChoose })),
      ),
    ),
  );
}
