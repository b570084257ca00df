import { ZodError, type z } from "zod";

// What a person sent (a form, a query string, a JSON body) checked against its schema. A value
// that fails is the sender's 400, naming the field and what to do; a stored row or a Shopify
// answer that fails its schema stays a plain ZodError: our 500, logged, never blamed on them.

export class RequestInputError extends Error {
  override readonly name = "RequestInputError";
  readonly code = "invalid_request";
  /** The path of the first field at fault, e.g. "items.0.quantity" ("" when the whole body is). */
  readonly field: string;

  constructor(readonly zodError: ZodError) {
    super(zodError.issues.map((issue) => `${issue.path.join(".") || "request"}: ${issue.message}`).join("; "));
    this.field = zodError.issues[0]?.path.join(".") ?? "";
  }
}

export function parseRequestInput<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  // The input travels with each issue: the shopper's messages tell a missing field from a wrong one.
  const parsed = schema.safeParse(value, { reportInput: true });
  if (!parsed.success) throw new RequestInputError(parsed.error);
  return parsed.data;
}

/** A request's JSON body; a body that is not JSON is the sender's 400. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new RequestInputError(
      new ZodError([{ code: "custom", path: [], message: "send the form as JSON", input: text }]),
    );
  }
}
