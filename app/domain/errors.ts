/**
 * The one error type of the domain. `kind` decides the HTTP status at the edge
 * (invalid -> 400, not_allowed -> 403, not_found -> 404, conflict -> 409); `code` is stable
 * and may be translated by the UI; `message` is precise English for logs and support; `params`
 * are the values a translation needs (a limit, a count), by the names its placeholders use.
 */
export const DOMAIN_ERROR_KINDS = ["invalid", "not_allowed", "not_found", "conflict"] as const;
export type DomainErrorKind = (typeof DOMAIN_ERROR_KINDS)[number];

export class DomainError extends Error {
  override readonly name = "DomainError";
  readonly kind: DomainErrorKind;
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;

  constructor(
    kind: DomainErrorKind,
    code: string,
    message: string,
    params: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
    this.kind = kind;
    this.code = code;
    this.params = params;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
