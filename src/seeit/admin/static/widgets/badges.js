// The status badges every screen shows, with Polaris tones.
import { h } from "../dom.js";
import { t } from "../i18n.js";

const TONES = {
  none: "neutral",
  pending: "info",
  queued: "info",
  processing: "info",
  ready: "success",
  completed: "success",
  failed: "critical",
  stale: "warning",
  orphaned: "neutral",
};

export function statusBadge(status) {
  return h("s-badge", { tone: TONES[status] || "neutral", dataset: { status } }, t(`status.${status}`));
}

// A cut-out shown over a checkerboard, so its transparency is visible.
export function cutoutPreview(url, alt, size = "small") {
  return h("span", { class: `seeit-checkerboard seeit-${size}` }, url ? h("img", { src: url, alt }) : null);
}

export function meter(used, limit) {
  const share = limit > 0 ? Math.min(used / limit, 1) : 1;
  const bar = h("span", { class: "seeit-meter-fill" });
  bar.style.width = `${Math.round(share * 100)}%`;
  if (share >= 0.9) bar.classList.add("seeit-meter-full");
  return h("span", { class: "seeit-meter", role: "meter", "aria-valuenow": used, "aria-valuemax": limit }, bar);
}
