// Structured logs: one JSON line per record ({"time","level","msg", ...fields}) on standard output,
// where a container platform collects them. Every field passes a redaction guard first, so an
// access token, a secret, an email address or a shopper's name, address or phone never reaches a
// log line, even when a caller passes a whole object by mistake: keys on the deny-list are
// replaced, and strings that look like a token or an email address are masked wherever they appear.

type LogLevel = "debug" | "info" | "warn" | "error";
type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger whose every line carries `bindings` too (e.g. `{ requestId, shop }` or `{ job }`). */
  child(bindings: LogFields): Logger;
}

const LEVEL_RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const RESERVED_KEYS = new Set(["time", "level", "msg"]);

export const REDACTED = "[redacted]";
const MASKED_EMAIL = "[email]";
const MASKED_TOKEN = "[token]";

// Keys compared without case, "_" or "-": "access_token", "Access-Token" and "accessToken" are one key.
const normalizeKey = (key: string) => key.toLowerCase().replace(/[_-]/g, "");

/** Any key containing one of these holds a credential. */
const CREDENTIAL_PARTS = [
  "token",
  "secret",
  "password",
  "passwd",
  "authorization",
  "cookie",
  "apikey",
  "signature",
  "session",
  "hmac",
];
/** Any key ending in one of these holds personal data (customerEmail, shippingAddress, shopperPhone). */
const PERSONAL_SUFFIXES = ["email", "phone", "address", "address1", "address2"];
/** These exact keys hold personal data. */
const PERSONAL_KEYS = new Set(
  [
    "name",
    "firstName",
    "lastName",
    "fullName",
    "displayName",
    "customerName",
    "shopperName",
    "recipientName",
    "to",
    "cc",
    "bcc",
    "replyTo",
    "street",
    "zip",
    "postalCode",
    "ip",
    "ipAddress",
  ].map(normalizeKey),
);

export function isDeniedKey(key: string): boolean {
  const normalized = normalizeKey(key);
  return (
    PERSONAL_KEYS.has(normalized) ||
    CREDENTIAL_PARTS.some((part) => normalized.includes(part)) ||
    PERSONAL_SUFFIXES.some((suffix) => normalized.endsWith(suffix))
  );
}

const EMAIL_PATTERN = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[A-Za-z]{2,}/g;
const BEARER_PATTERN = /\b(Bearer|Basic)\s+[^\s"',;]+/gi;
// Shopify's access tokens and secrets (shpat_, shpca_, shppa_, shpss_, shpua_, shpat_ ...) and JWTs.
const SHOPIFY_TOKEN_PATTERN = /\bshp[a-z]{2}_[A-Za-z0-9]+/g;
const JWT_PATTERN = /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]*)?/g;
// A long run of letters and digits mixed (a key, a hash, an opaque token); ids in this app are
// cuids (25 characters) or UUIDs with dashes, which stay readable.
const OPAQUE_PATTERN = /[A-Za-z0-9_-]{32,}/g;
const looksOpaque = (run: string) => /[0-9]/.test(run) && /[A-Za-z]/.test(run);

/**
 * Masks what looks like an email address or a token inside free text. `opaque: false` keeps long
 * mixed runs (an identifier such as a request id under an "...Id" key must stay searchable).
 */
export function maskString(text: string, { opaque = true }: { opaque?: boolean } = {}): string {
  const masked = text
    .replace(BEARER_PATTERN, (_match, scheme: string) => `${scheme} ${MASKED_TOKEN}`)
    .replace(JWT_PATTERN, MASKED_TOKEN)
    .replace(SHOPIFY_TOKEN_PATTERN, MASKED_TOKEN)
    .replace(EMAIL_PATTERN, MASKED_EMAIL);
  return opaque ? masked.replace(OPAQUE_PATTERN, (run) => (looksOpaque(run) ? MASKED_TOKEN : run)) : masked;
}

/** requestId, claimId, webhookId, jobId ...: identifiers, not secrets (credential keys are denied first). */
const isIdentifierKey = (key: string) => /(^id|Id|ID)$/.test(key);

const MAX_DEPTH = 6;

/** A copy of `value` safe to log: denied keys replaced, strings masked, errors flattened, cycles cut. */
function redact(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === "string") return maskString(value);
  if (typeof value === "bigint") return value.toString();
  if (value === null || typeof value !== "object") {
    return typeof value === "function" || typeof value === "symbol" ? undefined : value;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (seen.has(value)) return "[circular]";
  if (depth >= MAX_DEPTH) return "[truncated]";
  seen.add(value);
  if (value instanceof Error) {
    // "type", not "name": "name" is on the deny-list (a person's name).
    const flat: LogFields = { type: value.name, message: value.message, stack: value.stack };
    // Own fields (a code, a list of problems) too; an own `name` is the type again.
    for (const [key, field] of Object.entries(value)) if (key !== "name") flat[key] = field;
    if (value.cause !== undefined) flat.cause = value.cause;
    return redactObject(flat, depth, seen);
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1, seen));
  if (value instanceof Map) return redactObject(Object.fromEntries(value), depth, seen);
  return redactObject(value as LogFields, depth, seen);
}

function redactObject(object: LogFields, depth: number, seen: WeakSet<object>): LogFields {
  const safe: LogFields = {};
  for (const [key, field] of Object.entries(object)) {
    if (field === undefined) continue;
    if (isDeniedKey(key)) safe[key] = REDACTED;
    else if (typeof field === "string" && isIdentifierKey(key)) safe[key] = maskString(field, { opaque: false });
    else safe[key] = redact(field, depth + 1, seen);
  }
  return safe;
}

/** Serializes one record as one line: JSON escapes newlines inside values, so a stack stays on it. */
function formatRecord(time: Date, level: LogLevel, msg: string, fields: LogFields): string {
  const safe = redactObject(fields, 0, new WeakSet());
  for (const key of RESERVED_KEYS) delete safe[key];
  return JSON.stringify({ time: time.toISOString(), level, msg: maskString(msg), ...safe });
}

interface LoggerOptions {
  /** The least severe level written; below it records are dropped. Default: LOG_LEVEL, else info. */
  level?: LogLevel;
  /** Where each line goes (without its newline). Standard output by default. */
  write?: (line: string) => void;
  now?: () => Date;
  bindings?: LogFields;
}

const writeToStdout = (line: string) => {
  process.stdout.write(`${line}\n`);
};

/**
 * LOG_LEVEL (error | warning | info | debug, as env.server.ts accepts it) read here rather than
 * through env.server.ts, so a bad environment can still be logged.
 */
function levelFromEnvironment(): LogLevel {
  const raw = process.env.LOG_LEVEL?.toLowerCase();
  if (raw === "warning") return "warn";
  return raw === "error" || raw === "info" || raw === "debug" ? raw : "info";
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? levelFromEnvironment();
  const write = options.write ?? writeToStdout;
  const now = options.now ?? (() => new Date());
  const bindings = options.bindings ?? {};

  const log =
    (recordLevel: LogLevel) =>
    (msg: string, fields: LogFields = {}) => {
      if (LEVEL_RANK[recordLevel] < LEVEL_RANK[level]) return;
      try {
        write(formatRecord(now(), recordLevel, msg, { ...bindings, ...fields }));
      } catch {
        // A log line must never break the request or job that writes it.
      }
    };

  return {
    debug: log("debug"),
    info: log("info"),
    warn: log("warn"),
    error: log("error"),
    child: (more) => createLogger({ level, write, now, bindings: { ...bindings, ...more } }),
  };
}

/** The app's logger. Pass `{ requestId, shop, claimId }` or `{ job }` through `child` or per record. */
export const logger = createLogger();

const LEVEL_OF_SHOPIFY_SEVERITY: readonly LogLevel[] = ["error", "warn", "info", "debug"];

/**
 * The Shopify library's `logger.log` (shopifyApp({ logger: { log } })): its lines, already filtered
 * by its own level, as JSON too. Its LogSeverity runs Error = 0, Warning = 1, Info = 2, Debug = 3.
 */
export function logShopifyLibraryLine(severity: number, message: string): void {
  logger[LEVEL_OF_SHOPIFY_SEVERITY[severity] ?? "info"](message, { source: "shopify-api" });
}
