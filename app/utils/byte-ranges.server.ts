// One HTTP byte range (RFC 9110, section 14), so a <video> can seek in a stored file without
// loading all of it. Only a single range is served: a header this does not understand (several
// ranges, another unit, a malformed one) is ignored and the whole file answered, as the RFC allows.

/** Bytes `start` to `end` of a file, both included. */
export interface ByteRange {
  start: number;
  end: number;
}

type RequestedRange =
  | { kind: "whole" }
  | { kind: "range"; range: ByteRange }
  /** A valid range that lies past the file's end: 416 with `Content-Range: bytes * /size`. */
  | { kind: "unsatisfiable" };

const SINGLE_RANGE = /^bytes=(\d{0,15})-(\d{0,15})$/;

/** What a Range header asks of a file of `size` bytes. */
export function requestedRange(header: string | null, size: number): RequestedRange {
  const match = header === null ? null : SINGLE_RANGE.exec(header.trim());
  if (!match) return { kind: "whole" };
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return { kind: "whole" };
  if (first === "") {
    // bytes=-N: the last N bytes
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "range", range: { start: Math.max(0, size - suffix), end: size - 1 } };
  }
  const start = Number(first);
  if (last !== "" && Number(last) < start) return { kind: "whole" }; // invalid: ignored
  if (start >= size) return { kind: "unsatisfiable" };
  return { kind: "range", range: { start, end: last === "" ? size - 1 : Math.min(Number(last), size - 1) } };
}
