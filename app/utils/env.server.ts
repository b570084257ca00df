import { z } from "zod";

// The one place the app reads its environment. A missing or malformed variable stops startup with
// a message that names it and says how to fix it. Every variable is documented in .env.example.

const scopeList = z
  .string()
  .trim()
  .min(1, "must list at least one access scope")
  .regex(
    /^[a-z_]+(,[a-z_]+)*$/,
    "must be a comma-separated list of scopes without spaces, e.g. read_orders,write_returns",
  );

export const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  SHOPIFY_API_KEY: z
    .string({ error: "is required: copy the Client ID from your app in the Shopify Partner Dashboard" })
    .trim()
    .min(1, "must not be empty: copy the Client ID from your app in the Shopify Partner Dashboard"),
  SHOPIFY_API_SECRET: z
    .string({ error: "is required: copy the Client secret from your app in the Shopify Partner Dashboard" })
    .trim()
    .min(1, "must not be empty: copy the Client secret from your app in the Shopify Partner Dashboard"),
  SHOPIFY_APP_URL: z.url({
    protocol: /^https?$/,
    error: "must be the public https URL the app is served at, e.g. https://warranty-desk.example.com",
  }),
  SCOPES: scopeList.optional(),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(
      /^(file:|postgres(ql)?:\/\/)/,
      "must start with file: (SQLite, e.g. file:./prisma/dev.sqlite) or postgresql:// (PostgreSQL)",
    )
    .default("file:./prisma/dev.sqlite"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  LOG_LEVEL: z.enum(["error", "warning", "info", "debug"]).default("info"),
  // Where the admin loads Shopify App Bridge from. Shopify's CDN unless set; the library's own
  // pages (bounce, exit iframe) honour the same variable.
  APP_BRIDGE_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL of the App Bridge script" }).optional(),
});

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Warranty Desk cannot start: the environment is not valid.\n${problems.map((p) => `  - ${p}`).join("\n")}\n` +
        "Set these variables (see .env.example for what each one means) and start again.",
    );
    this.name = "EnvError";
  }
}

/** Validates an environment (process.env by default). Throws EnvError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // Empty strings are treated as unset, as shells and .env files often leave them.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join(".") || "(environment)"} ${i.message}`));
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
