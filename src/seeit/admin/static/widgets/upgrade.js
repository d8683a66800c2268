// The offer to upgrade when a render quota is used up: a banner with the way to the Plans page.
import { h } from "../dom.js";
import { t } from "../i18n.js";

export function upgradeBanner(message) {
  return h(
    "s-banner",
    { tone: "critical", heading: t("upgrade.heading"), class: "seeit-upgrade" },
    h("s-paragraph", {}, message ? t("upgrade.message", { message }) : t("upgrade.heading")),
    h("s-button", { variant: "primary", href: "/app/plans" }, t("upgrade.seePlans")),
  );
}
