import { randomBytes } from "node:crypto";
import { jwtVerify } from "jose";

// Shopify's OAuth token endpoint as the new embedded auth strategy uses it:
// POST https://{shop}/admin/oauth/access_token with
// - grant_type=urn:ietf:params:oauth:grant-type:token-exchange, subject_token=<session token JWT>,
//   subject_token_type=urn:ietf:params:oauth:token-type:id_token, requested_token_type=offline|online,
//   expiring=1 for expiring offline tokens (access 1 h, refresh 90 days);
// - grant_type=refresh_token, refresh_token=<token>.
// The body may be JSON (what @shopify/shopify-api 15 sends) or form-encoded.

export const TOKEN_EXCHANGE_GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
export const ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";
export const OFFLINE_TOKEN_TYPE = "urn:shopify:params:oauth:token-type:offline-access-token";
export const ONLINE_TOKEN_TYPE = "urn:shopify:params:oauth:token-type:online-access-token";

export const ACCESS_TOKEN_SECONDS = 60 * 60;
export const REFRESH_TOKEN_SECONDS = 90 * 24 * 60 * 60;
export const ONLINE_TOKEN_SECONDS = 24 * 60 * 60;

export interface AccessGrant {
  shop: string;
  accessToken: string;
  scopes: string[];
  /** ISO time; null for non-expiring tokens. */
  expiresAt: string | null;
  refreshToken: string | null;
  refreshTokenExpiresAt: string | null;
  online: boolean;
}

export interface AuthConfig {
  apiKey: string;
  apiSecret: string;
  scopes: string[];
  now: () => Date;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8" } });

const oauthError = (error: string, description: string, status = 400) =>
  json({ error, error_description: description }, status);

const newToken = (prefix: string) => `${prefix}_${randomBytes(16).toString("hex")}`;

async function readBody(request: Request): Promise<Record<string, string> | null> {
  const text = await request.text();
  const type = request.headers.get("Content-Type") ?? "";
  try {
    if (type.includes("json") || text.trim().startsWith("{")) {
      const parsed = JSON.parse(text) as unknown;
      if (!parsed || typeof parsed !== "object") return null;
      return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
    }
    return Object.fromEntries(new URLSearchParams(text));
  } catch {
    return null;
  }
}

export class TokenAuthority {
  readonly grants = new Map<string, AccessGrant>();

  constructor(private readonly config: AuthConfig) {}

  install(grant: AccessGrant): void {
    this.grants.set(grant.accessToken, grant);
  }

  /** The grant behind an access token for this shop, if it is valid now. */
  verify(shop: string, accessToken: string | null): AccessGrant | null {
    if (!accessToken) return null;
    const grant = this.grants.get(accessToken);
    if (!grant || grant.shop !== shop) return null;
    if (grant.expiresAt && new Date(grant.expiresAt).getTime() <= this.config.now().getTime()) return null;
    return grant;
  }

  async handleTokenRequest(shop: string, request: Request): Promise<Response> {
    const body = await readBody(request);
    if (!body) return oauthError("invalid_request", "The request body must be JSON or form-encoded.");
    if (body.client_id !== this.config.apiKey || body.client_secret !== this.config.apiSecret) {
      return oauthError(
        "invalid_client",
        "Client authentication failed: unknown client_id or wrong client_secret.",
        401,
      );
    }
    if (body.grant_type === TOKEN_EXCHANGE_GRANT) return this.exchange(shop, body);
    if (body.grant_type === "refresh_token") return this.refresh(shop, body);
    if (body.code)
      return oauthError("invalid_request", "The store simulator does not simulate the authorization-code grant.");
    return oauthError("unsupported_grant_type", `Unsupported grant_type '${body.grant_type ?? ""}'.`);
  }

  private async exchange(shop: string, body: Record<string, string>): Promise<Response> {
    if (body.subject_token_type !== ID_TOKEN_TYPE) {
      return oauthError("invalid_request", `subject_token_type must be ${ID_TOKEN_TYPE}.`);
    }
    let payload;
    try {
      ({ payload } = await jwtVerify(body.subject_token ?? "", new TextEncoder().encode(this.config.apiSecret), {
        algorithms: ["HS256"],
        audience: this.config.apiKey,
        clockTolerance: 10,
        currentDate: this.config.now(),
      }));
    } catch (error) {
      return oauthError(
        "invalid_subject_token",
        `Token exchange failed: the session token is invalid (${(error as Error).message}).`,
      );
    }
    const dest = typeof payload.dest === "string" ? payload.dest.replace(/^https:\/\//, "") : "";
    if (dest !== shop) {
      return oauthError(
        "invalid_subject_token",
        `Token exchange failed: the session token was issued for ${dest}, not ${shop}.`,
      );
    }
    const now = this.config.now().getTime();
    const at = (seconds: number) => new Date(now + seconds * 1000).toISOString();
    const scope = this.config.scopes.join(",");
    if (body.requested_token_type === ONLINE_TOKEN_TYPE) {
      const grant: AccessGrant = {
        shop,
        accessToken: newToken("shpua"),
        scopes: this.config.scopes,
        expiresAt: at(ONLINE_TOKEN_SECONDS),
        refreshToken: null,
        refreshTokenExpiresAt: null,
        online: true,
      };
      this.install(grant);
      const userId = Number(payload.sub) || 1;
      return json({
        access_token: grant.accessToken,
        scope,
        expires_in: ONLINE_TOKEN_SECONDS,
        associated_user_scope: scope,
        associated_user: {
          id: userId,
          first_name: "Demo",
          last_name: "Merchant",
          email: `merchant@${shop}`,
          email_verified: true,
          account_owner: true,
          locale: "en",
          collaborator: false,
        },
      });
    }
    if (body.requested_token_type !== OFFLINE_TOKEN_TYPE) {
      return oauthError("invalid_request", `Unsupported requested_token_type '${body.requested_token_type ?? ""}'.`);
    }
    const expiring = body.expiring === "1" || body.expiring === "true";
    return json(this.issueOffline(shop, expiring));
  }

  private issueOffline(shop: string, expiring: boolean) {
    const now = this.config.now().getTime();
    const at = (seconds: number) => new Date(now + seconds * 1000).toISOString();
    const grant: AccessGrant = {
      shop,
      accessToken: newToken("shpat"),
      scopes: this.config.scopes,
      expiresAt: expiring ? at(ACCESS_TOKEN_SECONDS) : null,
      refreshToken: expiring ? newToken("shprt") : null,
      refreshTokenExpiresAt: expiring ? at(REFRESH_TOKEN_SECONDS) : null,
      online: false,
    };
    this.install(grant);
    const scope = grant.scopes.join(",");
    return expiring
      ? {
          access_token: grant.accessToken,
          scope,
          expires_in: ACCESS_TOKEN_SECONDS,
          refresh_token: grant.refreshToken,
          refresh_token_expires_in: REFRESH_TOKEN_SECONDS,
        }
      : { access_token: grant.accessToken, scope };
  }

  private refresh(shop: string, body: Record<string, string>): Response {
    const previous = [...this.grants.values()].find(
      (g) => g.shop === shop && g.refreshToken && g.refreshToken === body.refresh_token,
    );
    if (
      !previous ||
      !previous.refreshTokenExpiresAt ||
      new Date(previous.refreshTokenExpiresAt).getTime() <= this.config.now().getTime()
    ) {
      return oauthError("invalid_grant", "The refresh token is invalid, expired or was already used.");
    }
    // Refreshing rotates both tokens: the old pair stops working.
    this.grants.delete(previous.accessToken);
    const answer = this.issueOffline(shop, true);
    const grant = this.grants.get(answer.access_token);
    if (grant) grant.scopes = previous.scopes;
    return json({ ...answer, scope: previous.scopes.join(",") });
  }
}
