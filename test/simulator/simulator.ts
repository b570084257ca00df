import { Kind, parse } from "graphql";
import { ADMIN_API_VERSION } from "../../graphql.config.mjs";
import { executeAdminRequest, type GraphqlBody } from "./admin-api";
import { TokenAuthority, type AccessGrant } from "./auth";
import type { ResolverContext } from "./resolvers/context";
import { appTomlScopes } from "../support/app-toml";
import { expandScopes } from "./scopes";
import type { ShopState, StoreState } from "./state";
import { SimulatedStore } from "./store";
import { DEFAULT_THROTTLE, FloodGate, LeakyBucket, type ThrottleSettings } from "./throttle";

export { SimulatedStore } from "./store";

// The store simulator: Shopify's hosts for the parts of the platform the app talks to, in-process.
// `handle(request)` answers https://{shop}.myshopify.com/admin/api/2026-10/graphql.json and
// /admin/oauth/access_token; the network edge (msw in tests, the demo server) forwards to it.

export interface SimulatorOptions {
  /** The app's credentials: token exchange checks client_id/secret and verifies session tokens with the secret. */
  apiKey: string;
  apiSecret: string;
  /** The clock (tests pass fixed times). */
  now?: () => Date;
  /** Leaky-bucket throttle; off by default (costs are still reported). */
  throttle?: { enabled: boolean; maximumAvailable?: number; restoreRate?: number };
  /** HTTP 429 on request floods; off (null) by default. */
  floodLimit?: { maxRequests: number; perMs: number } | null;
  /** Scopes granted by token exchange; the access_scopes of shopify.app.toml by default. */
  scopes?: string[];
  /**
   * Milliseconds Shopify takes to answer, per GraphQL operation name (e.g. WarrantyDeskRefundCreate):
   * the request waits this long before it runs, so concurrent requests overlap as they do in production.
   */
  latencyMs?: Record<string, number>;
}

export interface AdminRequestLog {
  shop: string;
  operationName: string | undefined;
  accessToken: string | null;
}

export interface TokenRequestLog {
  shop: string;
  grantType: string | null;
  requestedTokenType: string | null;
  status: number;
}

const SHOP_HOST = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;
const INVALID_TOKEN = "[API] Invalid API key or access token (unrecognized login or wrong password)";

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", ...headers },
  });

function operationNameOf(body: GraphqlBody): string | undefined {
  if (body.operationName) return body.operationName;
  try {
    const doc = parse(body.query);
    const op = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
    return op && op.kind === Kind.OPERATION_DEFINITION ? op.name?.value : undefined;
  } catch {
    return undefined;
  }
}

interface SimulatorJson {
  format: "warranty-desk-store-simulator";
  version: 1;
  stores: StoreState[];
  grants: AccessGrant[];
}

export class ShopifySimulator {
  readonly options: SimulatorOptions;
  private readonly stores = new Map<string, SimulatedStore>();
  private readonly buckets = new Map<string, LeakyBucket>();
  private readonly floods = new Map<string, FloodGate>();
  private readonly authority: TokenAuthority;
  private readonly throttleSettings: ThrottleSettings;
  /** Every Admin GraphQL request, in order (for assertions). */
  readonly adminRequests: AdminRequestLog[] = [];
  /** Every token endpoint request, in order. */
  readonly tokenRequests: TokenRequestLog[] = [];
  private requestCounter = 0;

  constructor(options: SimulatorOptions) {
    this.options = options;
    this.throttleSettings = {
      enabled: options.throttle?.enabled ?? DEFAULT_THROTTLE.enabled,
      maximumAvailable: options.throttle?.maximumAvailable ?? DEFAULT_THROTTLE.maximumAvailable,
      restoreRate: options.throttle?.restoreRate ?? DEFAULT_THROTTLE.restoreRate,
    };
    this.authority = new TokenAuthority({
      apiKey: options.apiKey,
      apiSecret: options.apiSecret,
      scopes: options.scopes ?? appTomlScopes(),
      now: () => this.now(),
    });
  }

  now(): Date {
    return this.options.now ? this.options.now() : new Date();
  }

  // ---- state ---------------------------------------------------------------------------------------

  /** The shop's store; a shop the simulator has not seen yet exists, empty, with a default profile. */
  store(shop: string): SimulatedStore {
    return this.stores.get(shop) ?? this.createStore(shop);
  }

  createStore(shop: string, init: Partial<ShopState> = {}): SimulatedStore {
    if (!SHOP_HOST.test(shop)) throw new Error(`Not a shop domain: ${shop} (expected name.myshopify.com)`);
    const store = SimulatedStore.create(shop, init);
    this.stores.set(shop, store);
    return store;
  }

  shops(): string[] {
    return [...this.stores.keys()];
  }

  /** Registers an access token, as a test or the demo does after storing a session directly. */
  installApp(
    shop: string,
    grant: {
      accessToken: string;
      scopes: string[];
      expiresAt?: Date | null;
      refreshToken?: string | null;
      refreshTokenExpiresAt?: Date | null;
    },
  ): void {
    this.store(shop);
    this.authority.install({
      shop,
      accessToken: grant.accessToken,
      scopes: grant.scopes,
      expiresAt: grant.expiresAt ? grant.expiresAt.toISOString() : null,
      refreshToken: grant.refreshToken ?? null,
      refreshTokenExpiresAt: grant.refreshTokenExpiresAt ? grant.refreshTokenExpiresAt.toISOString() : null,
      online: false,
    });
  }

  /** The grants (access tokens) the simulator knows, e.g. to check what token exchange issued. */
  grants(shop?: string): AccessGrant[] {
    return [...this.authority.grants.values()].filter((g) => !shop || g.shop === shop);
  }

  /** Forgets every store, token, bucket and log (tests call it between cases). */
  reset(): void {
    this.stores.clear();
    this.authority.grants.clear();
    this.buckets.clear();
    this.floods.clear();
    this.adminRequests.length = 0;
    this.tokenRequests.length = 0;
  }

  // ---- HTTP ----------------------------------------------------------------------------------------

  async handle(request: Request): Promise<Response | null> {
    const url = new URL(request.url);
    if (url.protocol !== "https:" || !SHOP_HOST.test(url.hostname)) return null;
    const shop = url.hostname;
    this.requestCounter++;
    if (request.method === "POST" && url.pathname === "/admin/oauth/access_token") {
      const body = await request.clone().text();
      let fields: Record<string, unknown> = {};
      try {
        fields = body.trim().startsWith("{")
          ? (JSON.parse(body) as Record<string, unknown>)
          : Object.fromEntries(new URLSearchParams(body));
      } catch {
        // the authority answers the malformed body
      }
      this.store(shop);
      const response = await this.authority.handleTokenRequest(shop, request);
      this.tokenRequests.push({
        shop,
        grantType: typeof fields.grant_type === "string" ? fields.grant_type : null,
        requestedTokenType: typeof fields.requested_token_type === "string" ? fields.requested_token_type : null,
        status: response.status,
      });
      return response;
    }
    const graphqlPath = /^\/admin\/api\/([^/]+)\/graphql\.json$/.exec(url.pathname);
    if (graphqlPath) {
      if (request.method !== "POST") return json({ errors: "Not Found" }, 404);
      if (graphqlPath[1] !== ADMIN_API_VERSION) {
        return json(
          { errors: `The store simulator serves Admin API ${ADMIN_API_VERSION} only (requested ${graphqlPath[1]}).` },
          404,
        );
      }
      return this.handleGraphql(shop, request);
    }
    return json({ errors: `The store simulator does not simulate ${request.method} ${url.pathname}.` }, 404);
  }

  private async handleGraphql(shop: string, request: Request): Promise<Response> {
    const accessToken = request.headers.get("X-Shopify-Access-Token");
    let body: GraphqlBody | null = null;
    try {
      const parsed = (await request.json()) as unknown;
      if (parsed && typeof parsed === "object" && typeof (parsed as GraphqlBody).query === "string")
        body = parsed as GraphqlBody;
    } catch {
      body = null;
    }
    const operationName = body ? operationNameOf(body) : undefined;
    this.adminRequests.push({ shop, operationName, accessToken });
    const latency = operationName ? this.options.latencyMs?.[operationName] : undefined;
    if (latency) await new Promise((resolve) => setTimeout(resolve, latency));
    const headers = { "X-Request-Id": `simulator-${this.requestCounter}` };

    if (this.options.floodLimit) {
      let gate = this.floods.get(shop);
      if (!gate) this.floods.set(shop, (gate = new FloodGate(this.options.floodLimit)));
      const wait = gate.admit(this.now());
      if (wait !== null) {
        return json(
          {
            errors:
              "Exceeded the request rate limit for this app and shop. Reduce request rates to resume uninterrupted service.",
          },
          429,
          { ...headers, "Retry-After": wait.toFixed(1) },
        );
      }
    }
    const grant = this.authority.verify(shop, accessToken);
    if (!grant) return json({ errors: INVALID_TOKEN }, 401, headers);
    if (!body) return json({ errors: { query: "Required parameter missing or invalid" } }, 400, headers);

    const ctx: ResolverContext = { store: this.store(shop), now: this.now(), scopes: expandScopes(grant.scopes) };
    let bucket = this.buckets.get(shop);
    if (!bucket) this.buckets.set(shop, (bucket = new LeakyBucket(this.throttleSettings, ctx.now)));
    const result = await executeAdminRequest(ctx, body, bucket);
    return json(
      {
        ...(result.errors ? { errors: result.errors.map((e) => e.toJSON()) } : {}),
        ...("data" in result ? { data: result.data } : {}),
        ...(result.extensions ? { extensions: result.extensions } : {}),
      },
      200,
      headers,
    );
  }

  // ---- persistence ---------------------------------------------------------------------------------

  toJSON(): SimulatorJson {
    return {
      format: "warranty-desk-store-simulator",
      version: 1,
      stores: [...this.stores.values()].map((s) => s.state),
      grants: this.grants(),
    };
  }

  static fromJSON(json: unknown, options: SimulatorOptions): ShopifySimulator {
    const data = json as Partial<SimulatorJson> | null;
    if (!data || data.format !== "warranty-desk-store-simulator" || data.version !== 1 || !Array.isArray(data.stores)) {
      throw new Error("Not a store simulator snapshot (format warranty-desk-store-simulator, version 1).");
    }
    const simulator = new ShopifySimulator(options);
    for (const state of structuredClone(data.stores)) {
      simulator.stores.set(state.shop.myshopifyDomain, new SimulatedStore(state));
    }
    for (const grant of data.grants ?? []) simulator.authority.install({ ...grant });
    return simulator;
  }
}
