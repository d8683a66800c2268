// The admin's entry: installs the shop on first open (token exchange), then shows the screen the path
// names and keeps the Shopify admin's query on every in-app link, as a reload needs it.
import { ApiError, QUOTA_EXCEEDED, api } from "./api.js";
import { h, fill } from "./dom.js";
import { t } from "./i18n.js";
import { showActivity } from "./pages/activity.js";
import { showHome } from "./pages/home.js";
import { showPlans } from "./pages/plans.js";
import { showProducts } from "./pages/products.js";
import { showSettings } from "./pages/settings.js";
import { showStyles } from "./pages/styles.js";
import { upgradeBanner } from "./widgets/upgrade.js";

const SCREENS = {
  "/app": showHome,
  "/app/products": showProducts,
  "/app/styles": showStyles,
  "/app/activity": showActivity,
  "/app/plans": showPlans,
  "/app/settings": showSettings,
};

const root = document.getElementById("app");
let leaving = null; // the shown screen's clean-up (timers), run before the next one

function notice(text, tone = "info") {
  fill(root, h("s-page", { heading: t("app.title") }, h("s-banner", { tone }, text)));
}

async function installedShop() {
  // The page says when Shopify's signed load names a shop we do not know; otherwise the service says so.
  if (!document.querySelector('meta[name="seeit-install"]')) {
    try {
      return await api("/api/admin/shop");
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== "shop_not_installed") throw error;
    }
  }
  // First open of an unknown (or reinstalled) shop: trade the session token for an offline token.
  notice(t("app.installing"));
  const token = await window.shopify.idToken();
  const response = await fetch("/auth/token-exchange", { method: "POST", headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) {
    const payload = await response.json().catch(() => ({}));
    throw new ApiError(response.status, payload?.error?.code, payload?.error?.message || response.statusText);
  }
  return api("/api/admin/shop");
}

async function show(path) {
  if (leaving) leaving();
  leaving = null;
  const screen = SCREENS[path] || showHome;
  try {
    leaving = (await screen(root)) || null;
  } catch (error) {
    notice(t("app.loadFailed", { message: error.message }), "critical");
  }
}

export function navigate(path) {
  const target = new URL(path, window.location.origin);
  target.search = window.location.search;
  if (target.pathname !== window.location.pathname) window.history.pushState({}, "", target);
  show(target.pathname);
}

function followInAppLinks(event) {
  const link = event.composedPath().find((el) => el instanceof Element && el.matches?.("a[href], s-link[href], s-button[href]"));
  const href = link?.getAttribute("href");
  if (!href || !href.startsWith("/app") || link.getAttribute("target")) return;
  event.preventDefault();
  navigate(href);
}

// A 429 quota_exceeded from any action: offer the upgrade at the top of the screen, once.
function offerUpgrade(event) {
  const page = root.querySelector("s-page");
  if (!page || page.querySelector(".seeit-upgrade")) return;
  page.prepend(upgradeBanner(event.detail.message));
}

async function start() {
  if (!window.shopify) {
    notice(t("app.notEmbedded"), "warning");
    return;
  }
  // Capturing, so an in-app link is taken before the link element itself would open its href.
  document.addEventListener("click", followInAppLinks, true);
  window.addEventListener("popstate", () => show(window.location.pathname));
  document.addEventListener(QUOTA_EXCEEDED, offerUpgrade);
  try {
    await installedShop();
  } catch (error) {
    notice(t("app.loadFailed", { message: error.message }), "critical");
    return;
  }
  await show(window.location.pathname);
}

start();
