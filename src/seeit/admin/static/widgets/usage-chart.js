// Renders by day and kind as stacked bars in an inline SVG: no chart library, nothing fetched.
import { t } from "../i18n.js";

const SVG = "http://www.w3.org/2000/svg";
const KINDS = [
  ["prep_renders", "var(--seeit-prep)"],
  ["cleanup_renders", "var(--seeit-cleanup)"],
  ["composite_renders", "var(--seeit-composite)"],
];
const WIDTH = 720;
const HEIGHT = 170;
const LEFT = 32;
const BOTTOM = 22;

function svg(tag, attributes, text) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text !== undefined) element.textContent = text;
  return element;
}

function niceMax(value) {
  if (value <= 4) return 4;
  const step = 10 ** Math.floor(Math.log10(value));
  return Math.ceil(value / step) * step;
}

export function usageChart(days) {
  const totals = days.map((d) => KINDS.reduce((sum, [kind]) => sum + d[kind], 0));
  const top = niceMax(Math.max(0, ...totals));
  const plotHeight = HEIGHT - BOTTOM - 8;
  const slot = (WIDTH - LEFT) / Math.max(days.length, 1);
  const chart = svg("svg", {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: "img",
    class: "seeit-chart",
    "aria-label": t("home.chart"),
  });
  for (const fraction of [0, 0.5, 1]) {
    const y = 8 + plotHeight * (1 - fraction);
    chart.append(svg("line", { x1: LEFT, x2: WIDTH, y1: y, y2: y, class: "seeit-chart-grid" }));
    chart.append(svg("text", { x: LEFT - 6, y: y + 4, "text-anchor": "end", class: "seeit-chart-axis" }, String(top * fraction)));
  }
  days.forEach((day, index) => {
    const x = LEFT + index * slot + slot * 0.15;
    let y = 8 + plotHeight;
    const group = svg("g", { "data-date": day.date });
    const parts = [];
    for (const [kind, colour] of KINDS) {
      if (!day[kind]) continue;
      const height = (day[kind] / top) * plotHeight;
      y -= height;
      group.append(svg("rect", { x, y, width: slot * 0.7, height, fill: colour, "data-kind": kind }));
      parts.push(`${t(`kind.${kind}`)}: ${day[kind]}`);
    }
    group.append(svg("title", {}, `${day.date}${parts.length ? ` — ${parts.join(", ")}` : ""}`));
    chart.append(group);
    if (index % 7 === 0 || (index === days.length - 1 && index % 7 > 3)) {
      chart.append(svg("text", { x: x + slot * 0.35, y: HEIGHT - 6, "text-anchor": "middle", class: "seeit-chart-axis" }, day.date.slice(5)));
    }
  });
  const legend = document.createElement("div");
  legend.className = "seeit-legend";
  for (const [kind, colour] of KINDS) {
    const item = document.createElement("span");
    const swatch = document.createElement("i");
    swatch.style.background = colour;
    item.append(swatch, t(`kind.${kind}`));
    legend.append(item);
  }
  const figure = document.createElement("figure");
  figure.className = "seeit-figure";
  figure.append(chart, legend);
  return figure;
}
