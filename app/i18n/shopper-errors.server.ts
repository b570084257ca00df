import { z, type ZodError } from "zod";
import { isDomainError } from "../domain/errors";
import { errorResponse, type ErrorBody } from "../utils/http.server";
import { RequestInputError } from "../utils/request-input.server";
import { isShopperMessageKey, shopperMessage, type ShopperLanguage, type ShopperMessageKey } from "./shopper-messages";

// The shopper API's errors in the shopper's language, built in one place (the error path of
// handleCustomerAccountRequest): the one error mapping (utils/http.server.ts) decides status,
// headers and code; here the message is replaced by the catalogue's, by code. A validation error
// names the field in the shopper's words and keeps its path in `field`.

const GENERIC_BY_STATUS: Readonly<Record<number, ShopperMessageKey>> = {
  400: "error.generic.invalid",
  403: "error.generic.not_allowed",
  404: "error.generic.not_found",
  409: "error.generic.conflict",
};

const ErrorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** The field's name in the shopper's words: its last named segment, else "the request". */
function fieldLabel(path: readonly PropertyKey[], language: ShopperLanguage): string {
  const name = [...path].reverse().find((key): key is string => typeof key === "string");
  const key = `field.${name ?? "request"}`;
  return shopperMessage(language, isShopperMessageKey(key) ? key : "field.request");
}

function problemOf(issue: z.core.$ZodIssue, language: ShopperLanguage): string {
  switch (issue.code) {
    case "invalid_type":
      return shopperMessage(language, issue.input === undefined ? "validation.required" : "validation.invalid");
    case "too_small":
      return issue.origin === "string" || issue.origin === "array"
        ? shopperMessage(language, "validation.too_short")
        : shopperMessage(language, "validation.too_small", { minimum: Number(issue.minimum) });
    case "too_big":
      return shopperMessage(language, "validation.too_long", { maximum: Number(issue.maximum) });
    case "invalid_value":
    case "invalid_union":
      return shopperMessage(language, "validation.invalid_option");
    case "unrecognized_keys":
      return shopperMessage(language, "validation.unknown_field");
    case "custom": {
      const key = `validation.${String(issue.params?.code ?? "invalid")}`;
      return shopperMessage(language, isShopperMessageKey(key) ? key : "validation.invalid");
    }
    default:
      return shopperMessage(language, "validation.invalid");
  }
}

function validationResponse(error: ZodError, language: ShopperLanguage): Response {
  const problems = error.issues.map((issue) => {
    const path = issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0] ?? ""] : issue.path;
    const message = shopperMessage(language, "error.invalid_request", {
      field: fieldLabel(path, language),
      problem: problemOf(issue, language),
    });
    return { field: formatPath(path), message };
  });
  const [first] = problems;
  const body = {
    error: {
      code: "invalid_request",
      message: problems.map((p) => p.message).join(" "),
      ...(first && first.field !== "" ? { field: first.field } : {}),
    },
  } satisfies ErrorBody;
  return Response.json(body, { status: 400 });
}

/** The error's answer (status, headers and code from the one mapping), its message in `language`. */
export async function shopperErrorResponse(error: unknown, language: ShopperLanguage): Promise<Response> {
  if (error instanceof RequestInputError) return validationResponse(error.zodError, language);
  const response = errorResponse(error);
  if (response.status < 400) return response; // the answered CORS preflight, redirects
  let parsed: z.infer<typeof ErrorBodySchema>;
  try {
    parsed = ErrorBodySchema.parse(await response.clone().json());
  } catch {
    return response;
  }
  const { code } = parsed.error;
  const key = `error.${code}`;
  const minutes = Math.max(1, Math.ceil(Number(response.headers.get("Retry-After") ?? "60") / 60));
  const params = isDomainError(error) ? error.params : {};
  const message = isShopperMessageKey(key)
    ? shopperMessage(language, key, { minutes, ...params })
    : language === "en" || !(response.status in GENERIC_BY_STATUS)
      ? parsed.error.message
      : shopperMessage(language, GENERIC_BY_STATUS[response.status] ?? "error.generic.invalid");
  const headers = new Headers(response.headers);
  headers.delete("Content-Length");
  return new Response(JSON.stringify({ error: { ...parsed.error, code, message } } satisfies ErrorBody), {
    status: response.status,
    headers,
  });
}
