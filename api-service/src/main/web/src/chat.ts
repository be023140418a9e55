// One conversation: its history, the composer, and replies streaming in token by token.
import type { App } from "./main";
import type { Message, MessageError, Session } from "./api";
import { h, clear } from "./dom";
import { renderMarkdown } from "./markdown";
import { ApiError, describe } from "./problems";
import { ReplyStream } from "./stream";
import { sessionName } from "./sidebar";

type Status = "sending" | "queued" | "processing" | "completed" | "failed" | "cancelled";

/** Completed, failed or cancelled: the turn will not change any more. */
function finished(status: Status): boolean {
  return status === "completed" || status === "failed" || status === "cancelled";
}

interface Turn {
  id: string;
  prompt: string;
  status: Status;
  reply: string;
  usage: { input_tokens: number; output_tokens: number } | null;
  model: string | null;
  /** "guardrail_intervened": a guardrail withheld the reply, whose text is then a neutral sentence. */
  stopReason: string | null;
  error: MessageError | null;
  retryError: string | null;
  stopping: boolean;
  /** This turn and its siblings (regenerations, edits), oldest first. */
  siblings: string[];
  editing: boolean;
  /** Kept across repaints (a streaming turn is repainted every frame), so a click on it is never lost. */
  stopButton: HTMLButtonElement;
  element: HTMLElement;
}

export class ChatView {
  readonly element: HTMLElement;
  private readonly log = h("div", { class: "log", "data-test": "log", role: "log", "aria-live": "polite" });
  private readonly box = h("textarea", { rows: 1, placeholder: "Message TenantChat…  (Enter to send, Shift+Enter for a new line)",
    "aria-label": "Message", "data-test": "composer", maxlength: 32000 });
  private readonly sendButton = h("button", { class: "primary", type: "submit", "data-test": "send" }, "Send");
  private readonly alert = h("div", { class: "alert", role: "alert", hidden: true, "data-test": "chat-alert" });
  private readonly mode = h("span", { class: "mode", "data-test": "stream-mode" }, "connecting");
  private readonly title = h("h2", { class: "chat-title" }, "…");
  private readonly turns = new Map<string, Turn>();
  private stream: ReplyStream | null = null;
  private session: Session | null = null;
  private disposed = false;
  private readonly frames = new Map<string, number>();
  private readonly painted = new Map<string, string>();

  constructor(private readonly app: App, private readonly sessionId: string) {
    this.element = h("section", { class: "chat" },
      h("div", { class: "chat-head" }, this.title, this.mode),
      this.log,
      h("form", { class: "composer", onsubmit: (e: Event) => { e.preventDefault(); void this.send(); } },
        this.alert, h("div", { class: "composer-row" }, this.box, this.sendButton)));
    this.box.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); void this.send(); }
    });
    this.box.addEventListener("input", () => this.grow());
    this.log.appendChild(h("p", { class: "muted pad" }, "Loading the conversation…"));
    void this.load();
  }

  dispose(): void {
    this.disposed = true;
    this.stream?.close();
  }

  private async load(): Promise<void> {
    try {
      const [session, page] = await Promise.all([this.app.api.listSessions().then((l) => l.sessions.find((s) => s.session_id === this.sessionId) ?? null),
        this.app.api.messages(this.sessionId)]);
      if (this.disposed) return;
      this.session = session;
      this.title.textContent = session ? sessionName(session) : "Conversation";
      clear(this.log);
      for (const m of page.messages) this.absorb(m);
      if (this.turns.size === 0) this.log.appendChild(this.emptyHint());
      this.startStream();
      this.box.focus();
      this.scroll(true);
    } catch (e) {
      if (this.app.expired(e) || this.disposed) return;
      clear(this.log);
      const message = e instanceof ApiError && e.status === 404 ? "This conversation does not exist or is not yours." : describe(e);
      this.title.textContent = "Conversation not available";
      this.mode.textContent = "";
      this.log.appendChild(h("div", { class: "empty-state" }, h("p", { class: "error" }, message),
        h("a", { href: "#/", class: "button" }, "Back")));
      this.box.setAttribute("disabled", "");
      this.sendButton.setAttribute("disabled", "");
    }
  }

  private emptyHint(): HTMLElement {
    return h("div", { class: "empty-state small", "data-test": "empty-chat" }, h("p", { class: "muted" },
      "No messages yet. Ask anything: replies support Markdown and code blocks."));
  }

  private absorb(m: Message): void {
    if (m.role === "user") {
      const turn = this.addTurn(m.message_id, m.content, (m.status ?? "queued") as Status);
      turn.error = m.error ?? null;
      turn.siblings = m.sibling_ids ?? [m.message_id];
    } else {
      const turn = this.turns.get(m.message_id);
      if (turn) {
        turn.reply = m.content;
        turn.usage = m.usage ?? null;
        turn.model = m.model_id ?? null;
        turn.stopReason = m.stop_reason ?? null;
        if (turn.status !== "cancelled") turn.status = "completed";
      }
    }
    this.turns.forEach((t) => this.paint(t));
  }

  private startStream(): void {
    const inFlight = [...this.turns.values()].filter((t) => t.status === "queued" || t.status === "processing");
    const settled = [...this.turns.values()].filter((t) => finished(t.status));
    const after = settled.length ? settled[settled.length - 1].id : null;
    this.stream = new ReplyStream(this.app.api, this.app.auth, this.sessionId, after, {
      delta: (id, text) => this.update(id, (t) => { if (!finished(t.status)) { t.reply += text; t.status = "processing"; } }),
      restarted: (id) => this.update(id, (t) => { if (!finished(t.status)) t.reply = ""; }),
      completed: (id, content, usage, stopReason) => this.update(id, (t) => { t.reply = content; t.usage = usage ?? t.usage; t.status = "completed"; t.stopReason = stopReason ?? null; }),
      failed: (id, error) => this.update(id, (t) => { t.status = "failed"; t.error = error; }),
      cancelled: (id, content, usage) => this.update(id, (t) => { t.reply = content; t.usage = usage; t.status = "cancelled"; }),
      status: (id, status) => this.update(id, (t) => { if (!finished(t.status)) t.status = status as Status; }),
      mode: (mode) => {
        this.mode.textContent = mode === "live" ? "● live" : mode === "polling" ? "◌ polling" : "connecting…";
        this.mode.className = `mode ${mode}`;
      },
    });
    inFlight.forEach((t) => { this.stream!.pending.add(t.id); });
  }

  private async send(): Promise<void> {
    const text = this.box.value.trim();
    if (!text || this.sendButton.hasAttribute("disabled")) return;
    const who = this.app.auth.identity();
    if (!who) return;
    this.hideAlert();
    this.sendButton.setAttribute("disabled", "");
    try {
      const accepted = await this.app.api.send(text, who.tenantId, who.userId, this.sessionId, crypto.randomUUID());
      this.box.value = "";
      this.grow();
      this.log.querySelector("[data-test=empty-chat]")?.remove();
      const turn = this.addTurn(accepted.message_id, text, (accepted.status ?? "queued") as Status);
      this.paint(turn);
      this.follow(turn.id);
      this.scroll(true);
    } catch (e) {
      if (!this.app.expired(e)) this.showAlert(describe(e));
    } finally {
      this.sendButton.removeAttribute("disabled");
      this.box.focus();
    }
  }

  /** Shows the active path {@code messages} afresh (after a switch, a regeneration or an edit). */
  private show(messages: Message[]): void {
    clear(this.log);
    this.turns.clear();
    this.painted.clear();
    for (const m of messages) this.absorb(m);
    if (this.turns.size === 0) this.log.appendChild(this.emptyHint());
    this.turns.forEach((t) => {
      this.paint(t);
      if (!finished(t.status)) this.stream?.pending.add(t.id);
    });
  }

  /** After a regeneration or an edit: the new active path, then the new turn followed as it streams. */
  private async branched(id: string): Promise<void> {
    const page = await this.app.api.messages(this.sessionId);
    if (this.disposed) return;
    this.show(page.messages);
    this.follow(id);
    this.scroll(true);
  }

  private async regenerate(turn: Turn): Promise<void> {
    turn.retryError = null;
    try {
      const accepted = await this.app.api.regenerate(turn.id, crypto.randomUUID());
      await this.branched(accepted.message_id);
    } catch (e) {
      if (this.app.expired(e)) return;
      turn.retryError = describe(e);
      this.paint(turn);
    }
  }

  private async saveEdit(turn: Turn, text: string): Promise<void> {
    if (!text.trim()) return;
    turn.retryError = null;
    try {
      const accepted = await this.app.api.edit(turn.id, text.trim(), crypto.randomUUID());
      await this.branched(accepted.message_id);
    } catch (e) {
      if (this.app.expired(e)) return;
      turn.retryError = describe(e);
      this.paint(turn);
    }
  }

  /** `< 1/2 >`: makes the previous or next sibling active and shows the path through it. */
  private async switchTo(turn: Turn, step: number): Promise<void> {
    const target = turn.siblings[turn.siblings.indexOf(turn.id) + step];
    if (!target) return;
    try {
      const page = await this.app.api.activate(this.sessionId, target);
      if (!this.disposed) this.show(page.messages);
    } catch (e) {
      if (this.app.expired(e)) return;
      turn.retryError = describe(e);
      this.paint(turn);
    }
  }

  /** Follows a new or retried message: the socket streams it; one long poll also tells when the model starts. */
  private follow(id: string): void {
    this.stream?.pending.add(id);
    this.stream?.follow(id);
    this.app.api.status(id, 10).then((s) => {
      this.update(id, (t) => {
        if (t.status === "queued" && s.status === "processing") t.status = "processing";
        if (s.status === "failed" && t.status !== "failed") { t.status = "failed"; t.error = s.error; }
        if (s.status === "cancelled" && t.status !== "cancelled") {
          t.status = "cancelled"; t.reply = s.reply?.content ?? ""; t.usage = s.reply?.usage ?? null;
        }
        if (s.status === "completed" && s.reply && t.status !== "completed") {
          t.status = "completed"; t.reply = s.reply.content; t.usage = s.reply.usage; t.model = s.reply.model_id;
          t.stopReason = s.reply.stop_reason ?? null;
        }
      });
    }).catch(() => { /* the stream or polling carries on */ });
  }

  /** Stop: the server answers "cancelled" at once for a queued reply; a streaming one ends with a cancelled event. */
  private async stop(turn: Turn): Promise<void> {
    turn.stopping = true;
    turn.retryError = null;
    this.paint(turn);
    try {
      const answer = await this.app.api.cancel(turn.id);
      if (answer?.status === "cancelled") this.update(turn.id, (t) => { t.status = "cancelled"; });
      else this.follow(turn.id);
    } catch (e) {
      if (this.app.expired(e)) return;
      turn.stopping = false;
      turn.retryError = describe(e);
      this.paint(turn);
    }
  }

  private async retry(turn: Turn): Promise<void> {
    turn.retryError = null;
    try {
      const answer = await this.app.api.retry(turn.id);
      turn.status = (answer?.status as Status) ?? "queued";
      turn.error = null;
      turn.reply = "";
      this.paint(turn);
      this.follow(turn.id);
    } catch (e) {
      if (this.app.expired(e)) return;
      turn.retryError = describe(e);
      this.paint(turn);
    }
  }

  private addTurn(id: string, prompt: string, status: Status): Turn {
    const existing = this.turns.get(id);
    if (existing) return existing;
    const stopButton = h("button", { class: "stop", type: "button", "data-test": "stop" }, "■ Stop");
    const turn: Turn = { id, prompt, status, reply: "", usage: null, model: null, stopReason: null, error: null, retryError: null,
      stopping: false, siblings: [id], editing: false, stopButton, element: h("article", { class: "turn", "data-message": id }) };
    stopButton.addEventListener("click", () => void this.stop(turn));
    this.turns.set(id, turn);
    this.log.appendChild(turn.element);
    return turn;
  }

  private update(id: string, change: (t: Turn) => void): void {
    const turn = this.turns.get(id);
    if (!turn || this.disposed) return;
    change(turn);
    cancelAnimationFrame(this.frames.get(id) ?? 0);
    if (finished(turn.status)) {
      this.stream?.pending.delete(id);
      this.paint(turn);
      this.scroll(false);
      return;
    }
    // deltas arrive faster than frames: repaint at most once a frame
    this.frames.set(id, requestAnimationFrame(() => { this.paint(turn); this.scroll(false); }));
  }

  private paint(turn: Turn): void {
    const look = `${turn.status}|${turn.stopReason ?? ""}|${turn.reply}|${turn.error?.message ?? ""}|${turn.retryError ?? ""}|${turn.usage?.output_tokens ?? ""}|${turn.stopping}|${turn.siblings.join(",")}|${turn.editing}`;
    if (this.painted.get(turn.id) === look) return;
    this.painted.set(turn.id, look);
    clear(turn.element);
    turn.element.appendChild(this.userBubble(turn));
    const reply = h("div", { class: `bubble assistant ${turn.status}`, "data-status": turn.status, "data-test": "reply" });
    if (turn.status === "failed") {
      reply.appendChild(h("div", { class: "failure" },
        h("strong", {}, "The reply failed"),
        h("p", {}, turn.error?.message ?? "Something went wrong."),
        turn.error?.code ? h("code", { class: "muted" }, turn.error.code) : null,
        h("button", { "data-test": "retry", onclick: () => void this.retry(turn) }, "↻ Retry"),
        turn.retryError ? h("p", { class: "error", role: "alert" }, turn.retryError) : null));
    } else if (turn.status === "cancelled" && !turn.reply) {
      reply.appendChild(h("p", { class: "muted", "data-test": "cancelled" }, "Stopped before the model started."));
    } else if (!turn.reply) {
      reply.appendChild(h("p", { class: "pending" }, h("span", { class: "dots", "aria-hidden": "true" }),
        turn.status === "processing" ? "Thinking…" : "Queued…"));
    } else {
      const body = h("div", { class: "markdown" });
      body.appendChild(renderMarkdown(turn.reply));
      reply.appendChild(body);
      if (turn.stopReason === "guardrail_intervened") {
        reply.appendChild(h("p", { class: "meta guardrail", "data-test": "guardrail" }, "Withheld by the content policy"));
      }
      if (!finished(turn.status)) reply.appendChild(h("span", { class: "caret", "aria-hidden": "true" }));
      else if (turn.status === "cancelled") {
        reply.appendChild(h("p", { class: "meta", "data-test": "cancelled" }, "Stopped",
          turn.usage ? ` · ${turn.usage.input_tokens} in · ${turn.usage.output_tokens} out tokens (estimated)` : ""));
      } else if (turn.usage) {
        reply.appendChild(h("p", { class: "meta" }, `${turn.usage.input_tokens} in · ${turn.usage.output_tokens} out tokens`,
          turn.model ? ` · ${turn.model}` : ""));
      }
    }
    if (finished(turn.status) && turn.status !== "failed") {
      reply.appendChild(h("div", { class: "actions" },
        h("button", { type: "button", class: "link", "data-test": "regenerate", title: "Ask again: a new reply beside this one",
          onclick: () => void this.regenerate(turn) }, "↻ Regenerate")));
      if (turn.retryError) reply.appendChild(h("p", { class: "error", role: "alert" }, turn.retryError));
    }
    if (turn.status === "queued" || turn.status === "processing") {
      turn.stopButton.disabled = turn.stopping;
      turn.stopButton.textContent = turn.stopping ? "Stopping…" : "■ Stop";
      reply.appendChild(turn.stopButton);
      if (turn.retryError) reply.appendChild(h("p", { class: "error", role: "alert" }, turn.retryError));
    }
    turn.element.appendChild(reply);
  }

  /** The user's message with `< 1/2 >` between its versions and, once answered, Edit (a new version). */
  private userBubble(turn: Turn): HTMLElement {
    const bubble = h("div", { class: "bubble user" });
    if (turn.editing) {
      const box = h("textarea", { rows: 3, "aria-label": "Edit message", "data-test": "edit-box", maxlength: 32000 });
      box.value = turn.prompt;
      bubble.appendChild(box);
      bubble.appendChild(h("div", { class: "actions" },
        h("button", { type: "button", class: "primary", "data-test": "edit-save",
          onclick: () => { turn.editing = false; void this.saveEdit(turn, box.value); } }, "Send"),
        h("button", { type: "button", "data-test": "edit-cancel",
          onclick: () => { turn.editing = false; this.paint(turn); } }, "Cancel")));
      return bubble;
    }
    bubble.appendChild(h("p", { class: "plain" }, turn.prompt));
    const at = turn.siblings.indexOf(turn.id);
    const actions = h("div", { class: "actions" });
    if (turn.siblings.length > 1) {
      actions.appendChild(h("span", { class: "siblings", "data-test": "siblings" },
        h("button", { type: "button", class: "link", "data-test": "sibling-prev", "aria-label": "Previous version",
          disabled: at <= 0 ? true : undefined, onclick: () => void this.switchTo(turn, -1) }, "<"),
        h("span", { "data-test": "sibling-position" }, `${at + 1}/${turn.siblings.length}`),
        h("button", { type: "button", class: "link", "data-test": "sibling-next", "aria-label": "Next version",
          disabled: at >= turn.siblings.length - 1 ? true : undefined, onclick: () => void this.switchTo(turn, 1) }, ">")));
    }
    if (finished(turn.status)) {
      actions.appendChild(h("button", { type: "button", class: "link", "data-test": "edit",
        onclick: () => { turn.editing = true; this.paint(turn); } }, "✎ Edit"));
    }
    if (actions.childNodes.length) bubble.appendChild(actions);
    return bubble;
  }

  private scroll(force: boolean): void {
    const nearBottom = this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < 120;
    if (force || nearBottom) this.log.scrollTop = this.log.scrollHeight;
  }

  private grow(): void {
    this.box.style.height = "auto";
    const height = Math.max(44, this.box.scrollHeight + 2);
    this.box.style.height = `${Math.min(240, height)}px`;
    this.box.style.overflowY = height > 240 ? "auto" : "hidden";
  }

  private showAlert(message: string): void {
    this.alert.textContent = message;
    this.alert.hidden = false;
  }

  private hideAlert(): void {
    this.alert.hidden = true;
  }
}
