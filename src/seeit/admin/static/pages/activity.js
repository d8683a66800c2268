// Activity: the audit trail — who did what, when — newest first, a page at a time.
import { api, attempt } from "../api.js";
import { h, fill } from "../dom.js";
import { t, when } from "../i18n.js";

const PAGE_SIZE = 25;

function who(actor) {
  return /^\d+$/.test(actor) ? t("activity.staff", { id: actor }) : actor;
}

function subject(event) {
  if (!event.subject) return "";
  return event.subject.startsWith("gid://") ? event.subject.split("/").slice(-2).join(" ") : event.subject;
}

function summary(event) {
  const details = event.details || {};
  const parts = [];
  if ("queued" in details) parts.push(`${details.queued} queued`);
  if ("skipped" in details) parts.push(`${details.skipped} skipped`);
  if (details.set) parts.push(Object.entries(details.set).map(([k, v]) => `${k} → ${v}`).join(", "));
  return parts.join(" · ");
}

export async function showActivity(root) {
  const body = h("s-table-body");
  const more = h("s-stack", { direction: "inline", "justify-content": "center", padding: "base" });
  let cursor = null;

  async function loadMore() {
    const page = await api("/api/admin/activity", { query: { limit: PAGE_SIZE, cursor } });
    cursor = page.next_cursor;
    for (const event of page.items) {
      body.append(
        h(
          "s-table-row",
          { dataset: { action: event.action } },
          h("s-table-cell", {}, when(event.created_at)),
          h("s-table-cell", {}, who(event.actor)),
          h("s-table-cell", {}, h("s-text", { type: "strong" }, t(`action.${event.action}`)), h("s-text", { color: "subdued", class: "seeit-summary" }, summary(event))),
          h("s-table-cell", {}, subject(event)),
        ),
      );
    }
    if (!body.children.length) fill(more, h("s-paragraph", { color: "subdued" }, t("activity.empty")));
    else fill(more, cursor ? h("s-button", { onClick: () => attempt(loadMore) }, t("activity.more")) : null);
  }

  fill(
    root,
    h(
      "s-page",
      { heading: t("activity.heading") },
      h(
        "s-section",
        { padding: "none" },
        h(
          "s-table",
          {},
          h(
            "s-table-header-row",
            {},
            h("s-table-header", {}, t("activity.when")),
            h("s-table-header", {}, t("activity.who")),
            h("s-table-header", {}, t("activity.what")),
            h("s-table-header", {}, t("activity.subject")),
          ),
          body,
        ),
        more,
      ),
    ),
  );
  await loadMore();
}
