import { readFileSync } from "node:fs";
import { join } from "node:path";
import { vi } from "vitest";
import type { ClaimDetail, ClaimOptions, ClaimPreview, ClaimSummary } from "../../shared/src/api";

// A fake customer-accounts host for component tests: the `shopify` global the page reads (its
// translations are the extension's real English file), the `navigation` global, a storage kept in a
// Map, a fetch answered per route, and an XMLHttpRequest the test drives (upload progress).

const englishOf = (extension: string) =>
  JSON.parse(readFileSync(join(process.cwd(), "extensions", extension, "locales/en.default.json"), "utf8")) as Record<
    string,
    unknown
  >;

export const ORDER_ID = "gid://shopify/Order/1001";
export const APP = "https://warranty-desk.example.com";

/** A host signal (ReadonlySignalLike): a value and its subscribers; `set` is the host changing it. */
export function hostSignal<T>(initial: T) {
  const listeners = new Set<(value: T) => void>();
  return {
    value: initial,
    subscribe(listener: (value: T) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    set(value: T) {
      this.value = value;
      listeners.forEach((listener) => listener(value));
    },
  };
}

export interface FakeHost {
  requireLogin: ReturnType<typeof vi.fn>;
  authenticationState: ReturnType<typeof hostSignal<string>>;
  storage: Map<string, unknown>;
  requests: { method: string; path: string; body: unknown; headers: Record<string, string> }[];
  navigateTo(url: string): void;
}

export type Route = (request: { body: unknown }) => {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
};

/** Installs the fake globals; `routes` maps "METHOD /path?query" to an answer. */
export function installHost(
  routes: Record<string, Route | "network-error">,
  options: { url?: string; extension?: string; authenticationState?: string } = {},
) {
  const english = englishOf(options.extension ?? "claim-page");
  const lookup = (key: string): unknown =>
    key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], english);
  const requireLogin = vi.fn(async () => {});
  const storage = new Map<string, unknown>();
  const requests: FakeHost["requests"] = [];
  const authenticationState = hostSignal(options.authenticationState ?? "fully_authenticated");
  const listeners = new Set<() => void>();
  const navigation = {
    currentEntry: {
      key: "1",
      url: options.url ?? `extension:claim-page/customer-account.order.page.render/1001/`,
      getState: () => null,
    },
    addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
  };
  vi.stubGlobal("navigation", navigation);
  vi.stubGlobal("shopify", {
    order: hostSignal({ id: ORDER_ID }),
    authenticationState,
    requireLogin,
    localization: { language: { value: { isoCode: "en" } } },
    sessionToken: { get: async () => "session-token" },
    storage: {
      read: async (key: string) => (storage.has(key) ? structuredClone(storage.get(key)) : null),
      write: async (key: string, value: unknown) => void storage.set(key, structuredClone(value)),
      delete: async (key: string) => void storage.delete(key),
    },
    i18n: {
      translate: (key: string, replacements: Record<string, unknown> = {}) => {
        const text = lookup(key);
        if (typeof text !== "string") throw new Error(`no English text for ${key}`);
        return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(replacements[name] ?? `{{${name}}}`));
      },
      formatDate: (date: Date, options?: Intl.DateTimeFormatOptions) =>
        new Intl.DateTimeFormat("en", options).format(date),
      formatCurrency: (amount: number, options?: { currency?: string }) =>
        new Intl.NumberFormat("en", { style: "currency", currency: options?.currency ?? "EUR" }).format(amount),
    },
  });
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const method = init.method ?? "GET";
      const path = url.replace(APP, "");
      const body = typeof init.body === "string" ? JSON.parse(init.body) : init.body;
      requests.push({ method, path, body, headers: { ...(init.headers as Record<string, string>) } });
      const route = routes[`${method} ${path}`];
      if (route === "network-error") throw new TypeError("Failed to fetch");
      if (!route) return new Response(JSON.stringify({ error: { code: "not_found", message: "" } }), { status: 404 });
      const answer = route({ body });
      return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
        status: answer.status,
        headers: answer.headers,
      });
    }),
  );
  const host: FakeHost = {
    requireLogin,
    authenticationState,
    storage,
    requests,
    navigateTo(url) {
      navigation.currentEntry = { ...navigation.currentEntry, url };
      listeners.forEach((listener) => listener());
    },
  };
  return host;
}

/** An XMLHttpRequest the test answers: each upload is one instance, in order. */
export class FakeXhr {
  static sent: FakeXhr[] = [];
  method = "";
  url = "";
  headers: Record<string, string> = {};
  body: unknown;
  status = 0;
  responseText = "";
  aborted = false;
  upload: { onprogress: ((event: { loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url.replace(APP, "");
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  getResponseHeader() {
    return null;
  }
  send(body: unknown) {
    this.body = body;
    FakeXhr.sent.push(this);
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ loaded, total });
  }
  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
  fail() {
    this.onerror?.();
  }
}

// ---- what the server answers ----

export const lineItem = (id: number) => `gid://shopify/LineItem/${id}`;

export function claimOptions(overrides: Partial<ClaimOptions> = {}): ClaimOptions {
  return {
    orderId: ORDER_ID,
    orderName: "#1001",
    timezone: "Europe/Berlin",
    items: [
      {
        lineItemId: lineItem(1),
        name: "Volt X2 E-Scooter",
        claimableQuantity: 1,
        arrival: { open: true, windowEndsAt: "2026-12-01T22:59:00.000Z", reasons: [], deliveryDateEstimated: true },
        warranty: { open: true, windowEndsAt: "2027-11-30T22:59:00.000Z", reasons: [] },
      },
      {
        lineItemId: lineItem(2),
        name: "Nimbus Power Bank",
        claimableQuantity: 0,
        arrival: { open: false, windowEndsAt: null, reasons: ["not_fulfilled"] },
        warranty: { open: false, windowEndsAt: null, reasons: ["not_fulfilled"] },
      },
    ],
    ...overrides,
  };
}

export function preview(overrides: Partial<ClaimPreview> = {}): ClaimPreview {
  return {
    eligible: true,
    reasons: [],
    items: [],
    missingEvidence: [],
    suggestedType: null,
    responseDueAt: "2026-12-03T13:00:00.000Z",
    timezone: "Europe/Berlin",
    ...overrides,
  };
}

export function claimSummary(overrides: Partial<ClaimSummary> = {}): ClaimSummary {
  return {
    id: "claim_1",
    number: 7,
    type: "arrival",
    status: "submitted",
    submittedAt: "2026-12-01T10:00:00.000Z",
    respondBy: "2026-12-03T13:00:00.000Z",
    items: [{ lineItemId: lineItem(1), title: "Volt X2 E-Scooter", quantity: 1 }],
    nextStep: "wait_for_reply",
    ...overrides,
  };
}

export function claimDetail(overrides: Partial<ClaimDetail> = {}): ClaimDetail {
  return {
    ...claimSummary(),
    problem: "damaged",
    description: "The deck is cracked.",
    timeline: [{ at: "2026-12-01T10:00:00.000Z", type: "submitted", actor: "customer", message: null }],
    evidence: [],
    returnInstructions: null,
    returnShipment: null,
    outcome: null,
    denial: null,
    canReply: false,
    canSendTracking: false,
    ...overrides,
  };
}

// ---- driving the s-* elements as the host would ----

type Field = HTMLElement & { value?: string; values?: string[]; checked?: boolean; files?: File[] };

export function field(tag: string, label: string): Field {
  const found = [...document.querySelectorAll(tag)].find((el) => el.getAttribute("label") === label);
  if (!found) throw new Error(`no ${tag} labelled "${label}"`);
  return found as Field;
}

export function button(text: string): HTMLElement {
  const found = [...document.querySelectorAll("s-button")].find((el) => el.textContent?.trim() === text);
  if (!found) throw new Error(`no button "${text}"`);
  return found as HTMLElement;
}

export function typeInto(element: Field, value: string) {
  element.value = value;
  element.dispatchEvent(new Event("input"));
}

export function choose(element: Field, values: string[]) {
  element.values = values;
  element.dispatchEvent(new Event("change"));
}

export function check(element: Field, checked: boolean) {
  element.checked = checked;
  element.dispatchEvent(new Event("change"));
}

export function drop(element: Field, files: File[]) {
  element.files = files;
  element.dispatchEvent(new Event("input"));
}

export const pageText = () => (document.body.textContent ?? "").replace(/\s+/g, " ");

/** Whether an element is headed so (banners and sections carry their heading as an attribute). */
export const heading = (text: string) =>
  [...document.querySelectorAll("[heading]")].some((el) => el.getAttribute("heading") === text);

/** Lets the page render what the last event changed, as a browser does between two taps. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
