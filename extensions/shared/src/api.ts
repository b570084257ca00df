import { APP_URL } from "./app-url";

// The app's shopper API (docs/shopper-api.md), shared by the customer-account extensions. The
// session token proves who the shopper is; the server checks that the order and claim are theirs
// and answers its messages in the language sent as Accept-Language. No validation library here:
// the bundle must stay small, and the server decides everything anyway.

export type ClaimType = "arrival" | "warranty";
export type Problem = "damaged" | "wrong_item" | "missing_parts" | "not_working" | "fault";
export type EvidenceKind = "issue_photo" | "issue_video" | "shipping_label_photo" | "packaging_photo";
export type Resolution = "refund" | "replacement" | "repair";
export type AnswerKey =
  "firmwareFlashed" | "bodyOpened" | "partsModified" | "unintendedUse" | "continuedUseAfterFault" | "accidentalDamage";

export interface ClaimWindow {
  open: boolean;
  windowEndsAt: string | null;
  reasons: string[];
  /** The delivery date the window counts from is an estimate (no confirmed delivery). */
  deliveryDateEstimated?: boolean;
  /** What the item's policy offers for this claim type. */
  resolutions?: Resolution[];
}

export interface ClaimOption {
  lineItemId: string;
  name: string | null;
  claimableQuantity: number;
  arrival: ClaimWindow;
  warranty: ClaimWindow;
}

export interface ClaimOptions {
  orderId: string;
  orderName: string | null;
  timezone: string;
  items: ClaimOption[];
  /** What the shopper may ask for; refund and replacement when the server does not say. */
  resolutions?: Resolution[];
  /** What every open item offers, by claim type. */
  resolutionsByType?: Partial<Record<ClaimType, Resolution[]>>;
}

export interface ClaimDraft {
  orderId: string;
  submissionKey?: string;
  type: ClaimType;
  problem: Problem;
  description: string;
  problemFirstNoticedAt?: string;
  items: { lineItemId: string; quantity: number }[];
  answers: Partial<Record<AnswerKey, boolean>>;
  preferredResolution: Resolution | null;
  uploadIds: string[];
}

export interface Upload {
  id: string;
  kind: EvidenceKind;
  contentType: string;
  byteSize: number;
  fileName: string | null;
  thumbnailUrl: string | null;
}

export interface Reason {
  code: string;
  message: string;
}

export interface ClaimPreview {
  eligible: boolean;
  reasons: Reason[];
  items: { lineItemId: string; eligible: boolean; windowEndsAt: string | null; reasons: Reason[] }[];
  missingEvidence: { kind: string; message: string }[];
  suggestedType: "warranty" | null;
  responseDueAt: string;
  timezone: string;
}

export type NextStep = "wait_for_reply" | "reply_to_merchant" | "send_return" | "wait_for_inspection" | "none";

export interface ClaimSummary {
  id: string;
  number: number;
  type: ClaimType;
  status: string;
  submittedAt: string;
  respondBy: string | null;
  items: { lineItemId: string; title: string | null; quantity: number }[];
  nextStep: NextStep;
}

export interface ClaimDetail extends ClaimSummary {
  problem: Problem | null;
  description: string | null;
  timeline: { at: string; type: string; actor: "customer" | "merchant" | "system"; message: string | null }[];
  evidence: Upload[];
  returnInstructions: null | {
    destinations: {
      locationName: string | null;
      address: string[];
      /** Shipped from an overseas warehouse: only this address takes it back (sent by the server). */
      overseas?: boolean;
      items: { lineItemId: string; quantity: number }[];
    }[];
    components: string[];
    trackedShippingAdvised: true;
    shippingPaidBy: "merchant" | "customer";
  };
  returnShipment: { carrier: string | null; trackingNumber: string } | null;
  outcome: null | {
    items: {
      lineItemId: string;
      outcome: "refunded" | "replaced" | "repaired";
      amount: string | null;
      currencyCode: string | null;
    }[];
    replacementOrderName: string | null;
  };
  /** `clause`: the policy's words for the reason, in the shopper's language; `note`: the store's own words. */
  denial: null | { items: { lineItemId: string; reason: string; clause: string; note: string | null }[] };
  canReply: boolean;
  canSendTracking: boolean;
}

/** What went wrong: `status` 0 and code "network" when no answer came back at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export interface ApiContext {
  sessionToken(): Promise<string>;
  /** The shopper's language (shopify.localization.language), for the server's messages. */
  language(): string;
}

type ErrorBody = { error?: { code?: string; message?: string; field?: string } } | null;

async function readError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as ErrorBody;
  const retryAfter = Number(response.headers.get("Retry-After"));
  return new ApiError(
    response.status,
    body?.error?.code ?? "unknown",
    body?.error?.message ?? "",
    body?.error?.field,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  );
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface RunningUpload {
  done: Promise<Upload>;
  abort(): void;
}

export function createApi(context: ApiContext) {
  const headers = async (extra: Record<string, string> = {}) => ({
    Authorization: `Bearer ${await context.sessionToken()}`,
    "Accept-Language": context.language(),
    ...extra,
  });

  async function call<T>(path: string, init: { method?: string; json?: unknown } = {}): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${APP_URL}${path}`, {
        method: init.method ?? "GET",
        headers: await headers(init.json === undefined ? {} : { "Content-Type": "application/json" }),
        body: init.json === undefined ? undefined : JSON.stringify(init.json),
      });
    } catch {
      throw new ApiError(0, "network", "");
    }
    if (!response.ok) throw await readError(response);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  const order = (orderId: string) => encodeURIComponent(orderId);

  return {
    claimOptions: (orderId: string) => call<ClaimOptions>(`/api/claim-options?orderId=${order(orderId)}`),
    listClaims: async (orderId: string) =>
      (await call<{ claims: ClaimSummary[] }>(`/api/claims?orderId=${order(orderId)}`)).claims,
    getClaim: async (claimId: string) =>
      (await call<{ claim: ClaimDetail }>(`/api/claims/${encodeURIComponent(claimId)}`)).claim,
    preview: async (draft: Omit<ClaimDraft, "submissionKey">) =>
      (await call<{ preview: ClaimPreview }>("/api/claims/preview", { method: "POST", json: draft })).preview,
    submit: async (draft: ClaimDraft) =>
      (await call<{ claim: ClaimDetail }>("/api/claims", { method: "POST", json: draft })).claim,
    reply: async (claimId: string, message: string, uploadIds: string[]) =>
      (
        await call<{ claim: ClaimDetail }>(`/api/claims/${encodeURIComponent(claimId)}/replies`, {
          method: "POST",
          json: { message, uploadIds },
        })
      ).claim,
    sendTracking: async (claimId: string, carrier: string, trackingNumber: string) =>
      (
        await call<{ claim: ClaimDetail }>(`/api/claims/${encodeURIComponent(claimId)}/return-shipment`, {
          method: "POST",
          json: { carrier, trackingNumber },
        })
      ).claim,
    deleteUpload: (uploadId: string) =>
      call<void>(`/api/uploads/${encodeURIComponent(uploadId)}`, { method: "DELETE" }),
    /** POSTs the raw file; reports progress where the runtime can (XMLHttpRequest), else only the end. */
    upload(
      orderId: string,
      kind: EvidenceKind,
      file: File,
      onProgress: (progress: UploadProgress) => void,
    ): RunningUpload {
      const url = `${APP_URL}/api/uploads?orderId=${order(orderId)}&kind=${kind}`;
      let abort = () => {};
      const done = (async () => {
        const requestHeaders = await headers({
          "Content-Type": file.type || "application/octet-stream",
          "X-File-Name": encodeURIComponent(file.name),
        });
        const response = await sendFile(url, file, requestHeaders, onProgress, (cancel) => (abort = cancel));
        if (!response.ok) throw await readError(response);
        onProgress({ loaded: file.size, total: file.size });
        return ((await response.json()) as { upload: Upload }).upload;
      })();
      return { done, abort: () => abort() };
    },
  };
}

export type Api = ReturnType<typeof createApi>;

function sendFile(
  url: string,
  file: File,
  headers: Record<string, string>,
  onProgress: (progress: UploadProgress) => void,
  setAbort: (abort: () => void) => void,
): Promise<Response> {
  if (typeof XMLHttpRequest !== "function") {
    const controller = new AbortController();
    setAbort(() => controller.abort());
    return fetch(url, { method: "POST", headers, body: file, signal: controller.signal }).catch((error: unknown) => {
      throw controller.signal.aborted ? new ApiError(0, "aborted", "") : new ApiError(0, "network", String(error));
    });
  }
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    setAbort(() => xhr.abort());
    xhr.open("POST", url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => onProgress({ loaded: event.loaded, total: event.total || file.size });
    xhr.onload = () => {
      const responseHeaders = new Headers();
      const retryAfter = xhr.getResponseHeader("Retry-After");
      if (retryAfter) responseHeaders.set("Retry-After", retryAfter);
      resolve(
        new Response(xhr.status === 204 ? null : xhr.responseText, { status: xhr.status, headers: responseHeaders }),
      );
    };
    xhr.onerror = () => reject(new ApiError(0, "network", ""));
    xhr.onabort = () => reject(new ApiError(0, "aborted", ""));
    xhr.send(file);
  });
}
