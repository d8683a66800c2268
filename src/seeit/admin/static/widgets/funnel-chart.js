// The shoppers' funnel and the top products as inline SVG bars: no chart library, nothing fetched.
import { t } from "../i18n.js";

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 720;
const LABEL = 190;
const VALUES = 120; // room right of the longest bar for its count and rate
const STEPS = [
  ["opens", "var(--seeit-step-1)"],
  ["uploads", "var(--seeit-step-2)"],
  ["renders", "var(--seeit-step-3)"],
  ["carts", "var(--seeit-step-4)"],
  ["orders", "var(--seeit-step-5)"],
];
const PRODUCT_BARS = [
  ["renders", "var(--seeit-step-3)"],
  ["carts", "var(--seeit-step-4)"],
  ["orders", "var(--seeit-step-5)"],
];

function svg(tag, attributes, text) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text !== undefined) element.textContent = text;
  return element;
}

function percent(part, whole) {
  return whole ? `${Math.round((part / whole) * 100)}%` : "–";
}

function barWidth(value, top) {
  return top ? Math.max((value / top) * (WIDTH - LABEL - VALUES), value ? 2 : 0) : 0;
}

function legend(items) {
  const box = document.createElement("div");
  box.className = "seeit-legend";
  for (const [key, colour] of items) {
    const item = document.createElement("span");
    const swatch = document.createElement("i");
    swatch.style.background = colour;
    item.append(swatch, t(`funnel.${key}`));
    box.append(item);
  }
  return box;
}

function figure(chart, caption) {
  const box = document.createElement("figure");
  box.className = "seeit-figure";
  box.append(chart);
  if (caption) box.append(caption);
  return box;
}

/** Each step of the funnel, a bar each, with its share of the step before. */
export function funnelChart(totals) {
  const row = 40;
  const height = STEPS.length * row;
  const top = Math.max(1, ...STEPS.map(([key]) => totals[key]));
  const chart = svg("svg", { viewBox: `0 0 ${WIDTH} ${height}`, role: "img", class: "seeit-funnel", "aria-label": t("home.funnel") });
  STEPS.forEach(([key, colour], index) => {
    const value = totals[key];
    const y = index * row;
    const width = barWidth(value, top);
    const group = svg("g", { "data-step": key, "data-value": String(value) });
    group.append(svg("text", { x: 0, y: y + 24, class: "seeit-funnel-label" }, t(`funnel.${key}`)));
    group.append(svg("rect", { x: LABEL, y: y + 8, width, height: row - 16, rx: 3, fill: colour }));
    group.append(svg("text", { x: LABEL + width + 8, y: y + 25, class: "seeit-funnel-value" }, String(value)));
    if (index > 0) {
      const share = percent(value, totals[STEPS[index - 1][0]]);
      const label = t("funnel.ofPrevious", { share });
      group.append(svg("text", { x: LABEL + width + 16 + String(value).length * 9, y: y + 25, class: "seeit-chart-axis" }, label));
    }
    group.append(svg("title", {}, `${t(`funnel.${key}`)}: ${value}`));
    chart.append(group);
  });
  return figure(chart);
}

/** The most rendered products: renders, carts and orders side by side, and each one's revenue. */
export function productsChart(products, formatRevenue) {
  const rowHeight = 64;
  const shown = products.slice(0, 5);
  const top = Math.max(1, ...shown.flatMap((p) => PRODUCT_BARS.map(([key]) => p[key])));
  const chart = svg("svg", {
    viewBox: `0 0 ${WIDTH} ${Math.max(shown.length, 1) * rowHeight}`,
    role: "img",
    class: "seeit-products-chart",
    "aria-label": t("home.topProducts"),
  });
  shown.forEach((product, index) => {
    const y = index * rowHeight;
    const group = svg("g", { "data-product": product.product_id });
    const name = product.title || t("funnel.product", { id: product.product_id });
    group.append(svg("text", { x: 0, y: y + 22, class: "seeit-funnel-label" }, name.length > 26 ? `${name.slice(0, 25)}…` : name));
    const revenue = formatRevenue(product.revenue);
    if (revenue) group.append(svg("text", { x: 0, y: y + 42, class: "seeit-chart-axis" }, revenue));
    PRODUCT_BARS.forEach(([key, colour], bar) => {
      const value = product[key];
      const width = barWidth(value, top);
      const barY = y + 6 + bar * 17;
      group.append(svg("rect", { x: LABEL, y: barY, width, height: 13, rx: 2, fill: colour, "data-kind": key }));
      group.append(svg("text", { x: LABEL + width + 6, y: barY + 11, class: "seeit-chart-axis" }, String(value)));
    });
    group.append(svg("title", {}, `${name} — ${PRODUCT_BARS.map(([key]) => `${t(`funnel.${key}`)}: ${product[key]}`).join(", ")}`));
    chart.append(group);
  });
  return figure(chart, legend(PRODUCT_BARS));
}
