// Sign-in: email + password (InitiateAuth USER_PASSWORD_AUTH) against the local user pool, the Cognito hosted UI
// with authorization code + PKCE on AWS, or a pasted ID token. Tokens live in sessionStorage (this tab only) and
// are refreshed before they expire; when that fails the user is asked to sign in again.
import { ApiError } from "./problems";

export interface ClientConfig {
  auth_mode: "password" | "hosted-ui";
  cognito_endpoint: string;
  client_id: string;
  hosted_ui_domain: string;
  redirect_uri: string;
  tenant_claim: string;
}

export interface Tokens {
  idToken: string;
  refreshToken: string | null;
  expiresAt: number; // epoch ms
}

export interface Identity {
  tenantId: string;
  userId: string;
  email: string;
  groups: string[];
}

const STORE = "tenantchat.tokens";
const PKCE = "tenantchat.pkce";
const REFRESH_MARGIN_MS = 60_000;

export class SessionExpired extends Error {}

export class Auth {
  private tokens: Tokens | null = load();
  private refreshing: Promise<Tokens> | null = null;

  constructor(readonly config: ClientConfig) {}

  get signedIn(): boolean {
    return this.tokens !== null;
  }

  identity(): Identity | null {
    return this.tokens ? identityOf(this.tokens.idToken, this.config.tenant_claim) : null;
  }

  /** A valid ID token, refreshed first when it is about to expire; SessionExpired when that is impossible. */
  async idToken(): Promise<string> {
    const tokens = this.tokens;
    if (!tokens) throw new SessionExpired("Please sign in.");
    if (tokens.expiresAt - REFRESH_MARGIN_MS > Date.now()) return tokens.idToken;
    return (await this.refresh()).idToken;
  }

  /** Refreshes now (also after a 401). */
  refresh(): Promise<Tokens> {
    if (!this.refreshing) {
      this.refreshing = this.doRefresh().finally(() => (this.refreshing = null));
    }
    return this.refreshing;
  }

  private async doRefresh(): Promise<Tokens> {
    const current = this.tokens;
    if (!current?.refreshToken) {
      this.signOut();
      throw new SessionExpired("Your session has expired. Please sign in again.");
    }
    try {
      const fresh = this.config.auth_mode === "hosted-ui"
        ? await this.tokenEndpoint({ grant_type: "refresh_token", refresh_token: current.refreshToken })
        : await this.initiateAuth("REFRESH_TOKEN_AUTH", { REFRESH_TOKEN: current.refreshToken });
      this.store({ ...fresh, refreshToken: fresh.refreshToken ?? current.refreshToken });
      return this.tokens!;
    } catch {
      this.signOut();
      throw new SessionExpired("Your session has expired. Please sign in again.");
    }
  }

  async signInWithPassword(email: string, password: string): Promise<void> {
    this.store(await this.initiateAuth("USER_PASSWORD_AUTH", { USERNAME: email, PASSWORD: password }));
  }

  /** A token pasted by a tester; it cannot be refreshed, so its expiry ends the session. */
  signInWithToken(idToken: string): void {
    const claims = decodeClaims(idToken);
    if (!claims || typeof claims.exp !== "number") throw new Error("That is not a JWT with an expiry.");
    if (claims.exp * 1000 <= Date.now()) throw new Error("That token has expired.");
    this.store({ idToken, refreshToken: null, expiresAt: claims.exp * 1000 });
  }

  /** Starts the hosted UI sign-in: the browser leaves for Cognito and comes back with ?code=&state=. */
  async startHostedSignIn(): Promise<void> {
    const verifier = randomString(64);
    const state = randomString(24);
    sessionStorage.setItem(PKCE, JSON.stringify({ verifier, state }));
    const challenge = base64Url(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))));
    const url = new URL("/oauth2/authorize", this.config.hosted_ui_domain);
    url.search = new URLSearchParams({
      response_type: "code", client_id: this.config.client_id, redirect_uri: this.redirectUri(),
      scope: "openid email profile", state, code_challenge_method: "S256", code_challenge: challenge,
    }).toString();
    window.location.assign(url.toString());
  }

  /** Finishes a hosted UI sign-in if the page was opened with ?code=; true when it did. */
  async completeHostedSignIn(): Promise<boolean> {
    const params = new URLSearchParams(window.location.search);
    const code = params.get("code");
    const error = params.get("error_description") ?? params.get("error");
    if (!code && !error) return false;
    history.replaceState(null, "", window.location.pathname + window.location.hash);
    if (error) throw new Error(`Sign-in was not completed: ${error}`);
    const pkce = JSON.parse(sessionStorage.getItem(PKCE) ?? "null");
    sessionStorage.removeItem(PKCE);
    if (!pkce || pkce.state !== params.get("state")) throw new Error("Sign-in answer did not match this tab; please try again.");
    this.store(await this.tokenEndpoint({
      grant_type: "authorization_code", code: code!, redirect_uri: this.redirectUri(), code_verifier: pkce.verifier,
    }));
    return true;
  }

  signOut(): void {
    this.tokens = null;
    sessionStorage.removeItem(STORE);
  }

  private redirectUri(): string {
    return this.config.redirect_uri || window.location.origin + "/";
  }

  private store(tokens: Tokens): void {
    const claims = decodeClaims(tokens.idToken);
    const expiresAt = claims && typeof claims.exp === "number" ? claims.exp * 1000 : tokens.expiresAt;
    this.tokens = { ...tokens, expiresAt };
    sessionStorage.setItem(STORE, JSON.stringify(this.tokens));
  }

  private async initiateAuth(flow: string, parameters: Record<string, string>): Promise<Tokens> {
    let response: Response;
    try {
      response = await fetch(this.config.cognito_endpoint, {
        method: "POST",
        headers: {
          "Content-Type": "application/x-amz-json-1.1",
          "X-Amz-Target": "AWSCognitoIdentityProviderService.InitiateAuth",
        },
        body: JSON.stringify({ AuthFlow: flow, ClientId: this.config.client_id, AuthParameters: parameters }),
      });
    } catch {
      throw new Error("The sign-in service cannot be reached.");
    }
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      const unauthorized = /NotAuthorized|UserNotFound/.test(String(body.__type ?? body.code ?? ""));
      throw new ApiError(response.status, "sign_in_failed",
        unauthorized ? "Wrong email or password." : body.message ?? "Sign-in failed.", null);
    }
    if (body.ChallengeName) {
      throw new Error(`This account needs an extra step (${body.ChallengeName}) that this page does not support yet.`);
    }
    const result = body.AuthenticationResult;
    return { idToken: result.IdToken, refreshToken: result.RefreshToken ?? null, expiresAt: Date.now() + result.ExpiresIn * 1000 };
  }

  private async tokenEndpoint(form: Record<string, string>): Promise<Tokens> {
    const response = await fetch(new URL("/oauth2/token", this.config.hosted_ui_domain), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...form, client_id: this.config.client_id }).toString(),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok || !body.id_token) {
      throw new ApiError(response.status, "sign_in_failed", body.error_description ?? body.error ?? "Sign-in failed.", null);
    }
    return { idToken: body.id_token, refreshToken: body.refresh_token ?? null, expiresAt: Date.now() + body.expires_in * 1000 };
  }
}

export async function loadConfig(): Promise<ClientConfig> {
  const response = await fetch("/client-config", { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`The client settings could not be loaded (${response.status}).`);
  return response.json();
}

function load(): Tokens | null {
  try {
    const tokens = JSON.parse(sessionStorage.getItem(STORE) ?? "null");
    return tokens && typeof tokens.idToken === "string" ? tokens : null;
  } catch {
    return null;
  }
}

/** The token's claims for display only; the API verifies the token itself. */
export function decodeClaims(jwt: string): Record<string, unknown> | null {
  const part = jwt.split(".")[1];
  if (!part) return null;
  try {
    const json = atob(part.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(part.length / 4) * 4, "="));
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))));
  } catch {
    return null;
  }
}

function identityOf(idToken: string, tenantClaim: string): Identity | null {
  const claims = decodeClaims(idToken);
  if (!claims) return null;
  const tenant = claims[tenantClaim] ?? claims["custom:tenant_id"] ?? claims["tenant_id"];
  const groups = Array.isArray(claims["cognito:groups"]) ? (claims["cognito:groups"] as string[]) : [];
  return {
    tenantId: typeof tenant === "string" ? tenant : "?",
    userId: String(claims.sub ?? "?"),
    email: String(claims.email ?? claims["cognito:username"] ?? claims.sub ?? ""),
    groups,
  };
}

function randomString(bytes: number): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
