// The demo's own pages: the front page and the admin host frame. Plain HTML: they stand in for
// Shopify's admin, not for anything of the app's.

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const BASE_STYLE = `
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
</style></head>
<body>
<div class="topbar"><strong>Warranty Desk</strong><span class="badge">Offline demo</span><span>${escapeHtml(opts.shopName)} · ${escapeHtml(opts.shop)}</span></div>
<main>
  <h1>Warranty Desk, offline</h1>
  <p>The real app runs here against a local store simulator that speaks Shopify's published Admin API
  (2026-10). Nothing leaves this machine; no Shopify account is needed.</p>
  <p><a class="primary" href="/demo/admin">Open the merchant admin</a></p>
  <h2>The demo store's customers and orders</h2>
  <p>Each order exercises a rule of the claim policy. Open an order to see it as its customer does
  in customer accounts, with the Warranty Desk extension's "Report a problem" action.</p>
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

export interface ShopperPageOptions {
  shopName: string;
  customer: { id: string; name: string };
  order: { id: string; name: string; description: string };
}

/** A customer-account order page, with the extension's targets where Shopify renders them. */
export function shopperPage(opts: ShopperPageOptions): string {
  const frame = (target: string) =>
    `/demo/shopper/extension?target=${encodeURIComponent(target)}&customer=${encodeURIComponent(opts.customer.id)}&order=${encodeURIComponent(opts.order.id)}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Order ${escapeHtml(opts.order.name)} · ${escapeHtml(opts.shopName)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>${BASE_STYLE}
  main { max-width: 860px; margin: 32px auto; display: grid; gap: 16px; }
  .card { background: #fff; border-radius: 12px; padding: 20px 24px; box-shadow: 0 1px 0 #d4d4d4; }
  h1 { font-size: 22px; margin: 0 0 4px; }
  #menu { border: 0; width: 240px; height: 56px; }
  #overlay { position: fixed; inset: 0; background: rgba(0,0,0,.45); display: none; align-items: flex-start; justify-content: center; padding-top: 48px; }
  #overlay.open { display: flex; }
  #action { border: 0; width: min(720px, 94vw); height: 80vh; background: transparent; }
</style></head>
<body>
<div class="topbar"><strong>${escapeHtml(opts.shopName)}</strong><span class="badge">Offline demo: customer account</span><span>${escapeHtml(opts.customer.name)}</span><a href="/demo" style="color:#e3e3e3">Demo home</a></div>
<main>
  <div class="card">
    <h1>Order ${escapeHtml(opts.order.name)}</h1>
    <p>${escapeHtml(opts.order.description)}</p>
    <iframe id="menu" title="Order actions" src="${escapeHtml(frame("customer-account.order.action.menu-item.render"))}"></iframe>
  </div>
</main>
<div id="overlay"><iframe id="action" title="Report a problem"></iframe></div>
<script>
(function () {
  var overlay = document.getElementById("overlay");
  var action = document.getElementById("action");
  var actionSrc = ${JSON.stringify(frame("customer-account.order.action.render"))};
  window.addEventListener("message", function (event) {
    if (event.origin !== location.origin || !event.data || event.data.source !== "warranty-desk-extension") return;
    if (event.data.type === "openAction") { action.src = actionSrc; overlay.classList.add("open"); }
    if (event.data.type === "close") { overlay.classList.remove("open"); action.removeAttribute("src"); }
  });
})();
</script>
</body></html>`;
}

/** Runs one target of the extension's real bundle with the `shopify` global it expects. */
export function extensionFramePage(opts: {
  target: string;
  module: string;
  orderId: string;
  customerId: string;
}): string {
  const config = JSON.stringify(opts).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Warranty Desk</title>
<style>body { margin: 0; font-family: Inter, -apple-system, "Segoe UI", Roboto, sans-serif; }</style>
<script src="/demo/polaris-stand-ins.js"></script>
</head>
<body>
<script type="module">
const config = ${config};
const translations = await (await fetch("/demo/extension/locales/en.default.json")).json();
const lookup = (key) => key.split(".").reduce((node, part) => (node == null ? undefined : node[part]), translations);
const tell = (type) => parent.postMessage({ source: "warranty-desk-extension", type }, location.origin);
globalThis.shopify = {
  extension: { target: config.target, apiVersion: "2026-07" },
  orderId: config.orderId,
  authenticationState: { value: "fully_authenticated" },
  sessionToken: {
    get: async () => {
      const response = await fetch("/demo/api/customer-session-token?customer=" + encodeURIComponent(config.customerId), { cache: "no-store" });
      return (await response.json()).token;
    },
  },
  i18n: {
    translate: (key, replacements = {}) =>
      String(lookup(key) ?? key).replace(/\\{\\{(\\w+)\\}\\}/g, (_, name) => String(replacements[name] ?? "")),
    formatDate: (date, options = {}) => new Intl.DateTimeFormat("en", options).format(date),
    formatNumber: (number, options = {}) => new Intl.NumberFormat("en", options).format(number),
    formatCurrency: (number, options = {}) => new Intl.NumberFormat("en", { style: "currency", currency: "EUR", ...options }).format(number),
  },
  close: () => tell("close"),
};
const extension = await import("/demo/extension/" + config.module + ".js");
await extension.default();
if (config.target.endsWith("menu-item.render")) {
  // A menu-item button without href opens the action target, as in customer accounts.
  document.body.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest("s-button")) tell("openAction");
  });
}
</script>
</body></html>`;
}
