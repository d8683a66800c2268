// Styles: the built-in presets and the shop's own, which the merchant creates, edits and deletes.
import { api, attempt, fieldMessage, toast } from "../api.js";
import { h, fill } from "../dom.js";
import { t, when } from "../i18n.js";

export async function showStyles(root) {
  const tableArea = h("div");
  const formArea = h("div");

  async function load() {
    const presets = await api("/api/admin/style-presets");
    drawTable(presets.items);
  }

  async function remove(preset) {
    const done = await attempt(async () => {
      await api(`/api/admin/style-presets/${encodeURIComponent(preset.name)}`, { method: "DELETE" });
      return true;
    });
    if (done) {
      toast(t("styles.deleted", { name: preset.name }));
      await attempt(load);
    }
  }

  function drawForm(preset) {
    const name = h("s-text-field", {
      label: t("styles.name"),
      details: t("styles.nameHelp"),
      value: preset?.name || "",
      disabled: Boolean(preset),
    });
    const template = h("s-text-area", { label: t("styles.template"), rows: 3, value: preset?.prompt_template || "" });
    async function save() {
      name.error = "";
      template.error = "";
      try {
        await api(`/api/admin/style-presets/${encodeURIComponent(name.value.trim())}`, {
          method: "PUT",
          json: { prompt_template: template.value },
        });
      } catch (error) {
        const message = fieldMessage(error, "prompt_template");
        if (message) template.error = message;
        else if (error.status === 422 || error.status === 404) name.error = error.message;
        toast(error.message, { error: true });
        return;
      }
      toast(t("styles.saved", { name: name.value.trim() }));
      fill(formArea);
      await attempt(load);
    }
    fill(
      formArea,
      h(
        "s-section",
        { heading: preset ? t("styles.edit", { name: preset.name }) : t("styles.new"), class: "seeit-form" },
        name,
        template,
        h(
          "s-stack",
          { direction: "inline", gap: "small", "justify-content": "end" },
          h("s-button", { variant: "tertiary", onClick: () => fill(formArea) }, t("styles.cancel")),
          h("s-button", { variant: "primary", onClick: save }, t("styles.save")),
        ),
      ),
    );
  }

  function drawTable(presets) {
    fill(
      tableArea,
      h(
        "s-table",
        {},
        h(
          "s-table-header-row",
          {},
          h("s-table-header", {}, t("styles.name")),
          h("s-table-header", {}, t("styles.template")),
          h("s-table-header", {}, t("styles.version")),
          h("s-table-header", {}, t("styles.usage")),
          h("s-table-header", {}, ""),
        ),
        h(
          "s-table-body",
          {},
          presets.map((preset) =>
            h(
              "s-table-row",
              { dataset: { preset: preset.name } },
              h(
                "s-table-cell",
                {},
                h("s-stack", { direction: "inline", gap: "small" }, h("s-text", { type: "strong" }, preset.name), h("s-badge", { tone: preset.builtin ? "neutral" : "info" }, t(preset.builtin ? "styles.builtin" : "styles.own"))),
              ),
              h("s-table-cell", {}, preset.prompt_template ?? ""),
              h("s-table-cell", {}, String(preset.version)),
              h("s-table-cell", {}, preset.usage_count ?? "—"),
              h(
                "s-table-cell",
                {},
                preset.builtin
                  ? null
                  : h(
                      "s-stack",
                      { direction: "inline", gap: "small" },
                      h("s-button", { variant: "tertiary", onClick: () => drawForm(preset) }, t("styles.edit", { name: "" }).trim()),
                      h("s-button", { variant: "tertiary", tone: "critical", onClick: () => remove(preset) }, t("styles.delete")),
                    ),
              ),
            ),
          ),
        ),
      ),
    );
  }

  fill(
    root,
    h(
      "s-page",
      { heading: t("styles.heading") },
      h("s-button", { slot: "primary-action", variant: "primary", onClick: () => drawForm(null) }, t("styles.new")),
      h("s-section", {}, h("s-paragraph", {}, t("styles.intro")), tableArea),
      formArea,
    ),
  );
  await load();
}
