// One product, managed: its cut-outs over a checkerboard (pick the one renders use), its style preset,
// and an upload of the merchant's own cut-out.
import { api, attempt, toast } from "../api.js";
import { h, fill } from "../dom.js";
import { t, when } from "../i18n.js";
import { cutoutPreview, statusBadge } from "../widgets/badges.js";

export async function productDetails(area, product, { onChange, onClose }) {
  const [cutouts, presets] = await Promise.all([
    api("/api/admin/assets", { query: { product_id: product.id, status: "ready", limit: 20 } }),
    api("/api/admin/style-presets"),
  ]);
  const servingId = product.serving_asset?.id;

  async function useAsDefault(asset) {
    const saved = await attempt(() =>
      api(`/api/admin/products/${product.id}/settings`, { method: "PATCH", json: { default_asset_id: asset.id } }),
    );
    if (saved) {
      toast(t("products.defaultSaved", { title: product.title }));
      await onChange();
    }
  }

  async function saveStyle(select) {
    const style_preset = select.value || null;
    const saved = await attempt(() =>
      api(`/api/admin/products/${product.id}/settings`, { method: "PATCH", json: { style_preset } }),
    );
    if (saved) {
      toast(t("products.styleSaved"));
      product.settings = saved;
    }
  }

  async function upload(zone) {
    const file = zone.files?.[0];
    if (!file) return;
    const form = new FormData();
    form.append("image", file, file.name);
    zone.loading = true;
    const asset = await attempt(() => api(`/api/admin/products/${product.id}/asset`, { method: "PUT", body: form }));
    zone.loading = false;
    zone.value = "";
    if (asset) {
      toast(t("products.uploaded", { title: product.title }));
      await onChange();
    }
  }

  const styleSelect = h(
    "s-select",
    { label: t("products.stylePreset"), value: product.settings.style_preset || "", onChange: (e) => saveStyle(e.currentTarget) },
    h("s-option", { value: "" }, t("products.styleDefault")),
    presets.items.map((preset) => h("s-option", { value: preset.name }, preset.name)),
  );

  const list = cutouts.items.length
    ? h(
        "s-grid",
        { "grid-template-columns": "repeat(auto-fill, minmax(180px, 1fr))", gap: "base", class: "seeit-cutouts" },
        cutouts.items.map((asset) =>
          h(
            "s-box",
            { padding: "small", border: "base", "border-radius": "base", dataset: { asset: asset.id } },
            cutoutPreview(asset.prepared_image_url, product.title, "large"),
            h("s-text", { color: "subdued" }, `${t(`strategy.${asset.prep_strategy}`)} · ${when(asset.created_at)}`),
            asset.id === servingId
              ? h("s-badge", { tone: "success" }, t("products.isDefault"))
              : h("s-button", { variant: "secondary", onClick: () => useAsDefault(asset) }, t("products.useAsDefault")),
          ),
        ),
      )
    : h("s-paragraph", { color: "subdued" }, t("products.noCutouts"));

  fill(
    area,
    h(
      "s-section",
      { heading: t("products.details", { title: product.title }), class: "seeit-details", dataset: { product: product.id } },
      h(
        "s-stack",
        { direction: "inline", gap: "small", "align-items": "center" },
        statusBadge(product.status),
        product.status === "failed" && product.asset?.error_message
          ? h("s-text", { tone: "critical" }, t("products.failedReason", { reason: product.asset.error_message }))
          : null,
      ),
      h("s-heading", {}, t("products.cutouts")),
      list,
      styleSelect,
      h("s-drop-zone", { label: t("products.upload"), accept: "image/png", onChange: (e) => upload(e.currentTarget) }),
      h("s-stack", { direction: "inline", "justify-content": "end" }, h("s-button", { variant: "tertiary", onClick: onClose }, t("products.close"))),
    ),
  );
}
