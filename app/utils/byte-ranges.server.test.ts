import { describe, expect, it } from "vitest";
import { requestedRange } from "./byte-ranges.server";

describe("requestedRange", () => {
  it.each([
    // [Range header, file size, what is answered]
    [null, 1000, { kind: "whole" }],
    ["bytes=0-", 1000, { kind: "range", range: { start: 0, end: 999 } }],
    ["bytes=0-0", 1000, { kind: "range", range: { start: 0, end: 0 } }],
    ["bytes=100-199", 1000, { kind: "range", range: { start: 100, end: 199 } }],
    ["bytes=900-5000", 1000, { kind: "range", range: { start: 900, end: 999 } }],
    ["bytes=999-", 1000, { kind: "range", range: { start: 999, end: 999 } }],
    ["bytes=-100", 1000, { kind: "range", range: { start: 900, end: 999 } }],
    ["bytes=-5000", 1000, { kind: "range", range: { start: 0, end: 999 } }],
    [" bytes=5-9 ", 1000, { kind: "range", range: { start: 5, end: 9 } }],
    ["bytes=1000-", 1000, { kind: "unsatisfiable" }],
    ["bytes=1000-1999", 1000, { kind: "unsatisfiable" }],
    ["bytes=-0", 1000, { kind: "unsatisfiable" }],
    ["bytes=0-", 0, { kind: "unsatisfiable" }],
    ["bytes=-1", 0, { kind: "unsatisfiable" }],
    // ignored (the whole file): malformed, reversed, several ranges, another unit
    ["bytes=200-100", 1000, { kind: "whole" }],
    ["bytes=-", 1000, { kind: "whole" }],
    ["bytes=0-1,5-6", 1000, { kind: "whole" }],
    ["items=0-1", 1000, { kind: "whole" }],
    ["bytes=a-b", 1000, { kind: "whole" }],
    ["bytes=1.5-2", 1000, { kind: "whole" }],
    ["", 1000, { kind: "whole" }],
  ] as const)("GIVEN Range %j on %i bytes THEN %j", (header, size, expected) => {
    expect(requestedRange(header, size)).toEqual(expected);
  });
});
