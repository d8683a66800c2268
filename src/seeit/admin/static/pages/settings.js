// Settings: how long shoppers' room photos are kept, the watermark where the plan leaves the choice, and
// the steps that put the See It block on the theme's product pages.
import { api, fieldMessage, toast } from "../api.js";
import { h, fill } from "../dom.js";
import { t } from "../i18n.js";

export async function showSettings(root) {
  const [settings, shop] = await Promise.all([api("/api/admin/settings"), api("/api/admin/shop")]);

  const retention = h("s-number-field", {
    label: t("settings.retention"),
    details: t("settings.retentionHelp", { hours: settings.room_retention_default_hours }),
    value: String(settings.room_retention_hours),
    min: 1,
    max: 720,
  });
  const watermark = h("s-switch", {
    label: t("settings.watermarkLabel"),
    checked: settings.watermark,
    disabled: settings.watermark_required,
    details: settings.watermark_required ? t("settings.watermarkRequired", { plan: shop.plan }) : undefined,
  });

  async function save(button) {
    retention.error = "";
    const hours = Number(retention.value);
    const json = { room_retention_hours: hours };
    if (!settings.watermark_required) json.watermark = watermark.checked;
    button.loading = true;
    try {
      Object.assign(settings, await api("/api/admin/settings", { method: "PATCH", json }));
      toast(t("settings.saved"));
    } catch (error) {
      retention.error = fieldMessage(error, "room_retention_hours") || "";
      toast(error.message, { error: true });
    } finally {
      button.loading = false;
    }
  }

  fill(
    root,
    h(
      "s-page",
      { heading: t("settings.heading") },
      h("s-section", { heading: t("settings.rooms") }, retention),
      h("s-section", { heading: t("settings.watermark") }, watermark),
      h(
        "s-stack",
        { direction: "inline", "justify-content": "end", class: "seeit-actions" },
        h("s-button", { variant: "primary", onClick: (e) => save(e.currentTarget) }, t("settings.save")),
      ),
      h(
        "s-section",
        { heading: t("settings.block") },
        h(
          "ol",
          { class: "seeit-steps" },
          h("li", {}, t("settings.step1")),
          h("li", {}, t("settings.step2")),
          h("li", {}, t("settings.step3")),
        ),
        // App Bridge turns a link to the top window into a redirect of the Shopify admin itself.
        h("s-button", { variant: "secondary", href: settings.theme_editor_url, target: "_top" }, t("settings.openEditor")),
      ),
    ),
  );
}
