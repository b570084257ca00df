// The demo's own pages: the front page and the admin host frame. Plain HTML: they stand in for
// Shopify's admin, not for anything of the app's.

export const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export const BASE_STYLE = `
  :root { color-scheme: light; font-family: Inter, -apple-system, "Segoe UI", Roboto, sans-serif; }
  body { margin: 0; background: #f1f1f1; color: #303030; }
  a { color: #005bd3; }
  .topbar { height: 56px; background: #1a1a1a; color: #e3e3e3; display: flex; align-items: center; gap: 16px; padding: 0 16px; font-size: 14px; }
  .topbar strong { color: #fff; }
  .badge { background: #ffd6a4; color: #4f2a00; border-radius: 8px; padding: 2px 8px; font-size: 12px; font-weight: 600; }
`;

export interface DemoCustomerView {
  id: string;
  name: string;
  email: string;
  orders: { id: string; name: string; description: string }[];
}

export function frontPage(opts: { shop: string; shopName: string; customers: DemoCustomerView[] }): string {
  const customers = opts.customers
    .map(
      (c) =>
        `<li><strong>${escapeHtml(c.name)}</strong> (${escapeHtml(c.email)})<ul>${c.orders
          .map(
            (o) =>
              `<li><a href="/demo/shopper?customer=${encodeURIComponent(c.id)}&order=${encodeURIComponent(o.id)}">${escapeHtml(o.name)}</a>: ${escapeHtml(o.description)}</li>`,
          )
          .join("")}</ul></li>`,
    )
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Warranty Desk demo</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>${BASE_STYLE}
  main { max-width: 860px; margin: 32px auto; background: #fff; border-radius: 12px; padding: 24px 32px; box-shadow: 0 1px 0 #d4d4d4; }
  h1 { font-size: 24px; } h2 { font-size: 18px; margin-top: 28px; } li { margin: 4px 0; }
  .primary { display: inline-block; background: #303030; color: #fff; padding: 8px 16px; border-radius: 8px; text-decoration: none; font-weight: 600; }
  .secondary { display: inline-block; border: 1px solid #8a8a8a; color: #303030; padding: 7px 15px; border-radius: 8px; text-decoration: none; font-weight: 600; }
  .actions { display: flex; flex-wrap: wrap; gap: 12px; }
</style></head>
<body>
<div class="topbar"><strong>Warranty Desk</strong><span class="badge">Offline demo</span><span>${escapeHtml(opts.shopName)} · ${escapeHtml(opts.shop)}</span></div>
<main>
  <h1>Warranty Desk, offline</h1>
  <p>The real app runs here against a local store simulator that speaks Shopify's published Admin API
  (2026-10). Nothing leaves this machine; no Shopify account is needed.</p>
  <p class="actions"><a class="primary" href="/demo/admin">Open the merchant admin</a>
  <a class="secondary" href="/demo/mail">Open the demo mailbox</a></p>
  <p>The demo mailbox keeps every email the app sends (a local SMTP server in the demo): the
  shoppers' confirmations and updates about their claims, in their language, and the merchant's
  notices and reminders.</p>
  <h2>The demo store's customers and orders</h2>
  <p>Each order exercises a rule of the claim policy. Open an order to see it as its customer does
  in customer accounts: the Warranty Desk block on the order (the customer's claims and what can
  still be reported) and the "Report a problem" menu item, which opens the claim page, where the
  customer files a claim with photos and then follows it. The shopper's pages speak English,
  German, French and Spanish (the switch at the top, or <code>?locale=de</code>).</p>
  <ul>${customers}</ul>
</main>
</body></html>`;
}

export function adminHostPage(opts: { shop: string; shopName: string; appSrc: string }): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Warranty Desk · ${escapeHtml(opts.shopName)} · Demo admin</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>${BASE_STYLE}
  .layout { display: grid; grid-template-columns: 240px 1fr; height: calc(100vh - 56px); }
  nav { padding: 12px 8px; border-right: 1px solid #e3e3e3; background: #ebebeb; }
  nav h2 { font-size: 13px; margin: 8px 12px; color: #616161; }
  nav a { display: block; padding: 6px 12px; border-radius: 8px; color: #303030; text-decoration: none; font-size: 14px; }
  nav a[aria-current="page"] { background: #fff; font-weight: 600; }
  nav a:focus-visible { outline: 2px solid #005bd3; }
  iframe { width: 100%; height: 100%; border: 0; background: #f1f1f1; }
  #toasts { position: fixed; bottom: 24px; left: 50%; transform: translateX(-50%); display: grid; gap: 8px; }
  .toast { background: #1a1a1a; color: #fff; padding: 10px 16px; border-radius: 10px; font-size: 14px; }
  .toast.error { background: #8e1f0b; }
</style></head>
<body>
<div class="topbar"><strong>${escapeHtml(opts.shopName)}</strong><span class="badge">Offline demo admin</span><a href="/demo" style="color:#e3e3e3">Demo home</a></div>
<div class="layout">
  <nav aria-label="Warranty Desk"><h2>Warranty Desk</h2><div id="app-nav"></div></nav>
  <main><iframe id="app" title="Warranty Desk" src="${escapeHtml(opts.appSrc)}"></iframe></main>
</div>
<div id="toasts" role="status" aria-live="polite"></div>
<script>
(function () {
  var frame = document.getElementById("app");
  var nav = document.getElementById("app-nav");
  var items = [];
  var current = "/app";
  function send(message) { frame.contentWindow.postMessage(Object.assign({ source: "warranty-desk-host" }, message), location.origin); }
  function renderNav() {
    nav.innerHTML = "";
    items.forEach(function (item) {
      var a = document.createElement("a");
      a.href = item.href;
      a.textContent = item.label;
      var active = item.home ? current === item.href : current.indexOf(item.href) === 0;
      if (active) a.setAttribute("aria-current", "page");
      a.addEventListener("click", function (event) { event.preventDefault(); send({ type: "navigate", payload: { href: item.href } }); });
      nav.appendChild(a);
    });
  }
  function toast(message, isError) {
    var el = document.createElement("div");
    el.className = "toast" + (isError ? " error" : "");
    el.textContent = message;
    document.getElementById("toasts").appendChild(el);
    setTimeout(function () { el.remove(); }, 5000);
  }
  window.addEventListener("message", function (event) {
    if (event.origin !== location.origin || !event.data || event.data.source !== "warranty-desk-app") return;
    var m = event.data;
    if (m.type === "idToken") {
      fetch("/demo/api/session-token", { cache: "no-store" })
        .then(function (r) { if (!r.ok) throw new Error("session token " + r.status); return r.json(); })
        .then(function (answer) { send({ id: m.id, payload: answer }); })
        .catch(function (err) { send({ id: m.id, error: String(err) }); });
    } else if (m.type === "navMenu") { items = m.payload.items; renderNav(); }
    else if (m.type === "location") { current = m.payload.pathname; renderNav(); }
    else if (m.type === "toast") { toast(m.payload.message, m.payload.isError); }
    else if (m.type === "titleBar") { document.title = (m.payload.title ? m.payload.title + " · " : "") + "Warranty Desk · Demo admin"; }
  });
})();
</script>
</body></html>`;
}

// ---- The shopper's side: customer-account pages around the extensions' real bundles ----

/** The shopper's languages the extensions speak; `?locale=de` on any shopper page switches. */
export const DEMO_LOCALES = ["en", "de", "fr", "es"] as const;
export type DemoLocale = (typeof DEMO_LOCALES)[number];
export const demoLocale = (value: unknown): DemoLocale =>
  DEMO_LOCALES.find(
    (locale) =>
      locale ===
      String(value ?? "")
        .slice(0, 2)
        .toLowerCase(),
  ) ?? "en";

const LANGUAGE_NAMES: Record<DemoLocale, string> = { en: "English", de: "Deutsch", fr: "Français", es: "Español" };

// The host's own words around the extensions (Shopify's customer accounts say these, not the app).
const CHROME: Record<
  DemoLocale,
  { account: string; home: string; order: string; back: string; language: string; actions: string; note: string }
> = {
  en: {
    account: "Customer account",
    home: "Demo home",
    order: "Order",
    back: "Back to order",
    language: "Language",
    actions: "Order actions",
    note: "Demo note",
  },
  de: {
    account: "Kundenkonto",
    home: "Demo-Startseite",
    order: "Bestellung",
    back: "Zurück zur Bestellung",
    language: "Sprache",
    actions: "Aktionen zur Bestellung",
    note: "Hinweis zur Demo",
  },
  fr: {
    account: "Compte client",
    home: "Accueil de la démo",
    order: "Commande",
    back: "Retour à la commande",
    language: "Langue",
    actions: "Actions sur la commande",
    note: "Note sur la démo",
  },
  es: {
    account: "Cuenta de cliente",
    home: "Inicio de la demo",
    order: "Pedido",
    back: "Volver al pedido",
    language: "Idioma",
    actions: "Acciones del pedido",
    note: "Nota de la demo",
  },
};

export interface ShopperPageOptions {
  shopName: string;
  locale: DemoLocale;
  customer: { id: string; name: string };
  order: { id: string; name: string; description: string };
}

/** Where one of the extension's targets runs (an iframe, as customer accounts sandbox them). */
export function extensionFrameUrl(opts: {
  target: string;
  customerId: string;
  orderId: string;
  locale: DemoLocale;
  url?: string;
}): string {
  const query = new URLSearchParams({
    target: opts.target,
    customer: opts.customerId,
    order: opts.orderId,
    locale: opts.locale,
  });
  if (opts.url) query.set("url", opts.url);
  return `/demo/shopper/extension?${query}`;
}

export function orderPageUrl(customerId: string, orderId: string, locale: DemoLocale): string {
  const query = new URLSearchParams({ customer: customerId, order: orderId });
  if (locale !== "en") query.set("locale", locale);
  return `/demo/shopper?${query}`;
}

const SHOPPER_STYLE = `${BASE_STYLE}
  main, .page { max-width: 860px; margin: 24px auto 48px; padding: 0 16px; display: grid; gap: 16px; }
  .card { background: #fff; border-radius: 12px; padding: 20px 24px; box-shadow: 0 1px 0 #d4d4d4; }
  .order-head { display: flex; justify-content: space-between; align-items: flex-start; gap: 16px; flex-wrap: wrap; }
  h1 { font-size: 22px; margin: 0 0 6px; }
  .note { font-size: 13px; color: #616161; margin: 0; max-width: 520px; }
  .topbar { height: auto; min-height: 56px; flex-wrap: wrap; row-gap: 4px; padding: 8px 16px; box-sizing: border-box; }
  .topbar a { color: #e3e3e3; }
  .topbar nav { display: flex; flex-wrap: wrap; gap: 10px; margin-left: auto; }
  .topbar nav a[aria-current="true"] { color: #fff; font-weight: 700; text-decoration: none; }
  iframe.ext { border: 0; width: 100%; display: block; background: transparent; height: 48px; }
  iframe#menu { width: 200px; }
  .crumbs { font-size: 14px; }
`;

function shopperTopbar(opts: {
  shopName: string;
  customerName: string;
  locale: DemoLocale;
  localeUrl: (l: DemoLocale) => string;
}) {
  const words = CHROME[opts.locale];
  const languages = DEMO_LOCALES.map(
    (l) =>
      `<a href="${escapeHtml(opts.localeUrl(l))}" lang="${l}" hreflang="${l}"${l === opts.locale ? ' aria-current="true"' : ""}>${LANGUAGE_NAMES[l]}</a>`,
  ).join("");
  return `<header class="topbar"><strong>${escapeHtml(opts.shopName)}</strong><span class="badge" lang="en">Offline demo</span><span>${escapeHtml(words.account)}: ${escapeHtml(opts.customerName)}</span>
<nav aria-label="${escapeHtml(words.language)}">${languages}<a href="/demo" lang="en">${escapeHtml(words.home)}</a></nav></header>`;
}

// Shared by the host pages: frames report their height (they grow with their content), and a
// navigation inside a full-page extension updates the address bar.
const HOST_SCRIPT = `
(function () {
  var frames = Array.prototype.slice.call(document.querySelectorAll("iframe"));
  window.addEventListener("message", function (event) {
    if (event.origin !== location.origin || !event.data || event.data.source !== "warranty-desk-extension") return;
    var m = event.data;
    var frame = frames.filter(function (f) { return f.contentWindow === event.source; })[0];
    if (m.type === "resize" && frame) frame.style.height = Math.ceil(m.height) + "px";
    if (m.type === "navigated") history.pushState(null, "", m.url);
  });
  // Back and forward after a navigation inside the extension: load that page.
  window.addEventListener("popstate", function () { location.reload(); });
})();
`;

/** A customer-account order page: the extension's menu item and its order-status block. */
export function shopperPage(opts: ShopperPageOptions): string {
  const words = CHROME[opts.locale];
  const frame = (target: string) =>
    extensionFrameUrl({ target, customerId: opts.customer.id, orderId: opts.order.id, locale: opts.locale });
  return `<!doctype html>
<html lang="${opts.locale}"><head><meta charset="utf-8"><title>${escapeHtml(words.order)} ${escapeHtml(opts.order.name)} · ${escapeHtml(opts.shopName)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>${SHOPPER_STYLE}</style></head>
<body>
${shopperTopbar({ shopName: opts.shopName, customerName: opts.customer.name, locale: opts.locale, localeUrl: (l) => orderPageUrl(opts.customer.id, opts.order.id, l) })}
<main>
  <div class="card order-head">
    <div>
      <h1>${escapeHtml(words.order)} ${escapeHtml(opts.order.name)}</h1>
      <p class="note" lang="en"><strong>${escapeHtml(CHROME.en.note)}:</strong> ${escapeHtml(opts.order.description)}</p>
    </div>
    <iframe id="menu" class="ext" title="${escapeHtml(words.actions)}" src="${escapeHtml(frame("customer-account.order.action.menu-item.render"))}"></iframe>
  </div>
  <iframe id="block" class="ext" title="Warranty Desk" src="${escapeHtml(frame("customer-account.order-status.block.render"))}"></iframe>
</main>
<script>${HOST_SCRIPT}</script>
</body></html>`;
}

/** A full-page extension on an order (customer-account.order.page.render), at its own URL. */
export function extensionPage(
  opts: ShopperPageOptions & { frameSrc: string; pageUrl: (l: DemoLocale) => string },
): string {
  const words = CHROME[opts.locale];
  return `<!doctype html>
<html lang="${opts.locale}"><head><meta charset="utf-8"><title>${escapeHtml(words.order)} ${escapeHtml(opts.order.name)} · Warranty Desk · ${escapeHtml(opts.shopName)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>${SHOPPER_STYLE}</style></head>
<body>
${shopperTopbar({ shopName: opts.shopName, customerName: opts.customer.name, locale: opts.locale, localeUrl: opts.pageUrl })}
<div class="page">
  <nav class="crumbs" aria-label="${escapeHtml(words.order)}"><a href="${escapeHtml(orderPageUrl(opts.customer.id, opts.order.id, opts.locale))}">← ${escapeHtml(words.back)} ${escapeHtml(opts.order.name)}</a></nav>
  <iframe id="page" class="ext" title="Warranty Desk" src="${escapeHtml(opts.frameSrc)}"></iframe>
</div>
<script>${HOST_SCRIPT}</script>
</body></html>`;
}

export interface ExtensionFrameOptions {
  target: string;
  /** The bundle's module (scripts/build-extension.mjs) and the extension's handle. */
  module: string;
  handle: string;
  orderId: string;
  orderName: string;
  customerId: string;
  locale: DemoLocale;
  /** A full-page target's current URL (extension:<handle>/<target>/<order number>/<path>). */
  url: string | null;
  /** Whether the target is a full page (navigation.currentEntry, navigations inside it). */
  fullPage: boolean;
}

/**
 * Runs one target of an extension's real bundle with the `shopify` global (and, on full pages, the
 * `navigation` global) it expects: translations from the extension's locales, dates and money
 * through Intl in the shopper's language, storage in localStorage, customer-account session tokens
 * signed as Shopify signs them.
 */
export function extensionFramePage(opts: ExtensionFrameOptions): string {
  const config = JSON.stringify(opts).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="${opts.locale}"><head><meta charset="utf-8"><title>Warranty Desk</title>
<style>html, body { margin: 0; background: transparent; font-family: Inter, -apple-system, "Segoe UI", Roboto, sans-serif; }</style>
<script>${FRAME_LINKS_SCRIPT(config)}</script>
<script src="/demo/polaris-stand-ins.js"></script>
</head>
<body>
<script type="module">${FRAME_MODULE_SCRIPT}</script>
</body></html>`;
}

// Before the stand-ins load: how links resolve (extension:… to the demo's pages) and the
// navigation global. Customer accounts' URL forms: extension:<handle>/<target>/<order number>/<path>
// opens a full-page extension on that order; shopify:customer-account/orders/<number> the order.
const FRAME_LINKS_SCRIPT = (config: string) => `
(function () {
  var config = ${config};
  window.__warrantyDeskConfig = config;
  var tell = function (message) { parent.postMessage(Object.assign({ source: "warranty-desk-extension" }, message), location.origin); };
  var orderNumber = config.orderId.split("/").pop();
  var query = function () {
    var q = new URLSearchParams({ customer: config.customerId });
    if (config.locale !== "en") q.set("locale", config.locale);
    return q.toString();
  };
  var EXTENSION_URL = /^extension:([^/]+)\\/([^/]+)\\/(\\d+)\\/?(.*)$/;
  function resolveHref(href) {
    var m = EXTENSION_URL.exec(href);
    if (m) return "/demo/shopper/page/" + m[1] + "/" + m[2] + "/" + m[3] + "/" + m[4] + "?" + query();
    var order = /^shopify:customer-account\\/orders\\/(\\d+)/.exec(href);
    if (order && order[1] === orderNumber) {
      return "/demo/shopper?" + query() + "&order=" + encodeURIComponent(config.orderId);
    }
    if (/^(https?:|\\/)/.test(href)) return href;
    console.error("[demo] a link the demo cannot follow: " + href);
    return "#";
  }
  // A link to the page this full-page extension shows: the extension stays, its entry changes.
  function samePage(href) {
    var m = EXTENSION_URL.exec(href);
    return config.fullPage && m && m[1] === config.handle && m[2] === config.target && m[3] === orderNumber;
  }
  var listeners = [];
  var entry = { key: "0", url: config.url, state: undefined };
  var asEntry = function (e) { return { key: e.key, url: e.url, getState: function () { return e.state; } }; };
  function navigate(href, options) {
    if (!samePage(href)) {
      top.location.href = resolveHref(href);
      return;
    }
    var from = asEntry(entry);
    entry = { key: String(Number(entry.key) + 1), url: href, state: options && options.state };
    tell({ type: "navigated", url: resolveHref(href) });
    scrollTo(0, 0);
    listeners.slice().forEach(function (listener) { listener({ navigationType: "push", from: from }); });
  }
  // Chromium has a navigation global of its own: customer accounts' replaces it.
  var api = {
    get currentEntry() { return asEntry(entry); },
    navigate: navigate,
    updateCurrentEntry: function (options) { entry = Object.assign({}, entry, { state: options && options.state }); },
    addEventListener: function (type, listener) { if (type === "currententrychange") listeners.push(listener); },
    removeEventListener: function (type, listener) { listeners = listeners.filter(function (l) { return l !== listener; }); },
  };
  if (config.fullPage) Object.defineProperty(window, "navigation", { value: api, configurable: true, writable: true });
  window.__warrantyDeskDemo = {
    resolveHref: resolveHref,
    followHref: function (href) {
      if (resolveHref(href) === "#") return true;
      navigate(href);
      return true;
    },
    tell: tell,
    navigation: api,
  };
})();
`;

const FRAME_MODULE_SCRIPT = `
const config = window.__warrantyDeskConfig;
const demo = window.__warrantyDeskDemo;
const locales = "/demo/extension/" + config.handle + "/locales/";
const load = async (file) => {
  const response = await fetch(locales + file);
  return response.ok ? response.json() : {};
};
const fallback = await load("en.default.json");
const translations = config.locale === "en" ? fallback : await load(config.locale + ".json");
const find = (tree, key) => key.split(".").reduce((node, part) => (node == null ? undefined : node[part]), tree);
const plurals = new Intl.PluralRules(config.locale);
function translate(key, replacements = {}) {
  let text = find(translations, key);
  if (text === undefined) {
    text = find(fallback, key);
    console.error(text === undefined ? "[demo] no translation for " + key : "[demo] no " + config.locale + " translation for " + key);
  }
  if (text && typeof text === "object" && typeof replacements.count === "number") text = text[plurals.select(replacements.count)] ?? text.other;
  if (typeof text !== "string") return key;
  return text.replace(/\\{\\{\\s*(\\w+)\\s*\\}\\}/g, (_, name) => (name in replacements ? String(replacements[name]) : "{{" + name + "}}"));
}
// Signals as customer accounts give them: a value, and a subscription (nothing changes here).
const signal = (value) => ({ value, subscribe: () => () => {} });
const storageKey = (key) => "demo-storage:" + config.handle + ":" + key;
const country = { en: "GB", de: "DE", fr: "FR", es: "ES" }[config.locale] ?? "GB";
globalThis.shopify = {
  extension: { target: config.target, apiVersion: "2026-07" },
  extensionPoint: config.target,
  orderId: config.orderId,
  order: signal({ id: config.orderId, name: config.orderName }),
  authenticationState: signal("fully_authenticated"),
  requireLogin: async () => {},
  localization: {
    language: signal({ isoCode: config.locale }),
    extensionLanguage: signal({ isoCode: config.locale }),
    country: signal({ isoCode: country }),
  },
  i18n: {
    translate,
    formatDate: (date, options = {}) => new Intl.DateTimeFormat(config.locale, options).format(date),
    formatNumber: (number, options = {}) => new Intl.NumberFormat(config.locale, options).format(number),
    formatCurrency: (number, options = {}) =>
      new Intl.NumberFormat(config.locale, { style: "currency", currency: "EUR", ...options }).format(number),
  },
  storage: {
    read: async (key) => {
      const stored = localStorage.getItem(storageKey(key));
      return stored === null ? null : JSON.parse(stored);
    },
    write: async (key, value) => localStorage.setItem(storageKey(key), JSON.stringify(value)),
    delete: async (key) => localStorage.removeItem(storageKey(key)),
  },
  sessionToken: {
    get: async () => {
      const response = await fetch("/demo/api/customer-session-token?customer=" + encodeURIComponent(config.customerId), { cache: "no-store" });
      return (await response.json()).token;
    },
  },
  navigation: config.fullPage ? demo.navigation : undefined,
  toast: { show: async (message) => console.info("[toast] " + message) },
};
// The frame grows with what the extension shows.
new ResizeObserver(() => demo.tell({ type: "resize", height: document.body.scrollHeight })).observe(document.body);
const extension = await import("/demo/extension/" + config.module + ".js");
await extension.default();
`;
