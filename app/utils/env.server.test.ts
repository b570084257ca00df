import { describe, expect, it } from "vitest";
import { shopperRateLimits } from "../services/rate-limits.server";
import { EnvError, parseEnv } from "./env.server";

const valid = {
  SHOPIFY_API_KEY: "key",
  SHOPIFY_API_SECRET: "secret",
  SHOPIFY_APP_URL: "https://warranty-desk.example.com",
};

const problemsOf = (source: Record<string, string | undefined>) => {
  try {
    parseEnv(source);
  } catch (err) {
    if (err instanceof EnvError) return err.problems;
    throw err;
  }
  return [];
};

describe("parseEnv", () => {
  it("accepts a minimal environment and fills the defaults", () => {
    expect(parseEnv(valid)).toEqual({
      ...valid,
      NODE_ENV: "development",
      DATABASE_URL: "file:./prisma/dev.sqlite",
      PORT: 3000,
      LOG_LEVEL: "info",
      EVIDENCE_STORE: "disk",
      EVIDENCE_DIR: "./.data/evidence",
      S3_REGION: "us-east-1",
      S3_FORCE_PATH_STYLE: false,
      UPLOAD_MAX_PHOTO_BYTES: 15 * 1024 * 1024,
      UPLOAD_MAX_VIDEO_BYTES: 200 * 1024 * 1024,
      UPLOAD_MAX_FILES: 12,
      UPLOAD_MAX_PHOTO_PIXELS: 50_000_000,
      RATE_LIMIT_SUBMISSIONS_PER_CUSTOMER: 10,
      RATE_LIMIT_SUBMISSIONS_PER_SHOP: 500,
      RATE_LIMIT_REPLIES_PER_CUSTOMER: 30,
      RATE_LIMIT_REPLIES_PER_SHOP: 1000,
      RATE_LIMIT_UPLOADS_PER_CUSTOMER: 60,
      RATE_LIMIT_UPLOADS_PER_SHOP: 3000,
      NOTIFICATIONS_WORKER: "on",
      NOTIFICATIONS_POLL_MS: 5000,
    });
  });

  it("reads the email settings: the SMTP server, the sender's address and the worker's switches", () => {
    const email = {
      SMTP_URL: "smtps://user:pass@smtp.example.com:465",
      EMAIL_FROM: "claims@warranty-desk.example",
      NOTIFICATIONS_WORKER: "off",
      NOTIFICATIONS_POLL_MS: "2000",
    };
    expect(parseEnv({ ...valid, ...email })).toMatchObject({ ...email, NOTIFICATIONS_POLL_MS: 2000 });
  });

  it.each([
    [
      { SMTP_URL: "smtp://127.0.0.1:2525" },
      [
        "EMAIL_FROM must be set together with the other email variable (SMTP_URL and EMAIL_FROM), or leave both unset to turn emails off",
      ],
    ],
    [
      { EMAIL_FROM: "claims@warranty-desk.example" },
      [
        "SMTP_URL must be set together with the other email variable (SMTP_URL and EMAIL_FROM), or leave both unset to turn emails off",
      ],
    ],
    [
      { SMTP_URL: "https://smtp.example.com", EMAIL_FROM: "claims@warranty-desk.example" },
      ["SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtps://USER:PASSWORD@smtp.example.com:465"],
    ],
    [
      { SMTP_URL: "smtp://127.0.0.1:2525", EMAIL_FROM: "Warranty Desk" },
      ["EMAIL_FROM must be the sender's email address, e.g. claims@warranty-desk.example.com"],
    ],
    [
      { NOTIFICATIONS_WORKER: "yes" },
      ["NOTIFICATIONS_WORKER must be on (the default: this instance sends emails) or off"],
    ],
    [{ NOTIFICATIONS_POLL_MS: "10" }, ["NOTIFICATIONS_POLL_MS must be at least 100 ms"]],
  ])("refuses email settings %o", (override, problems) => {
    expect(problemsOf({ ...valid, ...override })).toEqual(problems);
  });

  it("reads the shopper rate limits per hour, and the services use them", () => {
    const settings = parseEnv({
      ...valid,
      RATE_LIMIT_SUBMISSIONS_PER_CUSTOMER: "3",
      RATE_LIMIT_SUBMISSIONS_PER_SHOP: "40",
      RATE_LIMIT_REPLIES_PER_CUSTOMER: "5",
      RATE_LIMIT_REPLIES_PER_SHOP: "50",
      RATE_LIMIT_UPLOADS_PER_CUSTOMER: "7",
      RATE_LIMIT_UPLOADS_PER_SHOP: "70",
    });
    const hourly = (name: string, max: number) => ({ name, max, windowSeconds: 3600 });
    expect(shopperRateLimits(settings)).toEqual({
      submissions: { customer: hourly("submissions.customer", 3), shop: hourly("submissions.shop", 40) },
      replies: { customer: hourly("replies.customer", 5), shop: hourly("replies.shop", 50) },
      uploads: { customer: hourly("uploads.customer", 7), shop: hourly("uploads.shop", 70) },
    });
  });

  it.each([
    [
      { RATE_LIMIT_UPLOADS_PER_CUSTOMER: "0" },
      ["RATE_LIMIT_UPLOADS_PER_CUSTOMER must be at least 1 (uploads per hour)"],
    ],
    [{ RATE_LIMIT_REPLIES_PER_SHOP: "lots" }, ["RATE_LIMIT_REPLIES_PER_SHOP must be a number of replies per hour"]],
    [
      { RATE_LIMIT_SUBMISSIONS_PER_CUSTOMER: "2.5" },
      ["RATE_LIMIT_SUBMISSIONS_PER_CUSTOMER must be a whole number of claim submissions per hour"],
    ],
    [
      { RATE_LIMIT_SUBMISSIONS_PER_CUSTOMER: "20", RATE_LIMIT_SUBMISSIONS_PER_SHOP: "10" },
      [
        "RATE_LIMIT_SUBMISSIONS_PER_SHOP must be at least RATE_LIMIT_SUBMISSIONS_PER_CUSTOMER (20): the shop's limit counts every shopper's",
      ],
    ],
  ])("refuses rate limits %o", (override, problems) => {
    expect(problemsOf({ ...valid, ...override })).toEqual(problems);
  });

  it("reads the S3 evidence store's settings", () => {
    const s3 = {
      EVIDENCE_STORE: "s3",
      S3_BUCKET: "evidence",
      S3_ENDPOINT: "http://127.0.0.1:9000",
      S3_REGION: "eu-central-1",
      S3_ACCESS_KEY_ID: "id",
      S3_SECRET_ACCESS_KEY: "secret",
      S3_FORCE_PATH_STYLE: "true",
    };
    expect(parseEnv({ ...valid, ...s3 })).toMatchObject({ ...s3, S3_FORCE_PATH_STYLE: true });
  });

  it.each([
    [
      { EVIDENCE_STORE: "s3" },
      ["S3_BUCKET is required when EVIDENCE_STORE=s3: the name of the bucket that keeps the evidence files"],
    ],
    [
      { EVIDENCE_STORE: "s3", S3_BUCKET: "b", S3_ACCESS_KEY_ID: "id" },
      [
        "S3_SECRET_ACCESS_KEY must be set together with the other S3 key (or leave both unset to use the default AWS credentials)",
      ],
    ],
    [
      { EVIDENCE_STORE: "ftp" },
      ["EVIDENCE_STORE must be disk (a local folder, the default) or s3 (S3-compatible storage)"],
    ],
    [{ S3_FORCE_PATH_STYLE: "yes" }, ["S3_FORCE_PATH_STYLE must be true or false"]],
    [
      { UPLOAD_MAX_VIDEO_BYTES: String(300 * 1024 * 1024) },
      ["UPLOAD_MAX_VIDEO_BYTES must be at most 262144000 (250 MB), the largest upload body the server reads"],
    ],
    [{ UPLOAD_MAX_FILES: "0" }, ["UPLOAD_MAX_FILES must be at least 1 file"]],
  ])("refuses evidence settings %o", (override, problems) => {
    expect(problemsOf({ ...valid, ...override })).toEqual(problems);
  });

  it("names every missing variable and says where to get it", () => {
    expect(problemsOf({})).toEqual([
      "SHOPIFY_API_KEY is required: copy the Client ID from your app in the Shopify Partner Dashboard",
      "SHOPIFY_API_SECRET is required: copy the Client secret from your app in the Shopify Partner Dashboard",
      expect.stringMatching(/^SHOPIFY_APP_URL must be the public https URL/),
    ]);
  });

  it("treats an empty value as missing", () => {
    expect(problemsOf({ ...valid, SHOPIFY_API_SECRET: "" })).toEqual([
      "SHOPIFY_API_SECRET is required: copy the Client secret from your app in the Shopify Partner Dashboard",
    ]);
  });

  it.each([
    [{ SHOPIFY_APP_URL: "warranty-desk.example.com" }, /^SHOPIFY_APP_URL must be the public https URL/],
    [{ DATABASE_URL: "mysql://localhost/db" }, /^DATABASE_URL must start with file: \(SQLite/],
    [{ SCOPES: "read_orders, write_orders" }, /^SCOPES must be a comma-separated list of scopes without spaces/],
    [{ PORT: "eighty" }, /^PORT /],
    [{ NODE_ENV: "staging" }, /^NODE_ENV /],
    [{ LOG_LEVEL: "verbose" }, /^LOG_LEVEL /],
  ])("rejects a malformed value %o", (override, message) => {
    expect(problemsOf({ ...valid, ...override })).toEqual([expect.stringMatching(message)]);
  });

  it("stops startup with a message that lists the problems and how to fix them", () => {
    expect(() => parseEnv({ ...valid, SHOPIFY_API_KEY: undefined })).toThrow(
      /Warranty Desk cannot start: the environment is not valid\.\n {2}- SHOPIFY_API_KEY is required[^\n]*\nSet these variables \(see \.env\.example/,
    );
  });
});
