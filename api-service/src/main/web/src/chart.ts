// Hand-drawn SVG charts (no chart library): stacked columns for tokens per bucket, bars for invocations per model.
import { h, svg } from "./dom";

export interface Column {
  label: string;
  parts: { value: number; className: string; name: string }[];
}

const W = 720, H = 240, PAD_L = 52, PAD_B = 28, PAD_T = 12;

export function columnChart(title: string, columns: Column[]): HTMLElement {
  const max = Math.max(1, ...columns.map((c) => c.parts.reduce((s, p) => s + p.value, 0)));
  const top = niceCeil(max);
  const plotW = W - PAD_L - 8, plotH = H - PAD_B - PAD_T;
  const step = plotW / Math.max(1, columns.length);
  const barW = Math.max(2, Math.min(36, step * 0.7));
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": title, class: "chart" });
  for (let i = 0; i <= 4; i++) {
    const y = PAD_T + plotH - (plotH * i) / 4;
    chart.appendChild(svg("line", { x1: PAD_L, x2: W - 8, y1: y, y2: y, class: "grid" }));
    chart.appendChild(svg("text", { x: PAD_L - 6, y: y + 4, class: "axis", "text-anchor": "end" }, compact((top * i) / 4)));
  }
  const labelEvery = Math.ceil(columns.length / 10);
  columns.forEach((column, i) => {
    const x = PAD_L + step * i + (step - barW) / 2;
    let y = PAD_T + plotH;
    for (const part of column.parts) {
      const height = (plotH * part.value) / top;
      if (height <= 0) continue;
      y -= height;
      const rect = svg("rect", { x, y, width: barW, height, rx: 2, class: part.className });
      rect.appendChild(svg("title", {}, `${column.label}: ${part.value.toLocaleString()} ${part.name}`));
      chart.appendChild(rect);
    }
    if (i % labelEvery === 0) {
      chart.appendChild(svg("text", { x: x + barW / 2, y: H - 8, class: "axis", "text-anchor": "middle" }, column.label));
    }
  });
  return h("figure", { class: "chart-box" }, h("figcaption", {}, title), chart as unknown as Node);
}

export function barList(title: string, rows: { label: string; value: number; note: string }[]): HTMLElement {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return h("figure", { class: "chart-box" }, h("figcaption", {}, title),
    rows.length === 0 ? h("p", { class: "muted" }, "Nothing yet.") :
      h("ul", { class: "bars" }, ...rows.map((row) => {
        const bar = h("span", { class: "bar-fill" });
        bar.style.width = `${Math.max(1, (100 * row.value) / max)}%`;
        return h("li", {}, h("span", { class: "bar-label", title: row.label }, row.label),
          h("span", { class: "bar-track" }, bar), h("span", { class: "bar-value" }, row.note));
      })));
}

function niceCeil(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * magnitude >= value) return m * magnitude;
  return 10 * magnitude;
}

export function compact(value: number): string {
  return Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 }).format(value);
}
