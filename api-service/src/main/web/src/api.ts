// The REST API, called with the caller's ID token. A 401 triggers one token refresh and one retry.
import { Auth } from "./auth";
import { problemFrom } from "./problems";

export interface Usage {
  invocations: number;
  input_tokens: number;
  output_tokens: number;
  cache_read_input_tokens?: number;
  cache_write_input_tokens?: number;
  cost_usd: number;
  unknown_usage?: number;
}

export interface Session {
  session_id: string;
  tenant_id: string;
  user_id: string;
  created_at: string;
  last_activity: string;
  message_count: number;
  title: string | null;
}

export interface MessageError {
  code: string;
  message: string;
}

export interface Message {
  message_id: string;
  role: "user" | "assistant";
  content: string;
  status?: "queued" | "processing" | "completed" | "failed" | "cancelled";
  created_at: string;
  model_id?: string;
  stop_reason?: string;
  usage?: { input_tokens: number; output_tokens: number };
  error?: MessageError | null;
  /** The turn this one follows (absent: it starts the conversation). */
  parent_message_id?: string;
  /** This turn and its siblings (regenerations and edits), oldest first; its place among them. */
  sibling_ids?: string[];
  sibling_index?: number;
  regenerated_from?: string;
}

export interface MessageStatus {
  message_id: string;
  session_id: string;
  status: "queued" | "processing" | "completed" | "failed" | "cancelled";
  reply: { content: string; model_id: string; usage: { input_tokens: number; output_tokens: number }; stop_reason?: string } | null;
  error: MessageError | null;
}

export interface UsageReport {
  tenant_id: string;
  from: string;
  to: string;
  granularity: string;
  totals: Usage;
  series: { bucket: string; usage: Usage }[];
  by_model: { model_id: string; usage: Usage }[];
  by_user: { user_id: string; usage: Usage }[] | null;
}

/** GET/PUT /api/tenants/{tenant_id}/profile (docs/api.md "Tenant profile"). */
export interface ProfileSettings {
  system_prompt: string | null;
  model: string | null;
  max_output_tokens: number | null;
  temperature: number | null;
  guardrail_id: string | null;
  guardrail_version: string | null;
  history_max_turns: number | null;
  history_max_chars: number | null;
  /** days conversations are kept (0: forever); null: the tier's default */
  retention_days: number | null;
}

export interface Profile extends ProfileSettings {
  tenant_id: string;
  version: number;
  updated_at: string | null;
  updated_by: string | null;
  allowed_models: string[];
  max_output_tokens_limit: number;
}

export class Api {
  constructor(private readonly auth: Auth) {}

  listSessions(): Promise<{ sessions: Session[] }> {
    return this.call("GET", "/api/sessions");
  }

  createSession(): Promise<Session> {
    return this.call("POST", "/api/sessions");
  }

  renameSession(sessionId: string, title: string): Promise<Session> {
    return this.call("PATCH", `/api/sessions/${enc(sessionId)}`, { title });
  }

  deleteSession(sessionId: string): Promise<void> {
    return this.call("DELETE", `/api/sessions/${enc(sessionId)}`);
  }

  messages(sessionId: string): Promise<{ messages: Message[]; next_cursor: string | null }> {
    return this.call("GET", `/api/sessions/${enc(sessionId)}/messages?limit=200`);
  }

  send(message: string, tenantId: string, userId: string, sessionId: string, idempotencyKey: string): Promise<MessageStatus> {
    return this.call("POST", "/api/chat", {
      message, tenant_context: { tenant_id: tenantId, user_id: userId, session_id: sessionId },
    }, { "Idempotency-Key": idempotencyKey });
  }

  status(messageId: string, waitSeconds: number): Promise<MessageStatus> {
    return this.call("GET", `/api/chat/${enc(messageId)}?wait=${waitSeconds}`);
  }

  /** Stops a reply: 202 with "cancelled" (it was queued) or "processing" (the worker is stopping it). */
  cancel(messageId: string): Promise<MessageStatus> {
    return this.call("POST", `/api/chat/${enc(messageId)}/cancel`);
  }

  retry(messageId: string): Promise<MessageStatus> {
    return this.call("POST", `/api/chat/${enc(messageId)}/retry`);
  }

  /** Asks again: a sibling reply to the same message, which becomes the active one. */
  regenerate(messageId: string, idempotencyKey: string): Promise<MessageStatus> {
    return this.call("POST", `/api/chat/${enc(messageId)}/regenerate`, undefined, { "Idempotency-Key": idempotencyKey });
  }

  /** A new version of a message (a sibling with the new text), which becomes the active one. */
  edit(messageId: string, message: string, idempotencyKey: string): Promise<MessageStatus> {
    return this.call("POST", `/api/chat/${enc(messageId)}/edit`, { message }, { "Idempotency-Key": idempotencyKey });
  }

  /** Makes a sibling (and the path to it) active; answers the new active path. */
  activate(sessionId: string, messageId: string): Promise<{ messages: Message[]; next_cursor: string | null }> {
    return this.call("PUT", `/api/sessions/${enc(sessionId)}/active`, { message_id: messageId });
  }

  usage(tenantId: string, from: string, to: string, granularity: string): Promise<UsageReport> {
    const query = new URLSearchParams({ from, to, granularity });
    return this.call("GET", `/api/tenants/${enc(tenantId)}/usage?${query}`);
  }

  profile(tenantId: string): Promise<Profile> {
    return this.call("GET", `/api/tenants/${enc(tenantId)}/profile`);
  }

  saveProfile(tenantId: string, profile: ProfileSettings & { version: number }): Promise<Profile> {
    return this.call("PUT", `/api/tenants/${enc(tenantId)}/profile`, profile);
  }

  private async call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {},
    retried = false): Promise<T> {
    const token = await this.auth.idToken();
    const response = await fetch(path, {
      method,
      headers: {
        Accept: "application/json",
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 401 && !retried) {
      await this.auth.refresh();
      return this.call(method, path, body, headers, true);
    }
    if (!response.ok) throw await problemFrom(response);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }
}

function enc(segment: string): string {
  return encodeURIComponent(segment);
}
