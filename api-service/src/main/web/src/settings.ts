// The tenant's assistant profile, for its tenant-admins (and platform operators): system prompt, model, output
// bound, temperature, Bedrock guardrail, history budget. Every worker applies a saved change within seconds.
import type { App } from "./main";
import type { Profile } from "./api";
import { h, clear } from "./dom";
import { describe } from "./problems";

export class SettingsView {
  readonly element: HTMLElement;
  private readonly body = h("div", { class: "settings-body", "data-test": "settings" });
  private disposed = false;

  constructor(private readonly app: App) {
    const who = app.auth.identity()!;
    this.element = h("section", { class: "usage settings" },
      h("div", { class: "usage-head" }, h("div", {}, h("h1", {}, "Assistant settings"),
        h("p", { class: "muted" }, `Tenant ${who.tenantId}: how the assistant answers everyone in your tenant. A saved change applies to the next message within seconds.`))),
      this.body);
    void this.load();
  }

  dispose(): void {
    this.disposed = true;
  }

  private async load(): Promise<void> {
    const who = this.app.auth.identity()!;
    clear(this.body);
    this.body.appendChild(h("p", { class: "muted pad" }, "Loading settings…"));
    try {
      const profile = await this.app.api.profile(who.tenantId);
      if (this.disposed) return;
      clear(this.body);
      this.body.appendChild(this.form(profile));
    } catch (e) {
      if (this.app.expired(e) || this.disposed) return;
      clear(this.body);
      this.body.appendChild(h("p", { class: "error", "data-test": "profile-error" }, describe(e)));
    }
  }

  private form(profile: Profile): HTMLElement {
    const prompt = h("textarea", { rows: 8, maxlength: 8192, "data-test": "profile-system-prompt",
      placeholder: "Leave empty for the default assistant" }) as HTMLTextAreaElement;
    prompt.value = profile.system_prompt ?? "";
    const model = h("select", { "data-test": "profile-model" },
      h("option", { value: "" }, "Deployment default"),
      ...profile.allowed_models.map((m) => h("option", { value: m }, m))) as HTMLSelectElement;
    model.value = profile.model ?? "";
    const maxTokens = numberInput("profile-max-output-tokens", profile.max_output_tokens, 1, profile.max_output_tokens_limit, 1);
    const temperature = numberInput("profile-temperature", profile.temperature, 0, 1, 0.05);
    const guardrailId = textInput("profile-guardrail-id", profile.guardrail_id);
    const guardrailVersion = textInput("profile-guardrail-version", profile.guardrail_version);
    const turns = numberInput("profile-history-turns", profile.history_max_turns, 1, 1000, 1);
    const chars = numberInput("profile-history-chars", profile.history_max_chars, 1, 1_000_000, 1);
    const retention = numberInput("profile-retention-days", profile.retention_days, 0, 3650, 1);
    const status = h("p", { class: "muted", "data-test": "profile-status", role: "status" },
      profile.version === 0 ? "Default settings (never saved)" : `Version ${profile.version}, saved by ${profile.updated_by ?? "?"}`);
    let version = profile.version;
    const save = h("button", { type: "submit", class: "primary", "data-test": "profile-save" }, "Save") as HTMLButtonElement;
    const form = h("form", { class: "settings-form", novalidate: "" },
      field("System prompt", prompt), field("Model", model), field("Max output tokens", maxTokens),
      field("Temperature", temperature), field("Guardrail id", guardrailId), field("Guardrail version", guardrailVersion),
      field("History: most turns", turns), field("History: most characters", chars),
      field("Keep conversations (days, 0 = forever; empty = plan default)", retention),
      h("div", { class: "settings-actions" }, save, status)) as HTMLFormElement;
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      save.disabled = true;
      const who = this.app.auth.identity()!;
      this.app.api.saveProfile(who.tenantId, {
        system_prompt: orNull(prompt.value), model: orNull(model.value), max_output_tokens: num(maxTokens.value),
        temperature: num(temperature.value), guardrail_id: orNull(guardrailId.value),
        guardrail_version: orNull(guardrailVersion.value), history_max_turns: num(turns.value),
        history_max_chars: num(chars.value), retention_days: num(retention.value), version,
      }).then((saved) => {
        version = saved.version;
        status.className = "muted";
        status.setAttribute("data-test", "profile-status");
        status.textContent = `Saved: version ${saved.version}`;
      }).catch((err) => {
        if (this.app.expired(err)) return;
        status.className = "error";
        status.setAttribute("data-test", "profile-error");
        status.textContent = describe(err);
      }).finally(() => { save.disabled = false; });
    });
    return form;
  }
}

function field(label: string, input: HTMLElement): HTMLElement {
  return h("label", { class: "field" }, h("span", { class: "card-label" }, label), input);
}

function numberInput(test: string, value: number | null, min: number, max: number, step: number): HTMLInputElement {
  const input = h("input", { type: "number", min, max, step, "data-test": test }) as HTMLInputElement;
  input.value = value === null ? "" : String(value);
  return input;
}

function textInput(test: string, value: string | null): HTMLInputElement {
  const input = h("input", { type: "text", "data-test": test }) as HTMLInputElement;
  input.value = value ?? "";
  return input;
}

function orNull(value: string): string | null {
  return value.trim() === "" ? null : value;
}

function num(value: string): number | null {
  return value.trim() === "" ? null : Number(value);
}
