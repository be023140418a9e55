// The session list: newest first, new, switch, rename (F2 or the pencil), delete.
import type { App } from "./main";
import type { Session } from "./api";
import { h, clear } from "./dom";
import { describe } from "./problems";

export class Sidebar {
  readonly element: HTMLElement;
  private readonly list = h("ul", { class: "sessions", "data-test": "sessions", "aria-label": "Sessions" });
  private sessions: Session[] = [];
  private selected: string | null = null;
  private state: "loading" | "ready" | "error" = "loading";
  private error = "";

  constructor(private readonly app: App) {
    this.element = h("aside", { class: "sidebar", "aria-label": "Sessions" },
      h("button", { class: "primary wide", "data-test": "new-session", title: "New chat (Alt+N)", onclick: () => void app.newSession() }, "+ New chat"),
      this.list);
    void this.load();
  }

  async load(): Promise<void> {
    try {
      this.sessions = (await this.app.api.listSessions()).sessions;
      this.state = "ready";
    } catch (e) {
      if (this.app.expired(e)) return;
      this.state = "error";
      this.error = describe(e);
    }
    this.render();
  }

  added(session: Session): void {
    this.sessions = [session, ...this.sessions.filter((s) => s.session_id !== session.session_id)];
    this.render();
  }

  updated(session: Session): void {
    this.sessions = this.sessions.map((s) => (s.session_id === session.session_id ? session : s));
    this.render();
  }

  select(sessionId: string | null): void {
    this.selected = sessionId;
    this.render();
  }

  private render(): void {
    clear(this.list);
    if (this.state === "loading") {
      this.list.appendChild(h("li", { class: "muted pad" }, "Loading sessions…"));
      return;
    }
    if (this.state === "error") {
      this.list.appendChild(h("li", { class: "pad" }, h("p", { class: "error" }, this.error),
        h("button", { onclick: () => void this.load() }, "Try again")));
      return;
    }
    if (this.sessions.length === 0) {
      this.list.appendChild(h("li", { class: "muted pad", "data-test": "no-sessions" }, "No conversations yet."));
      return;
    }
    for (const session of this.sessions) this.list.appendChild(this.item(session));
  }

  private item(session: Session): HTMLElement {
    const name = sessionName(session);
    const open = h("a", {
      class: "session-link", href: `#/chat/${encodeURIComponent(session.session_id)}`, "data-session": session.session_id,
      "aria-current": session.session_id === this.selected ? "page" : null,
      onkeydown: (e: KeyboardEvent) => { if (e.key === "F2") { e.preventDefault(); this.rename(session, li); } },
    }, h("span", { class: "session-title" }, name), h("span", { class: "session-meta" }, when(session.last_activity)));
    const li = h("li", { class: session.session_id === this.selected ? "active" : "" }, open,
      h("span", { class: "session-actions" },
        h("button", { class: "icon", title: "Rename (F2)", "aria-label": `Rename ${name}`, onclick: () => this.rename(session, li) }, "✎"),
        h("button", { class: "icon danger", title: "Delete", "aria-label": `Delete ${name}`, onclick: () => void this.remove(session) }, "🗑")));
    return li;
  }

  private rename(session: Session, li: HTMLElement): void {
    const input = h("input", { class: "rename", value: session.title ?? "", maxlength: 200, "aria-label": "New name" });
    let finished = false;
    const finish = async (save: boolean) => {
      if (finished) return;
      finished = true;
      const title = input.value.trim();
      if (!save || !title || title === session.title) { this.render(); return; }
      try {
        this.updated(await this.app.api.renameSession(session.session_id, title));
      } catch (e) {
        if (!this.app.expired(e)) { this.app.toast(describe(e)); this.render(); }
      }
    };
    input.addEventListener("keydown", (e) => {
      if (e.key === "Enter") void finish(true);
      if (e.key === "Escape") { e.stopPropagation(); void finish(false); }
    });
    input.addEventListener("blur", () => void finish(true));
    clear(li);
    li.appendChild(input);
    input.focus();
    input.select();
  }

  private async remove(session: Session): Promise<void> {
    if (!confirm(`Delete "${sessionName(session)}" and all its messages? This cannot be undone.`)) return;
    try {
      await this.app.api.deleteSession(session.session_id);
      this.sessions = this.sessions.filter((s) => s.session_id !== session.session_id);
      this.render();
      if (this.selected === session.session_id) location.hash = "#/";
    } catch (e) {
      if (!this.app.expired(e)) this.app.toast(describe(e));
    }
  }
}

export function sessionName(session: Session): string {
  return session.title || `Chat of ${new Date(session.created_at).toLocaleString([], { dateStyle: "medium", timeStyle: "short" })}`;
}

function when(iso: string): string {
  const date = new Date(iso);
  const today = new Date();
  return date.toDateString() === today.toDateString()
    ? date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })
    : date.toLocaleDateString([], { month: "short", day: "numeric" });
}
