import { withinBodyLimit } from "../../utils/request-limits.server";

// The library's login() reads the shop from ?shop= or, for any method but GET, from the body as a
// form (request.formData()), which throws, and so answered 500, for a HEAD (no body) and for any
// body that is not a form (JSON). These hand it only requests it can read.

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

function loginError(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}

/** The login page's request for login(): a HEAD is answered as the GET it stands for. */
export function loginPageRequest(request: Request): Request {
  if (request.method !== "HEAD") return request;
  return new Request(request.url, { method: "GET", headers: request.headers, signal: request.signal });
}

/**
 * The login form's request for login(), holding only the shop field, read within BODY_LIMITS.api.
 * Throws 413 for a larger body, 415 for a body that is not a form, 400 for a form that cannot be read.
 */
export async function loginFormRequest(request: Request): Promise<Request> {
  if (new URL(request.url).searchParams.get("shop")) return request; // login() reads no body then
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!FORM_TYPES.includes(type)) {
    throw loginError(
      415,
      "unsupported_media_type",
      "Send the store domain as a form field named shop (application/x-www-form-urlencoded or multipart/form-data).",
    );
  }
  let form: FormData;
  try {
    form = await (await withinBodyLimit(request, "api")).formData();
  } catch (error) {
    if (error instanceof Response) throw error;
    throw loginError(400, "invalid_form", "The form could not be read. Enter your store's domain and try again.");
  }
  const shop = form.get("shop");
  return new Request(request.url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(typeof shop === "string" ? { shop } : {}),
    signal: request.signal,
  });
}
