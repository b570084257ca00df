import { describe, expect, it } from "vitest";
import { createLogger, isDeniedKey, maskString, REDACTED } from "./logger.server";

const NOW = new Date("2026-11-29T10:00:00.000Z");
const SHOPIFY_TOKEN = "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";
const JWT =
  "eyJhbGciOiJIUzI1NiJ9.eyJkZXN0IjoiaHR0cHM6Ly9zaG9wLm15c2hvcGlmeS5jb20iLCJzdWIiOiIxIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ";

/** A logger writing into an array, so each test reads the lines it produced. */
function capture(level: "debug" | "info" | "warn" | "error" = "debug") {
  const lines: string[] = [];
  const logger = createLogger({ level, now: () => NOW, write: (line) => lines.push(line) });
  const records = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, records };
}

describe("logger: one JSON line per record", () => {
  it("GIVEN fields WHEN a record is logged THEN one line of valid JSON carries time, level, msg and the fields", () => {
    const { logger, lines, records } = capture();
    logger.info("claim decided", { shop: "demo.myshopify.com", claimId: "clx0claim00000000000000001", status: 200 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain("\n");
    expect(records()).toEqual([
      {
        time: "2026-11-29T10:00:00.000Z",
        level: "info",
        msg: "claim decided",
        shop: "demo.myshopify.com",
        claimId: "clx0claim00000000000000001",
        status: 200,
      },
    ]);
  });

  it("GIVEN an error with a multi-line stack WHEN logged THEN it stays one line, with the error's type and message", () => {
    const { logger, lines, records } = capture();
    logger.error("job failed", { job: "email", error: new TypeError("boom") });
    expect(lines).toHaveLength(1);
    const error = records()[0]!.error as Record<string, string>;
    expect(error.type).toBe("TypeError");
    expect(error.message).toBe("boom");
    expect(error.stack).toContain("\n");
  });

  it("GIVEN an error with its own name and fields WHEN logged THEN its type is its name and its fields are kept", () => {
    class SmtpError extends Error {
      constructor(readonly code: string) {
        super("The mail server refused the message");
        this.name = "SmtpError";
      }
    }
    const { logger, records } = capture();
    logger.error("email failed", { error: new SmtpError("EENVELOPE") });
    expect(records()[0]!.error).toEqual({
      type: "SmtpError",
      message: "The mail server refused the message",
      stack: expect.stringContaining("SmtpError"),
      code: "EENVELOPE",
    });
  });

  it("GIVEN a child logger WHEN it logs THEN its bindings are on every line, and a field cannot overwrite time, level or msg", () => {
    const { logger, records } = capture();
    const child = logger.child({ requestId: "7d1c4a52-3b7e-4c39-9a43-8f4b1f5e9f11", shop: "demo.myshopify.com" });
    child.info("first");
    child.child({ job: "email" }).warn("second", { level: "fake", msg: "fake", time: "fake" });
    expect(records()).toEqual([
      expect.objectContaining({ msg: "first", requestId: "7d1c4a52-3b7e-4c39-9a43-8f4b1f5e9f11" }),
      expect.objectContaining({ msg: "second", level: "warn", time: NOW.toISOString(), job: "email" }),
    ]);
    expect(records()[1]!.shop).toBe("demo.myshopify.com");
  });

  it("GIVEN level warn WHEN info and debug are logged THEN they are dropped", () => {
    const { logger, lines } = capture("warn");
    logger.debug("d");
    logger.info("i");
    logger.warn("w");
    logger.error("e");
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual(["w", "e"]);
  });

  it("GIVEN a value JSON cannot hold (a cycle, a bigint) WHEN logged THEN the line is still written", () => {
    const { logger, records } = capture();
    const cyclic: Record<string, unknown> = { id: "a" };
    cyclic.self = cyclic;
    logger.info("odd values", { cyclic, count: 12n });
    expect(records()[0]).toMatchObject({ cyclic: { id: "a", self: "[circular]" }, count: "12" });
  });
});

describe("logger: redaction", () => {
  it("GIVEN a token under a credential key WHEN logged THEN the value is replaced", () => {
    const { logger, lines } = capture();
    logger.info("session stored", {
      accessToken: SHOPIFY_TOKEN,
      access_token: SHOPIFY_TOKEN,
      Authorization: `Bearer ${JWT}`,
      apiSecret: "a-secret",
      password: "hunter2",
    });
    const [record] = lines.map((line) => JSON.parse(line));
    expect(record).toMatchObject({
      accessToken: REDACTED,
      access_token: REDACTED,
      Authorization: REDACTED,
      apiSecret: REDACTED,
      password: REDACTED,
    });
    for (const secret of [SHOPIFY_TOKEN, JWT, "a-secret", "hunter2"]) expect(lines[0]).not.toContain(secret);
  });

  it("GIVEN tokens and an email inside free text WHEN logged THEN they are masked in the message and in fields", () => {
    const { logger, lines } = capture();
    logger.warn(`refused ${SHOPIFY_TOKEN} for jane.doe@example.com`, {
      detail: `header was Bearer ${JWT}; key 9f8e7d6c5b4a39281706f5e4d3c2b1a0ffeeddcc`,
    });
    const [record] = lines.map((line) => JSON.parse(line));
    expect(record.msg).toBe("refused [token] for [email]");
    expect(record.detail).toBe("header was Bearer [token]; key [token]");
    expect(lines[0]).not.toMatch(/jane|shpat_|eyJ|9f8e7d6c/);
  });

  it("GIVEN personal data nested in objects and arrays WHEN logged THEN every level is guarded", () => {
    const { logger, lines } = capture();
    logger.info("claim filed", {
      claim: {
        id: "clx0claim00000000000000001",
        customer: { name: "Jane Doe", customerEmail: "jane@example.com", phone: "+1 555 0100" },
        shippingAddress: { address1: "1 Main St", city: "Springfield" },
        notes: [{ body: "call me at jane@example.com" }],
      },
      error: new Error(`token ${SHOPIFY_TOKEN} refused`),
    });
    const [record] = lines.map((line) => JSON.parse(line));
    expect(record.claim).toEqual({
      id: "clx0claim00000000000000001",
      customer: { name: REDACTED, customerEmail: REDACTED, phone: REDACTED },
      shippingAddress: REDACTED,
      notes: [{ body: "call me at [email]" }],
    });
    expect(record.error.message).toBe("token [token] refused");
    for (const personal of ["Jane", "jane@", "555 0100", "Main St", "shpat_"]) expect(lines[0]).not.toContain(personal);
  });

  it("GIVEN identifiers (a request id, a claim id, a shop, a UUID) WHEN logged THEN they stay readable", () => {
    const { logger, records } = capture();
    const ids = {
      requestId: "0123456789abcdef0123456789abcdef01234567",
      claimId: "clx0claim00000000000000001",
      webhookId: "b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e",
      shop: "a-very-long-store-name-that-keeps-going-and-going.myshopify.com",
      path: "/app/claims/clx0claim00000000000000001",
    };
    logger.info("ids", ids);
    expect(records()[0]).toMatchObject(ids);
  });

  it.each([
    ["accessToken", true],
    ["X-Shopify-Access-Token", true],
    ["id_token", true],
    ["clientSecret", true],
    ["cookie", true],
    ["sessionId", true],
    ["email", true],
    ["recipientEmail", true],
    ["billingAddress", true],
    ["firstName", true],
    ["name", true],
    ["shop", false],
    ["claimId", false],
    ["status", false],
    ["durationMs", false],
    ["route", false],
  ])("isDeniedKey(%s) is %s", (key, denied) => {
    expect(isDeniedKey(key)).toBe(denied);
  });

  it("maskString leaves ordinary text alone", () => {
    expect(maskString("GET /app/claims 200 in 12 ms")).toBe("GET /app/claims 200 in 12 ms");
  });
});
