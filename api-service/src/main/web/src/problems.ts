// Problem JSON (RFC 9457) as the API sends it, made readable for people.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly retryAfterSeconds: number | null,
  ) {
    super(detail);
  }

  /** One sentence for the user, with the wait time of a 429 or 503. */
  describe(): string {
    const wait = this.retryAfterSeconds !== null ? ` Try again in ${formatWait(this.retryAfterSeconds)}.` : "";
    return `${this.detail}${wait}`;
  }
}

function formatWait(seconds: number): string {
  if (seconds < 90) return `${seconds} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

const FALLBACK: Record<number, string> = {
  400: "The request was not accepted.",
  401: "Please sign in again.",
  403: "You are not allowed to do that.",
  404: "It does not exist (or is not yours).",
  409: "It changed meanwhile; please reload.",
  413: "That is too long.",
  429: "Too many requests or the quota is used up.",
  503: "The service is busy.",
};

export async function problemFrom(response: Response): Promise<ApiError> {
  let code = "http_" + response.status;
  let detail = FALLBACK[response.status] ?? `The server answered ${response.status}.`;
  try {
    const body = await response.json();
    if (typeof body.code === "string") code = body.code;
    if (typeof body.detail === "string" && body.detail) detail = body.detail;
    else if (typeof body.title === "string" && body.title) detail = body.title;
  } catch {
    // not JSON: keep the fallback text
  }
  return new ApiError(response.status, code, detail, retryAfter(response.headers.get("Retry-After")));
}

function retryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds));
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((at - Date.now()) / 1000));
}

export function describe(e: unknown): string {
  if (e instanceof ApiError) return e.describe();
  if (e instanceof TypeError) return "The server cannot be reached. Check your connection and try again.";
  return e instanceof Error ? e.message : String(e);
}
