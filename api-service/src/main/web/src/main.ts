// TenantChat in the browser: sign in, sessions in the sidebar, the chat pane, the usage page.
import { Api } from "./api";
import { Auth, loadConfig, SessionExpired } from "./auth";
import { ChatView } from "./chat";
import { h, clear } from "./dom";
import { describe } from "./problems";
import { SignInView } from "./signin";
import { UsageView } from "./usage";
import { SettingsView } from "./settings";
import { Sidebar } from "./sidebar";

const root = document.getElementById("app")!;

async function boot(): Promise<void> {
  let auth: Auth;
  try {
    auth = new Auth(await loadConfig());
  } catch (e) {
    showFatal(describe(e));
    return;
  }
  let notice: string | null = null;
  try {
    await auth.completeHostedSignIn();
  } catch (e) {
    notice = describe(e);
  }
  new App(auth, notice).start();
}

function showFatal(message: string): void {
  clear(root);
  root.appendChild(h("div", { class: "center-card" }, h("h1", {}, "TenantChat"), h("p", { class: "error" }, message),
    h("button", { class: "primary", onclick: () => location.reload() }, "Reload")));
}

export class App {
  readonly api: Api;
  private view: { dispose(): void } | null = null;
  private sidebar: Sidebar | null = null;
  private main!: HTMLElement;

  constructor(readonly auth: Auth, private notice: string | null) {
    this.api = new Api(auth);
  }

  start(): void {
    window.addEventListener("hashchange", () => this.route());
    window.addEventListener("keydown", (e) => this.shortcut(e));
    this.route();
  }

  /** Any call that finds the session gone lands here: back to the sign-in page, with the reason. */
  expired(e: unknown): boolean {
    if (!(e instanceof SessionExpired)) return false;
    this.auth.signOut();
    this.notice = e.message;
    this.route();
    return true;
  }

  route(): void {
    this.view?.dispose();
    this.view = null;
    if (!this.auth.signedIn) {
      this.sidebar = null;
      clear(root);
      const signIn = new SignInView(this.auth, this.notice, () => { this.notice = null; location.hash = "#/"; this.route(); });
      root.appendChild(signIn.element);
      signIn.focus();
      return;
    }
    if (!this.sidebar) this.layout();
    const [, page, id] = location.hash.replace(/^#/, "").split("/");
    document.body.classList.remove("sidebar-open");
    clear(this.main);
    if (page === "settings") {
      this.sidebar!.select(null);
      const settings = new SettingsView(this);
      this.main.appendChild(settings.element);
      this.view = settings;
    } else if (page === "usage") {
      this.sidebar!.select(null);
      const usage = new UsageView(this);
      this.main.appendChild(usage.element);
      this.view = usage;
    } else if (page === "chat" && id) {
      this.sidebar!.select(decodeURIComponent(id));
      const chat = new ChatView(this, decodeURIComponent(id));
      this.main.appendChild(chat.element);
      this.view = chat;
    } else {
      this.sidebar!.select(null);
      this.main.appendChild(this.welcome());
    }
    document.querySelectorAll(".nav a").forEach((a) => a.classList.toggle("active",
      a.getAttribute("href") === `#/${page === "usage" || page === "settings" ? page : ""}`));
  }

  private layout(): void {
    const who = this.auth.identity()!;
    clear(root);
    this.sidebar = new Sidebar(this);
    this.main = h("main", { class: "main", id: "main", tabindex: -1 });
    const admin = who.groups.includes("tenant-admin") ? h("span", { class: "role" }, "admin") : null;
    root.appendChild(h("div", { class: "shell" },
      h("header", { class: "topbar" },
        h("button", { class: "icon menu", "aria-label": "Sessions", title: "Sessions",
          onclick: () => document.body.classList.toggle("sidebar-open") }, "☰"),
        h("a", { class: "brand", href: "#/" }, h("span", { class: "logo", "aria-hidden": "true" }), "TenantChat"),
        h("nav", { class: "nav" }, h("a", { href: "#/" }, "Chat"), h("a", { href: "#/usage", "data-test": "nav-usage" }, "Usage"),
          who.groups.includes("tenant-admin") || who.groups.includes("platform-operator")
            ? h("a", { href: "#/settings", "data-test": "nav-settings" }, "Settings") : null),
        h("div", { class: "who" },
          h("span", { class: "tenant", title: "Your tenant (from your token)", "data-test": "tenant" }, who.tenantId),
          h("span", { class: "user", title: `user ${who.userId}`, "data-test": "user" }, who.email), admin,
          h("button", { class: "ghost", onclick: () => { this.auth.signOut(); this.notice = "You are signed out."; this.sidebar = null; this.route(); } }, "Sign out"))),
      this.sidebar.element,
      this.main));
  }

  private welcome(): HTMLElement {
    return h("section", { class: "empty-state" },
      h("h1", {}, "Start a conversation"),
      h("p", { class: "muted" }, "Pick a session on the left or start a new one. Replies stream in as the model writes them."),
      h("button", { class: "primary", onclick: () => void this.newSession() }, "New chat"),
      h("p", { class: "hint" }, h("kbd", {}, "Alt"), "+", h("kbd", {}, "N"), " new chat · ", h("kbd", {}, "/"), " focus the message box"));
  }

  async newSession(): Promise<void> {
    try {
      const session = await this.api.createSession();
      this.sidebar?.added(session);
      location.hash = `#/chat/${encodeURIComponent(session.session_id)}`;
    } catch (e) {
      if (!this.expired(e)) this.toast(describe(e));
    }
  }

  toast(message: string): void {
    const toast = h("div", { class: "toast", role: "alert" }, message);
    document.body.appendChild(toast);
    setTimeout(() => toast.remove(), 6000);
  }

  private shortcut(e: KeyboardEvent): void {
    if (!this.auth.signedIn) return;
    const typing = e.target instanceof HTMLElement && /INPUT|TEXTAREA/.test(e.target.tagName);
    if (e.altKey && e.key.toLowerCase() === "n") {
      e.preventDefault();
      void this.newSession();
    } else if (e.key === "/" && !typing) {
      const box = document.querySelector<HTMLTextAreaElement>(".composer textarea");
      if (box) { e.preventDefault(); box.focus(); }
    } else if (e.key === "Escape") {
      document.body.classList.remove("sidebar-open");
    }
  }
}

void boot();
