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

const MiB = 1024 * 1024;
/** The largest upload body the server reads at all (BODY_LIMITS.upload in request-limits.server.ts). */
const UPLOAD_BODY_LIMIT = 250 * MiB;

const byteCount = (fallback: number, what: string) =>
  z.coerce
    .number({ error: `must be a number of bytes (${what})` })
    .int(`must be a whole number of bytes (${what})`)
    .min(1, `must be at least 1 byte (${what})`)
    .max(UPLOAD_BODY_LIMIT, "must be at most 262144000 (250 MB), the largest upload body the server reads")
    .default(fallback);

// Where evidence files (shoppers' photos and videos) are kept: docs/decisions/010-evidence-store.md.
const EvidenceEnv = {
  EVIDENCE_STORE: z
    .enum(["disk", "s3"], { error: "must be disk (a local folder, the default) or s3 (S3-compatible storage)" })
    .default("disk"),
  EVIDENCE_DIR: z.string().trim().min(1).default("./.data/evidence"),
  S3_BUCKET: z.string().trim().min(1).optional(),
  S3_ENDPOINT: z
    .url({
      protocol: /^https?$/,
      error: "must be the http(s) URL of the S3-compatible service, e.g. https://s3.eu-central-1.amazonaws.com",
    })
    .optional(),
  S3_REGION: z.string().trim().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().trim().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().trim().min(1).optional(),
  S3_FORCE_PATH_STYLE: z
    .enum(["true", "false"], { error: "must be true or false" })
    .default("false")
    .transform((value) => value === "true"),
  UPLOAD_MAX_PHOTO_BYTES: byteCount(15 * MiB, "the largest photo a shopper may upload"),
  UPLOAD_MAX_VIDEO_BYTES: byteCount(200 * MiB, "the largest video a shopper may upload"),
  UPLOAD_MAX_FILES: z.coerce
    .number({ error: "must be a number of files" })
    .int("must be a whole number of files")
    .min(1, "must be at least 1 file")
    .default(12),
  UPLOAD_MAX_PHOTO_PIXELS: z.coerce
    .number({ error: "must be a number of pixels" })
    .int("must be a whole number of pixels")
    .min(1, "must be at least 1 pixel")
    .default(50_000_000),
};

// How often per hour a shopper (per customer) and all shoppers of a shop (per shop) may submit
// claims, reply (and send return tracking) and upload: app/services/rate-limits.server.ts.
const perHour = (fallback: number, what: string) =>
  z.coerce
    .number({ error: `must be a number of ${what} per hour` })
    .int(`must be a whole number of ${what} per hour`)
    .min(1, `must be at least 1 (${what} per hour)`)
    .max(1_000_000, `must be at most 1000000 (${what} per hour)`)
    .default(fallback);

const RateLimitEnv = {
  RATE_LIMIT_SUBMISSIONS_PER_CUSTOMER: perHour(10, "claim submissions"),
  RATE_LIMIT_SUBMISSIONS_PER_SHOP: perHour(500, "claim submissions"),
  RATE_LIMIT_REPLIES_PER_CUSTOMER: perHour(30, "replies"),
  RATE_LIMIT_REPLIES_PER_SHOP: perHour(1000, "replies"),
  RATE_LIMIT_UPLOADS_PER_CUSTOMER: perHour(60, "uploads"),
  RATE_LIMIT_UPLOADS_PER_SHOP: perHour(3000, "uploads"),
};

// Emails (issue 12, docs/decisions on the outbox): the SMTP server and the sender's address. Both
// unset: the app runs and says emails are off. NOTIFICATIONS_WORKER=off keeps this instance from
// sending (e.g. a web-only instance beside a sending one).
export const EmailEnv = {
  SMTP_URL: z
    .url({
      protocol: /^smtps?$/,
      error: "must be an smtp:// or smtps:// URL, e.g. smtps://USER:PASSWORD@smtp.example.com:465",
    })
    .optional(),
  EMAIL_FROM: z
    .email({ error: "must be the sender's email address, e.g. claims@warranty-desk.example.com" })
    .optional(),
  NOTIFICATIONS_WORKER: z
    .enum(["on", "off"], { error: "must be on (the default: this instance sends emails) or off" })
    .default("on"),
  NOTIFICATIONS_POLL_MS: z.coerce
    .number({ error: "must be a number of milliseconds" })
    .int("must be a whole number of milliseconds")
    .min(100, "must be at least 100 ms")
    .max(3_600_000, "must be at most 3600000 (an hour)")
    .default(5000),
};

/** A shop's limit below one shopper's would let a single shopper lock everyone out: refused. */
function requireShopLimitsAboveCustomers(value: Record<keyof typeof RateLimitEnv, number>, context: z.RefinementCtx) {
  for (const action of ["SUBMISSIONS", "REPLIES", "UPLOADS"] as const) {
    const customer = value[`RATE_LIMIT_${action}_PER_CUSTOMER`];
    if (value[`RATE_LIMIT_${action}_PER_SHOP`] < customer) {
      context.addIssue({
        code: "custom",
        path: [`RATE_LIMIT_${action}_PER_SHOP`],
        message: `must be at least RATE_LIMIT_${action}_PER_CUSTOMER (${customer}): the shop's limit counts every shopper's`,
      });
    }
  }
}

/** SMTP_URL without EMAIL_FROM (or the reverse) is half a configuration: refused at startup. */
function requireEmailSettingsTogether(value: { SMTP_URL?: string; EMAIL_FROM?: string }, context: z.RefinementCtx) {
  if (Boolean(value.SMTP_URL) === Boolean(value.EMAIL_FROM)) return;
  context.addIssue({
    code: "custom",
    path: [value.SMTP_URL ? "EMAIL_FROM" : "SMTP_URL"],
    message:
      "must be set together with the other email variable (SMTP_URL and EMAIL_FROM), or leave both unset to turn emails off",
  });
}

function requireS3Settings(
  value: {
    EVIDENCE_STORE: "disk" | "s3";
    S3_BUCKET?: string;
    S3_ACCESS_KEY_ID?: string;
    S3_SECRET_ACCESS_KEY?: string;
  },
  context: z.RefinementCtx,
) {
  if (value.EVIDENCE_STORE !== "s3") return;
  if (!value.S3_BUCKET) {
    context.addIssue({
      code: "custom",
      path: ["S3_BUCKET"],
      message: "is required when EVIDENCE_STORE=s3: the name of the bucket that keeps the evidence files",
    });
  }
  // Both or neither: without them the SDK's default credentials (instance role, AWS_* variables) apply.
  if (Boolean(value.S3_ACCESS_KEY_ID) !== Boolean(value.S3_SECRET_ACCESS_KEY)) {
    context.addIssue({
      code: "custom",
      path: [value.S3_ACCESS_KEY_ID ? "S3_SECRET_ACCESS_KEY" : "S3_ACCESS_KEY_ID"],
      message: "must be set together with the other S3 key (or leave both unset to use the default AWS credentials)",
    });
  }
}

const EnvSchema = z
  .object({
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
    APP_BRIDGE_URL: z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL of the App Bridge script" })
      .optional(),
    ...EvidenceEnv,
    ...RateLimitEnv,
    ...EmailEnv,
  })
  .superRefine(requireS3Settings)
  .superRefine(requireShopLimitsAboveCustomers)
  .superRefine(requireEmailSettingsTogether);

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
