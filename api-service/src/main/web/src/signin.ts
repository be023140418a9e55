// The sign-in page: email + password (local pool) or the hosted UI (AWS), and a field to paste an ID token.
import { Auth } from "./auth";
import { h } from "./dom";
import { describe } from "./problems";

export class SignInView {
  readonly element: HTMLElement;
  private readonly error = h("p", { class: "error", role: "alert", "data-test": "signin-error" });
  private first: HTMLElement;

  constructor(private readonly auth: Auth, notice: string | null, private readonly done: () => void) {
    const main = auth.config.auth_mode === "password" ? this.passwordForm() : this.hostedButton();
    this.first = main.querySelector("input, button") as HTMLElement;
    this.element = h("div", { class: "signin" },
      h("div", { class: "center-card" },
        h("div", { class: "brand big" }, h("span", { class: "logo", "aria-hidden": "true" }), "TenantChat"),
        h("p", { class: "muted" }, "Chat with Claude, scoped to your tenant."),
        notice ? h("p", { class: "notice", role: "status" }, notice) : null,
        main,
        this.error,
        h("details", { class: "paste" }, h("summary", {}, "Paste an ID token instead"), this.tokenForm())));
  }

  focus(): void {
    this.first?.focus();
  }

  private passwordForm(): HTMLElement {
    const email = h("input", { type: "email", name: "email", autocomplete: "username", required: true, placeholder: "you@example.com" });
    const password = h("input", { type: "password", name: "password", autocomplete: "current-password", required: true });
    const submit = h("button", { class: "primary", type: "submit" }, "Sign in");
    return h("form", {
      class: "stack", "data-test": "signin-form",
      onsubmit: async (e: Event) => {
        e.preventDefault();
        submit.setAttribute("disabled", "");
        this.error.textContent = "";
        try {
          await this.auth.signInWithPassword(email.value.trim(), password.value);
          this.done();
        } catch (err) {
          this.error.textContent = describe(err);
          submit.removeAttribute("disabled");
        }
      },
    }, h("label", {}, "Email", email), h("label", {}, "Password", password), submit);
  }

  private hostedButton(): HTMLElement {
    return h("div", { class: "stack" }, h("button", {
      class: "primary", type: "button",
      onclick: () => this.auth.startHostedSignIn().catch((e) => (this.error.textContent = describe(e))),
    }, "Sign in with your organisation account"));
  }

  private tokenForm(): HTMLElement {
    const token = h("textarea", { name: "token", rows: 3, placeholder: "eyJraWQiOi…", spellcheck: "false" });
    return h("form", {
      class: "stack",
      onsubmit: (e: Event) => {
        e.preventDefault();
        try {
          this.auth.signInWithToken(token.value.trim());
          this.done();
        } catch (err) {
          this.error.textContent = describe(err);
        }
      },
    }, token, h("button", { type: "submit" }, "Use this token"));
  }
}
