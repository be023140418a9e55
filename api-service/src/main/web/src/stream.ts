// Live replies of one session: the WebSocket /ws (auth frame, subscribe, delta/restarted/completed/failed/cancelled), and
// long polling of GET /api/chat/{id}?wait= for the messages in flight when the socket cannot connect.
import { Api, MessageStatus } from "./api";
import { Auth } from "./auth";

export interface ReplyEvents {
  delta(messageId: string, text: string): void;
  restarted(messageId: string): void;
  completed(messageId: string, content: string, usage: { input_tokens: number; output_tokens: number } | null, stopReason?: string | null): void;
  failed(messageId: string, error: { code: string; message: string }): void;
  cancelled(messageId: string, content: string, usage: { input_tokens: number; output_tokens: number } | null): void;
  status(messageId: string, status: string): void;
  mode(mode: "live" | "polling" | "connecting"): void;
}

const POLL_WAIT_SECONDS = 20;

export class ReplyStream {
  private socket: WebSocket | null = null;
  private closed = false;
  private polling = new Set<string>();
  private usePolling = false;
  private retries = 0;

  constructor(private readonly api: Api, private readonly auth: Auth, private readonly sessionId: string,
    private after: string | null, private readonly events: ReplyEvents) {
    void this.connect();
  }

  /** A message was sent or retried: follow it (the socket does by itself; polling needs to be told). */
  follow(messageId: string): void {
    if (this.usePolling) this.poll(messageId);
  }

  close(): void {
    this.closed = true;
    this.socket?.close(1000);
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    this.events.mode("connecting");
    let token: string;
    try {
      token = await this.auth.idToken();
    } catch {
      return; // the app shows the sign-in page
    }
    const url = new URL("/ws", window.location.href);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    let socket: WebSocket;
    try {
      socket = new WebSocket(url);
    } catch {
      this.fallBack();
      return;
    }
    this.socket = socket;
    let subscribed = false;
    const timer = window.setTimeout(() => { if (!subscribed) socket.close(); }, 8000);
    socket.onopen = () => socket.send(JSON.stringify({ type: "auth", token }));
    socket.onmessage = (e) => {
      const frame = JSON.parse(String(e.data));
      switch (frame.type) {
        case "ready":
          socket.send(JSON.stringify({ type: "subscribe", session_id: this.sessionId, ...(this.after ? { after: this.after } : {}) }));
          break;
        case "subscribed":
          subscribed = true;
          this.retries = 0;
          this.usePolling = false;
          window.clearTimeout(timer);
          this.events.mode("live");
          break;
        case "delta":
          this.events.delta(frame.message_id, frame.text);
          break;
        case "restarted":
          this.events.restarted(frame.message_id);
          break;
        case "completed":
          this.after = frame.message_id;
          this.events.completed(frame.message_id, frame.content, frame.usage ?? null, frame.stop_reason ?? null);
          break;
        case "failed":
          this.after = frame.message_id;
          this.events.failed(frame.message_id, frame.error);
          break;
        case "cancelled":
          this.after = frame.message_id;
          this.events.cancelled(frame.message_id, frame.content ?? "", frame.usage ?? null);
          break;
        case "error":
          socket.close();
          break;
      }
    };
    socket.onclose = () => {
      window.clearTimeout(timer);
      if (this.closed) return;
      if (!subscribed || this.retries >= 3) {
        this.fallBack();
      }
      this.retries++;
      window.setTimeout(() => void this.connect(), Math.min(30_000, 1000 * 2 ** this.retries));
    };
  }

  private fallBack(): void {
    if (this.usePolling || this.closed) return;
    this.usePolling = true;
    this.events.mode("polling");
    for (const id of this.pending) this.poll(id);
  }

  /** Messages the page knows to be in flight (set by the chat view). */
  pending = new Set<string>();

  private async poll(messageId: string): Promise<void> {
    if (this.polling.has(messageId)) return;
    this.polling.add(messageId);
    try {
      let last = "";
      while (!this.closed && this.usePolling) {
        let status: MessageStatus;
        try {
          status = await this.api.status(messageId, POLL_WAIT_SECONDS);
        } catch {
          await new Promise((r) => setTimeout(r, 3000));
          continue;
        }
        if (status.status !== last) this.events.status(messageId, status.status);
        last = status.status;
        if (status.status === "completed" && status.reply) {
          this.events.completed(messageId, status.reply.content, status.reply.usage, status.reply.stop_reason ?? null);
          return;
        }
        if (status.status === "failed") {
          this.events.failed(messageId, status.error ?? { code: "failed", message: "The reply failed." });
          return;
        }
        if (status.status === "cancelled") {
          this.events.cancelled(messageId, status.reply?.content ?? "", status.reply?.usage ?? null);
          return;
        }
      }
    } finally {
      this.polling.delete(messageId);
    }
  }
}
