// The tenant's usage: totals and cost, tokens per day, invocations per model, and per user for a tenant-admin.
import type { App } from "./main";
import type { Usage, UsageReport } from "./api";
import { barList, columnChart, compact } from "./chart";
import { h, clear } from "./dom";
import { describe } from "./problems";

const RANGES = [{ days: 7, label: "7 days" }, { days: 30, label: "30 days" }, { days: 90, label: "90 days" }];

export class UsageView {
  readonly element: HTMLElement;
  private readonly body = h("div", { class: "usage-body", "data-test": "usage" });
  private days = 30;
  private disposed = false;

  constructor(private readonly app: App) {
    const who = app.auth.identity()!;
    const picker = h("div", { class: "segmented", role: "group", "aria-label": "Range" },
      ...RANGES.map((r) => h("button", {
        type: "button", "aria-pressed": r.days === this.days ? "true" : "false",
        onclick: (e: Event) => {
          this.days = r.days;
          picker.querySelectorAll("button").forEach((b) => b.setAttribute("aria-pressed", String(b === e.currentTarget)));
          void this.load();
        },
      }, r.label)));
    this.element = h("section", { class: "usage" },
      h("div", { class: "usage-head" }, h("div", {}, h("h1", {}, "Usage"),
        h("p", { class: "muted" }, `Tenant ${who.tenantId}, counted a few seconds after each reply.`)),
        h("div", { class: "usage-actions" }, picker, h("button", { type: "button", onclick: () => void this.load(), "data-test": "usage-refresh" }, "↻ Refresh"))),
      this.body);
    void this.load();
  }

  dispose(): void {
    this.disposed = true;
  }

  private async load(): Promise<void> {
    const who = this.app.auth.identity()!;
    clear(this.body);
    this.body.appendChild(h("p", { class: "muted pad" }, "Loading usage…"));
    const to = new Date();
    const from = new Date(to.getTime() - this.days * 86_400_000);
    to.setUTCHours(0, 0, 0, 0);
    to.setUTCDate(to.getUTCDate() + 1);
    from.setUTCHours(0, 0, 0, 0);
    try {
      const report = await this.app.api.usage(who.tenantId, from.toISOString(), to.toISOString(), "day");
      if (this.disposed) return;
      clear(this.body);
      this.render(report);
    } catch (e) {
      if (this.app.expired(e) || this.disposed) return;
      clear(this.body);
      this.body.appendChild(h("div", { class: "empty-state" }, h("p", { class: "error" }, describe(e)),
        h("button", { onclick: () => void this.load() }, "Try again")));
    }
  }

  private render(report: UsageReport): void {
    const t = report.totals;
    this.body.appendChild(h("div", { class: "cards" },
      card("Total tokens", compact(t.input_tokens + t.output_tokens), `${t.input_tokens.toLocaleString()} in · ${t.output_tokens.toLocaleString()} out`, "total-tokens", t.input_tokens + t.output_tokens),
      card("Model calls", t.invocations.toLocaleString(), "invocations", "invocations", t.invocations),
      card("Cost", money(t.cost_usd), "estimated, USD", "cost", t.cost_usd),
      card("Prompt cache", compact((t.cache_read_input_tokens ?? 0) + (t.cache_write_input_tokens ?? 0)),
        `${(t.cache_read_input_tokens ?? 0).toLocaleString()} read · ${(t.cache_write_input_tokens ?? 0).toLocaleString()} written`,
        "cache-tokens", (t.cache_read_input_tokens ?? 0) + (t.cache_write_input_tokens ?? 0))));
    if (t.invocations === 0) {
      this.body.appendChild(h("div", { class: "empty-state small", "data-test": "usage-empty" },
        h("p", { class: "muted" }, "No model calls in this range yet. Send a message and come back.")));
    }
    const columns = fillDays(report).map(([day, usage]) => ({
      label: day.slice(5),
      parts: [
        { value: usage?.input_tokens ?? 0, className: "in", name: "input tokens" },
        { value: usage?.output_tokens ?? 0, className: "out", name: "output tokens" },
      ],
    }));
    this.body.appendChild(h("div", { class: "charts" },
      h("div", { "data-test": "tokens-chart" }, columnChart("Tokens per day (input ▪ output)", columns),
        h("p", { class: "legend" }, h("span", { class: "swatch in" }), "input ", h("span", { class: "swatch out" }), "output")),
      h("div", { "data-test": "models-chart" }, barList("Model calls per model", report.by_model
        .sort((a, b) => b.usage.invocations - a.usage.invocations)
        .map((m) => ({ label: m.model_id, value: m.usage.invocations, note: `${m.usage.invocations} · ${money(m.usage.cost_usd)}` }))))));
    if (report.by_user) {
      this.body.appendChild(h("section", { class: "by-user", "data-test": "by-user" }, h("h2", {}, "Per user"),
        report.by_user.length === 0 ? h("p", { class: "muted" }, "Nobody has used the model in this range.") :
          h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "User"), h("th", {}, "Calls"), h("th", {}, "Input"), h("th", {}, "Output"), h("th", {}, "Cost"))),
            h("tbody", {}, ...report.by_user.sort((a, b) => b.usage.cost_usd - a.usage.cost_usd).map((u) => h("tr", {},
              h("td", {}, u.user_id), h("td", {}, u.usage.invocations.toLocaleString()), h("td", {}, u.usage.input_tokens.toLocaleString()),
              h("td", {}, u.usage.output_tokens.toLocaleString()), h("td", {}, money(u.usage.cost_usd))))))));
    }
  }
}

function card(label: string, value: string, note: string, test: string, raw: number): HTMLElement {
  return h("div", { class: "card", "data-test": test, "data-value": raw }, h("span", { class: "card-label" }, label),
    h("strong", { class: "card-value" }, value), h("span", { class: "muted" }, note));
}

function money(usd: number): string {
  return usd < 0.01 && usd > 0 ? `$${usd.toFixed(4)}` : `$${usd.toFixed(2)}`;
}

/** One entry per day of the range, empty days included, so gaps show as gaps. */
function fillDays(report: UsageReport): [string, Usage | null][] {
  const byDay = new Map(report.series.map((s) => [s.bucket.slice(0, 10), s.usage]));
  const days: [string, Usage | null][] = [];
  const end = new Date(report.to);
  for (let d = new Date(report.from); d < end && days.length < 400; d.setUTCDate(d.getUTCDate() + 1)) {
    const key = d.toISOString().slice(0, 10);
    days.push([key, byDay.get(key) ?? null]);
  }
  return days;
}
