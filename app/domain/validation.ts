import { z } from "zod";
import { isValidTimeZone } from "./time";

/**
 * Shared zod building blocks whose messages are written for people ("expected a positive
 * integer"), plus the formatter that turns issues into `json.path: problem` lines.
 * A message function returns undefined for a missing value so that the parse-level
 * `reportMissing` map can say "required" instead.
 */
export function expected(message: string) {
  return { error: (issue: { input?: unknown }) => (issue.input === undefined ? undefined : message) };
}

export const reportMissing = {
  error: (issue: { code?: string; input?: unknown }) =>
    (issue.code === "invalid_type" || issue.code === "invalid_value") && issue.input === undefined
      ? "required"
      : undefined,
};

/** "100000" as "100,000": limits are read by people. */
const formatLimit = (n: number) => n.toLocaleString("en-US");

function wholeNumber(min: 0 | 1, max: number | undefined, unbounded: string) {
  // A bounded number names its range, so that 100,001 is not called "not positive".
  const message = max === undefined ? unbounded : `expected a whole number from ${min} to ${formatLimit(max)}`;
  return z
    .number(expected(message))
    .int({ error: message })
    .min(min, { error: message })
    .max(max ?? Number.MAX_SAFE_INTEGER, { error: message });
}

export const positiveInteger = (max?: number) => wholeNumber(1, max, "expected a positive integer");

export const nonNegativeInteger = (max?: number) => wholeNumber(0, max, "expected a whole number, 0 or more");

export const IsoInstantSchema = z.iso.datetime({
  offset: true,
  ...expected('expected an ISO 8601 instant with a timezone, like "2026-03-04T12:00:00Z"'),
});

export function shopifyGid(resource: string) {
  const message = `expected a Shopify GID like gid://shopify/${resource}/123`;
  return z.string(expected(message)).regex(new RegExp(`^gid://shopify/${resource}/[^\\s/]+$`), { error: message });
}

export const TimeZoneSchema = z
  .string(expected('expected an IANA timezone like "Europe/Berlin"'))
  .refine(isValidTimeZone, { error: 'expected an IANA timezone like "Europe/Berlin"' });

function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key)) out += out === "" ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out === "" ? "(root)" : out;
}

/** One line per problem, `claim.items[0].quantity: expected a positive integer`, in input order. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) lines.push(`${formatPath([...issue.path, key])}: unknown field`);
    } else if (issue.code === "invalid_value" && "values" in issue && issue.message.startsWith("Invalid option")) {
      const options = issue.values.map((v) => JSON.stringify(v)).join(", ");
      lines.push(`${formatPath(issue.path)}: expected one of ${options}`);
    } else {
      lines.push(`${formatPath(issue.path)}: ${issue.message}`);
    }
  }
  return lines;
}
