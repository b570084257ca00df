import { describe, expect, it } from "vitest";
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
    });
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
