import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runPolicyEvaluate } from "./policy-evaluate-core";

const root = path.resolve(import.meta.dirname, "..");
const fixture = (name: string) => path.join(root, "test/fixtures/policy", name);
const expectedExample = JSON.parse(readFileSync(fixture("example.expected.json"), "utf8"));

/** Runs what `npm run policy:evaluate` runs: the Node 22 wrapper, then tsx on the script. */
function runCommand(args: string[], stdin?: string) {
  const result = spawnSync(
    "bash",
    ["scripts/with-node22.sh", "node_modules/.bin/tsx", "scripts/policy-evaluate.ts", ...args],
    {
      cwd: root,
      input: stdin,
      encoding: "utf8",
      env: { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ""}` },
      timeout: 60_000,
    },
  );
  return { exitCode: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("runPolicyEvaluate (the command's logic)", () => {
  it("GIVEN the issue's example THEN exit 0 and exactly the documented evaluation as one JSON object", () => {
    const result = runPolicyEvaluate(readFileSync(fixture("example.json"), "utf8"));
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual(expectedExample);
    expect(JSON.stringify(JSON.parse(result.stdout))).toBe(JSON.stringify(expectedExample)); // field order too
  });

  it("GIVEN an ineligible claim THEN still exit 0, the evaluation says why", () => {
    const result = runPolicyEvaluate(readFileSync(fixture("expired-arrival.json"), "utf8"));
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      eligible: false,
      items: [{ reasons: ["window_expired"], windowEndsAt: "2026-03-07T04:59:59.999Z" }],
      flags: ["delivery_date_estimated"],
      suggestedType: "warranty",
    });
  });

  it.each<[string]>([[""], ["{"], ["{'now': 1}"]])(
    "GIVEN the text %j, not JSON, THEN exit 2 with one (root) line",
    (text) => {
      const result = runPolicyEvaluate(text);
      expect(result.exitCode).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(/^\(root\): not valid JSON \([^\n]+\)\n$/);
    },
  );

  it.each<[string, string]>([
    ["42", "(root): expected a JSON object\n"],
    ["null", "(root): expected a JSON object\n"],
    ["{}", "now: required\nshop: required\norder: required\nclaim: required\n"],
  ])("GIVEN the text %j THEN exit 2 with exactly %j on stderr", (text, stderr) => {
    expect(runPolicyEvaluate(text)).toEqual({ exitCode: 2, stdout: "", stderr });
  });
});

describe("policy:evaluate (the real command through tsx)", () => {
  it("GIVEN a file THEN it prints the evaluation and exits 0", () => {
    const result = runCommand([fixture("example.json")]);
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(expectedExample);
  });

  it("GIVEN JSON on stdin and no file THEN the same", () => {
    const result = runCommand([], readFileSync(fixture("example.json"), "utf8"));
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(expectedExample);
  });

  it("GIVEN input that breaks the schema THEN exit 2, nothing on stdout, one line per problem naming the path", () => {
    const result = runCommand([fixture("invalid.json")]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      [
        'now: expected an ISO 8601 instant with a timezone, like "2026-03-04T12:00:00Z"',
        'shop.timezone: expected an IANA timezone like "Europe/Berlin"',
        "policy.warrantyMonths: expected a whole number from 0 to 1,200",
        "policy.arrivalWindowDay: unknown field",
        "claim.items[0].quantity: expected a whole number from 1 to 100,000",
        'claim.evidence[0]: expected one of "issue_photo", "issue_video", "shipping_label_photo", "packaging_photo"',
        "",
      ].join("\n"),
    );
  });

  it("GIVEN text that is not JSON on stdin THEN exit 2", () => {
    const result = runCommand([], "not json");
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^\(root\): not valid JSON \(.+\)\n$/);
  });

  it("GIVEN a file that does not exist THEN exit 2 naming it", () => {
    const result = runCommand(["test/fixtures/policy/missing.json"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^\(root\): cannot read test\/fixtures\/policy\/missing\.json \(ENOENT/);
  });
});
